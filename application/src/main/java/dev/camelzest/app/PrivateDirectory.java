package dev.camelzest.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory holds investors' personal data (the H2 ledger), webhook event ids, dead-lettered events and
 * staged result files: it is created owner-only ({@code rwx------}) in the same call that creates it, and an
 * existing one that others can read is reported.
 */
final class PrivateDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateDirectory.class);
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateDirectory() {
    }

    static Path create(Path directory) {
        try {
            if (!POSIX) {
                return Files.createDirectories(directory);
            }
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory.getParent());
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else if (!ownerOnly(Files.getPosixFilePermissions(directory))) {
                LOG.warn("The data directory {} can be read by other users ({}): it holds investors' personal data;"
                        + " chmod 700 it", directory, PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + directory, e);
        }
    }

    private static boolean ownerOnly(Set<PosixFilePermission> permissions) {
        return permissions.stream().allMatch(permission -> permission.name().startsWith("OWNER_"));
    }
}

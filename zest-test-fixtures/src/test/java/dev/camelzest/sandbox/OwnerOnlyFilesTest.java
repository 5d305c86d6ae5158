package dev.camelzest.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFilesTest {

    @TempDir
    Path temp;

    @Test
    void aSecretFileIsOwnerOnlyAndComplete() throws Exception {
        Path key = temp.resolve("keys/partner.pem");
        OwnerOnlyFiles.writeSecret(key, "-----BEGIN PRIVATE KEY-----\n");
        assertThat(key).hasContent("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(key.getParent())) {
            assertThat(files).as("no part file left behind").containsExactly(key);
        }
    }

    /** Written then chmod-ed, a file would show the umask's rw-r--r-- to a watcher for a moment. */
    @Test
    void noOneWatchingEverSeesTheSecretWithWiderPermissions() throws Exception {
        Path secret = temp.resolve("sftp-password");
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (watching.get()) {
                try (Stream<Path> files = Files.list(temp)) {
                    files.forEach(file -> seen.add(permissions(file)));
                } catch (IOException e) {
                    // listed while a file moved: look again
                }
            }
        }, "watcher");
        watcher.start();
        try {
            for (int i = 0; i < 300; i++) {
                Files.deleteIfExists(secret);
                OwnerOnlyFiles.writeSecret(secret, "password-" + i);
            }
        } finally {
            watching.set(false);
            watcher.join(10_000);
        }
        seen.remove("");
        assertThat(seen).containsOnly("rw-------");
    }

    private static String permissions(Path file) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

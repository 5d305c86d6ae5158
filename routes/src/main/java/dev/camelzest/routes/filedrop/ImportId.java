package dev.camelzest.routes.filedrop;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The id of one dropped file, as the ledger records which file created each person: the SHA-256 of its name and
 * content. A file left in place by an import that stopped (or by a replica that died) has the same id when it is
 * imported again, here or on another replica; a corrected file dropped under the same name has another.
 */
final class ImportId {

    private ImportId() {
    }

    static String of(String fileName, Path content) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(content), digest(fileName))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + content, e);
        }
    }

    private static MessageDigest digest(String fileName) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(fileName.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return digest;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.camelzest.routes.filedrop;

import java.io.IOException;
import java.io.InputStream;
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
public final class ImportId {

    private ImportId() {
    }

    static String of(String fileName, Path content) {
        try (InputStream in = Files.newInputStream(content)) {
            return of(fileName, in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + content, e);
        }
    }

    /** The id of the file of that name and content, read to its end (the caller bounds it). */
    public static String of(String fileName, InputStream content) throws IOException {
        DigestInputStream in = new DigestInputStream(content, digest(fileName));
        in.transferTo(OutputStream.nullOutputStream());
        return HexFormat.of().formatHex(in.getMessageDigest().digest());
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

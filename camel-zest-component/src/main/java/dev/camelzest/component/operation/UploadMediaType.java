package dev.camelzest.component.operation;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The four file types Zest accepts, recognised by their leading bytes (the file name is not trusted). A four-entry
 * signature table does not justify a content-detection library. Public so that routes can check a file before they
 * hand it to an upload.
 */
public enum UploadMediaType {
    PDF("application/pdf", ".pdf", 0, ascii("%PDF-")),
    PNG("image/png", ".png", 0, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }),
    JPEG("image/jpeg", ".jpg", 0, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),
    /** RIFF container whose form type (bytes 8-11) is WEBP. */
    WEBP("image/webp", ".webp", 8, ascii("WEBP"));

    /** Enough leading bytes to recognise every type. */
    public static final int SNIFF_LENGTH = 12;
    private static final byte[] RIFF = ascii("RIFF");

    private final String mimeType;
    private final String extension;
    private final int offset;
    private final byte[] signature;

    UploadMediaType(String mimeType, String extension, int offset, byte[] signature) {
        this.mimeType = mimeType;
        this.extension = extension;
        this.offset = offset;
        this.signature = signature;
    }

    public String mimeType() {
        return mimeType;
    }

    public String extension() {
        return extension;
    }

    /** The type of a file by its first {@code length} bytes (at least {@link #SNIFF_LENGTH} are needed). */
    public static Optional<UploadMediaType> detect(byte[] head, int length) {
        for (UploadMediaType type : values()) {
            if (type.matches(head, length)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private boolean matches(byte[] head, int length) {
        if (length < offset + signature.length) {
            return false;
        }
        if (this == WEBP && !Arrays.equals(head, 0, RIFF.length, RIFF, 0, RIFF.length)) {
            return false;
        }
        return Arrays.equals(head, offset, offset + signature.length, signature, 0, signature.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}

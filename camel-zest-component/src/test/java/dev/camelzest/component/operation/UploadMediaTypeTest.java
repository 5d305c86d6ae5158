package dev.camelzest.component.operation;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UploadMediaTypeTest {

    @Test
    void recognisesTheFourAcceptedTypesByContent() {
        assertEquals(Optional.of(UploadMediaType.PDF), detect("%PDF-1.7\n%".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of(UploadMediaType.PNG),
                detect(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13 }));
        assertEquals(Optional.of(UploadMediaType.JPEG), detect(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }));
        assertEquals(Optional.of(UploadMediaType.WEBP), detect("RIFF\u0024\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void rejectsEverythingElse() {
        assertEquals(Optional.empty(), detect("hello, this is text".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), detect("RIFF\u0024\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(Optional.empty(), detect("%PD".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), detect(new byte[0]));
    }

    private static Optional<UploadMediaType> detect(byte[] bytes) {
        byte[] head = new byte[UploadMediaType.SNIFF_LENGTH];
        int length = Math.min(bytes.length, head.length);
        System.arraycopy(bytes, 0, head, 0, length);
        return UploadMediaType.detect(head, length);
    }
}

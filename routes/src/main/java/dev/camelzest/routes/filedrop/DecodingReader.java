package dev.camelzest.routes.filedrop;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Decodes a file with the JDK's {@link CharsetDecoder}, strictly: a byte sequence that is not valid in the
 * character set is not silently replaced but reported. It becomes U+FFFD in the text, so that the rest of the file
 * reads on, and its place is kept ({@link #takeBadBytesBefore}) for the reader to mark the row it falls in. A UTF-8
 * byte order mark is skipped. Reading past {@link #limitAt} characters fails: that is how a record or line longer
 * than its bound is stopped before it is held in memory.
 */
final class DecodingReader extends Reader {

    /** Where in the file a byte sequence could not be decoded: its place in the text and in the bytes. */
    record BadBytes(long charPosition, long byteOffset) {
    }

    /** Thrown when the text read passes the limit set with {@link #limitAt}. */
    static final class LimitExceeded extends IOException {
        LimitExceeded() {
            super("record length bound exceeded");
        }
    }

    private static final int BUFFER = 8192;

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
    private final Deque<BadBytes> badBytes = new ArrayDeque<>();
    /** The file offset of {@code bytes}' first byte. */
    private long bufferOffset;
    private long charPosition;
    private long limit = Long.MAX_VALUE;
    private boolean endOfInput;
    private boolean flushed;

    DecodingReader(Path file, Charset charset) throws IOException {
        InputStream raw = Files.newInputStream(file);
        if (charset.equals(StandardCharsets.UTF_8)) {
            BOMInputStream withoutBom = BOMInputStream.builder().setInputStream(raw)
                    .setByteOrderMarks(ByteOrderMark.UTF_8).get();
            bufferOffset = withoutBom.hasBOM() ? ByteOrderMark.UTF_8.length() : 0;
            raw = withoutBom;
        }
        this.in = raw;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
    }

    /** Characters handed out so far. */
    long position() {
        return charPosition;
    }

    /** Reading beyond this character position fails with {@link LimitExceeded}. */
    void limitAt(long position) {
        this.limit = position;
    }

    /** The bad byte sequences found before {@code charPosition}, removed from what is kept. */
    BadBytes takeBadBytesBefore(long charPosition) {
        BadBytes first = null;
        while (!badBytes.isEmpty() && badBytes.peekFirst().charPosition() < charPosition) {
            BadBytes taken = badBytes.pollFirst();
            if (first == null) {
                first = taken;
            }
        }
        return first;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (flushed) {
            return -1;
        }
        if (charPosition >= limit) {
            throw new LimitExceeded();
        }
        CharBuffer out = CharBuffer.wrap(target, offset, (int) Math.min(length, limit - charPosition));
        while (out.position() == offset) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                badBytes.addLast(new BadBytes(charPosition + out.position() - offset, bufferOffset + bytes.position()));
                bytes.position(bytes.position() + result.length());
                out.put('\uFFFD');
            } else if (result.isUnderflow()) {
                if (endOfInput) {
                    if (!flushed) {
                        decoder.flush(out);
                        flushed = true;
                    }
                    if (out.position() == offset) {
                        return -1;
                    }
                } else {
                    fill();
                }
            }
        }
        int read = out.position() - offset;
        charPosition += read;
        return read;
    }

    private void fill() throws IOException {
        int consumed = bytes.position();
        bytes.compact();
        bufferOffset += consumed;
        int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (read < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

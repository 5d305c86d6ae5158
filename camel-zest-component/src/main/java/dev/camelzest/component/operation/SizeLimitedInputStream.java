package dev.camelzest.component.operation;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import dev.camelzest.component.http.UploadLimitExceededException;

/** Streams an upload of unknown length and aborts it as soon as it passes the limit. */
final class SizeLimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    SizeLimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    private void counted(long n) throws UploadLimitExceededException {
        count += n;
        if (count > limit) {
            throw new UploadLimitExceededException(limit);
        }
    }
}

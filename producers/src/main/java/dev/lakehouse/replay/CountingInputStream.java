package dev.lakehouse.replay;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read, for a progress estimate. Read by the replay thread only. */
final class CountingInputStream extends FilterInputStream {
    private long bytesRead;

    CountingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            bytesRead++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            bytesRead += n;
        }
        return n;
    }

    long bytesRead() {
        return bytesRead;
    }
}

package org.discern.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A gzip stream inflated on its own thread: the thread inflates blocks of {@code block} bytes
 * ahead of the reader and hands them over through a queue of at most {@code depth} blocks (a
 * bounded hand-off: when the reader falls behind, the inflater waits), so the chunked reader's
 * calling thread cuts and hands out chunks while the next bytes are being inflated. Concatenated
 * gzip members are read as one stream ({@link GzipMembers}: anything else after the last member
 * is an error). An error of the
 * inflater (a corrupt or truncated stream) is thrown by the {@code read} that reaches it, after
 * every byte inflated before it. Closing stops the thread and closes the source.
 */
final class InflaterThread extends InputStream {
    private static final byte[] END = new byte[0];

    private final BlockingQueue<Object> queue; // byte[] blocks, then END or an IOException
    private final Thread thread;
    private final InputStream source;
    private final String name;
    private byte[] current = new byte[0];
    private int pos;
    private boolean done;
    private volatile boolean closed;

    InflaterThread(InputStream compressed, int block, int depth) {
        this("(gzip)", compressed, block, depth);
    }

    /**
     * @param name the file name for messages (a stream that is not gzip, or that has bytes after
     *        its last member, is an {@link InputException} naming it; see {@link GzipMembers})
     */
    InflaterThread(String name, InputStream compressed, int block, int depth) {
        this.source = compressed;
        this.name = name;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, depth));
        this.thread = new Thread(() -> inflate(block), "discern-inflate");
        thread.setDaemon(true);
        thread.start();
    }

    private void inflate(int block) {
        try (InputStream in = new GzipMembers(name, source, 1 << 16)) {
            while (!closed) {
                byte[] b = new byte[block];
                int n = in.readNBytes(b, 0, b.length);
                if (n > 0) {
                    queue.put(n == b.length ? b : java.util.Arrays.copyOf(b, n));
                }
                if (n < b.length) {
                    queue.put(END);
                    return;
                }
            }
        } catch (IOException e) {
            offerQuietly(e);
        } catch (RuntimeException e) {
            offerQuietly(new IOException(e.getMessage(), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void offerQuietly(IOException e) {
        try {
            queue.put(e);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    /** Makes {@code current} hold unread bytes; false at the end of the stream. */
    private boolean fill() throws IOException {
        while (pos == current.length) {
            if (done) {
                return false;
            }
            Object next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while inflating");
            }
            if (next instanceof IOException e) {
                done = true;
                throw e;
            }
            if (next == END) {
                done = true;
                return false;
            }
            current = (byte[]) next;
            pos = 0;
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        return fill() ? current[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        int total = 0;
        while (total < len && fill()) {
            int n = Math.min(len - total, current.length - pos);
            System.arraycopy(current, pos, b, off + total, n);
            pos += n;
            total += n;
        }
        return total == 0 ? -1 : total;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        thread.interrupt();
        queue.clear();
        source.close();
    }
}

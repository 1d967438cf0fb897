package org.discern.io;

import java.util.Locale;

/**
 * Refusal before allocating: a known size (an array's shape, a number of bins, replicates times
 * rows) needs more Java heap than the JVM may use ({@link Runtime#maxMemory()}). The message
 * names what and how much: {@code y_score.npy: 100,000,000 x 25 float32 scores need about 104.3
 * GB of Java heap; the limit is 4.0 GB}. The command line maps it to exit code 1 and says how to
 * raise the limit.
 */
public final class HeapLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long needed;
    private final long limit;

    /**
     * @param source the file or option the size comes from
     * @param what what needs the memory, e.g. "100,000,000 x 25 float32 scores"
     * @param needed the bytes of heap needed, about
     * @param limit the heap limit in bytes
     */
    public HeapLimitException(String source, String what, long needed, long limit) {
        super(source + ": " + what + " need about " + bytes(needed) + " of Java heap; the limit is " + bytes(limit));
        this.needed = needed;
        this.limit = limit;
    }

    /** The bytes of heap needed, about. */
    public long needed() {
        return needed;
    }

    /** The heap limit in bytes when refused. */
    public long limit() {
        return limit;
    }

    /** Bytes for people: "512 MB", "3.5 GB". */
    public static String bytes(long b) {
        double gb = b / (double) (1L << 30);
        if (gb >= 1) {
            return String.format(Locale.ROOT, "%.1f GB", gb);
        }
        return String.format(Locale.ROOT, "%d MB", Math.max(1, Math.round(b / (double) (1L << 20))));
    }
}

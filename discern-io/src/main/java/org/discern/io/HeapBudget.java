package org.discern.io;

import java.util.Locale;

/**
 * How much Java heap an evaluation needs, from sizes known before reading (the shapes in
 * {@code .npy} headers, the number of bins or replicates), so that a job that cannot fit is
 * refused before allocating rather than running out of memory midway.
 *
 * <p>The figures are the smallest {@code -Xmx} with which {@code discern evaluate} of NumPy input
 * (Parquet input for {@link #parquetBinary}) finished, divided by the size (10 million binary
 * rows; 1 million x 10 class scores; the binary figures of the paths that read without an array
 * of scores, the lower of 1e7 and 1e8 rows; JDK 17, G1), rounded down: so a refusal means the
 * job surely does not fit, and a job just under the limit may still run out of memory (then with
 * a message, see the command line). Reading CSV needs somewhat less per row.
 * docs/RELIABILITY.md ("Memory and limits") lists them.
 */
public final class HeapBudget {
    /** Heap per row of a binary evaluation: labels, scores widened to double, the sorted table. */
    public static final long BINARY_BYTES_PER_ROW = 48;
    /**
     * Heap per row of a binary evaluation made as the rows are read, none kept
     * ({@link InputSpec#evaluationOnly()}): the labels as class indices, the sort keys, the table
     * (1e8 NumPy rows needed 1,280-1,536 MB, 1e7 255 MB).
     */
    public static final long EVALUATED_BINARY_BYTES_PER_ROW = 13;
    /**
     * Heap per row of a binary evaluation of Parquet input: the decoded scores and label codes and
     * the sort keys (evaluated as read, 1e8 rows needed 2,036-2,128 MB, 1e7 197-204 MB; with the
     * rows kept, 2,400-2,496 MB and 274 MB).
     */
    public static final long PARQUET_BINARY_BYTES_PER_ROW = 20;
    /** Heap per score of a multi-class or multi-label evaluation of float32 (or float16) scores. */
    public static final long FLOAT_BYTES_PER_SCORE = 44;
    /** Heap per score of a multi-class or multi-label evaluation of float64 (or integer) scores. */
    public static final long DOUBLE_BYTES_PER_SCORE = 56;

    private HeapBudget() {
    }

    /** Heap needed by a binary evaluation of {@code rows} samples, about. */
    public static long binary(long rows) {
        return saturated(rows, BINARY_BYTES_PER_ROW);
    }

    /** Heap needed by a binary evaluation of {@code rows} samples of Parquet input, about. */
    public static long parquetBinary(long rows) {
        return saturated(rows, PARQUET_BINARY_BYTES_PER_ROW);
    }

    /** Heap needed by a binary evaluation of {@code rows} samples made as they are read, about. */
    public static long evaluatedBinary(long rows) {
        return saturated(rows, EVALUATED_BINARY_BYTES_PER_ROW);
    }

    /** Heap needed by a multi-class or multi-label evaluation of a rows x columns score matrix, about. */
    public static long matrix(long rows, long columns, boolean floatScores) {
        return saturated(saturated(rows, columns), floatScores ? FLOAT_BYTES_PER_SCORE : DOUBLE_BYTES_PER_SCORE);
    }

    /** The heap limit of this JVM in bytes. */
    public static long limit() {
        return Runtime.getRuntime().maxMemory();
    }

    /**
     * Refuses when {@code needed} bytes exceed the heap limit.
     *
     * @throws HeapLimitException naming {@code source}, {@code what}, the need and the limit
     */
    public static void check(String source, String what, long needed) {
        long limit = limit();
        if (needed > limit) {
            throw new HeapLimitException(source, what, needed, limit);
        }
    }

    /** "100,000,000" with grouping, locale-independent. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static long saturated(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }
}

package org.discern.metrics;

import java.util.stream.IntStream;

import org.discern.metrics.internal.Checks;
import org.discern.metrics.internal.Sorting;

/**
 * An n x K row-major score matrix read in place: checked once (every score finite, and whether
 * every score is exactly a float), never copied or transposed. A column is read with a stride of
 * K, one class at a time, into the arrays that class's sort needs. Package-private plumbing of
 * {@link MulticlassEvaluation#summaryOf}; {@link ScoreColumns#rowMajor} checks through it.
 */
final class RowMajorScores implements ScoreRows {
    /** Below this many scores the checks run on the calling thread. */
    static final long PARALLEL_THRESHOLD = 1L << 17;

    final int n;
    final int k;
    // exactly one of the two is non-null. Doubles: the caller's blocks of rows, block b holding
    // rows [b * perBlock, b * perBlock + perBlock) row-major (one block: the caller's array).
    // Floats: the caller's array, row i at [i * k, i * k + k).
    private final double[][] d;
    private final int perBlock;
    private final float[] f;
    // every score is exactly a float: always for float input, for double input when each value is
    private final boolean floats;

    private RowMajorScores(int n, int k, double[][] d, int perBlock, float[] f, boolean floats) {
        this.n = n;
        this.k = k;
        this.d = d;
        this.perBlock = perBlock;
        this.f = f;
        this.floats = floats;
    }

    /**
     * Checks an n x K row-major double matrix (one parallel pass: finite, and whether every score
     * is exactly a float) and wraps it without copying.
     *
     * @throws IllegalArgumentException on a wrong length or a score that is not finite, naming it
     */
    static RowMajorScores of(double[] scores, int n, int k) {
        checkShape(scores == null ? -1 : scores.length, scores, n, k);
        return checked(new double[][] {scores}, Math.max(1, n), n, k);
    }

    /**
     * Checks an n x K double matrix held in blocks of rows (block b holds rows [b * perBlock,
     * b * perBlock + perBlock) row-major, the last block at least its remaining rows; values
     * beyond them are not read) and wraps it without copying.
     *
     * @throws IllegalArgumentException on a missing or short block or a score that is not finite
     */
    static RowMajorScores ofBlocks(double[][] blocks, int perBlock, int n, int k) {
        Checks.notNull(blocks, "scores");
        if (perBlock < 1) {
            throw new IllegalArgumentException("rowsPerBlock must be >= 1, got " + perBlock);
        }
        long needed = ((long) n + perBlock - 1) / perBlock;
        if (blocks.length != needed) {
            throw new IllegalArgumentException("scores must hold " + needed + " blocks of " + perBlock + " rows for "
                    + n + " rows, got " + blocks.length);
        }
        for (int b = 0; b < blocks.length; b++) {
            Checks.notNull(blocks[b], "scores[" + b + "]");
            long rows = Math.min(perBlock, n - (long) b * perBlock);
            if (blocks[b].length < rows * k) {
                throw new IllegalArgumentException("scores[" + b + "] must hold " + rows + " x " + k + " = "
                        + rows * k + " values, got " + blocks[b].length);
            }
        }
        return checked(blocks, perBlock, n, k);
    }

    private static RowMajorScores checked(double[][] blocks, int perBlock, int n, int k) {
        boolean[] fits = {true};
        boolean finite = ranges(blocks, perBlock, n, k, (block, from, to) -> {
            boolean ok = true;
            boolean fl = true;
            for (int at = from; at < to; at++) {
                double v = block[at];
                ok &= Double.isFinite(v);
                fl &= (double) (float) v == v;
            }
            if (!fl) {
                fits[0] = false; // only ever cleared: the race is benign
            }
            return ok;
        });
        RowMajorScores m = new RowMajorScores(n, k, blocks, perBlock, null, fits[0]);
        if (!finite) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < k; j++) {
                    double v = m.get(i, j);
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("scores[" + i + "][" + j + "] must be finite, got " + v);
                    }
                }
            }
        }
        return m;
    }

    /** Work on the values [from, to) of one block; returns whether they were valid. */
    @FunctionalInterface
    private interface Range {
        boolean run(double[] block, int from, int to);
    }

    /** Runs {@code range} over every block's rows, split in parallel for large matrices. */
    private static boolean ranges(double[][] blocks, int perBlock, int n, int k, Range range) {
        if (blocks.length == 1) {
            double[] one = blocks[0];
            return rowBlocks(n, k, (from, to) -> range.run(one, from * k, to * k));
        }
        return IntStream.range(0, blocks.length).parallel()
                .mapToObj(b -> range.run(blocks[b], 0, (int) Math.min(perBlock, n - (long) b * perBlock) * k))
                .reduce(true, (a, b) -> a && b);
    }

    /** As {@link #of(double[], int, int)} for a float matrix. */
    static RowMajorScores of(float[] scores, int n, int k) {
        checkShape(scores == null ? -1 : scores.length, scores, n, k);
        boolean finite = rowBlocks(n, k, (from, to) -> {
            boolean ok = true;
            for (int at = from * k, end = to * k; at < end; at++) {
                ok &= Float.isFinite(scores[at]);
            }
            return ok;
        });
        if (!finite) {
            for (int i = 0; i < scores.length; i++) {
                if (!Float.isFinite(scores[i])) {
                    throw new IllegalArgumentException("scores[" + (i / k) + "][" + (i % k) + "] must be finite, got "
                            + scores[i]);
                }
            }
        }
        return new RowMajorScores(n, k, null, 1, scores, true);
    }

    private static void checkShape(int length, Object scores, int n, int k) {
        Checks.notNull(scores, "scores");
        if ((long) n * k != length) {
            throw new IllegalArgumentException(
                    "scores must hold n x K = " + n + " x " + k + " = " + ((long) n * k) + " values, got " + length);
        }
    }

    @Override
    public int rows() {
        return n;
    }

    @Override
    public int columns() {
        return k;
    }

    @Override
    public boolean floats() {
        return floats;
    }

    /** Bytes of the matrix itself. */
    long bytes() {
        return (long) n * k * (f != null ? 4 : 8);
    }

    @Override
    public double get(int i, int j) {
        if (f != null) {
            return f[i * k + j];
        }
        return d[i / perBlock][(i % perBlock) * k + j];
    }

    @Override
    public void fillRow(int i, double[] row) {
        if (f != null) {
            for (int j = 0, at = i * k; j < k; j++) {
                row[j] = f[at + j];
            }
        } else {
            System.arraycopy(d[i / perBlock], (i % perBlock) * k, row, 0, k);
        }
    }

    /** The float array as given (null when held as double). */
    float[] floatScores() {
        return f;
    }

    /** The double array as given when it is one block (else, and for floats, null). */
    double[] doubleScores() {
        return d != null && d.length == 1 ? d[0] : null;
    }

    /**
     * Column c packed with a payload for {@link Sorting#sortByUpper32}:
     * {@code packed[i] = floatKey(score(i, c)) << 32 | payload[i]}. Only when {@link #floats()}.
     */
    void packFloatKeys(int c, int[] payload, long[] packed) {
        if (f != null) {
            for (int i = 0, at = c; i < n; i++, at += k) {
                packed[i] = ((long) Sorting.floatKey(f[at]) << 32) | (payload[i] & 0xFFFFFFFFL);
            }
            return;
        }
        for (int b = 0, i = 0; i < n; b++) {
            double[] block = d[b];
            for (int end = Math.min(n, i + perBlock), at = c; i < end; i++, at += k) {
                packed[i] = ((long) Sorting.floatKey((float) block[at]) << 32) | (payload[i] & 0xFFFFFFFFL);
            }
        }
    }

    /** Column c as {@link Sorting#doubleKey} keys, into {@code keys}. */
    void doubleKeys(int c, long[] keys) {
        if (f != null) {
            for (int i = 0, at = c; i < n; i++, at += k) {
                keys[i] = Sorting.doubleKey(f[at]);
            }
            return;
        }
        for (int b = 0, i = 0; i < n; b++) {
            double[] block = d[b];
            for (int end = Math.min(n, i + perBlock), at = c; i < end; i++, at += k) {
                keys[i] = Sorting.doubleKey(block[at]);
            }
        }
    }

    /** Copies column c (as double) into {@code out}. */
    void column(int c, double[] out) {
        if (f != null) {
            for (int i = 0, at = c; i < n; i++, at += k) {
                out[i] = f[at];
            }
            return;
        }
        for (int b = 0, i = 0; i < n; b++) {
            double[] block = d[b];
            for (int end = Math.min(n, i + perBlock), at = c; i < end; i++, at += k) {
                out[i] = block[at];
            }
        }
    }

    /** Work on the rows [from, to) of the matrix; returns whether they were valid. */
    @FunctionalInterface
    interface RowBlock {
        boolean run(int from, int to);
    }

    /**
     * Runs {@code block} over the rows in blocks, in parallel for large matrices (each block
     * writes disjoint rows, so the result does not depend on the scheduling); true when every
     * block returned true.
     */
    static boolean rowBlocks(int n, int k, RowBlock block) {
        if ((long) n * k < PARALLEL_THRESHOLD) {
            return block.run(0, n);
        }
        final int rows = Math.max(1, (1 << 16) / Math.max(1, k));
        final int blocks = (n + rows - 1) / rows;
        return IntStream.range(0, blocks).parallel()
                .mapToObj(b -> block.run(b * rows, Math.min(n, (b + 1) * rows)))
                .reduce(true, (a, b) -> a && b);
    }
}

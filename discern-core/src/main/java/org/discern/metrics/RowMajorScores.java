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
    // exactly one of the two is non-null: the caller's array, row i at [i * k, i * k + k)
    private final double[] d;
    private final float[] f;
    // every score is exactly a float: always for float input, for double input when each value is
    private final boolean floats;

    private RowMajorScores(int n, int k, double[] d, float[] f, boolean floats) {
        this.n = n;
        this.k = k;
        this.d = d;
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
        boolean[] fits = {true};
        boolean finite = rowBlocks(n, k, (from, to) -> {
            boolean ok = true;
            boolean fl = true;
            for (int at = from * k, end = to * k; at < end; at++) {
                double v = scores[at];
                ok &= Double.isFinite(v);
                fl &= (double) (float) v == v;
            }
            if (!fl) {
                fits[0] = false; // only ever cleared: the race is benign
            }
            return ok;
        });
        if (!finite) {
            for (int i = 0; i < scores.length; i++) {
                if (!Double.isFinite(scores[i])) {
                    throw new IllegalArgumentException("scores[" + (i / k) + "][" + (i % k) + "] must be finite, got "
                            + scores[i]);
                }
            }
        }
        return new RowMajorScores(n, k, scores, null, fits[0]);
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
        return new RowMajorScores(n, k, null, scores, true);
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

    /** Whether the matrix is held as float (else as double, exactly floats or not). */
    boolean floatArray() {
        return f != null;
    }

    /** Bytes of the matrix itself. */
    long bytes() {
        return (long) n * k * (f != null ? 4 : 8);
    }

    @Override
    public double get(int i, int j) {
        int at = i * k + j;
        return f != null ? f[at] : d[at];
    }

    @Override
    public void fillRow(int i, double[] row) {
        int at = i * k;
        if (f != null) {
            for (int j = 0; j < k; j++) {
                row[j] = f[at + j];
            }
        } else {
            System.arraycopy(d, at, row, 0, k);
        }
    }

    /** Float row-major scores as given (null when held as double). */
    float[] floatScores() {
        return f;
    }

    /** Double row-major scores as given (null when held as float). */
    double[] doubleScores() {
        return d;
    }

    /**
     * Column c packed with a payload for {@link Sorting#sortByUpper32}:
     * {@code packed[i] = floatKey(score(i, c)) << 32 | payload[i]}. Only when {@link #floats()}.
     */
    void packFloatKeys(int c, int[] payload, long[] packed) {
        if (f != null) {
            for (int i = 0, at = c; i < n; i++, at += k) {
                packed[i] = ((long) Sorting.floatKey(f[at]) << 32)
                        | (payload[i] & 0xFFFFFFFFL);
            }
        } else {
            for (int i = 0, at = c; i < n; i++, at += k) {
                packed[i] = ((long) Sorting.floatKey((float) d[at]) << 32)
                        | (payload[i] & 0xFFFFFFFFL);
            }
        }
    }

    /** Copies column c (as double) into {@code out}. */
    void column(int c, double[] out) {
        if (f != null) {
            for (int i = 0, at = c; i < n; i++, at += k) {
                out[i] = f[at];
            }
        } else {
            for (int i = 0, at = c; i < n; i++, at += k) {
                out[i] = d[at];
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

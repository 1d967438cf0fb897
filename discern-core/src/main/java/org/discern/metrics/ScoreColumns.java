package org.discern.metrics;

import java.util.concurrent.ForkJoinTask;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.discern.metrics.internal.Checks;
import org.discern.metrics.internal.Weights;

/**
 * An n x K score matrix checked and transposed into K columns, held as {@code float} when every
 * score is exactly a float (then the sorts work on 32-bit keys and give identical results), as
 * {@code double} otherwise. Package-private plumbing of the multi-class and multi-label
 * evaluations.
 */
final class ScoreColumns {
    /** Below this many scores the columns are processed on the calling thread. */
    private static final long PARALLEL_THRESHOLD = 1L << 17;

    final int n;
    final int k;
    // exactly one of the two is non-null; column j holds the scores of class j, row order kept
    final float[][] f;
    final double[][] d;

    private ScoreColumns(int n, int k, float[][] f, double[][] d) {
        this.n = n;
        this.k = k;
        this.f = f;
        this.d = d;
    }

    /** Score of row i, column j. */
    double get(int i, int j) {
        return f != null ? f[j][i] : d[j][i];
    }

    /** Column j as float (null when held as double). */
    float[] floatColumn(int j) {
        return f == null ? null : f[j];
    }

    /** Column j as double (null when held as float). */
    double[] doubleColumn(int j) {
        return d == null ? null : d[j];
    }

    /** Row-major n x k double scores. */
    static ScoreColumns rowMajor(double[] scores, int n, int k) {
        Checks.notNull(scores, "scores");
        if ((long) n * k != scores.length) {
            throw new IllegalArgumentException(
                    "scores must hold n x K = " + n + " x " + k + " = " + ((long) n * k) + " values, got " + scores.length);
        }
        // one parallel pass checks finiteness and whether every score is exactly a float
        boolean[] fits = {true};
        boolean finite = rowBlocks(n, k, (from, to) -> {
            boolean ok = true;
            boolean f = true;
            for (int at = from * k, end = to * k; at < end; at++) {
                double v = scores[at];
                ok &= Double.isFinite(v);
                f &= (double) (float) v == v;
            }
            if (!f) {
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
        if (fits[0]) {
            float[][] cols = new float[k][n];
            rowBlocks(n, k, (from, to) -> {
                for (int i = from, at = from * k; i < to; i++) {
                    for (int j = 0; j < k; j++) {
                        cols[j][i] = (float) scores[at++];
                    }
                }
                return true;
            });
            return new ScoreColumns(n, k, cols, null);
        }
        double[][] cols = new double[k][n];
        rowBlocks(n, k, (from, to) -> {
            for (int i = from, at = from * k; i < to; i++) {
                for (int j = 0; j < k; j++) {
                    cols[j][i] = scores[at++];
                }
            }
            return true;
        });
        return new ScoreColumns(n, k, null, cols);
    }

    /** Row-major n x k float scores. */
    static ScoreColumns rowMajor(float[] scores, int n, int k) {
        Checks.notNull(scores, "scores");
        if ((long) n * k != scores.length) {
            throw new IllegalArgumentException(
                    "scores must hold n x K = " + n + " x " + k + " = " + ((long) n * k) + " values, got " + scores.length);
        }
        float[][] cols = new float[k][n];
        boolean finite = rowBlocks(n, k, (from, to) -> {
            boolean ok = true;
            for (int i = from, at = from * k; i < to; i++) {
                for (int j = 0; j < k; j++) {
                    float v = scores[at++];
                    ok &= Float.isFinite(v);
                    cols[j][i] = v;
                }
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
        return new ScoreColumns(n, k, cols, null);
    }

    /** Work on the rows [from, to) of the matrix; returns whether they were valid. */
    @FunctionalInterface
    private interface RowBlock {
        boolean run(int from, int to);
    }

    /**
     * Runs {@code block} over the rows in blocks, in parallel for large matrices (each block
     * writes disjoint rows, so the result does not depend on the scheduling); true when every
     * block returned true.
     */
    private static boolean rowBlocks(int n, int k, RowBlock block) {
        if ((long) n * k < PARALLEL_THRESHOLD) {
            return block.run(0, n);
        }
        final int rows = Math.max(1, (1 << 16) / Math.max(1, k));
        final int blocks = (n + rows - 1) / rows;
        return IntStream.range(0, blocks).parallel()
                .mapToObj(b -> block.run(b * rows, Math.min(n, (b + 1) * rows)))
                .reduce(true, (a, b) -> a && b);
    }

    /** The columns restricted to the given rows (ascending), in that order. */
    ScoreColumns select(int[] rows) {
        int m = rows.length;
        if (f != null) {
            float[][] cols = new float[k][];
            for (int j = 0; j < k; j++) {
                cols[j] = Weights.select(f[j], rows);
            }
            return new ScoreColumns(m, k, cols, null);
        }
        double[][] cols = new double[k][];
        for (int j = 0; j < k; j++) {
            cols[j] = Weights.select(d[j], rows);
        }
        return new ScoreColumns(m, k, null, cols);
    }

    /** One array per row, each of length k. */
    static ScoreColumns rows(double[][] scores, int n, int k) {
        Checks.notNull(scores, "scores");
        Checks.sameLength(n, scores.length, "labels", "scores");
        boolean fits = true;
        for (int i = 0; i < n; i++) {
            double[] r = scores[i];
            Checks.notNull(r, "scores[" + i + "]");
            if (r.length != k) {
                throw new IllegalArgumentException("scores[" + i + "] must have length " + k + ", got " + r.length);
            }
            for (int j = 0; j < k; j++) {
                double s = r[j];
                if (!Double.isFinite(s)) {
                    throw new IllegalArgumentException("scores[" + i + "][" + j + "] must be finite, got " + s);
                }
                fits &= (double) (float) s == s;
            }
        }
        if (fits) {
            float[][] cols = new float[k][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < k; j++) {
                    cols[j][i] = (float) scores[i][j];
                }
            }
            return new ScoreColumns(n, k, cols, null);
        }
        double[][] cols = new double[k][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                cols[j][i] = scores[i][j];
            }
        }
        return new ScoreColumns(n, k, null, cols);
    }

    /**
     * Runs {@code task} for every column, in parallel on the common fork-join pool when the matrix
     * is large, and returns the results in column order. Each task only reads shared input, so
     * the results do not depend on the scheduling.
     */
    <T> T[] forEachColumn(IntFunction<T> task, IntFunction<T[]> array) {
        T[] out = array.apply(k);
        if ((long) n * k < PARALLEL_THRESHOLD) {
            for (int j = 0; j < k; j++) {
                out[j] = task.apply(j);
            }
        } else {
            IntStream.range(0, k).parallel().forEach(j -> out[j] = task.apply(j));
        }
        return out;
    }

    /** Starts {@code task} on the common pool when the matrix is large; otherwise runs it now. */
    <T> ForkJoinTask<T> fork(java.util.concurrent.Callable<T> task) {
        ForkJoinTask<T> t = ForkJoinTask.adapt(task);
        if ((long) n * k < PARALLEL_THRESHOLD) {
            t.invoke();
        } else {
            t.fork();
        }
        return t;
    }
}

package org.discern.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
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
final class ScoreColumns implements ScoreRows {
    /** Below this many scores the columns are processed on the calling thread. */
    private static final long PARALLEL_THRESHOLD = RowMajorScores.PARALLEL_THRESHOLD;

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
        return f != null;
    }

    @Override
    public double get(int i, int j) {
        return f != null ? f[j][i] : d[j][i];
    }

    @Override
    public void fillRow(int i, double[] row) {
        if (f != null) {
            for (int j = 0; j < k; j++) {
                row[j] = f[j][i];
            }
        } else {
            for (int j = 0; j < k; j++) {
                row[j] = d[j][i];
            }
        }
    }

    /** Column j as float (null when held as double). */
    float[] floatColumn(int j) {
        return f == null ? null : f[j];
    }

    /** Column j as double (null when held as float). */
    double[] doubleColumn(int j) {
        return d == null ? null : d[j];
    }

    /** Row-major n x k double scores: checked, then transposed (as float when every score is one). */
    static ScoreColumns rowMajor(double[] scores, int n, int k) {
        return transpose(RowMajorScores.of(scores, n, k));
    }

    /** Row-major n x k float scores: checked, then transposed. */
    static ScoreColumns rowMajor(float[] scores, int n, int k) {
        return transpose(RowMajorScores.of(scores, n, k));
    }

    /** The columns of a checked row-major matrix, as float when every score is exactly one. */
    static ScoreColumns transpose(RowMajorScores m) {
        final int n = m.n;
        final int k = m.k;
        final float[] fs = m.floatScores();
        final double[] ds = m.doubleScores();
        if (fs == null && ds == null) {
            // blocks of rows: one column at a time
            if (m.floats()) {
                float[][] cols = new float[k][];
                double[] col = new double[n];
                for (int j = 0; j < k; j++) {
                    m.column(j, col);
                    cols[j] = new float[n];
                    for (int i = 0; i < n; i++) {
                        cols[j][i] = (float) col[i];
                    }
                }
                return new ScoreColumns(n, k, cols, null);
            }
            double[][] cols = new double[k][];
            for (int j = 0; j < k; j++) {
                cols[j] = new double[n];
                m.column(j, cols[j]);
            }
            return new ScoreColumns(n, k, null, cols);
        }
        if (m.floats()) {
            float[][] cols = new float[k][n];
            RowMajorScores.rowBlocks(n, k, (from, to) -> {
                for (int i = from, at = from * k; i < to; i++) {
                    for (int j = 0; j < k; j++, at++) {
                        cols[j][i] = fs != null ? fs[at] : (float) ds[at];
                    }
                }
                return true;
            });
            return new ScoreColumns(n, k, cols, null);
        }
        double[][] cols = new double[k][n];
        RowMajorScores.rowBlocks(n, k, (from, to) -> {
            for (int i = from, at = from * k; i < to; i++) {
                for (int j = 0; j < k; j++) {
                    cols[j][i] = ds[at++];
                }
            }
            return true;
        });
        return new ScoreColumns(n, k, null, cols);
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

    /**
     * Runs {@code task} for the columns 0..k-1 on at most {@code workers} threads at once (the
     * caller and workers of the common fork-join pool; one thread when {@code scores} is small),
     * each thread taking the next column when it is done with one, and returns the results in
     * column order. Bounding the threads bounds the memory of the columns in progress; each task
     * only reads shared input, so the results do not depend on the scheduling.
     */
    static <T> T[] forEachColumn(int k, long scores, int workers, IntFunction<T> task, IntFunction<T[]> array) {
        T[] out = array.apply(k);
        int threads = scores < PARALLEL_THRESHOLD ? 1
                : Math.min(Math.min(k, workers), ForkJoinPool.getCommonPoolParallelism() + 1);
        AtomicInteger next = new AtomicInteger();
        Runnable loop = () -> {
            for (int c = next.getAndIncrement(); c < k; c = next.getAndIncrement()) {
                out[c] = task.apply(c);
            }
        };
        List<ForkJoinTask<?>> helpers = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            helpers.add(ForkJoinTask.adapt(loop).fork());
        }
        loop.run();
        for (ForkJoinTask<?> h : helpers) {
            h.join();
        }
        return out;
    }

    /** Starts {@code task} on the common pool when the matrix is large; otherwise runs it now. */
    <T> ForkJoinTask<T> fork(java.util.concurrent.Callable<T> task) {
        return fork((long) n * k, task);
    }

    /** Starts {@code task} on the common pool when {@code scores} is large; otherwise runs it now. */
    static <T> ForkJoinTask<T> fork(long scores, java.util.concurrent.Callable<T> task) {
        ForkJoinTask<T> t = ForkJoinTask.adapt(task);
        if (scores < PARALLEL_THRESHOLD) {
            t.invoke();
        } else {
            t.fork();
        }
        return t;
    }
}

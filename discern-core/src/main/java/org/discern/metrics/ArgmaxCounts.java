package org.discern.metrics;

import java.util.Arrays;
import java.util.List;

import org.discern.metrics.internal.Checks;

/**
 * The mergeable sums over the rows of a multi-class sample that its argmax predictions need:
 * the confusion matrix of the first maximum of each row (as its non-zero cells: O(n), never
 * K x K), the weight of the samples whose true class is at each position of their row (top-k
 * accuracy), the total weight, and the log-loss sum with the first row that keeps log loss from
 * being computed. No sort is needed: a distributed engine aggregates these per partition and
 * merges them, whatever the number of distinct scores. Part of every {@link MulticlassCounts}
 * ({@link MulticlassCounts#argmax()}); with per-class sweeps it makes a {@link MulticlassSweep}.
 *
 * <p>Rows are numbered in merge order (the rows of {@code this} before those of the argument of
 * {@link #merge}): only the log-loss warning names a row.
 *
 * <p>Instances are immutable; arrays never leak.
 * {@link java.io.Serializable}, so that a distributed engine can ship it between processes.
 */
public final class ArgmaxCounts implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String> classes;
    private final long rows;
    private final boolean weighted;
    // cells[i] = t * K + p ascending, values[i] the weight of the samples of class t whose first
    // maximum is column p
    private final long[] cells;
    private final double[] values;
    // rankWeight[r] = weight of samples whose true class is at position r of their row
    private final double[] rankWeight;
    private final double weightSum;
    // sum of w * -log(p_true) while every row qualifies; lossProblemRow >= 0 names the first that does not
    private final double lossSum;
    private final long lossProblemRow;
    private final String lossProblemDetail;
    // rows of weight 0 left out (a sample of weight 0 is the same as no sample)
    private final long zeroWeightRows;

    private ArgmaxCounts(List<String> classes, long rows, boolean weighted, long[] cells, double[] values,
            double[] rankWeight, double weightSum, double lossSum, long lossProblemRow, String lossProblemDetail,
            long zeroWeightRows) {
        this.classes = classes;
        this.rows = rows;
        this.weighted = weighted;
        this.cells = cells;
        this.values = values;
        this.rankWeight = rankWeight;
        this.weightSum = weightSum;
        this.lossSum = lossSum;
        this.lossProblemRow = lossProblemRow;
        this.lossProblemDetail = lossProblemDetail;
        this.zeroWeightRows = zeroWeightRows;
    }

    /**
     * The sums of one pass over rows (the kept ones: of positive weight); {@code kept} maps a kept
     * row to its index among the rows as given (null when every row was kept), so the log-loss
     * warning names the row as given.
     */
    static ArgmaxCounts of(List<String> classes, MulticlassEvaluation.ArgmaxPass pass, long rows, boolean weighted,
            long zeroWeightRows, int[] kept) {
        MulticlassConfusionMatrix cm = pass.confusion.build(classes);
        long problemRow = kept == null || pass.lossProblemRow < 0 ? pass.lossProblemRow : kept[(int) pass.lossProblemRow];
        return new ArgmaxCounts(classes, rows, weighted, cm.cellArray().clone(), cm.valueArray().clone(),
                pass.rankWeight, pass.weightSum, pass.lossSum, problemRow, pass.lossProblemDetail,
                zeroWeightRows);
    }

    /**
     * The sums of both samples together, the rows of {@code this} first.
     *
     * @throws IllegalArgumentException when the classes differ
     */
    public ArgmaxCounts merge(ArgmaxCounts other) {
        Checks.notNull(other, "other");
        if (!classes.equals(other.classes)) {
            throw new IllegalArgumentException("summaries of other classes cannot be merged: " + classes + " and "
                    + other.classes);
        }
        int a = cells.length;
        int b = other.cells.length;
        long[] mc = new long[a + b];
        double[] mv = new double[a + b];
        int m = 0;
        for (int i = 0, j = 0; i < a || j < b; m++) {
            long cell = j >= b || i < a && cells[i] <= other.cells[j] ? cells[i] : other.cells[j];
            mc[m] = cell;
            if (i < a && cells[i] == cell) {
                mv[m] += values[i++];
            }
            if (j < b && other.cells[j] == cell) {
                mv[m] += other.values[j++];
            }
        }
        double[] ranks = rankWeight.clone();
        for (int i = 0; i < ranks.length; i++) {
            ranks[i] += other.rankWeight[i];
        }
        long problemRow = lossProblemRow >= 0 ? lossProblemRow
                : other.lossProblemRow >= 0 ? rows + zeroWeightRows + other.lossProblemRow : -1; // rows as given
        String detail = lossProblemRow >= 0 ? lossProblemDetail : other.lossProblemDetail;
        return new ArgmaxCounts(classes, rows + other.rows, weighted || other.weighted, Arrays.copyOf(mc, m),
                Arrays.copyOf(mv, m), ranks, weightSum + other.weightSum, lossSum + other.lossSum, problemRow, detail,
                zeroWeightRows + other.zeroWeightRows);
    }

    /** The sums of all parts together, in list order (rows are numbered in that order). */
    public static ArgmaxCounts mergeAll(List<ArgmaxCounts> parts) {
        return Merging.pairwise(parts, ArgmaxCounts::merge);
    }

    /**
     * These sums with {@code more} rows of weight 0 counted (see
     * {@link MulticlassCounts#plusZeroWeightRows}).
     *
     * @throws IllegalArgumentException when {@code more < 0}
     */
    public ArgmaxCounts plusZeroWeightRows(long more) {
        if (more < 0) {
            throw new IllegalArgumentException("rows must be >= 0, got " + more);
        }
        return more == 0 ? this : new ArgmaxCounts(classes, rows, weighted, cells, values, rankWeight, weightSum,
                lossSum, lossProblemRow, lossProblemDetail, zeroWeightRows + more);
    }

    /** The K class names, in column order. */
    public List<String> classes() {
        return classes;
    }

    /** Number of samples summed (of positive weight). */
    public long rows() {
        return rows;
    }

    /** Whether sample weights were given. */
    public boolean weighted() {
        return weighted;
    }

    /** Number of rows of weight 0 left out. */
    public long zeroWeightRows() {
        return zeroWeightRows;
    }

    /** Number of non-zero cells of the confusion matrix (at most min(n, K x K)). */
    public int cells() {
        return cells.length;
    }

    /** Copy of the argmax confusion matrix, rows = true class, columns = predicted class (K x K doubles). */
    public double[][] confusion() {
        int k = classes.size();
        double[][] out = new double[k][k];
        for (int i = 0; i < cells.length; i++) {
            out[(int) (cells[i] / k)][(int) (cells[i] % k)] = values[i];
        }
        return out;
    }

    /** The evaluation's view of these sums, every weight times {@code f} (a power of two: exact). */
    MulticlassEvaluation.ArgmaxPass pass(double f) {
        double[] v = values.clone();
        double[] ranks = rankWeight.clone();
        if (f != 1) {
            for (int i = 0; i < v.length; i++) {
                v[i] *= f;
            }
            for (int i = 0; i < ranks.length; i++) {
                ranks[i] *= f;
            }
        }
        return new MulticlassEvaluation.ArgmaxPass(MulticlassConfusionMatrix.Accumulator.of(classes.size(), cells, v),
                ranks, lossSum * f, weightSum * f, lossProblemRow, lossProblemDetail);
    }

    @Override
    public String toString() {
        return "ArgmaxCounts[classes=" + classes.size() + ", rows=" + rows + ", cells=" + cells.length + "]";
    }
}

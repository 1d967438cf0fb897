package org.discern.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.discern.metrics.internal.Checks;
import org.discern.metrics.internal.Sorting;
import org.discern.metrics.internal.Weights;

/**
 * A mergeable exact summary of a multi-class sample: per score column a {@link ClassScoreCounts}
 * (counts per distinct score and true class), and the sums over rows that the argmax predictions
 * need (confusion matrix, top-k ranks, log loss). Summaries of parts of a sample (partitions,
 * batches, files) merge into the summary of the whole; {@link #toEvaluation()} gives the
 * {@link MulticlassEvaluation} of the whole: per-class one-vs-rest curves and areas, their macro,
 * weighted and micro averages, the one-vs-one (Hand &amp; Till) AUC and every argmax metric.
 *
 * <p>A row of weight 0 is the same as no row (as in {@link MulticlassEvaluation}): it is left out
 * and only counted, for the evaluation's warning.
 *
 * <p>Without weights the merged result equals {@link MulticlassEvaluation#of} of all rows bit for
 * bit, log loss aside (a sum over rows, added in another order: equal to rounding); with weights
 * every number agrees to rounding (about 1e-15 relative), since sums are grouped differently.
 *
 * <p><b>Rows and merge order.</b> Merging is associative and commutative for every number. Only
 * the log-loss warning names a row ("row 7 sums to 1.2"): rows (weight 0 or not) are numbered in merge order, the
 * rows of {@code this} before those of the argument of {@link #merge}, so the warning matches a
 * single pass when parts are merged in input order.
 *
 * <p>Instances are immutable; arrays never leak.
 * {@link java.io.Serializable}, so that a distributed engine can ship it between processes.
 */
public final class MulticlassCounts implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String> classes;
    private final ClassScoreCounts[] columns;
    // the sums over rows of the argmax predictions (confusion matrix, top-k ranks, log loss)
    private final ArgmaxCounts argmax;

    private MulticlassCounts(List<String> classes, ClassScoreCounts[] columns, ArgmaxCounts argmax) {
        this.classes = classes;
        this.columns = columns;
        this.argmax = argmax;
    }

    /**
     * The summary of an n x K row-major double score matrix (sample i's scores at
     * {@code scores[i * K .. i * K + K)}); checks as {@link MulticlassEvaluation#of(int[], double[],
     * List, double[])}.
     */
    public static MulticlassCounts of(int[] labels, double[] scores, List<String> classes, double[] weights) {
        int k = MulticlassEvaluation.checkClasses(classes);
        MulticlassEvaluation.checkLabels(labels, k);
        Checks.weights(weights, labels.length);
        return build(labels, ScoreColumns.rowMajor(scores, labels.length, k), classes, weights);
    }

    /** The summary of an n x K row-major float score matrix; see {@link #of(int[], double[], List, double[])}. */
    public static MulticlassCounts of(int[] labels, float[] scores, List<String> classes, double[] weights) {
        int k = MulticlassEvaluation.checkClasses(classes);
        MulticlassEvaluation.checkLabels(labels, k);
        Checks.weights(weights, labels.length);
        return build(labels, ScoreColumns.rowMajor(scores, labels.length, k), classes, weights);
    }

    private static MulticlassCounts build(int[] labels, ScoreColumns all, List<String> names, double[] weights) {
        // a sample of weight 0 is the same as no sample (as MulticlassEvaluation)
        int[] kept = Weights.keptRows(weights);
        ScoreColumns s = kept == null ? all : all.select(kept);
        int[] y = kept == null ? labels : Weights.select(labels, kept);
        double[] w = kept == null ? weights : Weights.select(weights, kept);
        int k = s.k;
        ClassScoreCounts[] cols = s.forEachColumn(c -> s.f != null
                ? ClassScoreCounts.fromOrder(Sorting.argsort(s.f[c]), null, s.f[c], y, k, w)
                : ClassScoreCounts.fromOrder(Sorting.argsort(s.d[c]), s.d[c], null, y, k, w), ClassScoreCounts[]::new);
        MulticlassEvaluation.ArgmaxPass pass = new MulticlassEvaluation.ArgmaxPass(s, y, w);
        List<String> classes = List.copyOf(names);
        return new MulticlassCounts(classes, cols, ArgmaxCounts.of(classes, pass, s.n, weights != null,
                kept == null ? 0 : labels.length - kept.length, kept));
    }

    /**
     * The summary of both samples together, the rows of {@code this} first (see the class notes).
     *
     * @throws IllegalArgumentException when the classes differ
     */
    public MulticlassCounts merge(MulticlassCounts other) {
        Checks.notNull(other, "other");
        if (!classes.equals(other.classes)) {
            throw new IllegalArgumentException("summaries of other classes cannot be merged: " + classes + " and "
                    + other.classes);
        }
        int k = classes.size();
        ClassScoreCounts[] cols = new ClassScoreCounts[k];
        for (int c = 0; c < k; c++) {
            cols[c] = columns[c].merge(other.columns[c]);
        }
        return new MulticlassCounts(classes, cols, argmax.merge(other.argmax));
    }

    /** The summary of all parts together, in list order (see the class notes on row numbers). */
    public static MulticlassCounts mergeAll(List<MulticlassCounts> parts) {
        return Merging.pairwise(parts, MulticlassCounts::merge);
    }

    /** The K class names, in column order. */
    public List<String> classes() {
        return classes;
    }

    /** Number of samples summarised (of positive weight: rows of weight 0 are left out). */
    public long rows() {
        return argmax.rows();
    }

    /** Number of rows of weight 0 left out (the evaluation's warning gives it). */
    public long zeroWeightRows() {
        return argmax.zeroWeightRows();
    }

    /**
     * This summary with {@code more} rows of weight 0 counted (left out by a reader that skips
     * them, e.g. a distributed one whose partition held only such rows); they change no number,
     * only the warning of {@link #toEvaluation()}.
     *
     * @throws IllegalArgumentException when {@code more < 0}
     */
    public MulticlassCounts plusZeroWeightRows(long more) {
        if (more < 0) {
            throw new IllegalArgumentException("rows must be >= 0, got " + more);
        }
        return more == 0 ? this : new MulticlassCounts(classes, columns, argmax.plusZeroWeightRows(more));
    }

    /** Whether sample weights were given. */
    public boolean weighted() {
        return argmax.weighted();
    }

    /** The sums over rows of the argmax predictions (mergeable on their own, with no sort). */
    public ArgmaxCounts argmax() {
        return argmax;
    }

    /** The summary of score column c (the column of class c). */
    public ClassScoreCounts column(int c) {
        return columns[c];
    }

    /**
     * The pooled one-vs-rest summary of every (sample, class) decision: decision (i, c) has score
     * {@code scores[i][c]} and is positive iff sample i is of class c. Its evaluation is the micro
     * average.
     */
    public ScoreCounts pooled() {
        List<ScoreCounts> parts = new ArrayList<>(columns.length);
        for (int c = 0; c < columns.length; c++) {
            parts.add(columns[c].oneVsRest(c));
        }
        return ScoreCounts.mergeAll(parts);
    }

    /**
     * Copy of the argmax confusion matrix, rows = true class, columns = predicted class: K x K
     * doubles (the summary itself holds only the non-zero cells).
     */
    public double[][] confusion() {
        return argmax.confusion();
    }

    /**
     * The evaluation of the summarised sample, equal to {@link MulticlassEvaluation#of} of all rows
     * (see the class notes for the precision).
     *
     * @throws IllegalStateException when more than {@link Integer#MAX_VALUE} samples (or pooled
     *     decisions) are summarised
     */
    public MulticlassEvaluation toEvaluation() {
        int k = classes.size();
        long rows = argmax.rows();
        if (rows * k > Integer.MAX_VALUE) {
            throw new IllegalStateException("a multi-class evaluation holds at most " + Integer.MAX_VALUE
                    + " pooled decisions, this summary has " + rows + " x " + k);
        }
        // extreme weights: every weight times one power of two (exact; 1 in the ordinary range), so
        // that products of weighted counts neither overflow nor underflow
        double total = 0;
        for (double w : columns[0].classWeights()) {
            total += w;
        }
        double f = Weights.scaleFor(total);
        ClassScoreCounts[] scaled = new ClassScoreCounts[k];
        ScoreCounts[] ovr = new ScoreCounts[k];
        boolean[] hasRows = new boolean[k];
        for (int c = 0; c < k; c++) {
            scaled[c] = columns[c].scaledBy(f);
            ovr[c] = scaled[c].oneVsRest(c);
            hasRows[c] = ovr[c].positiveRows() > 0;
        }
        OneVsOne pairs = OneVsOne.ofPresent(hasRows);
        ClassColumn[] cols = new ClassColumn[k];
        for (int c = 0; c < k; c++) {
            double[] ovo = null;
            if (hasRows[c]) {
                double[] sums = scaled[c].oneVsOneSums(c, 0);
                ovo = new double[pairs.size()];
                for (int slot = 0; slot < ovo.length; slot++) {
                    ovo[slot] = sums[pairs.present[slot]];
                }
            }
            cols[c] = ClassColumn.of(ovr[c].toOperatingPoints(), ovo);
        }
        MicroAverage micro = MicroAverage.fromPoints(ScoreCounts.mergeAll(Arrays.asList(ovr)).toOperatingPoints());
        return MulticlassEvaluation.assemble(classes, (int) rows, argmax.weighted(), cols, pairs, micro, argmax.pass(f),
                argmax.zeroWeightRows());
    }

    @Override
    public String toString() {
        return "MulticlassCounts[classes=" + classes.size() + ", rows=" + rows() + ", weighted=" + weighted() + "]";
    }
}

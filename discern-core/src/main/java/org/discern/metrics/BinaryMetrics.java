package org.discern.metrics;

import org.discern.metrics.internal.Checks;
import org.discern.metrics.internal.RankCounting;

/**
 * One-shot binary summaries for large inputs, when only a number is wanted: the exact ROC AUC
 * and the average precision without building the operating-point table.
 *
 * <p>Each method returns exactly what {@link BinaryEvaluation} returns for the same input
 * ({@code BinaryEvaluation.of(scores, labels, weights).rocAuc()} and {@code averagePrecision()}),
 * with the same conventions: ties between a positive and a negative count one half in the AUC,
 * average precision is step-wise (scikit-learn's {@code average_precision_score}), and both are
 * NaN when one class is absent. Use {@link BinaryEvaluation} when several views of the same
 * scores are needed; it sorts once for all of them.
 *
 * <p>Unweighted scores take a counting path: with rare positives (or rare negatives) only the
 * small class is sorted and the other is counted against it in one pass, using a few bytes per
 * small-class sample; otherwise the two classes' keys are radix sorted apart, 8 bytes per
 * sample. Counts are integers ({@code long}), so the AUC is exact up to its final division (the
 * table sums in {@code double}: the two agree bit for bit while 2PN stays below 2^53, about
 * 9e15 pairs; beyond that this class is the more exact). From 2^21 samples on, the counting
 * pass is split in two halves, one run on the common {@link java.util.concurrent.ForkJoinPool};
 * the halves' integer counts are added, so the result is the same on any number of cores.
 * Weighted input goes through the operating-point table.
 *
 * <pre>{@code
 * double auc = BinaryMetrics.rocAuc(scores, labels);          // float[] scores, boolean[] labels
 * double ap = BinaryMetrics.averagePrecision(scores, labels);
 * }</pre>
 */
public final class BinaryMetrics {
    private BinaryMetrics() {
    }

    /**
     * Exact ROC AUC of unweighted float scores: the probability that a random positive scores
     * above a random negative, ties counting one half.
     *
     * @param scores finite scores, higher meaning more likely positive
     * @param labels {@code true} for positives, same length as scores
     * @return the AUC in [0, 1]; NaN when all labels are equal
     * @throws IllegalArgumentException on null or empty input, unequal lengths or a non-finite
     *     score (the message names the first such index and its value)
     */
    public static double rocAuc(float[] scores, boolean[] labels) {
        int p = checkedPositives(scores, labels);
        if (p == 0 || p == scores.length) {
            Checks.finiteScores(scores, "scores");
            return Double.NaN;
        }
        long twice = RankCounting.twiceMannWhitney(scores, labels, p);
        double pp = p;
        double nn = scores.length - p;
        return twice / (2 * pp * nn);
    }

    /**
     * Exact ROC AUC of unweighted double scores; see {@link #rocAuc(float[], boolean[])}. The
     * counting path is the same, on 64-bit keys.
     */
    public static double rocAuc(double[] scores, boolean[] labels) {
        int p = checkedPositives(scores, labels);
        if (p == 0 || p == scores.length) {
            Checks.finiteScores(scores, "scores");
            return Double.NaN;
        }
        long twice = RankCounting.twiceMannWhitney(scores, labels, p);
        double pp = p;
        double nn = scores.length - p;
        return twice / (2 * pp * nn);
    }

    /**
     * ROC AUC of weighted float scores: pairs count by the product of their weights (the
     * trapezoid area of the weighted ROC curve, as {@link BinaryEvaluation#rocAuc()}).
     *
     * @param weights finite weights &gt;= 0, or {@code null} for the unweighted AUC
     * @return NaN when either class has zero total weight
     * @throws IllegalArgumentException on invalid input, also for a negative or non-finite weight
     */
    public static double rocAuc(float[] scores, boolean[] labels, double[] weights) {
        if (weights == null) {
            return rocAuc(scores, labels);
        }
        return BinaryEvaluation.of(OperatingPoints.of(scores, labels, weights)).rocAuc();
    }

    /** ROC AUC of weighted double scores; see {@link #rocAuc(float[], boolean[], double[])}. */
    public static double rocAuc(double[] scores, boolean[] labels, double[] weights) {
        if (weights == null) {
            return rocAuc(scores, labels);
        }
        return BinaryEvaluation.of(OperatingPoints.of(scores, labels, weights)).rocAuc();
    }

    /**
     * Step-wise average precision of unweighted float scores, as scikit-learn's
     * {@code average_precision_score}: the sum over distinct thresholds of the recall gained
     * times the precision there.
     *
     * @param scores finite scores, higher meaning more likely positive
     * @param labels {@code true} for positives, same length as scores
     * @return the average precision in [0, 1]; NaN when all labels are equal
     * @throws IllegalArgumentException on null or empty input, unequal lengths or a non-finite
     *     score (the message names the first such index and its value)
     */
    public static double averagePrecision(float[] scores, boolean[] labels) {
        int p = checkedPositives(scores, labels);
        if (p == 0 || p == scores.length) {
            Checks.finiteScores(scores, "scores");
            return Double.NaN;
        }
        return RankCounting.averagePrecision(scores, labels, p);
    }

    /**
     * Average precision of unweighted double scores; see
     * {@link #averagePrecision(float[], boolean[])} and {@link #rocAuc(double[], boolean[])}.
     */
    public static double averagePrecision(double[] scores, boolean[] labels) {
        int p = checkedPositives(scores, labels);
        if (p == 0 || p == scores.length) {
            Checks.finiteScores(scores, "scores");
            return Double.NaN;
        }
        return RankCounting.averagePrecision(scores, labels, p);
    }

    /**
     * Average precision of weighted float scores (recall and precision from weight sums).
     *
     * @param weights finite weights &gt;= 0, or {@code null} for the unweighted value
     * @return NaN when either class has zero total weight
     */
    public static double averagePrecision(float[] scores, boolean[] labels, double[] weights) {
        if (weights == null) {
            return averagePrecision(scores, labels);
        }
        return BinaryEvaluation.of(OperatingPoints.of(scores, labels, weights)).averagePrecision();
    }

    /** Average precision of weighted double scores; see {@link #averagePrecision(float[], boolean[], double[])}. */
    public static double averagePrecision(double[] scores, boolean[] labels, double[] weights) {
        if (weights == null) {
            return averagePrecision(scores, labels);
        }
        return BinaryEvaluation.of(OperatingPoints.of(scores, labels, weights)).averagePrecision();
    }

    private static int checkedPositives(float[] scores, boolean[] labels) {
        Checks.notNull(scores, "scores");
        Checks.notNull(labels, "labels");
        Checks.nonEmpty(scores.length, "scores");
        Checks.sameLength(scores.length, labels.length, "scores", "labels");
        return RankCounting.positives(labels);
    }

    private static int checkedPositives(double[] scores, boolean[] labels) {
        Checks.notNull(scores, "scores");
        Checks.notNull(labels, "labels");
        Checks.nonEmpty(scores.length, "scores");
        Checks.sameLength(scores.length, labels.length, "scores", "labels");
        return RankCounting.positives(labels);
    }
}

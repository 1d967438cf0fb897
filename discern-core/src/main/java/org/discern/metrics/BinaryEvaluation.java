package org.discern.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

import org.discern.metrics.internal.Checks;
import org.discern.metrics.internal.Sorting;
import org.discern.metrics.internal.Weights;

/**
 * Everything Discern computes for a binary classifier from one sort of its scores: curves,
 * threshold-free summaries, the confusion matrix at any threshold and, when the scores are
 * probabilities, log loss and Brier score.
 *
 * <p>Conventions: positive iff {@code score >= threshold}; thresholds descending; ties between
 * a positive and a negative score get half credit in the ROC AUC (trapezoid over merged ties,
 * equal to the Mann-Whitney statistic). Undefined values on valid input are NaN and come with
 * a warning in {@link #warnings()}: with only one class in the labels, the ROC AUC, the DET curve
 * and the KS statistic are NaN; so are the PR summaries without positives, while without
 * negatives every precision is 1 and average precision and both PR areas are 1 (as
 * scikit-learn's {@code average_precision_score}).
 *
 * <pre>{@code
 * BinaryEvaluation ev = BinaryEvaluation.of(scores, labels);
 * double auc = ev.rocAuc();
 * ConfusionMatrix cm = ev.confusionAt(0.5);
 * }</pre>
 */
public final class BinaryEvaluation {
    private final OperatingPoints points;
    private final double logLoss;
    private final double brier;
    private final boolean probabilities;
    private final List<String> warnings;

    private BinaryEvaluation(OperatingPoints points, double logLoss, double brier,
            boolean probabilities, List<String> extraWarnings) {
        this.points = points;
        this.logLoss = logLoss;
        this.brier = brier;
        this.probabilities = probabilities;
        List<String> w = new ArrayList<>(extraWarnings);
        String oneClass = oneClassWarning(points.positives(), points.negatives());
        if (oneClass != null) {
            w.add(oneClass);
        }
        this.warnings = List.copyOf(w);
    }

    /** The warning of a table with only one class (with non-zero weight), or null. */
    static String oneClassWarning(double positives, double negatives) {
        if (positives == 0) {
            return "only negative samples: ROC AUC, average precision, PR areas, KS and DET curve are undefined "
                    + "(NaN); balanced accuracy is the specificity alone";
        }
        if (negatives == 0) {
            return "only positive samples: ROC AUC, KS and DET curve are undefined (NaN); every precision is 1, "
                    + "so average precision and the PR areas are 1; balanced accuracy is the recall alone";
        }
        return null;
    }

    /** Evaluation of unweighted double scores. */
    public static BinaryEvaluation of(double[] scores, boolean[] labels) {
        return of(scores, labels, null);
    }

    /** Evaluation of unweighted float scores. */
    public static BinaryEvaluation of(float[] scores, boolean[] labels) {
        return of(scores, labels, null);
    }

    /** Evaluation with 0/1 labels; weights may be null. */
    public static BinaryEvaluation of(double[] scores, int[] labels, double[] weights) {
        return of(scores, Checks.binaryLabels(labels), weights);
    }

    /** Evaluation with 0/1 labels; weights may be null. */
    public static BinaryEvaluation of(float[] scores, int[] labels, double[] weights) {
        return of(scores, Checks.binaryLabels(labels), weights);
    }

    /**
     * Evaluation of double scores.
     *
     * @param scores finite scores, higher meaning more likely positive
     * @param labels true for positives
     * @param weights sample weights (finite, &gt;= 0, not all 0) or null; a row of weight 0 is the
     *     same as no row (no curve point, threshold or count; a warning gives their number)
     * @throws IllegalArgumentException on invalid input (see {@link OperatingPoints#of})
     */
    public static BinaryEvaluation of(double[] scores, boolean[] labels, double[] weights) {
        if (weights == null && onTwoThreads(scores == null ? -1 : scores.length, labels)) {
            return unweightedOnTwoThreads(scores, labels);
        }
        OperatingPoints op = OperatingPoints.of(scores, labels, weights);
        // a row of weight 0 is no row: its score is no probability either
        int[] kept = Weights.keptRows(weights);
        if (kept != null) {
            return withProbabilities(op, Weights.select(scores, kept), Weights.select(labels, kept),
                    Weights.select(weights, kept), weights.length - kept.length);
        }
        return withProbabilities(op, scores, labels, weights, 0);
    }

    /** Evaluation of float scores; see {@link #of(double[], boolean[], double[])}. */
    public static BinaryEvaluation of(float[] scores, boolean[] labels, double[] weights) {
        if (weights == null && onTwoThreads(scores == null ? -1 : scores.length, labels)) {
            return unweightedOnTwoThreads(scores, labels);
        }
        OperatingPoints op = OperatingPoints.of(scores, labels, weights);
        int[] kept = Weights.keptRows(weights);
        if (kept != null) {
            return withProbabilities(op, Weights.select(scores, kept), Weights.select(labels, kept),
                    Weights.select(weights, kept), weights.length - kept.length);
        }
        return withProbabilities(op, scores, labels, weights, 0);
    }

    /**
     * Many unweighted double scores on two threads, the same evaluation as the one-thread path
     * ({@code TwoThreadEvaluationTest}): the rows in two halves split at a block's end of the
     * sums, the later half on the common fork-join pool. One pass over each half checks the
     * scores (finite; all floats, which the table sorts as floats), counts the positives and sums
     * log loss and Brier score (the halves' sums joined, {@link ProbabilityMetrics.Sums#addAll});
     * a second puts each row's key ({@link Sorting#doubleKey}) into its class's array, the later
     * half's after the earlier half's; then each class is sorted (on two threads each, the pool
     * free) and the table merged as {@link OperatingPoints#of} merges it.
     */
    private static BinaryEvaluation unweightedOnTwoThreads(double[] scores, boolean[] labels) {
        int n = scores.length;
        int half = (n >>> 1) & -ProbabilityMetrics.SUM_BLOCK;
        ForkJoinTask<Facts> laterFacts = ForkJoinPool.commonPool().submit(
                () -> Facts.of(scores, labels, half, n, ProbabilityMetrics.Sums.joinable()));
        Facts earlier = Facts.of(scores, labels, 0, half, new ProbabilityMetrics.Sums());
        Facts later = laterFacts.join();
        ProbabilityMetrics.Sums sums = earlier.sums;
        sums.addAll(later.sums);
        if (!earlier.finite || !later.finite) {
            Checks.finiteScores(scores, "scores"); // throws, naming the first
        }
        if (earlier.floats && later.floats) {
            return fromSums(OperatingPoints.of(scores, labels, null), sums); // float keys
        }
        int p = earlier.positives + later.positives;
        long[] pos = new long[p];
        long[] neg = new long[n - p];
        int pAt = earlier.positives;
        ForkJoinTask<?> laterKeys = ForkJoinPool.commonPool().submit(
                () -> Sorting.classKeys(scores, labels, half, n, pos, pAt, neg, half - pAt));
        Sorting.classKeys(scores, labels, 0, half, pos, 0, neg, 0);
        laterKeys.join();
        long[] scratch = new long[Math.max(p, n - p)];
        Sorting.sort(pos, p, scratch);
        Sorting.sort(neg, n - p, scratch);
        scratch = null;
        return fromSums(OperatingPoints.ofSortedKeys(pos, neg), sums);
    }

    /** What one pass over rows {@code [from, to)} finds: finite scores, all floats, positives, the sums. */
    private record Facts(boolean finite, boolean floats, int positives, ProbabilityMetrics.Sums sums) {
        static Facts of(double[] s, boolean[] y, int from, int to, ProbabilityMetrics.Sums sums) {
            boolean finite = true;
            boolean floats = true;
            boolean summing = true;
            int positives = 0;
            for (int i = from; i < to; i++) {
                double v = s[i];
                finite &= Double.isFinite(v);
                floats &= (double) (float) v == v;
                positives += y[i] ? 1 : 0;
                if (summing) {
                    summing = sums.add(v, y[i]); // false once some score is not a probability
                }
            }
            return new Facts(finite, floats, positives, sums);
        }
    }

    /**
     * Whether unweighted rows are many enough, and of a valid shape (the table's checks then name
     * any other problem), to make log loss and Brier score on another thread while the table is built.
     */
    private static boolean onTwoThreads(int n, boolean[] labels) {
        return labels != null && n == labels.length && n >= Sorting.PARALLEL
                && Runtime.getRuntime().availableProcessors() > 1;
    }

    /**
     * Many unweighted float scores: the table (which checks them) built on this thread while log
     * loss and Brier score are summed in one pass on the common pool, the same evaluation as the
     * one-thread path.
     */
    private static BinaryEvaluation unweightedOnTwoThreads(float[] scores, boolean[] labels) {
        ForkJoinTask<ProbabilityMetrics.Sums> sums = ForkJoinPool.commonPool().submit(
                () -> ProbabilityMetrics.unweightedSums(scores, labels));
        OperatingPoints op;
        try {
            op = OperatingPoints.of(scores, labels, null);
        } catch (RuntimeException e) {
            sums.cancel(false);
            throw e;
        }
        return fromSums(op, sums.join());
    }

    /** The table with the log loss and Brier score of its unweighted rows. */
    private static BinaryEvaluation fromSums(OperatingPoints op, ProbabilityMetrics.Sums sums) {
        boolean prob = sums.probabilities();
        return new BinaryEvaluation(op, sums.logLoss(), sums.brierScore(), prob, inputWarnings(prob, 0));
    }

    /** The table with log loss and Brier score of rows of positive weight ({@code zeros} left out). */
    private static BinaryEvaluation withProbabilities(OperatingPoints op, double[] scores, boolean[] labels,
            double[] weights, int zeros) {
        if (weights == null) {
            return fromSums(op, ProbabilityMetrics.unweightedSums(scores, labels));
        }
        boolean prob = ProbabilityMetrics.areProbabilities(scores);
        double[] w = Weights.scaled(weights);
        double ll = prob ? ProbabilityMetrics.logLoss(scores, labels, w) : Double.NaN;
        double br = prob ? ProbabilityMetrics.brierScore(scores, labels, w) : Double.NaN;
        return new BinaryEvaluation(op, ll, br, prob, inputWarnings(prob, zeros));
    }

    /** As {@link #withProbabilities(OperatingPoints, double[], boolean[], double[], int)} for floats. */
    private static BinaryEvaluation withProbabilities(OperatingPoints op, float[] scores, boolean[] labels,
            double[] weights, int zeros) {
        if (weights == null) {
            return fromSums(op, ProbabilityMetrics.unweightedSums(scores, labels));
        }
        boolean prob = ProbabilityMetrics.areProbabilities(scores);
        double[] w = Weights.scaled(weights);
        double ll = prob ? ProbabilityMetrics.logLoss(scores, labels, w) : Double.NaN;
        double br = prob ? ProbabilityMetrics.brierScore(scores, labels, w) : Double.NaN;
        return new BinaryEvaluation(op, ll, br, prob, inputWarnings(prob, zeros));
    }

    /**
     * Evaluation of an operating-point table built elsewhere (binned, distributed). Log loss and
     * Brier score need the raw scores and are NaN here.
     */
    public static BinaryEvaluation of(OperatingPoints points) {
        Checks.notNull(points, "points");
        return new BinaryEvaluation(points, Double.NaN, Double.NaN, false, List.of());
    }

    /**
     * An evaluation whose probability metrics were computed elsewhere ({@link ScoreCounts});
     * {@code zeros} rows of weight 0 were left out.
     */
    static BinaryEvaluation fromParts(OperatingPoints points, double logLoss, double brier, boolean probabilities,
            long zeros) {
        return new BinaryEvaluation(points, logLoss, brier, probabilities, inputWarnings(probabilities, zeros));
    }

    static List<String> inputWarnings(boolean prob, long zeros) {
        List<String> w = new ArrayList<>(2);
        if (zeros > 0) {
            w.add(zeroWeightWarning(zeros));
        }
        if (!prob) {
            w.add("scores are not all in [0, 1]: log loss and Brier score are not computed");
        }
        return w;
    }

    /** The warning of every evaluation that left out rows of weight 0. */
    static String zeroWeightWarning(long rows) {
        return rows + (rows == 1 ? " row has" : " rows have") + " weight 0 and " + (rows == 1 ? "is" : "are")
                + " left out everywhere (a sample of weight 0 is the same as no sample)";
    }

    /** The operating-point table every view is computed from. */
    public OperatingPoints operatingPoints() {
        return points;
    }

    /** Warnings about undefined values, in the order they were found; never null. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * {@link #warnings()} and the warnings of the decisions at a threshold: with one class only,
     * when some samples are predicted in the absent class, scikit-learn's
     * {@code balanced_accuracy_score} warning "y_pred contains classes not in y_true" (its value
     * then leaves that class out, as {@link ConfusionMatrix#balancedAccuracy()} does).
     */
    public List<String> warningsAt(double threshold) {
        ConfusionMatrix cm = confusionAt(threshold);
        boolean absentPredicted = points.negatives() == 0 && cm.fn() > 0
                || points.positives() == 0 && cm.fp() > 0;
        if (!absentPredicted) {
            return warnings;
        }
        List<String> w = new ArrayList<>(warnings);
        w.add("at threshold " + threshold + " some samples are predicted " + (cm.fn() > 0 ? "negative" : "positive")
                + " though there is no such sample (scikit-learn: y_pred contains classes not in y_true): "
                + "balanced accuracy leaves that class out");
        return List.copyOf(w);
    }

    /** Number of samples of positive weight (rows of weight 0 are left out). */
    public int rows() {
        return points.rows();
    }

    /** Number of positive samples of positive weight. */
    public int positiveRows() {
        return points.positiveRows();
    }

    /** Number of negative samples of positive weight. */
    public int negativeRows() {
        return points.negativeRows();
    }

    private boolean twoClasses() {
        return points.positives() > 0 && points.negatives() > 0;
    }

    /** Positives but no negatives: every precision is 1 (the PR summaries are then 1). */
    private boolean onlyPositives() {
        return points.positives() > 0 && points.negatives() == 0;
    }

    // ---------------------------------------------------------------- ROC

    /**
     * ROC curve with collinear points dropped, exactly as scikit-learn's
     * {@code roc_curve(drop_intermediate=True)}: a distinct-score point is dropped when both
     * second differences of its cumulative FP and TP counts are zero; the first and last
     * distinct-score points and the (0, 0) point at +Infinity always stay.
     */
    public RocCurve rocCurve() {
        return roc(false);
    }

    /** ROC curve with one point per distinct score (plus (0, 0) at +Infinity). */
    public RocCurve rocCurveAllThresholds() {
        return roc(true);
    }

    private RocCurve roc(boolean allThresholds) {
        // every row and the point at +Infinity, or a first walk counts the points kept
        int[] k = {points.size() + 1};
        if (!allThresholds) {
            k[0] = 0;
            visitRocCurve(false, (t, x, y) -> k[0]++);
        }
        CurveArrays a = new CurveArrays(k[0]);
        visitRocCurve(allThresholds, a);
        return RocCurve.wrap(a.x, a.y, a.thresholds);
    }

    /**
     * Walks the points of {@link #rocCurve()} (or, {@code allThresholds}, of
     * {@link #rocCurveAllThresholds()}) in order, without building the curve: (threshold, fpr,
     * tpr), first the (0, 0) point at +Infinity (a rate NaN when its class is absent). The curve
     * objects are built from this walk, so the points are the same to the last bit.
     */
    public <X extends Exception> void visitRocCurve(boolean allThresholds, CurveVisitor<X> visitor) throws X {
        int m = points.size();
        double p = points.positives();
        double n = points.negatives();
        visitor.point(Double.POSITIVE_INFINITY, n == 0 ? Double.NaN : 0, p == 0 ? Double.NaN : 0);
        // rows i - 1, i and i + 1 of the table (each read once)
        double fp0 = 0;
        double tp0 = 0;
        double fp1 = points.falsePositives(0);
        double tp1 = points.truePositives(0);
        for (int i = 0; i < m; i++) {
            double fp2 = i + 1 < m ? points.falsePositives(i + 1) : 0;
            double tp2 = i + 1 < m ? points.truePositives(i + 1) : 0;
            // scikit-learn's drop_intermediate: a middle point goes when both second differences
            // of its cumulative counts are zero; the first and last rows always stay
            boolean keep = allThresholds || i == 0 || i == m - 1
                    || (fp2 - fp1) - (fp1 - fp0) != 0 || (tp2 - tp1) - (tp1 - tp0) != 0;
            if (keep) {
                visitor.point(points.threshold(i), fp1 / n, tp1 / p);
            }
            fp0 = fp1;
            tp0 = tp1;
            fp1 = fp2;
            tp1 = tp2;
        }
    }

    /**
     * Exact area under the ROC curve: the probability that a random positive scores above a
     * random negative, ties counting one half (weighted: by the products of the weights). NaN when
     * one class is absent.
     */
    public double rocAuc() {
        if (!twoClasses()) {
            return Double.NaN;
        }
        double twice = 0;
        double tpPrev = 0;
        double fpPrev = 0;
        for (int i = 0; i < points.size(); i++) {
            double tp = points.truePositives(i);
            double fp = points.falsePositives(i);
            twice += (fp - fpPrev) * (tp + tpPrev);
            tpPrev = tp;
            fpPrev = fp;
        }
        return twice / (2 * points.positives() * points.negatives());
    }

    /**
     * Standardized partial ROC AUC up to a false-positive rate of {@code maxFpr} (McClish
     * correction, as scikit-learn's {@code roc_auc_score(max_fpr=...)}): 0.5 for a random
     * classifier, 1 for a perfect one. With {@code maxFpr == 1} it is the full AUC.
     *
     * @param maxFpr in (0, 1]
     * @return NaN when one class is absent
     */
    public double partialRocAuc(double maxFpr) {
        if (!(maxFpr > 0 && maxFpr <= 1)) {
            throw new IllegalArgumentException("maxFpr must be in (0, 1], got " + maxFpr);
        }
        if (!twoClasses()) {
            return Double.NaN;
        }
        if (maxFpr == 1) {
            return rocAuc();
        }
        RocCurve c = rocCurve();
        int size = c.size();
        // stop = number of points with fpr <= maxFpr (numpy searchsorted side="right")
        int stop = 0;
        while (stop < size && c.fpr(stop) <= maxFpr) {
            stop++;
        }
        double area = 0;
        for (int i = 1; i < stop; i++) {
            area += (c.fpr(i) - c.fpr(i - 1)) * (c.tpr(i) + c.tpr(i - 1)) / 2;
        }
        double x0 = c.fpr(stop - 1);
        double y0 = c.tpr(stop - 1);
        double yEnd;
        if (stop < size) {
            double x1 = c.fpr(stop);
            double y1 = c.tpr(stop);
            yEnd = y0 + (maxFpr - x0) * (y1 - y0) / (x1 - x0);
        } else {
            yEnd = y0;
        }
        area += (maxFpr - x0) * (yEnd + y0) / 2;
        double minArea = 0.5 * maxFpr * maxFpr;
        double maxArea = maxFpr;
        return 0.5 * (1 + (area - minArea) / (maxArea - minArea));
    }

    // ---------------------------------------------------------------- PR

    /**
     * Precision-recall curve with scikit-learn 1.2's points (see {@link PrecisionRecallCurve}):
     * one point per distinct score plus the end point (recall 0, precision 1) at +Infinity.
     * Precision at a threshold with no predicted positive weight (only possible with zero
     * weights) is 0, as in scikit-learn. Recall is NaN when there are no positives.
     */
    public PrecisionRecallCurve precisionRecallCurve() {
        CurveArrays a = new CurveArrays(points.size() + 1);
        visitPrecisionRecallCurve(a);
        return PrecisionRecallCurve.wrap(a.x, a.y, a.thresholds);
    }

    /**
     * Walks the points of {@link #precisionRecallCurve()} in order, without building the curve:
     * (threshold, precision, recall), first the end point (+Infinity, 1, 0). The curve is built
     * from this walk, so the points are the same to the last bit.
     */
    public <X extends Exception> void visitPrecisionRecallCurve(CurveVisitor<X> visitor) throws X {
        visitor.point(Double.POSITIVE_INFINITY, 1, 0);
        double p = points.positives();
        for (int i = 0; i < points.size(); i++) {
            double tp = points.truePositives(i);
            double predicted = tp + points.falsePositives(i);
            visitor.point(points.threshold(i), predicted == 0 ? 0 : tp / predicted, p == 0 ? Double.NaN : tp / p);
        }
    }

    /** First row reaching full recall (all of the table if there are no positives). */
    private int lastBeforeFullRecall() {
        double p = points.positives();
        int m = points.size();
        if (p == 0) {
            return m - 1;
        }
        int lo = 0;
        int hi = m - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (points.truePositives(mid) >= p) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * Average precision, step-wise: the sum over thresholds of (R_k - R_{k-1}) P_k, as
     * scikit-learn's {@code average_precision_score} (no interpolation). Without negatives every
     * precision is 1, and so is the average precision (as scikit-learn). NaN without positives:
     * recall is 0/0 there (scikit-learn sets recall to 1, returns -0.0 and warns; a number that
     * would read as "worst possible" for a question without an answer).
     */
    public double averagePrecision() {
        if (onlyPositives()) {
            return 1;
        }
        if (!twoClasses()) {
            return Double.NaN;
        }
        int last = lastBeforeFullRecall();
        double p = points.positives();
        double ap = 0;
        double prevRecall = 0;
        for (int i = 0; i <= last; i++) {
            double tp = points.truePositives(i);
            double predicted = tp + points.falsePositives(i);
            double recall = tp / p;
            if (recall != prevRecall) {
                ap += (recall - prevRecall) * (tp / predicted);
            }
            prevRecall = recall;
        }
        return ap;
    }

    /**
     * Area under the PR curve by the trapezoid rule over the points of
     * {@link #precisionRecallCurve()} (scikit-learn's {@code auc(recall, precision)}). It is
     * optimistic where precision falls between points; prefer {@link #averagePrecision()} or
     * {@link #prAucInterpolated()}. 1 without negatives (every precision is 1), NaN without
     * positives.
     */
    public double prAucTrapezoid() {
        if (onlyPositives()) {
            return 1;
        }
        if (!twoClasses()) {
            return Double.NaN;
        }
        // the points of precisionRecallCurve(), walked without building it (24 bytes per
        // distinct score): the same operations in the same order, so the same double
        double p = points.positives();
        double a = 0;
        double recPrev = 0;
        double precPrev = 1;
        for (int i = 0; i < points.size(); i++) {
            double tp = points.truePositives(i);
            double predicted = tp + points.falsePositives(i);
            double prec = predicted == 0 ? 0 : tp / predicted;
            double rec = tp / p;
            a += (rec - recPrev) * (prec + precPrev) / 2;
            recPrev = rec;
            precPrev = prec;
        }
        return a;
    }

    /**
     * Area under the PR curve with Davis and Goadrich's (2006) interpolation: between two
     * operating points, true and false positives grow in proportion, so precision follows
     * (a + x) / (a + b + (1 + s) x); the area is the exact integral of that curve (the closed
     * form Keras uses for {@code AUC(curve="PR", summation_method="interpolation")}). The first
     * segment starts at the +Infinity point with no positives predicted. 1 without negatives
     * (every precision is 1), NaN without positives.
     */
    public double prAucInterpolated() {
        if (onlyPositives()) {
            return 1;
        }
        if (!twoClasses()) {
            return Double.NaN;
        }
        int last = lastBeforeFullRecall();
        double p = points.positives();
        double area = 0;
        double tpA = 0;
        double fpA = 0;
        for (int i = 0; i <= last; i++) {
            double tpB = points.truePositives(i);
            double fpB = points.falsePositives(i);
            area += interpolatedSegment(tpA, fpA, tpB, fpB);
            tpA = tpB;
            fpA = fpB;
        }
        return area / p;
    }

    /**
     * The area under Davis and Goadrich's interpolated precision between the operating points
     * (tpA, fpA) and (tpB, fpB), in true positives (0 when no true positive is added).
     */
    private static double interpolatedSegment(double tpA, double fpA, double tpB, double fpB) {
        double dTp = tpB - tpA;
        if (!(dTp > 0)) {
            return 0;
        }
        double m = 1 + (fpB - fpA) / dTp;
        double c = tpA + fpA;
        return c == 0 ? dTp / m : dTp / m + (tpA - c / m) / m * Math.log1p(m * dTp / c);
    }

    /**
     * {@link #rocAuc()}, {@link #averagePrecision()} and {@link #ks()} in one walk over the table
     * (for a summary, which wants all of them: one pass and one loop to compile instead of three).
     * Each is the same double as made alone: the same operations on the same rows in the same
     * order ({@code SummaryWalksProperties}).
     */
    double[] rocAucAveragePrecisionKs() {
        if (!twoClasses()) {
            return new double[] {Double.NaN, onlyPositives() ? 1 : Double.NaN, Double.NaN};
        }
        int last = lastBeforeFullRecall();
        double p = points.positives();
        double n = points.negatives();
        double twice = 0;
        double tpPrev = 0;
        double fpPrev = 0;
        double ap = 0;
        double prevRecall = 0;
        double best = 0;
        for (int i = 0; i < points.size(); i++) {
            double tp = points.truePositives(i);
            double fp = points.falsePositives(i);
            twice += (fp - fpPrev) * (tp + tpPrev);
            tpPrev = tp;
            fpPrev = fp;
            if (i <= last) {
                double recall = tp / p;
                if (recall != prevRecall) {
                    ap += (recall - prevRecall) * (tp / (tp + fp));
                }
                prevRecall = recall;
            }
            double d = Math.abs(tp / p - fp / n);
            if (d > best) {
                best = d;
            }
        }
        return new double[] {twice / (2 * p * n), ap, best};
    }

    /**
     * {@link #prAucInterpolated()} and {@link #prAucTrapezoid()} in one walk over the table, each
     * the same double as made alone (as {@link #rocAucAveragePrecisionKs()}).
     */
    double[] prAucInterpolatedAndTrapezoid() {
        if (onlyPositives()) {
            return new double[] {1, 1};
        }
        if (!twoClasses()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        int last = lastBeforeFullRecall();
        double p = points.positives();
        double area = 0;
        double tpA = 0;
        double fpA = 0;
        double a = 0;
        double recPrev = 0;
        double precPrev = 1;
        for (int i = 0; i < points.size(); i++) {
            double tp = points.truePositives(i);
            double fp = points.falsePositives(i);
            if (i <= last) {
                area += interpolatedSegment(tpA, fpA, tp, fp);
                tpA = tp;
                fpA = fp;
            }
            double predicted = tp + fp;
            double prec = predicted == 0 ? 0 : tp / predicted;
            double rec = tp / p;
            a += (rec - recPrev) * (prec + precPrev) / 2;
            recPrev = rec;
            precPrev = prec;
        }
        return new double[] {area / p, a};
    }

    // ---------------------------------------------------------------- DET, KS, gain

    /** DET curve with scikit-learn's points (see {@link DetCurve}); empty rates are NaN. */
    public DetCurve detCurve() {
        Rows rows = detRows();
        CurveArrays a = new CurveArrays(rows.hi - rows.lo + 1);
        visitDetCurve(a);
        return DetCurve.wrap(a.x, a.y, a.thresholds);
    }

    /**
     * Walks the points of {@link #detCurve()} in order, without building the curve: (threshold,
     * fpr, fnr). The curve is built from this walk, so the points are the same to the last bit.
     */
    public <X extends Exception> void visitDetCurve(CurveVisitor<X> visitor) throws X {
        Rows rows = detRows();
        double p = points.positives();
        double n = points.negatives();
        for (int i = rows.lo; i <= rows.hi; i++) {
            visitor.point(points.threshold(i), points.falsePositives(i) / n, (p - points.truePositives(i)) / p);
        }
    }

    /** Rows {@code lo} to {@code hi} of the table, both included. */
    private record Rows(int lo, int hi) {
    }

    /**
     * The rows of the DET curve: from the last row whose false positives equal the first row's to
     * the first row reaching full recall (in either order).
     */
    private Rows detRows() {
        int m = points.size();
        double fp0 = points.falsePositives(0);
        int first = 0;
        while (first + 1 < m && points.falsePositives(first + 1) == fp0) {
            first++;
        }
        int last = lastBeforeFullRecall();
        return new Rows(Math.min(first, last), Math.max(first, last));
    }

    /** Collects a walked curve into arrays of a known length. */
    private static final class CurveArrays implements CurveVisitor<RuntimeException> {
        final double[] x;
        final double[] y;
        final double[] thresholds;
        private int j;

        CurveArrays(int size) {
            x = new double[size];
            y = new double[size];
            thresholds = new double[size];
        }

        @Override
        public void point(double threshold, double a, double b) {
            thresholds[j] = threshold;
            x[j] = a;
            y[j] = b;
            j++;
        }
    }

    /**
     * Kolmogorov-Smirnov statistic: the largest distance between the score distributions of
     * positives and negatives, max |TPR - FPR| over all thresholds. NaN when one class is absent.
     */
    public double ks() {
        if (!twoClasses()) {
            return Double.NaN;
        }
        double p = points.positives();
        double n = points.negatives();
        double best = 0;
        for (int i = 0; i < points.size(); i++) {
            double d = Math.abs(points.truePositives(i) / p - points.falsePositives(i) / n);
            if (d > best) {
                best = d;
            }
        }
        return best;
    }

    /** Threshold at which {@link #ks()} is reached (the highest one on ties); NaN if undefined. */
    public double ksThreshold() {
        if (!twoClasses()) {
            return Double.NaN;
        }
        double p = points.positives();
        double n = points.negatives();
        double best = -1;
        double at = Double.NaN;
        for (int i = 0; i < points.size(); i++) {
            double d = Math.abs(points.truePositives(i) / p - points.falsePositives(i) / n);
            if (d > best) {
                best = d;
                at = points.threshold(i);
            }
        }
        return at;
    }

    /**
     * Cumulative gain at a depth: the share of all positive weight found among the top
     * {@code depth} share of the samples (by weight), ranked by score. Samples tied at the
     * cut-off are taken proportionally (as if in random order), so the gain is linear between
     * operating points. NaN when there are no positives.
     *
     * @param depth share of the population flagged, in [0, 1]
     */
    public double gain(double depth) {
        Checks.probability(depth, "depth");
        double p = points.positives();
        if (p == 0) {
            return Double.NaN;
        }
        double total = p + points.negatives();
        double target = depth * total;
        double prevTotal = 0;
        double prevTp = 0;
        for (int i = 0; i < points.size(); i++) {
            double tp = points.truePositives(i);
            double cum = tp + points.falsePositives(i);
            if (cum >= target) {
                double part = cum == prevTotal ? 0 : (target - prevTotal) / (cum - prevTotal);
                return (prevTp + part * (tp - prevTp)) / p;
            }
            prevTotal = cum;
            prevTp = tp;
        }
        return 1;
    }

    /**
     * Lift at a depth: {@link #gain(double)} divided by the depth (how many times more positives
     * the top of the ranking holds than a random pick). NaN at depth 0 or without positives.
     *
     * @param depth in (0, 1]
     */
    public double lift(double depth) {
        Checks.probability(depth, "depth");
        return depth == 0 ? Double.NaN : gain(depth) / depth;
    }

    // ---------------------------------------------------------------- thresholds

    /** Confusion matrix of "positive iff score &gt;= threshold". */
    public ConfusionMatrix confusionAt(double threshold) {
        return points.confusionAt(threshold);
    }

    // ---------------------------------------------------------------- probabilities

    /** Whether every score is in [0, 1], so that log loss and Brier score are defined. */
    public boolean scoresAreProbabilities() {
        return probabilities;
    }

    /**
     * Log loss (cross-entropy) as scikit-learn 1.2's {@code log_loss}; NaN unless every score is
     * in [0, 1]. See {@link ProbabilityMetrics#logLoss(double[], boolean[], double[])}.
     */
    public double logLoss() {
        return logLoss;
    }

    /** Brier score (mean squared error of the probability); NaN unless scores are in [0, 1]. */
    public double brierScore() {
        return brier;
    }

    @Override
    public String toString() {
        return "BinaryEvaluation[rows=" + rows() + ", positives=" + positiveRows() + ", rocAuc=" + rocAuc() + "]";
    }
}

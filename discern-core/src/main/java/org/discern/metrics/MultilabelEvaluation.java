package org.discern.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinTask;

import org.discern.metrics.internal.Checks;
import org.discern.metrics.internal.Weights;

/**
 * Evaluation of a multi-label classifier: n samples, L labels, each sample carrying any subset of
 * the labels (an n x L 0/1 indicator matrix) and a score per label (an n x L score matrix).
 *
 * <p>Per label: the binary evaluation of its column (ROC and PR curves, ROC AUC, average
 * precision, every threshold-free metric of {@link BinaryEvaluation}). Averages, as
 * scikit-learn's {@code average=} argument:
 * <ul>
 *   <li>{@code macro}: the mean over labels;</li>
 *   <li>{@code weighted}: the mean weighted by each label's (weighted) number of positives;</li>
 *   <li>{@code micro}: one table over the pooled n*L decisions (row-major, each carrying its
 *       sample's weight);</li>
 *   <li>{@code samples}: the per-sample value over its L labels (its own ROC AUC or average
 *       precision), averaged over samples with their weights.</li>
 * </ul>
 * Plus the ranking metrics {@link #labelRankingAveragePrecision()} and {@link #coverageError()}.
 *
 * <p><b>Undefined values.</b> A label without positives or without negatives has NaN ROC AUC and
 * is left out of the macro and weighted ROC averages, with a warning naming it (scikit-learn raises
 * an error for the ROC AUC); its average precision is NaN without positives (left out the same
 * way) and 1 without negatives (every precision is 1, as scikit-learn). For the {@code samples} average, a sample whose
 * labels are all 0 or all 1 has no ROC AUC, and a sample without any positive label has no
 * average precision (scikit-learn errors, or counts -0.0); such samples are left out of that
 * average, with a warning giving their number and the first of them. The ranking metrics are
 * defined for every sample, as in scikit-learn.
 *
 * <p>Instances are immutable; arrays never leak.
 */
public final class MultilabelEvaluation {
    private final List<String> labels;
    private final int n;
    private final BinaryEvaluation[] perLabel;
    private final double[] support;
    private final MicroAverage micro;
    private final double rocAucSamples;
    private final double averagePrecisionSamples;
    private final double lrap;
    private final double coverage;
    private final List<String> warnings;

    private MultilabelEvaluation(List<String> labels, int n, BinaryEvaluation[] perLabel, double[] support,
            MicroAverage micro, double rocAucSamples, double averagePrecisionSamples, double lrap,
            double coverage, List<String> warnings) {
        this.labels = labels;
        this.n = n;
        this.perLabel = perLabel;
        this.support = support;
        this.micro = micro;
        this.rocAucSamples = rocAucSamples;
        this.averagePrecisionSamples = averagePrecisionSamples;
        this.lrap = lrap;
        this.coverage = coverage;
        this.warnings = warnings;
    }

    // ---------------------------------------------------------------- factories

    /**
     * Evaluation from one array per sample.
     *
     * @param indicator n rows of L values, each 0 or 1
     * @param scores n rows of L finite scores
     * @param labels the L label names (distinct), in column order; L &gt;= 1
     * @param weights n sample weights (finite, &gt;= 0) or null for all 1
     * @throws IllegalArgumentException on invalid input, naming the index and the value
     */
    public static MultilabelEvaluation of(int[][] indicator, double[][] scores, List<String> labels, double[] weights) {
        int l = MulticlassEvaluation.checkNames(labels, "labels", 1);
        Checks.notNull(indicator, "indicator");
        int n = indicator.length;
        Checks.nonEmpty(n, "indicator");
        boolean[] flat = new boolean[Math.multiplyExact(n, l)];
        for (int i = 0; i < n; i++) {
            Checks.notNull(indicator[i], "indicator[" + i + "]");
            if (indicator[i].length != l) {
                throw new IllegalArgumentException("indicator[" + i + "] must have length " + l + ", got " + indicator[i].length);
            }
            for (int j = 0; j < l; j++) {
                int v = indicator[i][j];
                if (v != 0 && v != 1) {
                    throw new IllegalArgumentException("indicator[" + i + "][" + j + "] must be 0 or 1, got " + v);
                }
                flat[i * l + j] = v == 1;
            }
        }
        Checks.weights(weights, n);
        return build(flat, ScoreColumns.rows(scores, n, l), labels, weights);
    }

    /**
     * Evaluation from row-major matrices: sample i has indicator and scores at
     * {@code [i * L, i * L + L)}.
     *
     * @param indicator n x L flags, row-major
     * @param scores n x L finite scores, row-major
     * @param labels the L label names (distinct); L &gt;= 1
     * @param weights n sample weights or null
     */
    public static MultilabelEvaluation of(boolean[] indicator, double[] scores, List<String> labels, double[] weights) {
        int l = MulticlassEvaluation.checkNames(labels, "labels", 1);
        int n = rowsOf(indicator, l);
        Checks.weights(weights, n);
        return build(indicator.clone(), ScoreColumns.rowMajor(scores, n, l), labels, weights);
    }

    /** As {@link #of(boolean[], double[], List, double[])} with float scores. */
    public static MultilabelEvaluation of(boolean[] indicator, float[] scores, List<String> labels, double[] weights) {
        int l = MulticlassEvaluation.checkNames(labels, "labels", 1);
        int n = rowsOf(indicator, l);
        Checks.weights(weights, n);
        return build(indicator.clone(), ScoreColumns.rowMajor(scores, n, l), labels, weights);
    }

    private static int rowsOf(boolean[] indicator, int l) {
        Checks.notNull(indicator, "indicator");
        Checks.nonEmpty(indicator.length, "indicator");
        if (indicator.length % l != 0) {
            throw new IllegalArgumentException("indicator must hold n x L values with L = " + l + ", got "
                    + indicator.length);
        }
        return indicator.length / l;
    }

    private static MultilabelEvaluation build(boolean[] indicator, ScoreColumns all, List<String> names,
            double[] weights) {
        // a sample of weight 0 is the same as no sample; extreme weight scales are brought home
        final int[] kept = Weights.keptRows(weights);
        final ScoreColumns s = kept == null ? all : all.select(kept);
        final int n = s.n;
        final int l = s.k;
        final boolean[] y = kept == null ? indicator : Weights.selectRows(indicator, l, kept);
        final List<String> labels = List.copyOf(names);
        final double[] w = weights == null ? null
                : Weights.scaled(kept == null ? weights.clone() : Weights.select(weights, kept));

        ForkJoinTask<MicroAverage> microTask = s.fork(() -> MicroAverage.multilabel(s, y, w));
        ClassColumn[] columns = s.forEachColumn(c -> {
            boolean[] positive = new boolean[n];
            for (int i = 0; i < n; i++) {
                positive[i] = y[i * l + c];
            }
            return ClassColumn.binary(s.floatColumn(c), s.doubleColumn(c), positive, w);
        }, ClassColumn[]::new);

        // per-sample pass: ROC AUC and AP over the row's labels, ranking metrics
        double aucSum = 0;
        double aucWeight = 0;
        int aucSkipped = 0;
        int aucFirstSkipped = -1;
        double apSum = 0;
        double apWeight = 0;
        int apSkipped = 0;
        int apFirstSkipped = -1;
        double lrapSum = 0;
        double coverageSum = 0;
        double weightSum = 0;
        // each row's relevant and irrelevant scores, sorted: every count below is a binary search
        double[] rel = new double[l];
        double[] irr = new double[l];
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1.0 : w[i];
            int relevant = 0;
            int others = 0;
            for (int j = 0; j < l; j++) {
                double v = s.get(i, j) + 0.0; // -0.0 ties with 0.0
                if (y[i * l + j]) {
                    rel[relevant++] = v;
                } else {
                    irr[others++] = v;
                }
            }
            Arrays.sort(rel, 0, relevant);
            Arrays.sort(irr, 0, others);
            // AP of the row = LRAP term: mean over relevant j of
            // (#relevant scoring >= s_j) / (#labels scoring >= s_j)
            double apRow = 0;
            double mannWhitney = 0;
            for (int a = 0; a < relevant; a++) {
                double v = rel[a];
                int relAtOrAbove = relevant - lowerBound(rel, relevant, v);
                int irrBelow = lowerBound(irr, others, v);
                int irrEqual = upperBound(irr, others, v) - irrBelow;
                apRow += (double) relAtOrAbove / (relAtOrAbove + others - irrBelow);
                mannWhitney += irrBelow + 0.5 * irrEqual;
            }
            // coverage: labels scoring at least the lowest-scored relevant label
            int cover = relevant == 0 ? 0 : relevant + others - lowerBound(irr, others, rel[0]);
            int irrelevant = others;
            weightSum += wi;
            if (relevant == 0) {
                lrapSum += wi;
                apSkipped++;
                if (apFirstSkipped < 0) {
                    apFirstSkipped = kept == null ? i : kept[i];
                }
            } else {
                apRow /= relevant;
                apSum += wi * apRow;
                apWeight += wi;
                lrapSum += wi * (relevant == l ? 1.0 : apRow);
                coverageSum += wi * cover;
            }
            if (relevant == 0 || irrelevant == 0) {
                aucSkipped++;
                if (aucFirstSkipped < 0) {
                    aucFirstSkipped = kept == null ? i : kept[i];
                }
            } else {
                aucSum += wi * mannWhitney / ((double) relevant * irrelevant);
                aucWeight += wi;
            }
        }

        BinaryEvaluation[] perLabel = new BinaryEvaluation[l];
        double[] support = new double[l];
        List<String> warn = new ArrayList<>();
        if (kept != null) {
            warn.add(BinaryEvaluation.zeroWeightWarning(weights.length - kept.length));
        }
        ClassWarnings noPositive = new ClassWarnings("%s labels have no positive samples: %s; their ROC AUC and "
                + "average precision are NaN and they are left out of the macro and weighted averages");
        ClassWarnings noNegative = new ClassWarnings("%s labels have no negative samples: %s; their ROC AUC is NaN "
                + "and they are left out of the ROC macro and weighted averages; every precision of them is 1, so "
                + "their average precision is 1");
        for (int c = 0; c < l; c++) {
            perLabel[c] = columns[c].evaluation;
            support[c] = columns[c].points.positives();
            OperatingPoints p = columns[c].points;
            if (p.positives() == 0) {
                noPositive.add(labels.get(c), "label '" + labels.get(c) + "' has no positive samples: its ROC AUC and "
                        + "average precision are NaN and it is left out of the macro and weighted averages");
            } else if (p.negatives() == 0) {
                noNegative.add(labels.get(c), "label '" + labels.get(c) + "' has no negative samples: its ROC AUC is "
                        + "NaN and it is left out of the ROC macro and weighted averages; every precision of it is 1, "
                        + "so its average precision is 1");
            }
        }
        noPositive.addTo(warn);
        noNegative.addTo(warn);
        if (aucSkipped > 0) {
            warn.add(String.format(Locale.ROOT, "%d sample(s) have all labels 0 or all 1 (first: row %d): no per-sample "
                    + "ROC AUC, left out of roc_auc_samples", aucSkipped, aucFirstSkipped));
        }
        if (apSkipped > 0) {
            warn.add(String.format(Locale.ROOT, "%d sample(s) have no positive label (first: row %d): no per-sample "
                    + "average precision, left out of average_precision_samples", apSkipped, apFirstSkipped));
        }
        return new MultilabelEvaluation(labels, n, perLabel, support, microTask.join(),
                aucWeight == 0 ? Double.NaN : aucSum / aucWeight,
                apWeight == 0 ? Double.NaN : apSum / apWeight,
                lrapSum / weightSum, coverageSum / weightSum, List.copyOf(warn));
    }

    /** First index in a[0, n) (ascending) holding a value &gt;= v. */
    private static int lowerBound(double[] a, int n, double v) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First index in a[0, n) (ascending) holding a value &gt; v. */
    private static int upperBound(double[] a, int n, double v) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // ---------------------------------------------------------------- shape

    /** The L label names, in column order. */
    public List<String> labels() {
        return labels;
    }

    /** Number of labels L. */
    public int labelCount() {
        return labels.size();
    }

    /** Number of samples n of positive weight (rows of weight 0 are left out). */
    public int rows() {
        return n;
    }

    /** (Weighted) number of positives of label c. */
    public double support(int c) {
        return support[c];
    }

    // ---------------------------------------------------------------- per label

    /** The binary evaluation of label c's column: every curve and threshold-free metric. */
    public BinaryEvaluation labelEvaluation(int c) {
        return perLabel[c];
    }

    /** ROC curve of label c (collinear points dropped, as scikit-learn). */
    public RocCurve rocCurve(int c) {
        return perLabel[c].rocCurve();
    }

    /** Precision-recall curve of label c. */
    public PrecisionRecallCurve precisionRecallCurve(int c) {
        return perLabel[c].precisionRecallCurve();
    }

    /** ROC AUC of label c; NaN without positives or negatives. */
    public double rocAuc(int c) {
        return perLabel[c].rocAuc();
    }

    /** Average precision of label c; NaN without positives or negatives. */
    public double averagePrecision(int c) {
        return perLabel[c].averagePrecision();
    }

    /** Copy of the per-label ROC AUCs. */
    public double[] rocAucs() {
        double[] out = new double[perLabel.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = perLabel[c].rocAuc();
        }
        return out;
    }

    /** Copy of the per-label average precisions. */
    public double[] averagePrecisions() {
        double[] out = new double[perLabel.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = perLabel[c].averagePrecision();
        }
        return out;
    }

    // ---------------------------------------------------------------- averages

    /** Mean of the defined per-label ROC AUCs. */
    public double rocAucMacro() {
        return Averaging.mean(rocAucs());
    }

    /** Mean of the defined per-label ROC AUCs weighted by their (weighted) positives. */
    public double rocAucWeighted() {
        return Averaging.weightedMean(rocAucs(), support);
    }

    /** ROC AUC of the pooled n*L decisions. */
    public double rocAucMicro() {
        return micro.rocAuc;
    }

    /** Weighted mean over samples of each sample's ROC AUC over its labels (see class comment). */
    public double rocAucSamples() {
        return rocAucSamples;
    }

    /** Mean of the defined per-label average precisions. */
    public double averagePrecisionMacro() {
        return Averaging.mean(averagePrecisions());
    }

    /** Mean of the defined per-label average precisions weighted by their (weighted) positives. */
    public double averagePrecisionWeighted() {
        return Averaging.weightedMean(averagePrecisions(), support);
    }

    /** Average precision of the pooled n*L decisions. */
    public double averagePrecisionMicro() {
        return micro.averagePrecision;
    }

    /** Weighted mean over samples of each sample's average precision over its labels. */
    public double averagePrecisionSamples() {
        return averagePrecisionSamples;
    }

    /** Micro-average ROC curve (pooled decisions, collinear points dropped). */
    public RocCurve rocCurveMicro() {
        return micro.rocCurve();
    }

    /**
     * Macro-average ROC curve of the defined labels, built as
     * {@link MulticlassEvaluation#rocCurveMacro()}; thresholds are NaN.
     *
     * @throws IllegalStateException when no label has both positives and negatives
     */
    public RocCurve rocCurveMacro() {
        List<RocCurve> curves = new ArrayList<>();
        for (BinaryEvaluation e : perLabel) {
            if (!Double.isNaN(e.rocAuc())) {
                curves.add(e.rocCurve());
            }
        }
        if (curves.isEmpty()) {
            throw new IllegalStateException("no label has both positives and negatives: no macro-average ROC curve");
        }
        return Averaging.macroRocCurve(curves);
    }

    // ---------------------------------------------------------------- ranking

    /**
     * Label ranking average precision, as scikit-learn's
     * {@code label_ranking_average_precision_score}: for each sample, the mean over its relevant
     * labels j of (relevant labels scoring &gt;= s_j) / (labels scoring &gt;= s_j); 1 for a sample
     * whose labels are all relevant or all irrelevant; weighted mean over samples. In [0, 1],
     * higher is better.
     */
    public double labelRankingAveragePrecision() {
        return lrap;
    }

    /**
     * Coverage error, as scikit-learn's {@code coverage_error}: for each sample, how many labels
     * score at least as high as its lowest-scored relevant label (0 for a sample without relevant
     * labels); weighted mean over samples. In [0, L], lower is better.
     */
    public double coverageError() {
        return coverage;
    }

    /** Warnings about undefined values; never null. */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "MultilabelEvaluation[rows=%d, labels=%d, rocAucMacro=%s]", n,
                labels.size(), Double.toString(rocAucMacro()));
    }
}

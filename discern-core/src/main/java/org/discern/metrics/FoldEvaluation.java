package org.discern.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.discern.metrics.internal.Checks;

/**
 * Cross-validated predictions: every row scored by the model of the fold that held it out, the
 * fold given per row. Each fold is evaluated on its own rows ({@link #folds()}, as
 * {@link SliceEvaluation} evaluates a slice), and across the folds each metric gets its mean and
 * standard deviation ({@link #statistics()}). The ROC AUC is reported two ways, both named: the
 * <em>pooled</em> AUC of all rows at once ({@link #pooled()}), and the mean of the folds' AUCs
 * (scikit-learn's "mean AUC"); they differ when the folds' scores are not calibrated alike.
 * Binary folds also give the vertically averaged ROC and PR curves ({@link AveragedCurve}).
 *
 * <p>A fold whose value of a metric is NaN (a fold with one class: no ROC AUC) is left out of
 * that metric's mean and sd (the count of folds used is given) and its curve out of the average,
 * with a warning. Means and sds are over folds, unweighted; the sd is the population one
 * (divided by the number of folds), as {@code numpy.std} in scikit-learn's example.
 */
public final class FoldEvaluation {
    /** Mean and standard deviation of one metric over the folds where it is defined. */
    public record FoldStatistic(MetricKey key, double mean, double sd, int folds) {
    }

    /** The ROC and PR curves of one fold (binary; folds with both classes), as averaged. */
    public record FoldCurves(String fold, RocCurve roc, PrecisionRecallCurve precisionRecall) {
    }

    private final String column;
    private final List<SliceSummary> folds;
    private final EvaluationSummary pooled;
    private final List<FoldStatistic> statistics;
    private final Optional<AveragedCurve> roc;
    private final Optional<AveragedCurve> precisionRecall;
    private final List<FoldCurves> curves;
    private final List<String> warnings;

    private FoldEvaluation(String column, List<SliceSummary> folds, EvaluationSummary pooled,
            Optional<AveragedCurve> roc, Optional<AveragedCurve> precisionRecall, List<FoldCurves> curves,
            List<String> warnings) {
        this.column = column;
        this.curves = List.copyOf(curves);
        this.folds = List.copyOf(folds);
        this.pooled = pooled;
        this.roc = roc;
        this.precisionRecall = precisionRecall;
        List<String> w = new ArrayList<>(warnings);
        this.statistics = List.copyOf(statistics(folds, w));
        this.warnings = List.copyOf(w);
    }

    /**
     * Binary cross-validated predictions.
     *
     * @param folds the rows split by one fold column ({@code Slices.of(List.of("fold"), ...)})
     * @param grid ascending x values in [0, 1] at which the curves are averaged
     *     ({@link AveragedCurve#linearGrid(int)}: 100 points as scikit-learn's example)
     */
    public static FoldEvaluation binary(double[] scores, boolean[] labels, double[] weights, Slices folds,
            SummaryOptions options, double[] grid) {
        Checks.notNull(folds, "folds");
        checkGrid(grid);
        SliceEvaluation per = SliceEvaluation.binary(scores, labels, weights, folds, options,
                new SliceEvaluation.Intervals.None(), 0);
        List<SliceSummary> out = new ArrayList<>();
        List<double[]> rocs = new ArrayList<>();
        List<double[]> prs = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<FoldCurves> curves = new ArrayList<>();
        for (int f = 0; f < folds.size(); f++) {
            SliceSummary s = per.slices().get(f);
            // the fold's own summary, without the test against the rest (folds are not compared)
            out.add(new SliceSummary(s.columns(), s.values(), s.rows(), s.summary(), Optional.empty(), s.warnings()));
            if (s.summary().positiveRows() == 0 || s.summary().negativeRows() == 0) {
                warnings.add("fold " + s.name() + " holds one class only: left out of the averaged curves");
                continue;
            }
            BinaryEvaluation ev = BinaryEvaluation.of(folds.select(f, scores), folds.select(f, labels),
                    folds.select(f, weights));
            RocCurve roc = ev.rocCurve();
            PrecisionRecallCurve pr = ev.precisionRecallCurve();
            curves.add(new FoldCurves(s.values().get(0), roc, pr));
            rocs.add(AveragedCurve.rocAt(roc, grid));
            prs.add(AveragedCurve.precisionAt(pr, grid));
        }
        EvaluationSummary pooled = EvaluationSummary.binary(BinaryEvaluation.of(scores, labels, weights), options);
        return new FoldEvaluation(folds.columns().get(0), out, pooled,
                Optional.of(AveragedCurve.of(AveragedCurve.Axis.ROC, grid, rocs)),
                Optional.of(AveragedCurve.of(AveragedCurve.Axis.PR, grid, prs)), curves, warnings);
    }

    /** Multi-class cross-validated predictions: per-fold summaries, their means and sds, the pooled summary. */
    public static FoldEvaluation multiclass(int[] labels, double[][] scores, List<String> classes, double[] weights,
            Slices folds, SummaryOptions options) {
        Checks.notNull(folds, "folds");
        SliceEvaluation per = SliceEvaluation.multiclass(labels, scores, classes, weights, folds, options,
                new SliceEvaluation.Intervals.None(), 0);
        EvaluationSummary pooled = EvaluationSummary.multiclass(MulticlassEvaluation.of(labels, scores, classes,
                weights), options);
        return new FoldEvaluation(folds.columns().get(0), per.slices(), pooled, Optional.empty(), Optional.empty(),
                List.of(), List.of());
    }

    /** Multi-label cross-validated predictions: per-fold summaries, their means and sds, the pooled summary. */
    public static FoldEvaluation multilabel(int[][] indicator, double[][] scores, List<String> labels, double[] weights,
            Slices folds, SummaryOptions options) {
        Checks.notNull(folds, "folds");
        SliceEvaluation per = SliceEvaluation.multilabel(indicator, scores, labels, weights, folds, options, 0);
        EvaluationSummary pooled = EvaluationSummary.multilabel(MultilabelEvaluation.of(indicator, scores, labels,
                weights), options);
        return new FoldEvaluation(folds.columns().get(0), per.slices(), pooled, Optional.empty(), Optional.empty(),
                List.of(), List.of());
    }

    /** Name of the fold column. */
    public String column() {
        return column;
    }

    /** Each fold's evaluation on its own rows, in order of first appearance. */
    public List<SliceSummary> folds() {
        return folds;
    }

    /** The evaluation of all rows pooled. */
    public EvaluationSummary pooled() {
        return pooled;
    }

    /** Mean and sd over the folds of every value of the folds' summaries, in the summary's order. */
    public List<FoldStatistic> statistics() {
        return statistics;
    }

    /** The statistic of one key, if the folds' summaries have it. */
    public Optional<FoldStatistic> statistic(MetricKey key) {
        return statistics.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** ROC AUC of all rows pooled ({@link #aucKey()}: for multi-class the one-vs-rest macro average). */
    public double rocAucPooled() {
        return pooled.value(aucKey()).value();
    }

    /** Mean of the folds' ROC AUCs, over the folds where it is defined. */
    public double rocAucMeanOfFolds() {
        return statistic(aucKey()).map(FoldStatistic::mean).orElse(Double.NaN);
    }

    /** Vertically averaged ROC curve (binary only). */
    public Optional<AveragedCurve> roc() {
        return roc;
    }

    /** Recall-averaged precision-recall curve (binary only). */
    public Optional<AveragedCurve> precisionRecall() {
        return precisionRecall;
    }

    /** The curves of each binary fold that has both classes (those averaged), in fold order; empty otherwise. */
    public List<FoldCurves> curves() {
        return curves;
    }

    /**
     * The same evaluation with each fold's summary replaced by {@code f} of it, in order (the
     * statistics, curves and warnings kept): for the reader of the input to name rows in the
     * folds' warnings as the input does.
     */
    public FoldEvaluation mapFolds(UnaryOperator<SliceSummary> f) {
        Checks.notNull(f, "f");
        return new FoldEvaluation(this, folds.stream().map(f).toList());
    }

    private FoldEvaluation(FoldEvaluation base, List<SliceSummary> folds) {
        this.column = base.column;
        this.folds = List.copyOf(folds);
        this.pooled = base.pooled;
        this.statistics = base.statistics;
        this.roc = base.roc;
        this.precisionRecall = base.precisionRecall;
        this.curves = base.curves;
        this.warnings = base.warnings;
    }

    /** Warnings: folds left out of a mean or of the curves, and why. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The key of the ROC AUC reported pooled and as the mean of the folds: {@code roc_auc}
     * (binary), {@code roc_auc_ovr_macro} (multi-class), {@code roc_auc_macro} (multi-label).
     */
    public MetricKey aucKey() {
        return switch (pooled.task()) {
            case BINARY -> MetricKey.of(Metric.ROC_AUC);
            case MULTICLASS -> MetricKey.of(Metric.ROC_AUC, Average.OVR_MACRO);
            default -> MetricKey.of(Metric.ROC_AUC, Average.MACRO);
        };
    }

    private static List<FoldStatistic> statistics(List<SliceSummary> folds, List<String> warnings) {
        Map<MetricKey, List<Double>> values = new LinkedHashMap<>();
        for (SliceSummary f : folds) {
            for (EvaluationSummary.Value v : f.summary().values()) {
                values.computeIfAbsent(v.key(), k -> new ArrayList<>()).add(v.value());
            }
        }
        List<FoldStatistic> out = new ArrayList<>();
        for (Map.Entry<MetricKey, List<Double>> e : values.entrySet()) {
            double sum = 0;
            int k = 0;
            for (double v : e.getValue()) {
                if (!Double.isNaN(v)) {
                    sum += v;
                    k++;
                }
            }
            double mean = k == 0 ? Double.NaN : sum / k;
            double ss = 0;
            for (double v : e.getValue()) {
                if (!Double.isNaN(v)) {
                    ss += (v - mean) * (v - mean);
                }
            }
            if (k < e.getValue().size()) {
                warnings.add(e.getKey().key() + ": " + (e.getValue().size() - k) + " of " + e.getValue().size()
                        + " folds undefined, left out of the mean and sd");
            }
            out.add(new FoldStatistic(e.getKey(), mean, k == 0 ? Double.NaN : Math.sqrt(ss / k), k));
        }
        return out;
    }

    private static void checkGrid(double[] grid) {
        Checks.notNull(grid, "grid");
        Checks.nonEmpty(grid.length, "grid");
        for (int i = 0; i < grid.length; i++) {
            if (!(grid[i] >= 0 && grid[i] <= 1) || i > 0 && !(grid[i] > grid[i - 1])) {
                throw new IllegalArgumentException("grid must be strictly ascending in [0, 1], got grid[" + i + "] = "
                        + grid[i]);
            }
        }
    }

    @Override
    public String toString() {
        return "FoldEvaluation[" + column + ", " + folds.size() + " folds, pooled AUC " + rocAucPooled()
                + ", mean of folds " + rocAucMeanOfFolds() + "]";
    }
}

package org.discern.metrics;

import static org.discern.metrics.Approx.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.discern.metrics.EvaluationSummary.Value;
import org.junit.jupiter.api.Test;

/** {@link EvaluationSummary}: values in the README's order, intervals read by name, immutability. */
class EvaluationSummaryTest {
    // positives 0.9, 0.8, 0.6; negatives 0.7, 0.4, 0.3
    private static final double[] S = {0.9, 0.8, 0.7, 0.6, 0.4, 0.3};
    private static final boolean[] Y = {true, true, false, true, false, false};

    private static List<String> keys(List<Value> values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(v.key().key()));
        return out;
    }

    /**
     * On a table of {@link org.discern.metrics.internal.Sorting#PARALLEL} rows or more, two of the
     * five table walks run on another thread: each value is still the evaluation's own, in its place.
     */
    @Test
    void binaryValuesOfALargeTableMadeOnTwoThreads() {
        int n = org.discern.metrics.internal.Sorting.PARALLEL + 9;
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextInt(10) < 3;
            s[i] = 1 / (1 + Math.exp(-(random.nextGaussian() + (y[i] ? 1 : 0))));
        }
        BinaryEvaluation ev = BinaryEvaluation.of(s, y);
        EvaluationSummary summary = EvaluationSummary.binary(ev, SummaryOptions.defaults());
        double[] expected = {ev.rocAuc(), ev.averagePrecision(), ev.prAucInterpolated(), ev.prAucTrapezoid(), ev.ks()};
        Metric[] metrics = {Metric.ROC_AUC, Metric.AVERAGE_PRECISION, Metric.PR_AUC_INTERPOLATED,
            Metric.PR_AUC_TRAPEZOID, Metric.KS};
        for (int m = 0; m < metrics.length; m++) {
            assertEquals(expected[m], summary.value(MetricKey.of(metrics[m])).value(), 0, metrics[m].toString());
        }
        // the five are distinct here, so a value in the wrong place would show
        assertEquals(5, java.util.Arrays.stream(expected).distinct().count());
    }

    @Test
    void binaryValuesInTheReadmeOrderFromTheEvaluation() {
        BinaryEvaluation ev = BinaryEvaluation.of(S, Y);
        EvaluationSummary s = EvaluationSummary.binary(ev, SummaryOptions.defaults().withMaxFpr(0.5));
        assertEquals(List.of("roc_auc", "average_precision", "pr_auc_interpolated", "pr_auc_trapezoid", "ks", "log_loss",
                "brier", "accuracy", "precision", "recall", "specificity", "npv", "f1", "mcc", "balanced_accuracy",
                "cohen_kappa", "partial_roc_auc"), keys(s.values()));
        // 8 of the 9 (positive, negative) pairs are ordered right: 0.6 < 0.7
        assertClose(8.0 / 9, s.value(MetricKey.of(Metric.ROC_AUC)).value(), "auc");
        // at 0.5: flagged 0.9, 0.8, 0.7, 0.6 -> tp 3, fp 1, tn 2, fn 0
        assertEquals(ConfusionMatrix.of(3, 1, 2, 0), s.confusion().orElseThrow());
        assertClose(3.0 / 4, s.value(MetricKey.of(Metric.PRECISION)).value(), "precision");
        assertClose(2.0 / 3, s.value(MetricKey.of(Metric.SPECIFICITY)).value(), "specificity");
        assertClose(ev.partialRocAuc(0.5), s.value(MetricKey.partialRocAuc(0.5)).value(), "partial");
        assertEquals(0.5, s.value(MetricKey.of(Metric.PARTIAL_ROC_AUC)).key().maxFpr());
        assertEquals(ev.brierScore(), s.value(MetricKey.of(Metric.BRIER)).value());
        assertEquals(EvaluationSummary.Task.BINARY, s.task());
        assertEquals(6, s.rows());
        assertEquals(3, s.positiveRows());
        assertEquals("1", s.positiveLabel());
        assertEquals(0.5, s.threshold());
        assertTrue(s.intervals().isEmpty());
        assertTrue(s.perClass().isEmpty());
        assertFalse(s.find(MetricKey.of(Metric.ROC_AUC, Average.MACRO)).isPresent());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.value(MetricKey.of(Metric.COVERAGE_ERROR)));
        assertTrue(e.getMessage().startsWith("no value coverage_error; values: [roc_auc, "), e.getMessage());
        assertEquals(List.of("accuracy", "precision", "recall", "specificity", "npv", "f1", "mcc", "balanced_accuracy",
                "cohen_kappa"), keys(EvaluationSummary.decisionValues(ConfusionMatrix.of(3, 1, 2, 0))));
    }

    @Test
    void deLongIntervalAndVarianceOfTheRocAuc() {
        BinaryEvaluation ev = BinaryEvaluation.of(S, Y, new double[] {1, 2, 1, 1, 1, 1});
        DeLongAuc d = DeLong.auc(ev.operatingPoints());
        EvaluationSummary s = EvaluationSummary.binary(ev, SummaryOptions.defaults().withLevel(0.9), d);
        Value auc = s.value(MetricKey.of(Metric.ROC_AUC));
        assertEquals(d.interval(0.9), auc.interval().orElseThrow());
        assertEquals(OptionalDouble.of(d.variance()), auc.variance());
        assertTrue(s.value(MetricKey.of(Metric.AVERAGE_PRECISION)).interval().isEmpty());
        assertEquals(new EvaluationSummary.Intervals("delong", 0.9, 0, 0), s.intervals().orElseThrow());
        // weights: DeLong's caveat joins the warnings
        assertTrue(s.warnings().contains(EvaluationSummary.DELONG_WEIGHTS), s.warnings().toString());
        BinaryEvaluation other = BinaryEvaluation.of(new double[] {0.1, 0.2, 0.3, 0.4}, new boolean[] {true, false, true, false});
        assertThrows(IllegalArgumentException.class,
                () -> EvaluationSummary.binary(ev, SummaryOptions.defaults(), DeLong.auc(other.operatingPoints())));
    }

    /** Issue 12 (d): the intervals read by name are the ones the CLI used to read by position. */
    @Test
    void bootstrapIntervalsByNameEqualTheOldPositionalOnes() {
        BinaryEvaluation ev = BinaryEvaluation.of(S, Y);
        BootstrapOptions o = BootstrapOptions.defaults().withReplicates(200).withSeed(7);
        BootstrapResult r = Bootstrap.binary(S, Y, null, o, BinaryStatistic.rocAuc(), BinaryStatistic.averagePrecision());
        assertEquals(r.interval(0), r.interval("roc_auc"));
        assertEquals(r.interval(1), r.interval(MetricKey.of(Metric.AVERAGE_PRECISION)));
        EvaluationSummary s = EvaluationSummary.binary(ev, SummaryOptions.defaults(), r);
        assertEquals(r.interval(0), s.value(MetricKey.of(Metric.ROC_AUC)).interval().orElseThrow());
        assertEquals(r.interval(1), s.value(MetricKey.of(Metric.AVERAGE_PRECISION)).interval().orElseThrow());
        assertEquals(new EvaluationSummary.Intervals("bootstrap", 0.95, 200, 7), s.intervals().orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> r.interval("ks"));

        JsonFixture f = new JsonFixture("multiclass_small_ties");
        MulticlassEvaluation mc = MulticlassEvaluation.of(f.labels, f.scores, f.classes, null);
        int k = f.classes.size();
        BootstrapResult m = Bootstrap.multiclassOneVsRest(f.labels, f.scores, f.classes, null, o);
        EvaluationSummary ms = EvaluationSummary.multiclass(mc, SummaryOptions.defaults(), m);
        // the positions the CLI used: 0..5 the one-vs-rest averages, 6 + c and 6 + K + c the classes, 6 + 2K, 7 + 2K one-vs-one
        for (int j = 0; j < Bootstrap.ONE_VS_REST_AVERAGES.size(); j++) {
            MetricKey key = MetricKey.parse(Bootstrap.ONE_VS_REST_AVERAGES.get(j)).orElseThrow();
            assertEquals(m.interval(j), ms.value(key).interval().orElseThrow(), key.key());
        }
        assertEquals(m.interval(6 + 2 * k), ms.value(MetricKey.of(Metric.ROC_AUC, Average.OVO_MACRO)).interval().orElseThrow());
        assertEquals(m.interval(7 + 2 * k), ms.value(MetricKey.of(Metric.ROC_AUC, Average.OVO_WEIGHTED)).interval().orElseThrow());
        for (int c = 0; c < k; c++) {
            EvaluationSummary.ClassRow row = ms.perClass().get(c);
            assertEquals(m.interval(6 + c), row.value(MetricKey.of(Metric.ROC_AUC)).interval().orElseThrow());
            assertEquals(m.interval(6 + k + c), row.value(MetricKey.of(Metric.AVERAGE_PRECISION)).interval().orElseThrow());
            assertTrue(row.value(MetricKey.of(Metric.F1)).interval().isEmpty());
        }
        // the top-level decision metrics have no interval
        assertTrue(ms.value(MetricKey.of(Metric.ACCURACY)).interval().isEmpty());
        // an unnamed statistic cannot be read by name: the summary refuses a result it cannot use
        BootstrapResult unnamed = Bootstrap.binary(S, Y, null, o, p -> BinaryEvaluation.of(p).ks());
        assertThrows(IllegalArgumentException.class,
                () -> EvaluationSummary.binary(ev, SummaryOptions.defaults(), unnamed));
        // a name given twice names neither
        BootstrapResult twice = Bootstrap.binary(S, Y, null, o, BinaryStatistic.partialRocAuc(0.1),
                BinaryStatistic.partialRocAuc(0.2));
        assertEquals(-1, twice.indexOf("partial_roc_auc"));
    }

    @Test
    void multiclassAndMultilabelValuesInTheReadmeOrder() {
        JsonFixture f = new JsonFixture("multiclass_small_ties");
        MulticlassEvaluation mc = MulticlassEvaluation.of(f.labels, f.scores, f.classes, null);
        EvaluationSummary s = EvaluationSummary.multiclass(mc, SummaryOptions.defaults().withTopK(1, 4));
        assertEquals(List.of("roc_auc_ovr_macro", "roc_auc_ovr_weighted", "roc_auc_ovr_micro", "roc_auc_ovo_macro",
                "roc_auc_ovo_weighted", "average_precision_macro", "average_precision_weighted", "average_precision_micro",
                "accuracy", "balanced_accuracy", "cohen_kappa", "mcc", "log_loss", "top_1_accuracy", "top_4_accuracy",
                "precision_macro", "recall_macro", "f1_macro", "precision_weighted", "recall_weighted", "f1_weighted",
                "precision_micro", "recall_micro", "f1_micro"), keys(s.values()));
        assertEquals(mc.rocAucOvoMacro(), s.value(MetricKey.of(Metric.ROC_AUC, Average.OVO_MACRO)).value());
        assertEquals(mc.topKAccuracy(4), s.value(MetricKey.topKAccuracy(4)).value());
        assertEquals(f.classes, s.classes());
        assertEquals(mc.confusionMatrix(), s.confusionMatrix().orElseThrow());
        assertEquals(List.of("precision", "recall", "f1", "roc_auc", "average_precision"),
                keys(s.perClass().get(0).values()));
        assertEquals(mc.support(2), s.perClass().get(2).support());
        assertEquals(mc.rocAuc(2), s.perClass().get(2).value(MetricKey.of(Metric.ROC_AUC)).value());
        assertTrue(Double.isNaN(s.threshold()));

        List<DeLongAuc> d = DeLong.oneVsRest(mc);
        EvaluationSummary sd = EvaluationSummary.multiclass(mc, SummaryOptions.defaults(), d);
        assertEquals(d.get(3).interval(0.95), sd.perClass().get(3).value(MetricKey.of(Metric.ROC_AUC)).interval().orElseThrow());
        assertEquals(OptionalDouble.of(d.get(3).variance()),
                sd.perClass().get(3).value(MetricKey.of(Metric.ROC_AUC)).variance());
        assertThrows(IllegalArgumentException.class,
                () -> EvaluationSummary.multiclass(mc, SummaryOptions.defaults(), d.subList(0, 2)));

        JsonFixture l = new JsonFixture("multilabel_small");
        MultilabelEvaluation ml = MultilabelEvaluation.of(l.indicator, l.scores, l.classes, null);
        EvaluationSummary sl = EvaluationSummary.multilabel(ml, SummaryOptions.defaults());
        assertEquals(List.of("roc_auc_macro", "roc_auc_weighted", "roc_auc_micro", "roc_auc_samples",
                "average_precision_macro", "average_precision_weighted", "average_precision_micro",
                "average_precision_samples", "label_ranking_average_precision", "coverage_error"), keys(sl.values()));
        assertEquals(ml.coverageError(), sl.value(MetricKey.of(Metric.COVERAGE_ERROR)).value());
        assertEquals(List.of("roc_auc", "average_precision"), keys(sl.perClass().get(1).values()));
    }

    @Test
    void immutableValuesWithEqualityAndOptionsThatFailFast() {
        BinaryEvaluation ev = BinaryEvaluation.of(S, Y);
        EvaluationSummary a = EvaluationSummary.binary(ev, SummaryOptions.defaults().withThreshold(0.65));
        EvaluationSummary b = EvaluationSummary.binary(BinaryEvaluation.of(S.clone(), Y.clone()),
                SummaryOptions.defaults().withThreshold(0.65));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, EvaluationSummary.binary(ev, SummaryOptions.defaults()));
        assertTrue(a.toString().startsWith("EvaluationSummary[binary, rows=6, roc_auc="), a.toString());
        assertThrows(UnsupportedOperationException.class, () -> a.values().clear());
        assertThrows(UnsupportedOperationException.class, () -> a.warnings().add("x"));
        int[] ks = {1, 2};
        SummaryOptions o = SummaryOptions.defaults().withTopK(ks);
        ks[0] = 9;
        o.topK()[1] = 9;
        assertArrayEquals(new int[] {1, 2}, o.topK());
        assertEquals("ks[0] must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> o.withTopK(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> o.withThreshold(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> o.withMaxFpr(0));
        assertThrows(IllegalArgumentException.class, () -> o.withLevel(1));
        assertEquals(SummaryOptions.defaults(), SummaryOptions.defaults().withTopK(2, 3));
    }

    /** A fixture's input arrays. */
    private static final class JsonFixture {
        final int[] labels;
        final int[][] indicator;
        final double[][] scores;
        final List<String> classes;

        JsonFixture(String name) {
            var in = Fixtures.json(name).get("input");
            scores = Fixtures.matrix(in.get("scores"));
            if (in.has("classes")) {
                classes = Fixtures.strings(in.get("classes"));
                labels = Fixtures.ints(in.get("labels"));
                indicator = null;
            } else {
                classes = Fixtures.strings(in.get("labels_names"));
                labels = null;
                double[][] y = Fixtures.matrix(in.get("labels"));
                indicator = new int[y.length][];
                for (int i = 0; i < y.length; i++) {
                    indicator[i] = new int[y[i].length];
                    for (int j = 0; j < y[i].length; j++) {
                        indicator[i][j] = (int) y[i][j];
                    }
                }
            }
        }
    }
}

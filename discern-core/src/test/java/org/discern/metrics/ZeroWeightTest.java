package org.discern.metrics;

import static org.discern.metrics.Approx.assertArrayClose;
import static org.discern.metrics.Approx.assertClose;
import static org.discern.metrics.Fixtures.doubles;
import static org.discern.metrics.Fixtures.reversed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A sample of weight 0 is the same as no sample, everywhere: against scikit-learn 1.2.1, which
 * drops weight-0 samples before building curves (reference/numbers_reference.py), and against the
 * same evaluation without those rows.
 */
class ZeroWeightTest {

    static Stream<JsonNode> binaryCases() {
        JsonNode all = References.json("numbers_reference.json").get("zero_weights_binary");
        List<JsonNode> out = new ArrayList<>();
        all.forEach(out::add);
        return out.stream();
    }

    private static int[] positiveRows(double[] w) {
        return java.util.stream.IntStream.range(0, w.length).filter(i -> w[i] != 0).toArray();
    }

    private static double[] pick(double[] a, int[] rows) {
        return Arrays.stream(rows).mapToDouble(i -> a[i]).toArray();
    }

    private static boolean[] pick(boolean[] a, int[] rows) {
        boolean[] out = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = a[rows[i]];
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("binaryCases")
    void binaryCurvesAndAreasMatchScikitLearn(JsonNode c) {
        String name = c.get("name").asText();
        double[] s = doubles(c.get("scores"));
        boolean[] y = Fixtures.booleans(c.get("labels"));
        double[] w = doubles(c.get("weights"));
        JsonNode ex = c.get("expected");
        BinaryEvaluation ev = BinaryEvaluation.of(s, y, w);

        assertClose(ex.get("roc_auc").asDouble(), ev.rocAuc(), name + " roc_auc");
        assertClose(ex.get("average_precision").asDouble(), ev.averagePrecision(), name + " ap");
        assertClose(ex.get("pr_auc_trapezoid").asDouble(), ev.prAucTrapezoid(), name + " pr_auc_trapezoid");
        JsonNode r = ex.get("roc_curve");
        assertArrayClose(doubles(r.get("fpr")), ev.rocCurve().fpr(), name + " roc fpr");
        assertArrayClose(doubles(r.get("tpr")), ev.rocCurve().tpr(), name + " roc tpr");
        assertArrayClose(doubles(r.get("thresholds")), ev.rocCurve().thresholds(), name + " roc thresholds");
        JsonNode ra = ex.get("roc_curve_all_thresholds");
        assertArrayClose(doubles(ra.get("fpr")), ev.rocCurveAllThresholds().fpr(), name + " roc_all fpr");
        assertArrayClose(doubles(ra.get("thresholds")), ev.rocCurveAllThresholds().thresholds(), name + " roc_all thr");
        JsonNode p = ex.get("precision_recall_curve");
        PrecisionRecallCurve pr = ev.precisionRecallCurve();
        assertArrayClose(reversed(doubles(p.get("precision"))), pr.precision(), name + " pr precision");
        assertArrayClose(reversed(doubles(p.get("recall"))), pr.recall(), name + " pr recall");
        double[] thr = pr.thresholds();
        assertArrayClose(reversed(doubles(p.get("thresholds"))), Arrays.copyOfRange(thr, 1, thr.length),
                name + " pr thresholds");
        JsonNode d = ex.get("det_curve");
        assertArrayClose(reversed(doubles(d.get("fpr"))), ev.detCurve().fpr(), name + " det fpr");
        assertArrayClose(reversed(doubles(d.get("fnr"))), ev.detCurve().fnr(), name + " det fnr");
        assertArrayClose(reversed(doubles(d.get("thresholds"))), ev.detCurve().thresholds(), name + " det thr");
        ConfusionMatrix cm = ev.confusionAt(ex.get("threshold").asDouble());
        JsonNode cc = ex.get("confusion");
        assertEquals(new ConfusionMatrix(cc.get("tp").asDouble(), cc.get("fp").asDouble(), cc.get("tn").asDouble(),
                cc.get("fn").asDouble()), cm, name);
        assertClose(ex.get("mcc").asDouble(), cm.mcc(), name + " mcc");
        assertClose(ex.get("cohen_kappa").asDouble(), cm.cohenKappa(), name + " kappa");
        assertClose(ex.get("balanced_accuracy").asDouble(), cm.balancedAccuracy(), name + " balanced");
        // no threshold is a score of a weight-0 row only
        for (double t : ev.operatingPoints().thresholds()) {
            boolean carried = false;
            for (int i = 0; i < s.length; i++) {
                carried |= s[i] == t && w[i] > 0;
            }
            assertTrue(carried, name + ": threshold " + t + " comes from weight-0 rows only");
        }
    }

    @ParameterizedTest
    @MethodSource("binaryCases")
    void binaryEqualsTheEvaluationWithoutTheRows(JsonNode c) {
        double[] s = doubles(c.get("scores"));
        boolean[] y = Fixtures.booleans(c.get("labels"));
        double[] w = doubles(c.get("weights"));
        int[] keep = positiveRows(w);
        BinaryEvaluation a = BinaryEvaluation.of(s, y, w);
        BinaryEvaluation b = BinaryEvaluation.of(pick(s, keep), pick(y, keep), pick(w, keep));
        assertEquals(b.rocCurveAllThresholds(), a.rocCurveAllThresholds());
        assertEquals(b.precisionRecallCurve(), a.precisionRecallCurve());
        assertEquals(b.detCurve(), a.detCurve());
        assertEquals(b.rocAuc(), a.rocAuc());
        assertEquals(b.prAucInterpolated(), a.prAucInterpolated());
        assertEquals(b.rows(), a.rows());
        assertEquals(keep.length, a.rows());
        assertEquals(b.logLoss(), a.logLoss());
        assertEquals(BinaryEvaluation.zeroWeightWarning(s.length - keep.length), a.warnings().get(0));
        assertTrue(a.warnings().get(0).contains("weight 0"));
        // float scores take their own path
        float[] f = new float[s.length];
        float[] fk = new float[keep.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) s[i];
        }
        for (int i = 0; i < fk.length; i++) {
            fk[i] = f[keep[i]];
        }
        assertEquals(BinaryEvaluation.of(fk, pick(y, keep), pick(w, keep)).rocCurveAllThresholds(),
                BinaryEvaluation.of(f, y, w).rocCurveAllThresholds());
        // DeLong and the bootstrap see the same samples
        DeLongAuc da = DeLong.auc(s, y, w);
        DeLongAuc db = DeLong.auc(pick(s, keep), pick(y, keep), pick(w, keep));
        assertEquals(db, da);
        double[] s2 = Arrays.stream(s).map(v -> v * v).toArray();
        assertEquals(DeLong.paired(pick(s, keep), pick(s2, keep), pick(y, keep), pick(w, keep), 0.95),
                DeLong.paired(s, s2, y, w, 0.95));
        BootstrapOptions o = BootstrapOptions.defaults().withReplicates(50).withSeed(3).withThreads(2);
        assertEquals(Bootstrap.binary(pick(s, keep), pick(y, keep), pick(w, keep), o, BinaryStatistic.rocAuc(),
                BinaryStatistic.sensitivityAtSpecificity(0.8)),
                Bootstrap.binary(s, y, w, o, BinaryStatistic.rocAuc(), BinaryStatistic.sensitivityAtSpecificity(0.8)));
    }

    @Test
    void multiclassPerClassAndMicroCurvesMatchScikitLearn() {
        JsonNode c = References.json("numbers_reference.json").get("zero_weights_multiclass");
        int[] y = Fixtures.ints(c.get("labels"));
        double[][] p = Fixtures.matrix(c.get("scores"));
        double[] w = doubles(c.get("weights"));
        JsonNode ex = c.get("expected");
        MulticlassEvaluation ev = MulticlassEvaluation.of(y, p, List.of("a", "b", "c"), w);
        for (int k = 0; k < 3; k++) {
            JsonNode e = ex.get("per_class").get(k);
            JsonNode r = e.get("roc_curve");
            assertArrayClose(doubles(r.get("fpr")), ev.rocCurve(k).fpr(), "class " + k + " fpr");
            assertArrayClose(doubles(r.get("tpr")), ev.rocCurve(k).tpr(), "class " + k + " tpr");
            assertArrayClose(doubles(r.get("thresholds")), ev.rocCurve(k).thresholds(), "class " + k + " thr");
            JsonNode pr = e.get("precision_recall_curve");
            assertArrayClose(reversed(doubles(pr.get("precision"))), ev.precisionRecallCurve(k).precision(),
                    "class " + k + " precision");
            assertClose(e.get("roc_auc").asDouble(), ev.rocAuc(k), "class " + k + " auc");
            assertClose(e.get("average_precision").asDouble(), ev.averagePrecision(k), "class " + k + " ap");
        }
        JsonNode micro = ex.get("roc_curve_micro");
        assertArrayClose(doubles(micro.get("fpr")), ev.rocCurveMicro().fpr(), "micro fpr");
        assertArrayClose(doubles(micro.get("tpr")), ev.rocCurveMicro().tpr(), "micro tpr");
        assertArrayClose(doubles(micro.get("thresholds")), ev.rocCurveMicro().thresholds(), "micro thr");
        assertClose(ex.get("roc_auc_ovr_micro").asDouble(), ev.rocAucOvrMicro(), "micro auc");
        assertClose(ex.get("roc_auc_ovr_macro").asDouble(), ev.rocAucOvrMacro(), "macro auc");
        assertClose(ex.get("roc_auc_ovr_weighted").asDouble(), ev.rocAucOvrWeighted(), "weighted auc");
        assertClose(ex.get("average_precision_macro").asDouble(), ev.averagePrecisionMacro(), "macro ap");
        assertClose(ex.get("average_precision_micro").asDouble(), ev.averagePrecisionMicro(), "micro ap");

        // and the evaluation without the rows is the same, to the bit
        int[] keep = positiveRows(w);
        int[] yk = Arrays.stream(keep).map(i -> y[i]).toArray();
        double[][] pk = Arrays.stream(keep).mapToObj(i -> p[i]).toArray(double[][]::new);
        MulticlassEvaluation b = MulticlassEvaluation.of(yk, pk, List.of("a", "b", "c"), pick(w, keep));
        assertEquals(b.rows(), ev.rows());
        assertEquals(b.rocCurveMicro(), ev.rocCurveMicro());
        assertEquals(b.rocCurveMacro(), ev.rocCurveMacro());
        assertEquals(b.confusionMatrix(), ev.confusionMatrix());
        assertEquals(b.rocAucOvoWeighted(), ev.rocAucOvoWeighted());
        assertEquals(b.logLoss(), ev.logLoss());
        for (int k = 0; k < 3; k++) {
            assertEquals(b.classEvaluation(k).rocCurveAllThresholds(), ev.classEvaluation(k).rocCurveAllThresholds());
        }
        assertTrue(ev.warnings().get(0).contains("have weight 0 and are left out"), ev.warnings().toString());
        // the bootstraps draw only the rows that count: identical replicates
        BootstrapOptions o = BootstrapOptions.defaults().withReplicates(20).withSeed(9).withThreads(1);
        List<String> names = List.of("a", "b", "c");
        assertEquals(Bootstrap.multiclassOneVsRest(yk, pk, names, pick(w, keep), o),
                Bootstrap.multiclassOneVsRest(y, p, names, w, o));
        assertEquals(Bootstrap.multiclass(yk, pk, names, pick(w, keep), o), Bootstrap.multiclass(y, p, names, w, o));
    }

    @Test
    void multilabelLeavesTheRowsOut() {
        int[][] ind = {{1, 0}, {0, 1}, {1, 1}, {0, 0}, {1, 0}};
        double[][] s = {{0.9, 0.2}, {0.1, 0.8}, {0.7, 0.6}, {0.95, 0.99}, {0.3, 0.1}};
        double[] w = {1, 2, 1, 0, 1};
        MultilabelEvaluation a = MultilabelEvaluation.of(ind, s, List.of("x", "y"), w);
        MultilabelEvaluation b = MultilabelEvaluation.of(new int[][] {{1, 0}, {0, 1}, {1, 1}, {1, 0}},
                new double[][] {{0.9, 0.2}, {0.1, 0.8}, {0.7, 0.6}, {0.3, 0.1}}, List.of("x", "y"), new double[] {1, 2, 1, 1});
        assertEquals(4, a.rows());
        assertEquals(b.rocAucMicro(), a.rocAucMicro());
        assertEquals(b.coverageError(), a.coverageError());
        assertEquals(b.labelRankingAveragePrecision(), a.labelRankingAveragePrecision());
        for (int l = 0; l < 2; l++) {
            assertEquals(b.labelEvaluation(l).rocCurveAllThresholds(), a.labelEvaluation(l).rocCurveAllThresholds());
        }
    }

    @Test
    void calibrationLeavesTheRowsOut() {
        double[] p = {0.05, 0.1, 0.2, 0.3, 0.35, 0.5, 0.6, 0.8, 0.9, 0.97};
        boolean[] y = {false, false, true, false, true, false, true, true, true, true};
        double[] w = {0, 1, 2, 0, 1, 1, 0, 3, 1, 0};
        int[] keep = positiveRows(w);
        for (CalibrationBinning b : CalibrationBinning.values()) {
            Calibration a = Calibration.of(p, y, w, 3, b);
            Calibration c = Calibration.of(pick(p, keep), pick(y, keep), pick(w, keep), 3, b);
            assertEquals(Arrays.toString(c.edges()), Arrays.toString(a.edges()), b.toString());
            assertEquals(Arrays.toString(c.counts()), Arrays.toString(a.counts()), b.toString());
            assertEquals(c.expectedCalibrationError(), a.expectedCalibrationError(), b.toString());
            assertEquals(c.brierScore(), a.brierScore(), b.toString());
        }
    }

    @Test
    void allWeightsZeroIsInvalidInput() {
        double[] s = {0.2, 0.7};
        boolean[] y = {true, false};
        double[] w = {0, 0};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BinaryEvaluation.of(s, y, w));
        assertTrue(e.getMessage().startsWith("weights must not all be 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OperatingPoints.of(new float[] {0.2f, 0.7f}, y, w));
        assertThrows(IllegalArgumentException.class,
                () -> MulticlassEvaluation.of(new int[] {0, 1}, new double[][] {{0.2, 0.8}, {0.6, 0.4}}, List.of("a", "b"), w));
        assertThrows(IllegalArgumentException.class, () -> DeLong.paired(s, s, y, w, 0.95));
        assertThrows(IllegalArgumentException.class,
                () -> Bootstrap.binary(s, y, w, BootstrapOptions.defaults().withReplicates(5), BinaryStatistic.rocAuc()));
        assertThrows(IllegalArgumentException.class, () -> Calibration.of(s, y, w, 2, CalibrationBinning.UNIFORM));
    }
}

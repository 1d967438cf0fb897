package org.discern.metrics;

import static org.discern.metrics.Approx.assertArrayClose;
import static org.discern.metrics.Approx.assertClose;
import static org.discern.metrics.Fixtures.doubles;
import static org.discern.metrics.Fixtures.reversed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every binary golden fixture (scikit-learn 1.2.1) through the library, double and float paths. */
class BinaryFixtureTest {

    static Stream<String> binary() {
        return Fixtures.BINARY.stream();
    }

    private static BinaryEvaluation evaluate(JsonNode input) {
        double[] scores = doubles(input.get("scores"));
        boolean[] labels = Fixtures.booleans(input.get("labels"));
        double[] weights = input.get("weights").isNull() ? null : doubles(input.get("weights"));
        return BinaryEvaluation.of(scores, labels, weights);
    }

    @ParameterizedTest
    @MethodSource("binary")
    void matchesScikitLearn(String name) {
        JsonNode fx = Fixtures.json(name);
        JsonNode ex = fx.get("expected");
        BinaryEvaluation ev = evaluate(fx.get("input"));

        assertClose(ex.get("roc_auc").asDouble(), ev.rocAuc(), name + " roc_auc");
        assertClose(ex.get("roc_auc_max_fpr_0.1").asDouble(), ev.partialRocAuc(0.1), name + " partial");
        assertClose(ex.get("average_precision").asDouble(), ev.averagePrecision(), name + " ap");

        RocCurve roc = ev.rocCurve();
        JsonNode r = ex.get("roc_curve");
        assertArrayClose(doubles(r.get("fpr")), roc.fpr(), name + " roc fpr");
        assertArrayClose(doubles(r.get("tpr")), roc.tpr(), name + " roc tpr");
        assertArrayClose(doubles(r.get("thresholds")), roc.thresholds(), name + " roc thresholds");

        RocCurve all = ev.rocCurveAllThresholds();
        JsonNode ra = ex.get("roc_curve_all_thresholds");
        assertArrayClose(doubles(ra.get("fpr")), all.fpr(), name + " roc_all fpr");
        assertArrayClose(doubles(ra.get("tpr")), all.tpr(), name + " roc_all tpr");
        assertArrayClose(doubles(ra.get("thresholds")), all.thresholds(), name + " roc_all thr");

        PrecisionRecallCurve pr = ev.precisionRecallCurve();
        JsonNode p = ex.get("precision_recall_curve");
        assertArrayClose(reversed(doubles(p.get("precision"))), pr.precision(), name + " pr precision");
        assertArrayClose(reversed(doubles(p.get("recall"))), pr.recall(), name + " pr recall");
        double[] thr = pr.thresholds();
        double[] expectedThr = reversed(doubles(p.get("thresholds")));
        assertEquals(Double.POSITIVE_INFINITY, thr[0], name + " pr first threshold");
        assertArrayClose(expectedThr, java.util.Arrays.copyOfRange(thr, 1, thr.length), name + " pr thresholds");

        DetCurve det = ev.detCurve();
        JsonNode d = ex.get("det_curve");
        assertArrayClose(reversed(doubles(d.get("fpr"))), det.fpr(), name + " det fpr");
        assertArrayClose(reversed(doubles(d.get("fnr"))), det.fnr(), name + " det fnr");
        assertArrayClose(reversed(doubles(d.get("thresholds"))), det.thresholds(), name + " det thr");

        double t = ex.get("threshold").asDouble();
        ConfusionMatrix cm = ev.confusionAt(t);
        JsonNode c = ex.get("confusion");
        assertClose(c.get("tp").asDouble(), cm.tp(), name + " tp");
        assertClose(c.get("fp").asDouble(), cm.fp(), name + " fp");
        assertClose(c.get("tn").asDouble(), cm.tn(), name + " tn");
        assertClose(c.get("fn").asDouble(), cm.fn(), name + " fn");
        assertClose(ex.get("accuracy").asDouble(), cm.accuracy(), name + " accuracy");
        assertClose(ex.get("precision").asDouble(), cm.precision(), name + " precision");
        assertClose(ex.get("recall").asDouble(), cm.recall(), name + " recall");
        assertClose(ex.get("specificity").asDouble(), cm.specificity(), name + " specificity");
        assertClose(ex.get("f1").asDouble(), cm.f1(), name + " f1");
        assertClose(ex.get("f2").asDouble(), cm.fBeta(2), name + " f2");
        assertClose(ex.get("mcc").asDouble(), cm.mcc(), name + " mcc");
        assertClose(ex.get("balanced_accuracy").asDouble(), cm.balancedAccuracy(), name + " balanced");
        assertClose(ex.get("cohen_kappa").asDouble(), cm.cohenKappa(), name + " kappa");

        if (ex.has("log_loss")) {
            assertClose(ex.get("log_loss").asDouble(), ev.logLoss(), name + " log_loss");
            assertClose(ex.get("brier").asDouble(), ev.brierScore(), name + " brier");
        }
    }

    @ParameterizedTest
    @MethodSource("binary")
    void floatPathAgreesWithDoublePathWhenScoresAreFloats(String name) {
        JsonNode in = Fixtures.json(name).get("input");
        double[] scores = doubles(in.get("scores"));
        float[] f = new float[scores.length];
        double[] widened = new double[scores.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) scores[i];
            widened[i] = f[i];
        }
        boolean[] labels = Fixtures.booleans(in.get("labels"));
        double[] weights = in.get("weights").isNull() ? null : doubles(in.get("weights"));
        BinaryEvaluation a = BinaryEvaluation.of(f, labels, weights);
        BinaryEvaluation b = BinaryEvaluation.of(widened, labels, weights);
        assertEquals(b.rocCurveAllThresholds(), a.rocCurveAllThresholds(), name);
        assertEquals(b.rocAuc(), a.rocAuc(), name);
        assertEquals(b.averagePrecision(), a.averagePrecision(), name);
    }
}

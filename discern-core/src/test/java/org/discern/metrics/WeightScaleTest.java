package org.discern.metrics;

import static org.discern.metrics.Approx.assertClose;
import static org.discern.metrics.Fixtures.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scale of the weights changes nothing: a weighted case at unit scale against scikit-learn
 * 1.2.1 (reference/numbers_reference.py, weighted_ratios), then the same weights times scales from
 * 1e-300 to 1e300, where products of weighted counts would overflow or underflow (scikit-learn
 * itself returns NaN for the MCC at 1e200).
 */
class WeightScaleTest {

    @ParameterizedTest
    @ValueSource(doubles = {1e-300, 1e-200, 1e-100, 1e-30, 1e-19, 1, 3.7, 1e19, 1e30, 1e100, 1e200, 1e300})
    void binaryNumbersMatchScikitLearnAtEveryScale(double scale) {
        JsonNode c = References.json("numbers_reference.json").get("weighted_ratios");
        JsonNode ex = c.get("expected");
        double[] s = doubles(c.get("scores"));
        boolean[] y = Fixtures.booleans(c.get("labels"));
        double[] w = Arrays.stream(doubles(c.get("weights"))).map(v -> v * scale).toArray();
        BinaryEvaluation ev = BinaryEvaluation.of(s, y, w);
        String at = " at scale " + scale;
        assertScikitLearnNumbers(ex, ev, at);
        assertFalse(Double.isNaN(ev.prAucInterpolated()) || Double.isNaN(ev.ks()), at);
        // the ROC curve, as rates, is the unit-scale one
        assertClose(ex.get("roc_curve").get("fpr").size(), ev.rocCurve().size(), "roc points" + at);
    }

    /** The areas and the confusion-matrix numbers of weighted_ratios against scikit-learn 1.2.1. */
    static void assertScikitLearnNumbers(JsonNode ex, BinaryEvaluation ev, String at) {
        assertClose(ex.get("roc_auc").asDouble(), ev.rocAuc(), 1e-12, "roc_auc" + at);
        assertClose(ex.get("average_precision").asDouble(), ev.averagePrecision(), 1e-12, "ap" + at);
        assertClose(ex.get("pr_auc_trapezoid").asDouble(), ev.prAucTrapezoid(), 1e-12, "pr trapezoid" + at);
        ConfusionMatrix cm = ev.confusionAt(ex.get("threshold").asDouble());
        assertClose(ex.get("mcc").asDouble(), cm.mcc(), 1e-12, "mcc" + at);
        assertClose(ex.get("cohen_kappa").asDouble(), cm.cohenKappa(), 1e-12, "kappa" + at);
        assertClose(ex.get("balanced_accuracy").asDouble(), cm.balancedAccuracy(), 1e-12, "balanced" + at);
        assertClose(ex.get("f1").asDouble(), cm.f1(), 1e-12, "f1" + at);
        assertClose(ex.get("accuracy").asDouble(), cm.accuracy(), 1e-12, "accuracy" + at);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-300, 1e-200, 1e-30, 1e30, 1e200, 1e300})
    void multiclassNumbersDoNotDependOnTheScale(double scale) {
        int[] y = {0, 1, 2, 2, 1, 0, 2, 1, 0, 0};
        double[][] p = {{0.6, 0.3, 0.1}, {0.2, 0.5, 0.3}, {0.1, 0.2, 0.7}, {0.3, 0.3, 0.4}, {0.5, 0.4, 0.1},
            {0.4, 0.4, 0.2}, {0.2, 0.6, 0.2}, {0.3, 0.3, 0.4}, {0.7, 0.2, 0.1}, {0.1, 0.1, 0.8}};
        double[] w = {1, 2, 0.5, 3, 1, 1.5, 2, 1, 0.25, 4};
        List<String> k = List.of("a", "b", "c");
        MulticlassEvaluation unit = MulticlassEvaluation.of(y, p, k, w);
        MulticlassEvaluation big = MulticlassEvaluation.of(y, p, k, Arrays.stream(w).map(v -> v * scale).toArray());
        String at = " at scale " + scale;
        assertSameMulticlassNumbers(unit, big, at);
        assertFalse(Double.isNaN(big.mcc()));
    }

    /** The averages and coefficients of two multi-class evaluations of the same sample. */
    static void assertSameMulticlassNumbers(MulticlassEvaluation unit, MulticlassEvaluation other, String at) {
        assertClose(unit.rocAucOvrMacro(), other.rocAucOvrMacro(), 1e-12, "ovr macro" + at);
        assertClose(unit.rocAucOvrWeighted(), other.rocAucOvrWeighted(), 1e-12, "ovr weighted" + at);
        assertClose(unit.rocAucOvrMicro(), other.rocAucOvrMicro(), 1e-12, "ovr micro" + at);
        assertClose(unit.rocAucOvoMacro(), other.rocAucOvoMacro(), 1e-12, "ovo macro" + at);
        assertClose(unit.rocAucOvoWeighted(), other.rocAucOvoWeighted(), 1e-12, "ovo weighted" + at);
        assertClose(unit.averagePrecisionMacro(), other.averagePrecisionMacro(), 1e-12, "ap macro" + at);
        assertClose(unit.averagePrecisionMicro(), other.averagePrecisionMicro(), 1e-12, "ap micro" + at);
        assertClose(unit.mcc(), other.mcc(), 1e-12, "mcc" + at);
        assertClose(unit.cohenKappa(), other.cohenKappa(), 1e-12, "kappa" + at);
        assertClose(unit.balancedAccuracy(), other.balancedAccuracy(), 1e-12, "balanced" + at);
        assertClose(unit.topKAccuracy(2), other.topKAccuracy(2), 1e-12, "top 2" + at);
        assertClose(unit.logLoss(), other.logLoss(), 1e-12, "log loss" + at);
    }

    /** A confusion matrix built from huge or tiny counts directly (a distributed sum, say). */
    @ParameterizedTest
    @ValueSource(doubles = {1e-300, 1e-200, 1e200, 1e300})
    void confusionMatricesOfExtremeCountsKeepTheirRatios(double scale) {
        ConfusionMatrix unit = new ConfusionMatrix(30, 5, 50, 15);
        ConfusionMatrix big = new ConfusionMatrix(30 * scale, 5 * scale, 50 * scale, 15 * scale);
        assertClose(unit.mcc(), big.mcc(), 1e-13, "mcc");
        assertClose(unit.cohenKappa(), big.cohenKappa(), 1e-13, "kappa");
        MulticlassConfusionMatrix m = MulticlassConfusionMatrix.of(new double[][] {{5, 1, 0}, {2, 7, 1}, {0, 3, 9}});
        MulticlassConfusionMatrix mb = MulticlassConfusionMatrix.of(new double[][] {{5 * scale, scale, 0},
            {2 * scale, 7 * scale, scale}, {0, 3 * scale, 9 * scale}});
        assertClose(m.mcc(), mb.mcc(), 1e-13, "multi-class mcc");
        assertClose(m.cohenKappa(), mb.cohenKappa(), 1e-13, "multi-class kappa");
        // a table of extreme cumulative counts, as a distributed evaluation hands it over
        OperatingPoints t = OperatingPoints.fromCumulative(new double[] {0.9, 0.5, 0.1},
                new double[] {3 * scale, 5 * scale, 6 * scale}, new double[] {scale, 2 * scale, 7 * scale}, 13, 6, true);
        OperatingPoints u = OperatingPoints.fromCumulative(new double[] {0.9, 0.5, 0.1},
                new double[] {3, 5, 6}, new double[] {1, 2, 7}, 13, 6, true);
        assertClose(BinaryEvaluation.of(u).rocAuc(), BinaryEvaluation.of(t).rocAuc(), 1e-13, "table auc");
        assertClose(BinaryEvaluation.of(u).averagePrecision(), BinaryEvaluation.of(t).averagePrecision(), 1e-13, "table ap");
        // a power-of-two scale is exact: bit for bit
        double two = Math.scalb(1.0, Math.getExponent(scale));
        OperatingPoints p = OperatingPoints.fromCumulative(new double[] {0.9, 0.5, 0.1},
                new double[] {3 * two, 5 * two, 6 * two}, new double[] {two, 2 * two, 7 * two}, 13, 6, true);
        assertEquals(BinaryEvaluation.of(u).rocAuc(), BinaryEvaluation.of(p).rocAuc());
        assertEquals(new ConfusionMatrix(30, 5, 50, 15).mcc(),
                new ConfusionMatrix(30 * two, 5 * two, 50 * two, 15 * two).mcc());
    }
}

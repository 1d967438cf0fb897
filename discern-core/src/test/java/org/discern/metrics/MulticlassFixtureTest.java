package org.discern.metrics;

import static org.discern.metrics.Approx.assertArrayClose;
import static org.discern.metrics.Approx.assertClose;
import static org.discern.metrics.Fixtures.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every multi-class golden fixture (scikit-learn 1.2.1) through the library, with the score
 * matrix given in each of the three accepted shapes.
 */
class MulticlassFixtureTest {

    enum Shape { ROWS, ROW_MAJOR }

    static Stream<Arguments> cases() {
        return Fixtures.MULTICLASS.stream().flatMap(name -> Stream.of(Shape.values()).map(s -> Arguments.of(name, s)));
    }

    static MulticlassEvaluation evaluate(JsonNode input, Shape shape) {
        int[] labels = Fixtures.ints(input.get("labels"));
        double[][] scores = Fixtures.matrix(input.get("scores"));
        List<String> classes = Fixtures.strings(input.get("classes"));
        double[] weights = input.get("weights").isNull() ? null : doubles(input.get("weights"));
        int k = classes.size();
        double[] flat = new double[scores.length * k];
        for (int i = 0; i < scores.length; i++) {
            System.arraycopy(scores[i], 0, flat, i * k, k);
        }
        return shape == Shape.ROWS ? MulticlassEvaluation.of(labels, scores, classes, weights)
                : MulticlassEvaluation.of(labels, flat, classes, weights);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void matchesScikitLearn(String name, Shape shape) {
        JsonNode fx = Fixtures.json(name);
        JsonNode ex = fx.get("expected");
        MulticlassEvaluation ev = evaluate(fx.get("input"), shape);
        int k = ev.classCount();

        assertClose(ex.get("roc_auc_ovr_macro").asDouble(), ev.rocAucOvrMacro(), name + " ovr macro");
        assertClose(ex.get("roc_auc_ovr_weighted").asDouble(), ev.rocAucOvrWeighted(), name + " ovr weighted");
        assertClose(ex.get("roc_auc_ovr_micro").asDouble(), ev.rocAucOvrMicro(), name + " ovr micro");
        if (ex.has("roc_auc_ovo_macro")) {
            assertClose(ex.get("roc_auc_ovo_macro").asDouble(), ev.rocAucOvoMacro(), name + " ovo macro");
            assertClose(ex.get("roc_auc_ovo_weighted").asDouble(), ev.rocAucOvoWeighted(), name + " ovo weighted");
        }
        assertClose(ex.get("average_precision_macro").asDouble(), ev.averagePrecisionMacro(), name + " ap macro");
        assertClose(ex.get("average_precision_weighted").asDouble(), ev.averagePrecisionWeighted(), name + " ap weighted");
        assertClose(ex.get("average_precision_micro").asDouble(), ev.averagePrecisionMicro(), name + " ap micro");

        assertClose(ex.get("accuracy").asDouble(), ev.accuracy(), name + " accuracy");
        assertClose(ex.get("balanced_accuracy").asDouble(), ev.balancedAccuracy(), name + " balanced");
        assertClose(ex.get("cohen_kappa").asDouble(), ev.cohenKappa(), name + " kappa");
        assertClose(ex.get("mcc").asDouble(), ev.mcc(), name + " mcc");
        assertClose(ex.get("log_loss").asDouble(), ev.logLoss(), name + " log loss");
        assertClose(ex.get("top_2_accuracy").asDouble(), ev.topKAccuracy(2), name + " top 2");
        assertClose(ex.get("top_3_accuracy").asDouble(), ev.topKAccuracy(3), name + " top 3");

        MulticlassConfusionMatrix cm = ev.confusionMatrix();
        JsonNode exCm = ex.get("confusion_matrix");
        double[][] counts = cm.counts();
        for (int t = 0; t < k; t++) {
            assertArrayClose(doubles(exCm.get(t)), counts[t], name + " confusion row " + t);
        }
        for (String avg : List.of("macro", "weighted", "micro")) {
            double p;
            double r;
            double f;
            switch (avg) {
                case "macro":
                    p = cm.precisionMacro();
                    r = cm.recallMacro();
                    f = cm.f1Macro();
                    break;
                case "weighted":
                    p = cm.precisionWeighted();
                    r = cm.recallWeighted();
                    f = cm.f1Weighted();
                    break;
                default:
                    p = cm.precisionMicro();
                    r = cm.recallMicro();
                    f = cm.f1Micro();
                    break;
            }
            assertClose(ex.get("precision_" + avg).asDouble(), p, name + " precision " + avg);
            assertClose(ex.get("recall_" + avg).asDouble(), r, name + " recall " + avg);
            assertClose(ex.get("f1_" + avg).asDouble(), f, name + " f1 " + avg);
        }

        JsonNode per = ex.get("per_class");
        assertEquals(k, per.size());
        for (int c = 0; c < k; c++) {
            JsonNode pc = per.get(c);
            String what = name + " class " + pc.get("class").asText();
            assertEquals(pc.get("class").asText(), ev.classes().get(c), what);
            assertClose(pc.get("support").asDouble(), ev.support(c), what + " support");
            assertClose(pc.get("support").asDouble(), cm.support(c), what + " cm support");
            assertClose(pc.get("precision").asDouble(), cm.precision(c), what + " precision");
            assertClose(pc.get("recall").asDouble(), cm.recall(c), what + " recall");
            assertClose(pc.get("f1").asDouble(), cm.f1(c), what + " f1");
            assertClose(pc.get("roc_auc").asDouble(), ev.rocAuc(c), what + " roc_auc");
            assertClose(pc.get("average_precision").asDouble(), ev.averagePrecision(c), what + " ap");
            RocCurve roc = ev.rocCurve(c);
            JsonNode r = pc.get("roc_curve");
            assertArrayClose(doubles(r.get("fpr")), roc.fpr(), what + " roc fpr");
            assertArrayClose(doubles(r.get("tpr")), roc.tpr(), what + " roc tpr");
            assertArrayClose(doubles(r.get("thresholds")), roc.thresholds(), what + " roc thresholds");
        }

        RocCurve micro = ev.rocCurveMicro();
        JsonNode mi = ex.get("roc_curve_micro");
        assertArrayClose(doubles(mi.get("fpr")), micro.fpr(), name + " micro fpr");
        assertArrayClose(doubles(mi.get("tpr")), micro.tpr(), name + " micro tpr");
        assertArrayClose(doubles(mi.get("thresholds")), micro.thresholds(), name + " micro thresholds");

        RocCurve macro = ev.rocCurveMacro();
        JsonNode ma = ex.get("roc_curve_macro");
        assertArrayClose(doubles(ma.get("fpr")), macro.fpr(), name + " macro fpr");
        assertArrayClose(doubles(ma.get("tpr")), macro.tpr(), name + " macro tpr");
        for (int i = 0; i < macro.size(); i++) {
            assertTrue(Double.isNaN(macro.threshold(i)), name + " macro curve has no thresholds");
        }
        assertEquals(List.of(), ev.warnings(), name + " warnings");
    }
}

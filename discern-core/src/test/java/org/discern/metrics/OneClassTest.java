package org.discern.metrics;

import static org.discern.metrics.Fixtures.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * One class only: average precision without negatives, balanced accuracy, against scikit-learn
 * 1.2.1 (reference/numbers_reference.py, one_class) and between the binary and the multi-class
 * evaluation of the same data.
 */
class OneClassTest {
    private static final JsonNode REF = References.json("numbers_reference.json").get("one_class");

    @Test
    void averagePrecisionWithoutNegativesIsOneAsInScikitLearn() {
        JsonNode c = REF.get("average_precision_no_negatives");
        BinaryEvaluation ev = BinaryEvaluation.of(doubles(c.get("scores")), Fixtures.booleans(c.get("labels")));
        assertEquals(c.get("average_precision").asDouble(), ev.averagePrecision());
        assertEquals(1.0, ev.averagePrecision());
        assertTrue(c.get("warnings").isEmpty(), "scikit-learn does not warn here");
    }

    /**
     * scikit-learn returns -0.0 (with a warning) without positives; Discern says NaN: recall is 0/0
     * there, and -0.0 would read as the worst possible ranking.
     */
    @Test
    void averagePrecisionWithoutPositivesStaysUndefined() {
        JsonNode c = REF.get("average_precision_no_positives");
        BinaryEvaluation ev = BinaryEvaluation.of(doubles(c.get("scores")), Fixtures.booleans(c.get("labels")));
        assertEquals(-0.0, c.get("average_precision").asDouble());
        assertTrue(c.get("warnings").get(0).asText().startsWith("No positive class found"));
        assertTrue(Double.isNaN(ev.averagePrecision()));
        assertTrue(ev.warnings().get(0).startsWith("only negative samples"), ev.warnings().toString());
    }

    @Test
    void balancedAccuracyWithOneClassMatchesScikitLearnAndTheMulticlassEvaluation() {
        JsonNode c = REF.get("balanced_accuracy_one_class");
        double[] s = doubles(c.get("scores"));
        boolean[] y = Fixtures.booleans(c.get("labels"));
        double t = c.get("threshold").asDouble();
        BinaryEvaluation ev = BinaryEvaluation.of(s, y);
        ConfusionMatrix cm = ev.confusionAt(t);
        assertEquals(c.get("balanced_accuracy").asDouble(), cm.balancedAccuracy());
        // scikit-learn warns "y_pred contains classes not in y_true": so does Discern at that threshold
        assertEquals("y_pred contains classes not in y_true", c.get("warnings").get(0).asText());
        List<String> at = ev.warningsAt(t);
        assertTrue(at.get(at.size() - 1).contains("y_pred contains classes not in y_true"), at.toString());
        // all predicted positive: no warning there, balanced accuracy 1
        assertEquals(c.get("balanced_accuracy_all_predicted_positive").asDouble(), ev.confusionAt(0.1).balancedAccuracy());
        assertTrue(c.get("warnings_all_predicted_positive").isEmpty());
        assertEquals(ev.warnings(), ev.warningsAt(0.1));

        // the same data as two classes (scores 1 - s, s; argmax): the same value
        double[][] two = new double[s.length][];
        int[] labels = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            two[i] = new double[] {1 - s[i], s[i]};
            labels[i] = y[i] ? 1 : 0;
        }
        MulticlassEvaluation mc = MulticlassEvaluation.of(labels, two, List.of("negative", "positive"), null);
        assertEquals(c.get("balanced_accuracy_as_two_classes").asDouble(), mc.balancedAccuracy());
        assertEquals(mc.balancedAccuracy(), cm.balancedAccuracy());
        assertTrue(mc.warnings().stream().anyMatch(w -> w.contains("'negative' is absent")), mc.warnings().toString());
    }
}

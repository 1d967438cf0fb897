package org.discern.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.discern.io.SummaryJson;
import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.EvaluationSummary;
import org.discern.metrics.MulticlassEvaluation;
import org.discern.metrics.SameEvaluation;
import org.discern.metrics.SummaryOptions;
import org.junit.jupiter.api.Test;

/**
 * The Spark metric names map to the JSON keys of {@code discern evaluate} and to the values
 * written under them: each metric's value equals the number io's writer puts under its key.
 */
class MetricNamesTest {

    @Test
    void everyBinaryNameReadsTheValueOfItsJsonKey() {
        SparkData.Binary b = SparkData.Binary.fixture("binary_breast_cancer");
        BinaryEvaluation core = BinaryEvaluation.of(b.scores(), b.labels());
        JsonNode json = SummaryJson.of(EvaluationSummary.binary(core,
                SummaryOptions.defaults().withThreshold(0.3).withMaxFpr(0.2)));
        SparkBinaryEvaluation e = SparkBinaryEvaluation.onDriver(core,
                BinaryOptions.defaults().withThresholds(0.3).withMaxFpr(0.2));
        for (MetricNames.Binary m : MetricNames.Binary.values()) {
            JsonNode v = json.get(m.jsonKey());
            if (m == MetricNames.Binary.PARTIAL_AREA_UNDER_ROC) {
                v = v.get("standardized");
            }
            assertTrue(v != null && v.isNumber(), m.jsonKey());
            SameEvaluation.close(v.asDouble(), m.of(e, 0.3), 0, m.sparkName());
            assertEquals(m, MetricNames.Binary.of(m.sparkName()));
        }
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> MetricNames.Binary.of("auc"));
        assertTrue(x.getMessage().startsWith("unknown binary metric 'auc'; expected one of areaUnderROC, "));
    }

    @Test
    void everyMulticlassNameReadsTheValueOfItsJsonKey() {
        SparkData.Multiclass m = SparkData.Multiclass.fixture("multiclass_digits");
        MulticlassEvaluation core = MulticlassEvaluation.of(m.labels(), m.rowMajor(), m.classes(), null);
        JsonNode json = SummaryJson.of(EvaluationSummary.multiclass(core, SummaryOptions.defaults().withTopK(2)));
        for (MetricNames.Multiclass metric : MetricNames.Multiclass.values()) {
            String key = metric.jsonKey().replace("top_k", "top_2");
            JsonNode v = json.get(key);
            assertTrue(v != null && v.isNumber(), key);
            SameEvaluation.close(v.asDouble(), metric.of(core, 2), 0, metric.sparkName());
            assertEquals(metric, MetricNames.Multiclass.of(metric.sparkName()));
        }
    }
}

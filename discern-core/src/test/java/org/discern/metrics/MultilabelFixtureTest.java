package org.discern.metrics;

import static org.discern.metrics.Approx.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every multi-label golden fixture (scikit-learn 1.2.1) through the library, both input shapes. */
class MultilabelFixtureTest {

    static Stream<Arguments> cases() {
        return Fixtures.MULTILABEL.stream().flatMap(name -> Stream.of(Arguments.of(name, true), Arguments.of(name, false)));
    }

    static MultilabelEvaluation evaluate(JsonNode input, boolean rows) {
        List<String> names = Fixtures.strings(input.get("labels_names"));
        JsonNode y = input.get("labels");
        int n = y.size();
        int l = names.size();
        int[][] indicator = new int[n][];
        boolean[] flat = new boolean[n * l];
        for (int i = 0; i < n; i++) {
            indicator[i] = Fixtures.ints(y.get(i));
            for (int j = 0; j < l; j++) {
                flat[i * l + j] = indicator[i][j] == 1;
            }
        }
        double[][] scores = Fixtures.matrix(input.get("scores"));
        double[] flatScores = new double[n * l];
        for (int i = 0; i < n; i++) {
            System.arraycopy(scores[i], 0, flatScores, i * l, l);
        }
        return rows ? MultilabelEvaluation.of(indicator, scores, names, null)
                : MultilabelEvaluation.of(flat, flatScores, names, null);
    }

    @ParameterizedTest(name = "{0} rows={1}")
    @MethodSource("cases")
    void matchesScikitLearn(String name, boolean rows) {
        JsonNode fx = Fixtures.json(name);
        JsonNode ex = fx.get("expected");
        MultilabelEvaluation ev = evaluate(fx.get("input"), rows);

        assertClose(ex.get("roc_auc_macro").asDouble(), ev.rocAucMacro(), name + " auc macro");
        assertClose(ex.get("roc_auc_weighted").asDouble(), ev.rocAucWeighted(), name + " auc weighted");
        assertClose(ex.get("roc_auc_micro").asDouble(), ev.rocAucMicro(), name + " auc micro");
        assertClose(ex.get("roc_auc_samples").asDouble(), ev.rocAucSamples(), name + " auc samples");
        assertClose(ex.get("average_precision_macro").asDouble(), ev.averagePrecisionMacro(), name + " ap macro");
        assertClose(ex.get("average_precision_weighted").asDouble(), ev.averagePrecisionWeighted(), name + " ap weighted");
        assertClose(ex.get("average_precision_micro").asDouble(), ev.averagePrecisionMicro(), name + " ap micro");
        assertClose(ex.get("average_precision_samples").asDouble(), ev.averagePrecisionSamples(), name + " ap samples");
        assertClose(ex.get("label_ranking_average_precision").asDouble(), ev.labelRankingAveragePrecision(), name + " lrap");
        assertClose(ex.get("coverage_error").asDouble(), ev.coverageError(), name + " coverage");

        JsonNode per = ex.get("per_label");
        assertEquals(ev.labelCount(), per.size());
        for (int c = 0; c < per.size(); c++) {
            JsonNode pl = per.get(c);
            assertEquals(pl.get("label").asText(), ev.labels().get(c));
            assertClose(pl.get("roc_auc").asDouble(), ev.rocAuc(c), name + " label " + c + " auc");
            assertClose(pl.get("average_precision").asDouble(), ev.averagePrecision(c), name + " label " + c + " ap");
        }
        assertEquals(List.of(), ev.warnings());
    }
}

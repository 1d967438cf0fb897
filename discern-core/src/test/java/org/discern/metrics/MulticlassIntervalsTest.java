package org.discern.metrics;

import static org.discern.metrics.Approx.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Per-class DeLong intervals and the bootstrap of multi-class averages. */
class MulticlassIntervalsTest {
    private static final String NAME = "multiclass_small_ties";

    private static int[] labels() {
        return Fixtures.ints(Fixtures.json(NAME).get("input").get("labels"));
    }

    private static double[][] scores() {
        return Fixtures.matrix(Fixtures.json(NAME).get("input").get("scores"));
    }

    private static List<String> classes() {
        return Fixtures.strings(Fixtures.json(NAME).get("input").get("classes"));
    }

    @Test
    void deLongPerClassEqualsTheBinaryDeLongOfEachOneVsRestColumn() {
        int[] y = labels();
        double[][] s = scores();
        MulticlassEvaluation ev = MulticlassEvaluation.of(y, s, classes(), null);
        List<DeLongAuc> fromEvaluation = DeLong.oneVsRest(ev);
        List<DeLongAuc> fromMatrix = DeLong.oneVsRest(s, y, null);
        JsonNode per = Fixtures.json(NAME).get("expected").get("per_class");
        assertEquals(classes().size(), fromEvaluation.size());
        for (int c = 0; c < fromEvaluation.size(); c++) {
            double[] col = new double[y.length];
            boolean[] pos = new boolean[y.length];
            for (int i = 0; i < y.length; i++) {
                col[i] = s[i][c];
                pos[i] = y[i] == c;
            }
            DeLongAuc binary = DeLong.auc(col, pos, null);
            assertClose(binary.variance(), fromEvaluation.get(c).variance(), "variance " + c);
            assertClose(binary.auc(), fromEvaluation.get(c).auc(), "auc " + c);
            assertClose(binary.variance(), fromMatrix.get(c).variance(), "variance " + c);
            if (per.get(c).has("roc_auc")) {
                assertClose(per.get(c).get("roc_auc").asDouble(), fromEvaluation.get(c).auc(), "sklearn auc " + c);
            }
        }
    }

    @Test
    void bootstrapOfAveragesIsSeededStratifiedAndConsistent() {
        int[] y = labels();
        double[][] s = scores();
        List<String> classes = classes();
        int k = classes.size();
        BootstrapOptions o = BootstrapOptions.defaults().withReplicates(120).withSeed(9);
        BootstrapResult one = Bootstrap.multiclass(y, s, classes, null, o.withThreads(1));
        BootstrapResult two = Bootstrap.multiclass(y, s, classes, null, o.withThreads(2));
        assertEquals(8 + 2 * k, one.statistics());
        for (int j = 0; j < one.statistics(); j++) {
            assertArrayEquals(one.values(j), two.values(j), "statistic " + j);
        }
        MulticlassEvaluation ev = MulticlassEvaluation.of(y, s, classes, null);
        JsonNode ex = Fixtures.json(NAME).get("expected");
        assertClose(ex.get("roc_auc_ovr_macro").asDouble(), one.estimate(0), "ovr macro");
        assertClose(ex.get("roc_auc_ovr_weighted").asDouble(), one.estimate(1), "ovr weighted");
        assertClose(ex.get("roc_auc_ovr_micro").asDouble(), one.estimate(2), "ovr micro");
        assertClose(ex.get("roc_auc_ovo_macro").asDouble(), one.estimate(3), "ovo macro");
        assertClose(ex.get("average_precision_micro").asDouble(), one.estimate(7), "ap micro");
        assertEquals(ev.rocAuc(1), one.estimate(8 + 1));
        assertEquals(ev.averagePrecision(2), one.estimate(8 + k + 2));
        assertEquals("roc_auc_ovr_macro", Bootstrap.MULTICLASS_AVERAGES.get(0));

        // replay replicate 3: per-class AUCs are the binary AUCs with multiplicity weights
        int[] counts = new int[y.length];
        Bootstrap.Strata.of(y).draw(Bootstrap.rng(9, 3), counts);
        int[] perClass = new int[k];
        double[] w = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            w[i] = counts[i];
            perClass[y[i]] += counts[i];
        }
        for (int c = 0; c < k; c++) {
            double[] col = new double[y.length];
            boolean[] pos = new boolean[y.length];
            int rows = 0;
            for (int i = 0; i < y.length; i++) {
                col[i] = s[i][c];
                pos[i] = y[i] == c;
                rows += pos[i] ? 1 : 0;
            }
            assertEquals(rows, perClass[c], "class " + c + " keeps its size");
            assertClose(BinaryEvaluation.of(col, pos, w).rocAuc(), one.value(3, 8 + c), 1e-12, "class " + c);
        }
        for (int j = 0; j < 8; j++) {
            assertTrue(one.lower(j) <= one.upper(j), "interval " + j);
        }
    }
}

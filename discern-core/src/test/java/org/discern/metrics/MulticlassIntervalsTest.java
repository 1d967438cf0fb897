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

    /** Model b: the fixture's scores with a column-dependent distortion, so the AUCs differ. */
    private static double[][] otherModel(double[][] s) {
        double[][] b = new double[s.length][];
        for (int i = 0; i < s.length; i++) {
            b[i] = new double[s[i].length];
            for (int c = 0; c < s[i].length; c++) {
                b[i][c] = s[i][c] * s[i][c] + 0.05 * ((i * 7 + c) % 5);
            }
        }
        return b;
    }

    @Test
    void perClassPairedDeLongIsTheBinaryTestOfEachClass() {
        int[] y = labels();
        double[][] a = scores();
        double[][] b = otherModel(a);
        List<String> classes = classes();
        List<AucComparison> per = DeLong.compareOneVsRest("a", a, "b", b, y, classes, null, 0.95);
        assertEquals(classes.size(), per.size());
        double[] p = new double[per.size()];
        for (int c = 0; c < classes.size(); c++) {
            double[] ca = new double[y.length];
            double[] cb = new double[y.length];
            boolean[] pos = new boolean[y.length];
            for (int i = 0; i < y.length; i++) {
                ca[i] = a[i][c];
                cb[i] = b[i][c];
                pos[i] = y[i] == c;
            }
            AucComparison binary = DeLong.paired(ca, cb, pos, null, 0.95);
            assertClose(binary.z(), per.get(c).z(), "z " + c);
            assertClose(binary.covariance(), per.get(c).covariance(), "cov " + c);
            assertEquals("a[" + classes.get(c) + "]", per.get(c).a());
            p[c] = binary.pValue();
        }
        double[] holm = PValues.holm(p);
        for (int c = 0; c < classes.size(); c++) {
            assertClose(holm[c], per.get(c).pValueHolm(), "holm " + c);
        }
    }

    @Test
    void macroAucBootstrapComparison() {
        int[] y = labels();
        double[][] a = scores();
        List<String> classes = classes();
        BootstrapOptions o = BootstrapOptions.defaults().withReplicates(100).withSeed(4);
        AucComparison same = Bootstrap.compareMulticlassMacro("a", a, "a2", a, y, classes, null, o);
        assertEquals(0.0, same.difference());
        assertEquals(1.0, same.pValue());
        double[][] b = otherModel(a);
        AucComparison c = Bootstrap.compareMulticlassMacro("a", a, "b", b, y, classes, null, o);
        assertEquals(MulticlassEvaluation.of(y, a, classes, null).rocAucOvrMacro(), c.aucA());
        assertEquals(MulticlassEvaluation.of(y, b, classes, null).rocAucOvrMacro(), c.aucB());
        assertEquals(c, Bootstrap.compareMulticlassMacro("a", a, "b", b, y, classes, null, o.withThreads(1)));
        assertTrue(c.differenceLower() <= c.differenceUpper());
        assertEquals("bootstrap", c.method());
    }

    /** The sort-once path replays the generic path's draws: same values, to rounding. */
    @Test
    void oneVsRestFastPathEqualsTheGenericReEvaluation() {
        int[] y = labels();
        double[][] s = scores();
        List<String> classes = classes();
        int k = classes.size();
        double[] w = new double[y.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = 0.5 + (i % 4);
        }
        for (double[] weights : new double[][] {null, w}) {
            BootstrapOptions o = BootstrapOptions.defaults().withReplicates(60).withSeed(21);
            BootstrapResult fast = Bootstrap.multiclassOneVsRest(y, s, classes, weights, o);
            BootstrapResult slow = Bootstrap.multiclass(y, s, classes, weights, o.withThreads(1));
            int[] map = {0, 1, 2, 5, 6, 7};
            assertEquals(8 + 2 * k, fast.statistics());
            for (int b = 0; b < o.replicates(); b++) {
                for (int j = 0; j < 6; j++) {
                    assertClose(slow.value(b, map[j]), fast.value(b, j), 1e-12, "average " + j + " replicate " + b);
                }
                for (int c = 0; c < 2 * k; c++) {
                    assertClose(slow.value(b, 8 + c), fast.value(b, 6 + c), 1e-12, "class stat " + c + " replicate " + b);
                }
                assertClose(slow.value(b, 3), fast.value(b, 6 + 2 * k), 1e-12, "ovo macro replicate " + b);
                assertClose(slow.value(b, 4), fast.value(b, 7 + 2 * k), 1e-12, "ovo weighted replicate " + b);
            }
            for (int j = 0; j < 6; j++) {
                assertEquals(slow.estimate(map[j]), fast.estimate(j));
            }
            assertEquals(slow.estimate(3), fast.estimate(6 + 2 * k));
            assertEquals(slow.estimate(4), fast.estimate(7 + 2 * k));
            assertEquals(fast, Bootstrap.multiclassOneVsRest(y, s, classes, weights, o.withThreads(1)));
        }
        assertEquals("average_precision_micro", Bootstrap.ONE_VS_REST_AVERAGES.get(5));
    }
}

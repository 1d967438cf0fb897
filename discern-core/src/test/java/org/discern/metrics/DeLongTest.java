package org.discern.metrics;

import static org.discern.metrics.Approx.assertClose;
import static org.discern.metrics.Fixtures.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** DeLong variance, intervals and tests against pROC 1.18.0 (fixtures' {@code expected.proc}) and hand-derived cases. */
class DeLongTest {

    static Stream<String> withProc() {
        return Fixtures.BINARY.stream().filter(n -> Fixtures.json(n).get("expected").has("proc"));
    }

    static Stream<String> withPairedProc() {
        return withProc().filter(n -> Fixtures.json(n).get("expected").get("proc").has("paired_test_delong"));
    }

    @ParameterizedTest
    @MethodSource("withProc")
    void varianceAndIntervalMatchPRoc(String name) {
        JsonNode fx = Fixtures.json(name);
        JsonNode proc = fx.get("expected").get("proc");
        double[] scores = doubles(fx.get("input").get("scores"));
        boolean[] labels = Fixtures.booleans(fx.get("input").get("labels"));

        DeLongAuc d = DeLong.auc(scores, labels, null);
        assertClose(proc.get("roc_auc").asDouble(), d.auc(), name + " auc");
        assertClose(proc.get("roc_auc_variance_delong").asDouble(), d.variance(), name + " variance");
        ConfidenceInterval ci = d.interval(0.95);
        assertClose(proc.get("roc_auc_ci_delong_95").get(0).asDouble(), ci.lower(), name + " lower");
        assertClose(proc.get("roc_auc_ci_delong_95").get(1).asDouble(), ci.upper(), name + " upper");
        assertEquals("delong", ci.method());
        assertTrue(d.warnings().isEmpty());

        // the per-sample placement path (used by the paired test) gives the same variance
        DeLong.Placements p = DeLong.Placements.of(scores, labels, null);
        assertClose(proc.get("roc_auc_variance_delong").asDouble(), p.variance, name + " placements variance");
        assertClose(proc.get("roc_auc").asDouble(), p.auc, name + " placements auc");
    }

    @ParameterizedTest
    @MethodSource("withPairedProc")
    void pairedTestMatchesPRoc(String name) {
        JsonNode fx = Fixtures.json(name);
        JsonNode t = fx.get("expected").get("proc").get("paired_test_delong");
        double[] a = doubles(fx.get("input").get("scores"));
        double[] b = doubles(fx.get("input").get("scores_b"));
        boolean[] labels = Fixtures.booleans(fx.get("input").get("labels"));

        AucComparison c = DeLong.paired(a, b, labels, null, 0.95);
        assertClose(t.get("roc_auc_b").asDouble(), c.aucB(), name + " auc b");
        assertClose(t.get("z").asDouble(), c.z(), name + " z");
        assertClose(t.get("p_value").asDouble(), c.pValue(), name + " p");
        assertClose(t.get("covariance").asDouble(), c.covariance(), name + " covariance");
        assertClose(c.pValue(), c.pValueHolm(), name + " holm of one");
        assertTrue(c.paired());

        DeLongAuc db = DeLong.auc(b, labels, null);
        assertClose(t.get("roc_auc_b_ci_delong_95").get(0).asDouble(), db.interval(0.95).lower(), name + " b lower");
        assertClose(t.get("roc_auc_b_ci_delong_95").get(1).asDouble(), db.interval(0.95).upper(), name + " b upper");
        // the difference interval is the Wald interval of the same standard error
        double se = c.difference() / c.z();
        assertClose(c.difference() - 1.959963984540054 * se, c.differenceLower(), 1e-12, name + " diff lower");
        assertClose(c.difference() + 1.959963984540054 * se, c.differenceUpper(), 1e-12, name + " diff upper");
    }

    /**
     * Hand-derived: positives {3, 2}, negatives {2, 1, 0}. Placements of the positives: 3 beats
     * all 3 negatives (1), 2 beats 2 and ties 1 (2.5/3); AUC = (1 + 5/6) / 2 = 11/12. Placements
     * of the negatives: 2 is tied with one positive and below one (1.5/2 = 3/4), 1 and 0 are below
     * both (1). S10 = ((1/12)^2 * 2) / 1 = 1/72; S01 = ((3/4 - 11/12)^2 + 2 (1/12)^2) / 2 =
     * (1/36 + 2/144) / 2 = 1/48; var = S10/2 + S01/3 = 1/144 + 1/144 = 1/72.
     */
    @Test
    void smallCaseDerivedByHand() {
        double[] s = {3, 2, 2, 1, 0};
        boolean[] y = {true, true, false, false, false};
        DeLongAuc d = DeLong.auc(s, y, null);
        assertClose(11.0 / 12, d.auc(), "auc");
        assertClose(1.0 / 72, d.variance(), "variance");
        assertClose(1.0 / 72, DeLong.Placements.of(s, y, null).variance, "placements variance");
    }

    @Test
    void integerWeightsEqualRepeatedRows() {
        double[] s = {0.9, 0.8, 0.8, 0.7, 0.4, 0.3, 0.3, 0.1};
        boolean[] y = {true, false, true, true, false, true, false, false};
        double[] w = {2, 1, 3, 1, 2, 1, 1, 3};
        int total = 14;
        double[] rs = new double[total];
        boolean[] ry = new boolean[total];
        int k = 0;
        for (int i = 0; i < s.length; i++) {
            for (int r = 0; r < w[i]; r++) {
                rs[k] = s[i];
                ry[k++] = y[i];
            }
        }
        DeLongAuc weighted = DeLong.auc(s, y, w);
        DeLongAuc repeated = DeLong.auc(rs, ry, null);
        assertClose(repeated.auc(), weighted.auc(), "auc");
        assertClose(repeated.variance(), weighted.variance(), "variance");
        assertClose(repeated.variance(), DeLong.Placements.of(s, y, w).variance, "placements variance");

        double[] b = {0.2, 0.8, 0.5, 0.9, 0.1, 0.6, 0.3, 0.2};
        double[] rb = new double[total];
        k = 0;
        for (int i = 0; i < s.length; i++) {
            for (int r = 0; r < w[i]; r++) {
                rb[k++] = b[i];
            }
        }
        AucComparison cw = DeLong.paired(s, b, y, w, 0.95);
        AucComparison cr = DeLong.paired(rs, rb, ry, null, 0.95);
        assertClose(cr.covariance(), cw.covariance(), "covariance");
        assertClose(cr.z(), cw.z(), "z");
        assertClose(cr.pValue(), cw.pValue(), "p");
    }

    @Test
    void onePositiveGivesNaNVarianceWithWarning() {
        double[] s = {0.9, 0.5, 0.4, 0.1};
        boolean[] y = {true, false, false, false};
        DeLongAuc d = DeLong.auc(s, y, null);
        assertEquals(1.0, d.auc());
        assertTrue(Double.isNaN(d.variance()));
        assertEquals(1, d.warnings().size());
        assertTrue(d.warnings().get(0).contains("needs positives of total weight > 1 (at least 2 without weights)"),
                d.warnings().get(0));
        // frequency weights: one positive of weight 3 is three positives, so the variance is defined
        assertFalse(Double.isNaN(DeLong.auc(s, y, new double[] {3, 1, 1, 1}).variance()));
        ConfidenceInterval ci = d.interval(0.95);
        assertFalse(ci.defined());
        assertFalse(d.logitInterval(0.95).defined());

        AucComparison c = DeLong.paired(s, new double[] {0.1, 0.2, 0.3, 0.4}, y, null, 0.95);
        assertTrue(Double.isNaN(c.z()));
        assertTrue(Double.isNaN(c.pValue()));
        assertTrue(Double.isNaN(c.pValueHolm()));
        assertEquals(2, c.warnings().size());
    }

    @Test
    void noNegativesGivesNaNEverything() {
        DeLongAuc d = DeLong.auc(new double[] {0.1, 0.2}, new boolean[] {true, true}, null);
        assertTrue(Double.isNaN(d.auc()));
        assertTrue(Double.isNaN(d.variance()));
        assertTrue(d.warnings().get(0).contains("negatives"), d.warnings().get(0));
    }

    /** All scores tied: every placement is 1/2, AUC 1/2, variance 0. */
    @Test
    void allTiedScores() {
        double[] s = {0.5, 0.5, 0.5, 0.5, 0.5};
        boolean[] y = {true, false, true, false, false};
        DeLongAuc d = DeLong.auc(s, y, null);
        assertEquals(0.5, d.auc());
        assertEquals(0.0, d.variance());
        assertEquals(new ConfidenceInterval(0.5, 0.5, 0.5, 0.95, "delong"), d.interval(0.95));
    }

    @Test
    void perfectSeparationHasVarianceZero() {
        double[] s = {0.9, 0.8, 0.7, 0.3, 0.2, 0.1};
        boolean[] y = {true, true, true, false, false, false};
        DeLongAuc d = DeLong.auc(s, y, null);
        assertEquals(1.0, d.auc());
        assertEquals(0.0, d.variance());
        assertEquals(1.0, d.interval(0.95).lower());
        assertEquals(1.0, d.logitInterval(0.95).lower());
        assertEquals(1.0, d.logitInterval(0.95).upper());
    }

    @Test
    void identicalModelsHaveDifferenceZeroAndPOne() {
        JsonNode in = Fixtures.json("binary_breast_cancer").get("input");
        double[] a = doubles(in.get("scores"));
        boolean[] y = Fixtures.booleans(in.get("labels"));
        AucComparison c = DeLong.paired(a, a.clone(), y, null, 0.95);
        assertEquals(0.0, c.difference());
        assertEquals(0.0, c.z());
        assertEquals(1.0, c.pValue());
        assertEquals(1.0, c.pValueHolm());
        // pROC's answer, with Discern's warning that the columns are the same
        assertEquals(List.of("a and b hold identical scores: the difference is 0, so z = 0 and p = 1"), c.warnings());
        assertClose(c.varianceA(), c.covariance(), 1e-12, "covariance of a column with itself");
    }

    @Test
    void logitIntervalIsInsideUnitAndAroundTheAuc() {
        JsonNode in = Fixtures.json("binary_breast_cancer").get("input");
        DeLongAuc d = DeLong.auc(doubles(in.get("scores")), Fixtures.booleans(in.get("labels")), null);
        ConfidenceInterval l = d.logitInterval(0.95);
        double logit = Math.log(d.auc() / (1 - d.auc()));
        double half = 1.959963984540054 * d.standardError() / (d.auc() * (1 - d.auc()));
        assertClose(1 / (1 + Math.exp(-(logit - half))), l.lower(), 1e-12, "lower");
        assertClose(1 / (1 + Math.exp(-(logit + half))), l.upper(), 1e-12, "upper");
        assertTrue(l.lower() < d.auc() && d.auc() < l.upper() && l.upper() < 1);
        assertEquals("delong_logit", l.method());
    }

    /**
     * Unpaired: z = (a - b) / sqrt(va + vb), the covariance term dropped, referred to Student's t
     * with Welch-Satterthwaite df (pROC's values: DeLongUnpairedTest).
     */
    @Test
    void unpairedTestDropsTheCovariance() {
        JsonNode fx = Fixtures.json("binary_asah_s100b_vs_wfns");
        boolean[] y = Fixtures.booleans(fx.get("input").get("labels"));
        DeLongAuc a = DeLong.auc(doubles(fx.get("input").get("scores")), y, null);
        DeLongAuc b = DeLong.auc(doubles(fx.get("input").get("scores_b")), y, null);
        AucComparison c = DeLong.unpaired("s100b", a, "wfns", b, 0.95);
        double z = (a.auc() - b.auc()) / Math.sqrt(a.variance() + b.variance());
        assertClose(z, c.z(), "z");
        double df = Math.pow(a.variance() + b.variance(), 2)
                / (a.variance() * a.variance() / 112 + b.variance() * b.variance() / 112);
        assertClose(df, c.degreesOfFreedom(), "df");
        assertClose(2 * StudentT.cdf(-Math.abs(z), df), c.pValue(), "p");
        assertEquals(0.0, c.covariance());
        assertFalse(c.paired());
        assertEquals("s100b", c.a());
    }

    @Test
    void threeModelsGiveThreePairsWithHolm() {
        JsonNode in = Fixtures.json("binary_asah_s100b_vs_wfns").get("input");
        double[] a = doubles(in.get("scores"));
        double[] b = doubles(in.get("scores_b"));
        double[] c = new double[a.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = a[i] + b[i] / 10;
        }
        boolean[] y = Fixtures.booleans(in.get("labels"));
        List<AucComparison> all = DeLong.compare(List.of("a", "b", "c"), List.of(a, b, c), y, null, 0.95);
        assertEquals(3, all.size());
        assertEquals("a", all.get(0).a());
        assertEquals("b", all.get(0).b());
        assertEquals("c", all.get(1).b());
        assertEquals("b", all.get(2).a());
        double[] p = {all.get(0).pValue(), all.get(1).pValue(), all.get(2).pValue()};
        double[] holm = PValues.holm(p);
        for (int i = 0; i < 3; i++) {
            assertEquals(holm[i], all.get(i).pValueHolm());
            assertTrue(all.get(i).pValueHolm() >= all.get(i).pValue());
        }
        // pair (a, b) alone is the fixture's pROC test
        assertClose(DeLong.paired(a, b, y, null, 0.95).z(), all.get(0).z(), "z of (a, b)");
    }

    @Test
    void oneVsRestIsTheBinaryDeLongOfEachClass() {
        double[][] p = {{0.7, 0.2, 0.1}, {0.3, 0.4, 0.3}, {0.2, 0.2, 0.6}, {0.5, 0.3, 0.2},
            {0.1, 0.8, 0.1}, {0.3, 0.3, 0.4}, {0.6, 0.1, 0.3}, {0.2, 0.5, 0.3}};
        int[] y = {0, 1, 2, 0, 1, 2, 1, 1};
        List<DeLongAuc> per = DeLong.oneVsRest(p, y, null);
        assertEquals(3, per.size());
        for (int c = 0; c < 3; c++) {
            double[] col = new double[y.length];
            boolean[] pos = new boolean[y.length];
            for (int i = 0; i < y.length; i++) {
                col[i] = p[i][c];
                pos[i] = y[i] == c;
            }
            assertEquals(DeLong.auc(col, pos, null), per.get(c));
        }
    }
}

package org.discern.metrics;

import static org.discern.metrics.Fixtures.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Sums over runs of the table equal the single-table evaluation: fixtures, pROC, hand cases. */
class SweepSumsTest {
    static final double[] THRESHOLDS = {0.5, 0.1, 0.9, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};

    /** Splits a summary into runs of at most {@code size} distinct scores and sums them in order. */
    static SweepSums inRuns(ScoreCounts all, int size, double maxFpr) {
        SweepSums.Totals totals = new SweepSums.Totals(all.positives(), all.negatives(), all.positiveRows(),
                all.rows() - all.positiveRows());
        int runs = (all.size() + size - 1) / size;
        double[] boundaries = new double[runs - 1];
        for (int r = 1; r < runs; r++) {
            boundaries[r - 1] = all.score(r * size - 1);
        }
        ScoreCounts[] parts = all.split(boundaries);
        SweepSums.Start start = SweepSums.Start.FIRST;
        SweepSums sums = null;
        for (ScoreCounts part : parts) {
            SweepSums s = SweepSums.of(part, start, totals, maxFpr, THRESHOLDS);
            sums = sums == null ? s : sums.combine(s);
            start = start.after(part);
        }
        return sums;
    }

    static void assertSame(BinaryEvaluation ev, SweepSums s, long zeroWeightRows, double maxFpr, double rel,
            String what) {
        SameEvaluation.close(ev.rocAuc(), s.rocAuc(), rel, what + " rocAuc");
        SameEvaluation.close(ev.averagePrecision(), s.averagePrecision(), Math.max(rel, 1e-14), what + " ap");
        SameEvaluation.close(ev.prAucInterpolated(), s.prAucInterpolated(), Math.max(rel, 1e-14), what + " interp");
        SameEvaluation.close(ev.prAucTrapezoid(), s.prAucTrapezoid(), Math.max(rel, 1e-14), what + " trapezoid");
        SameEvaluation.close(ev.ks(), s.ks(), rel, what + " ks");
        SameEvaluation.close(ev.ksThreshold(), s.ksThreshold(), 0, what + " ks threshold");
        SameEvaluation.close(ev.partialRocAuc(maxFpr), s.partialRocAuc(), Math.max(rel, 1e-12), what + " partial");
        for (int j = 0; j < THRESHOLDS.length; j++) {
            SameEvaluation.confusion(ev.confusionAt(THRESHOLDS[j]), s.confusionAt(j), rel, what + " cm " + j);
        }
        SameEvaluation.close(ev.logLoss(), s.logLoss(), Math.max(rel, 1e-13), what + " log loss");
        SameEvaluation.close(ev.brierScore(), s.brierScore(), Math.max(rel, 1e-13), what + " brier");
        assertEquals(ev.warnings(), s.warnings(zeroWeightRows), what + " warnings");
        assertEquals(ev.scoresAreProbabilities(), s.scoresAreProbabilities(), what + " probabilities");
        DeLongAuc a = DeLong.auc(ev.operatingPoints());
        DeLongAuc b = s.deLong();
        SameEvaluation.close(a.variance(), b.variance(), 1e-12, what + " DeLong variance");
        assertEquals(a.warnings(), b.warnings(), what + " DeLong warnings");
    }

    @ParameterizedTest
    @MethodSource("org.discern.metrics.Fixtures#binaryNames")
    void runsOfEverySizeGiveTheFixtureEvaluation(String name) {
        JsonNode in = Fixtures.json(name).get("input");
        double[] s = doubles(in.get("scores"));
        boolean[] y = Fixtures.booleans(in.get("labels"));
        double[] w = in.get("weights").isNull() ? null : doubles(in.get("weights"));
        BinaryEvaluation ev = BinaryEvaluation.of(s, y, w);
        ScoreCounts all = ScoreCounts.of(s, y, w);
        for (int size : new int[] {1, 2, 7, all.size()}) {
            for (double maxFpr : new double[] {0.1, 0.5, 1}) {
                assertSame(ev, inRuns(all, size, maxFpr), all.zeroWeightRows(), maxFpr, w == null ? 0 : 1e-12, name + " runs of " + size);
            }
        }
    }

    @Test
    void deLongFromRunsMatchesPRoc() {
        JsonNode fx = Fixtures.json("binary_asah_s100b_vs_wfns");
        JsonNode proc = fx.get("expected").get("proc");
        double[] s = doubles(fx.get("input").get("scores"));
        boolean[] y = Fixtures.booleans(fx.get("input").get("labels"));
        DeLongAuc d = inRuns(ScoreCounts.of(s, y), 3, 1).deLong();
        Approx.assertClose(proc.get("roc_auc").asDouble(), d.auc(), "auc");
        Approx.assertClose(proc.get("roc_auc_variance_delong").asDouble(), d.variance(), "variance");
        Approx.assertClose(proc.get("roc_auc_ci_delong_95").get(0).asDouble(), d.interval(0.95).lower(), "lower");
    }

    /** The paired test from placements per distinct score, joined back to the rows by score. */
    @Test
    void pairedTestFromPlacementSumsMatchesPRoc() {
        JsonNode fx = Fixtures.json("binary_asah_s100b_vs_wfns");
        JsonNode t = fx.get("expected").get("proc").get("paired_test_delong");
        double[] a = doubles(fx.get("input").get("scores"));
        double[] b = doubles(fx.get("input").get("scores_b"));
        boolean[] y = Fixtures.booleans(fx.get("input").get("labels"));
        AucComparison c = pairedFromSums(a, b, y, null);
        Approx.assertClose(t.get("z").asDouble(), c.z(), "z");
        Approx.assertClose(t.get("p_value").asDouble(), c.pValue(), "p");
        Approx.assertClose(t.get("covariance").asDouble(), c.covariance(), "covariance");
        AucComparison direct = DeLong.paired(a, b, y, null, 0.95);
        Approx.assertClose(direct.differenceLower(), c.differenceLower(), 1e-12, "difference lower");
        assertEquals(direct.warnings(), c.warnings());
    }

    @Test
    void weightedPairedTestFromSumsEqualsTheDirectOne() {
        JsonNode in = Fixtures.json("binary_breast_cancer").get("input");
        double[] a = doubles(in.get("scores"));
        double[] b = doubles(in.get("scores_b"));
        boolean[] y = Fixtures.booleans(in.get("labels"));
        double[] w = new double[y.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = 1 + (i % 3) * 0.75;
        }
        AucComparison direct = DeLong.paired(a, b, y, w, 0.95);
        AucComparison c = pairedFromSums(a, b, y, w);
        Approx.assertClose(direct.covariance(), c.covariance(), 1e-12, "covariance");
        Approx.assertClose(direct.z(), c.z(), 1e-12, "z");
        Approx.assertClose(direct.pValue(), c.pValue(), 1e-12, "p");
    }

    static AucComparison pairedFromSums(double[] a, double[] b, boolean[] y, double[] w) {
        ScoreCounts ca = ScoreCounts.of(a, y, w);
        ScoreCounts cb = ScoreCounts.of(b, y, w);
        SweepSums.Totals totals = new SweepSums.Totals(ca.positives(), ca.negatives(), ca.positiveRows(),
                ca.rows() - ca.positiveRows());
        DeLongAuc da = SweepSums.of(ca, SweepSums.Start.FIRST, totals, Double.NaN, new double[0]).deLong();
        DeLongAuc db = SweepSums.of(cb, SweepSums.Start.FIRST, totals, Double.NaN, new double[0]).deLong();
        double[][] pa = SweepSums.placements(ca, SweepSums.Start.FIRST, totals);
        double[][] pb = SweepSums.placements(cb, SweepSums.Start.FIRST, totals);
        double s10 = 0;
        double s01 = 0;
        for (int i = 0; i < y.length; i++) {
            int ia = index(ca, a[i]);
            int ib = index(cb, b[i]);
            double wi = w == null ? 1 : w[i];
            if (y[i]) {
                s10 += wi * (pa[0][ia] - da.auc()) * (pb[0][ib] - db.auc());
            } else {
                s01 += wi * (pa[1][ia] - da.auc()) * (pb[1][ib] - db.auc());
            }
        }
        return DeLong.pairedFromSums("a", da, "b", db, s10, s01, 0.95);
    }

    private static int index(ScoreCounts c, double score) {
        double[] s = c.scores();
        for (int i = 0; i < s.length; i++) {
            if (s[i] == score) {
                return i;
            }
        }
        throw new AssertionError("no score " + score);
    }

    @Test
    void runsOfOtherOptionsDoNotCombine() {
        ScoreCounts c = ScoreCounts.of(new double[] {0.1, 0.2}, new boolean[] {true, false});
        SweepSums.Totals t = new SweepSums.Totals(1, 1, 1, 1);
        SweepSums a = SweepSums.of(c, SweepSums.Start.FIRST, t, 0.1, new double[] {0.5});
        SweepSums b = SweepSums.of(c, SweepSums.Start.FIRST, t, 0.2, new double[] {0.5});
        assertThrows(IllegalArgumentException.class, () -> a.combine(b));
        assertThrows(IllegalStateException.class,
                () -> SweepSums.of(c, SweepSums.Start.FIRST, t, Double.NaN, new double[0]).partialRocAuc());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepSums.of(c, SweepSums.Start.FIRST, t, 1.5, new double[0]));
        assertEquals("maxFpr must be in (0, 1] or NaN, got 1.5", e.getMessage());
    }

    /** Hand-derived start of a later run: rows above hold tp = 2, fp = 1. */
    @Test
    void startAfterARunAddsItsCounts() {
        ScoreCounts run = ScoreCounts.of(new double[] {0.9, 0.8, 0.8}, new boolean[] {true, true, false});
        SweepSums.Start s = SweepSums.Start.FIRST.after(run);
        assertEquals(new SweepSums.Start(2, 2, 1), s);
        assertEquals(2, Arrays.stream(run.scores()).count());
    }
}

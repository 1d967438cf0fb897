package org.discern.metrics;

import static org.discern.metrics.Approx.assertClose;
import static org.discern.metrics.Fixtures.doubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import org.discern.metrics.internal.Sorting;
import org.junit.jupiter.api.Test;

class BootstrapTest {
    private static final BootstrapOptions SMALL = BootstrapOptions.defaults().withReplicates(200).withSeed(7);

    private static JsonNode input(String name) {
        return Fixtures.json(name).get("input");
    }

    @Test
    void sameSeedGivesIdenticalReplicatesOnOneAndTwoThreads() {
        JsonNode in = input("binary_breast_cancer");
        double[] s = doubles(in.get("scores"));
        boolean[] y = Fixtures.booleans(in.get("labels"));
        BootstrapOptions o = BootstrapOptions.defaults().withReplicates(300).withSeed(123);
        BinaryStatistic[] stats = {BinaryStatistic.rocAuc(), BinaryStatistic.averagePrecision(),
            BinaryStatistic.partialRocAuc(0.1), BinaryStatistic.sensitivityAtSpecificity(0.9),
            BinaryStatistic.atThreshold(0.5, ConfusionMatrix::f1)};
        BootstrapResult one = Bootstrap.binary(s, y, null, o.withThreads(1), stats);
        BootstrapResult two = Bootstrap.binary(s, y, null, o.withThreads(2), stats);
        BootstrapResult again = Bootstrap.binary(s, y, null, o.withThreads(2), stats);
        for (int j = 0; j < stats.length; j++) {
            assertArrayEquals(one.values(j), two.values(j), "statistic " + j);
            assertArrayEquals(one.values(j), again.values(j), "statistic " + j);
            assertEquals(one.interval(j), two.interval(j));
        }
        assertEquals(one, two);
        assertEquals(one.hashCode(), two.hashCode());
        assertEquals(123, one.seed());
        assertEquals(300, one.replicates());
        BootstrapResult other = Bootstrap.binary(s, y, null, o.withSeed(124).withThreads(1), stats);
        assertNotEquals(one.value(0, 0), other.value(0, 0));
    }

    /**
     * Replays the draws of a replicate (same generator, same strata in the same row order) and
     * evaluates the resampled sample the slow way: full operating points with multiplicity x
     * weight as sample weights. The replicate tables built without sorting must agree.
     */
    @Test
    void replicateTablesEqualAFullEvaluationOfTheResample() {
        JsonNode in = input("binary_small_ties");
        double[] s = doubles(in.get("scores"));
        boolean[] y = Fixtures.booleans(in.get("labels"));
        double[] b = new double[s.length];
        double[] w = new double[s.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = 1 + (i % 3) * 0.5;
            b[i] = Math.round(s[i] * 3) / 3.0 + (i % 2) * 0.1; // a second column with other ties
        }
        BootstrapOptions o = SMALL.withReplicates(20);
        BootstrapResult r = Bootstrap.paired(List.of(s, b), y, w, o, BinaryStatistic.averagePrecision());
        BootstrapResult auc = Bootstrap.binary(s, y, w, o, BinaryStatistic.rocAuc(),
                BinaryStatistic.sensitivityAtSpecificity(0.8), BinaryStatistic.specificityAtSensitivity(0.7));
        int n = s.length;
        int[] asc = Sorting.argsort(s);
        int[] strata = new int[n];
        for (int k = 0; k < n; k++) {
            strata[k] = y[asc[n - 1 - k]] ? 1 : 0;
        }
        Bootstrap.Strata st = Bootstrap.Strata.of(strata);
        int[] counts = new int[n];
        for (int rep = 0; rep < o.replicates(); rep++) {
            st.draw(Bootstrap.rng(o.seed(), rep), counts);
            double[] rw = new double[n];
            for (int k = 0; k < n; k++) {
                int row = asc[n - 1 - k];
                rw[row] = w[row] * counts[k];
            }
            BinaryEvaluation ea = BinaryEvaluation.of(s, y, rw);
            BinaryEvaluation eb = BinaryEvaluation.of(b, y, rw);
            assertClose(ea.averagePrecision(), r.value(rep, 0), 1e-12, "ap a " + rep);
            assertClose(eb.averagePrecision(), r.value(rep, 1), 1e-12, "ap b " + rep);
            assertClose(ea.rocAuc(), auc.value(rep, 0), 1e-12, "auc " + rep);
            OperatingPoints op = OperatingPoints.of(s, y, rw);
            assertClose(RocInterpolation.tprAtFpr(op, 1 - 0.8), auc.value(rep, 1), 1e-12, "se@sp " + rep);
            assertClose(1 - RocInterpolation.fprAtTpr(op, 0.7), auc.value(rep, 2), 1e-12, "sp@se " + rep);
        }
        assertClose(BinaryEvaluation.of(s, y, w).rocAuc(), auc.estimate(0), "estimate");
    }

    @Test
    void strataKeepTheirSizeAndWeightsAreKept() {
        int[] strata = {0, 1, 1, 2, 2, 2, 0, 1};
        double[] w = {1, 2, 3, 4, 5, 6, 7, 8};
        BootstrapResult r = Bootstrap.stratified(strata, w, SMALL, rw -> {
            double[] rows = new double[3];
            for (int i = 0; i < rw.length; i++) {
                // the multiplicity is rw / w: count rows drawn per stratum
                rows[strata[i]] += rw[i] / w[i];
            }
            return rows;
        });
        for (int b = 0; b < r.replicates(); b++) {
            assertEquals(2.0, r.value(b, 0));
            assertEquals(3.0, r.value(b, 1));
            assertEquals(3.0, r.value(b, 2));
        }
        assertEquals(2.0, r.estimate(0));
        BootstrapResult twoThreads = Bootstrap.stratified(strata, w, SMALL.withThreads(2), rw -> rw.clone());
        BootstrapResult oneThread = Bootstrap.stratified(strata, w, SMALL.withThreads(1), rw -> rw.clone());
        for (int j = 0; j < strata.length; j++) {
            assertArrayEquals(oneThread.values(j), twoThreads.values(j));
        }
    }

    @Test
    void agreesWithDeLongOnALargeSample() {
        Random rnd = new Random(2024);
        int n = 100_000;
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextDouble() < 0.3;
            s[i] = rnd.nextGaussian() + (y[i] ? 1.0 : 0.0);
        }
        ConfidenceInterval delong = DeLong.auc(s, y, null).interval(0.95);
        BootstrapResult r = Bootstrap.binary(s, y, null,
                BootstrapOptions.defaults().withReplicates(500).withSeed(5), BinaryStatistic.rocAuc());
        ConfidenceInterval boot = r.interval(0);
        assertEquals(delong.estimate(), boot.estimate(), 1e-12);
        assertTrue(Math.abs(delong.lower() - boot.lower()) <= 0.005, delong + " vs " + boot);
        assertTrue(Math.abs(delong.upper() - boot.upper()) <= 0.005, delong + " vs " + boot);
        // and the spreads agree much closer than that: bootstrap SE within 10% of DeLong's
        double se = Math.sqrt(DeLong.auc(s, y, null).variance());
        assertEquals(se, r.standardError(0), 0.1 * se);
    }

    /**
     * Coverage by simulation: 1000 binormal data sets (120 positives ~ N(1, 1), 180 negatives ~
     * N(0, 1); true AUC = Phi(1 / sqrt 2) = 0.7602...), each with a 400-replicate percentile
     * interval and a DeLong interval. The share of intervals containing the true AUC must be in
     * [0.93, 0.97] (binomial s.d. of the share: 0.007). With 60 + 90 rows the percentile
     * interval covers about 0.935 (it under-covers in small samples); at this size about 0.95.
     */
    @Test
    void ninetyFivePercentIntervalsCoverNinetyFivePercent() {
        double truth = Normal.cdf(1 / Math.sqrt(2));
        Random rnd = new Random(99);
        int sims = 1000;
        int covered = 0;
        int coveredDeLong = 0;
        BootstrapOptions o = BootstrapOptions.defaults().withReplicates(400);
        for (int sim = 0; sim < sims; sim++) {
            int n = 300;
            double[] s = new double[n];
            boolean[] y = new boolean[n];
            for (int i = 0; i < n; i++) {
                y[i] = i < 120;
                s[i] = rnd.nextGaussian() + (y[i] ? 1 : 0);
            }
            ConfidenceInterval ci = Bootstrap.binary(s, y, null, o.withSeed(sim), BinaryStatistic.rocAuc()).interval(0);
            if (ci.contains(truth)) {
                covered++;
            }
            if (DeLong.auc(s, y, null).interval(0.95).contains(truth)) {
                coveredDeLong++;
            }
        }
        double share = covered / (double) sims;
        assertTrue(share >= 0.93 && share <= 0.97, "bootstrap coverage " + share);
        double shareDeLong = coveredDeLong / (double) sims;
        assertTrue(shareDeLong >= 0.93 && shareDeLong <= 0.97, "DeLong coverage " + shareDeLong);
    }

    @Test
    void identicalModelsCompareToZeroWithPOne() {
        JsonNode in = input("binary_asah_s100b_vs_wfns");
        double[] s = doubles(in.get("scores"));
        boolean[] y = Fixtures.booleans(in.get("labels"));
        AucComparison c = Bootstrap.compare(List.of("x", "y"), List.of(s, s.clone()), y, null, SMALL).get(0);
        assertEquals(0.0, c.difference());
        assertEquals(0.0, c.z());
        assertEquals(1.0, c.pValue());
        assertEquals(0.0, c.differenceLower());
        assertEquals(0.0, c.differenceUpper());
        assertEquals("bootstrap", c.method());
        assertTrue(c.warnings().contains(AucComparison.identicalWarning("x", "y")), c.warnings().toString());
    }

    /** Unpaired: the variance of the difference is the sum of the two bootstrap variances. */
    @Test
    void unpairedBootstrapAddsVariances() {
        JsonNode in = input("binary_asah_s100b_vs_wfns");
        double[] a = doubles(in.get("scores"));
        double[] b = doubles(in.get("scores_b"));
        boolean[] y = Fixtures.booleans(in.get("labels"));
        AucComparison c = Bootstrap.compareUnpaired("a", a, y, null, "b", b, y, null, SMALL.withReplicates(1000));
        assertFalse(c.paired());
        assertEquals(0.0, c.covariance());
        double se = c.difference() / c.z();
        assertEquals(Math.sqrt(c.varianceA() + c.varianceB()), se, 0.1 * se);
        DeLongAuc da = DeLong.auc(a, y, null);
        DeLongAuc db = DeLong.auc(b, y, null);
        AucComparison d = DeLong.unpaired("a", da, "b", db, 0.95);
        assertEquals(d.standardError(), se, 0.15 * se);
    }

    /** The paired bootstrap's standard error of the AUC difference is DeLong's, up to resampling noise. */
    @Test
    void pairedBootstrapAgreesWithPairedDeLong() {
        JsonNode in = input("binary_breast_cancer");
        double[] a = doubles(in.get("scores"));
        double[] b = doubles(in.get("scores_b"));
        boolean[] y = Fixtures.booleans(in.get("labels"));
        AucComparison d = DeLong.paired(a, b, y, null, 0.95);
        AucComparison bs = Bootstrap.compare(List.of("a", "b"), List.of(a, b), y, null,
                BootstrapOptions.defaults().withSeed(3)).get(0);
        assertEquals(d.difference(), bs.difference(), 1e-12);
        assertEquals(d.standardError(), bs.difference() / bs.z(), 0.15 * d.standardError());
        assertEquals(d.covariance(), bs.covariance(), 0.3 * d.covariance());
        assertTrue(bs.differenceLower() < bs.difference() && bs.difference() < bs.differenceUpper());
        assertEquals(bs.pValue(), bs.pValueHolm());
    }

    @Test
    void onePositiveAndAllTiedAndPerfectSeparation() {
        double[] s = {0.9, 0.5, 0.4, 0.1, 0.3};
        boolean[] onePos = {true, false, false, false, false};
        BootstrapResult r = Bootstrap.binary(s, onePos, null, SMALL, BinaryStatistic.rocAuc());
        // the lone positive is in every replicate and beats every negative
        assertEquals(new ConfidenceInterval(1, 1, 1, 0.95, "bootstrap"), r.interval(0));

        double[] tied = {0.5, 0.5, 0.5, 0.5};
        boolean[] y = {true, false, true, false};
        assertEquals(new ConfidenceInterval(0.5, 0.5, 0.5, 0.95, "bootstrap"),
                Bootstrap.binary(tied, y, null, SMALL, BinaryStatistic.rocAuc()).interval(0));

        double[] sep = {0.9, 0.8, 0.2, 0.1};
        assertEquals(new ConfidenceInterval(1, 1, 1, 0.95, "bootstrap"),
                Bootstrap.binary(sep, new boolean[] {true, true, false, false}, null, SMALL,
                        BinaryStatistic.rocAuc()).interval(0));
    }

    @Test
    void undefinedReplicatesAreCountedAndLeftOut() {
        // precision at a threshold above some replicates' top positive scores: nothing predicted -> NaN
        double[] s = {0.9, 0.2, 0.3, 0.1, 0.95};
        boolean[] y = {true, true, false, false, false};
        BootstrapResult r = Bootstrap.binary(s, y, null, SMALL,
                BinaryStatistic.atThreshold(0.92, ConfusionMatrix::precision));
        // only the negative 0.95 can be predicted positive: precision 0 when drawn, NaN otherwise
        assertTrue(r.validReplicates(0) < r.replicates());
        assertTrue(r.validReplicates(0) > 0);
        assertEquals(1, r.warnings().size());
        assertEquals(0.0, r.lower(0));
        assertEquals(0.0, r.upper(0));
    }

    @Test
    void rocBandHoldsTheFullSampleCurveAndNarrowsToOneAtSpecificityZero() {
        JsonNode in = input("binary_breast_cancer");
        double[] s = doubles(in.get("scores"));
        boolean[] y = Fixtures.booleans(in.get("labels"));
        double[] grid = {0, 0.5, 0.9, 0.99, 1};
        RocBand band = Bootstrap.rocBand(s, y, null, grid, SMALL);
        OperatingPoints op = OperatingPoints.of(s, y, null);
        assertEquals(5, band.size());
        for (int i = 0; i < grid.length; i++) {
            assertEquals(RocInterpolation.tprAtFpr(op, 1 - grid[i]), band.sensitivity(i));
            assertTrue(band.lower(i) <= band.upper(i));
        }
        assertEquals(1.0, band.sensitivity(0));
        assertEquals(1.0, band.lower(0));
        assertEquals(1.0, band.upper(0));
        assertArrayEquals(grid, band.specificities());
        assertEquals(band, Bootstrap.rocBand(s, y, null, grid, SMALL.withThreads(1)));
        assertTrue(band.toString().startsWith("RocBand[level=0.95, seed=7, specificity 0.0: 1.0 [1.0, 1.0]"),
                band.toString());
    }

    /** A hand-made table: positives {4, 2}, negatives {3, 1}; points (0,0) (0,.5) (.5,.5) (.5,1) (1,1). */
    @Test
    void rocInterpolationByHand() {
        OperatingPoints p = OperatingPoints.of(new double[] {4, 3, 2, 1}, new boolean[] {true, false, true, false});
        assertEquals(0.5, RocInterpolation.tprAtFpr(p, 0.0));
        assertEquals(0.5, RocInterpolation.tprAtFpr(p, 0.25));
        assertEquals(1.0, RocInterpolation.tprAtFpr(p, 0.5));
        assertEquals(1.0, RocInterpolation.tprAtFpr(p, 1.0));
        assertEquals(0.0, RocInterpolation.fprAtTpr(p, 0.0));
        assertEquals(0.0, RocInterpolation.fprAtTpr(p, 0.25));
        assertEquals(0.0, RocInterpolation.fprAtTpr(p, 0.5));
        assertEquals(0.5, RocInterpolation.fprAtTpr(p, 0.75));
        assertEquals(0.5, RocInterpolation.fprAtTpr(p, 1.0));
        // diagonal segment: positives {2}, negatives {2}: one tied point (1, 1)
        OperatingPoints tie = OperatingPoints.of(new double[] {2, 2}, new boolean[] {true, false});
        assertEquals(0.3, RocInterpolation.tprAtFpr(tie, 0.3), 1e-15);
        assertEquals(0.6, RocInterpolation.fprAtTpr(tie, 0.6), 1e-15);
    }

    @Test
    void percentileIsTypeSeven() {
        // R: quantile(c(1, 2, 3, 4, 10), c(0.025, 0.975)) = 1.1, 9.4
        double[] v = {1, 2, 3, 4, 10};
        assertClose(1.1, BootstrapResult.quantile7(v, 5, 0.025), 1e-14, "q 0.025");
        assertClose(9.4, BootstrapResult.quantile7(v, 5, 0.975), 1e-14, "q 0.975");
        assertTrue(Double.isNaN(BootstrapResult.quantile7(v, 0, 0.5)));
    }

    @Test
    void floatScoresGiveTheSameReplicatesAsTheirWidenedDoubles() {
        JsonNode in = input("binary_fraudlike");
        double[] d = doubles(in.get("scores"));
        boolean[] y = Fixtures.booleans(in.get("labels"));
        float[] f = new float[d.length];
        double[] widened = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
            widened[i] = f[i];
        }
        BootstrapOptions o = SMALL.withReplicates(50);
        BootstrapResult a = Bootstrap.binary(f, y, null, o, BinaryStatistic.rocAuc(), BinaryStatistic.averagePrecision());
        BootstrapResult b = Bootstrap.binary(widened, y, null, o, BinaryStatistic.rocAuc(), BinaryStatistic.averagePrecision());
        assertArrayEquals(b.values(0), a.values(0));
        assertArrayEquals(b.values(1), a.values(1));
        assertEquals(BinaryEvaluation.of(f, y).rocAuc(), a.estimate(0));
    }

    @Test
    void badArgumentsFailFast() {
        assertEquals("replicates must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> SMALL.withReplicates(0)).getMessage());
        assertEquals("threads must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> SMALL.withThreads(0)).getMessage());
        assertEquals("level must be in (0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> SMALL.withLevel(1)).getMessage());
        assertEquals("scores[1] must be finite, got NaN",
                assertThrows(IllegalArgumentException.class, () -> Bootstrap.binary(new double[] {1, Double.NaN},
                        new boolean[] {true, false}, null, SMALL, BinaryStatistic.rocAuc())).getMessage());
        assertEquals("strata[1] must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> Bootstrap.stratified(new int[] {0, -1}, null,
                        SMALL, w -> w)).getMessage());
        assertFalse(BootstrapOptions.defaults().threads() < 1);
        assertEquals(2000, BootstrapOptions.defaults().replicates());
    }
}

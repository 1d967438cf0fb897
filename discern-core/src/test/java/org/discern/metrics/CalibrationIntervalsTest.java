package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Wilson intervals of reliability bins (against R's {@code prop.test(x, n, correct = FALSE)}),
 * ECE brute-forced, and the calibration bootstrap against a naive resampling loop with the same
 * generator.
 */
class CalibrationIntervalsTest {
    private static final double TOL = 1e-12;

    @Test
    void wilsonEqualsRPropTestWithoutContinuityCorrection() {
        // R 4.x: prop.test(x, n, correct = FALSE, conf.level = L)$conf.int
        check(BinomialInterval.wilson(0.3, 10, 0.95), 0.10779126740630104, 0.60322185253885452);
        check(BinomialInterval.wilson(0, 7, 0.95), 0, 0.35433043506668732);
        check(BinomialInterval.wilson(1, 7, 0.95), 0.64566956493331262, 1);
        check(BinomialInterval.wilson(0.5, 2, 0.95), 0.094531205734230739, 0.905468794265769206);
        check(BinomialInterval.wilson(0.3, 10, 0.90), 0.12687658390319789, 0.55830020413016479);
        assertEquals(ConfidenceInterval.WILSON, BinomialInterval.wilson(0.3, 10, 0.95).method());
    }

    private static void check(ConfidenceInterval ci, double lower, double upper) {
        assertEquals(lower, ci.lower(), TOL, "lower");
        assertEquals(upper, ci.upper(), TOL, "upper");
    }

    @Test
    void wilsonRejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> BinomialInterval.wilson(-0.1, 10, 0.95));
        assertThrows(IllegalArgumentException.class, () -> BinomialInterval.wilson(Double.NaN, 10, 0.95));
        assertThrows(IllegalArgumentException.class, () -> BinomialInterval.wilson(0.5, 0, 0.95));
        assertThrows(IllegalArgumentException.class, () -> BinomialInterval.wilson(0.5, 10, 1));
    }

    @Test
    void binIntervalUsesTheBinCountsAndKishSizeWithWeights() {
        // 2 uniform bins: [0, .5] holds 0.1 (neg), 0.2 (pos), 0.4 (neg); (.5, 1] holds 0.6, 0.7, 0.8, 0.9 (pos, pos, neg, pos)
        double[] p = {0.1, 0.2, 0.4, 0.6, 0.7, 0.8, 0.9};
        boolean[] y = {false, true, false, true, true, false, true};
        Calibration c = Calibration.of(p, y, null, 2, CalibrationBinning.UNIFORM);
        assertEquals(3, c.effectiveCount(0), TOL);
        check(c.observedInterval(0, 0.95), wilsonByHand(1, 3, 0.95)[0], wilsonByHand(1, 3, 0.95)[1]);
        check(c.observedInterval(1, 0.95), wilsonByHand(3, 4, 0.95)[0], wilsonByHand(3, 4, 0.95)[1]);
        // weights 1, 1, 2 in bin 0: W = 4, sum w^2 = 6, Kish n = 16/6; observed = 1/4
        double[] w = {1, 1, 2, 1, 1, 1, 1};
        Calibration cw = Calibration.of(p, y, w, 2, CalibrationBinning.UNIFORM);
        assertEquals(16.0 / 6, cw.effectiveCount(0), TOL);
        double[] hand = wilsonByHand(0.25 * 16 / 6, 16.0 / 6, 0.95);
        check(cw.observedInterval(0, 0.95), hand[0], hand[1]);
    }

    /** Wilson from its textbook form: roots of (x - n p)^2 = z^2 n p (1 - p) in p. */
    private static double[] wilsonByHand(double x, double n, double level) {
        double z = Normal.twoSidedCritical(level);
        double a = n * n + z * z * n;
        double b = -(2 * n * x + z * z * n);
        double cc = x * x;
        double d = Math.sqrt(b * b - 4 * a * cc);
        return new double[] {(-b - d) / (2 * a), (-b + d) / (2 * a)};
    }

    @Test
    void eceBruteForcedOverUniformBins() {
        double[][] data = sample(200, 3, 0.8);
        double[] p = data[0];
        boolean[] y = toBool(data[1]);
        for (int bins : new int[] {1, 5, 10, 15}) {
            double[] sw = new double[bins];
            double[] sp = new double[bins];
            double[] sy = new double[bins];
            for (int i = 0; i < p.length; i++) {
                int b = 0;
                while (b < bins - 1 && p[i] > (b + 1) * (1.0 / bins)) {
                    b++;
                }
                sw[b]++;
                sp[b] += p[i];
                sy[b] += y[i] ? 1 : 0;
            }
            double ece = 0;
            double mce = 0;
            for (int b = 0; b < bins; b++) {
                if (sw[b] > 0) {
                    double gap = Math.abs(sy[b] / sw[b] - sp[b] / sw[b]);
                    ece += sw[b] / p.length * gap;
                    mce = Math.max(mce, gap);
                }
            }
            Calibration c = Calibration.of(p, y, null, bins, CalibrationBinning.UNIFORM);
            assertEquals(ece, c.expectedCalibrationError(), TOL, "ece, bins " + bins);
            assertEquals(mce, c.maximumCalibrationError(), TOL, "mce, bins " + bins);
        }
    }

    @Test
    void binaryBootstrapEqualsNaiveResamplingWithTheSameGenerator() {
        double[][] data = sample(150, 5, 0.7);
        double[] p = data[0];
        boolean[] y = toBool(data[1]);
        Calibration c = Calibration.of(p, y, null, 10, CalibrationBinning.UNIFORM);
        BootstrapOptions o = BootstrapOptions.defaults().withReplicates(60).withSeed(42).withThreads(1);
        BootstrapResult r = CalibrationBootstrap.binary(p, y, null, c, o);
        assertEquals(c.expectedCalibrationError(), r.estimate(0), TOL);
        assertEquals(c.maximumCalibrationError(), r.estimate(1), TOL);
        int n = p.length;
        for (int b = 0; b < o.replicates(); b++) {
            SplittableRandom rng = Bootstrap.rng(o.seed(), b);
            double[] rp = new double[n];
            boolean[] ry = new boolean[n];
            for (int i = 0; i < n; i++) {
                int j = rng.nextInt(n);
                rp[i] = p[j];
                ry[i] = y[j];
            }
            Calibration naive = Calibration.of(rp, ry, null, 10, CalibrationBinning.UNIFORM);
            assertEquals(naive.expectedCalibrationError(), r.value(b, 0), TOL, "replicate " + b);
            assertEquals(naive.maximumCalibrationError(), r.value(b, 1), TOL, "replicate " + b);
        }
        ConfidenceInterval ci = r.interval(MetricKey.of(Metric.ECE));
        assertTrue(ci.lower() < ci.upper() && ci.lower() >= 0, ci.toString());
        // any thread count, the same replicates
        BootstrapResult r4 = CalibrationBootstrap.binary(p, y, null, c, o.withThreads(4));
        assertArrayEquals(r.values(0), r4.values(0));
        assertEquals(ci, r4.interval(MetricKey.of(Metric.ECE)));
    }

    @Test
    void multiclassBootstrapEqualsNaiveResampling() {
        int n = 120;
        int k = 3;
        SplittableRandom g = new SplittableRandom(9);
        double[] probs = new double[n * k];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int c = 0; c < k; c++) {
                probs[i * k + c] = g.nextDouble();
                s += probs[i * k + c];
            }
            for (int c = 0; c < k; c++) {
                probs[i * k + c] /= s;
            }
            labels[i] = g.nextInt(k);
        }
        List<String> names = List.of("a", "b", "c");
        MulticlassCalibration mc = MulticlassCalibration.of(probs, k, labels, null, 5, CalibrationBinning.UNIFORM);
        BootstrapOptions o = BootstrapOptions.defaults().withReplicates(30).withSeed(3).withThreads(2);
        BootstrapResult r = CalibrationBootstrap.multiclass(probs, k, labels, null, mc, names, o);
        assertEquals(mc.topLabel().expectedCalibrationError(), r.estimate(0), TOL);
        assertEquals(mc.classwiseExpectedCalibrationError(), r.estimate(1), TOL);
        assertEquals(mc.perClass(1).expectedCalibrationError(),
                r.interval(BootstrapResult.classStatistic(MetricKey.of(Metric.ECE), "b")).estimate(), TOL);
        for (int b = 0; b < o.replicates(); b++) {
            SplittableRandom rng = Bootstrap.rng(o.seed(), b);
            double[] rp = new double[n * k];
            int[] rl = new int[n];
            for (int i = 0; i < n; i++) {
                int j = rng.nextInt(n);
                System.arraycopy(probs, j * k, rp, i * k, k);
                rl[i] = labels[j];
            }
            MulticlassCalibration naive = MulticlassCalibration.of(rp, k, rl, null, 5, CalibrationBinning.UNIFORM);
            assertEquals(naive.topLabel().expectedCalibrationError(), r.value(b, 0), TOL, "replicate " + b);
            assertEquals(naive.classwiseExpectedCalibrationError(), r.value(b, 1), TOL, "replicate " + b);
            assertEquals(naive.perClass(2).expectedCalibrationError(), r.value(b, 4), TOL, "replicate " + b);
        }
    }

    @Test
    void quantileBinsAreKeptAndWeightsMultiply() {
        double[][] data = sample(80, 11, 0.6);
        double[] p = data[0];
        boolean[] y = toBool(data[1]);
        double[] w = new double[p.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = 1 + (i % 3);
        }
        Calibration c = Calibration.of(p, y, w, 5, CalibrationBinning.QUANTILE);
        BootstrapOptions o = BootstrapOptions.defaults().withReplicates(20).withSeed(5).withThreads(1);
        BootstrapResult r = CalibrationBootstrap.binary(p, y, w, c, o);
        assertEquals(c.expectedCalibrationError(), r.estimate(0), TOL);
        // replicate b with the sample's edges fixed: a drawn row counts w times its multiplicity
        double[] e = c.edges();
        for (int b = 0; b < o.replicates(); b++) {
            SplittableRandom rng = Bootstrap.rng(o.seed(), b);
            double[] sw = new double[5];
            double[] sp = new double[5];
            double[] sy = new double[5];
            double total = 0;
            for (int i = 0; i < p.length; i++) {
                int j = rng.nextInt(p.length);
                int bin = 0;
                while (bin < 4 && e[bin + 1] < p[j]) {
                    bin++;
                }
                sw[bin] += w[j];
                sp[bin] += w[j] * p[j];
                sy[bin] += y[j] ? w[j] : 0;
                total += w[j];
            }
            double ece = 0;
            for (int bin = 0; bin < 5; bin++) {
                if (sw[bin] > 0) {
                    ece += sw[bin] * Math.abs(sy[bin] / sw[bin] - sp[bin] / sw[bin]);
                }
            }
            assertEquals(ece / total, r.value(b, 0), TOL, "replicate " + b);
        }
    }

    /** n rows: p uniform, y ~ Bernoulli(p^gamma-ish distortion) so the model is miscalibrated. */
    private static double[][] sample(int n, long seed, double power) {
        SplittableRandom g = new SplittableRandom(seed);
        double[] p = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = Math.round(g.nextDouble() * 100) / 100.0;
            y[i] = g.nextDouble() < Math.pow(p[i], power) ? 1 : 0;
        }
        return new double[][] {p, y};
    }

    private static boolean[] toBool(double[] v) {
        boolean[] b = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = v[i] == 1;
        }
        return b;
    }
}

package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Seeded property tests of the binary core's invariants. */
class BinaryProperties {

    /** A sample: scores on a coarse grid (many ties), labels, weights. */
    record Sample(double[] scores, boolean[] labels, double[] weights) {
        int n() {
            return scores.length;
        }

        boolean twoClasses() {
            boolean p = false;
            boolean q = false;
            for (boolean y : labels) {
                p |= y;
                q |= !y;
            }
            return p && q;
        }
    }

    @Provide
    Arbitrary<Sample> samples() {
        return Arbitraries.integers().between(1, 60).flatMap(n -> Combinators.combine(
                Arbitraries.integers().between(-8, 8).array(int[].class).ofSize(n),
                Arbitraries.of(true, false).array(boolean[].class).ofSize(n),
                Arbitraries.integers().between(0, 4).array(int[].class).ofSize(n))
                .as((s, y, w) -> new Sample(Arrays.stream(s).mapToDouble(v -> v / 4.0).toArray(), y,
                        weights(w))));
    }

    /**
     * Integer weights as doubles, the first set to 1 when all are 0 (all-zero weights leave no
     * sample and are refused: ZeroWeightTest).
     */
    static double[] weights(int[] w) {
        double[] out = Arrays.stream(w).mapToDouble(v -> v).toArray();
        if (Arrays.stream(w).allMatch(v -> v == 0)) {
            out[0] = 1;
        }
        return out;
    }

    /** Naive Mann-Whitney: sum over pairs of 1 (pos > neg) or 1/2 (tie), weighted by products. */
    static double mannWhitney(double[] s, boolean[] y, double[] w) {
        double num = 0;
        double p = 0;
        double q = 0;
        for (int i = 0; i < s.length; i++) {
            double wi = w == null ? 1 : w[i];
            if (y[i]) {
                p += wi;
            } else {
                q += wi;
            }
        }
        for (int i = 0; i < s.length; i++) {
            if (!y[i]) {
                continue;
            }
            for (int j = 0; j < s.length; j++) {
                if (y[j]) {
                    continue;
                }
                double ww = (w == null ? 1 : w[i]) * (w == null ? 1 : w[j]);
                if (s[i] > s[j]) {
                    num += ww;
                } else if (s[i] == s[j]) {
                    num += ww / 2;
                }
            }
        }
        return num / (p * q);
    }

    @Property(seed = "20261122")
    void aucEqualsMannWhitney(@ForAll("samples") Sample x) {
        BinaryEvaluation ev = BinaryEvaluation.of(x.scores(), x.labels());
        if (!x.twoClasses()) {
            assertTrue(Double.isNaN(ev.rocAuc()));
            return;
        }
        assertEquals(mannWhitney(x.scores(), x.labels(), null), ev.rocAuc(), 1e-12);
        assertEquals(ev.rocAuc(), ev.rocCurve().area(), 1e-12);
        assertEquals(ev.rocAuc(), ev.rocCurveAllThresholds().corners().area(), 1e-12);
    }

    @Property(seed = "20261122")
    void weightedAucEqualsWeightedMannWhitney(@ForAll("samples") Sample x) {
        BinaryEvaluation ev = BinaryEvaluation.of(x.scores(), x.labels(), x.weights());
        double expected = mannWhitney(x.scores(), x.labels(), x.weights());
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(ev.rocAuc()));
        } else {
            assertEquals(expected, ev.rocAuc(), 1e-12);
        }
    }

    @Property(seed = "20261122")
    void aucInUnitIntervalAndNegationComplements(@ForAll("samples") Sample x) {
        if (!x.twoClasses()) {
            return;
        }
        double auc = BinaryEvaluation.of(x.scores(), x.labels()).rocAuc();
        assertTrue(auc >= 0 && auc <= 1);
        double[] neg = Arrays.stream(x.scores()).map(v -> -v).toArray();
        assertEquals(1 - auc, BinaryEvaluation.of(neg, x.labels()).rocAuc(), 1e-12);
        // weighted too, whenever both classes keep some weight
        BinaryEvaluation w = BinaryEvaluation.of(x.scores(), x.labels(), x.weights());
        if (!Double.isNaN(w.rocAuc())) {
            assertTrue(w.rocAuc() >= 0 && w.rocAuc() <= 1);
            assertEquals(1 - w.rocAuc(), BinaryEvaluation.of(neg, x.labels(), x.weights()).rocAuc(), 1e-12);
        }
    }

    @Property(seed = "20261122")
    void invariantUnderStrictlyIncreasingTransforms(@ForAll("samples") Sample x) {
        BinaryEvaluation a = BinaryEvaluation.of(x.scores(), x.labels(), x.weights());
        double[] t = Arrays.stream(x.scores()).map(v -> 1 / (1 + Math.exp(-3 * v)) ).toArray();
        BinaryEvaluation b = BinaryEvaluation.of(t, x.labels(), x.weights());
        assertEquals(a.rocAuc(), b.rocAuc(), 1e-12);
        assertEquals(a.averagePrecision(), b.averagePrecision(), 1e-12);
        assertEquals(a.prAucInterpolated(), b.prAucInterpolated(), 1e-12);
        assertEquals(a.ks(), b.ks(), 1e-12);
        assertEquals(a.operatingPoints().size(), b.operatingPoints().size());
    }

    @Property(seed = "20261122")
    void confusionAtEveryThresholdMatchesACount(@ForAll("samples") Sample x) {
        BinaryEvaluation ev = BinaryEvaluation.of(x.scores(), x.labels(), x.weights());
        // at every operating point (and +Infinity), then on a grid between and beyond the scores
        OperatingPoints op = ev.operatingPoints();
        for (int i = -1; i < op.size(); i++) {
            double t = i < 0 ? Double.POSITIVE_INFINITY : op.threshold(i);
            assertEquals(count(x, t), op.confusionAtIndex(i), "operating point " + i);
            assertEquals(op.confusionAtIndex(i), ev.confusionAt(t));
        }
        for (double t = -2.5; t <= 2.5; t += 0.125) {
            ConfusionMatrix expected = count(x, t);
            ConfusionMatrix cm = ev.confusionAt(t);
            assertEquals(expected.tp(), cm.tp(), 1e-9);
            assertEquals(expected.fp(), cm.fp(), 1e-9);
            assertEquals(expected.tn(), cm.tn(), 1e-9);
            assertEquals(expected.fn(), cm.fn(), 1e-9);
        }
    }

    /** The confusion matrix of "positive iff score >= t", counted row by row. */
    static ConfusionMatrix count(Sample x, double t) {
        double tp = 0;
        double fp = 0;
        double tn = 0;
        double fn = 0;
        for (int i = 0; i < x.n(); i++) {
            double w = x.weights()[i];
            boolean predicted = x.scores()[i] >= t;
            if (predicted && x.labels()[i]) {
                tp += w;
            } else if (predicted) {
                fp += w;
            } else if (x.labels()[i]) {
                fn += w;
            } else {
                tn += w;
            }
        }
        return new ConfusionMatrix(tp, fp, tn, fn);
    }

    @Property(seed = "20261122")
    void floatPathEqualsDoublePath(@ForAll("samples") Sample x) {
        float[] f = new float[x.n()];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) x.scores()[i];
        }
        OperatingPoints a = OperatingPoints.of(f, x.labels());
        OperatingPoints b = OperatingPoints.of(x.scores(), x.labels(), x.weights() == null ? null
                : Arrays.stream(x.weights()).map(v -> 1).toArray());
        assertEquals(Arrays.toString(b.thresholds()), Arrays.toString(a.thresholds()));
        assertEquals(Arrays.toString(b.truePositives()), Arrays.toString(a.truePositives()));
        assertEquals(Arrays.toString(b.falsePositives()), Arrays.toString(a.falsePositives()));
    }

    @Property(seed = "20261122")
    void unweightedDoublePathEqualsTheOrderedPath(@ForAll("samples") Sample x) {
        // scores that are not floats take the 64-bit split-sort path; unit weights take the
        // stable-argsort path: the tables must be identical
        double[] d = Arrays.stream(x.scores()).map(v -> v + 1e-12 * Math.signum(v)).toArray();
        double[] ones = new double[x.n()];
        Arrays.fill(ones, 1);
        OperatingPoints a = OperatingPoints.of(d, x.labels());
        OperatingPoints b = OperatingPoints.of(d, x.labels(), ones);
        assertEquals(Arrays.toString(b.thresholds()), Arrays.toString(a.thresholds()));
        assertEquals(Arrays.toString(b.truePositives()), Arrays.toString(a.truePositives()));
        assertEquals(Arrays.toString(b.falsePositives()), Arrays.toString(a.falsePositives()));
    }

    @Property(seed = "20261122")
    void averagePrecisionBetweenPrevalenceAndOne(@ForAll("samples") Sample x) {
        if (!x.twoClasses()) {
            return;
        }
        BinaryEvaluation ev = BinaryEvaluation.of(x.scores(), x.labels());
        double ap = ev.averagePrecision();
        assertTrue(ap > 0 && ap <= 1 + 1e-15, "ap " + ap);
        double interp = ev.prAucInterpolated();
        assertTrue(interp > 0 && interp <= 1 + 1e-12, "interpolated " + interp);
    }

    /**
     * The PR area by trapezoids, walked over the table, is bit for bit the trapezoid sum over the
     * points of the PR curve as built (unweighted: int counts; weighted: double counts).
     */
    @Property(tries = 300)
    void prAucTrapezoidIsTheTrapezoidSumOfThePrCurve(@ForAll("samples") Sample s) {
        for (double[] w : new double[][] {null, s.weights()}) {
            BinaryEvaluation ev = BinaryEvaluation.of(s.scores(), s.labels(), w);
            if (!s.twoClasses() || ev.operatingPoints().positives() == 0 || ev.operatingPoints().negatives() == 0) {
                continue;
            }
            PrecisionRecallCurve c = ev.precisionRecallCurve();
            double a = 0;
            for (int i = 1; i < c.size(); i++) {
                a += (c.recall(i) - c.recall(i - 1)) * (c.precision(i) + c.precision(i - 1)) / 2;
            }
            assertEquals(Double.doubleToLongBits(a), Double.doubleToLongBits(ev.prAucTrapezoid()),
                    () -> Arrays.toString(s.scores()) + " " + Arrays.toString(s.labels()));
        }
    }

    /**
     * The unweighted table of double scores (int counts; thresholds read from the classes' sorted
     * keys when the scores are mostly distinct, a threshold array with many ties) equals the
     * table the weighted path builds with every weight 1: size, thresholds bit for bit, counts,
     * {@code indexAt} and the confusion matrix anywhere.
     */
    @Property(tries = 300)
    void unweightedDoubleTableEqualsTheUnitWeightTable(@ForAll("seeds") long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        int n = r.nextInt(1, 200);
        int pool = r.nextBoolean() ? n * 4 : r.nextInt(1, 6); // mostly distinct, or many ties
        double[] values = new double[pool];
        for (int k = 0; k < pool; k++) {
            values[k] = r.nextDouble() * 3 - 1.5 + 1e-9; // no double here is a float
        }
        values[0] = r.nextBoolean() ? -0.0 : values[0];
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        double[] ones = new double[n];
        for (int k = 0; k < n; k++) {
            s[k] = k == 1 && values[0] == 0 ? 0.0 : values[r.nextInt(pool)];
            y[k] = r.nextInt(3) == 0;
            ones[k] = 1;
        }
        OperatingPoints a = OperatingPoints.of(s, y);
        OperatingPoints b = OperatingPoints.of(s, y, ones);
        assertEquals(b.size(), a.size());
        for (int k = 0; k < a.size(); k++) {
            assertEquals(Double.doubleToLongBits(b.threshold(k)), Double.doubleToLongBits(a.threshold(k)), "row " + k);
            assertEquals(b.truePositives(k), a.truePositives(k));
            assertEquals(b.falsePositives(k), a.falsePositives(k));
        }
        assertEquals(Arrays.toString(b.thresholds()), Arrays.toString(a.thresholds()));
        for (int k = 0; k < 20; k++) {
            double t = k < 10 ? s[r.nextInt(n)] : r.nextDouble() * 4 - 2;
            assertEquals(b.indexAt(t), a.indexAt(t), "t = " + t);
            assertEquals(b.confusionAt(t), a.confusionAt(t), "t = " + t);
        }
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }
}

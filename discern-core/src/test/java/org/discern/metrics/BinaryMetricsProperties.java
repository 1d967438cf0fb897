package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Seeded invariants of the one-shot ROC AUC and average precision on random data with ties. */
class BinaryMetricsProperties {

    /** Random scores on a grid of {@code levels} values (ties), some negative, both classes. */
    private record Data(float[] scores, boolean[] labels) {
        static Data of(long seed, int n, double prevalence, int levels) {
            SplittableRandom rnd = new SplittableRandom(seed);
            float[] s = new float[n];
            boolean[] y = new boolean[n];
            for (int i = 0; i < n; i++) {
                y[i] = rnd.nextDouble() < prevalence;
                double z = (y[i] ? 0.7 : 0.0) + rnd.nextGaussian();
                s[i] = (float) (Math.rint(z * levels) / levels);
            }
            // make sure both classes occur
            y[0] = true;
            y[n - 1] = false;
            return new Data(s, y);
        }
    }

    @Property(tries = 300, seed = "20261122")
    void equalsTheOperatingPointTable(@ForAll long seed, @ForAll @IntRange(min = 2, max = 5000) int n,
            @ForAll @DoubleRange(min = 0.0, max = 1.0) double prevalence,
            @ForAll @IntRange(min = 1, max = 2000) int levels) {
        Data d = Data.of(seed, n, prevalence, levels);
        BinaryEvaluation ev = BinaryEvaluation.of(OperatingPoints.of(d.scores, d.labels));
        assertEquals(ev.rocAuc(), BinaryMetrics.rocAuc(d.scores, d.labels));
        assertEquals(ev.averagePrecision(), BinaryMetrics.averagePrecision(d.scores, d.labels));
        double[] wide = new double[n];
        for (int i = 0; i < n; i++) {
            wide[i] = d.scores[i];
        }
        assertEquals(ev.rocAuc(), BinaryMetrics.rocAuc(wide, d.labels));
        assertEquals(ev.averagePrecision(), BinaryMetrics.averagePrecision(wide, d.labels));
    }

    @Property(tries = 200, seed = "20261122")
    void doubleScoresEqualTheTable(@ForAll long seed, @ForAll @IntRange(min = 2, max = 5000) int n,
            @ForAll @DoubleRange(min = 0.0, max = 1.0) double prevalence,
            @ForAll @IntRange(min = 1, max = 2000) int levels) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextDouble() < prevalence;
            // thirds are not floats: the 64-bit keys are exercised, with ties and huge ranges
            s[i] = Math.rint(((y[i] ? 0.7 : 0.0) + rnd.nextGaussian()) * levels) / (3.0 * levels);
            if (rnd.nextInt(50) == 0) {
                s[i] = rnd.nextBoolean() ? -Double.MAX_VALUE : 1e300;
            }
        }
        y[0] = true;
        y[n - 1] = false;
        BinaryEvaluation ev = BinaryEvaluation.of(OperatingPoints.of(s, y));
        assertEquals(ev.rocAuc(), BinaryMetrics.rocAuc(s, y));
        assertEquals(ev.averagePrecision(), BinaryMetrics.averagePrecision(s, y));
    }

    @Property(tries = 200, seed = "20261122")
    void equalsMannWhitneyCountedNaively(@ForAll long seed, @ForAll @IntRange(min = 2, max = 400) int n,
            @ForAll @DoubleRange(min = 0.0, max = 1.0) double prevalence,
            @ForAll @IntRange(min = 1, max = 50) int levels) {
        Data d = Data.of(seed, n, prevalence, levels);
        long twiceU = 0;
        long p = 0;
        for (int i = 0; i < n; i++) {
            if (!d.labels[i]) {
                continue;
            }
            p++;
            for (int j = 0; j < n; j++) {
                if (!d.labels[j]) {
                    twiceU += d.scores[i] > d.scores[j] ? 2 : d.scores[i] == d.scores[j] ? 1 : 0;
                }
            }
        }
        double expected = twiceU / (2 * (double) p * (double) (n - p));
        assertEquals(expected, BinaryMetrics.rocAuc(d.scores, d.labels));
    }

    @Property(tries = 200, seed = "20261122")
    void negatingScoresGivesOneMinusAuc(@ForAll long seed, @ForAll @IntRange(min = 2, max = 5000) int n,
            @ForAll @DoubleRange(min = 0.0, max = 1.0) double prevalence,
            @ForAll @IntRange(min = 1, max = 2000) int levels) {
        Data d = Data.of(seed, n, prevalence, levels);
        float[] neg = new float[n];
        for (int i = 0; i < n; i++) {
            neg[i] = -d.scores[i];
        }
        double auc = BinaryMetrics.rocAuc(d.scores, d.labels);
        assertEquals(1 - auc, BinaryMetrics.rocAuc(neg, d.labels), 1e-12);
    }

    @Property(tries = 200, seed = "20261122")
    void invariantUnderMonotoneTransforms(@ForAll long seed, @ForAll @IntRange(min = 2, max = 5000) int n,
            @ForAll @DoubleRange(min = 0.0, max = 1.0) double prevalence,
            @ForAll @IntRange(min = 1, max = 2000) int levels) {
        Data d = Data.of(seed, n, prevalence, levels);
        double auc = BinaryMetrics.rocAuc(d.scores, d.labels);
        double ap = BinaryMetrics.averagePrecision(d.scores, d.labels);
        // rank among the distinct scores, an exp squashing and a power-of-two scaling: strictly
        // increasing, so ties and order (and both summaries) stay exactly the same
        // (+ 0.0f: Arrays orders -0.0 before 0.0, which the metrics treat as tied)
        float[] distinct = new float[n];
        for (int i = 0; i < n; i++) {
            distinct[i] = d.scores[i] + 0.0f;
        }
        Arrays.sort(distinct);
        float[] rank = new float[n];
        float[] squashed = new float[n];
        float[] scaled = new float[n];
        for (int i = 0; i < n; i++) {
            rank[i] = Arrays.binarySearch(distinct, d.scores[i] + 0.0f) - 3000.5f;
            squashed[i] = (float) Math.exp(Math.max(d.scores[i], -80f)) + 7f;
            scaled[i] = d.scores[i] * 0.25f;
        }
        assertEquals(auc, BinaryMetrics.rocAuc(rank, d.labels));
        assertEquals(ap, BinaryMetrics.averagePrecision(rank, d.labels));
        assertEquals(auc, BinaryMetrics.rocAuc(scaled, d.labels));
        assertEquals(ap, BinaryMetrics.averagePrecision(scaled, d.labels));
        if (distinctAfter(squashed) == distinctAfter(d.scores)) {
            assertEquals(auc, BinaryMetrics.rocAuc(squashed, d.labels));
        }
    }

    private static long distinctAfter(float[] a) {
        return Arrays.stream(toDoubles(a)).distinct().count();
    }

    private static double[] toDoubles(float[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }
}

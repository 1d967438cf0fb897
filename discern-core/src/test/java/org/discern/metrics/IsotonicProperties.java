package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.TreeMap;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Pool adjacent violators against the closed form of weighted isotonic regression (Barlow et al.
 * 1972): at the i-th distinct score the fitted value is max over j &lt;= i of min over k &gt;= i of
 * the weighted mean label of points j..k. Scores on a coarse grid (ties), integer weights with 0.
 */
class IsotonicProperties {

    record Sample(double[] scores, boolean[] labels, double[] weights) {
    }

    @Provide
    Arbitrary<Sample> samples() {
        return Arbitraries.integers().between(1, 30).flatMap(n -> Combinators.combine(
                Arbitraries.integers().between(0, 10).array(int[].class).ofSize(n),
                Arbitraries.integers().between(0, 9).array(int[].class).ofSize(n),
                Arbitraries.integers().between(0, 3).array(int[].class).ofSize(n)).as((s, y, w) -> {
                    double[] scores = new double[n];
                    boolean[] labels = new boolean[n];
                    double[] weights = new double[n];
                    boolean any = false;
                    for (int i = 0; i < n; i++) {
                        scores[i] = s[i] / 10.0;
                        labels[i] = y[i] < 2 + s[i] / 2;
                        weights[i] = w[i];
                        any |= w[i] > 0;
                    }
                    if (!any) {
                        weights[0] = 1;
                    }
                    return new Sample(scores, labels, weights);
                }));
    }

    @Property(tries = 1000, seed = "20261122")
    void equalsTheMinMaxFormula(@ForAll("samples") Sample s) {
        // distinct scores with positive total weight: weight and positive weight
        TreeMap<Double, double[]> points = new TreeMap<>();
        for (int i = 0; i < s.scores().length; i++) {
            if (s.weights()[i] > 0) {
                double[] a = points.computeIfAbsent(s.scores()[i], k -> new double[2]);
                a[0] += s.weights()[i];
                a[1] += s.labels()[i] ? s.weights()[i] : 0;
            }
        }
        double[] x = points.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[][] wy = points.values().toArray(new double[0][]);
        int m = x.length;
        IsotonicCalibrator iso = IsotonicCalibrator.fit(s.scores(), s.labels(), s.weights());
        double prev = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int j = 0; j <= i; j++) {
                double min = Double.POSITIVE_INFINITY;
                double w = 0;
                double p = 0;
                for (int k = j; k < m; k++) {
                    w += wy[k][0];
                    p += wy[k][1];
                    if (k >= i) {
                        min = Math.min(min, p / w);
                    }
                }
                best = Math.max(best, min);
            }
            double got = iso.apply(x[i]);
            assertEquals(best, got, 1e-12, "fitted value at " + x[i]);
            assertTrue(got >= prev, "non-decreasing");
            prev = got;
        }
    }
}

package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Seeded property tests of the DeLong variance and tests against their definitions. */
class DeLongProperties {

    record Sample(double[] a, double[] b, boolean[] labels, double[] weights) {
    }

    @Provide
    Arbitrary<Sample> samples() {
        return Arbitraries.integers().between(4, 50).flatMap(n -> Combinators.combine(
                Arbitraries.integers().between(-6, 6).array(int[].class).ofSize(n),
                Arbitraries.integers().between(-6, 6).array(int[].class).ofSize(n),
                Arbitraries.of(true, false).array(boolean[].class).ofSize(n),
                Arbitraries.integers().between(0, 3).array(int[].class).ofSize(n))
                .as((s, t, y, w) -> new Sample(Arrays.stream(s).mapToDouble(v -> v / 3.0).toArray(),
                        Arrays.stream(t).mapToDouble(v -> v / 2.0).toArray(), y,
                        BinaryProperties.weights(w))));
    }

    /** psi(x, y) = 1 if x > y, 1/2 if tied, 0 otherwise. */
    private static double psi(double x, double y) {
        return x > y ? 1 : x == y ? 0.5 : 0;
    }

    /**
     * DeLong's definition with frequency weights, O(n^2): placement values by pairwise comparison,
     * variance S10 / m + S01 / n with weighted sums of squares over m - 1 and n - 1.
     * Returns {auc, variance, covariance(a, b)}.
     */
    static double[] bruteForce(double[] a, double[] b, boolean[] y, double[] w) {
        double m = 0;
        double n = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i]) {
                m += w[i];
            } else {
                n += w[i];
            }
        }
        int len = y.length;
        double[] v10a = new double[len];
        double[] v10b = new double[len];
        double[] v01a = new double[len];
        double[] v01b = new double[len];
        for (int i = 0; i < len; i++) {
            for (int j = 0; j < len; j++) {
                if (y[i] && !y[j]) {
                    v10a[i] += w[j] * psi(a[i], a[j]) / n;
                    v10b[i] += w[j] * psi(b[i], b[j]) / n;
                    v01a[j] += w[i] * psi(a[i], a[j]) / m;
                    v01b[j] += w[i] * psi(b[i], b[j]) / m;
                }
            }
        }
        double aucA = 0;
        double aucB = 0;
        for (int i = 0; i < len; i++) {
            if (y[i]) {
                aucA += w[i] * v10a[i] / m;
                aucB += w[i] * v10b[i] / m;
            }
        }
        double s10 = 0;
        double s01 = 0;
        double c10 = 0;
        double c01 = 0;
        for (int i = 0; i < len; i++) {
            if (y[i]) {
                s10 += w[i] * (v10a[i] - aucA) * (v10a[i] - aucA);
                c10 += w[i] * (v10a[i] - aucA) * (v10b[i] - aucB);
            } else {
                s01 += w[i] * (v01a[i] - aucA) * (v01a[i] - aucA);
                c01 += w[i] * (v01a[i] - aucA) * (v01b[i] - aucB);
            }
        }
        return new double[] {aucA, s10 / ((m - 1) * m) + s01 / ((n - 1) * n), c10 / ((m - 1) * m) + c01 / ((n - 1) * n)};
    }

    private static void close(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 1e-9 * Math.abs(expected) + 1e-14,
                what + ": expected " + expected + " but was " + actual);
    }

    @Property(tries = 300, seed = "20261122")
    void varianceAndCovarianceMatchTheDefinition(@ForAll("samples") Sample s) {
        DeLongAuc d = DeLong.auc(s.a(), s.labels(), s.weights());
        if (Double.isNaN(d.variance())) {
            return;
        }
        double[] bf = bruteForce(s.a(), s.b(), s.labels(), s.weights());
        close(bf[0], d.auc(), "auc");
        close(bf[1], d.variance(), "variance");
        AucComparison c = DeLong.paired(s.a(), s.b(), s.labels(), s.weights(), 0.95);
        close(bf[2], c.covariance(), "covariance");
        close(bf[1], c.varianceA(), "variance via placements");
    }

    @Property(tries = 200, seed = "20261122")
    void invariantUnderMonotoneTransformAndMirroredByNegation(@ForAll("samples") Sample s) {
        double[] t = new double[s.a().length];
        double[] neg = new double[s.a().length];
        for (int i = 0; i < t.length; i++) {
            t[i] = Math.exp(s.a()[i]) * 3 + 1;
            neg[i] = -s.a()[i];
        }
        DeLongAuc d = DeLong.auc(s.a(), s.labels(), s.weights());
        DeLongAuc dt = DeLong.auc(t, s.labels(), s.weights());
        DeLongAuc dn = DeLong.auc(neg, s.labels(), s.weights());
        assertEquals(d.variance(), dt.variance(), 1e-15);
        assertEquals(d.auc(), dt.auc(), 1e-15);
        assertEquals(d.variance(), dn.variance(), 1e-15);
        if (!Double.isNaN(d.auc())) {
            assertEquals(1 - d.auc(), dn.auc(), 1e-15);
        }
    }

    @Property(tries = 200, seed = "20261122")
    void pairedTestIsAntisymmetric(@ForAll("samples") Sample s) {
        List<AucComparison> ab = DeLong.compare(List.of("a", "b"), List.of(s.a(), s.b()), s.labels(), s.weights(), 0.9);
        List<AucComparison> ba = DeLong.compare(List.of("b", "a"), List.of(s.b(), s.a()), s.labels(), s.weights(), 0.9);
        AucComparison x = ab.get(0);
        AucComparison y = ba.get(0);
        assertEquals(x.difference(), -y.difference(), 1e-15);
        if (Double.isNaN(x.z())) {
            // a class with fewer than two rows: undefined both ways
            assertTrue(Double.isNaN(y.z()) && Double.isNaN(x.pValue()) && Double.isNaN(y.pValue()));
        } else {
            assertEquals(x.z(), -y.z(), 1e-9 * Math.abs(x.z()) + 1e-12);
            assertEquals(x.pValue(), y.pValue(), 1e-12);
        }
        assertEquals(x.covariance(), y.covariance(), 1e-15);
        if (!Double.isNaN(x.pValue())) {
            assertTrue(x.pValue() >= 0 && x.pValue() <= 1);
            assertTrue(x.differenceLower() <= x.difference() && x.difference() <= x.differenceUpper());
        }
    }
}

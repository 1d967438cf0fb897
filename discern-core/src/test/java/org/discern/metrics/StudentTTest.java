package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Student's t against R's pt and qt (reference/student_t.R) and against closed forms. */
class StudentTTest {

    /** Relative error of the smaller tail, against R's pt, over the whole table. */
    @Test
    void cdfMatchesRsPtToOnePartIn1e12() {
        List<double[]> rows = References.csv("student_t_cdf.csv");
        assertEquals(609, rows.size());
        for (double[] r : rows) {
            double t = r[0];
            double df = r[1];
            check(r[2], StudentT.cdf(t, df), "pt(" + t + ", " + df + ")");
            check(r[3], StudentT.survival(t, df), "pt(" + t + ", " + df + ", lower = FALSE)");
        }
    }

    /** Below 1e-300 R's own value is subnormal-limited; above, 1e-12 relative. */
    private static void check(double expected, double actual, String what) {
        if (expected < 1e-300) {
            assertTrue(actual >= 0 && actual < 1e-290, what + ": expected " + expected + ", got " + actual);
            return;
        }
        double rel = Math.abs(actual - expected) / expected;
        if (!(rel <= 1e-12)) {
            fail(String.format(Locale.ROOT, "%s: expected %.17g, got %.17g (relative error %.3g)", what, expected,
                    actual, rel));
        }
    }

    @Test
    void quantileMatchesRsQtToOnePartIn1e12() {
        List<double[]> rows = References.csv("student_t_quantile.csv");
        assertEquals(315, rows.size());
        for (double[] r : rows) {
            double p = r[0];
            double df = r[1];
            double expected = r[2];
            double actual = StudentT.quantile(p, df);
            // at p = 0.5 the answer is 0 (R says 2.6e-16 for df 0.5): an absolute floor
            double tol = 1e-12 * Math.abs(expected) + 1e-15;
            if (!(Math.abs(actual - expected) <= tol)) {
                fail(String.format(Locale.ROOT, "qt(%s, %s): expected %.17g, got %.17g", p, df, expected, actual));
            }
        }
    }

    @Test
    void closedFormsForOneAndTwoDegreesOfFreedom() {
        for (double t = -50; t <= 50; t += 0.37) {
            // Cauchy
            assertEquals(0.5 + Math.atan(t) / Math.PI, StudentT.cdf(t, 1), 2e-15, "df 1 at " + t);
            // df = 2: 1/2 + t / (2 sqrt(2 + t^2))
            assertEquals(0.5 + t / (2 * Math.sqrt(2 + t * t)), StudentT.cdf(t, 2), 2e-15, "df 2 at " + t);
        }
    }

    @Test
    void infiniteDegreesOfFreedomIsTheNormal() {
        for (double t : new double[] {-8, -1.96, 0, 0.3, 5}) {
            assertEquals(Normal.cdf(t), StudentT.cdf(t, Double.POSITIVE_INFINITY));
        }
        assertEquals(Normal.twoSidedCritical(0.95), StudentT.twoSidedCritical(0.95, Double.POSITIVE_INFINITY));
    }

    @Test
    void edgesAndInvalidArguments() {
        assertEquals(0.5, StudentT.cdf(0, 3.5));
        assertEquals(0.0, StudentT.cdf(Double.NEGATIVE_INFINITY, 3));
        assertEquals(1.0, StudentT.cdf(Double.POSITIVE_INFINITY, 3));
        assertTrue(Double.isNaN(StudentT.cdf(Double.NaN, 3)));
        assertEquals(Double.NEGATIVE_INFINITY, StudentT.quantile(0, 3));
        assertEquals(Double.POSITIVE_INFINITY, StudentT.quantile(1, 3));
        assertEquals(0.0, StudentT.quantile(0.5, 3));
        assertThrows(IllegalArgumentException.class, () -> StudentT.cdf(1, 0));
        assertThrows(IllegalArgumentException.class, () -> StudentT.cdf(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(1.5, 3));
        assertThrows(IllegalArgumentException.class, () -> StudentT.twoSidedCritical(1, 3));
    }

    @Test
    void twoSidedCriticalIsTheUpperQuantile() {
        for (double df : new double[] {1, 2.5, 30, 206.6610638}) {
            double c = StudentT.twoSidedCritical(0.95, df);
            assertEquals(0.025, StudentT.survival(c, df), 1e-15);
            assertEquals(StudentT.quantile(0.975, df), c, 1e-13 * c);
        }
    }
}

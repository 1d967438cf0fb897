package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Assertions with explicit relative tolerance; NaN equals NaN, infinities must match exactly. */
public final class Approx {
    /** The tolerance of golden comparisons: 1e-9 relative. */
    public static final double REL = 1e-9;

    private Approx() {
    }

    public static void assertClose(double expected, double actual, String what) {
        assertClose(expected, actual, REL, what);
    }

    public static void assertClose(double expected, double actual, double rel, String what) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            assertEquals(expected, actual, what);
            return;
        }
        double tol = rel * Math.abs(expected) + 1e-15;
        if (!(Math.abs(expected - actual) <= tol)) {
            fail(what + ": expected " + expected + " but was " + actual + " (tolerance " + tol + ")");
        }
    }

    public static void assertArrayClose(double[] expected, double[] actual, String what) {
        if (expected.length != actual.length) {
            fail(what + ": expected " + expected.length + " points but got " + actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], actual[i], REL, what + "[" + i + "]");
        }
    }
}

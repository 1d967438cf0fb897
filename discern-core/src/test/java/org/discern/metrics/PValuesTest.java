package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Holm adjustments worked out by hand (and as R's {@code p.adjust(p, "holm")} gives them). */
class PValuesTest {
    @Test
    void holmByHand() {
        // sorted: 0.01 (x3 = 0.03), 0.02 (x2 = 0.04), 0.04 (x1 = 0.04)
        assertArrayEquals(new double[] {0.04, 0.03, 0.04}, PValues.holm(new double[] {0.04, 0.01, 0.02}), 1e-15);
        // sorted: 0.02 (x3 = 0.06), 0.03 (x2 = 0.06), 0.5
        assertArrayEquals(new double[] {0.06, 0.06, 0.5}, PValues.holm(new double[] {0.03, 0.02, 0.5}), 1e-15);
        // step-down keeps order: 0.010 x4 = 0.04, then 0.012 x3 = 0.036 is raised to 0.04
        assertArrayEquals(new double[] {0.04, 0.08, 0.04, 0.3},
                PValues.holm(new double[] {0.010, 0.04, 0.012, 0.3}), 1e-15);
        // capped at 1; NaN left out of the family
        assertArrayEquals(new double[] {0.6, Double.NaN, 0.4}, PValues.holm(new double[] {0.6, Double.NaN, 0.2}), 1e-15);
        assertArrayEquals(new double[] {1, Double.NaN, 1}, PValues.holm(new double[] {0.6, Double.NaN, 0.7}), 1e-15);
        assertArrayEquals(new double[] {}, PValues.holm(new double[] {}));
    }

    @Test
    void rejectsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> PValues.holm(new double[] {0.5, 1.5}));
    }
}

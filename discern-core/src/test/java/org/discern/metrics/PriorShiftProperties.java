package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

/**
 * What the prior-shift correction guarantees exactly (see {@link PriorShiftCalibrator}): odds
 * scaled by r1 / r0, order kept, and, with the training prior set to the mean probability, a new
 * mean between the old mean and the target (Jensen), not equal to the target.
 */
class PriorShiftProperties {

    @Property(tries = 500, seed = "20261122")
    void oddsScaleOrderKeptMeanBetween(
            @ForAll @Size(min = 2, max = 50) double[] raw,
            @ForAll @DoubleRange(min = 0.01, max = 0.99) double target) {
        double[] p = new double[raw.length];
        double mean = 0;
        for (int i = 0; i < p.length; i++) {
            // squash arbitrary doubles into (0.001, 0.999)
            double v = Double.isFinite(raw[i]) ? raw[i] : 0;
            p[i] = 0.001 + 0.998 * (0.5 + Math.atan(v) / Math.PI);
            mean += p[i];
        }
        mean /= p.length;
        PriorShiftCalibrator c = PriorShiftCalibrator.binary(mean, target);
        double[] q = c.apply(p);
        double oddsFactor = (target / mean) / ((1 - target) / (1 - mean));
        double newMean = 0;
        for (int i = 0; i < p.length; i++) {
            double expected = p[i] / (1 - p[i]) * oddsFactor;
            assertEquals(expected, q[i] / (1 - q[i]), 1e-9 * expected, "odds of " + p[i]);
            for (int j = 0; j < p.length; j++) {
                if (p[i] < p[j]) {
                    assertTrue(q[i] <= q[j], "order");
                }
            }
            newMean += q[i];
        }
        newMean /= p.length;
        double lo = Math.min(mean, target) - 1e-12;
        double hi = Math.max(mean, target) + 1e-12;
        assertTrue(newMean >= lo && newMean <= hi, "mean " + newMean + " not between " + mean + " and " + target);
    }
}

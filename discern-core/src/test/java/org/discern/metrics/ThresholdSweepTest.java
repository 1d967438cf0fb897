package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Sweeps over the hand-checked sample of {@link ThresholdsTest} (P = N = 4). */
class ThresholdSweepTest {
    private static final double[] S = {0.9, 0.8, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3};
    private static final boolean[] Y = {true, true, false, true, false, true, false, false};
    private static final OperatingPoints OP = OperatingPoints.of(S, Y);

    @Test
    void everyOperatingPoint() {
        ThresholdSweep s = ThresholdSweep.all(OP);
        assertEquals(8, s.size());
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3}, s.thresholds());
        assertArrayEquals(new double[] {0, 1, 2, 3, 3, 4, 4, 4}, s.column(ThresholdSweep.Column.TP));
        assertArrayEquals(new double[] {0, 0, 1, 1, 2, 2, 3, 4}, s.column(ThresholdSweep.Column.FP));
        assertArrayEquals(new double[] {4, 4, 3, 3, 2, 2, 1, 0}, s.column(ThresholdSweep.Column.TN));
        assertArrayEquals(new double[] {Double.NaN, 1, 2.0 / 3, 0.75, 0.6, 4.0 / 6, 4.0 / 7, 0.5}, s.precision());
        assertArrayEquals(new double[] {0, 0.125, 0.375, 0.5, 0.625, 0.75, 0.875, 1},
                s.column(ThresholdSweep.Column.FLAGGED_FRACTION));
        assertArrayEquals(new double[] {0, 0.25, 0.25, 0.5, 0.25, 0.5, 0.25, 0}, s.column(ThresholdSweep.Column.YOUDEN_J));
        // every value equals the confusion matrix at the same threshold
        for (int r = 0; r < s.size(); r++) {
            ConfusionMatrix cm = OP.confusionAt(s.value(r, ThresholdSweep.Column.THRESHOLD));
            assertEquals(cm.mcc(), s.value(r, ThresholdSweep.Column.MCC));
            assertEquals(cm.cohenKappa(), s.value(r, ThresholdSweep.Column.COHEN_KAPPA));
            assertEquals(cm.npv(), s.value(r, ThresholdSweep.Column.NPV));
            assertEquals(cm.balancedAccuracy(), s.value(r, ThresholdSweep.Column.BALANCED_ACCURACY));
        }
    }

    @Test
    void uniformGrid() {
        // max .9, min .3, 4 points: .9, .7, .5, .3 (up to rounding of .9 - j * .2)
        ThresholdSweep s = ThresholdSweep.grid(OP, 4, ThresholdSweep.Grid.UNIFORM);
        double[] t = s.thresholds();
        assertEquals(0.9, t[0]);
        assertEquals(0.3, t[3]);
        assertEquals(0.9 - (0.9 - 0.3) / 3, t[1]); // = 0.7 exactly here
        assertArrayEquals(new double[] {1, 3, 4, 4}, s.column(ThresholdSweep.Column.TP));
        ThresholdSweep one = ThresholdSweep.grid(OperatingPoints.of(new double[] {0.5, 0.5}, new boolean[] {true, false}),
                10, ThresholdSweep.Grid.UNIFORM);
        assertEquals(1, one.size());
    }

    @Test
    void quantileGrid() {
        // flagged counts by threshold: .9 1, .8 3, .7 4, .6 5, .5 6, .4 7, .3 8; shares j/4 of 8 = 2, 4, 6, 8
        ThresholdSweep s = ThresholdSweep.grid(OP, 4, ThresholdSweep.Grid.QUANTILE);
        assertArrayEquals(new double[] {0.8, 0.7, 0.5, 0.3}, s.thresholds());
        // 8 quantiles: 1..8 flagged -> .9, .8 (2 and 3), .7, .6, .5, .4, .3: the repeated .8 is listed once
        assertEquals(7, ThresholdSweep.grid(OP, 8, ThresholdSweep.Grid.QUANTILE).size());
        // 25 distinct scores, 25 quantiles: one more case flagged per row; (7 / 25) * 25 rounds up
        // to 7.000000000000001 and must not skip the row flagging exactly 7
        double[] s25 = new double[25];
        double[] expectedFp = new double[25];
        for (int i = 0; i < 25; i++) {
            s25[i] = i;
            expectedFp[i] = i + 1;
        }
        ThresholdSweep q25 = ThresholdSweep.grid(OperatingPoints.of(s25, new boolean[25]), 25, ThresholdSweep.Grid.QUANTILE);
        assertArrayEquals(expectedFp, q25.column(ThresholdSweep.Column.FP));
        assertThrows(IllegalArgumentException.class, () -> ThresholdSweep.grid(OP, 1, ThresholdSweep.Grid.UNIFORM));
        assertEquals(ThresholdSweep.Grid.QUANTILE, ThresholdSweep.Grid.parse("Quantile"));
    }
}

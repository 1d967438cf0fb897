package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The bounded summary by hand and its bad arguments. */
class ScoreHistogramTest {

    /**
     * Bins of width 0.25 over [0, 1): positives 0.9, 0.6, 0.3; negatives 0.8, 0.55, 0.1, -1 (in
     * bin 0). Bins: 0 {neg 0.1, -1}, 1 {pos 0.3}, 2 {pos 0.6, neg 0.55}, 3 {pos 0.9, neg 0.8}.
     * Pairs ordered by their bins: 0.9 beats 0.55, 0.1, -1 (3); 0.6 beats 0.1, -1 (2); 0.3 beats
     * 0.1, -1 (2): 7 of 12. Shared: (0.6, 0.55) and (0.9, 0.8): 2. Exact: 9 / 12.
     */
    @Test
    void boundsByHand() {
        double[] s = {0.9, 0.6, 0.3, 0.8, 0.55, 0.1, -1};
        boolean[] y = {true, true, true, false, false, false, false};
        ScoreHistogram h = ScoreHistogram.of(s, y, null, 0, 1, 4);
        ScoreHistogram.AucBounds a = h.rocAuc();
        assertEquals(7.0 / 12, a.lower(), 1e-15);
        assertEquals(9.0 / 12, a.upper(), 1e-15);
        assertEquals(8.0 / 12, a.estimate(), 1e-15);
        assertEquals(2.0 / 12, a.width(), 1e-15);
        assertEquals(9.0 / 12, BinaryEvaluation.of(s, y).rocAuc(), 1e-15);
        assertEquals(2, h.negativeWeight(0));
        assertEquals(7, h.rows());
        assertEquals(3, h.binOf(5.0));
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScoreHistogram.empty(1, 1, 4));
        assertEquals("lower and upper must be finite with lower < upper, got 1.0 and 1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ScoreHistogram.empty(0, 1, 0));
        assertEquals("bins must be >= 1, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ScoreHistogram.empty(0, 1, 4).merge(ScoreHistogram.empty(0, 1, 5)));
        assertEquals("histograms with other bins cannot be merged: [0.0, 1.0) in 4 bins and [0.0, 1.0) in 5 bins",
                e.getMessage());
        assertEquals(true, Double.isNaN(ScoreHistogram.empty(0, 1, 3).rocAuc().estimate()));
    }
}

package org.discern.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PriorCorrectionTest {

    @Test
    void balancedTrainingBackToOnePercent() {
        PriorCorrection c = new PriorCorrection(0.5, 0.01);
        // r1 = 0.02, r0 = 1.98: p = 0.5 -> 0.02 / (0.02 + 1.98) = 0.01
        assertEquals(0.01, c.apply(0.5), 1e-15);
        assertEquals(0.9 * 0.02 / (0.9 * 0.02 + 0.1 * 1.98), c.apply(0.9), 1e-15);
        assertEquals(0, c.apply(0), 0);
        assertEquals(1, c.apply(1), 0);
        assertFalse(new PriorCorrection(0.3, 0.3).needed());
        assertEquals(0.42, new PriorCorrection(0.3, 0.3).apply(0.42), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> new PriorCorrection(0, 0.1));
    }
}

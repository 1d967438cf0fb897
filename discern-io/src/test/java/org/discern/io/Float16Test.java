package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Float16Test {
    /** The IEEE 754 binary16 definition, evaluated in double arithmetic (exact for every value). */
    private static double definition(int bits) {
        int sign = (bits >> 15) & 1;
        int exponent = (bits >> 10) & 0x1F;
        int significand = bits & 0x3FF;
        double magnitude = exponent == 0 ? significand * Math.pow(2, -24)
                : (1 + significand / 1024.0) * Math.pow(2, exponent - 15);
        return sign == 1 ? -magnitude : magnitude;
    }

    @Test
    void everyBitPatternMatchesTheDefinition() {
        for (int bits = 0; bits < 1 << 16; bits++) {
            float f = Float16.toFloat((short) bits);
            int exponent = (bits >> 10) & 0x1F;
            if (exponent == 0x1F) {
                if ((bits & 0x3FF) == 0) {
                    assertEquals((bits & 0x8000) == 0 ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY, f);
                } else {
                    assertTrue(Float.isNaN(f), Integer.toHexString(bits));
                }
                continue;
            }
            double expected = definition(bits);
            assertEquals(expected, (double) f, 0.0, Integer.toHexString(bits));
            // signed zero keeps its sign
            assertEquals(Math.copySign(1.0, expected), Math.copySign(1.0, f), Integer.toHexString(bits));
        }
    }

    @Test
    void knownValues() {
        assertEquals(1.0f, Float16.toFloat((short) 0x3C00));
        assertEquals(65504f, Float16.toFloat((short) 0x7BFF));
        assertEquals(0x1p-24f, Float16.toFloat((short) 0x0001));
        assertEquals(0x1p-14f, Float16.toFloat((short) 0x0400));
        assertEquals(-2f, Float16.toFloat((short) 0xC000));
        assertEquals(0.333251953125f, Float16.toFloat((short) 0x3555));
    }
}

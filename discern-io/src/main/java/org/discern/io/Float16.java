package org.discern.io;

/**
 * IEEE 754 binary16 ("half precision", NumPy's {@code float16}) to {@code float}, exactly. Java 17
 * has no {@code Float.float16ToFloat} (it arrived in Java 20). Every binary16 value, subnormals
 * included, is exactly representable as a {@code float}; infinities keep their sign and NaNs stay
 * NaN (their payload shifted into the float's significand).
 */
public final class Float16 {
    private Float16() {
    }

    /**
     * The float of the binary16 bit pattern {@code bits} (the low 16 bits are used).
     *
     * @param bits sign (bit 15), exponent (bits 10-14, bias 15), significand (bits 0-9)
     * @return the same value as a float
     */
    public static float toFloat(short bits) {
        int h = bits & 0xFFFF;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1F;
        int significand = h & 0x3FF;
        if (exponent == 0x1F) {
            // infinity (significand 0) or NaN
            return Float.intBitsToFloat(sign | 0x7F80_0000 | (significand << 13));
        }
        if (exponent == 0) {
            // zero or subnormal: significand * 2^-24, exact because significand < 2^10
            float magnitude = significand * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        // normal: rebias the exponent from 15 to 127, widen the significand from 10 to 23 bits
        return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (significand << 13));
    }
}

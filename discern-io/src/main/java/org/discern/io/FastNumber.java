package org.discern.io;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

/**
 * The number parser of the chunked reader: a finite decimal number in a byte range, exactly the
 * double {@link Double#parseDouble} gives, or NaN for anything else (the caller then declines and
 * the sequential reader names the problem).
 *
 * <p>One pass checks the plain decimal syntax ({@code [+-]digits[.digits][(e|E)[+-]digits]}, at
 * least one mantissa digit, ASCII white space around it) and gathers the mantissa. When it has at
 * most 15 significant digits and the decimal exponent is within [-22, 22], the value is one
 * multiplication or division of two exactly representable doubles, which IEEE 754 rounds
 * correctly (Clinger's fast path); every other number goes to FastDoubleParser.
 */
final class FastNumber {
    /** 10^0 .. 10^22: every one exactly representable as a double. */
    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    /** Significant digits below 2^53 for sure. */
    private static final int FAST_DIGITS = 15;

    private FastNumber() {
    }

    /**
     * The finite number in {@code b[from, to)} (ASCII white space around it allowed, as the
     * sequential reader strips it), or NaN when the text is not a plain decimal number or its
     * value is not finite.
     */
    static double number(byte[] b, int from, int to) {
        while (from < to && isSpace(b[from])) {
            from++;
        }
        while (to > from && isSpace(b[to - 1])) {
            to--;
        }
        int p = from;
        boolean negative = false;
        if (p < to && (b[p] == '+' || b[p] == '-')) {
            negative = b[p] == '-';
            p++;
        }
        long mantissa = 0;
        int significant = 0; // digits gathered into the mantissa, leading zeros not counted
        int digits = 0;
        int scale = 0; // digits after the point
        boolean point = false;
        for (; p < to; p++) {
            int d = b[p] - '0';
            if (d >= 0 && d <= 9) {
                digits++;
                if (point) {
                    scale++;
                }
                if (mantissa != 0 || d != 0) {
                    significant++;
                    if (significant <= FAST_DIGITS) {
                        mantissa = mantissa * 10 + d;
                    }
                }
            } else if (b[p] == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        long exponent = 0;
        if (p < to && (b[p] == 'e' || b[p] == 'E')) {
            p++;
            boolean minus = false;
            if (p < to && (b[p] == '+' || b[p] == '-')) {
                minus = b[p] == '-';
                p++;
            }
            int start = p;
            for (; p < to && b[p] >= '0' && b[p] <= '9'; p++) {
                if (exponent < 1_000_000) {
                    exponent = exponent * 10 + (b[p] - '0');
                }
            }
            if (p == start) {
                return Double.NaN;
            }
            exponent = minus ? -exponent : exponent;
        }
        if (p != to) {
            return Double.NaN;
        }
        if (significant <= FAST_DIGITS) {
            if (mantissa == 0) {
                return negative ? -0.0 : 0.0;
            }
            long e = exponent - scale;
            if (e >= -22 && e <= 22) {
                double v = e >= 0 ? mantissa * POWERS[(int) e] : mantissa / POWERS[(int) -e];
                return negative ? -v : v;
            }
        }
        double v = JavaDoubleParser.parseDouble(b, from, to - from);
        return Double.isInfinite(v) ? Double.NaN : v;
    }

    /** The ASCII characters {@link String#strip()} removes. */
    static boolean isSpace(byte x) {
        return x == ' ' || x == '\t' || x >= 0x0a && x <= 0x0d || x >= 0x1c && x <= 0x1f;
    }
}

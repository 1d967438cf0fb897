package org.discern.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

/**
 * The number parser of the chunked reader: a finite decimal number in a byte range, exactly the
 * double {@link Double#parseDouble} gives, or NaN for anything else (the caller then declines and
 * the sequential reader names the problem).
 *
 * <p>One pass checks the plain decimal syntax ({@code [+-]digits[.digits][(e|E)[+-]digits]}, at
 * least one mantissa digit, ASCII white space around it) and gathers the mantissa, eight digits at
 * a time where it can. Three ways to the double, each correctly rounded:
 * <ul>
 * <li>a mantissa of at most 2^53 and a decimal exponent within [-22, 22]: one multiplication or
 *     division of two exactly representable doubles, which IEEE 754 rounds correctly (Clinger's
 *     fast path);</li>
 * <li>otherwise, up to 19 significant digits: the Eisel-Lemire algorithm (D. Lemire, "Number
 *     Parsing at a Gigabyte per Second", Software: Practice and Experience 51(8), 2021; the form
 *     of Go's strconv and Wuffs): the mantissa times a 128-bit truncated power of ten
 *     ({@link FastNumberTable}), which answers "don't know" when the truncation could change
 *     the rounding, on a product exactly halfway between two doubles, and on subnormal or
 *     infinite results;</li>
 * <li>everything else (more than 19 significant digits, those "don't know"s, exponents beyond
 *     the table) goes to FastDoubleParser.</li>
 * </ul>
 */
final class FastNumber {
    /** 10^0 .. 10^22: every one exactly representable as a double. */
    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    /** Mantissas below this (2^53) are exact doubles (Clinger's fast path). */
    private static final long EXACT_MANTISSA = 1L << 53;
    /** Significant digits that fit an unsigned 64-bit mantissa for sure (10^19 < 2^64). */
    private static final int MAX_DIGITS = 19;
    /** The decimal exponents of the table of powers of ten (both inclusive). */
    static final int MIN_EXP10 = FastNumberTable.MIN_EXP10;
    static final int MAX_EXP10 = FastNumberTable.MAX_EXP10;
    /** 10^q as 128-bit mantissas rounded down ({@link FastNumberTable}). */
    private static final long[] POWERS_OF_TEN = FastNumberTable.POWERS_OF_TEN;
    /** Eight bytes of a byte array as one little-endian long. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

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
        int[] end = new int[1];
        double v = prefix(b, from, to, end);
        return end[0] == to ? v : Double.NaN;
    }

    /**
     * The number at the start of {@code b[from, to)}, read as far as the plain decimal syntax goes
     * (no white space skipped): its value, with the index after it in {@code end[0]}; or NaN when
     * it has no mantissa digit, an exponent mark without digits, or a value that is not finite.
     * When the number is the whole of {@code b[from, end[0])}, its value is that of
     * {@link #number} on that range.
     */
    static double prefix(byte[] b, int from, int to, int[] end) {
        int p = from;
        boolean negative = false;
        if (p < to && (b[p] == '+' || b[p] == '-')) {
            negative = b[p] == '-';
            p++;
        }
        int start = p;
        long mantissa = 0; // modulo 2^64: exact while at most 19 digits are significant
        while (p + 8 <= to) {
            long w = (long) LONGS.get(b, p);
            if (!eightDigits(w)) {
                break;
            }
            mantissa = mantissa * 100_000_000 + eightDigitsValue(w);
            p += 8;
        }
        for (int d; p < to && (d = b[p] - '0') >= 0 && d <= 9; p++) {
            mantissa = mantissa * 10 + d;
        }
        int digits = p - start;
        int scale = 0; // digits after the point
        if (p < to && b[p] == '.') {
            p++;
            int f = p;
            while (p + 8 <= to) {
                long w = (long) LONGS.get(b, p);
                if (!eightDigits(w)) {
                    break;
                }
                mantissa = mantissa * 100_000_000 + eightDigitsValue(w);
                p += 8;
            }
            for (int d; p < to && (d = b[p] - '0') >= 0 && d <= 9; p++) {
                mantissa = mantissa * 10 + d;
            }
            scale = p - f;
            digits += scale;
        }
        if (digits == 0) {
            return Double.NaN;
        }
        int mantissaEnd = p;
        long exponent = 0;
        if (p < to && (b[p] == 'e' || b[p] == 'E')) {
            p++;
            boolean minus = false;
            if (p < to && (b[p] == '+' || b[p] == '-')) {
                minus = b[p] == '-';
                p++;
            }
            int e = p;
            for (; p < to && b[p] >= '0' && b[p] <= '9'; p++) {
                if (exponent < 1_000_000) {
                    exponent = exponent * 10 + (b[p] - '0');
                }
            }
            if (p == e) {
                return Double.NaN;
            }
            exponent = minus ? -exponent : exponent;
        }
        end[0] = p;
        if (digits > MAX_DIGITS && digits - leadingZeros(b, start, mantissaEnd) > MAX_DIGITS) {
            return parsed(b, from, p);
        }
        if (mantissa == 0) {
            return negative ? -0.0 : 0.0;
        }
        long e10 = exponent - scale;
        if (e10 >= -22 && e10 <= 22 && mantissa > 0 && mantissa <= EXACT_MANTISSA) {
            double v = e10 >= 0 ? mantissa * POWERS[(int) e10] : mantissa / POWERS[(int) -e10];
            return negative ? -v : v;
        }
        if (e10 >= MIN_EXP10 && e10 <= MAX_EXP10) {
            long bits = eiselLemire(mantissa, (int) e10);
            if (bits >= 0) {
                return Double.longBitsToDouble(negative ? bits | Long.MIN_VALUE : bits);
            }
        }
        return parsed(b, from, p);
    }

    /** FastDoubleParser on {@code b[from, to)}; NaN for an infinite value. */
    private static double parsed(byte[] b, int from, int to) {
        double v = JavaDoubleParser.parseDouble(b, from, to - from);
        return Double.isInfinite(v) ? Double.NaN : v;
    }

    /** The zeros before the first nonzero digit of the mantissa {@code b[from, to)} (digits and a point). */
    private static int leadingZeros(byte[] b, int from, int to) {
        int zeros = 0;
        for (int i = from; i < to && (b[i] == '0' || b[i] == '.'); i++) {
            zeros += b[i] == '0' ? 1 : 0;
        }
        return zeros;
    }

    /** Whether all eight bytes of {@code w} are ASCII digits. */
    private static boolean eightDigits(long w) {
        return ((w + 0x4646464646464646L | w - 0x3030303030303030L) & 0x8080808080808080L) == 0;
    }

    /** The value of eight ASCII digits, the first in the lowest byte of {@code w}. */
    private static long eightDigitsValue(long w) {
        w -= 0x3030303030303030L;
        w = w * 10 + (w >>> 8); // pairs of digits in every other byte
        long mask = 0x000000FF000000FFL;
        long mul1 = 0x000F424000000064L; // 100 + (1000000 << 32)
        long mul2 = 0x0000271000000001L; // 1 + (10000 << 32)
        return ((w & mask) * mul1 + (w >>> 16 & mask) * mul2) >>> 32;
    }

    /**
     * The bits of the double nearest to {@code mantissa * 10^e10} ({@code mantissa} unsigned and
     * nonzero, {@code e10} within the table), or -1 for "don't know": the truncated power of ten
     * leaves the rounding open, the product is exactly halfway, or the result is subnormal or
     * infinite. The steps and their names follow Go's strconv (eisel_lemire.go).
     */
    static long eiselLemire(long mantissa, int e10) {
        // normalization
        int clz = Long.numberOfLeadingZeros(mantissa);
        long man = mantissa << clz;
        long retExp2 = ((217706L * e10) >> 16) + 64 + 1023 - clz;
        // multiplication
        int i = 2 * (e10 - MIN_EXP10);
        long powHi = POWERS_OF_TEN[i];
        long xHi = unsignedMultiplyHigh(man, powHi);
        long xLo = man * powHi;
        // wider approximation: the truncated bits of the power add less than man to xLo
        if ((xHi & 0x1FF) == 0x1FF && Long.compareUnsigned(xLo + man, man) < 0) {
            long powLo = POWERS_OF_TEN[i + 1];
            long yHi = unsignedMultiplyHigh(man, powLo);
            long yLo = man * powLo;
            long mergedHi = xHi;
            long mergedLo = xLo + yHi;
            if (Long.compareUnsigned(mergedLo, xLo) < 0) {
                mergedHi++;
            }
            if ((mergedHi & 0x1FF) == 0x1FF && mergedLo + 1 == 0 && Long.compareUnsigned(yLo + man, man) < 0) {
                return -1;
            }
            xHi = mergedHi;
            xLo = mergedLo;
        }
        // shifting to 54 bits
        int msb = (int) (xHi >>> 63);
        long retMantissa = xHi >>> (msb + 9);
        retExp2 -= 1 ^ msb;
        // half-way ambiguity
        if (xLo == 0 && (xHi & 0x1FF) == 0 && (retMantissa & 3) == 1) {
            return -1;
        }
        // from 54 to 53 bits
        retMantissa += retMantissa & 1;
        retMantissa >>>= 1;
        if (retMantissa >>> 53 > 0) {
            retMantissa >>>= 1;
            retExp2++;
        }
        if (retExp2 <= 0 || retExp2 >= 0x7FF) {
            return -1; // subnormal or infinite
        }
        return retExp2 << 52 | retMantissa & 0x000F_FFFF_FFFF_FFFFL;
    }

    /** The high 64 bits of the unsigned 128-bit product of {@code a} and {@code b}. */
    private static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + (a >> 63 & b) + (b >> 63 & a);
    }

    /** The ASCII characters {@link String#strip()} removes. */
    static boolean isSpace(byte x) {
        return x == ' ' || x == '\t' || x >= 0x0a && x <= 0x0d || x >= 0x1c && x <= 0x1f;
    }
}

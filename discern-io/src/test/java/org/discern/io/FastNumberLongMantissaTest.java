package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link FastNumber} on numbers of 16 to 19 significant digits (as pandas and NumPy write every
 * score: 17 digits), which go through its Eisel-Lemire path: bit for bit the double of
 * {@link Double#parseDouble}, on random strings, on strings at and next to the exact midpoints
 * between two doubles, and on the edges (subnormals, 2^53 + 1, the largest double, overflow).
 */
class FastNumberLongMantissaTest {
    private static double parse(String s) {
        byte[] b = ("7," + s + ",7").getBytes(StandardCharsets.UTF_8);
        return FastNumber.number(b, 2, b.length - 2);
    }

    /** Bit for bit as Double.parseDouble, or declined (NaN) where that is infinite. */
    private static void same(String s) {
        double expected = Double.parseDouble(s);
        double got = parse(s);
        if (Double.isInfinite(expected)) {
            assertTrue(Double.isNaN(got), () -> s + ": overflow must be declined, got " + got);
            return;
        }
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(got),
                () -> s + ": expected " + expected + ", got " + got);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // 2^53 - 1 .. 2^53 + 3: 2^53 + 1 and 2^53 + 3 are exactly halfway (ties to even)
        "9007199254740991", "9007199254740992", "9007199254740993", "9007199254740994", "9007199254740995",
        "9007199254740993.000", "9007199254740992.999", "9007199254740993.001", "900719925474099.3e1",
        "0.9007199254740993e16", "18014398509481985", "18014398509481986", "18014398509481987",
        // exact midpoints with fractions: 2^52 + 0.5 and 2^49 + 1/16
        "4503599627370496.5", "4503599627370497.5", "562949953421312.0625", "562949953421312.1875",
        // the largest double and beyond (overflow declined)
        "1.7976931348623157e308", "1.797693134862315708e308", "1.797693134862315807e308",
        "1.7976931348623158e308", "1.7976931348623159e308", "1797693134862315708e290", "9999999999999999999e290",
        "1e309", "-1.7976931348623157e308", "-1.7976931348623159e308",
        // the smallest normal and subnormals (Eisel-Lemire declines them; the answer must not change)
        "2.2250738585072014e-308", "2.2250738585072011e-308", "2.2250738585072012e-308",
        "2.225073858507201136e-308", "2.2250738585072009e-308", "4.9406564584124654e-324",
        "2.4703282292062327e-324", "2.4703282292062328e-324", "1.2345678901234567e-320", "-4.9406564584124654e-324",
        "1.0000000000000000e-330", "1234567890123456789e-343",
        // signs, points and marks
        "-0", "+0", "-0.0000000000000000000", "+.5", "-.5", "1E-3", "1e-3", "+1.0000000000000002", "-1.0000000000000002",
        ".12345678901234567", "12345678901234567.", "+.1234567890123456789E+10", "-1234567890123456789E-10",
        // 19 and 20 significant digits (20 go to FastDoubleParser), 2^64 - 1 and 2^64
        "1234567890123456789", "9999999999999999999", "9999999999999999999e-19", "1000000000000000000",
        "12345678901234567890", "18446744073709551615", "18446744073709551616", "99999999999999999999",
        "0.00000000000000000001234567890123456789", "0.000000000000000000012345678901234567891",
        // Python repr of typical scores
        "0.35718421795863376", "0.9999999999999999", "0.99999999999999989", "1.0000000000000000",
        "0.10000000000000001", "0.30000000000000004", "2.220446049250313e-16", "0.1000000000000000055511151231257827"})
    void agreesWithParseDoubleOnEdgeCases(String s) {
        same(s);
    }

    /** Random strings of 16 to 19 significant digits: random exponents, leading zeros, points, signs, marks. */
    @Test
    void agreesWithParseDoubleOnAMillionRandomLongMantissas() {
        SplittableRandom r = new SplittableRandom(20261206L);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1_000_000; i++) {
            sb.setLength(0);
            int sign = r.nextInt(4);
            if (sign == 0) {
                sb.append('-');
            } else if (sign == 1) {
                sb.append('+');
            }
            int zeros = r.nextInt(4) == 0 ? r.nextInt(1, 6) : 0;
            int n = r.nextInt(16, 20);
            char[] digits = new char[zeros + n];
            for (int j = 0; j < zeros; j++) {
                digits[j] = '0';
            }
            int style = r.nextInt(4); // runs of nines or zeros sit next to the powers of ten
            for (int j = zeros; j < digits.length; j++) {
                int d = style == 0 ? 9 : style == 1 && j > zeros + 1 ? 0 : r.nextInt(10);
                digits[j] = (char) ('0' + d);
            }
            if (digits[zeros] == '0') {
                digits[zeros] = (char) ('1' + r.nextInt(9));
            }
            if (style <= 1 && r.nextBoolean()) {
                digits[digits.length - 1] = (char) ('0' + r.nextInt(10));
            }
            int point = r.nextInt(5) == 0 ? -1 : r.nextInt(digits.length + 1);
            for (int j = 0; j <= digits.length; j++) {
                if (j == point) {
                    sb.append('.');
                }
                if (j < digits.length) {
                    sb.append(digits[j]);
                }
            }
            if (r.nextInt(3) > 0) {
                int e = r.nextInt(-345, 312);
                sb.append(r.nextBoolean() ? 'e' : 'E');
                if (e >= 0 && r.nextBoolean()) {
                    sb.append('+');
                }
                sb.append(e);
            }
            same(sb.toString());
        }
    }

    /**
     * Random doubles (all exponents) written with 16 to 19 significant digits, rounded down, up or
     * to nearest: the decimal neighbours of every double.
     */
    @Test
    void agreesWithParseDoubleOnDoublesWrittenWithLongMantissas() {
        SplittableRandom r = new SplittableRandom(7L);
        RoundingMode[] modes = {RoundingMode.DOWN, RoundingMode.UP, RoundingMode.HALF_EVEN};
        for (int i = 0; i < 100_000; i++) {
            double d = Double.longBitsToDouble(r.nextLong() & Long.MAX_VALUE);
            if (!Double.isFinite(d) || d == 0) {
                continue;
            }
            BigDecimal x = new BigDecimal(d);
            for (int digits = 16; digits <= 19; digits++) {
                String s = x.round(new MathContext(digits, modes[r.nextInt(modes.length)])).toString();
                same(s);
                same("-" + s);
            }
        }
    }

    /**
     * The exact midpoints between neighbouring doubles that have at most 19 significant digits
     * (tie to even), and one unit more and less in their 17th, 18th and 19th significant digit;
     * and the midpoints of any double, cut to 17 to 19 digits just below and above.
     */
    @Test
    void roundsHalfwayCasesLikeParseDouble() {
        SplittableRandom r = new SplittableRandom(53L);
        int exact = 0;
        for (int i = 0; i < 100_000; i++) {
            double d = i % 2 == 0
                    ? (double) r.nextLong(1L << 40, Long.MAX_VALUE) // midpoints of at most 19 digits
                    : Double.longBitsToDouble(r.nextLong(0x0010_0000_0000_0000L, 0x7FEF_FFFF_FFFF_FFFFL));
            BigDecimal mid = new BigDecimal(d).add(new BigDecimal(Math.nextUp(d))).divide(BigDecimal.valueOf(2));
            if (mid.precision() <= 19) {
                exact++;
                same(mid.toPlainString());
                same(mid.toString());
                int top = mid.precision() - mid.scale() - 1; // the decimal exponent of the first digit
                for (int digit = 17; digit <= 19; digit++) {
                    BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(top - digit + 1);
                    same(mid.add(unit).toPlainString());
                    same(mid.subtract(unit).toPlainString());
                }
            } else {
                for (int digits = 17; digits <= 19; digits++) {
                    same(mid.round(new MathContext(digits, RoundingMode.DOWN)).toString());
                    same(mid.round(new MathContext(digits, RoundingMode.UP)).toString());
                }
            }
        }
        assertTrue(exact > 10_000, "exact midpoints tested: " + exact);
    }

    /**
     * Every entry of the literal table is 10^q as 128 bits rounded down, most significant bit set:
     * 5^q shifted to 128 bits (q &gt;= 0), floor(2^(b + 127) / 5^-q) with b the bit length of 5^-q
     * (q &lt; 0); recomputed exactly.
     */
    @Test
    void theTableHoldsThePowersOfTenRoundedDown() {
        long[] t = FastNumberTable.POWERS_OF_TEN;
        assertEquals(2 * (FastNumberTable.MAX_EXP10 - FastNumberTable.MIN_EXP10 + 1), t.length);
        for (int q = FastNumberTable.MIN_EXP10; q <= FastNumberTable.MAX_EXP10; q++) {
            BigInteger power = BigInteger.valueOf(5).pow(Math.abs(q));
            int bits = power.bitLength();
            BigInteger m;
            if (q >= 0) {
                m = bits >= 128 ? power.shiftRight(bits - 128) : power.shiftLeft(128 - bits);
            } else {
                m = BigInteger.ONE.shiftLeft(bits + 127).divide(power);
            }
            assertEquals(128, m.bitLength(), "1e" + q);
            int i = 2 * (q - FastNumberTable.MIN_EXP10);
            assertEquals(m.shiftRight(64).longValue(), t[i], "high bits of 1e" + q);
            assertEquals(m.longValue(), t[i + 1], "low bits of 1e" + q);
            // rounded down, with the exponent Eisel-Lemire assumes: m 2^e2 <= 10^q < (m + 1) 2^e2
            int e2 = (int) ((217706L * q) >> 16) - 127;
            assertTrue(compare(m, e2, q) <= 0, "1e" + q);
            assertTrue(compare(m.add(BigInteger.ONE), e2, q) > 0, "1e" + q);
        }
    }

    /** The sign of {@code m 2^e2 - 10^q}, exactly. */
    private static int compare(BigInteger m, int e2, int q) {
        BigInteger left = e2 >= 0 ? m.shiftLeft(e2) : m;
        BigInteger right = e2 >= 0 ? BigInteger.ONE : BigInteger.ONE.shiftLeft(-e2);
        if (q >= 0) {
            right = right.multiply(BigInteger.TEN.pow(q));
        } else {
            left = left.multiply(BigInteger.TEN.pow(-q));
        }
        return left.compareTo(right);
    }

    /**
     * The Eisel-Lemire step itself, on every 64-bit mantissa (up to 20 digits) and decimal
     * exponent of its table: when it answers, the correctly rounded double; and it answers for
     * nearly all of them (the fast path is not silently lost).
     */
    @Test
    void eiselLemireAnswersCorrectlyOrNotAtAll() {
        SplittableRandom r = new SplittableRandom(2021L);
        int answered = 0;
        int ambiguous = 0;
        int tries = 200_000;
        for (int i = 0; i < tries; i++) {
            long m = r.nextInt(3) == 0 ? r.nextLong() : r.nextLong(1, 10_000_000_000_000_000L);
            if (m == 0) {
                continue;
            }
            int e10 = r.nextInt(FastNumber.MIN_EXP10, FastNumber.MAX_EXP10 + 1);
            long bits = FastNumber.eiselLemire(m, e10);
            String s = Long.toUnsignedString(m) + "e" + e10;
            double expected = Double.parseDouble(s);
            if (bits >= 0) {
                answered++;
                assertEquals(Double.doubleToRawLongBits(expected), bits, s);
            } else if (expected >= Double.MIN_NORMAL && expected <= Double.MAX_VALUE) {
                ambiguous++; // a normal double, declined: the truncated power left the rounding open
            }
        }
        // a random exponent of the table gives zero, a subnormal or infinity about 1 time in 9
        assertTrue(answered > tries * 8 / 10, "answered " + answered + " of " + tries);
        // (mostly values a double holds exactly, times a negative power of ten: the truncated
        // power puts the product just below, and only the slow path can tell it is exact)
        assertTrue(ambiguous <= tries / 1_000, "declined normal doubles: " + ambiguous);
    }
}

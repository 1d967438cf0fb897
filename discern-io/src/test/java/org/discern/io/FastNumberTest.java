package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The number parser of the chunked reader ({@link FastNumber#number}): on every string it
 * accepts, the same double (bit for bit) as {@link Double#parseDouble}; everything else (NaN and
 * infinity spellings, Java-only syntax, overflow) is declined with NaN so the sequential reader
 * reports it.
 */
class FastNumberTest {
    private static double parse(String s) {
        byte[] b = ("xx" + s + "yy").getBytes(StandardCharsets.UTF_8);
        return FastNumber.number(b, 2, b.length - 2);
    }

    private static void same(String s) {
        double expected = Double.parseDouble(s.strip());
        double got = parse(s);
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(got),
                () -> s + ": expected " + expected + ", got " + got);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "+0", "-0.0", "0.0e0", "+.5", "-.5", ".5", "5.", "1E-3", "1e-3", "1e+3",
        "1E3", "007", "0.1", "0.30000000000000004", "3.141592653589793238462643383279502884197",
        "4.9e-324", "4.9E-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "2.2250738585072011e-308",
        "2.2250738585072012e-308", "2.225073858507201e-308", "1.7976931348623157e308", "1.7976931348623158e308",
        "9007199254740993", "9007199254740992.5", "123456789012345678901234567890",
        "0.000000000000000000000000000000000000000000001", "1e-400", "0e999999999999", "1e-99999999999",
        "  0.25 ", "\t0.75", "0.5\r", "1.00000000000000011102230246251565404236316680908203125",
        "1.00000000000000011102230246251565404236316680908203124",
        "1.00000000000000011102230246251565404236316680908203126", "6.02214076e23", "-1.5e-10"})
    void agreesWithParseDoubleOnEdgeCases(String s) {
        same(s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "nan", "NaN", "inf", "-inf", "+inf", "Infinity", "-Infinity", "INF", "1e400",
        "-1e400", "1.7976931348623159e308", "1d", "2f", "1.0D", "0x1p3", "1e", "1e+", ".", "+", "-", "e5", ".e5",
        "1..2", "1.2.3", "--1", "+-1", "1 2", "abc", "1,5", "١", "0.5\u00a0", "1_000"})
    void declinesWhatIsNotAFinitePlainDecimal(String s) {
        assertTrue(Double.isNaN(parse(s)), s);
    }

    @Test
    void agreesWithParseDoubleOnAMillionRandomStrings() {
        SplittableRandom r = new SplittableRandom(20261205L);
        for (int i = 0; i < 1_000_000; i++) {
            String s;
            switch (r.nextInt(9)) {
                case 0 -> s = Double.toString(Double.longBitsToDouble(r.nextLong()));
                case 1 -> s = Double.toString(r.nextDouble());
                case 2 -> s = String.format(Locale.ROOT, "%." + r.nextInt(1, 25) + "g", r.nextDouble() * 1e6);
                case 3 -> s = randomDigits(r);
                case 4 -> s = String.format(Locale.ROOT, "%.17e", Double.longBitsToDouble(r.nextLong()));
                case 5 -> s = (r.nextBoolean() ? "-" : "") + r.nextLong(1L << 53) + "e" + (r.nextInt(700) - 350);
                case 6 -> s = Float.toString(Float.intBitsToFloat(r.nextInt()));
                case 7 -> s = Float.toString(r.nextFloat());
                default -> s = shortDecimal(r);
            }
            double expected = Double.parseDouble(s);
            if (!Double.isFinite(expected)) {
                assertTrue(Double.isNaN(parse(s)), s);
            } else {
                same(s);
            }
        }
    }

    /**
     * What the fast path takes (up to 15 significant digits, decimal exponent within 22 of the
     * point) and its borders (16 digits, exponents just beyond): written as CSV writers do.
     */
    private static String shortDecimal(SplittableRandom r) {
        int digits = r.nextInt(1, 17);
        long mantissa = r.nextLong(1, (long) Math.pow(10, digits));
        String m = Long.toString(mantissa);
        int point = r.nextInt(m.length() + 1);
        String zeros = "0".repeat(r.nextInt(4));
        String text = point == 0 ? "0." + zeros + m : m.substring(0, point) + "." + m.substring(point);
        if (r.nextInt(3) == 0) {
            text += "e" + r.nextInt(-26, 27);
        }
        return (r.nextInt(4) == 0 ? "-" : "") + text;
    }

    /** Up to 40 significant digits, a point anywhere, an exponent sometimes: near-halfway cases. */
    private static String randomDigits(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(4) == 0) {
            sb.append(r.nextBoolean() ? '-' : '+');
        }
        int n = r.nextInt(1, 41);
        int point = r.nextInt(n + 1);
        for (int i = 0; i < n; i++) {
            if (i == point) {
                sb.append('.');
            }
            sb.append((char) ('0' + r.nextInt(10)));
        }
        if (r.nextBoolean()) {
            sb.append(r.nextBoolean() ? 'e' : 'E').append(r.nextInt(-330, 310));
        }
        return sb.toString();
    }
}

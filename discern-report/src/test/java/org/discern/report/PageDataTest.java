package org.discern.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The page data's number text. */
class PageDataTest {

    /** What the page wrote before: "%.7g", trailing zeros of the fraction dropped. */
    static String formatted(double v) {
        if (!Double.isFinite(v)) {
            return "null";
        }
        if (v == 0 || v == 1) {
            return v == 0 ? "0" : "1";
        }
        String s = String.format(java.util.Locale.ROOT, "%.7g", v);
        int e = s.indexOf('e');
        String mant = e < 0 ? s : s.substring(0, e);
        String exp = e < 0 ? "" : s.substring(e);
        if (mant.indexOf('.') >= 0) {
            mant = mant.replaceAll("0+$", "");
            if (mant.endsWith(".")) {
                mant = mant.substring(0, mant.length() - 1);
            }
        }
        return mant + exp;
    }

    /** Coordinates are written as Formatter's "%.7g" writes them, for rates, tiny rates, halves and large values. */
    @Test
    void coordinatesAreFormattersSevenSignificantDigits() {
        SplittableRandom r = new SplittableRandom(7);
        double[] fixed = {0.5, 0.25, 1e-4, 9.9999995e-5, 0.00009999999, 0.99999995, 0.999999949, 1.0000005, 1e-7,
            1.2345e-5, 123.4567, 9999999.5, 1e7, 1e-300, Double.MIN_VALUE, -0.125, -3.25e-6, 0.1 + 0.2, 2.5e-5,
            0.0001234565, 0.1234565, 0.12345650000000001, Double.NaN, Double.POSITIVE_INFINITY, 0, 1};
        for (double v : fixed) {
            assertEquals(formatted(v), PageData.coordinate(v), "v = " + v);
        }
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 4) {
                case 0 -> r.nextDouble();
                case 1 -> r.nextDouble() * Math.pow(10, -r.nextInt(12));
                case 2 -> Math.round(r.nextDouble() * 1e6) / 1e6;
                default -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(20) - 10);
            };
            assertEquals(formatted(v), PageData.coordinate(v), "v = " + v);
        }
    }
}

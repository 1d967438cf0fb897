package org.discern.report.internal;

import java.util.Locale;

/** Locale-independent number formatting (the same text in every locale and run). */
public final class Fmt {
    private Fmt() {
    }

    /** {@code v} with {@code decimals} digits after the point; "NaN", "Infinity" as Java writes them. */
    public static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "NaN" : (v > 0 ? "Infinity" : "-Infinity");
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        // "-0.000" reads as a bug
        if (s.startsWith("-") && s.chars().allMatch(c -> c == '-' || c == '0' || c == '.')) {
            s = s.substring(1);
        }
        return s;
    }

    /** A count: integers without a fraction, weighted sums with up to 4 decimals. */
    public static String count(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = fixed(v, 4);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** A count with thousands separators ("99,800"); weighted sums as {@link #count} with grouped integer digits. */
    public static String grouped(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        String s = count(v);
        int dot = s.indexOf('.');
        String whole = dot < 0 ? s : s.substring(0, dot);
        if (whole.matches("-?\\d+")) {
            whole = String.format(Locale.ROOT, "%,d", Long.parseLong(whole));
        }
        return dot < 0 ? whole : whole + s.substring(dot);
    }

    /**
     * A number for JSON and JavaScript: integers without ".0", otherwise Java's round-trip
     * representation (JavaScript parses it back to the same double); non-finite values as null.
     */
    public static String json(double v) {
        if (!Double.isFinite(v)) {
            return "null";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** A coordinate for SVG: two decimals, no trailing zeros. */
    public static String coord(double v) {
        String s = fixed(v, 2);
        if (s.indexOf('.') >= 0) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s;
    }
}

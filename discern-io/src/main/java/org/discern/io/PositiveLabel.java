package org.discern.io;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which label value of a binary sample is positive, from its distinct values: one rule for every
 * reader of binary predictions (delimited files here, Spark datasets in {@code discern-spark}).
 */
public final class PositiveLabel {
    private PositiveLabel() {
    }

    /**
     * The positive label among the distinct label values of a binary sample: {@code positive}
     * when given (it must be one of at most two values, or the values must be one other value),
     * else {@code 1}, or {@code true} / {@code yes} (case-insensitive) when the labels are two
     * such values (the other one 0 or -1, false, no), or {@code 1} when the only value is a
     * negative name.
     *
     * @param file the input's name, for the message
     * @param labelColumn the label column, for the message
     * @param values the distinct label values, in order of first appearance
     * @param firstLine the line where each value first appears (values without one are listed
     *     without a line)
     * @param positive the value given as positive, or null for the default rule
     * @throws InputException listing the values when no positive label can be told
     */
    public static String resolve(String file, String labelColumn, List<String> values, Map<String, Long> firstLine,
            String positive) throws InputException {
        return resolve(file, labelColumn, values, firstLine, positive, "line");
    }

    /**
     * As {@link #resolve(String, String, List, Map, String)}, naming where a value was first seen
     * by {@code place} ("line" for text files, "row" for Parquet).
     */
    public static String resolve(String file, String labelColumn, List<String> values, Map<String, Long> firstLine,
            String positive, String place) throws InputException {
        if (positive != null) {
            boolean found = values.stream().anyMatch(v -> matches(v, positive));
            List<String> negatives = values.stream().filter(v -> !matches(v, positive)).toList();
            if (!found && values.size() > 1 || negatives.size() > 1) {
                throw new InputException(file, 0, labelColumn, String.format(Locale.ROOT,
                        "expected two label values, one of them the positive '%s'; found %s",
                        positive, describe(values, firstLine, place)));
            }
            return positive;
        }
        if (values.size() > 2) {
            throw new InputException(file, 0, labelColumn, String.format(Locale.ROOT,
                    "expected two label values for a binary evaluation, found %d: %s "
                            + "(for multi-class data give one score column per class)",
                    values.size(), describe(values, firstLine, place)));
        }
        for (String candidate : new String[] {"1", "true", "yes"}) {
            for (String v : values) {
                if (matches(v, candidate)) {
                    String other = values.stream().filter(x -> !matches(x, candidate)).findFirst().orElse(null);
                    if (other == null || isNegativeName(other, candidate)) {
                        return v;
                    }
                }
            }
        }
        if (values.size() == 1 && isNegativeName(values.get(0), null)) {
            return "1";
        }
        throw new InputException(file, 0, labelColumn, String.format(Locale.ROOT,
                "cannot tell which label is positive: found %s; give --positive VALUE",
                describe(values, firstLine, place)));
    }

    private static boolean isNegativeName(String v, String positiveName) {
        String l = v.toLowerCase(Locale.ROOT);
        if (positiveName == null || positiveName.equals("1")) {
            Double d = number(v);
            if (d != null && (d == 0 || d == -1)) {
                return true;
            }
        }
        if (positiveName == null || positiveName.equals("true")) {
            if (l.equals("false")) {
                return true;
            }
        }
        return (positiveName == null || positiveName.equals("yes")) && l.equals("no");
    }

    private static String describe(List<String> values, Map<String, Long> firstLine, String place) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (String v : values) {
            if (shown == 10) {
                sb.append(", ... (").append(values.size() - 10).append(" more)");
                break;
            }
            if (shown > 0) {
                sb.append(", ");
            }
            sb.append('\'').append(v).append('\'');
            if (firstLine.get(v) != null) {
                sb.append(" (first on ").append(place).append(' ').append(firstLine.get(v)).append(')');
            }
            shown++;
        }
        return sb.toString();
    }

    /** Labels match as text (case-insensitive for words) or as numbers: {@code 1} matches {@code 1.0}. */
    public static boolean matches(String value, String wanted) {
        if (value.equalsIgnoreCase(wanted)) {
            return true;
        }
        Double a = number(value);
        Double b = number(wanted);
        return a != null && b != null && a.doubleValue() == b.doubleValue();
    }

    private static Double number(String s) {
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

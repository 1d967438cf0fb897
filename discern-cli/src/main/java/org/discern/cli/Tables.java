package org.discern.cli;

import java.util.Locale;
import java.util.Optional;

import org.discern.metrics.ConfidenceInterval;
import org.discern.metrics.ConfusionMatrix;
import org.discern.metrics.EvaluationSummary;
import org.discern.metrics.EvaluationSummary.Value;
import org.discern.metrics.Metric;
import org.discern.metrics.MetricKey;

/**
 * Plain-text tables for the terminal, from typed results (labels from the metric registry);
 * fixed precision, locale-independent.
 */
final class Tables {
    private Tables() {
    }

    /** A metric value with 6 decimals, or "undefined" for NaN. */
    static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6f", v) : "undefined";
    }

    /** A count: a grouped integer when whole (unweighted), else 6 decimals. */
    static String count(double v) {
        if (Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return number(v);
    }

    /** The binary evaluation summary. */
    static String binary(EvaluationSummary s, String file) {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(": ").append(String.format(Locale.ROOT, "%,d", s.rows()))
                .append(" rows, ").append(String.format(Locale.ROOT, "%,d", s.positiveRows()))
                .append(" positive ('").append(s.positiveLabel()).append("'), ")
                .append(String.format(Locale.ROOT, "%,d", s.negativeRows())).append(" negative");
        if (s.weighted()) {
            sb.append(", weighted");
        }
        sb.append("\n\n");
        Optional<Value> partial = s.values().stream()
                .filter(v -> v.key().metric() == Metric.PARTIAL_ROC_AUC).findFirst();
        for (Value v : s.values()) {
            if (v.key().metric().decision() || v.key().metric() == Metric.PARTIAL_ROC_AUC) {
                continue;
            }
            line(sb, v);
            if (v.key().equals(MetricKey.of(Metric.ROC_AUC))) {
                partial.ifPresent(p -> line(sb, p));
            }
        }
        sb.append('\n');
        sb.append("at threshold ").append(Double.toString(s.threshold()))
                .append(" (positive iff score >= threshold):\n");
        ConfusionMatrix c = s.confusion().orElseThrow();
        int w = Math.max(12, Math.max(count(c.tp()).length(), Math.max(count(c.fp()).length(),
                Math.max(count(c.tn()).length(), count(c.fn()).length()))) + 2);
        String fmt = "  %-16s%" + w + "s%" + w + "s\n";
        sb.append(String.format(Locale.ROOT, fmt, "", "pred. pos", "pred. neg"));
        sb.append(String.format(Locale.ROOT, fmt, "actual positive", count(c.tp()), count(c.fn())));
        sb.append(String.format(Locale.ROOT, fmt, "actual negative", count(c.fp()), count(c.tn())));
        sb.append('\n');
        for (Value v : s.values()) {
            if (v.key().metric().decision()) {
                line(sb, v);
            }
        }
        warnings(sb, s);
        return sb.toString();
    }

    /** A value's line (label, value) and its interval's line, if any. */
    private static void line(StringBuilder sb, Value v) {
        sb.append(String.format(Locale.ROOT, "  %-38s %s\n", v.key().label(), number(v.value())));
        v.interval().ifPresent(ci -> interval(sb, ci));
    }

    /** "  95% CI (delong)   [lower, upper]" under the value. */
    private static void interval(StringBuilder sb, ConfidenceInterval ci) {
        String name = String.format(Locale.ROOT, "  %s%% CI (%s)", percent(ci.level()), ci.method());
        sb.append(String.format(Locale.ROOT, "  %-38s [%s, %s]\n", name, number(ci.lower()), number(ci.upper())));
    }

    /** The warnings, one line each after a blank line, if any. */
    static void warnings(StringBuilder sb, EvaluationSummary s) {
        if (!s.warnings().isEmpty()) {
            sb.append('\n');
            s.warnings().forEach(x -> sb.append("warning: ").append(x).append('\n'));
        }
    }

    /** 0.95 -> "95", 0.995 -> "99.5". */
    static String percent(double level) {
        return ConfidenceInterval.percent(level);
    }
}

package org.discern.cli;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** Plain-text tables for the terminal; fixed precision, locale-independent. */
final class Tables {
    private Tables() {
    }

    static String value(JsonNode n) {
        if (n == null || n.isNull()) {
            return "undefined";
        }
        if (n.isIntegralNumber()) {
            return String.format(Locale.ROOT, "%,d", n.asLong());
        }
        if (n.isNumber()) {
            return String.format(Locale.ROOT, "%.6f", n.asDouble());
        }
        return n.asText();
    }

    /** The binary evaluation summary, from the evaluate JSON object. */
    static String binary(JsonNode j, String file) {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(": ").append(String.format(Locale.ROOT, "%,d", j.get("n").asLong()))
                .append(" rows, ").append(String.format(Locale.ROOT, "%,d", j.get("n_positive").asLong()))
                .append(" positive ('").append(j.get("positive_label").asText()).append("'), ")
                .append(String.format(Locale.ROOT, "%,d", j.get("n_negative").asLong())).append(" negative");
        if (j.get("weighted").asBoolean()) {
            sb.append(", weighted");
        }
        sb.append("\n\n");
        line(sb, "ROC AUC", j.get("roc_auc"));
        interval(sb, j.get("roc_auc_ci"));
        if (j.has("partial_roc_auc")) {
            JsonNode p = j.get("partial_roc_auc");
            line(sb, String.format(Locale.ROOT, "partial ROC AUC (FPR <= %s, McClish)",
                    p.get("max_fpr").asText()), p.get("standardized"));
        }
        line(sb, "average precision", j.get("average_precision"));
        interval(sb, j.get("average_precision_ci"));
        line(sb, "PR AUC (interpolated)", j.get("pr_auc_interpolated"));
        line(sb, "PR AUC (trapezoid)", j.get("pr_auc_trapezoid"));
        line(sb, "KS statistic", j.get("ks"));
        line(sb, "log loss", j.get("log_loss"));
        line(sb, "Brier score", j.get("brier"));
        sb.append('\n');
        sb.append("at threshold ").append(j.get("threshold").asText()).append(" (positive iff score >= threshold):\n");
        JsonNode c = j.get("confusion");
        int w = Math.max(12, Math.max(value(c.get("tp")).length(), Math.max(value(c.get("fp")).length(),
                Math.max(value(c.get("tn")).length(), value(c.get("fn")).length()))) + 2);
        String fmt = "  %-16s%" + w + "s%" + w + "s\n";
        sb.append(String.format(Locale.ROOT, fmt, "", "pred. pos", "pred. neg"));
        sb.append(String.format(Locale.ROOT, fmt, "actual positive", value(c.get("tp")), value(c.get("fn"))));
        sb.append(String.format(Locale.ROOT, fmt, "actual negative", value(c.get("fp")), value(c.get("tn"))));
        sb.append('\n');
        line(sb, "accuracy", j.get("accuracy"));
        line(sb, "precision", j.get("precision"));
        line(sb, "recall (sensitivity)", j.get("recall"));
        line(sb, "specificity", j.get("specificity"));
        line(sb, "negative predictive value", j.get("npv"));
        line(sb, "F1", j.get("f1"));
        line(sb, "MCC", j.get("mcc"));
        line(sb, "balanced accuracy", j.get("balanced_accuracy"));
        line(sb, "Cohen's kappa", j.get("cohen_kappa"));
        JsonNode warnings = j.get("warnings");
        if (warnings != null && warnings.size() > 0) {
            sb.append('\n');
            warnings.forEach(x -> sb.append("warning: ").append(x.asText()).append('\n'));
        }
        return sb.toString();
    }

    /** "  95% CI (delong)   [lower, upper]" under the value, when the interval exists. */
    private static void interval(StringBuilder sb, JsonNode ci) {
        if (ci == null) {
            return;
        }
        String name = String.format(Locale.ROOT, "  %s%% CI (%s)", percent(ci.get("level").asDouble()),
                ci.get("method").asText());
        sb.append(String.format(Locale.ROOT, "  %-38s [%s, %s]\n", name, value(ci.get("lower")), value(ci.get("upper"))));
    }

    /** 0.95 -> "95", 0.995 -> "99.5". */
    static String percent(double level) {
        return new java.math.BigDecimal(Double.toString(level * 100)).round(new java.math.MathContext(6))
                .stripTrailingZeros().toPlainString();
    }

    private static void line(StringBuilder sb, String name, JsonNode v) {
        sb.append(String.format(Locale.ROOT, "  %-38s %s\n", name, value(v)));
    }
}

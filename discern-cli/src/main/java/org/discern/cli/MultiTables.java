package org.discern.cli;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Terminal tables of multi-class and multi-label evaluations, built from their JSON objects: a
 * per-class report like scikit-learn's {@code classification_report} plus the AUC columns.
 * Fixed precision, locale-independent.
 */
final class MultiTables {
    /** The terminal shows the confusion matrix up to this many classes (wider is unreadable; JSON has it). */
    static final int CONFUSION_MAX_CLASSES = 50;

    private MultiTables() {
    }

    /** A score with 4 decimals, or "undefined" for null (NaN). */
    static String score(JsonNode n) {
        if (n == null || n.isNull()) {
            return "undefined";
        }
        return String.format(Locale.ROOT, "%.4f", n.asDouble());
    }

    /** A count: grouped integer when whole (unweighted), else 2 decimals. */
    static String count(JsonNode n) {
        if (n == null || n.isNull()) {
            return "undefined";
        }
        if (n.isIntegralNumber()) {
            return String.format(Locale.ROOT, "%,d", n.asLong());
        }
        return String.format(Locale.ROOT, "%,.2f", n.asDouble());
    }

    private static int nameWidth(JsonNode names, int min) {
        int w = min;
        for (JsonNode n : names) {
            w = Math.max(w, n.asText().length());
        }
        return w;
    }

    /** The multi-class report. */
    static String multiclass(JsonNode j, String file) {
        StringBuilder sb = new StringBuilder();
        JsonNode classes = j.get("classes");
        sb.append(file).append(": ").append(String.format(Locale.ROOT, "%,d", j.get("n").asLong()))
                .append(" rows, ").append(classes.size()).append(" classes (multi-class)\n\n");
        int w = nameWidth(classes, 12);
        String fmt = "%" + w + "s %10s %10s %10s %10s %10s %10s\n";
        sb.append(String.format(Locale.ROOT, fmt, "", "precision", "recall", "f1-score", "support", "roc_auc",
                "avg_prec"));
        double total = 0;
        for (JsonNode pc : j.get("per_class")) {
            total += pc.get("support").asDouble();
            sb.append(String.format(Locale.ROOT, fmt, pc.get("class").asText(), score(pc.get("precision")),
                    score(pc.get("recall")), score(pc.get("f1")), count(pc.get("support")), score(pc.get("roc_auc")),
                    score(pc.get("average_precision"))));
        }
        String support = total == Math.rint(total) ? String.format(Locale.ROOT, "%,d", (long) total)
                : String.format(Locale.ROOT, "%,.2f", total);
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, fmt, "accuracy", "", "", score(j.get("accuracy")), support, "", ""));
        sb.append(String.format(Locale.ROOT, fmt, "macro avg", score(j.get("precision_macro")),
                score(j.get("recall_macro")), score(j.get("f1_macro")), support, score(j.get("roc_auc_ovr_macro")),
                score(j.get("average_precision_macro"))));
        sb.append(String.format(Locale.ROOT, fmt, "weighted avg", score(j.get("precision_weighted")),
                score(j.get("recall_weighted")), score(j.get("f1_weighted")), support,
                score(j.get("roc_auc_ovr_weighted")), score(j.get("average_precision_weighted"))));
        sb.append(String.format(Locale.ROOT, fmt, "micro avg", score(j.get("precision_micro")),
                score(j.get("recall_micro")), score(j.get("f1_micro")), support, score(j.get("roc_auc_ovr_micro")),
                score(j.get("average_precision_micro"))));
        sb.append('\n');
        line(sb, "ROC AUC one-vs-one, macro (Hand & Till)", j.get("roc_auc_ovo_macro"));
        line(sb, "ROC AUC one-vs-one, prevalence-weighted", j.get("roc_auc_ovo_weighted"));
        line(sb, "balanced accuracy", j.get("balanced_accuracy"));
        line(sb, "Cohen's kappa", j.get("cohen_kappa"));
        line(sb, "MCC", j.get("mcc"));
        line(sb, "log loss", j.get("log_loss"));
        j.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("top_") && name.endsWith("_accuracy")) {
                line(sb, "top-" + name.substring(4, name.length() - "_accuracy".length()) + " accuracy", j.get(name));
            }
        });
        JsonNode cm = j.get("confusion_matrix");
        if (cm == null || classes.size() > CONFUSION_MAX_CLASSES) {
            sb.append(String.format(Locale.ROOT, "\nconfusion matrix: %,d x %,d, not shown for more than %d classes "
                    + "(see --format json)\n", classes.size(), classes.size(), CONFUSION_MAX_CLASSES));
            warnings(sb, j);
            return trimLines(sb);
        }
        sb.append("\nconfusion matrix (rows = true class, columns = predicted class):\n");
        int cell = String.valueOf(classes.size() - 1).length();
        for (JsonNode row : cm) {
            for (JsonNode v : row) {
                cell = Math.max(cell, count(v).length());
            }
        }
        String idx = "%" + (String.valueOf(classes.size() - 1).length()) + "d";
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%" + (w + 2 + String.valueOf(
                classes.size() - 1).length()) + "s", ""));
        for (int c = 0; c < classes.size(); c++) {
            head.append(String.format(Locale.ROOT, " %" + cell + "d", c));
        }
        sb.append(head).append('\n');
        for (int t = 0; t < cm.size(); t++) {
            sb.append(String.format(Locale.ROOT, idx + " %" + w + "s ", t, classes.get(t).asText()));
            for (JsonNode v : cm.get(t)) {
                sb.append(String.format(Locale.ROOT, " %" + cell + "s", count(v)));
            }
            sb.append('\n');
        }
        warnings(sb, j);
        return trimLines(sb);
    }

    /** Drops the blanks that empty trailing cells leave at line ends. */
    private static String trimLines(StringBuilder sb) {
        // one linear pass (a regular expression backtracks over every run of blanks)
        StringBuilder out = new StringBuilder(sb.length());
        int blanks = 0;
        for (int i = 0; i < sb.length(); i++) {
            char ch = sb.charAt(i);
            if (ch == ' ') {
                blanks++;
                continue;
            }
            if (ch != '\n') {
                out.append(" ".repeat(blanks));
            }
            blanks = 0;
            out.append(ch);
        }
        return out.append(" ".repeat(blanks)).toString();
    }

    /** The multi-label report. */
    static String multilabel(JsonNode j, String file) {
        StringBuilder sb = new StringBuilder();
        JsonNode labels = j.get("labels");
        sb.append(file).append(": ").append(String.format(Locale.ROOT, "%,d", j.get("n").asLong()))
                .append(" rows, ").append(labels.size()).append(" labels (multi-label)\n\n");
        int w = nameWidth(labels, 12);
        String fmt = "%" + w + "s %10s %10s %10s\n";
        sb.append(String.format(Locale.ROOT, fmt, "", "positives", "roc_auc", "avg_prec"));
        for (JsonNode pl : j.get("per_label")) {
            sb.append(String.format(Locale.ROOT, fmt, pl.get("label").asText(), count(pl.get("support")),
                    score(pl.get("roc_auc")), score(pl.get("average_precision"))));
        }
        sb.append('\n');
        for (String avg : new String[] {"macro", "weighted", "micro", "samples"}) {
            sb.append(String.format(Locale.ROOT, fmt, avg + " avg", "", score(j.get("roc_auc_" + avg)),
                    score(j.get("average_precision_" + avg))));
        }
        sb.append('\n');
        line(sb, "label ranking average precision", j.get("label_ranking_average_precision"));
        line(sb, "coverage error", j.get("coverage_error"));
        warnings(sb, j);
        return trimLines(sb);
    }

    private static void line(StringBuilder sb, String name, JsonNode v) {
        sb.append(String.format(Locale.ROOT, "  %-40s %s\n", name, Tables.value(v)));
    }

    private static void warnings(StringBuilder sb, JsonNode j) {
        JsonNode warnings = j.get("warnings");
        if (warnings != null && warnings.size() > 0) {
            sb.append('\n');
            warnings.forEach(x -> sb.append("warning: ").append(x.asText()).append('\n'));
        }
    }
}

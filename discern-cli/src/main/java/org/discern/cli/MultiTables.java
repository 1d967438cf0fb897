package org.discern.cli;

import java.util.List;
import java.util.Locale;

import org.discern.metrics.Average;
import org.discern.metrics.EvaluationSummary;
import org.discern.metrics.EvaluationSummary.ClassRow;
import org.discern.metrics.EvaluationSummary.Value;
import org.discern.metrics.Field;
import org.discern.metrics.Metric;
import org.discern.metrics.MetricKey;
import org.discern.metrics.MulticlassConfusionMatrix;

/**
 * Terminal tables of multi-class and multi-label evaluation summaries: a per-class report like
 * scikit-learn's {@code classification_report} plus the AUC columns, then the other values under
 * their registry labels. Fixed precision, locale-independent.
 */
final class MultiTables {
    private static final MetricKey PRECISION = MetricKey.of(Metric.PRECISION);
    private static final MetricKey RECALL = MetricKey.of(Metric.RECALL);
    private static final MetricKey F1 = MetricKey.of(Metric.F1);
    private static final MetricKey ROC_AUC = MetricKey.of(Metric.ROC_AUC);
    private static final MetricKey AP = MetricKey.of(Metric.AVERAGE_PRECISION);

    /** The terminal shows the confusion matrix up to this many classes (wider is unreadable; JSON has it). */
    static final int CONFUSION_MAX_CLASSES = 50;

    private MultiTables() {
    }

    /** A score with 4 decimals, or "undefined" for NaN. */
    static String score(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "undefined";
    }

    /** A count: grouped integer when whole (unweighted), else 2 decimals. */
    static String count(double v) {
        if (!Double.isFinite(v)) {
            return "undefined";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    private static int nameWidth(List<String> names, int min) {
        int w = min;
        for (String n : names) {
            w = Math.max(w, n.length());
        }
        return w;
    }

    private static String score(EvaluationSummary s, Metric m, Average a) {
        return score(s.value(MetricKey.of(m, a)).value());
    }

    /** The multi-class report. */
    static String multiclass(EvaluationSummary s, String file) {
        StringBuilder sb = new StringBuilder();
        List<String> classes = s.classes();
        sb.append(file).append(": ").append(String.format(Locale.ROOT, "%,d", s.rows()))
                .append(" rows, ").append(classes.size()).append(" classes (multi-class)\n\n");
        int w = nameWidth(classes, 12);
        String fmt = "%" + w + "s %10s %10s %10s %10s %10s %10s\n";
        sb.append(String.format(Locale.ROOT, fmt, "", Metric.PRECISION.header(), Metric.RECALL.header(),
                Metric.F1.header(), Field.SUPPORT.key(), Metric.ROC_AUC.header(), Metric.AVERAGE_PRECISION.header()));
        double total = 0;
        for (ClassRow pc : s.perClass()) {
            total += pc.support();
            sb.append(String.format(Locale.ROOT, fmt, pc.name(), score(pc.value(PRECISION).value()),
                    score(pc.value(RECALL).value()), score(pc.value(F1).value()), count(pc.support()),
                    score(pc.value(ROC_AUC).value()), score(pc.value(AP).value())));
        }
        String support = total == Math.rint(total) ? String.format(Locale.ROOT, "%,d", (long) total)
                : String.format(Locale.ROOT, "%,.2f", total);
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, fmt, "accuracy", "", "",
                score(s.value(MetricKey.of(Metric.ACCURACY)).value()), support, "", ""));
        Average[][] rows = {{Average.MACRO, Average.OVR_MACRO}, {Average.WEIGHTED, Average.OVR_WEIGHTED},
            {Average.MICRO, Average.OVR_MICRO}};
        for (Average[] r : rows) {
            sb.append(String.format(Locale.ROOT, fmt, r[0].key() + " avg", score(s, Metric.PRECISION, r[0]),
                    score(s, Metric.RECALL, r[0]), score(s, Metric.F1, r[0]), support, score(s, Metric.ROC_AUC, r[1]),
                    score(s, Metric.AVERAGE_PRECISION, r[0])));
        }
        sb.append('\n');
        // every value not in the grid above, under its label
        for (Value v : s.values()) {
            boolean inGrid = v.key().metric() == Metric.ACCURACY
                    || (v.key().average().isPresent() && v.key().average().get() != Average.OVO_MACRO
                            && v.key().average().get() != Average.OVO_WEIGHTED);
            if (!inGrid) {
                line(sb, v);
            }
        }
        if (s.confusionMatrix().isEmpty() || classes.size() > CONFUSION_MAX_CLASSES) {
            sb.append(String.format(Locale.ROOT, "\nconfusion matrix: %,d x %,d, not shown for more than %d classes "
                    + "(see --format json)\n", classes.size(), classes.size(), CONFUSION_MAX_CLASSES));
            Tables.warnings(sb, s);
            return trimLines(sb);
        }
        sb.append("\nconfusion matrix (rows = true class, columns = predicted class):\n");
        MulticlassConfusionMatrix cm = s.confusionMatrix().orElseThrow();
        int k = classes.size();
        int cell = String.valueOf(k - 1).length();
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                cell = Math.max(cell, count(cm.count(t, p)).length());
            }
        }
        String idx = "%" + (String.valueOf(k - 1).length()) + "d";
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%" + (w + 2 + String.valueOf(
                k - 1).length()) + "s", ""));
        for (int c = 0; c < k; c++) {
            head.append(String.format(Locale.ROOT, " %" + cell + "d", c));
        }
        sb.append(head).append('\n');
        for (int t = 0; t < k; t++) {
            sb.append(String.format(Locale.ROOT, idx + " %" + w + "s ", t, classes.get(t)));
            for (int p = 0; p < k; p++) {
                sb.append(String.format(Locale.ROOT, " %" + cell + "s", count(cm.count(t, p))));
            }
            sb.append('\n');
        }
        Tables.warnings(sb, s);
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
    static String multilabel(EvaluationSummary s, String file) {
        StringBuilder sb = new StringBuilder();
        List<String> labels = s.classes();
        sb.append(file).append(": ").append(String.format(Locale.ROOT, "%,d", s.rows()))
                .append(" rows, ").append(labels.size()).append(" labels (multi-label)\n\n");
        int w = nameWidth(labels, 12);
        String fmt = "%" + w + "s %10s %10s %10s\n";
        sb.append(String.format(Locale.ROOT, fmt, "", "positives", Metric.ROC_AUC.header(),
                Metric.AVERAGE_PRECISION.header()));
        for (ClassRow pl : s.perClass()) {
            sb.append(String.format(Locale.ROOT, fmt, pl.name(), count(pl.support()),
                    score(pl.value(ROC_AUC).value()), score(pl.value(AP).value())));
        }
        sb.append('\n');
        for (Average avg : new Average[] {Average.MACRO, Average.WEIGHTED, Average.MICRO, Average.SAMPLES}) {
            sb.append(String.format(Locale.ROOT, fmt, avg.key() + " avg", "", score(s, Metric.ROC_AUC, avg),
                    score(s, Metric.AVERAGE_PRECISION, avg)));
        }
        sb.append('\n');
        for (Value v : s.values()) {
            if (v.key().average().isEmpty()) {
                line(sb, v);
            }
        }
        Tables.warnings(sb, s);
        return trimLines(sb);
    }

    private static void line(StringBuilder sb, Value v) {
        sb.append(String.format(Locale.ROOT, "  %-40s %s\n", v.key().label(), Tables.number(v.value())));
    }
}

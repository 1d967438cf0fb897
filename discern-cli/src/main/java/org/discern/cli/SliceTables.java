package org.discern.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.discern.metrics.AucComparison;
import org.discern.metrics.Average;
import org.discern.metrics.ConfidenceInterval;
import org.discern.metrics.EvaluationSummary;
import org.discern.metrics.FoldEvaluation;
import org.discern.metrics.Metric;
import org.discern.metrics.MetricKey;
import org.discern.metrics.SliceEvaluation;
import org.discern.metrics.SliceSummary;

/**
 * Terminal tables of {@code --group} and {@code --fold}: one row per slice (or fold) with its
 * counts and headline values (binary: ROC AUC with its interval, average precision and the test
 * against the rest; multi-class: one-vs-rest macro ROC AUC and accuracy; multi-label: macro ROC AUC
 * and average precision), the folds' mean and sd, the pooled AUC beside the mean of the folds', and
 * the warnings. Fixed precision, locale-independent; control characters of group values shown as
 * '?'.
 */
final class SliceTables {
    private SliceTables() {
    }

    /**
     * The tables of every grouping, then the folds; empty when there is nothing.
     *
     * @param shownAlready warnings of the whole sample, printed above: a slice's equal warning is
     *     not repeated (JSON has every slice's)
     */
    static String of(Slicing s, List<String> shownAlready) {
        StringBuilder sb = new StringBuilder();
        for (SliceEvaluation g : s.groupings()) {
            slices(sb, g, shownAlready);
        }
        s.folds().ifPresent(f -> folds(sb, f, shownAlready));
        return sb.toString();
    }

    /** The headline keys of a task, in column order. */
    static List<MetricKey> headline(EvaluationSummary.Task task) {
        return switch (task) {
            case BINARY -> List.of(MetricKey.of(Metric.ROC_AUC), MetricKey.of(Metric.AVERAGE_PRECISION));
            case MULTICLASS -> List.of(MetricKey.of(Metric.ROC_AUC, Average.OVR_MACRO), MetricKey.of(Metric.ACCURACY));
            default -> List.of(MetricKey.of(Metric.ROC_AUC, Average.MACRO),
                    MetricKey.of(Metric.AVERAGE_PRECISION, Average.MACRO));
        };
    }

    private static void slices(StringBuilder sb, SliceEvaluation g, List<String> shownAlready) {
        List<SliceSummary> shown = g.slices();
        sb.append('\n').append("slices by ").append(String.join(",", g.columns())).append(" (")
                .append(shown.size()).append(shown.size() == 1 ? " slice" : " slices");
        if (g.hidden() > 0) {
            sb.append(String.format(Locale.ROOT, ", %d hidden with %,d rows", g.hidden(), g.hiddenRows()));
        }
        sb.append(")\n");
        if (shown.isEmpty()) {
            warnings(sb, g.warnings(), List.of());
            return;
        }
        EvaluationSummary.Task task = shown.get(0).summary().task();
        boolean binary = task == EvaluationSummary.Task.BINARY;
        Optional<ConfidenceInterval> anyCi = shown.stream().flatMap(s -> s.summary().values().stream())
                .filter(v -> v.key().equals(headline(task).get(0))).flatMap(v -> v.interval().stream()).findFirst();
        List<String> header = new ArrayList<>(List.of("slice", "n"));
        if (binary) {
            header.addAll(List.of("positive", "negative"));
        }
        List<MetricKey> keys = headline(task);
        header.add(keys.get(0).key());
        anyCi.ifPresent(ci -> header.add(Tables.percent(ci.level()) + "% CI (" + ci.method() + ")"));
        keys.subList(1, keys.size()).forEach(k -> header.add(k.key()));
        if (binary) {
            header.addAll(List.of("vs rest", "df", "p", "p (Holm)"));
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (SliceSummary s : shown) {
            List<String> r = new ArrayList<>(List.of(shown(s.name()), count(s.summary().rows())));
            if (binary) {
                r.add(count(s.summary().positiveRows()));
                r.add(count(s.summary().negativeRows()));
            }
            values(r, s.summary(), keys, anyCi.isPresent());
            if (binary) {
                Optional<AucComparison> c = s.versusRest();
                r.add(c.map(x -> signed(x.difference())).orElse("-"));
                r.add(c.map(x -> Double.isFinite(x.degreesOfFreedom())
                        ? String.format(Locale.ROOT, "%.1f", x.degreesOfFreedom()) : "-").orElse("-"));
                r.add(c.map(x -> MultiTables.score(x.pValue())).orElse("-"));
                r.add(c.map(x -> MultiTables.score(x.pValueHolm())).orElse("-"));
            }
            rows.add(r);
            s.summary().warnings().stream().filter(w -> !shownAlready.contains(w))
                    .forEach(w -> notes.add(shown(s.name()) + ": " + w));
            s.warnings().forEach(w -> notes.add(shown(s.name()) + ": " + w));
        }
        table(sb, header, rows);
        if (binary) {
            sb.append("  vs rest: the slice's ROC AUC minus the rest's, unpaired DeLong test (Student t,"
                    + " Welch df); p (Holm): adjusted over these slices\n");
        }
        warnings(sb, g.warnings(), notes);
    }

    private static void folds(StringBuilder sb, FoldEvaluation f, List<String> shownAlready) {
        List<SliceSummary> folds = f.folds();
        sb.append('\n').append("folds by ").append(shown(f.column())).append(" (").append(folds.size())
                .append(folds.size() == 1 ? " fold" : " folds").append(")\n");
        EvaluationSummary.Task task = f.pooled().task();
        boolean binary = task == EvaluationSummary.Task.BINARY;
        List<MetricKey> keys = headline(task);
        List<String> header = new ArrayList<>(List.of("fold", "n"));
        if (binary) {
            header.addAll(List.of("positive", "negative"));
        }
        keys.forEach(k -> header.add(k.key()));
        List<List<String>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (SliceSummary s : folds) {
            List<String> r = new ArrayList<>(List.of(shown(s.values().get(0)), count(s.summary().rows())));
            if (binary) {
                r.add(count(s.summary().positiveRows()));
                r.add(count(s.summary().negativeRows()));
            }
            values(r, s.summary(), keys, false);
            rows.add(r);
            s.summary().warnings().stream().filter(w -> !shownAlready.contains(w))
                    .forEach(w -> notes.add(f.column() + "=" + shown(s.values().get(0)) + ": " + w));
        }
        for (String stat : List.of("mean", "sd")) {
            List<String> r = new ArrayList<>(List.of(stat, ""));
            if (binary) {
                r.addAll(List.of("", ""));
            }
            for (MetricKey k : keys) {
                r.add(f.statistic(k).map(x -> MultiTables.score(stat.equals("mean") ? x.mean() : x.sd())).orElse("-"));
            }
            rows.add(r);
        }
        table(sb, header, rows);
        sb.append("  ").append(f.aucKey().label()).append(": pooled (all rows at once) ")
                .append(MultiTables.score(f.rocAucPooled())).append(", mean of the folds ")
                .append(MultiTables.score(f.rocAucMeanOfFolds())).append('\n');
        sb.append("  sd: population standard deviation over the folds");
        if (f.roc().isPresent()) {
            sb.append("; averaged ROC and PR curves (mean, sd, min, max on ").append(f.roc().get().size())
                    .append(" points) are in --format json and the report");
        }
        sb.append('\n');
        warnings(sb, f.warnings(), notes);
    }

    private static void values(List<String> r, EvaluationSummary s, List<MetricKey> keys, boolean ci) {
        for (int i = 0; i < keys.size(); i++) {
            Optional<EvaluationSummary.Value> v = s.find(keys.get(i));
            r.add(v.map(x -> MultiTables.score(x.value())).orElse("-"));
            if (i == 0 && ci) {
                r.add(v.flatMap(EvaluationSummary.Value::interval).map(c -> "[" + MultiTables.score(c.lower()) + ", "
                        + MultiTables.score(c.upper()) + "]").orElse("-"));
            }
        }
    }

    /** Columns: the first left-aligned, the others right-aligned, two spaces apart. */
    private static void table(StringBuilder sb, List<String> header, List<List<String>> rows) {
        int[] w = new int[header.size()];
        for (int c = 0; c < w.length; c++) {
            w[c] = header.get(c).length();
            for (List<String> r : rows) {
                w[c] = Math.max(w[c], r.get(c).length());
            }
        }
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> r : all) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < w.length; c++) {
                String cell = r.get(c);
                String pad = " ".repeat(w[c] - cell.length());
                line.append("  ").append(c == 0 ? cell + pad : pad + cell);
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static void warnings(StringBuilder sb, List<String> whole, List<String> notes) {
        whole.forEach(x -> sb.append("warning: ").append(shown(x)).append('\n'));
        notes.forEach(x -> sb.append("warning: ").append(shown(x)).append('\n'));
    }

    private static String count(double v) {
        return MultiTables.count(v);
    }

    private static String signed(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.4f", v) : "undefined";
    }

    /** A user string for the terminal: control characters as '?'. */
    static String shown(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return sb.toString();
    }
}

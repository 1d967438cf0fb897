package org.discern.report;

import java.util.List;
import java.util.Optional;

import org.discern.metrics.AucComparison;
import org.discern.metrics.Average;
import org.discern.metrics.ConfidenceInterval;
import org.discern.metrics.EvaluationSummary;
import org.discern.metrics.Metric;
import org.discern.metrics.MetricKey;
import org.discern.metrics.SliceEvaluation;
import org.discern.metrics.SliceSummary;
import org.discern.report.internal.Fmt;
import org.discern.report.internal.Markup;

/**
 * The page's "Slices" section ({@code report --group}): per grouping, a forest plot of the ROC AUC
 * of every slice with its interval (inline SVG: one row per slice, a square of area proportional
 * to its rows, the interval as a line, the whole sample's AUC and chance as vertical lines) and a
 * sortable table of the slices (rows, AUC and interval, the second headline value, the difference
 * to the rest with its p-value and Holm-adjusted p-value). Every value comes from core's
 * {@link SliceEvaluation}; every user string (group columns and values) goes through
 * {@link Markup}'s escaping. Self-contained: its own small script sorts its tables.
 */
final class SlicesSection {
    /** Width of the forest plot. */
    static final int WIDTH = 720;
    /** Height of one slice's row. */
    static final int ROW = 22;
    private static final int LEFT = 230; // slice names
    private static final int RIGHT = 70; // row counts
    private static final int TOP = 30;
    private static final int BOTTOM = 40;
    private static final int PLOT = WIDTH - LEFT - RIGHT;
    /** Longest slice name drawn in the plot (the table has it whole). */
    static final int MAX_LABEL = 32;

    private SlicesSection() {
    }

    /** The ROC AUC key shown for a task: binary roc_auc, multi-class roc_auc_ovr_macro, multi-label roc_auc_macro. */
    static MetricKey aucKey(EvaluationSummary.Task task) {
        return switch (task) {
            case BINARY -> MetricKey.of(Metric.ROC_AUC);
            case MULTICLASS -> MetricKey.of(Metric.ROC_AUC, Average.OVR_MACRO);
            default -> MetricKey.of(Metric.ROC_AUC, Average.MACRO);
        };
    }

    /** The second value of the table: average precision (binary, macro for multi-label), accuracy (multi-class). */
    static MetricKey secondKey(EvaluationSummary.Task task) {
        return switch (task) {
            case BINARY -> MetricKey.of(Metric.AVERAGE_PRECISION);
            case MULTICLASS -> MetricKey.of(Metric.ACCURACY);
            default -> MetricKey.of(Metric.AVERAGE_PRECISION, Average.MACRO);
        };
    }

    /** Appends the section; nothing when there is no grouping. */
    static void render(Markup h, EvaluationSummary whole, List<SliceEvaluation> groupings) {
        if (groupings.isEmpty()) {
            return;
        }
        h.raw("<h2 id=\"slices\">Slices</h2>\n<p class=\"sub\">Every metric per slice, computed on the slice's rows"
                + " alone (metrics.json: <code>slices</code>).");
        if (whole != null && whole.task() == EvaluationSummary.Task.BINARY) {
            h.raw(" &Delta; vs rest: the slice's ROC AUC minus that of every other row, unpaired DeLong test"
                    + " (Student t, Welch df, as pROC's roc.test(paired = FALSE)); p (Holm) adjusted over the"
                    + " slices of a grouping.");
        }
        h.raw(" Click a column to sort.</p>\n");
        int id = 0;
        for (SliceEvaluation g : groupings) {
            h.raw("<h3>By ").append(String.join(", ", g.columns())).raw("</h3>\n");
            if (g.hidden() > 0) {
                h.raw("<p class=\"sub\">").append(g.hidden() + (g.hidden() == 1 ? " slice" : " slices") + " ("
                        + Fmt.count(g.hiddenRows()) + " rows) hidden by --min-slice.").raw("</p>\n");
            }
            if (g.slices().isEmpty()) {
                continue;
            }
            h.raw("<div class=\"cols\">\n<div class=\"card\">");
            forest(h, whole, g, id);
            h.raw("</div>\n<div class=\"card scroll\">");
            table(h, g, id);
            h.raw("</div>\n</div>\n");
            for (SliceSummary s : g.slices()) {
                // the slice's own warnings; those the whole sample shows above are not repeated
                List<String> warnings = new java.util.ArrayList<>(s.summary().warnings());
                if (whole != null) {
                    warnings.removeAll(whole.warnings());
                }
                warnings.addAll(s.warnings());
                for (String w : warnings) {
                    h.raw("<div class=\"warn\">").append(s.name() + ": " + w).raw("</div>\n");
                }
            }
            id++;
        }
        h.raw(SORT_SCRIPT);
    }

    /** The forest plot of one grouping as inline SVG. */
    static void forest(Markup h, EvaluationSummary whole, SliceEvaluation g, int id) {
        List<SliceSummary> slices = g.slices();
        EvaluationSummary.Task task = slices.get(0).summary().task();
        MetricKey key = aucKey(task);
        int height = TOP + BOTTOM + ROW * slices.size();
        double maxRows = slices.stream().mapToInt(SliceSummary::rows).max().orElse(1);
        h.raw("<svg class=\"forest\" id=\"forest-").append(id).raw("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH).raw(" ").append(height).raw("\" width=\"").append(WIDTH).raw("\" height=\"").append(height)
                .raw("\" role=\"img\" aria-label=\"").append("Forest plot of " + key.label() + " by "
                        + String.join(", ", g.columns())).raw("\" font-family=\"system-ui,sans-serif\" font-size=\"12\">\n");
        h.raw("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).raw("\" height=\"").append(height)
                .raw("\" fill=\"#fff\"/>\n");
        int bottom = height - BOTTOM;
        for (int k = 0; k <= 10; k += 2) {
            String x = Fmt.coord(x(k / 10.0));
            h.raw("<line x1=\"").raw(x).raw("\" y1=\"").append(TOP - 6).raw("\" x2=\"").raw(x).raw("\" y2=\"")
                    .append(bottom).raw("\" stroke=\"#ececec\"/>");
            h.raw("<text x=\"").raw(x).raw("\" y=\"").append(bottom + 16).raw("\" text-anchor=\"middle\" fill=\"#444\">")
                    .raw(Fmt.fixed(k / 10.0, 1)).raw("</text>\n");
        }
        h.raw("<line x1=\"").append(LEFT).raw("\" y1=\"").append(bottom).raw("\" x2=\"").append(LEFT + PLOT)
                .raw("\" y2=\"").append(bottom).raw("\" stroke=\"#444\"/>\n");
        h.raw("<text x=\"").append(LEFT + PLOT / 2).raw("\" y=\"").append(height - 6)
                .raw("\" text-anchor=\"middle\" fill=\"#444\">").append(key.label()).raw("</text>\n");
        h.raw("<text x=\"").append(LEFT - 8).raw("\" y=\"").append(TOP - 12).raw("\" text-anchor=\"end\" fill=\"#444\""
                + " font-weight=\"600\">slice</text><text x=\"").append(WIDTH - 6).raw("\" y=\"").append(TOP - 12)
                .raw("\" text-anchor=\"end\" fill=\"#444\" font-weight=\"600\">rows</text>\n");
        if (task == EvaluationSummary.Task.BINARY) {
            vertical(h, 0.5, bottom, "#999", "3 3", "chance (0.5)");
        }
        if (whole != null) {
            whole.find(key).filter(v -> Double.isFinite(v.value())).ifPresent(v -> vertical(h, v.value(), bottom,
                    "#1f77b4", "6 3", "whole sample: " + Fmt.fixed(v.value(), 4)));
        }
        for (int i = 0; i < slices.size(); i++) {
            SliceSummary s = slices.get(i);
            double y = TOP + ROW * i + ROW / 2.0;
            String cy = Fmt.coord(y);
            String name = s.name().length() > MAX_LABEL ? s.name().substring(0, MAX_LABEL - 1) + "\u2026" : s.name();
            h.raw("<g class=\"slice\" data-slice=\"").append(s.name()).raw("\"><title>").append(tooltip(s, key))
                    .raw("</title>");
            h.raw("<text x=\"").append(LEFT - 8).raw("\" y=\"").raw(Fmt.coord(y + 4)).raw("\" text-anchor=\"end\">")
                    .append(name).raw("</text>");
            h.raw("<text x=\"").append(WIDTH - 6).raw("\" y=\"").raw(Fmt.coord(y + 4)).raw("\" text-anchor=\"end\">")
                    .raw(Fmt.grouped(s.rows())).raw("</text>");
            Optional<EvaluationSummary.Value> v = s.summary().find(key);
            double auc = v.map(EvaluationSummary.Value::value).orElse(Double.NaN);
            if (!Double.isFinite(auc)) {
                h.raw("<text x=\"").append(LEFT + 4).raw("\" y=\"").raw(Fmt.coord(y + 4))
                        .raw("\" fill=\"#8a4b00\">undefined</text></g>\n");
                continue;
            }
            Optional<ConfidenceInterval> ci = v.flatMap(EvaluationSummary.Value::interval);
            ci.filter(c -> Double.isFinite(c.lower()) && Double.isFinite(c.upper())).ifPresent(c -> h.raw("<line x1=\"")
                    .raw(Fmt.coord(x(c.lower()))).raw("\" y1=\"").raw(cy).raw("\" x2=\"").raw(Fmt.coord(x(c.upper())))
                    .raw("\" y2=\"").raw(cy).raw("\" stroke=\"#222\" stroke-width=\"1.5\"/>"));
            // the square's area is proportional to the slice's rows (side 5 to 13 px)
            double side = 5 + 8 * Math.sqrt(s.rows() / maxRows);
            h.raw("<rect x=\"").raw(Fmt.coord(x(auc) - side / 2)).raw("\" y=\"").raw(Fmt.coord(y - side / 2))
                    .raw("\" width=\"").raw(Fmt.coord(side)).raw("\" height=\"").raw(Fmt.coord(side))
                    .raw("\" fill=\"#222\" data-v=\"").raw(Fmt.json(auc)).raw("\"/></g>\n");
        }
        h.raw("</svg>\n");
        if (slices.stream().noneMatch(s -> s.summary().find(key).flatMap(EvaluationSummary.Value::interval).isPresent())) {
            h.raw("<p class=\"sub\">No intervals: add <code>--ci delong</code> or <code>--ci bootstrap</code>.</p>\n");
        }
    }

    private static void vertical(Markup h, double v, int bottom, String colour, String dash, String title) {
        String x = Fmt.coord(x(v));
        h.raw("<line x1=\"").raw(x).raw("\" y1=\"").append(TOP - 6).raw("\" x2=\"").raw(x).raw("\" y2=\"").append(bottom)
                .raw("\" stroke=\"").raw(colour).raw("\" stroke-dasharray=\"").raw(dash).raw("\"><title>").append(title)
                .raw("</title></line>\n");
    }

    private static String tooltip(SliceSummary s, MetricKey key) {
        StringBuilder sb = new StringBuilder(s.name()).append(": ").append(key.label()).append(' ');
        Optional<EvaluationSummary.Value> v = s.summary().find(key);
        sb.append(v.map(x -> Fmt.fixed(x.value(), 4)).orElse("undefined"));
        v.flatMap(EvaluationSummary.Value::interval).ifPresent(c -> sb.append(" [").append(Fmt.fixed(c.lower(), 4))
                .append(", ").append(Fmt.fixed(c.upper(), 4)).append(']'));
        sb.append(", ").append(Fmt.count(s.rows())).append(" rows");
        s.versusRest().ifPresent(c -> sb.append(", vs rest ").append(Fmt.fixed(c.difference(), 4)).append(" (p ")
                .append(Fmt.fixed(c.pValue(), 4)).append(", Holm ").append(Fmt.fixed(c.pValueHolm(), 4)).append(')'));
        return sb.toString();
    }

    private static double x(double v) {
        return LEFT + Math.max(0, Math.min(1, v)) * PLOT;
    }

    /** The sortable table of one grouping; each cell carries its exact value in {@code data-v}. */
    static void table(Markup h, SliceEvaluation g, int id) {
        EvaluationSummary.Task task = g.slices().get(0).summary().task();
        boolean binary = task == EvaluationSummary.Task.BINARY;
        MetricKey key = aucKey(task);
        MetricKey second = secondKey(task);
        h.raw("<table class=\"slice-table\" id=\"slice-table-").append(id).raw("\"><thead><tr><th>Slice</th><th>Rows</th>");
        if (binary) {
            h.raw("<th>Positives</th><th>Negatives</th>");
        }
        h.raw("<th>").append(key.label()).raw("</th><th>Lower</th><th>Upper</th><th>").append(second.label()).raw("</th>");
        if (binary) {
            h.raw("<th>&Delta; vs rest</th><th>df</th><th>p</th><th>p (Holm)</th>");
        }
        h.raw("</tr></thead><tbody>\n");
        for (SliceSummary s : g.slices()) {
            EvaluationSummary sum = s.summary();
            h.raw("<tr><td data-v=\"").append(s.name()).raw("\">").append(s.name()).raw("</td>");
            cell(h, sum.rows(), true);
            if (binary) {
                cell(h, sum.positiveRows(), true);
                cell(h, sum.negativeRows(), true);
            }
            Optional<EvaluationSummary.Value> v = sum.find(key);
            cell(h, v.map(EvaluationSummary.Value::value).orElse(Double.NaN), false);
            Optional<ConfidenceInterval> ci = v.flatMap(EvaluationSummary.Value::interval);
            cell(h, ci.map(ConfidenceInterval::lower).orElse(Double.NaN), false);
            cell(h, ci.map(ConfidenceInterval::upper).orElse(Double.NaN), false);
            cell(h, sum.find(second).map(EvaluationSummary.Value::value).orElse(Double.NaN), false);
            if (binary) {
                Optional<AucComparison> c = s.versusRest();
                cell(h, c.map(AucComparison::difference).orElse(Double.NaN), false);
                cell(h, c.map(AucComparison::degreesOfFreedom).orElse(Double.NaN), false);
                cell(h, c.map(AucComparison::pValue).orElse(Double.NaN), false);
                cell(h, c.map(AucComparison::pValueHolm).orElse(Double.NaN), false);
            }
            h.raw("</tr>\n");
        }
        h.raw("</tbody></table>");
    }

    /** A table cell: the value with 4 decimals (a count as a count), "&ndash;" when undefined; exact in data-v. */
    static void cell(Markup h, double v, boolean count) {
        h.raw("<td data-v=\"").raw(Fmt.json(v)).raw("\">")
                .raw(Double.isFinite(v) ? (count ? Fmt.grouped(v) : Fmt.fixed(v, 4)) : "&ndash;").raw("</td>");
    }

    /**
     * Sorts a slice or fold table by the clicked column's {@code data-v} (numbers numerically,
     * undefined last, text by text), toggling the direction.
     */
    static final String SORT_SCRIPT = "<script>\n(function () {\n"
            + "  var tables = document.querySelectorAll('table.slice-table');\n"
            + "  Array.prototype.forEach.call(tables, function (table) {\n"
            + "    if (table.getAttribute('data-sortable')) { return; }\n"
            + "    table.setAttribute('data-sortable', '1');\n"
            + "    var heads = table.tHead.rows[0].cells;\n"
            + "    Array.prototype.forEach.call(heads, function (th, col) {\n"
            + "      th.style.cursor = 'pointer';\n"
            + "      th.addEventListener('click', function () {\n"
            + "        var desc = th.getAttribute('data-dir') !== 'desc';\n"
            + "        Array.prototype.forEach.call(heads, function (x) { x.removeAttribute('data-dir'); });\n"
            + "        th.setAttribute('data-dir', desc ? 'desc' : 'asc');\n"
            + "        var body = table.tBodies[0];\n"
            + "        var rows = Array.prototype.slice.call(body.rows);\n"
            + "        rows.sort(function (a, b) {\n"
            + "          var va = a.cells[col].getAttribute('data-v'), vb = b.cells[col].getAttribute('data-v');\n"
            + "          var na = va === 'null' ? NaN : Number(va), nb = vb === 'null' ? NaN : Number(vb);\n"
            + "          var text = col === 0;\n"
            + "          if (text) { var t = va.localeCompare(vb); return desc ? -t : t; }\n"
            + "          if (isNaN(na) || isNaN(nb)) { return isNaN(na) === isNaN(nb) ? 0 : (isNaN(na) ? 1 : -1); }\n"
            + "          return desc ? nb - na : na - nb;\n"
            + "        });\n"
            + "        rows.forEach(function (r) { body.appendChild(r); });\n"
            + "      });\n"
            + "    });\n"
            + "  });\n"
            + "})();\n</script>\n";
}

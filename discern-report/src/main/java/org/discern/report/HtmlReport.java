package org.discern.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.discern.io.OutputDirectory;
import org.discern.io.OutputException;
import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.Calibration;
import org.discern.metrics.CalibrationBinning;
import org.discern.metrics.ConfidenceInterval;
import org.discern.metrics.EvaluationSummary;
import org.discern.metrics.Metric;
import org.discern.metrics.MetricKey;
import org.discern.metrics.MulticlassConfusionMatrix;
import org.discern.metrics.MulticlassEvaluation;
import org.discern.metrics.MultilabelEvaluation;
import org.discern.metrics.OperatingPoints;
import org.discern.metrics.PrecisionRecallCurve;
import org.discern.metrics.RocCurve;
import org.discern.metrics.SummaryOptions;
import org.discern.metrics.ThresholdSweep;
import org.discern.report.internal.Fmt;
import org.discern.report.internal.Html;
import org.discern.report.internal.Markup;
import org.discern.report.internal.Palette;
import org.discern.report.internal.SvgPlot;
import org.knowm.xchart.XYChart;

/**
 * The self-contained HTML report and its directory.
 *
 * <p>The page's summary shows the values of an {@link EvaluationSummary} (given with
 * {@link Builder#summary}, else core's default summary of the evaluation) under their labels
 * and keys, with their intervals: the same values under the same keys as {@code metrics.json}
 * when that is the summary's JSON. The report computes no metric of its own: numbers, curves,
 * the macro-average ROC, the reliability bins and the threshold sweep all come from core.
 *
 * <p>{@link #write(Path, boolean)} writes {@code DIR/report.html}, {@code DIR/metrics.json} (the
 * JSON text given by the caller, unchanged), curve CSVs under {@code DIR/curves/} and chart images
 * (PNG and SVG) under {@code DIR/charts/}. The directory appears whole or not at all, never over
 * or around the input ({@link OutputDirectory}); an existing {@code DIR} is replaced only with
 * {@code force}, and only when Discern wrote it.
 *
 * <p>{@code report.html} works offline: its styles, script and charts are inline and it makes no
 * network request. Its charts are interactive: a threshold slider, or hovering over the ROC or PR
 * curve, shows the threshold, TPR, FPR, precision, recall and the confusion matrix at that point.
 * The page embeds, per curve, at most a few thousand exact rows of the operating-point table (see
 * {@link Builder#maxEmbeddedRows(int)}), and computes the confusion matrix from their cumulative
 * counts exactly as {@link OperatingPoints#confusionAt(double)} does; so the page stays small
 * (well under 5 MB) whatever the number of rows. Every user-supplied string is escaped for its
 * context (HTML text, attribute, SVG, JSON in a script element).
 *
 * <p><b>Many classes.</b> A page of 16,000 classes is still written, in seconds, with limits on
 * what is drawn: curves (the page's interactive ones, the images and the curve CSVs) for at most
 * {@value #MAX_CLASS_CURVES} classes, the most frequent of those with both positives and negatives
 * (ties: lower class index first; all classes when there are at most that many); the confusion
 * matrix (table and images) for at most {@value #MAX_CONFUSION_CLASSES} classes; metrics.json shown
 * in the page up to {@value #MAX_EMBEDDED_JSON} characters. The summary and the per-class table
 * list every class; the page says what is left out and where to find it.
 *
 * <p>The same inputs give the same bytes, apart from the time stamp (from the injected
 * {@link Clock}).
 */
public final class HtmlReport {
    /** Distinct scores above which a curve CSV holds the embedded rows instead of every point. */
    static final int CSV_FULL_MAX = 200_000;
    /** Curves are drawn for at most this many classes (the most frequent). */
    static final int MAX_CLASS_CURVES = 50;
    /** Share of positives at or below which a binary report also draws roc_logfpr.png (rare positives). */
    static final double RARE = 0.05;
    /** The confusion matrix is drawn (table and images) for at most this many classes. */
    static final int MAX_CONFUSION_CLASSES = 50;
    /** metrics.json is shown in the page up to this many characters (it is always written). */
    static final int MAX_EMBEDDED_JSON = 1 << 20;

    private final Builder b;
    private final List<Table> tables;
    // the values shown in the page's summary; null for a report of bare one-vs-rest evaluations
    private final EvaluationSummary summary;
    // the arg-max confusion matrix of a multi-class report; null when none was given
    private final MulticlassConfusionMatrix confusion;
    // the chart images: drawn by write(...) and listed in the page's file index
    private final ChartSet charts;
    private final String html;

    private HtmlReport(Builder b) {
        this.b = b;
        this.summary = b.summary();
        this.confusion = b.confusion == null ? null : MulticlassConfusionMatrix.of(b.confusion, b.classes);
        this.tables = tables(b);
        this.charts = chartSet();
        this.html = render();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The page, as written to {@code report.html}. */
    public String html() {
        return html;
    }

    // ---------------------------------------------------------------- embedded tables

    /**
     * One curve's embedded rows (one-vs-rest class, the binary positive class, or micro-average);
     * {@code klass} is the class index in {@code Builder.classes} (1 for binary, -1 for micro).
     */
    private record Table(String name, int klass, BinaryEvaluation ev, int[] rows, boolean f32, int initial, double auc,
            double ap) {
        OperatingPoints op() {
            return ev.operatingPoints();
        }
    }

    private static List<Table> tables(Builder b) {
        List<BinaryEvaluation> evs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int[] drawn = b.drawnClasses();
        for (int c : drawn) {
            evs.add(b.evaluations.get(b.binary ? 0 : c));
            names.add(b.classes.get(c));
        }
        if (b.micro != null) {
            evs.add(b.micro);
            names.add("micro-average (all classes pooled)");
        }
        // representative rows: up to two per quantile, so half the budget each
        int per = b.maxRows / 2;
        List<Table> out = new ArrayList<>();
        for (int i = 0; i < evs.size(); i++) {
            BinaryEvaluation ev = evs.get(i);
            OperatingPoints op = ev.operatingPoints();
            int[] rows = ThresholdSweep.representativeRows(op, Math.max(3, per));
            // keep the initial threshold's exact row: as given, else 0.5 for probabilities, else the KS point
            double t0 = !Double.isNaN(b.initialThreshold) ? b.initialThreshold
                    : probabilities(op) ? 0.5 : ev.ksThreshold();
            int extra = Double.isNaN(t0) ? -1 : op.indexAt(t0);
            rows = withRow(rows, extra);
            int initial = 0;
            for (int j = 0; j < rows.length; j++) {
                if (rows[j] == extra) {
                    initial = j + 1;
                }
            }
            out.add(new Table(names.get(i), i < drawn.length ? drawn[i] : -1, ev, rows, floatThresholds(op, rows),
                    initial, ev.rocAuc(), ev.averagePrecision()));
        }
        return out;
    }

    private static boolean probabilities(OperatingPoints op) {
        return op.threshold(0) <= 1 && op.threshold(op.size() - 1) >= 0;
    }

    private static int[] withRow(int[] rows, int extra) {
        if (extra < 0 || java.util.Arrays.binarySearch(rows, extra) >= 0) {
            return rows;
        }
        int[] out = new int[rows.length + 1];
        int j = 0;
        boolean done = false;
        for (int r : rows) {
            if (!done && extra < r) {
                out[j++] = extra;
                done = true;
            }
            out[j++] = r;
        }
        if (!done) {
            out[j] = extra;
        }
        return out;
    }

    // float thresholds are written short; valid only if JavaScript's fround(parseFloat(s)) gives them back
    private static boolean floatThresholds(OperatingPoints op, int[] rows) {
        for (int r : rows) {
            double t = op.threshold(r);
            float f = (float) t;
            if (f != t || (float) Double.parseDouble(Float.toString(f)) != f) {
                return false;
            }
        }
        return true;
    }

    /** The ROC curve through a table's embedded rows, from (0, 0) at +Infinity. */
    private static RocCurve rocCurve(Table t) {
        OperatingPoints op = t.op();
        int m = t.rows.length + 1;
        double[] x = new double[m];
        double[] y = new double[m];
        double[] thr = new double[m];
        thr[0] = Double.POSITIVE_INFINITY;
        for (int j = 0; j < t.rows.length; j++) {
            x[j + 1] = op.falsePositives(t.rows[j]) / op.negatives();
            y[j + 1] = op.truePositives(t.rows[j]) / op.positives();
            thr[j + 1] = op.threshold(t.rows[j]);
        }
        return RocCurve.of(x, y, thr);
    }

    /** The PR curve through a table's embedded rows, from (0, 1) at +Infinity (precision 1 when nothing is flagged). */
    private static PrecisionRecallCurve prCurve(Table t) {
        OperatingPoints op = t.op();
        int m = t.rows.length + 1;
        double[] precision = new double[m];
        double[] recall = new double[m];
        double[] thr = new double[m];
        precision[0] = 1;
        thr[0] = Double.POSITIVE_INFINITY;
        for (int j = 0; j < t.rows.length; j++) {
            double tp = op.truePositives(t.rows[j]);
            double pp = tp + op.falsePositives(t.rows[j]);
            precision[j + 1] = pp == 0 ? 1 : tp / pp;
            recall[j + 1] = tp / op.positives();
            thr[j + 1] = op.threshold(t.rows[j]);
        }
        return PrecisionRecallCurve.of(precision, recall, thr);
    }

    /** A curve to draw, reduced to its corners; null when nothing is defined. */
    private static Curve drawable(Curve c) {
        return c.size() == 0 ? null : c;
    }

    // ---------------------------------------------------------------- the page

    private String render() {
        Markup h = new Markup(1 << 20);
        String title = b.title;
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .raw("style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
                .raw("<title>").append(title).raw("</title>\n<style>\n")
                .raw(resource("report.css")).raw("</style>\n</head>\n<body>\n<main>\n");
        h.raw("<h1>").append(title).raw("</h1>\n<p class=\"sub\">")
                .append(b.binary ? "Binary classification" : b.multilabel != null ? "Multi-label classification ("
                        + b.classes.size() + " labels, one curve per label)" : "Multi-class classification ("
                        + b.classes.size() + " classes, one-vs-rest curves)")
                .raw(" &middot; ").append(b.totalRows).raw(" rows &middot; generated ")
                .append(b.clock.instant().truncatedTo(ChronoUnit.SECONDS).toString())
                .raw(" by Discern ").append(b.version).raw("</p>\n");
        summary(h);
        interactive(h);
        if (!b.binary) {
            perClass(h);
            if (b.confusion != null) {
                confusion(h);
            } else if (b.multiclass != null) {
                h.raw("<h2>Confusion matrix</h2>\n<p class=\"sub\">").append(Fmt.count(b.classes.size()))
                        .raw(" x ").append(Fmt.count(b.classes.size())).raw(": not drawn for more than ")
                        .append(MAX_CONFUSION_CLASSES).raw(" classes; its cells are in metrics.json.</p>\n");
            }
        }
        files(h);
        provenance(h);
        if (b.metricsJson != null && b.metricsJson.length() <= MAX_EMBEDDED_JSON) {
            h.raw("<h2>Metrics (metrics.json)</h2>\n<details><summary>Show the JSON</summary><pre class=\"json\">")
                    .append(b.metricsJson).raw("</pre></details>\n");
        } else if (b.metricsJson != null) {
            h.raw("<h2>Metrics (metrics.json)</h2>\n<p class=\"sub\">").append(Fmt.count(b.metricsJson.length()))
                    .raw(" characters, too long to show here: open <a href=\"metrics.json\">metrics.json</a>.</p>\n");
        }
        h.raw("<pre id=\"test-result\"></pre>\n</main>\n");
        h.raw("<script type=\"application/json\" id=\"discern-data\">").raw(dataJson()).raw("</script>\n");
        h.raw("<script>\n").raw(resource("report.js")).raw("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private void summary(Markup h) {
        h.raw("<h2>Summary</h2>\n<div class=\"cols\">\n<div class=\"card scroll\"><table id=\"balance\">")
                .raw("<thead><tr><th>Class</th><th>Rows</th><th>Share</th></tr></thead><tbody>\n");
        for (int i = 0; i < b.classes.size(); i++) {
            double n = b.support(i);
            h.raw("<tr><td>").append(b.classes.get(i)).raw("</td><td>").append(Fmt.count(n))
                    .raw("</td><td>").append(Fmt.fixed(100 * n / b.totalRows, 2)).raw("%</td></tr>\n");
        }
        h.raw("</tbody></table></div>\n");
        if (summary != null) {
            headline(h, summary);
        }
        h.raw("</div>\n");
        List<String> warnings = b.allWarnings(summary);
        if (!warnings.isEmpty()) {
            h.raw("<div id=\"warnings\">\n");
            for (String w : warnings) {
                h.raw("<div class=\"warn\">").append(w).raw("</div>\n");
            }
            h.raw("</div>\n");
        }
    }

    /**
     * The summary's values: label, key (as in metrics.json), value, and the interval when the
     * summary has intervals. Each row carries its key, exact value and interval ({@code data-key},
     * {@code data-v}, {@code data-lower}, {@code data-upper}) so the page can be checked against
     * metrics.json.
     */
    private static void headline(Markup h, EvaluationSummary s) {
        EvaluationSummary.Intervals in = s.intervals().orElse(null);
        h.raw("<div class=\"card\"><table id=\"headline\">")
                .raw("<thead><tr><th>Metric</th><th>Key</th><th>Value</th>");
        if (in != null) {
            h.raw("<th>").append(ConfidenceInterval.percent(in.level())).raw("% ").append(in.method())
                    .raw(" interval</th>");
        }
        h.raw("</tr></thead><tbody>\n");
        for (EvaluationSummary.Value v : s.values()) {
            h.raw("<tr data-key=\"").append(v.key().key()).raw("\" data-v=\"")
                    .append(Fmt.json(v.value())).raw("\"");
            v.interval().ifPresent(ci -> h.raw(" data-lower=\"").append(Fmt.json(ci.lower()))
                    .raw("\" data-upper=\"").append(Fmt.json(ci.upper())).raw("\""));
            h.raw("><td>").append(v.key().label())
                    .raw("</td><td><code>").append(v.key().key()).raw("</code></td><td>")
                    .append(Double.isNaN(v.value()) ? "undefined" : Fmt.fixed(v.value(), 4)).raw("</td>");
            if (in != null) {
                h.raw("<td>").append(v.interval().map(HtmlReport::interval).orElse("")).raw("</td>");
            }
            h.raw("</tr>\n");
        }
        h.raw("</tbody></table></div>\n");
    }

    /** "[lower, upper]" with 4 decimals. */
    private static String interval(ConfidenceInterval ci) {
        return "[" + Fmt.fixed(ci.lower(), 4) + ", " + Fmt.fixed(ci.upper(), 4) + "]";
    }

    /** The curve with the summary's interval of the metric (of class {@code klass}, or binary), if it has one. */
    private Curve withInterval(Curve c, int klass, Metric metric) {
        if (summary == null) {
            return c;
        }
        MetricKey key = MetricKey.of(metric);
        java.util.Optional<EvaluationSummary.Value> v = b.binary ? summary.find(key)
                : klass >= 0 && klass < summary.perClass().size()
                        ? summary.perClass().get(klass).values().stream().filter(x -> x.key().equals(key)).findFirst()
                        : java.util.Optional.empty();
        ConfidenceInterval ci = v.flatMap(EvaluationSummary.Value::interval).orElse(null);
        return ci == null ? c : c.withInterval(ci.lower(), ci.upper());
    }

    /** The interval of the binary summary's ROC AUC, if it has one. */
    private ConfidenceInterval rocAucInterval() {
        return summary == null ? null : summary.find(MetricKey.of(Metric.ROC_AUC))
                .flatMap(EvaluationSummary.Value::interval).orElse(null);
    }

    private void interactive(Markup h) {
        h.raw("<h2>Curves and threshold</h2>\n");
        int curves = tables.size() - (b.micro != null ? 1 : 0);
        if (!b.binary && curves < b.classes.size()) {
            h.raw("<p class=\"sub\">Curves of the ").append(curves).raw(" most frequent of the ")
                    .append(Fmt.count(b.classes.size())).raw(" classes (classes with both positives and negatives; ")
                    .raw("at most ").append(MAX_CLASS_CURVES).raw(" are drawn); every class is in the per-class ")
                    .raw("table, and <code>discern curves</code> writes the curves of all.</p>\n");
        }
        h.raw("<div class=\"controls\">");
        if (!b.binary) {
            h.raw("<label>Class (one-vs-rest) <select id=\"class-select\">");
            for (int i = 0; i < tables.size(); i++) {
                h.raw("<option value=\"").append(i).raw("\">").append(tables.get(i).name)
                        .raw("</option>");
            }
            h.raw("</select></label>");
        }
        Table first = tables.get(0);
        h.raw("<label>Threshold <input type=\"range\" id=\"threshold-slider\" min=\"0\" max=\"")
                .append(first.rows.length).raw("\" step=\"1\" value=\"").append(first.initial)
                .raw("\"></label><span>positive iff score &ge; threshold; hover over a curve to move it</span></div>\n");
        SvgPlot roc = new SvgPlot("roc-chart", "ROC curve", "False positive rate", "True positive rate");
        roc.reference(0, 0, 1, 1);
        SvgPlot pr = new SvgPlot("pr-chart", "Precision-recall curve", "Recall", "Precision");
        for (int i = 0; i < tables.size(); i++) {
            Table t = tables.get(i);
            boolean micro = b.micro != null && i == tables.size() - 1;
            String colour = micro ? "#000000" : Palette.hex(i);
            String dash = micro ? "" : Palette.dash(i);
            Curve rc = drawable(Curve.roc(t.name, rocCurve(t)));
            if (rc != null) {
                roc.curve(rc.x(), rc.y(), i, colour, dash, t.name + " (AUC " + Fmt.fixed(t.auc, 4) + ")");
            }
            Curve pc = drawable(Curve.precisionRecall(t.name, prCurve(t), Double.NaN));
            if (pc != null) {
                pr.curve(pc.x(), pc.y(), i, colour, dash, t.name + " (AP " + Fmt.fixed(t.ap, 4) + ")");
            }
            OperatingPoints op = t.op();
            double prevalence = op.positives() / (op.positives() + op.negatives());
            if (Double.isFinite(prevalence)) {
                pr.baseline(prevalence, i);
            }
        }
        h.raw("<div class=\"cols\">\n<div class=\"card\">").raw(roc.render()).raw("</div>\n<div class=\"card\">")
                .raw(pr.render()).raw("</div>\n");
        h.raw("<div class=\"card\"><table class=\"readout\"><tbody>\n");
        if (!b.binary) {
            row(h, "Class", "ro-class");
        }
        row(h, "ROC AUC", "ro-auc");
        row(h, "Average precision", "ro-ap");
        row(h, "Threshold", "ro-threshold");
        row(h, "TPR (recall)", "ro-tpr");
        row(h, "FPR", "ro-fpr");
        row(h, "Precision", "ro-precision");
        row(h, "Recall", "ro-recall");
        row(h, "F1", "ro-f1");
        row(h, "Specificity", "ro-specificity");
        row(h, "Accuracy", "ro-accuracy");
        String pos = b.binary ? b.classes.get(1) : "this class";
        String neg = b.binary ? b.classes.get(0) : "other classes";
        h.raw("</tbody></table>\n<table class=\"cm2\" id=\"cm\"><thead><tr><th></th><th>predicted ")
                .append(pos).raw("</th><th>predicted ").append(neg)
                .raw("</th></tr></thead><tbody>\n<tr><th>actual ").append(pos)
                .raw("</th><td class=\"hit\" id=\"cm-tp\"></td><td class=\"miss\" id=\"cm-fn\"></td></tr>\n")
                .raw("<tr><th>actual ").append(neg)
                .raw("</th><td class=\"miss\" id=\"cm-fp\"></td><td class=\"hit\" id=\"cm-tn\"></td></tr>\n")
                .raw("</tbody></table></div>\n</div>\n");
        if (b.binary) {
            Table t = tables.get(0);
            ConfidenceInterval ci = rocAucInterval();
            h.raw("<div class=\"legend\"><span class=\"item\"><span class=\"swatch\" style=\"border-top-color:")
                    .append(Palette.hex(0)).raw("\"></span>positive class ").append(b.classes.get(1))
                    .raw(": ROC AUC ").append(Fmt.fixed(t.auc, 4))
                    .append(ci == null ? "" : " " + interval(ci))
                    .raw(", average precision ").append(Fmt.fixed(t.ap, 4)).raw("</span></div>\n");
        } else {
            h.raw("<div class=\"legend\">");
            for (int i = 0; i < tables.size(); i++) {
                boolean micro = b.micro != null && i == tables.size() - 1;
                String colour = micro ? "#000000" : Palette.hex(i);
                String dash = micro ? "" : Palette.dash(i);
                h.raw("<span class=\"item\"><span class=\"swatch\" style=\"border-top-color:").append(colour)
                        .append(dash.isEmpty() ? "" : ";border-top-style:dashed").raw("\"></span>")
                        .append(tables.get(i).name).raw("</span>");
            }
            h.raw("</div>\n");
        }
    }

    private static void row(Markup h, String label, String id) {
        h.raw("<tr><th>").append(label).raw("</th><td id=\"").append(id).raw("\"></td></tr>\n");
    }

    private void perClass(Markup h) {
        h.raw("<h2>Per-class metrics</h2>\n<p class=\"sub\">Precision, recall and F1 of the arg-max prediction")
                .append(b.multilabel != null ? " (not defined for multi-label input: each label is its own binary task;"
                        + " see the curves)" : b.confusion == null && b.multiclass == null
                        ? " (not available: no confusion matrix given)" : "")
                .raw("; AUC and AP one-vs-rest. Click a header to sort, a row to select the class.</p>\n")
                .raw("<table class=\"sortable\" id=\"class-table\"><thead><tr><th>Class</th><th>Support</th>")
                .raw("<th>Precision</th><th>Recall</th><th>F1</th><th>ROC AUC</th><th>AP</th></tr></thead><tbody>\n");
        int[] table = new int[b.classes.size()];
        java.util.Arrays.fill(table, -1);
        for (int j = 0; j < tables.size(); j++) {
            if (tables.get(j).klass >= 0) {
                table[tables.get(j).klass] = j;
            }
        }
        // many classes: no dense matrix was built, the evaluation's sparse one gives the per-class numbers
        MulticlassConfusionMatrix cm = confusion != null ? confusion
                : b.multiclass != null ? b.multiclass.confusionMatrix() : null;
        for (int i = 0; i < b.classes.size(); i++) {
            BinaryEvaluation ev = b.evaluations.get(i);
            if (table[i] < 0) {
                h.raw("<tr>");
            } else {
                h.raw("<tr data-table=\"").append(table[i]).raw("\">");
            }
            h.raw("<td data-v=\"").append(b.classes.get(i)).raw("\">").append(b.classes.get(i)).raw("</td>");
            cell(h, b.support(i), true);
            cell(h, cm == null ? Double.NaN : cm.precision(i), false);
            cell(h, cm == null ? Double.NaN : cm.recall(i), false);
            cell(h, cm == null ? Double.NaN : cm.f1(i), false);
            cell(h, ev.rocAuc(), false);
            cell(h, ev.averagePrecision(), false);
            h.raw("</tr>\n");
        }
        h.raw("</tbody></table>\n");
    }

    private static void cell(Markup h, double v, boolean count) {
        String text = Double.isNaN(v) ? "undefined" : (count ? Fmt.count(v) : Fmt.fixed(v, 4));
        h.raw("<td data-v=\"").append(Fmt.json(v)).raw("\">").append(text).raw("</td>");
    }

    private void confusion(Markup h) {
        int k = b.classes.size();
        h.raw("<h2>Confusion matrix</h2>\n<p class=\"sub\">Rows: true class; columns: predicted class (arg-max). ")
                .raw("<label><input type=\"checkbox\" id=\"cm-toggle\"> show each row as shares</label></p>\n")
                .raw("<div style=\"overflow:auto\"><table class=\"cmk\" id=\"cmk\"><thead><tr><th></th>");
        for (int p = 0; p < k; p++) {
            h.raw("<th class=\"rot\" title=\"").append(b.classes.get(p)).raw("\">")
                    .append(b.classes.get(p)).raw("</th>");
        }
        h.raw("</tr></thead><tbody>\n");
        for (int t = 0; t < k; t++) {
            double rowSum = 0;
            for (int p = 0; p < k; p++) {
                rowSum += b.confusion[t][p];
            }
            h.raw("<tr><th>").append(b.classes.get(t)).raw("</th>");
            for (int p = 0; p < k; p++) {
                double v = b.confusion[t][p];
                double share = rowSum == 0 ? 0 : v / rowSum;
                int shade = (int) Math.round(255 - 160 * share);
                String bg = t == p ? "rgb(" + shade + "," + Math.min(255, shade + 40) + "," + shade + ")"
                        : "rgb(255," + shade + "," + shade + ")";
                h.raw("<td style=\"background:").append(bg).raw("\" data-count=\"").append(Fmt.count(v))
                        .raw("\" data-share=\"").append(Fmt.fixed(share, 3)).raw("\">").append(Fmt.count(v))
                        .raw("</td>");
            }
            h.raw("</tr>\n");
        }
        h.raw("</tbody></table></div>\n");
    }

    private void files(Markup h) {
        h.raw("<h2>Files</h2>\n<p class=\"files\">");
        for (String f : charts.files()) {
            h.raw("<a href=\"charts/").append(f).raw("\">").append(f).raw("</a> ");
        }
        h.raw("<a href=\"metrics.json\">metrics.json</a> <a href=\"curves/\">curves/</a></p>\n");
        boolean reduced = false;
        for (Table t : tables) {
            reduced |= t.op().size() > CSV_FULL_MAX;
        }
        if (reduced) {
            h.raw("<p class=\"sub\">Curves with more than ").append(CSV_FULL_MAX)
                    .raw(" distinct scores are written to the CSVs at the embedded resolution (exact points, ")
                    .raw("at most a few thousand per curve).</p>\n");
        }
    }

    private void provenance(Markup h) {
        h.raw("<h2>Provenance</h2>\n<table id=\"provenance\"><tbody>\n");
        for (Map.Entry<String, String> e : b.provenance(summary).entrySet()) {
            h.raw("<tr><th>").append(e.getKey()).raw("</th><td style=\"text-align:left\">")
                    .append(e.getValue()).raw("</td></tr>\n");
        }
        h.raw("</tbody></table>\n");
    }

    private String dataJson() {
        StringBuilder j = new StringBuilder(1 << 16);
        j.append("{\"initialTable\":0,\"initialPosition\":").append(tables.get(0).initial).append(",\"tables\":[");
        for (int i = 0; i < tables.size(); i++) {
            Table t = tables.get(i);
            OperatingPoints op = t.op();
            if (i > 0) {
                j.append(',');
            }
            j.append("\n{\"name\":").append(Html.jsonString(t.name)).append(",\"P\":").append(Fmt.json(op.positives()))
                    .append(",\"N\":").append(Fmt.json(op.negatives())).append(",\"auc\":").append(Fmt.json(t.auc))
                    .append(",\"ap\":").append(Fmt.json(t.ap)).append(",\"f32\":").append(t.f32)
                    .append(",\n\"t\":[");
            for (int k = 0; k < t.rows.length; k++) {
                if (k > 0) {
                    j.append(',');
                }
                double thr = op.threshold(t.rows[k]);
                j.append(t.f32 ? Float.toString((float) thr) : Double.toString(thr));
            }
            j.append("],\n\"tp\":[");
            for (int k = 0; k < t.rows.length; k++) {
                if (k > 0) {
                    j.append(',');
                }
                j.append(Fmt.json(op.truePositives(t.rows[k])));
            }
            j.append("],\n\"fp\":[");
            for (int k = 0; k < t.rows.length; k++) {
                if (k > 0) {
                    j.append(',');
                }
                j.append(Fmt.json(op.falsePositives(t.rows[k])));
            }
            j.append("]}");
        }
        j.append("]}");
        return Html.scriptSafeJson(j.toString());
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes the report directory as a whole (through {@link OutputDirectory}) and returns the path
     * of {@code report.html} in it.
     *
     * @param dir the report directory to create
     * @param force whether an existing {@code dir} may be replaced: only a directory Discern wrote
     *     (it holds {@value OutputDirectory#MARKER}) or an empty one
     * @throws OutputException when {@code dir} exists and {@code force} is false, is not replaceable,
     *     holds the input file (also through a symbolic link), or when writing fails; nothing is
     *     left behind and an existing {@code dir} is unchanged
     */
    public Path write(Path dir, boolean force) throws IOException {
        return OutputDirectory.write(dir, force, "report", this::writeInto, b.input).resolve("report.html");
    }

    private void writeInto(Path dir) throws IOException {
        Files.writeString(dir.resolve("report.html"), html, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("metrics.json"), b.metricsJson == null ? "{}\n" : b.metricsJson,
                StandardCharsets.UTF_8);
        Path curves = Files.createDirectories(dir.resolve("curves"));
        writeCurves(curves);
        if (!charts.charts().isEmpty()) {
            charts.writeInto(Files.createDirectories(dir.resolve("charts")), b.progress);
        }
    }

    private void writeCurves(Path curves) throws IOException {
        if (!b.binary) {
            try (Writer w = Files.newBufferedWriter(curves.resolve("classes.csv"), StandardCharsets.UTF_8)) {
                w.write("index,class\n");
                for (int i = 0; i < tables.size(); i++) {
                    w.write(i + "," + csv(tables.get(i).name) + "\n");
                }
            }
        }
        for (int i = 0; i < tables.size(); i++) {
            b.progress.step("writing curves", i, tables.size());
            Table t = tables.get(i);
            String suffix = b.binary ? "" : String.format(java.util.Locale.ROOT, "-%02d", i);
            OperatingPoints op = t.op();
            int[] rows = op.size() > CSV_FULL_MAX ? t.rows : null;
            int m = rows == null ? op.size() : rows.length;
            try (Writer roc = Files.newBufferedWriter(curves.resolve("roc" + suffix + ".csv"), StandardCharsets.UTF_8);
                    Writer pr = Files.newBufferedWriter(curves.resolve("pr" + suffix + ".csv"), StandardCharsets.UTF_8)) {
                roc.write("threshold,fpr,tpr,tp,fp\ninf,0,0,0,0\n");
                pr.write("threshold,precision,recall\ninf,1,0\n");
                double pos = op.positives();
                double neg = op.negatives();
                StringBuilder line = new StringBuilder(96);
                for (int k = 0; k < m; k++) {
                    int r = rows == null ? k : rows[k];
                    double tp = op.truePositives(r);
                    double fp = op.falsePositives(r);
                    String thr = Double.toString(op.threshold(r));
                    line.setLength(0);
                    line.append(thr).append(',').append(Fmt.json(fp / neg)).append(',').append(Fmt.json(pos == 0 ? Double.NaN : tp / pos))
                            .append(',').append(Fmt.json(tp)).append(',').append(Fmt.json(fp)).append('\n');
                    roc.append(line);
                    line.setLength(0);
                    line.append(thr).append(',').append(Fmt.json(tp + fp == 0 ? 0 : tp / (tp + fp))).append(',')
                            .append(Fmt.json(pos == 0 ? Double.NaN : tp / pos)).append('\n');
                    pr.append(line);
                }
            }
        }
        b.progress.step("writing curves", tables.size(), tables.size());
    }

    private static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** The chart images: one list drives both their drawing and the page's file index; empty without images. */
    private ChartSet chartSet() {
        ChartSet set = new ChartSet();
        if (!b.images) {
            return set;
        }
        // the drawn classes (at most MAX_CLASS_CURVES), without the micro-average table
        int k = tables.size() - (b.micro != null ? 1 : 0);
        List<Curve> rocs = new ArrayList<>();
        List<Curve> prs = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Table t = tables.get(i);
            Curve rc = drawable(Curve.roc(t.name, rocCurve(t)));
            rocs.add(rc == null ? Curve.of(t.name, new double[] {0}, new double[] {0}).withArea(Double.NaN)
                    : rc.withArea(t.auc));
            Curve pc = drawable(Curve.precisionRecall(t.name, prCurve(t), Double.NaN));
            prs.add(pc == null ? Curve.of(t.name, new double[] {0}, new double[] {1})
                    : pc.withArea(t.ap));
        }
        // computed inside the ROC task: the pooled micro-average of n x K decisions takes a while
        java.util.function.Supplier<List<Curve>> averagesOf = () -> {
            List<Curve> averages = new ArrayList<>();
            if (b.micro != null) {
                Table t = tables.get(tables.size() - 1);
                Curve mc = drawable(Curve.roc("micro-average", rocCurve(t)));
                if (mc != null) {
                    averages.add(mc.withArea(t.auc));
                }
            }
            if (b.multiclass != null) {
                averages.add(Curve.roc("micro-average", b.multiclass.rocCurveMicro())
                        .withArea(b.multiclass.rocAucOvrMicro()));
            }
            if (b.multilabel != null) {
                averages.add(Curve.roc("micro-average", b.multilabel.rocCurveMicro())
                        .withArea(b.multilabel.rocAucMicro()));
            }
            if (!b.binary) {
                // core's macro-average curve; the legend shows roc_auc_ovr_macro when there is an evaluation
                RocCurve macro = macroRoc();
                if (macro != null) {
                    Curve c = Curve.roc("macro-average", macro);
                    averages.add(b.multiclass != null ? c.withArea(b.multiclass.rocAucOvrMacro())
                            : b.multilabel != null ? c.withArea(b.multilabel.rocAucMacro()) : c);
                }
            }
            return averages;
        };
        // legends carry the summary's AUC / AP intervals (--ci), per class for multi-class input
        List<Curve> shown = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Curve c = rocs.get(i);
            shown.add(withInterval(b.binary ? Curve.of(b.classes.get(1), c.x(), c.y()).withArea(c.area()) : c,
                    tables.get(i).klass, Metric.ROC_AUC));
            prs.set(i, withInterval(prs.get(i), tables.get(i).klass, Metric.AVERAGE_PRECISION));
        }
        set.add(charts -> {
            XYChart roc = Charts.roc(shown, averagesOf.get(), null);
            ChartFiles.write(roc, charts.resolve("roc.png"));
            ChartFiles.write(roc, charts.resolve("roc.svg"));
        }, "roc.png", "roc.svg");
        // rare positives: most operating points sit below 1% FPR, in the first pixels of roc.png
        double negatives = b.binary ? b.totalRows - b.support(1) : 0;
        if (b.binary && b.totalRows > 0 && b.support(1) / b.totalRows <= RARE && negatives >= 100) {
            set.add(charts -> {
                XYChart log = Charts.rocLogFpr(shown, List.of(), 1 / negatives);
                ChartFiles.write(log, charts.resolve("roc_logfpr.png"));
                ChartFiles.write(log, charts.resolve("roc_logfpr.svg"));
            }, "roc_logfpr.png", "roc_logfpr.svg");
        }
        double prevalence = b.binary ? b.support(1) / b.totalRows : Double.NaN;
        double[] prevalences = new double[k];
        for (int i = 0; i < k; i++) {
            prevalences[i] = b.binary ? prevalence : b.support(tables.get(i).klass) / b.totalRows;
        }
        set.add(charts -> {
            XYChart pr = b.binary ? Charts.precisionRecall(prs, prevalence) : Charts.precisionRecall(prs, prevalences);
            ChartFiles.write(pr, charts.resolve("pr.png"));
            ChartFiles.write(pr, charts.resolve("pr.svg"));
        }, "pr.png", "pr.svg");
        if (!b.binary && k > Charts.LEGEND_INSIDE_MAX) {
            set.add(charts -> {
                List<XYChart> panels = Charts.rocPanels(rocs);
                ChartFiles.writeGridPng(panels, 5, charts.resolve("roc-panels.png"));
                ChartFiles.writeGridVector(panels, 5, charts.resolve("roc-panels.svg"), ChartFiles.Format.SVG);
            }, "roc-panels.png", "roc-panels.svg");
        }
        if (b.binary) {
            BinaryEvaluation ev = b.evaluations.get(0);
            set.add(charts -> ChartFiles.write(Charts.det(List.of(Curve.det(b.classes.get(1), ev.detCurve()))),
                    charts.resolve("det.png")), "det.png");
            Table t = tables.get(0);
            // the threshold as given (0.5), not the operating point's score at or above it (0.5045)
            double chosen = !Double.isNaN(b.initialThreshold) ? b.initialThreshold
                    : t.initial == 0 ? Double.NaN : t.op().threshold(t.rows[t.initial - 1]);
            set.add(charts -> ChartFiles.write(Charts.thresholdSweep(ThresholdSweep.representative(ev.operatingPoints(),
                    2000), chosen), charts.resolve("threshold-sweep.png")), "threshold-sweep.png");
            if (b.scores != null) {
                set.add(charts -> {
                    Map<String, double[]> by = new LinkedHashMap<>();
                    by.put(b.classes.get(0), pick(b.scores, b.labels, false));
                    by.put(b.classes.get(1), pick(b.scores, b.labels, true));
                    ChartFiles.write(Charts.scoreDistributions(by, 40), charts.resolve("score-distributions.png"));
                }, "score-distributions.png");
                if (probabilities(ev.operatingPoints())) {
                    set.add(charts -> ChartFiles.write(Charts.calibration(Calibration.of(b.scores, b.labels, null, 10,
                            CalibrationBinning.UNIFORM)), charts.resolve("calibration.png")), "calibration.png");
                }
            }
        } else if (b.confusion != null) {
            set.add(charts -> ChartFiles.write(Charts.confusionMatrix(b.classes, b.confusion, false),
                    charts.resolve("confusion-counts.png")), "confusion-counts.png");
            set.add(charts -> ChartFiles.write(Charts.confusionMatrix(b.classes, b.confusion, true),
                    charts.resolve("confusion-normalised.png")), "confusion-normalised.png");
        }
        return set;
    }

    private static double[] pick(double[] scores, boolean[] labels, boolean positive) {
        int n = 0;
        for (boolean y : labels) {
            if (y == positive) {
                n++;
            }
        }
        double[] out = new double[n];
        int j = 0;
        for (int i = 0; i < scores.length; i++) {
            if (labels[i] == positive) {
                out[j++] = scores[i];
            }
        }
        return out;
    }

    /**
     * Core's macro-average ROC curve: of the multi-class evaluation, else of the classes'
     * one-vs-rest curves; null when no class has both positives and negatives.
     */
    private RocCurve macroRoc() {
        List<RocCurve> curves = new ArrayList<>();
        for (BinaryEvaluation ev : b.evaluations) {
            if (!Double.isNaN(ev.rocAuc())) {
                curves.add(ev.rocCurve());
            }
        }
        if (curves.isEmpty()) {
            return null;
        }
        return b.multiclass != null ? b.multiclass.rocCurveMacro()
                : b.multilabel != null ? b.multilabel.rocCurveMacro() : RocCurve.macroAverage(curves);
    }

    // ---------------------------------------------------------------- builder

    /** Collects the report's inputs; {@link #build()} checks them and renders the page. */
    public static final class Builder {
        private String title = "Discern report";
        private boolean binary;
        private List<String> classes;
        private final List<BinaryEvaluation> evaluations = new ArrayList<>();
        private BinaryEvaluation micro;
        private MulticlassEvaluation multiclass;
        private MultilabelEvaluation multilabel;
        private double[][] confusion;
        private int totalRows;
        private EvaluationSummary summary;
        private final List<String> warnings = new ArrayList<>();
        private final Map<String, String> provenance = new LinkedHashMap<>();
        private Path input;
        private String inputSize;
        private String inputSha256;
        private String version = "dev";
        private Clock clock = Clock.systemUTC();
        private String metricsJson;
        private double[] scores;
        private boolean[] labels;
        private boolean images = true;
        private int maxRows = 4000;
        private double initialThreshold = Double.NaN;
        private ReportProgress progress = ReportProgress.NONE;

        private Builder() {
        }

        /** Page title; default "Discern report". */
        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        /**
         * A binary report.
         *
         * @param evaluation the evaluation of the positive class's scores
         * @param negativeName display name of the negative class (e.g. "0")
         * @param positiveName display name of the positive class (e.g. "1")
         */
        public Builder binary(BinaryEvaluation evaluation, String negativeName, String positiveName) {
            this.binary = true;
            this.multiclass = null;
            this.multilabel = null;
            this.summary = null;
            this.classes = List.of(Objects.requireNonNull(negativeName, "negativeName"),
                    Objects.requireNonNull(positiveName, "positiveName"));
            this.evaluations.clear();
            this.evaluations.add(Objects.requireNonNull(evaluation, "evaluation"));
            this.totalRows = evaluation.rows();
            return this;
        }

        /**
         * A multi-class report of bare one-vs-rest evaluations: curves, the per-class table and the
         * confusion matrix, but no summary of averages (there is no multi-class evaluation to take
         * them from; use {@link #multiclass(MulticlassEvaluation)} for those).
         *
         * @param classNames class names, k &gt;= 2
         * @param oneVsRest per class, the evaluation of its score column against "this class or not"
         * @param confusion k x k counts of the arg-max prediction (confusion[true][predicted]), or null
         */
        public Builder multiclass(List<String> classNames, List<BinaryEvaluation> oneVsRest, double[][] confusion) {
            if (classNames.size() < 2 || classNames.size() != oneVsRest.size()) {
                throw new IllegalArgumentException("classNames and oneVsRest must have one size >= 2, got "
                        + classNames.size() + " and " + oneVsRest.size());
            }
            if (confusion != null && confusion.length != classNames.size()) {
                throw new IllegalArgumentException("confusion must have " + classNames.size() + " rows, got "
                        + confusion.length);
            }
            this.binary = false;
            this.multiclass = null;
            this.multilabel = null;
            this.summary = null;
            this.classes = List.copyOf(classNames);
            this.evaluations.clear();
            this.evaluations.addAll(oneVsRest);
            this.totalRows = oneVsRest.get(0).rows();
            if (confusion != null) {
                this.confusion = new double[confusion.length][];
                for (int i = 0; i < confusion.length; i++) {
                    if (confusion[i].length != classNames.size()) {
                        throw new IllegalArgumentException("confusion[" + i + "] must have " + classNames.size()
                                + " columns, got " + confusion[i].length);
                    }
                    this.confusion[i] = confusion[i].clone();
                }
            }
            return this;
        }

        /**
         * A multi-class report from Discern's evaluation: per-class one-vs-rest tables, the arg-max
         * confusion matrix, and its summary (core's default one unless {@link #summary} gives
         * another); the ROC image also shows the micro- and macro-average curves.
         */
        public Builder multiclass(MulticlassEvaluation evaluation) {
            List<BinaryEvaluation> evs = new ArrayList<>();
            for (int c = 0; c < evaluation.classCount(); c++) {
                evs.add(evaluation.classEvaluation(c));
            }
            // the per-class numbers come from the evaluation; a dense matrix only when it is drawn
            multiclass(evaluation.classes(), evs, evaluation.classCount() <= MAX_CONFUSION_CLASSES
                    ? evaluation.confusionMatrix().counts() : null);
            this.multiclass = evaluation;
            this.totalRows = evaluation.rows();
            return this;
        }

        /**
         * A multi-label report from Discern's evaluation: one curve per label (the label against its
         * absence), the per-label table, and its summary (core's default one unless {@link #summary}
         * gives another); the ROC image also shows the micro- and macro-average curves. There is no
         * confusion matrix: each label is its own binary task.
         */
        public Builder multilabel(MultilabelEvaluation evaluation) {
            List<BinaryEvaluation> evs = new ArrayList<>();
            for (int c = 0; c < evaluation.labelCount(); c++) {
                evs.add(evaluation.labelEvaluation(c));
            }
            multiclass(evaluation.labels(), evs, null);
            this.multilabel = evaluation;
            this.totalRows = evaluation.rows();
            return this;
        }

        /** The micro-average (all (sample, class) pairs pooled) of a multi-class report; optional. */
        public Builder microAverage(BinaryEvaluation pooled) {
            this.micro = pooled;
            return this;
        }

        /**
         * The evaluation summary the page's summary shows (the same values, under the same keys, as
         * its JSON in {@code metrics.json}), with its intervals and warnings. Default: core's
         * summary of the binary or multi-class evaluation with default options; none for bare
         * one-vs-rest evaluations.
         *
         * @throws IllegalArgumentException when its task is not that of the report
         */
        public Builder summary(EvaluationSummary summary) {
            Objects.requireNonNull(summary, "summary");
            if (classes == null) {
                throw new IllegalStateException("call binary(...) or multiclass(...) before summary(...)");
            }
            EvaluationSummary.Task task = binary ? EvaluationSummary.Task.BINARY
                    : multilabel != null ? EvaluationSummary.Task.MULTILABEL : EvaluationSummary.Task.MULTICLASS;
            if (summary.task() != task) {
                throw new IllegalArgumentException("summary must be of a " + task.key() + " task, got "
                        + summary.task().key());
            }
            this.summary = summary;
            return this;
        }

        /** A warning to show (in addition to those of the evaluations). */
        public Builder warning(String warning) {
            warnings.add(Objects.requireNonNull(warning, "warning"));
            return this;
        }

        /** The input file: its name, size and SHA-256 go into the provenance. */
        public Builder input(Path file) throws IOException {
            this.input = file;
            this.inputSize = Long.toString(Files.size(file));
            this.inputSha256 = sha256(file);
            return this;
        }

        /** A provenance entry (options, seed...), shown in insertion order after the input's. */
        public Builder provenance(String key, String value) {
            provenance.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Discern's version for the provenance; default "dev". */
        public Builder version(String version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /** The clock of the time stamp; default the system clock (UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The JSON written to {@code metrics.json} (and shown in the page), e.g. {@code evaluate --format json}. */
        public Builder metricsJson(String json) {
            this.metricsJson = json;
            return this;
        }

        /**
         * The raw scores and labels of a binary report, for the score-distribution and calibration
         * images; optional.
         */
        public Builder scores(double[] scores, boolean[] labels) {
            if (scores.length != labels.length) {
                throw new IllegalArgumentException("scores and labels must have one length, got "
                        + scores.length + " and " + labels.length);
            }
            this.scores = scores.clone();
            this.labels = labels.clone();
            return this;
        }

        /** Whether to write the PNG/SVG chart images; default true. */
        public Builder images(boolean images) {
            this.images = images;
            return this;
        }

        /**
         * Rows of the operating-point table embedded per curve, about; default 4000. Multi-class
         * reports share a budget of 20000 rows over all curves (at least 150 each), so the page
         * stays small.
         */
        public Builder maxEmbeddedRows(int rows) {
            if (rows < 10) {
                throw new IllegalArgumentException("rows must be >= 10, got " + rows);
            }
            this.maxRows = rows;
            return this;
        }

        /**
         * The threshold the page opens at (e.g. the one of the confusion matrix in metrics.json);
         * default 0.5 when the scores are probabilities, else the KS threshold.
         *
         * @throws IllegalArgumentException when NaN
         */
        public Builder initialThreshold(double threshold) {
            if (Double.isNaN(threshold)) {
                throw new IllegalArgumentException("threshold must not be NaN");
            }
            this.initialThreshold = threshold;
            return this;
        }

        /** Checks the inputs and renders the report. */
        /** Where {@link HtmlReport#write} reports drawing and writing (default: nowhere). */
        public Builder progress(ReportProgress progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        public HtmlReport build() {
            if (classes == null) {
                throw new IllegalStateException("call binary(...) or multiclass(...) first");
            }
            if (!binary) {
                totalBudget();
            }
            return new HtmlReport(this);
        }

        private void totalBudget() {
            int curves = drawnClasses().length + (micro == null ? 0 : 1);
            maxRows = Math.min(maxRows, Math.max(150, 20_000 / curves));
        }

        double support(int i) {
            if (binary) {
                OperatingPoints op = evaluations.get(0).operatingPoints();
                return i == 1 ? op.positiveRows() : op.negativeRows();
            }
            return evaluations.get(i).positiveRows();
        }

        /**
         * The classes whose curves are drawn, ascending: every class (the positive class of a binary
         * report) up to {@link #MAX_CLASS_CURVES} classes, else the most frequent with both
         * positives and negatives.
         */
        int[] drawnClasses() {
            if (binary) {
                return new int[] {1};
            }
            int k = classes.size();
            if (k <= MAX_CLASS_CURVES) {
                return java.util.stream.IntStream.range(0, k).toArray();
            }
            return java.util.stream.IntStream.range(0, k)
                    .filter(c -> evaluations.get(c).operatingPoints().positives() > 0
                            && evaluations.get(c).operatingPoints().negatives() > 0)
                    .boxed()
                    .sorted((x, y) -> x.equals(y) ? 0 : support(x) != support(y)
                            ? Double.compare(support(y), support(x)) : Integer.compare(x, y))
                    .limit(MAX_CLASS_CURVES)
                    .mapToInt(Integer::intValue)
                    .sorted()
                    .toArray();
        }

        /** The summary given, else core's default summary of the evaluation (null for bare one-vs-rest evaluations). */
        EvaluationSummary summary() {
            if (summary != null) {
                return summary;
            }
            if (binary) {
                SummaryOptions o = SummaryOptions.defaults();
                return EvaluationSummary.binary(evaluations.get(0),
                        Double.isNaN(initialThreshold) ? o : o.withThreshold(initialThreshold));
            }
            if (multilabel != null) {
                return EvaluationSummary.multilabel(multilabel, SummaryOptions.defaults());
            }
            return multiclass == null ? null : EvaluationSummary.multiclass(multiclass, SummaryOptions.defaults());
        }

        List<String> allWarnings(EvaluationSummary summary) {
            List<String> all = new ArrayList<>(warnings);
            if (summary != null) {
                all.addAll(summary.warnings());
                return all;
            }
            for (int i = 0; i < evaluations.size(); i++) {
                for (String w : evaluations.get(i).warnings()) {
                    all.add(binary ? w : "class " + classes.get(i) + ": " + w);
                }
            }
            return all;
        }

        Map<String, String> provenance(EvaluationSummary summary) {
            Map<String, String> p = new LinkedHashMap<>();
            if (input != null) {
                p.put("input file", input.getFileName().toString());
                p.put("input size (bytes)", inputSize);
                p.put("input SHA-256", inputSha256);
            }
            p.put("rows", Integer.toString(totalRows));
            p.put("Discern version", version);
            p.putAll(provenance);
            EvaluationSummary.Intervals in = summary == null ? null : summary.intervals().orElse(null);
            if (in != null && in.bootstrap()) {
                p.put("bootstrap", "replicates " + in.replicates() + ", seed " + in.seed());
            }
            p.put("generated", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
            return p;
        }

        private static String sha256(Path file) throws IOException {
            MessageDigest md;
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required of every JVM", e);
            }
            byte[] buf = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(file)) {
                int r;
                while ((r = in.read(buf)) > 0) {
                    md.update(buf, 0, r);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        }
    }
}

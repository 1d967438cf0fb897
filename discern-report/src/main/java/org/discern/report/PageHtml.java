package org.discern.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.ConfidenceInterval;
import org.discern.metrics.EvaluationSummary;
import org.discern.metrics.Metric;
import org.discern.metrics.MetricKey;
import org.discern.metrics.MulticlassConfusionMatrix;
import org.discern.report.internal.Fmt;
import org.discern.report.internal.Markup;
import org.discern.report.internal.Palette;

/**
 * The page's HTML, from the {@link PageModel}, through {@link Markup} (every inserted string is
 * escaped unless it is a literal of the page). The page is a list of {@link Section}s in order;
 * a new section is one class producing its markup and one line in {@link #sections}.
 */
final class PageHtml {
    /** One section of the page: its heading and content, written into the page. */
    @FunctionalInterface
    interface Section {
        void render(Markup h);
    }

    /** The readout's threshold metrics: label and key from the registry, and the id of the cell. */
    static final List<MetricKey> READOUT = List.of(MetricKey.of(Metric.PRECISION), MetricKey.of(Metric.RECALL),
            MetricKey.of(Metric.SPECIFICITY), MetricKey.of(Metric.NPV), MetricKey.of(Metric.F1),
            MetricKey.of(Metric.ACCURACY), MetricKey.of(Metric.BALANCED_ACCURACY));

    private final PageModel m;
    private final List<String> chartFiles;

    private PageHtml(PageModel m, List<String> chartFiles) {
        this.m = m;
        this.chartFiles = chartFiles;
    }

    /** The whole page. */
    static String render(PageModel m, List<String> chartFiles, String dataJson) {
        return new PageHtml(m, chartFiles).page(dataJson);
    }

    /** The sections, in page order. Sections added by other features go before the files. */
    private List<Section> sections() {
        List<Section> s = new ArrayList<>();
        // the instrument first: the curves, the threshold and its readout; then every number
        s.add(this::curves);
        s.add(this::summary);
        if (!m.binary()) {
            s.add(this::perClass);
            s.add(this::panels);
            s.add(this::confusion);
        }
        s.addAll(m.b.sections);
        s.add(this::files);
        s.add(this::provenance);
        s.add(this::metricsJson);
        return s;
    }

    private String page(String dataJson) {
        Markup h = new Markup(1 << 20);
        String title = m.b.title;
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .raw("style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
                .raw("<title>").append(title).raw("</title>\n<style>\n")
                .raw(resource("report.css")).raw("</style>\n</head>\n<body>\n<main>\n");
        int k = m.classes().size();
        h.raw("<h1>").append(title).raw("</h1>\n<p class=\"sub\">")
                .append(m.binary() ? "Binary classification" : m.multilabel() ? "Multi-label classification ("
                        + Fmt.grouped(k) + " labels, one curve per label)" : "Multi-class classification ("
                        + Fmt.grouped(k) + " classes, one-vs-rest curves)")
                .raw(" &middot; ").append(Fmt.grouped(m.b.totalRows)).raw(" rows &middot; generated ")
                .append(m.generated).raw(" by Discern ").append(m.b.version).raw("</p>\n");
        for (Section s : sections()) {
            s.render(h);
        }
        h.raw("</main>\n");
        h.raw("<script type=\"application/json\" id=\"discern-data\">").raw(dataJson).raw("</script>\n");
        h.raw("<script>\n").raw(resource("report.js")).raw("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    // ---------------------------------------------------------------- summary

    private void summary(Markup h) {
        h.raw("<h2 id=\"summary\">Summary</h2>\n<div class=\"cols\">\n<div class=\"card scroll\"><table id=\"balance\">")
                .raw("<thead><tr><th>Class</th><th>Rows</th><th>Share</th></tr></thead><tbody>\n");
        for (int i = 0; i < m.classes().size(); i++) {
            double n = m.b.support(i);
            h.raw("<tr><td class=\"name\" title=\"").append(m.classes().get(i)).raw("\">").append(m.classes().get(i))
                    .raw("</td><td>").append(Fmt.grouped(n)).raw("</td><td>")
                    .append(Fmt.fixed(100 * n / m.b.totalRows, 2)).raw("%</td></tr>\n");
        }
        h.raw("</tbody></table></div>\n");
        EvaluationSummary.Value partial = m.partialAuc();
        if (partial != null) {
            h.raw("<div class=\"card key\" id=\"partial-auc\"><div class=\"big\">")
                    .append(Double.isNaN(partial.value()) ? "undefined" : Fmt.fixed(partial.value(), 4))
                    .raw("</div><div>").append(partial.key().label()).raw(" <code>").append(partial.key().key())
                    .raw("</code></div>");
            partial.interval().ifPresent(ci -> h.raw("<div class=\"sub\">").append(interval(ci)).raw(" ")
                    .append(ConfidenceInterval.percent(ci.level()) + "% " + ci.method()).raw("</div>"));
            h.raw("<div class=\"sub\">shaded on the ROC curve: FPR &le; ").append(Fmt.count(m.maxFpr))
                    .raw("</div></div>\n");
        }
        if (m.summary != null) {
            headline(h, m.summary);
        }
        h.raw("</div>\n");
        if (!m.warnings.isEmpty()) {
            h.raw("<div id=\"warnings\">\n");
            for (String w : m.warnings) {
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
        h.raw("<div class=\"card scroll-x\"><table id=\"headline\">")
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
                if (v.interval().isPresent()) {
                    h.raw("<td>").append(interval(v.interval().get())).raw("</td>");
                } else {
                    noInterval(h, in, v.key());
                }
            }
            h.raw("</tr>\n");
        }
        h.raw("</tbody></table></div>\n");
    }

    /** "[lower, upper]" with 4 decimals. */
    static String interval(ConfidenceInterval ci) {
        return "[" + Fmt.fixed(ci.lower(), 4) + ", " + Fmt.fixed(ci.upper(), 4) + "]";
    }

    // ---------------------------------------------------------------- the instrument: curves, slider, readout

    private void curves(Markup h) {
        h.raw("<h2 id=\"curves\">Curves and threshold</h2>\n");
        int classCurves = m.classCurves().size();
        if (!m.binary() && classCurves < m.classes().size()) {
            h.raw("<p class=\"sub\">Curves of the ").append(classCurves).raw(" most frequent of the ")
                    .append(Fmt.grouped(m.classes().size())).raw(" classes (classes with both positives and negatives; ")
                    .raw("at most ").append(HtmlReport.MAX_CLASS_CURVES).raw(" are drawn); every class is in the per-class ")
                    .raw("table, and <code>discern curves</code> writes the curves of all.</p>\n");
        }
        h.raw("<div class=\"instrument\">\n<div class=\"charts\">\n");
        chartCard(h, "roc", "ROC curve", "log FPR", true);
        chartCard(h, "pr", "Precision-recall curve", "log recall", false);
        legend(h);
        h.raw("</div>\n");
        panel(h);
        h.raw("</div>\n");
    }

    private void chartCard(Markup h, String id, String title, String log, boolean roc) {
        h.raw("<div class=\"card chart-card\"><div class=\"tools\"><b>").append(title).raw("</b>")
                .raw("<label><input type=\"checkbox\" id=\"").append(id).raw("-log\"> ").append(log).raw("</label>");
        if (roc) {
            h.raw("<button type=\"button\" id=\"roc-low\" title=\"zoom to FPR from 0 to 1%\">FPR &le; 1%</button>");
        }
        h.raw("<button type=\"button\" id=\"").append(id).raw("-reset\" title=\"show the whole curve\">reset zoom</button>")
                .raw("</div>\n<svg class=\"chart\" id=\"").append(id).raw("-chart\" xmlns=\"http://www.w3.org/2000/svg\" ")
                .raw("viewBox=\"0 0 460 400\" role=\"img\" aria-label=\"").append(title)
                .raw("\"></svg>\n<div class=\"hint\">wheel: zoom &middot; drag: pan &middot; click: move the threshold")
                .raw("</div></div>\n");
    }

    private void legend(Markup h) {
        h.raw("<div class=\"card legend\" id=\"legend\">");
        List<PageModel.PageCurve> cs = m.curves;
        for (int i = 0; i < cs.size(); i++) {
            PageModel.PageCurve c = cs.get(i);
            String colour = c.kind() == PageModel.Kind.CLASS ? Palette.hex(c.style()) : "#000000";
            String dash = c.kind() == PageModel.Kind.MACRO ? "6 3" : c.kind() == PageModel.Kind.CLASS
                    ? Palette.dash(c.style()) : "";
            String name = m.binary() ? "positive class " + c.name() : c.name();
            h.raw("<button type=\"button\" class=\"item\" data-curve=\"").append(i).raw("\" title=\"").append(name)
                    .raw("\"><svg width=\"26\" height=\"8\" aria-hidden=\"true\"><line x1=\"0\" y1=\"4\" x2=\"26\" y2=\"4\" ")
                    .raw("stroke-width=\"2.5\" stroke=\"").append(colour).raw("\"")
                    .raw(dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"").raw("/></svg><span class=\"name\">")
                    .append(name).raw("</span><span class=\"num\">AUC ").append(number(c.auc()));
            if (c.aucCi() != null) {
                h.raw(" ").append(interval(c.aucCi()));
            }
            if (!Double.isNaN(c.ap()) || c.apCi() != null) {
                h.raw(" &middot; AP ").append(number(c.ap()));
                if (c.apCi() != null) {
                    h.raw(" ").append(interval(c.apCi()));
                }
            }
            h.raw("</span></button>");
        }
        h.raw("</div>\n");
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "undefined" : Fmt.fixed(v, 4);
    }

    private void panel(Markup h) {
        h.raw("<aside class=\"card panel\" id=\"panel\">\n");
        List<PageModel.PageCurve> sel = m.selectable();
        if (!m.binary()) {
            h.raw("<label class=\"row\">Class (one-vs-rest) <select id=\"class-select\">");
            for (int i = 0; i < m.curves.size(); i++) {
                PageModel.PageCurve c = m.curves.get(i);
                if (c.selectable()) {
                    h.raw("<option value=\"").append(i).raw("\">").append(c.name()).raw("</option>");
                }
            }
            h.raw("</select></label>\n");
        }
        PageModel.PageCurve first = sel.get(0);
        h.raw("<label class=\"row\">Threshold <input type=\"number\" id=\"threshold-input\" step=\"any\" ")
                .raw("inputmode=\"decimal\" aria-label=\"threshold\"></label>\n")
                .raw("<input type=\"range\" id=\"threshold-slider\" min=\"0\" max=\"1000\" step=\"1\" value=\"0\" ")
                .raw("title=\"spaced by score; arrow keys step one distinct threshold\" ")
                .raw("aria-label=\"threshold slider (spaced by score)\" data-positions=\"").append(first.rows().length)
                .raw("\">\n<div class=\"row small\"><label><input type=\"checkbox\" id=\"slider-log\"> by log score</label>")
                .raw("<span id=\"slider-range\"></span></div>\n")
                .raw("<div class=\"markers\" id=\"markers\"></div>\n")
                .raw("<p class=\"note\" id=\"ro-note\"></p>\n");
        String pos = m.binary() ? m.classes().get(1) : "this class";
        String neg = m.binary() ? m.classes().get(0) : "other classes";
        h.raw("<table class=\"cm2\" id=\"cm\"><caption>positive: <span class=\"name\" id=\"cm-pos\">").append(pos)
                .raw("</span> &middot; positive iff score &ge; threshold</caption><thead><tr><th></th>")
                .raw("<th title=\"predicted ").append(pos).raw("\">pred. pos</th><th title=\"predicted ").append(neg)
                .raw("\">pred. neg</th></tr></thead><tbody>\n<tr><th title=\"actual ").append(pos)
                .raw("\">actual pos</th><td class=\"hit\" id=\"cm-tp\"></td><td class=\"miss\" id=\"cm-fn\"></td></tr>\n")
                .raw("<tr><th title=\"actual ").append(neg).raw("\">actual neg</th>")
                .raw("<td class=\"miss\" id=\"cm-fp\"></td><td class=\"hit\" id=\"cm-tn\"></td></tr>\n")
                .raw("</tbody></table>\n<table class=\"readout\"><tbody>\n");
        if (!m.binary()) {
            row(h, "Class", null, "ro-class");
        }
        row(h, "Threshold", null, "ro-threshold");
        row(h, MetricKey.of(Metric.ROC_AUC).label(), MetricKey.of(Metric.ROC_AUC).key(), "ro-auc");
        row(h, MetricKey.of(Metric.AVERAGE_PRECISION).label(), MetricKey.of(Metric.AVERAGE_PRECISION).key(), "ro-ap");
        row(h, "false positive rate", "fpr", "ro-fpr");
        row(h, "false positives", null, "ro-fp-per");
        for (MetricKey k : READOUT) {
            row(h, k.label(), k.key(), "ro-" + k.key());
        }
        h.raw("</tbody></table>\n</aside>\n");
    }

    // the registry's label; the whole label (it may be cut at the panel's width) and its key on hover
    private static void row(Markup h, String label, String key, String id) {
        h.raw("<tr><th title=\"").append(key == null ? label : label + " (" + key + ")").raw("\">").append(label)
                .raw("</th><td id=\"").append(id).raw("\"></td></tr>\n");
    }

    // ---------------------------------------------------------------- per class, confusion matrix

    private void perClass(Markup h) {
        EvaluationSummary.Intervals in = m.summary == null ? null : m.summary.intervals().orElse(null);
        h.raw("<h2 id=\"per-class\">Per-class metrics</h2>\n<p class=\"sub\">Precision, recall and F1 of the arg-max prediction")
                .append(m.multilabel() ? " (not defined for multi-label input: each label is its own binary task;"
                        + " see the curves)" : m.b.confusion == null && m.b.multiclass == null
                        ? " (not available: no confusion matrix given)" : "")
                .raw("; AUC and AP one-vs-rest").append(in == null ? "" : ", with "
                        + ConfidenceInterval.percent(in.level()) + "% " + in.method() + " intervals")
                .raw(". Click a header to sort, a row to show the class's curves.</p>\n")
                .raw("<div class=\"card scroll-x\"><table class=\"sortable\" id=\"class-table\"><thead><tr><th>Class</th><th>Support</th>")
                .raw("<th>Precision</th><th>Recall</th><th>F1</th><th>ROC AUC</th>");
        if (in != null) {
            h.raw("<th>AUC interval</th>");
        }
        h.raw("<th>AP</th>");
        if (in != null) {
            h.raw("<th>AP interval</th>");
        }
        h.raw("</tr></thead><tbody>\n");
        int[] curveOf = new int[m.classes().size()];
        java.util.Arrays.fill(curveOf, -1);
        for (int j = 0; j < m.curves.size(); j++) {
            if (m.curves.get(j).klass() >= 0) {
                curveOf[m.curves.get(j).klass()] = j;
            }
        }
        // many classes: no dense matrix was built, the evaluation's sparse one gives the per-class numbers
        MulticlassConfusionMatrix cm = m.confusion != null ? m.confusion
                : m.b.multiclass != null ? m.b.multiclass.confusionMatrix() : null;
        List<EvaluationSummary.ClassRow> rows = m.summary == null ? List.of() : m.summary.perClass();
        for (int i = 0; i < m.classes().size(); i++) {
            BinaryEvaluation ev = m.b.evaluations.get(i);
            if (curveOf[i] < 0) {
                h.raw("<tr>");
            } else {
                h.raw("<tr data-table=\"").append(curveOf[i]).raw("\">");
            }
            String name = m.classes().get(i);
            h.raw("<td data-v=\"").append(name).raw("\" class=\"name\" title=\"").append(name).raw("\">")
                    .append(name).raw("</td>");
            cell(h, m.b.support(i), true);
            cell(h, cm == null ? Double.NaN : cm.precision(i), false);
            cell(h, cm == null ? Double.NaN : cm.recall(i), false);
            cell(h, cm == null ? Double.NaN : cm.f1(i), false);
            cell(h, ev.rocAuc(), false);
            EvaluationSummary.ClassRow row = i < rows.size() ? rows.get(i) : null;
            if (in != null) {
                intervalCell(h, in, row, MetricKey.of(Metric.ROC_AUC));
            }
            cell(h, ev.averagePrecision(), false);
            if (in != null) {
                intervalCell(h, in, row, MetricKey.of(Metric.AVERAGE_PRECISION));
            }
            h.raw("</tr>\n");
        }
        h.raw("</tbody></table></div>\n");
    }

    /** One-vs-rest small multiples (as roc-panels.png), drawn by the script from the curves' points. */
    private void panels(Markup h) {
        h.raw("<h2 id=\"panels-h\">One-vs-rest ROC curves</h2>\n<p class=\"sub\">One small ROC curve per ")
                .append(m.multilabel() ? "label" : "class").raw(" (false positive rate across, on the ROC chart's log"
                        + " or linear scale; true positive rate up, 0 to 1; as roc-panels.png). Click one to show it in the curves above.</p>\n")
                .raw("<div class=\"card panels\" id=\"panels\"></div>\n");
    }

    private static void intervalCell(Markup h, EvaluationSummary.Intervals in, EvaluationSummary.ClassRow row,
            MetricKey key) {
        ConfidenceInterval ci = row == null ? null : row.values().stream().filter(v -> v.key().equals(key)).findFirst()
                .flatMap(EvaluationSummary.Value::interval).orElse(null);
        if (ci == null) {
            noInterval(h, in, key);
        } else {
            h.raw("<td data-v=\"").append(Fmt.json(ci.lower())).raw("\">").append(interval(ci)).raw("</td>");
        }
    }

    /**
     * The cell of a value the summary's interval method gives no interval for: a dash, and on
     * hover why (DeLong's method covers ROC AUCs only; the bootstrap gives the others).
     */
    static void noInterval(Markup h, EvaluationSummary.Intervals in, MetricKey key) {
        String method = in.method().startsWith(ConfidenceInterval.DELONG) ? "DeLong's method" : in.method();
        String why = in.bootstrap() ? "no bootstrap interval for " + key.label()
                : method + " gives no interval for " + key.label() + "; --ci bootstrap gives one";
        h.raw("<td class=\"no-ci\" data-v=\"null\" title=\"").append(why).raw("\">\u2014</td>");
    }

    private static void cell(Markup h, double v, boolean count) {
        String text = Double.isNaN(v) ? "undefined" : (count ? Fmt.grouped(v) : Fmt.fixed(v, 4));
        h.raw("<td data-v=\"").append(Fmt.json(v)).raw("\">").append(text).raw("</td>");
    }

    private void confusion(Markup h) {
        if (m.b.confusion == null) {
            if (m.b.multiclass != null) {
                h.raw("<h2 id=\"confusion\">Confusion matrix</h2>\n<p class=\"sub\">").append(Fmt.count(m.classes().size()))
                        .raw(" x ").append(Fmt.count(m.classes().size())).raw(": not drawn for more than ")
                        .append(HtmlReport.MAX_CONFUSION_CLASSES).raw(" classes; its cells are in metrics.json.</p>\n");
            }
            return;
        }
        int k = m.classes().size();
        double[][] counts = m.b.confusion;
        h.raw("<h2 id=\"confusion\">Confusion matrix</h2>\n<p class=\"sub\">Rows: true class; columns: predicted class (arg-max). ")
                .raw("<label><input type=\"checkbox\" id=\"cm-toggle\"> show each row as shares</label></p>\n")
                .raw("<div class=\"card cm-wrap\"><table class=\"cmk\" id=\"cmk\"><thead><tr><th class=\"corner\">true \\ predicted</th>");
        for (int p = 0; p < k; p++) {
            h.raw("<th class=\"rot\" title=\"").append(m.classes().get(p)).raw("\"><span>")
                    .append(m.classes().get(p)).raw("</span></th>");
        }
        h.raw("</tr></thead><tbody>\n");
        for (int t = 0; t < k; t++) {
            double rowSum = 0;
            for (int p = 0; p < k; p++) {
                rowSum += counts[t][p];
            }
            h.raw("<tr><th title=\"").append(m.classes().get(t)).raw("\">").append(m.classes().get(t)).raw("</th>");
            for (int p = 0; p < k; p++) {
                double v = counts[t][p];
                double share = rowSum == 0 ? 0 : v / rowSum;
                int shade = (int) Math.round(255 - 160 * share);
                String bg = t == p ? "rgb(" + shade + "," + Math.min(255, shade + 40) + "," + shade + ")"
                        : "rgb(255," + shade + "," + shade + ")";
                h.raw("<td style=\"background:").append(bg).raw("\" data-count=\"").append(Fmt.grouped(v))
                        .raw("\" data-share=\"").append(Fmt.fixed(share, 3)).raw("\" title=\"true ")
                        .append(m.classes().get(t)).raw(", predicted ").append(m.classes().get(p)).raw("\">")
                        .append(Fmt.grouped(v)).raw("</td>");
            }
            h.raw("</tr>\n");
        }
        h.raw("</tbody></table></div>\n");
    }

    // ---------------------------------------------------------------- files, provenance, JSON

    private void files(Markup h) {
        h.raw("<h2 id=\"files\">Files</h2>\n<p class=\"files\">");
        for (String f : chartFiles) {
            h.raw("<a href=\"charts/").append(f).raw("\">").append(f).raw("</a> ");
        }
        h.raw("<a href=\"metrics.json\">metrics.json</a> <a href=\"curves/\">curves/</a></p>\n");
        boolean reduced = false;
        for (PageModel.PageCurve c : m.selectable()) {
            reduced |= c.op().size() > CurveCsvs.CSV_FULL_MAX;
        }
        if (reduced) {
            h.raw("<p class=\"sub\">Curves with more than ").append(Fmt.grouped(CurveCsvs.CSV_FULL_MAX))
                    .raw(" distinct scores are written to the CSVs at the embedded resolution (exact points, ")
                    .raw("at most a few thousand per curve).</p>\n");
        }
    }

    private void provenance(Markup h) {
        h.raw("<h2 id=\"provenance-h\">Provenance</h2>\n<div class=\"scroll-x\"><table id=\"provenance\"><tbody>\n");
        for (Map.Entry<String, String> e : m.provenance.entrySet()) {
            h.raw("<tr><th>").append(e.getKey()).raw("</th><td style=\"text-align:left\">")
                    .append(e.getValue()).raw("</td></tr>\n");
        }
        h.raw("</tbody></table></div>\n");
    }

    private void metricsJson(Markup h) {
        String json = m.b.metricsJson;
        if (json == null) {
            return;
        }
        h.raw("<h2>Metrics (metrics.json)</h2>\n");
        if (json.length() <= HtmlReport.MAX_EMBEDDED_JSON) {
            h.raw("<details><summary>Show the JSON</summary><pre class=\"json\">").append(json).raw("</pre></details>\n");
        } else {
            h.raw("<p class=\"sub\">").append(Fmt.grouped(json.length()))
                    .raw(" characters, too long to show here: open <a href=\"metrics.json\">metrics.json</a>.</p>\n");
        }
    }

    static String resource(String name) {
        try (InputStream in = PageHtml.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

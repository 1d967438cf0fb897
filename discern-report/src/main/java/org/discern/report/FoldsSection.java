package org.discern.report;

import java.util.List;
import java.util.function.IntToDoubleFunction;

import org.discern.metrics.AveragedCurve;
import org.discern.metrics.EvaluationSummary;
import org.discern.metrics.FoldEvaluation;
import org.discern.metrics.MetricKey;
import org.discern.metrics.SliceSummary;
import org.discern.report.internal.Fmt;
import org.discern.report.internal.Markup;
import org.discern.report.internal.Palette;

/**
 * The page's "Folds" section ({@code report --fold}): for binary predictions the ROC and PR
 * curves of every fold drawn thin, their vertical average drawn thick, the band mean &plusmn; sd
 * shaded and the min&ndash;max band shaded lighter (inline SVG, as scikit-learn's
 * cross-validation example draws them); for every task a sortable table of the folds' rows and
 * headline values with their mean and sd, and the pooled ROC AUC beside the mean of the folds'.
 * Every value and curve comes from core's {@link FoldEvaluation}; fold names are escaped through
 * {@link Markup}.
 */
final class FoldsSection {
    static final int SIZE = 400;
    private static final int LEFT = 52;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 44;
    private static final int PW = SIZE - LEFT - RIGHT;
    private static final int PH = SIZE - TOP - BOTTOM;
    // the bands' colour and opacities, and the mean's colour: drawn and in the legend
    private static final String BAND = "#1f77b4";
    private static final String SD_OPACITY = "0.25";
    private static final String MIN_MAX_OPACITY = "0.12";
    private static final String MEAN = "#0b3c6e";

    private FoldsSection() {
    }

    /** Appends the section; nothing when {@code folds} is null. */
    static void render(Markup h, FoldEvaluation folds) {
        if (folds == null) {
            return;
        }
        MetricKey auc = folds.aucKey();
        h.raw("<h2 id=\"folds\">Folds</h2>\n<p class=\"sub\">Cross-validated predictions by <code>")
                .append(folds.column()).raw("</code>: ").append(folds.folds().size() + " folds. ")
                .append(auc.label()).raw(": pooled (all rows at once) <b id=\"auc-pooled\" data-v=\"")
                .raw(Fmt.json(folds.rocAucPooled())).raw("\">").raw(Fmt.fixed(folds.rocAucPooled(), 4))
                .raw("</b>, mean of the folds <b id=\"auc-mean-of-folds\" data-v=\"")
                .raw(Fmt.json(folds.rocAucMeanOfFolds())).raw("\">").raw(Fmt.fixed(folds.rocAucMeanOfFolds(), 4))
                .raw("</b> (metrics.json: <code>folds</code>; sd: population, over the folds).</p>\n");
        h.raw("<div class=\"cols\">\n");
        if (folds.roc().isPresent()) {
            h.raw("<div class=\"card\">");
            plot(h, "fold-roc", "False-positive rate", "True-positive rate", folds, folds.roc().get(), true);
            h.raw("</div>\n<div class=\"card\">");
            plot(h, "fold-pr", "Recall", "Precision", folds, folds.precisionRecall().orElseThrow(), false);
            h.raw("</div>\n");
        }
        h.raw("<div class=\"card scroll\">");
        table(h, folds);
        h.raw("</div>\n</div>\n");
        if (folds.roc().isPresent()) {
            h.raw("<p class=\"sub legend\">Thin: each fold. Thick: the mean over the folds at each of ")
                    .append(folds.roc().get().size()).raw(" points. Dark band: mean &plusmn; sd; light band: min to"
                            + " max over the folds.</p>\n");
        }
        for (String w : folds.warnings()) {
            h.raw("<div class=\"warn\">").append(w).raw("</div>\n");
        }
        h.raw(SlicesSection.SORT_SCRIPT);
    }

    private static double px(double x) {
        return LEFT + x * PW;
    }

    private static double py(double y) {
        return TOP + (1 - y) * PH;
    }

    /** One unit-square chart: axes, bands, fold curves, the mean. */
    static void plot(Markup h, String id, String xTitle, String yTitle, FoldEvaluation folds, AveragedCurve avg,
            boolean roc) {
        h.raw("<svg class=\"folds\" id=\"").raw(id).raw("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(SIZE).raw(" ").append(SIZE).raw("\" width=\"").append(SIZE).raw("\" height=\"").append(SIZE)
                .raw("\" role=\"img\" aria-label=\"").append((roc ? "ROC" : "Precision-recall") + " curves of the folds")
                .raw("\" font-family=\"system-ui,sans-serif\" font-size=\"11\">\n<rect width=\"").append(SIZE)
                .raw("\" height=\"").append(SIZE).raw("\" fill=\"#fff\"/>\n");
        for (int k = 0; k <= 10; k += 2) {
            double v = k / 10.0;
            h.raw("<line x1=\"").raw(Fmt.coord(px(v))).raw("\" y1=\"").append(TOP).raw("\" x2=\"").raw(Fmt.coord(px(v)))
                    .raw("\" y2=\"").append(TOP + PH).raw("\" stroke=\"#ececec\"/><line x1=\"").append(LEFT)
                    .raw("\" y1=\"").raw(Fmt.coord(py(v))).raw("\" x2=\"").append(LEFT + PW).raw("\" y2=\"")
                    .raw(Fmt.coord(py(v))).raw("\" stroke=\"#ececec\"/>");
            h.raw("<text x=\"").raw(Fmt.coord(px(v))).raw("\" y=\"").append(TOP + PH + 15)
                    .raw("\" text-anchor=\"middle\" fill=\"#444\">").raw(Fmt.fixed(v, 1)).raw("</text><text x=\"")
                    .append(LEFT - 5).raw("\" y=\"").raw(Fmt.coord(py(v) + 4)).raw("\" text-anchor=\"end\" fill=\"#444\">")
                    .raw(Fmt.fixed(v, 1)).raw("</text>\n");
        }
        h.raw("<text x=\"").append(LEFT + PW / 2).raw("\" y=\"").append(SIZE - 8).raw("\" text-anchor=\"middle\""
                + " fill=\"#444\">").append(xTitle).raw("</text><text transform=\"translate(13 ").append(TOP + PH / 2)
                .raw(") rotate(-90)\" text-anchor=\"middle\" fill=\"#444\">").append(yTitle).raw("</text>\n");
        if (roc) {
            h.raw("<line x1=\"").raw(Fmt.coord(px(0))).raw("\" y1=\"").raw(Fmt.coord(py(0))).raw("\" x2=\"")
                    .raw(Fmt.coord(px(1))).raw("\" y2=\"").raw(Fmt.coord(py(1)))
                    .raw("\" stroke=\"#999\" stroke-dasharray=\"3 3\"/>\n");
        }
        band(h, avg, avg::min, avg::max, BAND, MIN_MAX_OPACITY, "min-max");
        band(h, avg, avg::lower, avg::upper, BAND, SD_OPACITY, "mean-sd");
        List<FoldEvaluation.FoldCurves> curves = folds.curves();
        for (int f = 0; f < curves.size(); f++) {
            FoldEvaluation.FoldCurves c = curves.get(f);
            StringBuilder d = new StringBuilder();
            if (roc) {
                path(d, c.roc().size(), c.roc()::fpr, c.roc()::tpr, false);
            } else {
                // step-wise, as average precision integrates it: over (r[i-1], r[i]] the precision is p[i]
                path(d, c.precisionRecall().size(), c.precisionRecall()::recall, c.precisionRecall()::precision, true);
            }
            h.raw("<path class=\"fold\" fill=\"none\" stroke=\"").raw(Palette.hex(f + 1))
                    .raw("\" stroke-width=\"1\" opacity=\"0.8\" d=\"").raw(d.toString()).raw("\"><title>")
                    .append(folds.column() + "=" + c.fold()).raw("</title></path>\n");
        }
        StringBuilder mean = new StringBuilder();
        path(mean, avg.size(), avg::x, avg::mean, false);
        h.raw("<path class=\"mean\" fill=\"none\" stroke=\"").raw(MEAN).raw("\" stroke-width=\"3\" d=\"").raw(mean.toString())
                .raw("\"><title>mean over ").append(avg.curves()).raw(" folds</title></path>\n");
        h.raw("<rect x=\"").append(LEFT).raw("\" y=\"").append(TOP).raw("\" width=\"").append(PW).raw("\" height=\"")
                .append(PH).raw("\" fill=\"none\" stroke=\"#444\"/>\n");
        legend(h, curves.size(), avg.curves(), roc);
        h.raw("</svg>\n");
    }

    /**
     * The chart's legend, in the corner the curves leave free (ROC: bottom right; precision-recall:
     * bottom left): the fold curves (a swatch of their first colours), the mean, and the two bands,
     * drawn as the chart draws them.
     */
    private static void legend(Markup h, int folds, int averaged, boolean roc) {
        int rowH = 15;
        int w = 150;
        int hgt = 4 * rowH + 8;
        int x0 = roc ? LEFT + PW - w - 6 : LEFT + 6;
        int y0 = TOP + PH - hgt - 6;
        h.raw("<g class=\"fold-legend\" transform=\"translate(").append(x0).raw(" ").append(y0).raw(")\">")
                .raw("<rect width=\"").append(w).raw("\" height=\"").append(hgt)
                .raw("\" fill=\"#fff\" fill-opacity=\"0.9\" stroke=\"#ccc\"/>\n");
        int y = 4 + rowH / 2;
        // the fold curves: one short segment in each of the first (up to 3) fold colours
        for (int f = 0; f < Math.min(3, folds); f++) {
            h.raw("<line class=\"key-fold\" x1=\"").append(6 + 8 * f).raw("\" y1=\"").append(y).raw("\" x2=\"")
                    .append(13 + 8 * f).raw("\" y2=\"").append(y).raw("\" stroke=\"").raw(Palette.hex(f + 1))
                    .raw("\" stroke-width=\"1.5\"/>");
        }
        entry(h, y, "each fold (" + folds + ", thin)");
        y += rowH;
        h.raw("<line class=\"key-mean\" x1=\"6\" y1=\"").append(y).raw("\" x2=\"30\" y2=\"").append(y)
                .raw("\" stroke=\"").raw(MEAN).raw("\" stroke-width=\"3\"/>");
        entry(h, y, "mean of " + averaged + " folds");
        y += rowH;
        swatch(h, y, SD_OPACITY, "key-sd");
        entry(h, y, "mean \u00b1 sd");
        y += rowH;
        swatch(h, y, MIN_MAX_OPACITY, "key-min-max");
        entry(h, y, "min \u2013 max");
        h.raw("</g>\n");
    }

    private static void swatch(Markup h, int y, String opacity, String cls) {
        h.raw("<rect class=\"").raw(cls).raw("\" x=\"6\" y=\"").append(y - 5).raw("\" width=\"24\" height=\"10\" fill=\"")
                .raw(BAND).raw("\" fill-opacity=\"").raw(opacity).raw("\"/>");
    }

    private static void entry(Markup h, int y, String text) {
        h.raw("<text x=\"36\" y=\"").append(y + 4).raw("\" fill=\"#222\">").append(text).raw("</text>\n");
    }

    /** The polygon between two curves over the grid (NaN points skipped). */
    private static void band(Markup h, AveragedCurve avg, IntToDoubleFunction lo, IntToDoubleFunction hi,
            String colour, String opacity, String name) {
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < avg.size(); i++) {
            point(pts, avg.x(i), hi.applyAsDouble(i));
        }
        for (int i = avg.size() - 1; i >= 0; i--) {
            point(pts, avg.x(i), lo.applyAsDouble(i));
        }
        h.raw("<polygon class=\"band ").raw(name).raw("\" fill=\"").raw(colour).raw("\" fill-opacity=\"").raw(opacity)
                .raw("\" stroke=\"none\" points=\"").raw(pts.toString().strip()).raw("\"/>\n");
    }

    private static void point(StringBuilder pts, double x, double y) {
        if (Double.isFinite(x) && Double.isFinite(y)) {
            pts.append(Fmt.coord(px(x))).append(',').append(Fmt.coord(py(clip(y)))).append(' ');
        }
    }

    /**
     * A path through the points, merging consecutive points on the same tenth of a pixel; with
     * {@code steps}, each point is reached by a vertical then a horizontal segment.
     */
    private static void path(StringBuilder d, int n, IntToDoubleFunction x, IntToDoubleFunction y, boolean steps) {
        String lastX = null;
        String lastY = null;
        for (int i = 0; i < n; i++) {
            double xi = x.applyAsDouble(i);
            double yi = y.applyAsDouble(i);
            if (!Double.isFinite(xi) || !Double.isFinite(yi)) {
                continue;
            }
            String sx = Fmt.fixed(px(clip(xi)), 1);
            String sy = Fmt.fixed(py(clip(yi)), 1);
            if (sx.equals(lastX) && sy.equals(lastY)) {
                continue;
            }
            if (steps && lastX != null && !sy.equals(lastY)) {
                d.append('L').append(lastX).append(',').append(sy);
            }
            d.append(lastX == null ? 'M' : 'L').append(sx).append(',').append(sy);
            lastX = sx;
            lastY = sy;
        }
    }

    private static double clip(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** The folds' table: rows, headline values, then the mean and sd rows. */
    static void table(Markup h, FoldEvaluation folds) {
        EvaluationSummary.Task task = folds.pooled().task();
        boolean binary = task == EvaluationSummary.Task.BINARY;
        List<MetricKey> keys = List.of(SlicesSection.aucKey(task), SlicesSection.secondKey(task));
        h.raw("<table class=\"slice-table\" id=\"fold-table\"><thead><tr><th>Fold</th><th>Rows</th>");
        if (binary) {
            h.raw("<th>Positives</th><th>Negatives</th>");
        }
        for (MetricKey k : keys) {
            h.raw("<th>").append(k.label()).raw("</th>");
        }
        h.raw("</tr></thead><tbody>\n");
        for (SliceSummary s : folds.folds()) {
            EvaluationSummary sum = s.summary();
            h.raw("<tr><td data-v=\"").append(s.values().get(0)).raw("\">").append(s.values().get(0)).raw("</td>");
            SlicesSection.cell(h, sum.rows(), true);
            if (binary) {
                SlicesSection.cell(h, sum.positiveRows(), true);
                SlicesSection.cell(h, sum.negativeRows(), true);
            }
            for (MetricKey k : keys) {
                SlicesSection.cell(h, sum.find(k).map(EvaluationSummary.Value::value).orElse(Double.NaN), false);
            }
            h.raw("</tr>\n");
        }
        h.raw("</tbody><tfoot>\n");
        for (boolean mean : new boolean[] {true, false}) {
            h.raw("<tr><th>").raw(mean ? "mean" : "sd").raw("</th><td></td>");
            if (binary) {
                h.raw("<td></td><td></td>");
            }
            for (MetricKey k : keys) {
                SlicesSection.cell(h, folds.statistic(k).map(x -> mean ? x.mean() : x.sd()).orElse(Double.NaN), false);
            }
            h.raw("</tr>\n");
        }
        h.raw("</tfoot></table>");
    }
}

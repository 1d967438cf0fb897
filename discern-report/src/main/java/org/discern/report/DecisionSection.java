package org.discern.report;

import org.discern.metrics.ConfidenceInterval;
import org.discern.metrics.DecisionCurve;
import org.discern.report.internal.Fmt;
import org.discern.report.internal.Markup;
import org.discern.report.internal.Palette;
import org.discern.report.internal.Ticks;

/**
 * The page's "Decision curve" section (binary probabilities): the net benefit of the model, of
 * treating all and of treating none at the threshold probabilities of core's
 * {@link DecisionCurve} (the default grid, {@link DecisionCurve#DEFAULT_GRID}), drawn here as
 * inline SVG (with the model's bootstrap band under {@code --ci bootstrap}), and a table at every
 * tenth point (with the band's bounds). No user string is written.
 */
final class DecisionSection {
    static final int WIDTH = 480;
    static final int HEIGHT = 340;
    static final int LEFT = 56;
    static final int RIGHT = 14;
    static final int TOP = 12;
    static final int BOTTOM = 44;
    static final int PW = WIDTH - LEFT - RIGHT;
    static final int PH = HEIGHT - TOP - BOTTOM;

    private DecisionSection() {
    }

    /** Appends the section. */
    static void render(Markup h, DecisionCurve c) {
        boolean band = c.hasIntervals();
        h.raw("<h2 id=\"decision-curve\">Decision curve</h2>\n<p class=\"sub\">Net benefit NB = TP/n &minus; FP/n"
                + " &middot; pt/(1 &minus; pt) of treating the rows with score &ge; pt (Vickers &amp; Elkin 2006), at")
                .append(" the threshold probabilities pt = " + Fmt.fixed(c.threshold(0), 2) + ", "
                        + Fmt.fixed(c.threshold(1), 2) + ", ..., " + Fmt.fixed(c.threshold(c.size() - 1), 2)
                        + " (the page's default grid; discern decision --grid for another"
                        + (band ? "). Band: " + ConfidenceInterval.percent(c.interval(0).orElseThrow().level())
                                + "% stratified bootstrap percentile interval of the model's net benefit ("
                                + c.replicates() + " replicates, seed " + c.seed() + ")."
                                : ", --ci bootstrap for an interval).")
                        + " Prevalence ")
                .raw(Fmt.fixed(c.prevalence(), 4)).raw(".</p>\n<div class=\"cols\">\n<div class=\"card\">");
        chart(h, c);
        h.raw("</div>\n<div class=\"card scroll\"><table class=\"decision\"><thead><tr><th>pt</th><th>model</th>")
                .raw(band ? "<th>lower</th><th>upper</th>" : "")
                .raw("<th>treat all</th><th>treat none</th><th>standardized</th></tr></thead><tbody>\n");
        for (int i = 0; i < c.size(); i++) {
            if (i % 10 != 9 && i != 0) {
                continue;
            }
            h.raw("<tr><td>").raw(Fmt.fixed(c.threshold(i), 2)).raw("</td><td data-v=\"")
                    .raw(Fmt.json(c.netBenefit(i))).raw("\">").raw(Fmt.fixed(c.netBenefit(i), 4)).raw("</td>");
            if (band) {
                ConfidenceInterval ci = c.interval(i).orElseThrow();
                h.raw("<td data-v=\"").raw(Fmt.json(ci.lower())).raw("\">").raw(Fmt.fixed(ci.lower(), 4))
                        .raw("</td><td data-v=\"").raw(Fmt.json(ci.upper())).raw("\">").raw(Fmt.fixed(ci.upper(), 4))
                        .raw("</td>");
            }
            h.raw("<td>").raw(Fmt.fixed(c.netBenefitAll(i), 4)).raw("</td><td>").raw(Fmt.fixed(c.netBenefitNone(i), 4))
                    .raw("</td><td>").raw(Fmt.fixed(c.standardizedNetBenefit(i), 4)).raw("</td></tr>\n");
        }
        h.raw("</tbody></table></div>\n</div>\n");
        for (String w : c.warnings()) {
            h.raw("<div class=\"warn\">").append(w).raw("</div>\n");
        }
    }

    /**
     * The chart as inline SVG drawn here (the page's other charts are too; XChart draws only the
     * files of {@code decision --chart}): the axes of {@link Charts#decisionRange}, the band of
     * the model's interval when the curve has one, treat all (until it leaves the axis), treat
     * none, and the model (values below the axis on its lower edge). It shrinks with its card
     * (viewBox, max-width 100%, height auto) instead of scrolling a phone screen sideways.
     */
    static void chart(Markup h, DecisionCurve c) {
        double[] range = Charts.decisionRange(c);
        Frame f = new Frame(c.threshold(0), c.threshold(c.size() - 1), range[0], range[1]);
        h.raw("<svg class=\"decision-chart\" id=\"decision-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH).raw(" ").append(HEIGHT).raw("\" width=\"").append(WIDTH).raw("\" height=\"").append(HEIGHT)
                .raw("\" style=\"max-width:100%;height:auto\" role=\"img\" aria-label=\"decision curve:"
                        + " net benefit against the threshold probability\" font-family=\"system-ui,sans-serif\""
                        + " font-size=\"11\">\n<rect width=\"").append(WIDTH).raw("\" height=\"").append(HEIGHT)
                .raw("\" fill=\"#fff\"/>\n");
        Ticks xt = Ticks.linear(f.x0, f.x1, 10);
        for (int k = 0; k < xt.size(); k++) {
            double x = f.px(xt.at(k));
            h.raw("<line x1=\"").raw(Fmt.coord(x)).raw("\" y1=\"").append(TOP).raw("\" x2=\"")
                    .raw(Fmt.coord(x)).raw("\" y2=\"").append(TOP + PH).raw("\" stroke=\"#ececec\"/><text x=\"")
                    .raw(Fmt.coord(x)).raw("\" y=\"").append(TOP + PH + 16)
                    .raw("\" text-anchor=\"middle\" fill=\"#444\">").append(xt.label(k)).raw("</text>\n");
        }
        Ticks yt = Ticks.linear(f.y0, f.y1, 5);
        for (int k = 0; k < yt.size(); k++) {
            double y = f.py(yt.at(k));
            h.raw("<line x1=\"").append(LEFT).raw("\" y1=\"").raw(Fmt.coord(y)).raw("\" x2=\"").append(LEFT + PW)
                    .raw("\" y2=\"").raw(Fmt.coord(y)).raw("\" stroke=\"#ececec\"/><text x=\"").append(LEFT - 6)
                    .raw("\" y=\"").raw(Fmt.coord(y + 4)).raw("\" text-anchor=\"end\" fill=\"#444\">")
                    .append(yt.label(k)).raw("</text>\n");
        }
        int n = c.size();
        if (c.hasIntervals()) {
            StringBuilder d = new StringBuilder();
            for (int i = 0; i < n; i++) {
                d.append(i == 0 ? 'M' : 'L').append(Fmt.coord(f.px(c.threshold(i)))).append(' ')
                        .append(Fmt.coord(f.py(Math.max(f.y0, c.interval(i).orElseThrow().upper()))));
            }
            for (int i = n - 1; i >= 0; i--) {
                d.append('L').append(Fmt.coord(f.px(c.threshold(i)))).append(' ')
                        .append(Fmt.coord(f.py(Math.max(f.y0, c.interval(i).orElseThrow().lower()))));
            }
            h.raw("<path class=\"band\" d=\"").raw(d.append('Z').toString())
                    .raw("\" fill=\"#1f77b4\" fill-opacity=\"0.2\" stroke=\"none\"/>\n");
        }
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < n && c.netBenefitAll(i) >= f.y0; i++) {
            all.append(i == 0 ? 'M' : 'L').append(Fmt.coord(f.px(c.threshold(i)))).append(' ')
                    .append(Fmt.coord(f.py(c.netBenefitAll(i))));
        }
        if (all.length() > 0) {
            h.raw("<path class=\"treat-all\" fill=\"none\" stroke=\"").raw(Palette.hex(1))
                    .raw("\" stroke-width=\"1.5\" d=\"").raw(all.toString()).raw("\"/>\n");
        }
        h.raw("<line class=\"treat-none\" x1=\"").append(LEFT).raw("\" y1=\"").raw(Fmt.coord(f.py(0)))
                .raw("\" x2=\"").append(LEFT + PW).raw("\" y2=\"").raw(Fmt.coord(f.py(0)))
                .raw("\" stroke=\"#777\" stroke-width=\"1.5\"/>\n");
        StringBuilder model = new StringBuilder();
        for (int i = 0; i < n; i++) {
            model.append(i == 0 ? 'M' : 'L').append(Fmt.coord(f.px(c.threshold(i)))).append(' ')
                    .append(Fmt.coord(f.py(Math.max(f.y0, c.netBenefit(i)))));
        }
        h.raw("<path class=\"model\" fill=\"none\" stroke=\"").raw(Palette.hex(3))
                .raw("\" stroke-width=\"2\" d=\"").raw(model.toString()).raw("\"/>\n");
        h.raw("<rect x=\"").append(LEFT).raw("\" y=\"").append(TOP).raw("\" width=\"").append(PW).raw("\" height=\"")
                .append(PH).raw("\" fill=\"none\" stroke=\"#444\"/>\n");
        legend(h, 0, Palette.hex(3), "model" + (c.hasIntervals() ? " (" + ConfidenceInterval.percent(
                c.interval(0).orElseThrow().level()) + "% band)" : ""));
        legend(h, 1, Palette.hex(1), "treat all");
        legend(h, 2, "#777", "treat none");
        h.raw("<text x=\"").append(LEFT + PW / 2).raw("\" y=\"").append(HEIGHT - 8)
                .raw("\" text-anchor=\"middle\" fill=\"#222\">Threshold probability</text>\n<text transform=\"translate(14 ")
                .append(TOP + PH / 2).raw(") rotate(-90)\" text-anchor=\"middle\" fill=\"#222\">Net benefit</text>\n</svg>");
    }

    private static void legend(Markup h, int row, String colour, String text) {
        int y = TOP + 14 + 16 * row;
        h.raw("<line x1=\"").append(LEFT + PW - 140).raw("\" y1=\"").append(y - 4).raw("\" x2=\"").append(LEFT + PW - 120)
                .raw("\" y2=\"").append(y - 4).raw("\" stroke=\"").raw(colour).raw("\" stroke-width=\"2\"/><text x=\"")
                .append(LEFT + PW - 114).raw("\" y=\"").append(y).raw("\" fill=\"#222\">").append(text).raw("</text>\n");
    }

    /** Data to drawing coordinates. */
    private record Frame(double x0, double x1, double y0, double y1) {
        double px(double x) {
            return LEFT + (x1 > x0 ? (x - x0) / (x1 - x0) : 0.5) * PW;
        }

        double py(double y) {
            return TOP + (y1 - y) / (y1 - y0) * PH;
        }
    }
}

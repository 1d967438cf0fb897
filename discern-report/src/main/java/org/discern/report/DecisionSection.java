package org.discern.report;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.discern.metrics.DecisionCurve;
import org.discern.report.internal.Fmt;
import org.discern.report.internal.Markup;

/**
 * The page's "Decision curve" section (binary probabilities): the net benefit of the model, of
 * treating all and of treating none at the threshold probabilities of core's
 * {@link DecisionCurve} (the default grid, {@link DecisionCurve#DEFAULT_GRID}), drawn by
 * {@link Charts#decisionCurve} as inline SVG, and a table at every tenth point. No user string is
 * written.
 */
final class DecisionSection {
    private DecisionSection() {
    }

    /** Appends the section. */
    static void render(Markup h, DecisionCurve c) {
        h.raw("<h2 id=\"decision-curve\">Decision curve</h2>\n<p class=\"sub\">Net benefit NB = TP/n &minus; FP/n"
                + " &middot; pt/(1 &minus; pt) of treating the rows with score &ge; pt (Vickers &amp; Elkin 2006), at")
                .append(" the threshold probabilities pt = " + Fmt.fixed(c.threshold(0), 2) + ", "
                        + Fmt.fixed(c.threshold(1), 2) + ", ..., " + Fmt.fixed(c.threshold(c.size() - 1), 2)
                        + " (the page's default grid; discern decision --grid for another, --ci bootstrap for an"
                        + " interval). Prevalence ")
                .raw(Fmt.fixed(c.prevalence(), 4)).raw(".</p>\n<div class=\"cols\">\n<div class=\"card\">");
        try {
            String svg = ChartFiles.svg(Charts.decisionCurve(c));
            int start = svg.indexOf("<svg");
            h.raw(start < 0 ? svg : svg.substring(start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        h.raw("</div>\n<div class=\"card scroll\"><table class=\"decision\"><thead><tr><th>pt</th><th>model</th>"
                + "<th>treat all</th><th>treat none</th><th>standardized</th></tr></thead><tbody>\n");
        for (int i = 0; i < c.size(); i++) {
            if (i % 10 != 9 && i != 0) {
                continue;
            }
            h.raw("<tr><td>").raw(Fmt.fixed(c.threshold(i), 2)).raw("</td><td data-v=\"")
                    .raw(Fmt.json(c.netBenefit(i))).raw("\">").raw(Fmt.fixed(c.netBenefit(i), 4)).raw("</td><td>")
                    .raw(Fmt.fixed(c.netBenefitAll(i), 4)).raw("</td><td>").raw(Fmt.fixed(c.netBenefitNone(i), 4))
                    .raw("</td><td>").raw(Fmt.fixed(c.standardizedNetBenefit(i), 4)).raw("</td></tr>\n");
        }
        h.raw("</tbody></table></div>\n</div>\n");
        for (String w : c.warnings()) {
            h.raw("<div class=\"warn\">").append(w).raw("</div>\n");
        }
    }
}

package org.discern.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.discern.metrics.AveragedCurve;
import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.EvaluationSummary;
import org.discern.metrics.FoldEvaluation;
import org.discern.metrics.Metric;
import org.discern.metrics.MetricKey;
import org.discern.metrics.SliceEvaluation;
import org.discern.metrics.SliceSummary;
import org.discern.metrics.Slices;
import org.discern.metrics.SummaryOptions;
import org.discern.report.internal.Fmt;
import org.discern.report.internal.Markup;
import org.discern.report.internal.Palette;
import org.junit.jupiter.api.Test;

/** The Slices and Folds sections as text: one forest row per slice, core's values, escaping, the fold curves. */
class SliceSectionsTest {
    private static final MetricKey AUC = MetricKey.of(Metric.ROC_AUC);
    // group values a user wrote: markup and a quote must stay text
    private static final String EVIL = HtmlReportTest.EVIL;
    private static final String QUOTE = HtmlReportTest.QUOTE;

    private static final double[] S = {0.9, 0.8, 0.7, 0.2, 0.6, 0.5, 0.4, 0.3, 0.1, 0.65, 0.35};
    private static final boolean[] Y = {true, false, true, false, true, false, false, true, true, false, true};
    private static final String[] G = {EVIL, EVIL, EVIL, EVIL, QUOTE, QUOTE, QUOTE, "c", "c", QUOTE, EVIL};

    private static int count(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static SliceEvaluation slices(int minRows) {
        return SliceEvaluation.binary(S, Y, null, Slices.of(List.of("grp"), List.<String[]>of(G)),
                SummaryOptions.defaults(), new SliceEvaluation.Intervals.DeLongIntervals(), minRows);
    }

    @Test
    void forestPlotAndTableShowCoresValuesEscaped() {
        SliceEvaluation g = slices(0);
        EvaluationSummary whole = EvaluationSummary.binary(BinaryEvaluation.of(S, Y, null), SummaryOptions.defaults());
        Markup h = new Markup(1 << 16);
        SlicesSection.render(h, whole, List.of(g));
        String html = h.toString();
        assertFalse(html.contains(EVIL), "a group value became markup");
        assertFalse(html.contains(QUOTE), "a group value broke out of an attribute");
        assertTrue(html.contains("grp=&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertEquals(3, count(html, "<g class=\"slice\""));
        // a square per slice with an AUC, at core's value; the one-class slice c is "undefined"
        for (SliceSummary s : g.slices()) {
            double auc = s.summary().value(AUC).value();
            if (Double.isNaN(auc)) {
                assertEquals("grp=c", s.name());
                continue;
            }
            assertTrue(html.contains("fill=\"#222\" data-v=\"" + Fmt.json(auc) + "\""), s.name());
            double lower = s.summary().value(AUC).interval().orElseThrow().lower();
            assertTrue(html.contains("<td data-v=\"" + Fmt.json(lower) + "\">"), s.name());
            double p = s.versusRest().orElseThrow().pValueHolm();
            assertTrue(html.contains("<td data-v=\"" + Fmt.json(p) + "\">"), s.name());
        }
        assertEquals(1, count(html, ">undefined</text>"));
        // the whole sample's AUC line
        assertTrue(html.contains("whole sample: " + Fmt.fixed(whole.value(AUC).value(), 4)), html);
        assertEquals(3, count(html, "<tr><td data-v=\"grp="));
        assertTrue(html.contains("grp=c: "), "the one-class slice's warning");
    }

    @Test
    void hiddenSlicesAreSaidAndNoIntervalsIsSaid() {
        Markup h = new Markup(1 << 16);
        SlicesSection.render(h, null, List.of(slices(3)));
        assertTrue(h.toString().contains("1 slice (2 rows) hidden by --min-slice."), h.toString());
        assertEquals(2, count(h.toString(), "<g class=\"slice\""));
        SliceEvaluation none = SliceEvaluation.binary(S, Y, null, Slices.of(List.of("grp"), List.<String[]>of(G)),
                SummaryOptions.defaults(), new SliceEvaluation.Intervals.None(), 0);
        Markup n = new Markup(1 << 16);
        SlicesSection.render(n, null, List.of(none));
        assertTrue(n.toString().contains("No intervals: add <code>--ci delong</code>"), n.toString());
        Markup empty = new Markup(16);
        SlicesSection.render(empty, null, List.of());
        assertEquals("", empty.toString());
    }

    @Test
    void foldCurvesThinAverageThickBandsShaded() {
        String[] fold = {"1", "1", "1", "1", "2", "2", "2", "2", "2", EVIL, EVIL};
        FoldEvaluation f = FoldEvaluation.binary(S, Y, null, Slices.of(List.of("fold"), List.<String[]>of(fold)),
                SummaryOptions.defaults(), AveragedCurve.linearGrid(100));
        Markup h = new Markup(1 << 16);
        FoldsSection.render(h, f);
        String html = h.toString();
        assertFalse(html.contains(EVIL));
        assertTrue(html.contains("id=\"fold-roc\"") && html.contains("id=\"fold-pr\""));
        // per chart: one thin path per fold with both classes, one thick mean, two bands
        assertEquals(2 * f.curves().size(), count(html, "<path class=\"fold\""));
        assertEquals(3, f.curves().size());
        assertEquals(2, count(html, "<path class=\"mean\" fill=\"none\" stroke=\"#0b3c6e\" stroke-width=\"3\""));
        assertEquals(2, count(html, "<polygon class=\"band min-max\""));
        assertEquals(2, count(html, "<polygon class=\"band mean-sd\""));
        assertTrue(html.contains("id=\"auc-pooled\" data-v=\"" + Fmt.json(f.rocAucPooled()) + "\""));
        assertTrue(html.contains("id=\"auc-mean-of-folds\" data-v=\"" + Fmt.json(f.rocAucMeanOfFolds()) + "\""));
        FoldEvaluation.FoldStatistic auc = f.statistic(AUC).orElseThrow();
        assertTrue(html.contains("<tr><th>mean</th><td></td><td></td><td></td><td data-v=\"" + Fmt.json(auc.mean())));
        assertTrue(html.contains("<tr><th>sd</th><td></td><td></td><td></td><td data-v=\"" + Fmt.json(auc.sd())));
        // each chart has a legend drawn as the chart is: fold colours, the thick mean, the two bands
        assertEquals(2, count(html, Pattern.quote("<g class=\"fold-legend\"")));
        for (int k = 1; k <= 3; k++) {
            assertEquals(2, count(html, Pattern.quote("class=\"key-fold\" x1=\"" + (6 + 8 * (k - 1)) + "\"")), "fold swatch " + k);
            assertTrue(html.contains("<path class=\"fold\" fill=\"none\" stroke=\"" + Palette.hex(k) + "\""));
            assertEquals(2, count(html, Pattern.quote("stroke=\"" + Palette.hex(k) + "\" stroke-width=\"1.5\"/>")), "fold colour " + k);
        }
        assertEquals(2, count(html, Pattern.quote("<line class=\"key-mean\" x1=\"6\"")));
        assertEquals(2, count(html, Pattern.quote("stroke=\"#0b3c6e\" stroke-width=\"3\"/><text x=\"36\"")));
        assertEquals(2, count(html, Pattern.quote(">each fold (3, thin)</text>")));
        assertEquals(2, count(html, Pattern.quote(">mean of 3 folds</text>")));
        for (String[] b : new String[][] {{"mean-sd", "key-sd", "0.25"}, {"min-max", "key-min-max", "0.12"}}) {
            assertEquals(2, count(html, Pattern.quote("<polygon class=\"band " + b[0] + "\" fill=\"#1f77b4\" fill-opacity=\"" + b[2] + "\"")));
            assertEquals(2, count(html, Pattern.quote("<rect class=\"" + b[1] + "\" x=\"6\"")));
            assertEquals(2, count(html, Pattern.quote("fill=\"#1f77b4\" fill-opacity=\"" + b[2] + "\"/>")), b[1]);
        }
        // ROC legend bottom right (the curves hug the top left), precision-recall bottom left
        assertTrue(html.contains("<g class=\"fold-legend\" transform=\"translate(" + (52 + 336 - 150 - 6) + " "));
        assertTrue(html.contains("<g class=\"fold-legend\" transform=\"translate(" + (52 + 6) + " "));
        // the mean ROC path ends at (1, 1): the last grid point's mean is 1
        assertTrue(html.contains("L" + Fmt.fixed(52 + 336, 1) + "," + Fmt.fixed(12, 1) + "\"><title>mean over 3"),
                html);
    }

    @Test
    void multiclassFoldsHaveATableAndNoCurves() {
        int[] y = {0, 1, 2, 0, 1, 2, 0, 1};
        double[][] p = {{0.7, 0.2, 0.1}, {0.2, 0.5, 0.3}, {0.1, 0.1, 0.8}, {0.4, 0.4, 0.2}, {0.3, 0.6, 0.1},
            {0.2, 0.5, 0.3}, {0.5, 0.3, 0.2}, {0.1, 0.8, 0.1}};
        String[] fold = {"a", "a", "a", "a", "b", "b", "b", "b"};
        FoldEvaluation f = FoldEvaluation.multiclass(y, p, List.of("x", "y", "z"), null,
                Slices.of(List.of("fold"), List.<String[]>of(fold)), SummaryOptions.defaults());
        Markup h = new Markup(1 << 14);
        FoldsSection.render(h, f);
        assertFalse(h.toString().contains("<svg"));
        assertEquals(2, count(h.toString(), "<tr><td data-v=\"[ab]\">"));
        assertTrue(h.toString().contains("ROC AUC (one-vs-rest, macro)"), h.toString());
    }
}

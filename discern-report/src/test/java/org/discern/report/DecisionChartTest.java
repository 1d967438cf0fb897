package org.discern.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.discern.metrics.BootstrapOptions;
import org.discern.metrics.DecisionCurve;
import org.discern.metrics.OperatingPoints;
import org.discern.report.internal.Fmt;
import org.discern.report.internal.Markup;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** The decision curve chart and page section, against net benefits brute-forced from the counts. */
class DecisionChartTest {
    // P = N = 4 (DecisionCurveCommandTest's sample)
    private static final double[] S = {0.9, 0.8, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3};
    private static final boolean[] Y = {true, true, false, true, false, true, false, false};

    /** NB = TP/n - FP/n * pt/(1 - pt), treating iff score >= pt, counted row by row. */
    private static double bruteForce(double pt) {
        double tp = 0;
        double fp = 0;
        for (int i = 0; i < S.length; i++) {
            if (S[i] >= pt) {
                if (Y[i]) {
                    tp++;
                } else {
                    fp++;
                }
            }
        }
        return tp / S.length - fp / S.length * pt / (1 - pt);
    }

    @Test
    void seriesAreModelTreatAllAndTreatNone() {
        double[] grid = {0.35, 0.6, 0.85};
        DecisionCurve c = DecisionCurve.of(OperatingPoints.of(S, Y, null), grid);
        XYChart chart = Charts.decisionCurve(c);
        Map<String, XYSeries> m = chart.getSeriesMap();
        assertEquals(List.of("treat all", "treat none", "model"), List.copyOf(m.keySet()));
        double[] expected = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            expected[i] = bruteForce(grid[i]);
        }
        assertArrayEquals(grid, m.get("model").getXData(), 0);
        assertArrayEquals(expected, m.get("model").getYData(), 1e-12);
        assertArrayEquals(new double[] {0, 0}, m.get("treat none").getYData(), 0);
        // treat all: 0.5 - 0.5 pt/(1 - pt) = 0.2308 at 0.35, -0.25 at 0.6 (below the axis: cut there)
        double bottom = chart.getStyler().getYAxisMin();
        assertEquals(-0.15 * 0.5 * 1.1, bottom, 1e-12, "axis from the prevalence, the largest value");
        assertArrayEquals(new double[] {0.5 - 0.5 * 0.35 / 0.65}, m.get("treat all").getYData(), 1e-12);
    }

    @Test
    void bootstrapBandWhenTheCurveHasIntervals() {
        DecisionCurve c = DecisionCurve.bootstrap(S, Y, null,
                BootstrapOptions.defaults().withReplicates(50).withSeed(1), 0.2, 0.4, 0.6);
        XYChart chart = Charts.decisionCurve(c);
        assertTrue(chart.getSeriesMap().containsKey("model, 95% bootstrap interval"), chart.getSeriesMap().keySet()
                .toString());
    }

    @Test
    void sectionHasTheChartAndTheNetBenefitsAtEveryTenthPoint() {
        DecisionCurve c = DecisionCurve.of(OperatingPoints.of(S, Y, null), DecisionCurve.grid(DecisionCurve.DEFAULT_GRID));
        Markup h = new Markup(1 << 14);
        DecisionSection.render(h, c);
        String html = h.toString();
        assertTrue(html.contains("<h2 id=\"decision-curve\">"), html);
        assertTrue(html.contains("pt = 0.01, 0.02, ..., 0.99"), "the grid is said on the page");
        assertTrue(html.contains("<svg"), "inline chart");
        assertFalse(html.contains("<?xml"), "no XML prolog inside HTML");
        for (double pt : new double[] {0.01, 0.1, 0.5, 0.9}) {
            String row = "<tr><td>" + Fmt.fixed(pt, 2) + "</td><td data-v=\"";
            int at = html.indexOf(row);
            assertTrue(at >= 0, "row " + pt);
            String v = html.substring(at + row.length(), html.indexOf('"', at + row.length()));
            assertEquals(bruteForce(pt), Double.parseDouble(v), 1e-12, "pt " + pt);
        }
    }
}

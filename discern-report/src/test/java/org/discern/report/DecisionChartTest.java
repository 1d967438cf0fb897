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
        XYSeries band = chart.getSeriesMap().get("model, 95% bootstrap interval");
        assertTrue(band != null, chart.getSeriesMap().keySet().toString());
        // the polygon: upper bounds left to right, then lower bounds right to left (cut at the axis bottom)
        double bottom = chart.getStyler().getYAxisMin();
        double[] y = band.getYData();
        assertEquals(6, y.length);
        for (int i = 0; i < 3; i++) {
            assertEquals(Math.max(bottom, c.interval(i).orElseThrow().upper()), y[i], 0, "upper " + i);
            assertEquals(Math.max(bottom, c.interval(i).orElseThrow().lower()), y[5 - i], 0, "lower " + i);
            assertEquals(c.threshold(i), band.getXData()[i], 0);
        }
        // the model line is the point estimate, brute-forced from the counts
        assertArrayEquals(new double[] {bruteForce(0.2), bruteForce(0.4), bruteForce(0.6)},
                chart.getSeriesMap().get("model").getYData(), 1e-12);
    }

    @Test
    void sectionWithABandListsItsBoundsAndScalesItsChart() {
        DecisionCurve c = DecisionCurve.bootstrap(S, Y, null, BootstrapOptions.defaults().withReplicates(40)
                .withSeed(3), DecisionCurve.grid(DecisionCurve.DEFAULT_GRID));
        Markup h = new Markup(1 << 14);
        DecisionSection.render(h, c);
        String html = h.toString();
        assertTrue(html.contains("<th>lower</th><th>upper</th>"), "bound columns");
        assertTrue(html.contains("95% stratified bootstrap percentile interval of the model&#39;s net benefit (40"
                + " replicates, seed 3)"), html);
        int i = 49; // pt = 0.50
        assertEquals(bruteForce(0.5), c.netBenefit(i), 1e-12);
        String row = "<tr><td>0.50</td><td data-v=\"" + Fmt.json(c.netBenefit(i)) + "\">" + Fmt.fixed(c.netBenefit(i), 4)
                + "</td><td data-v=\"" + Fmt.json(c.interval(i).orElseThrow().lower()) + "\">";
        assertTrue(html.contains(row), row + " in " + html);
        assertTrue(html.contains("<td data-v=\"" + Fmt.json(c.interval(i).orElseThrow().upper()) + "\">"), "upper");
        // the chart shrinks with its card: a viewBox, max-width 100% and height auto on the root element
        String svg = html.substring(html.indexOf("<svg"), html.indexOf('>', html.indexOf("<svg")));
        assertTrue(svg.contains("viewBox=\"0 0 480 340\""), svg);
        assertTrue(svg.contains("style=\"max-width:100%;height:auto\""), svg);
    }

    @Test
    void pageChartDrawsTheBruteForcedNetBenefitAndTheBand() {
        double[] grid = {0.2, 0.4, 0.6};
        DecisionCurve c = DecisionCurve.bootstrap(S, Y, null, BootstrapOptions.defaults().withReplicates(30)
                .withSeed(2), grid);
        Markup h = new Markup(1 << 14);
        DecisionSection.chart(h, c);
        String svg = h.toString();
        // the axis: prevalence 0.5 is the largest value unless the band's top is higher
        double largest = 0.5;
        for (int i = 0; i < 3; i++) {
            largest = Math.max(largest, Math.max(bruteForce(grid[i]), c.interval(i).orElseThrow().upper()));
        }
        final double top = largest * 1.1;
        final double bottom = -0.15 * top;
        java.util.function.DoubleUnaryOperator px = x -> DecisionSection.LEFT + (x - 0.2) / 0.4 * DecisionSection.PW;
        java.util.function.DoubleUnaryOperator py = y -> DecisionSection.TOP + (top - y) / (top - bottom)
                * DecisionSection.PH;
        StringBuilder model = new StringBuilder();
        StringBuilder band = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            model.append(i == 0 ? 'M' : 'L').append(Fmt.coord(px.applyAsDouble(grid[i]))).append(' ')
                    .append(Fmt.coord(py.applyAsDouble(Math.max(bottom, bruteForce(grid[i])))));
            band.append(i == 0 ? 'M' : 'L').append(Fmt.coord(px.applyAsDouble(grid[i]))).append(' ')
                    .append(Fmt.coord(py.applyAsDouble(Math.max(bottom, c.interval(i).orElseThrow().upper()))));
        }
        assertTrue(svg.contains("<path class=\"model\" fill=\"none\" stroke=\"" + org.discern.report.internal.Palette
                .hex(3) + "\" stroke-width=\"2\" d=\"" + model + "\"/>"), model + " in " + svg);
        assertTrue(svg.contains("<path class=\"band\" d=\"" + band + "L"), band + " in " + svg);
        // treat none on 0; treat all 0.5 - 0.5 pt/(1 - pt): 0.375 at 0.2, 0.1667 at 0.4, -0.25 at 0.6 (below: cut)
        assertTrue(svg.contains("y1=\"" + Fmt.coord(py.applyAsDouble(0)) + "\""), "treat none");
        String all = "M" + Fmt.coord(px.applyAsDouble(0.2)) + " " + Fmt.coord(py.applyAsDouble(0.375)) + "L"
                + Fmt.coord(px.applyAsDouble(0.4)) + " " + Fmt.coord(py.applyAsDouble(0.5 - 0.5 * 0.4 / 0.6)) + "\"";
        assertTrue(svg.contains("d=\"" + all), all + " in " + svg);
        assertTrue(svg.contains("model (95% band)"), "legend");
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

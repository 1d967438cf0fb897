package org.discern.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.Calibration;
import org.discern.metrics.ThresholdSweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class ChartsTest {
    static final String EVIL = "<script>alert(1)</script>";
    static final String QUOTE = "\"onload=\"x";

    static BinaryEvaluation sample() {
        double[] s = {0.1, 0.4, 0.35, 0.8, 0.65, 0.2, 0.9, 0.55, 0.3, 0.7};
        boolean[] y = {false, false, true, true, true, false, true, false, false, true};
        return BinaryEvaluation.of(s, y);
    }

    @Test
    void rocHasDiagonalAndAucInLegendOrderedByAuc() {
        BinaryEvaluation ev = sample();
        // positives 0.35, 0.8, 0.65, 0.9, 0.7 against negatives 0.1, 0.4, 0.2, 0.55, 0.3:
        // 0.35 beats 3 negatives, the others all 5, so 23 of 25 pairs
        assertEquals(23.0 / 25, ev.rocAuc(), 1e-15);
        Curve good = Curve.roc("good", ev.rocCurve());
        Curve bad = Curve.of("bad", new double[] {0, 1}, new double[] {0, 1}).withArea(0.5);
        XYChart chart = Charts.roc(List.of(bad, good.withInterval(0.7, 0.95)));
        List<String> names = List.copyOf(chart.getSeriesMap().keySet());
        assertEquals(List.of("chance", "good (AUC 0.9200 [0.7000, 0.9500])", "bad (AUC 0.5000)"), names);
        XYSeries chance = chart.getSeriesMap().get("chance");
        assertFalse(chance.isShowInLegend());
    }

    @Test
    void rocCurveIsReducedToCorners() {
        // 1000 distinct scores on a perfectly separable sample: the curve has 3 corners
        double[] s = new double[1000];
        boolean[] y = new boolean[1000];
        for (int i = 0; i < s.length; i++) {
            s[i] = i / 1000.0;
            y[i] = i >= 500;
        }
        BinaryEvaluation ev = BinaryEvaluation.of(s, y);
        Curve c = Curve.roc("m", ev.rocCurveAllThresholds());
        assertArrayEquals(new double[] {0, 0, 1}, c.x());
        assertArrayEquals(new double[] {0, 1, 1}, c.y());
        assertEquals(1.0, c.area());
    }

    @Test
    void longCurvesAreThinnedToAFewThousandPoints() {
        // a staircase of 1,000,000 corners: every point is a corner, none can be dropped by corners()
        int n = 1_000_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (i / 2) / (n / 2.0);
            y[i] = ((i + 1) / 2) / (n / 2.0);
        }
        XYChart chart = Charts.roc(List.of(Curve.of("big", x, y)));
        XYSeries s = chart.getSeriesMap().get("big");
        double[] tx = s.getXData();
        // steps of 1e-6: one point kept per 0.0005, so about 2000 in x and as many in y
        assertTrue(tx.length <= 2 * 2000 + 2, "points " + tx.length);
        assertTrue(tx.length >= 1000, "points " + tx.length);
        assertEquals(x[0], tx[0]);
        assertEquals(x[n - 1], tx[tx.length - 1]);
        // 30 curves: the outside legend gets the height it needs
        java.util.List<Curve> many = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(Curve.of("c" + i, new double[] {0, 1}, new double[] {0, 1}));
        }
        assertEquals(21 * 32 + 60, Charts.roc(many).getHeight());
    }

    @Test
    void averagesComeFirstAndBandIsAPolygon() {
        Curve a = Curve.of("a", new double[] {0, 0.5, 1}, new double[] {0, 0.8, 1}).withArea(0.65);
        Curve micro = Curve.of("micro-average", new double[] {0, 1}, new double[] {0, 1}).withArea(0.5);
        Band band = Band.of("95% band", new double[] {0, 1}, new double[] {0, 0.9}, new double[] {0.1, 1});
        XYChart chart = Charts.roc(List.of(a), List.of(micro), band);
        assertEquals(List.of("95% band", "chance", "micro-average (AUC 0.5000)", "a (AUC 0.6500)"),
                List.copyOf(chart.getSeriesMap().keySet()));
        XYSeries b = chart.getSeriesMap().get("95% band");
        assertArrayEquals(new double[] {0, 1, 1, 0}, b.getXData());
        assertArrayEquals(new double[] {0.1, 1, 0.9, 0}, b.getYData());
    }

    @Test
    void duplicateNamesAreKeptApart() {
        Curve a = Curve.of("x", new double[] {0, 1}, new double[] {0, 1});
        XYChart chart = Charts.roc(List.of(a, a));
        assertEquals(List.of("chance", "x", "x (2)"), List.copyOf(chart.getSeriesMap().keySet()));
    }

    @Test
    void precisionRecallHasBaselineAndIsoF1() {
        BinaryEvaluation ev = sample();
        Curve pr = Curve.precisionRecall("m", ev.precisionRecallCurve(), ev.averagePrecision());
        XYChart chart = Charts.precisionRecall(List.of(pr), 0.5);
        var map = chart.getSeriesMap();
        XYSeries base = map.get("baseline (prevalence 0.500)");
        assertArrayEquals(new double[] {0.5, 0.5}, base.getYData());
        XYSeries iso = map.get("iso-F1 (0.2, 0.4, 0.6, 0.8)");
        // on the iso-F1 line of 0.2, every point has F1 = 0.2
        double[] r = iso.getXData();
        double[] p = iso.getYData();
        for (int i = 0; i < r.length; i++) {
            assertEquals(0.2, 2 * p[i] * r[i] / (p[i] + r[i]), 1e-12);
        }
        assertEquals(1.0, r[r.length - 1], 1e-15);
        assertTrue(map.containsKey(pr.label("AP")));
        assertThrows(IllegalArgumentException.class, () -> Charts.precisionRecall(List.of(pr), 1.5));
    }

    @Test
    void multiclassPrecisionRecallHasOneBaselinePerClassInItsColour() {
        Curve low = Curve.of("low", new double[] {0, 1}, new double[] {1, 0.3}).withArea(0.4);
        Curve high = Curve.of("high", new double[] {0, 1}, new double[] {1, 0.6}).withArea(0.9);
        XYChart chart = Charts.precisionRecall(List.of(low, high), new double[] {0.25, 0.75});
        var map = chart.getSeriesMap();
        // curves are drawn by AP: "high" first (colour 0), "low" second (colour 1)
        XYSeries first = map.get("class baselines (prevalence, dotted)");
        assertArrayEquals(new double[] {0.75, 0.75}, first.getYData());
        assertEquals(map.get(high.label("AP")).getLineColor(), first.getLineColor());
        XYSeries second = map.get("baseline low");
        assertArrayEquals(new double[] {0.25, 0.25}, second.getYData());
        assertEquals(map.get(low.label("AP")).getLineColor(), second.getLineColor());
        assertFalse(second.isShowInLegend());
        assertThrows(IllegalArgumentException.class,
                () -> Charts.precisionRecall(List.of(low, high), new double[] {0.5}));
    }

    @Test
    void smallMultiplesAreWrittenAsOneSvgAndPdfGrid(@TempDir Path dir) throws IOException {
        List<Curve> curves = new java.util.ArrayList<>();
        for (String name : List.of("alpha", "beta", "gamma")) {
            curves.add(Curve.of(name, new double[] {0, 0.3, 1}, new double[] {0, 0.8, 1}).withArea(0.75));
        }
        List<XYChart> panels = Charts.rocPanels(curves);
        Path svg = dir.resolve("grid.svg");
        ChartFiles.writeGridVector(panels, 2, svg, ChartFiles.Format.SVG);
        String text = Files.readString(svg);
        assertTrue(text.startsWith("<?xml"), text.substring(0, 20));
        // 2 columns x 2 rows of panels of the first panel's size
        int w = panels.get(0).getWidth();
        int h = panels.get(0).getHeight();
        assertTrue(text.contains("width=\"" + (2 * w) + "\"") || text.contains("viewBox=\"0 0 " + (2 * w) + " " + (2 * h) + "\""),
                text.substring(0, Math.min(400, text.length())));
        // text is drawn as glyph outlines, so the panels are counted by size: three panels' worth
        int one = ChartFiles.svg(panels.get(0)).length();
        assertTrue(text.length() > 2.5 * one, text.length() + " vs one panel " + one);
        Path pdf = dir.resolve("grid.pdf");
        ChartFiles.writeGridVector(panels, 2, pdf, ChartFiles.Format.PDF);
        assertTrue(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII).startsWith("%PDF"));
        assertThrows(IllegalArgumentException.class,
                () -> ChartFiles.writeGridVector(panels, 2, dir.resolve("x.png"), ChartFiles.Format.PNG));
    }

    @Test
    void svgIsDeterministicAndEscapesNames() throws IOException {
        Curve a = Curve.of(EVIL, new double[] {0, 0.2, 1}, new double[] {0, 0.7, 1}).withArea(0.75);
        Curve b = Curve.of(QUOTE, new double[] {0, 0.5, 1}, new double[] {0, 0.6, 1}).withArea(0.55);
        String first = ChartFiles.svg(Charts.roc(List.of(a, b)));
        String second = ChartFiles.svg(Charts.roc(List.of(a, b)));
        assertEquals(first, second);
        assertTrue(first.startsWith("<?xml"), first.substring(0, 40));
        assertFalse(first.contains("<script"), "raw <script> in SVG");
        // parsed as XML: the names are text, no element or attribute came from them
        Svg svg = Svg.parse(first);
        assertTrue(svg.texts().contains(EVIL + " (AUC 0.7500)"), svg.texts().toString());
        assertTrue(svg.texts().contains(QUOTE + " (AUC 0.5500)"), svg.texts().toString());
        assertEquals(0, svg.count("script"));
        assertFalse(svg.attributeNames().stream().anyMatch(n -> n.startsWith("on")), svg.attributeNames().toString());
    }

    @Test
    void pngAndPdfFilesAreWritten(@TempDir Path dir) throws IOException {
        XYChart chart = Charts.roc(List.of(Curve.roc("m", sample().rocCurve())));
        Path png = dir.resolve("roc.png");
        ChartFiles.write(chart, png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(Charts.WIDTH, img.getWidth());
        assertEquals(Charts.HEIGHT, img.getHeight());
        assertTrue(colouredPixels(img) > 500, "too few coloured pixels");
        Path pdf = dir.resolve("roc.PDF");
        ChartFiles.write(chart, pdf);
        byte[] bytes = Files.readAllBytes(pdf);
        assertEquals("%PDF", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertThrows(IllegalArgumentException.class, () -> ChartFiles.write(chart, dir.resolve("roc.gif")));
    }

    /** Pixels that are neither white nor grey: the curves and legend swatches. */
    static int colouredPixels(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void confusionMatrixReadableAt25Classes() throws IOException {
        int k = 25;
        List<String> names = new java.util.ArrayList<>();
        double[][] counts = new double[k][k];
        for (int i = 0; i < k; i++) {
            names.add("family_" + i);
            counts[i][i] = 90 + i;
            counts[i][(i + 1) % k] = 10;
        }
        HeatMapChart chart = Charts.confusionMatrix(names, counts, true);
        assertEquals("0.00", chart.getStyler().getHeatMapValueDecimalPattern());
        assertEquals(1.0, chart.getStyler().getMax());
        assertTrue(chart.getWidth() >= 34 * k, "width " + chart.getWidth());
        BufferedImage img = ChartFiles.image(chart);
        assertTrue(colouredPixels(img) > 10_000);
        HeatMapChart small = Charts.confusionMatrix(List.of("a", "b"), new double[][] {{3, 1}, {0, 4}}, false);
        assertEquals(4.0, small.getStyler().getMax());
        assertEquals("0.##", small.getStyler().getHeatMapValueDecimalPattern());
        List<? extends Number[]> heat = small.getHeatMapSeries().getHeatData();
        // first class on top: y index 1 of 2; cell (true a, predicted b) = 1
        assertEquals(List.of(0, 1, 3.0), List.of(heat.get(0)));
        assertEquals(List.of(1, 1, 1.0), List.of(heat.get(1)));
        assertEquals(List.of(1, 0, 4.0), List.of(heat.get(3)));
        assertThrows(IllegalArgumentException.class,
                () -> Charts.confusionMatrix(List.of("a"), new double[][] {{-1}}, false));
    }

    @Test
    void otherChartsDraw() {
        BinaryEvaluation ev = sample();
        XYChart det = Charts.det(List.of(Curve.det("m", ev.detCurve())));
        assertEquals(1, det.getSeriesMap().size());
        assertTrue(colouredPixels(ChartFiles.image(det)) > 200);
        double[] s = {0.1, 0.4, 0.35, 0.8, 0.65, 0.2, 0.9, 0.55, 0.3, 0.7};
        boolean[] y = {false, false, true, true, true, false, true, false, false, true};
        Calibration bins = Calibration.of(s, y, 5);
        // core's uniform bins are scikit-learn's (edges linspace(0, 1 + 1e-8, 6): 0.2, 0.4 and 0.8 fall below their
        // edge): 0.1,0.2 -> 2 (no positive); 0.35,0.3,0.4 -> 3 (one); 0.55 -> 1 (none); 0.65,0.7,0.8 -> 3 (all); 0.9 -> 1;
        // scikit-learn 1.2.1's calibration_curve(y, s, n_bins=5) gives the same prob_true [0, 1/3, 0, 1, 1]
        assertArrayEquals(new double[] {2, 3, 1, 3, 1}, bins.binWeights());
        assertArrayEquals(new double[] {0, 1.0 / 3, 0, 1, 1}, bins.observedFrequency(), 1e-15);
        assertArrayEquals(new double[] {0.15, 0.35, 0.55, 2.15 / 3, 0.9}, bins.meanPredicted(), 1e-15);
        XYChart cal = Charts.calibration(bins);
        assertTrue(cal.getSeriesMap().containsKey("histogram of scores"));
        // the histogram has its own axis, scaled to the largest bin (3 samples)
        assertEquals(3 * 1.05, cal.getStyler().getYAxisMax(1), 1e-12);
        assertEquals(1.0, cal.getStyler().getYAxisMax(0));
        assertTrue(colouredPixels(ChartFiles.image(cal)) > 200);
        XYChart sweep = Charts.thresholdSweep(ThresholdSweep.representative(ev.operatingPoints(), 2000), 0.5);
        assertEquals(List.of("precision", "recall", "F1", "chosen threshold 0.5"),
                List.copyOf(sweep.getSeriesMap().keySet()));
        Map<String, double[]> byClass = new LinkedHashMap<>();
        byClass.put("negative", new double[] {0.0, 0.1, 0.3, 0.6});
        byClass.put("positive", new double[] {0.5, 0.9, 1.0});
        XYChart dist = Charts.scoreDistributions(byClass, 4);
        XYSeries neg = dist.getSeriesMap().get("negative (n=4)");
        // range [0, 1], width 0.25: negatives 0, 0.1 | 0.3 | 0.6 | -
        assertArrayEquals(new double[] {0, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25, 0, 0, 0}, neg.getYData(), 1e-15);
        assertArrayEquals(new double[] {0, 0, 0.25, 0.25, 0.5, 0.5, 0.75, 0.75, 1, 1}, neg.getXData(), 1e-15);
    }
}

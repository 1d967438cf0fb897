package org.discern.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.ThresholdSweep;
import org.discern.report.internal.Palette;
import org.discern.report.internal.Ticks;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** Chart files read back as text: real {@code <text>} elements, round ticks, sizes, legends. */
class ChartTextTest {
    /** A round tick label: a short decimal (at most 6 decimals), optional thousands groups and percent. */
    static final Pattern ROUND = Pattern.compile("-?\\d{1,3}(,\\d{3})*(\\.\\d{1,6})?%?");

    /** A fraud-like sample: n scores, about 0.2% positives, seeded. */
    static BinaryEvaluation rare(int n, long seed) {
        Random r = new Random(seed);
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble() < 0.002;
            double z = y[i] ? r.nextGaussian() * 2 - 1.5 : r.nextGaussian() * 1.5 - 5;
            s[i] = 1 / (1 + Math.exp(-z));
        }
        y[0] = true;
        return BinaryEvaluation.of(s, y);
    }

    static List<Curve> manyClasses(int k, int n) {
        Random r = new Random(25);
        List<Curve> curves = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            double[] s = new double[n];
            boolean[] y = new boolean[n];
            for (int i = 0; i < n; i++) {
                y[i] = i % k == c;
                s[i] = r.nextGaussian() + (y[i] ? 1 + c / 10.0 : 0);
            }
            BinaryEvaluation ev = BinaryEvaluation.of(s, y);
            curves.add(Curve.roc("family_" + c, ev.rocCurve()).withInterval(ev.rocAuc() - 0.01, ev.rocAuc() + 0.01));
        }
        return curves;
    }

    @Test
    void svgHoldsRealTextWithRoundTicks() throws IOException {
        BinaryEvaluation ev = rare(20_000, 1);
        XYChart roc = Charts.roc(List.of(Curve.roc("fraud model", ev.rocCurve()).withInterval(0.9, 0.95)));
        Svg svg = Svg.parse(ChartFiles.svg(roc));
        List<String> texts = svg.texts();
        assertTrue(texts.contains("ROC curve"), texts.toString());
        assertTrue(texts.contains("False positive rate (1 - specificity)"), texts.toString());
        assertTrue(texts.contains("True positive rate (sensitivity)"), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.matches("fraud model \\(AUC 0\\.\\d{4} \\[0\\.9000, 0\\.9500\\]\\)")),
                texts.toString());
        // the unit axes: round tenths on each axis (0.2 apart on the narrower x axis)
        for (String tick : List.of("0.0", "0.2", "0.4", "1.0")) {
            assertEquals(2, texts.stream().filter(tick::equals).count(), tick + " in " + texts);
        }
        // only the y title is rotated; nothing is left inside the curves' clip
        assertEquals(List.of("True positive rate (sensitivity)"), svg.transformedTexts());
        assertEquals(List.of(), svg.clippedTexts());
        // no glyph outlines: the file is small
        assertTrue(ChartFiles.svg(roc).length() < 30_000, "bytes " + ChartFiles.svg(roc).length());
        // every text in the physical font VectorGraphics2D looks up for the chart's logical SansSerif
        // (ChartFiles sets it once per font instead of VectorGraphics2D looking it up per text)
        String family = de.erichseifert.vectorgraphics2d.util.GraphicsUtils.getPhysicalFont(
                new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 10)).getFamily();
        String doc = ChartFiles.svg(roc);
        int textCount = doc.split("<text ", -1).length - 1;
        assertTrue(textCount > 10, doc);
        assertEquals(textCount, doc.split("font-family:&quot;" + Pattern.quote(family) + "&quot;", -1).length - 1, family);
    }

    @Test
    void everyTickLabelIsRound() throws IOException {
        BinaryEvaluation ev = rare(20_000, 2);
        List<XYChart> charts = List.of(
                Charts.roc(List.of(Curve.roc("m", ev.rocCurve()))),
                Charts.precisionRecall(List.of(Curve.precisionRecall("m", ev.precisionRecallCurve(), ev.averagePrecision())),
                        0.002),
                Charts.det(List.of(Curve.det("m", ev.detCurve()))),
                Charts.rocLogFpr(List.of(Curve.roc("m", ev.rocCurve())), List.of(), 1.0 / 20_000),
                Charts.thresholdSweep(ThresholdSweep.representative(ev.operatingPoints(), 2000), 0.5),
                Charts.calibration(org.discern.metrics.Calibration.of(uniform(6), coin(7), 10)),
                // a range that starts at an odd value (the old 0.14842285 tick)
                Charts.thresholdSweep(new double[] {0.14842285, 0.3, 0.93}, new double[] {0.2, 0.5, 0.9},
                        new double[] {1, 0.6, 0.1}, new double[] {0.3, 0.5, 0.2}, 0.3));
        for (XYChart c : charts) {
            Svg svg = Svg.parse(ChartFiles.svg(c));
            List<String> numbers = svg.texts().stream().filter(t -> t.matches("[-\\d.,%]+")).toList();
            assertTrue(numbers.size() >= 6, c.getTitle() + ": " + svg.texts());
            assertEquals(List.of(), svg.clippedTexts(), c.getTitle());
            for (String t : numbers) {
                assertTrue(ROUND.matcher(t).matches(), c.getTitle() + ": tick " + t + " in " + numbers);
            }
        }
    }

    @Test
    void detSpansTheDataAtRoundPercentages() throws IOException {
        // 100,000 negatives, 200 positives: the first false positive is at 0.001%
        BinaryEvaluation ev = rare(100_000, 3);
        XYChart det = Charts.det(List.of(Curve.det("m", ev.detCurve())));
        List<String> texts = Svg.parse(ChartFiles.svg(det)).texts();
        for (String t : List.of("0.001%", "0.01%", "0.1%", "1%", "5%", "20%", "50%")) {
            assertTrue(texts.contains(t), t + " in " + texts);
        }
        // nothing clipped at 0.05%: the x axis starts at or below the smallest false-positive rate
        double smallest = 1;
        for (double f : ev.detCurve().fpr()) {
            if (f > 0) {
                smallest = Math.min(smallest, f);
            }
        }
        double lo = org.discern.metrics.Normal.cdf(det.getStyler().getXAxisMin());
        assertTrue(lo <= smallest && lo > smallest / 10, lo + " vs " + smallest);
        assertTrue(texts.containsAll(List.of("False positive rate", "False negative rate")), texts.toString());
    }

    @Test
    void logFprChartHasDecadeTicks() throws IOException {
        BinaryEvaluation ev = rare(100_000, 4);
        XYChart chart = Charts.rocLogFpr(List.of(Curve.roc("m", ev.rocCurve())), List.of(), 1e-5);
        assertTrue(chart.getStyler().isXAxisLogarithmic());
        assertEquals(1e-5, chart.getStyler().getXAxisMin(), 1e-20);
        List<String> texts = Svg.parse(ChartFiles.svg(chart)).texts();
        assertTrue(texts.containsAll(List.of("0.00001", "0.0001", "0.001", "0.01", "0.1", "1")), texts.toString());
    }

    @Test
    void twentyFiveClassesStayUnder200KbWithDistinctColours() throws IOException {
        List<Curve> curves = manyClasses(25, 40_000);
        XYChart roc = Charts.roc(curves, List.of(), null);
        String text = ChartFiles.svg(roc);
        assertTrue(text.length() < 200_000, "bytes " + text.length());
        Svg svg = Svg.parse(text);
        assertEquals(List.of("True positive rate (sensitivity)"), svg.transformedTexts());
        // every class in the legend with 4 decimals and its interval
        long entries = svg.texts().stream().filter(t -> t.matches("family_\\d+ \\(AUC \\d\\.\\d{4} \\[\\d\\.\\d{4}, \\d\\.\\d{4}\\]\\)"))
                .count();
        assertEquals(25, entries, svg.texts().toString());
        for (int i = 0; i < 25; i++) {
            java.awt.Color c = Palette.colour(i);
            String rgb = "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
            assertTrue(text.contains(rgb), "colour of series " + i);
        }
        BufferedImage img = ChartFiles.image(roc);
        assertEquals(roc.getWidth(), img.getWidth());
        assertEquals(roc.getHeight(), img.getHeight());
    }

    @Test
    void sweepNamesTheThresholdAsGiven() throws IOException {
        BinaryEvaluation ev = rare(20_000, 5);
        XYChart sweep = Charts.thresholdSweep(ThresholdSweep.representative(ev.operatingPoints(), 2000), 0.5);
        assertTrue(Svg.parse(ChartFiles.svg(sweep)).texts().contains("chosen threshold 0.5"));
        XYChart odd = Charts.thresholdSweep(ThresholdSweep.representative(ev.operatingPoints(), 2000), 0.125);
        assertTrue(odd.getSeriesMap().containsKey("chosen threshold 0.125"));
    }

    @Test
    void ticksAreRoundValuesWrittenAsSuch() {
        Ticks counts = Ticks.linear(0, 104_790, 6);
        assertEquals(List.of("0", "20,000", "40,000", "60,000", "80,000", "100,000"), List.of(counts.labels()));
        Ticks odd = Ticks.linear(0.14842285, 0.93, 8);
        assertEquals(List.of("0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"), List.of(odd.labels()));
        assertEquals(0.3, odd.at(1), 0);
        Ticks quarter = Ticks.linear(0, 1, 4);
        assertEquals(List.of("0.00", "0.25", "0.50", "0.75", "1.00"), List.of(quarter.labels()));
        assertEquals("0.5", Ticks.round(0.5));
        assertEquals("0.5045", Ticks.round(0.5045));
        assertEquals("10,000", Ticks.round(10_000.0));
        Ticks det = Ticks.probitPercent(1e-5, 0.5);
        assertEquals(List.of("0.001%", "0.01%", "0.1%", "1%", "5%", "20%", "50%"), List.of(det.labels()));
        assertEquals(0, det.at(6), 1e-12);
        assertEquals(List.of("0.001", "0.002", "0.005", "0.01", "0.02", "0.05", "0.1", "0.2", "0.5", "1"),
                List.of(Ticks.log(0.001, 1).labels()));
    }

    private static double[] uniform(long seed) {
        Random r = new Random(seed);
        double[] s = new double[2000];
        for (int i = 0; i < s.length; i++) {
            s[i] = r.nextDouble();
        }
        return s;
    }

    private static boolean[] coin(long seed) {
        Random r = new Random(seed);
        boolean[] y = new boolean[2000];
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextDouble() < 0.3;
        }
        return y;
    }
}

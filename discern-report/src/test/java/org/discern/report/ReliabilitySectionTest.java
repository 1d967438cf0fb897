package org.discern.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.discern.metrics.BinomialInterval;
import org.discern.metrics.Calibration;
import org.discern.metrics.CalibrationBinning;
import org.discern.metrics.ConfidenceInterval;
import org.discern.metrics.MulticlassCalibration;
import org.discern.report.internal.Fmt;
import org.discern.report.internal.Markup;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** The reliability diagrams' interval bars: the binary chart's and the per-class page section's. */
class ReliabilitySectionTest {
    @Test
    void binaryChartHasAWilsonBarPerBin() {
        double[] s = {0.1, 0.4, 0.35, 0.8, 0.65, 0.2, 0.9, 0.55, 0.3, 0.7};
        boolean[] y = {false, false, true, true, true, false, true, false, false, true};
        // bins (see ChartsTest): 0.1,0.2 (0 of 2) | 0.35,0.3,0.4 (1 of 3) | 0.55 (0 of 1) | 0.65,0.7,0.8 (3 of 3) | 0.9
        XYChart cal = Charts.calibration(Calibration.of(s, y, 5));
        int bars = 0;
        for (XYSeries series : cal.getSeriesMap().values()) {
            if (series.getName().startsWith("95% Wilson interval")) {
                bars++;
                double[] x = series.getXData();
                assertEquals(x[0], x[1], 0, "vertical");
                if (Math.abs(x[0] - 0.35) < 1e-12) {
                    ConfidenceInterval ci = BinomialInterval.wilson(1.0 / 3, 3, 0.95);
                    assertArrayEquals(new double[] {ci.lower(), ci.upper()}, series.getYData(), 1e-15);
                }
                assertEquals(bars == 1, series.isShowInLegend(), "one legend entry");
            }
        }
        assertEquals(5, bars);
    }

    @Test
    void perClassSectionFromCoreWithBarsAndEscapedNames() {
        // the animals of CalibrationIntervalsCliTest: top-label ECE 0.1375, class-wise 0.15 (2 bins, by hand there)
        double[] p = {0.6, 0.3, 0.1, 0.1, 0.85, 0.05, 0.5, 0.5, 0, 0.2, 0.3, 0.5};
        int[] labels = {0, 1, 1, 2};
        MulticlassCalibration m = MulticlassCalibration.of(p, 3, labels, null, 2, CalibrationBinning.UNIFORM);
        Markup h = new Markup(1 << 12);
        ReliabilitySection.render(h, m, List.of("cat", "<dog>", "fox"), 0.95);
        String html = h.toString();
        assertEquals(0.1375, dataValue(html, "ece-top-label"), 1e-12);
        assertEquals(0.15, dataValue(html, "ece-classwise"), 1e-12);
        assertTrue(html.contains("&lt;dog&gt;"), "escaped");
        assertFalse(html.contains("<dog>"), "escaped");
        assertEquals(4, count(html, "<svg class=\"reliability\""), "top label + 3 classes");
        // bars: top label 2 bins, cat 2, dog 2, fox 1
        assertEquals(7, count(html, "<line class=\"bar\""));
        assertTrue(html.contains("95% Wilson interval"), html);
        // the top label's upper bin holds 2 of 2 correct rows: its bar's lower end is Wilson(1, 2)
        ConfidenceInterval ci = BinomialInterval.wilson(1, 2, 0.95);
        String y1 = Fmt.coord(22 + (1 - ci.lower()) * (ReliabilitySection.SIZE - 22 - 26));
        assertTrue(html.contains("y1=\"" + y1 + "\""), y1 + " in " + html);
    }

    /** Beyond 30 classes: the 30 of largest ECE, largest first, and the page says so. */
    @Test
    void manyClassesDrawOnlyTheWorstCalibrated() {
        int k = 35;
        int n = 70;
        double[] p = new double[n * k];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % k;
            for (int c = 0; c < k; c++) {
                // class c is given probability (c + 3) / 100 on every row, and is the label of 2 of the 70
                // rows: one bin, ECE |1/35 - (c + 3)/100|, growing with c
                p[i * k + c] = (c + 3) / 100.0;
            }
        }
        MulticlassCalibration m = MulticlassCalibration.of(p, k, labels, null, 10, CalibrationBinning.UNIFORM);
        List<String> names = new java.util.ArrayList<>();
        for (int c = 0; c < k; c++) {
            names.add("c" + c);
        }
        int[] shown = ReliabilitySection.shown(m);
        assertEquals(30, shown.length);
        for (int j = 0; j < shown.length; j++) {
            assertEquals(34 - j, shown[j]);
        }
        Markup h = new Markup(1 << 16);
        ReliabilitySection.render(h, m, names, 0.95);
        String html = h.toString();
        assertEquals(31, count(html, "<svg class=\"reliability\""), "top label + 30 classes");
        assertTrue(html.contains("Diagrams of the 30 classes with the largest ECE of the 35 classes"), html);
        assertFalse(html.contains("id=\"reliability-class-4\""));
        assertTrue(html.contains("id=\"reliability-class-5\""));
    }

    private static double dataValue(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\" data-v=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), id);
        return Double.parseDouble(m.group(1));
    }

    private static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}

package org.discern.report;

import static org.discern.report.HtmlReportTest.CLOCK;
import static org.discern.report.HtmlReportTest.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.discern.metrics.MulticlassEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report of many classes is written with limits on what is drawn: curves of the 50 most
 * frequent classes, no confusion matrix table or images beyond 50 classes, metrics.json linked
 * rather than shown when it is long; every class stays in the per-class table.
 */
class ManyClassesReportTest {
    @Test
    void drawsTheCurvesOfThe50MostFrequentClassesAndListsEveryClass(@TempDir Path tmp) throws IOException {
        int k = 400;
        int n = 900;
        SplittableRandom r = new SplittableRandom(3);
        int[] y = new int[n];
        float[] p = new float[n * k];
        for (int i = 0; i < n; i++) {
            // classes 0..119 only, class c about (c % 7 + 1) times as frequent as the rarest: ties in support
            int c;
            do {
                c = r.nextInt(120);
            } while (r.nextInt(7) > c % 7);
            y[i] = c;
            for (int j = 0; j < k; j++) {
                p[i * k + j] = (float) r.nextDouble() + (j == c ? 0.5f : 0);
            }
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            names.add("family_" + c);
        }
        MulticlassEvaluation ev = MulticlassEvaluation.of(y, p, names, null);
        String json = "{\"x\": \"" + "y".repeat(HtmlReport.MAX_EMBEDDED_JSON) + "\"}\n";
        HtmlReport report = HtmlReport.builder().multiclass(ev).clock(CLOCK).metricsJson(json).build();
        String html = report.html();

        // the expected classes: most rows first, ties by lower index; shown in class order
        int[] support = new int[k];
        for (int c : y) {
            support[c]++;
        }
        List<Integer> drawn = IntStream.range(0, k).filter(c -> support[c] > 0 && support[c] < n).boxed()
                .sorted(Comparator.<Integer>comparingInt(c -> -support[c]).thenComparingInt(c -> c))
                .limit(HtmlReport.MAX_CLASS_CURVES).sorted().toList();
        assertEquals(50, drawn.size());
        assertEquals(50, count(html, "<option value="));
        assertEquals(k, count(html, "<td data-v=\"family_"));
        assertEquals(50, count(html, "<tr data-table="));
        for (int t = 0; t < drawn.size(); t++) {
            String name = "family_" + drawn.get(t);
            assertTrue(html.contains("<tr data-table=\"" + t + "\"><td data-v=\"" + name + "\" class=\"name\""), name);
            assertTrue(html.contains("<option value=\"" + t + "\">" + name + "</option>"), name);
        }
        assertTrue(html.contains("Curves of the 50 most frequent of the 400 classes"));
        // no confusion matrix table; the page says why and where it is
        assertEquals(0, count(html, "data-count="));
        assertTrue(html.contains("400 x 400: not drawn for more than 50 classes; its cells are in metrics.json."));
        assertTrue(html.contains("too long to show here: open <a href=\"metrics.json\">metrics.json</a>"));
        assertFalse(html.contains("yyyyyyyyyy"));
        // 280 absent classes: one warning
        assertEquals(1, count(html, "classes are absent from the labels"));

        Path dir = tmp.resolve("report");
        report.write(dir, false);
        List<String> classes = Files.readAllLines(dir.resolve("curves/classes.csv"), StandardCharsets.UTF_8);
        assertEquals(51, classes.size());
        assertEquals("49,family_" + drawn.get(49), classes.get(50));
        assertTrue(Files.exists(dir.resolve("curves/roc-49.csv")));
        assertFalse(Files.exists(dir.resolve("curves/roc-50.csv")));
        assertTrue(Files.exists(dir.resolve("charts/roc-panels.png")));
        assertFalse(Files.exists(dir.resolve("charts/confusion-counts.png")));
        assertEquals(json, Files.readString(dir.resolve("metrics.json")));
        for (String f : List.of("roc.png", "pr.png", "roc-panels.png")) {
            assertTrue(html.contains("href=\"charts/" + f + "\""), f);
        }
        assertFalse(html.contains("confusion-counts.png"));
    }

    @Test
    void upTo50ClassesEveryCurveAndTheConfusionMatrixAreDrawn() {
        int k = 50;
        int n = 400;
        SplittableRandom r = new SplittableRandom(4);
        int[] y = new int[n];
        float[] p = new float[n * k];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(k - 1); // the last class is absent: drawn all the same
            for (int j = 0; j < k; j++) {
                p[i * k + j] = (float) r.nextDouble();
            }
        }
        List<String> names = IntStream.range(0, k).mapToObj(c -> "c" + c).toList();
        String html = HtmlReport.builder().multiclass(MulticlassEvaluation.of(y, p, names, null)).clock(CLOCK).build()
                .html();
        assertEquals(k, count(html, "<option value="));
        assertEquals(k, count(html, "<tr data-table="));
        assertEquals(k * k, count(html, "data-count="));
        assertFalse(html.contains("most frequent"));
    }
}

package org.discern.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.ConfusionMatrix;
import org.discern.metrics.OperatingPoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    static final String EVIL = ChartsTest.EVIL;
    static final String QUOTE = ChartsTest.QUOTE;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    /** n rows, prevalence ~ 0.2, scores as floats in [0, 1] with some ties. */
    static BinaryEvaluation binary(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] s = new float[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble() < 0.2;
            double z = r.nextGaussian() + (y[i] ? 1.2 : 0);
            s[i] = (float) (Math.round(100_000 / (1 + Math.exp(-z))) / 100_000.0);
        }
        return BinaryEvaluation.of(s, y);
    }

    static HtmlReport.Builder binaryBuilder(BinaryEvaluation ev) {
        return HtmlReport.builder().binary(ev, "legit", EVIL).clock(CLOCK).version("0.1.0-test")
                .provenance("options", "--label-column " + QUOTE).metricsJson("{\"roc_auc\": 0.5, \"x\": \"</script><!--\"}");
    }

    static MulticlassFixture multiclass(int n, int k, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] y = new int[n];
        float[][] p = new float[k][n];
        double[][] confusion = new double[k][k];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(k);
            double sum = 0;
            double[] e = new double[k];
            for (int c = 0; c < k; c++) {
                e[c] = Math.exp(r.nextGaussian() + (c == y[i] ? 1.5 : 0));
                sum += e[c];
            }
            int best = 0;
            for (int c = 0; c < k; c++) {
                p[c][i] = (float) (e[c] / sum);
                if (p[c][i] > p[best][i]) {
                    best = c;
                }
            }
            confusion[y[i]][best]++;
        }
        List<String> names = new ArrayList<>();
        List<BinaryEvaluation> evs = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            names.add(c == 0 ? EVIL : (c == 1 ? QUOTE : "family_" + c));
            boolean[] is = new boolean[n];
            for (int i = 0; i < n; i++) {
                is[i] = y[i] == c;
            }
            evs.add(BinaryEvaluation.of(p[c], is));
        }
        return new MulticlassFixture(names, evs, confusion);
    }

    record MulticlassFixture(List<String> names, List<BinaryEvaluation> evs, double[][] confusion) {
    }

    @Test
    void binaryPageHasSummaryChartsControlsAndProvenance() {
        BinaryEvaluation ev = binary(2000, 1);
        String html = binaryBuilder(ev).build().html();
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<svg class=\"chart\" id=\"roc-chart\""));
        assertTrue(html.contains("<svg class=\"chart\" id=\"pr-chart\""));
        assertTrue(html.contains("id=\"threshold-slider\""));
        for (String id : List.of("cm-tp", "cm-fp", "cm-tn", "cm-fn", "ro-threshold", "ro-fpr", "ro-precision",
                "ro-recall")) {
            assertTrue(html.contains("id=\"" + id + "\""), id);
        }
        assertTrue(html.contains("<td>ROC AUC</td><td><code>roc_auc</code></td><td>"
                + org.discern.report.internal.Fmt.fixed(ev.rocAuc(), 4) + "</td>"), "the summary shows core's ROC AUC");
        assertTrue(html.contains("<th>rows</th><td style=\"text-align:left\">2000</td>"));
        assertTrue(html.contains("2026-01-02T03:04:05Z"));
        assertTrue(html.contains("<td class=\"name\" title=\"legit\">legit</td><td>"
                + String.format(java.util.Locale.ROOT, "%,d", ev.negativeRows()) + "</td>"));
        // the legend: the positive class, its AUC and AP from core
        assertTrue(html.contains("<span class=\"name\">positive class &lt;script&gt;alert(1)&lt;/script&gt;</span>"
                + "<span class=\"num\">AUC " + org.discern.report.internal.Fmt.fixed(ev.rocAuc(), 4) + " &middot; AP "
                + org.discern.report.internal.Fmt.fixed(ev.averagePrecision(), 4) + "</span>"));
    }

    @Test
    void pageMakesNoNetworkRequest() {
        String html = binaryBuilder(binary(500, 2)).build().html();
        // the only URL is the SVG namespace, which is a name, not a request
        Matcher m = Pattern.compile("(https?:)?//[a-zA-Z0-9.-]+").matcher(html.replace("http://www.w3.org/2000/svg", ""));
        List<String> urls = new ArrayList<>();
        while (m.find()) {
            // "//" also starts comments in the inline script: only host-like text after it counts
            if (m.group(1) != null) {
                urls.add(m.group());
            }
        }
        assertEquals(List.of(), urls);
        assertFalse(html.contains("<script src"));
        assertFalse(html.contains("<link"));
        assertFalse(html.contains("@import"));
        assertTrue(html.contains("default-src 'none'"));
    }

    @Test
    void userStringsAreEscapedEverywhere() {
        MulticlassFixture f = multiclass(600, 4, 3);
        String html = HtmlReport.builder().multiclass(f.names, f.evs, f.confusion).clock(CLOCK)
                .provenance("input columns", QUOTE).metricsJson("{\"n\": \"</script><!-- \u2028\"}").build().html();
        // the page's only script elements are ours
        assertEquals(2, count(html, "<script"));
        assertEquals(2, count(html, "</script>"));
        assertFalse(html.contains(EVIL));
        int at = html.indexOf("\"onload=\"x");
        assertEquals(-1, at, () -> html.substring(Math.max(0, at - 80), at + 40));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("&quot;onload=&quot;x"));
        // in the embedded JSON: names as \\u003c escapes
        assertTrue(html.contains("\"name\":\"\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\""));
        assertTrue(html.contains("\"name\":\"\\\"onload=\\\"x\""));
        // the embedded JSON is the only text between its script tags
        int start = html.indexOf("<script type=\"application/json\" id=\"discern-data\">");
        int end = html.indexOf("</script>", start);
        String json = html.substring(start, end);
        assertFalse(json.substring(10).contains("<"));
        assertFalse(json.contains("\u2028"));
        // metrics JSON is shown as text: escaped, not raw
        assertTrue(html.contains("&lt;/script&gt;&lt;!-- \u2028"));
    }

    @Test
    void sameInputGivesSameBytes() {
        BinaryEvaluation ev = binary(3000, 4);
        assertEquals(binaryBuilder(ev).build().html(), binaryBuilder(ev).build().html());
        String other = binaryBuilder(ev).clock(Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC))
                .build().html();
        assertEquals(binaryBuilder(ev).build().html().replace("2026-01-02T03:04:05Z", "2027-01-01T00:00:00Z"), other);
    }

    /** Parses one embedded table: thresholds (as the page reads them), tp, fp. */
    static double[][] embedded(String html, int table) {
        int start = html.indexOf("id=\"discern-data\">");
        String json = html.substring(start, html.indexOf("</script>", start));
        Matcher m = Pattern.compile("\"delta\":(true|false),\"initial\":\\d+,\"f32\":(true|false),\"size\":\\d+,\n"
                + "\"t\":\\[([^\\]]*)\\],\n\"tp\":\\[([^\\]]*)\\],\n\"fp\":\\[([^\\]]*)\\]")
                .matcher(json);
        for (int i = 0; i <= table; i++) {
            assertTrue(m.find(), "table " + i);
        }
        boolean delta = m.group(1).equals("true");
        boolean f32 = m.group(2).equals("true");
        String[] t = m.group(3).split(",");
        String[] tp = m.group(4).split(",");
        String[] fp = m.group(5).split(",");
        double[][] out = new double[3][t.length];
        for (int i = 0; i < t.length; i++) {
            double v = Double.parseDouble(t[i]);
            // JavaScript: f32 ? Math.fround(parseFloat(s)) : parseFloat(s)
            out[0][i] = f32 ? (double) (float) v : v;
            // JavaScript: unweighted counts are differences, summed back
            out[1][i] = Double.parseDouble(tp[i]) + (delta && i > 0 ? out[1][i - 1] : 0);
            out[2][i] = Double.parseDouble(fp[i]) + (delta && i > 0 ? out[2][i - 1] : 0);
        }
        return out;
    }

    @Test
    void embeddedRowsAreExactRowsOfTheTable() {
        BinaryEvaluation ev = binary(20_000, 5);
        String html = binaryBuilder(ev).maxEmbeddedRows(4000).build().html();
        double[][] e = embedded(html, 0);
        OperatingPoints op = ev.operatingPoints();
        assertTrue(op.size() > e[0].length, "reduced: " + op.size() + " > " + e[0].length);
        for (int i = 0; i < e[0].length; i++) {
            ConfusionMatrix lib = ev.confusionAt(e[0][i]);
            assertEquals(lib.tp(), e[1][i], "tp at " + e[0][i]);
            assertEquals(lib.fp(), e[2][i], "fp at " + e[0][i]);
        }
        // the default position is the row of threshold 0.5
        Matcher m = Pattern.compile("\"initial\":(\\d+)").matcher(html);
        assertTrue(m.find());
        int p = Integer.parseInt(m.group(1));
        assertEquals(op.threshold(op.indexAt(0.5)), e[0][p - 1]);
        // an explicit initial threshold: its exact row is embedded and the page opens there
        String at03 = binaryBuilder(ev).maxEmbeddedRows(4000).initialThreshold(0.3).build().html();
        double[][] e3 = embedded(at03, 0);
        Matcher m3 = Pattern.compile("\"initial\":(\\d+)").matcher(at03);
        assertTrue(m3.find());
        assertEquals(op.threshold(op.indexAt(0.3)), e3[0][Integer.parseInt(m3.group(1)) - 1]);
        // gaps between kept rows stay below 1% of TPR and of FPR
        for (int i = 1; i < e[0].length; i++) {
            assertTrue(e[1][i] - e[1][i - 1] <= 0.01 * op.positives() || e[1][i] - e[1][i - 1] <= 1, "tp gap at " + i);
        }
    }

    @Test
    void writesTheDirectoryAtomicallyAndOnlyReplacesWithForce(@TempDir Path tmp) throws IOException {
        BinaryEvaluation ev = binary(1000, 6);
        double[] s = new double[10];
        boolean[] y = new boolean[10];
        for (int i = 0; i < 10; i++) {
            s[i] = i / 10.0;
            y[i] = i % 3 == 0;
        }
        Path dir = tmp.resolve("out");
        Path html = binaryBuilder(ev).scores(s, y).build().write(dir, false);
        assertEquals(dir.resolve("report.html").toAbsolutePath(), html);
        assertEquals("{\"roc_auc\": 0.5, \"x\": \"</script><!--\"}", Files.readString(dir.resolve("metrics.json")));
        for (String f : List.of("charts/roc.png", "charts/roc.svg", "charts/pr.png", "charts/pr.svg", "charts/det.png",
                "charts/threshold-sweep.png", "charts/score-distributions.png", "charts/calibration.png",
                "curves/roc.csv", "curves/pr.csv")) {
            assertTrue(Files.size(dir.resolve(f)) > 100, f);
        }
        List<String> roc = Files.readAllLines(dir.resolve("curves/roc.csv"));
        assertEquals("threshold,fpr,tpr,tp,fp", roc.get(0));
        assertEquals("inf,0,0,0,0", roc.get(1));
        assertEquals(ev.operatingPoints().size() + 2, roc.size());
        assertTrue(roc.get(roc.size() - 1).endsWith(",1,1," + ev.positiveRows() + "," + ev.negativeRows()));
        // no temp directory left beside it
        try (Stream<Path> s2 = Files.list(tmp)) {
            assertEquals(List.of(dir), s2.toList());
        }
        org.discern.io.OutputException exists = assertThrows(org.discern.io.OutputException.class,
                () -> binaryBuilder(ev).build().write(dir, false));
        assertTrue(exists.refused() && exists.getMessage().endsWith(": exists; use --force to replace it"),
                exists.getMessage());
        Files.writeString(dir.resolve("stale.txt"), "old");
        binaryBuilder(ev).images(false).build().write(dir, true);
        assertFalse(Files.exists(dir.resolve("stale.txt")));
        assertFalse(Files.exists(dir.resolve("charts")));
        try (Stream<Path> s2 = Files.list(tmp)) {
            assertEquals(List.of(dir), s2.toList());
        }
    }

    @Test
    void failedWriteLeavesNothingBehind(@TempDir Path tmp) throws IOException {
        BinaryEvaluation ev = binary(300, 7);
        Path dir = tmp.resolve("out");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("keep.txt"), "keep");
        // a parent that is a file: creating the temp directory fails
        Path file = tmp.resolve("file");
        Files.writeString(file, "x");
        assertThrows(IOException.class, () -> binaryBuilder(ev).build().write(file.resolve("out"), false));
        assertEquals("keep", Files.readString(dir.resolve("keep.txt")));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(2, s.count());
        }
    }

    @Test
    void multiclassPageHasSelectorSortableTableAndConfusion(@TempDir Path tmp) throws IOException {
        MulticlassFixture f = multiclass(3000, 25, 8);
        HtmlReport r = HtmlReport.builder().multiclass(f.names, f.evs, f.confusion).clock(CLOCK).build();
        String html = r.html();
        assertEquals(25, count(html, "<option value="));
        assertTrue(html.contains("<table class=\"sortable\" id=\"class-table\">"));
        assertEquals(25, count(html, "<tr data-table="));
        assertEquals(25 * 25, count(html, "data-count="));
        assertEquals(25, count(html, "\"kind\":\"class\""));
        // support of class 2 = its row sum in the confusion matrix
        double support = 0;
        for (double v : f.confusion[2]) {
            support += v;
        }
        assertTrue(html.contains("<tr data-table=\"2\"><td data-v=\"family_2\" class=\"name\" title=\"family_2\">family_2</td><td data-v=\""
                + org.discern.report.internal.Fmt.json(support) + "\">"));
        Path dir = tmp.resolve("mc");
        r.write(dir, false);
        for (String name : List.of("charts/roc.png", "charts/roc-panels.png", "charts/confusion-counts.png",
                "charts/confusion-normalised.png", "curves/classes.csv", "curves/roc-24.csv", "curves/pr-00.csv")) {
            assertTrue(Files.exists(dir.resolve(name)), name);
        }
        List<String> classes = Files.readAllLines(dir.resolve("curves/classes.csv"), StandardCharsets.UTF_8);
        assertEquals("1,\"\"\"onload=\"\"x\"", classes.get(2));
    }

    @Test
    void sameInputGivesTheSameFiles(@TempDir Path tmp) throws IOException {
        MulticlassFixture f = multiclass(2000, 8, 14);
        Path a = HtmlReport.builder().multiclass(f.names, f.evs, f.confusion).clock(CLOCK).build().write(tmp.resolve("a"), false)
                .getParent();
        Path b = HtmlReport.builder().multiclass(f.names, f.evs, f.confusion).clock(CLOCK).build().write(tmp.resolve("b"), false)
                .getParent();
        List<Path> files;
        try (Stream<Path> s = Files.walk(a)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertEquals(List.of(".discern", "report.html", "metrics.json", "charts/pr.png", "charts/pr.svg", "charts/roc-panels.png", "charts/roc-panels.svg",
                "charts/roc.png", "charts/roc.svg", "charts/confusion-counts.png", "charts/confusion-normalised.png")
                .stream().sorted().toList(), files.stream().map(p -> a.relativize(p).toString())
                        .filter(n -> !n.startsWith("curves/")).sorted().toList());
        for (Path p : files) {
            byte[] other = Files.readAllBytes(b.resolve(a.relativize(p)));
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(p), other), "differs: " + a.relativize(p));
        }
    }

    @Test
    void pageStaysSmallForLargeInputs() {
        // 100k rows x 25 classes of distinct float scores: the page embeds a bounded number of rows
        MulticlassFixture f = multiclass(100_000, 25, 9);
        String html = HtmlReport.builder().multiclass(f.names, f.evs, f.confusion).clock(CLOCK).build().html();
        // issue 15: under 5 MB (a margin for the markup of other sections)
        assertTrue(html.length() < 4_000_000, "page of " + html.length() + " chars");
        BinaryEvaluation big = binary(1_000_000, 10);
        String one = binaryBuilder(big).build().html();
        assertTrue(one.length() < 4_000_000, "page of " + one.length() + " chars");
    }

    static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}

package org.discern.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.discern.metrics.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code discern report} in-process on a golden fixture's CSV. */
class ReportCommandTest {
    @TempDir
    Path dir;

    @BeforeEach
    void fixClock() {
        ReportCommand.clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    }

    @AfterEach
    void resetClock() {
        ReportCommand.clock = Clock.systemUTC();
    }

    @Test
    void writesTheReportAndPrintsItsPath() throws Exception {
        Path csv = Fixtures.csv("binary_breast_cancer", dir);
        Path out = dir.resolve("rep");
        CliRunner.Result r = CliRunner.run("report", csv.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        Path html = out.resolve("report.html").toAbsolutePath().normalize();
        assertEquals(html + System.lineSeparator(), r.out());
        String page = Files.readString(html);
        assertTrue(page.contains("binary_breast_cancer.csv"));
        // metrics.json is exactly what evaluate --format json prints
        CliRunner.Result json = CliRunner.run("evaluate", csv.toString(), "--format", "json");
        assertEquals(json.out(), Files.readString(out.resolve("metrics.json")));
        // the fixture's AUC appears in the summary
        double auc = Fixtures.number(Fixtures.json("binary_breast_cancer").get("expected").get("roc_auc"));
        assertTrue(page.contains("<td><code>roc_auc</code></td><td>" + String.format(java.util.Locale.ROOT, "%.4f", auc)
                + "</td>"));
        assertTrue(Files.size(out.resolve("charts").resolve("roc.png")) > 1000);
        assertTrue(Files.exists(out.resolve("charts").resolve("calibration.png")));

        CliRunner.Result again = CliRunner.run("report", csv.toString(), "--out", out.toString());
        assertEquals(ExitCodes.USAGE, again.code());
        assertTrue(again.err().contains("--force"), again.err());
        CliRunner.Result forced = CliRunner.run("report", csv.toString(), "--out", out.toString(), "--force");
        assertEquals(0, forced.code(), forced.err());
        // same input, same clock: same page
        assertEquals(page, Files.readString(html));
        CliRunner.Result noImages = CliRunner.run("report", csv.toString(), "--out", out.toString(), "--force",
                "--no-images");
        assertEquals(0, noImages.code(), noImages.err());
        assertFalse(Files.exists(out.resolve("charts")));
    }

    @Test
    void forceNeverReplacesADirectoryHoldingTheInput() throws Exception {
        Path csv = Fixtures.csv("binary_small_ties", dir);
        String before = Files.readString(csv);
        CliRunner.Result r = CliRunner.run("report", csv.toString(), "--out", dir.toString(), "--force");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("contains the input"), r.err());
        assertEquals(before, Files.readString(csv));
    }

    @Test
    void reportFilesAreReadableByAll() throws Exception {
        Path csv = Fixtures.csv("binary_small_ties", dir);
        Path out = dir.resolve("perm");
        assertEquals(0, CliRunner.run("report", csv.toString(), "--out", out.toString(), "--no-images").code());
        assertEquals("rwxr-xr-x", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(out)));
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(out.resolve("report.html"))));
    }

    @Test
    void intervalsAreTheSameAsEvaluatesAndShownInTheSummary() throws Exception {
        Path csv = Fixtures.csv("binary_breast_cancer", dir);
        Path out = dir.resolve("ci");
        CliRunner.Result r = CliRunner.run("report", csv.toString(), "--out", out.toString(), "--ci", "delong",
                "--max-fpr", "0.1", "--no-images");
        assertEquals(0, r.code(), r.err());
        CliRunner.Result json = CliRunner.run("evaluate", csv.toString(), "--format", "json", "--ci", "delong",
                "--max-fpr", "0.1");
        assertEquals(json.out(), Files.readString(out.resolve("metrics.json")));
        var ci = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out()).get("roc_auc_ci");
        String page = Files.readString(out.resolve("report.html"));
        assertTrue(page.contains("<th>95% delong interval</th>"), page);
        assertTrue(page.contains("[" + String.format(java.util.Locale.ROOT, "%.4f", ci.get("lower").asDouble()) + ", "
                + String.format(java.util.Locale.ROOT, "%.4f", ci.get("upper").asDouble()) + "]"));
    }

    /**
     * DeLong's method gives ROC AUC intervals only: the per-class table's AP interval cells say so
     * (a dash, and why on hover) instead of staying empty; the bootstrap fills them.
     */
    @Test
    void apIntervalCellsSayWhyDeLongGivesNone() throws Exception {
        Path csv = Fixtures.csv("multiclass_small_ties", dir);
        Path out = dir.resolve("delong");
        assertEquals(0, CliRunner.run("report", csv.toString(), "--out", out.toString(), "--ci", "delong",
                "--no-images").code());
        String page = Files.readString(out.resolve("report.html"));
        String table = page.substring(page.indexOf("id=\"class-table\""), page.indexOf("</table>", page.indexOf("id=\"class-table\"")));
        java.util.regex.Matcher rows = java.util.regex.Pattern.compile("<tr data-table=\"\\d+\">(.*?)</tr>").matcher(table);
        int n = 0;
        while (rows.find()) {
            n++;
            String row = rows.group(1);
            // AUC interval: a number pair; AP interval: the dash with the reason
            assertTrue(row.matches(".*<td data-v=\"[-0-9.eE]+\">\\[\\d\\.\\d{4}, \\d\\.\\d{4}\\]</td>.*"), row);
            assertTrue(row.endsWith("<td class=\"no-ci\" data-v=\"null\" title=\"DeLong&#39;s method gives no interval for "
                    + org.discern.metrics.MetricKey.of(org.discern.metrics.Metric.AVERAGE_PRECISION).label()
                    + "; --ci bootstrap gives one\">\u2014</td>"), row);
        }
        assertTrue(n >= 3, "rows " + n);
        Path boot = dir.resolve("boot");
        assertEquals(0, CliRunner.run("report", csv.toString(), "--out", boot.toString(), "--ci", "bootstrap",
                "--replicates", "200", "--seed", "7", "--no-images").code());
        String bootPage = Files.readString(boot.resolve("report.html"));
        String bootTable = bootPage.substring(bootPage.indexOf("id=\"class-table\""));
        assertFalse(bootTable.substring(0, bootTable.indexOf("</table>")).contains("no-ci"), "bootstrap: every AP interval");
    }

    @Test
    void multiclassReportHasEveryClassAndTheFixturesAverages() throws Exception {
        Path csv = Fixtures.csv("multiclass_digits", dir);
        Path out = dir.resolve("mc");
        CliRunner.Result r = CliRunner.run("report", csv.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String page = Files.readString(out.resolve("report.html"));
        for (int d = 0; d < 10; d++) {
            assertTrue(page.contains("<option value=\"" + d + "\">digit_" + d + "</option>"), "digit_" + d);
        }
        var expected = Fixtures.json("multiclass_digits").get("expected");
        for (String key : java.util.List.of("roc_auc_ovr_macro", "roc_auc_ovr_weighted", "accuracy", "f1_macro")) {
            double v = Fixtures.number(expected.get(key));
            assertTrue(page.contains("<td><code>" + key + "</code></td><td>" + String.format(java.util.Locale.ROOT, "%.4f", v)
                    + "</td>"), key);
        }
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals(Fixtures.number(expected.get("roc_auc_ovr_macro")), json.get("roc_auc_ovr_macro").asDouble(), 1e-12);
        assertEquals(10, json.get("classes").size());
        // metrics.json is exactly what evaluate --format json prints for the same file
        assertEquals(CliRunner.run("evaluate", csv.toString(), "--format", "json").out(),
                Files.readString(out.resolve("metrics.json")));
        for (String f : java.util.List.of("charts/roc.png", "charts/roc-panels.png", "charts/confusion-counts.png",
                "curves/roc-09.csv")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
    }

    /** Arguments of reports whose page summary is checked against their metrics.json. */
    static java.util.stream.Stream<String> summaryCases() {
        return java.util.stream.Stream.of("binary_breast_cancer", "binary_breast_cancer --ci delong --max-fpr 0.1",
                "binary_weighted --weight weight --ci bootstrap --seed 7 --replicates 300 --threshold 0.3",
                "binary_asah_s100b_vs_wfns --ci delong --level 0.9", "multiclass_small_ties",
                "multiclass_small_ties --ci bootstrap --seed 7 --replicates 200", "multiclass_weighted --ci delong",
                "examples/malware25/predictions.csv", "examples/fraud/fraud_scores.csv.gz --ci delong");
    }

    /**
     * Issue 12: the page's summary shows the same values under the same keys as metrics.json (in
     * its order), with the same intervals; the page reads the rows' exact values from their
     * data attributes.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("summaryCases")
    void pageSummaryShowsTheValuesAndKeysOfMetricsJson(String spec) throws Exception {
        String[] parts = spec.split(" ");
        String input = parts[0].startsWith("examples/") ? Path.of("..").resolve(parts[0]).toString()
                : Fixtures.csv(parts[0], dir).toString();
        Path out = dir.resolve("page");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("report", input, "--out", out.toString(),
                "--no-images"));
        args.addAll(java.util.Arrays.asList(parts).subList(1, parts.length));
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        java.util.List<String> keys = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(k -> {
            if (org.discern.metrics.MetricKey.parse(k).isPresent()) {
                keys.add(k);
            }
        });
        String page = Files.readString(out.resolve("report.html"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "<tr data-key=\"([^\"]+)\" data-v=\"([^\"]*)\"(?: data-lower=\"([^\"]*)\" data-upper=\"([^\"]*)\")?>")
                .matcher(page);
        java.util.List<String> shown = new java.util.ArrayList<>();
        while (m.find()) {
            String key = m.group(1);
            shown.add(key);
            var node = json.get(key);
            double expected = node.isObject() ? number(node.get("standardized")) : number(node);
            assertEquals(expected, number(m.group(2)), key);
            var ci = json.get(key + "_ci");
            assertEquals(ci != null, m.group(3) != null, key + " interval shown iff in metrics.json");
            if (ci != null) {
                assertEquals(number(ci.get("lower")), number(m.group(3)), key + " lower");
                assertEquals(number(ci.get("upper")), number(m.group(4)), key + " upper");
            }
        }
        assertEquals(keys, shown);
        assertFalse(page.contains("brier_score") || page.contains("\"roc_auc_micro\""), "old page keys");
    }

    private static double number(com.fasterxml.jackson.databind.JsonNode n) {
        return n.isNull() ? Double.NaN : n.asDouble();
    }

    private static double number(String s) {
        return s.equals("null") ? Double.NaN : Double.parseDouble(s);
    }

    @Test
    void badInputIsExitCode3AndLeavesNoDirectory() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "label,score\n1,0.5\n0,abc\n");
        Path out = dir.resolve("rep");
        CliRunner.Result r = CliRunner.run("report", csv.toString(), "--out", out.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
        assertFalse(Files.exists(out));
    }
}

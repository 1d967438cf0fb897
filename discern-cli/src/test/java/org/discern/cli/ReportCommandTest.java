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
        assertTrue(page.contains("<td>roc_auc</td><td>" + String.format(java.util.Locale.ROOT, "%.4f", auc) + "</td>"));
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
            assertTrue(page.contains("<td>" + key + "</td><td>" + String.format(java.util.Locale.ROOT, "%.4f", v) + "</td>"),
                    key);
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

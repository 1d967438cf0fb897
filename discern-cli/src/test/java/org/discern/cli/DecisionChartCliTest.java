package org.discern.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.discern.io.Json;
import org.discern.metrics.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code discern decision --chart} and the report's decision curve section, in-process. */
class DecisionChartCliTest {
    @TempDir
    Path dir;

    private Path small() throws IOException {
        return DecisionCurveCommandTest.small(dir);
    }

    @Test
    void chartIsWrittenAsSvgOrPngBesideTheTable() throws IOException {
        Path svg = dir.resolve("dc.svg");
        CliRunner.Result r = CliRunner.run("decision", small().toString(), "--ci", "bootstrap", "--replicates", "50",
                "--chart", svg.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("drew the decision curve to " + svg), r.out());
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg"), "an SVG document");
        assertTrue(text.contains("Decision curve") && text.contains("treat all") && text.contains("treat none"), text);
        assertTrue(text.contains("bootstrap interval"), "the band's legend entry");
        Path png = dir.resolve("dc.png");
        assertEquals(0, CliRunner.run("decision", small().toString(), "--chart", png.toString()).code());
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head);
    }

    @Test
    void badChartTargetsAreRefused() throws IOException {
        Path in = small();
        String before = Files.readString(in);
        CliRunner.Result ext = CliRunner.run("decision", in.toString(), "--chart", dir.resolve("dc.txt").toString());
        assertEquals(ExitCodes.USAGE, ext.code());
        assertTrue(ext.err().contains("--chart: file extension must be .png, .svg or .pdf"), ext.err());
        Path same = dir.resolve("small.svg");
        Files.copy(in, same);
        CliRunner.Result over = CliRunner.run("decision", same.toString(), "--chart", same.toString());
        assertTrue(over.code() != 0, "never over the input");
        assertTrue(over.err().contains("refusing to write over the input file"), over.err());
        assertEquals(before, Files.readString(same));
        assertFalse(Files.exists(dir.resolve("dc.txt")));
    }

    @Test
    void binaryReportHasTheDecisionCurveSection() throws IOException {
        Path out = dir.resolve("rep");
        CliRunner.Result r = CliRunner.run("report", small().toString(), "--out", out.toString(), "--no-images");
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<h2 id=\"decision-curve\">"), "section");
        assertTrue(html.contains("pt = 0.01, 0.02, ..., 0.99"), "the grid is said");
        // pt 0.5: TP 4, FP 2 of 8 -> NB = 0.5 - 0.25 = 0.25
        assertTrue(html.contains("<tr><td>0.50</td><td data-v=\"0.25\">0.2500</td>"), "NB at 0.5");
    }

    @Test
    void reportWithBootstrapHasTheBandOfDecisionWithTheSameSeed() throws IOException {
        Path out = dir.resolve("rep-ci");
        CliRunner.Result r = CliRunner.run("report", small().toString(), "--out", out.toString(), "--no-images", "--ci",
                "bootstrap", "--replicates", "60", "--seed", "11");
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("(60 replicates, seed 11)"), "the band's replicates and seed are said");
        CliRunner.Result d = CliRunner.run("decision", small().toString(), "--ci", "bootstrap", "--replicates", "60",
                "--seed", "11", "--format", "json");
        assertEquals(0, d.code(), d.err());
        JsonNode rows = Json.parse(d.out())
                .get(Field.DECISION_CURVE.key());
        // rows 0.01, 0.10, 0.20, ..., 0.90 of the page's table: NB from the confusion matrix at pt, bounds from decision
        double[] s = {0.9, 0.8, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3};
        boolean[] y = {true, true, false, true, false, true, false, false};
        int checked = 0;
        for (JsonNode row : rows) {
            double pt = row.get("threshold").asDouble();
            int at = html.indexOf("<tr><td>" + String.format(Locale.ROOT, "%.2f", pt) + "</td>");
            if (at < 0) {
                continue;
            }
            double tp = 0;
            double fp = 0;
            for (int i = 0; i < s.length; i++) {
                if (s[i] >= pt) {
                    tp += y[i] ? 1 : 0;
                    fp += y[i] ? 0 : 1;
                }
            }
            Matcher m = Pattern.compile("data-v=\"([^\"]+)\"")
                    .matcher(html.substring(at, html.indexOf("</tr>", at)));
            double[] v = new double[3];
            for (int k = 0; k < 3; k++) {
                assertTrue(m.find(), "pt " + pt);
                v[k] = Double.parseDouble(m.group(1));
            }
            assertEquals(tp / 8 - fp / 8 * pt / (1 - pt), v[0], 1e-12, "NB at " + pt);
            JsonNode ci = row.get("net_benefit_ci");
            assertEquals(ci.get("lower").asDouble(), v[1], 0, "lower at " + pt);
            assertEquals(ci.get("upper").asDouble(), v[2], 0, "upper at " + pt);
            checked++;
        }
        assertEquals(10, checked);
    }
}

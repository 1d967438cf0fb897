package org.discern.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report} reads every input {@code evaluate} reads, and writes the same metrics.json for each. */
class ReportInputsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path MALWARE = Path.of("..", "examples", "malware25");

    @TempDir
    Path dir;

    private String report(String name, String... input) throws IOException {
        Path out = dir.resolve(name);
        String[] args = new String[input.length + 4];
        args[0] = "report";
        System.arraycopy(input, 0, args, 1, input.length);
        args[input.length + 1] = "--out";
        args[input.length + 2] = out.toString();
        args[input.length + 3] = "--no-images";
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out.resolve("report.html")).contains("Adialer.C"));
        return Files.readString(out.resolve("metrics.json"));
    }

    @Test
    void malwareNpyPairWritesTheMetricsOfTheCsv() throws IOException {
        String csv = report("csv", MALWARE.resolve("predictions.csv").toString());
        String npy = report("npy", "--labels", MALWARE.resolve("y_true.npy").toString(), "--scores",
                MALWARE.resolve("y_score.npy").toString(), "--class-names", MALWARE.resolve("class_names.txt").toString());
        // metrics.json is exactly what evaluate prints for the same input
        assertEquals(CliRunner.run("evaluate", MALWARE.resolve("predictions.csv").toString(), "--format", "json").out(),
                csv);
        ObjectNode a = (ObjectNode) MAPPER.readTree(csv);
        ObjectNode b = (ObjectNode) MAPPER.readTree(npy);
        // The .npy holds float32, the CSV the 6-digit decimals that round to them: every rank and
        // count is the same; log loss, a sum of logarithms of the values, differs in the 10th digit.
        double lossCsv = a.remove("log_loss").asDouble();
        double lossNpy = b.remove("log_loss").asDouble();
        assertEquals(lossCsv, lossNpy, 1e-9 * lossCsv);
        assertEquals(a, b);
        assertEquals(List.copyOf(fieldNames(a)), List.copyOf(fieldNames(b)));
    }

    @Test
    void float64NpyPairAndNpzWriteTheCsvsMetricsByteForByte() throws IOException {
        // the CSV's numbers as float64 arrays: then every value is the same double
        List<String> lines = Files.readAllLines(MALWARE.resolve("predictions.csv"));
        List<String> classes = List.of(lines.get(0).split(",")).subList(1, 26);
        int n = lines.size() - 1;
        int k = classes.size();
        ByteBuffer y = ByteBuffer.allocate(n * 8).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer p = ByteBuffer.allocate(n * k * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            y.putLong(classes.indexOf(f[0]));
            for (int c = 1; c <= k; c++) {
                p.putDouble(Double.parseDouble(f[c]));
            }
        }
        Path yNpy = dir.resolve("y.npy");
        Path pNpy = dir.resolve("p.npy");
        MulticlassCliTest.writeNpy(yNpy, "<i8", false, y.array(), n);
        MulticlassCliTest.writeNpy(pNpy, "<f8", false, p.array(), n, k);
        Path npz = dir.resolve("malware.npz");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(npz))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("y_true.npy"));
            Files.copy(yNpy, zip);
            zip.putNextEntry(new java.util.zip.ZipEntry("y_score.npy"));
            Files.copy(pNpy, zip);
        }
        String names = MALWARE.resolve("class_names.txt").toString();
        String csv = report("csv", MALWARE.resolve("predictions.csv").toString(), "--top-k", "1,5");
        assertEquals(csv, report("npy", "--labels", yNpy.toString(), "--scores", pNpy.toString(), "--class-names",
                names, "--top-k", "1,5"));
        assertEquals(csv, report("npz", npz.toString(), "--class-names", names, "--top-k", "1,5"));
        // --top-k reached the report
        JsonNode j = MAPPER.readTree(csv);
        assertTrue(j.has("top_5_accuracy") && !j.has("top_3_accuracy"), csv);
        // the default differs
        assertNotEquals(csv, report("default", MALWARE.resolve("predictions.csv").toString()));
    }

    @Test
    void multilabelInputGetsOneCurvePerLabelAndEvaluatesMetrics() throws IOException {
        Path csv = Path.of("..", "discern-core", "src", "test", "resources", "fixtures", "multilabel_small.csv");
        Path out = dir.resolve("ml");
        CliRunner.Result r = CliRunner.run("report", csv.toString(), "--layout", "multilabel", "--out", out.toString(),
                "--no-images");
        assertEquals(0, r.code(), r.err());
        assertEquals(CliRunner.run("evaluate", csv.toString(), "--layout", "multilabel", "--format", "json").out(),
                Files.readString(out.resolve("metrics.json")));
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Multi-label classification"), html);
        // options evaluate refuses for multi-label input are refused here too
        assertEquals(2, CliRunner.run("report", csv.toString(), "--layout", "multilabel", "--out",
                dir.resolve("ml2").toString(), "--top-k", "2").code());
    }

    @Test
    void thresholdStartsTheMulticlassSliderAndMaxFprIsRefused() throws IOException {
        String csv = MALWARE.resolve("predictions.csv").toString();
        Path at3 = dir.resolve("t3");
        Path at5 = dir.resolve("t5");
        assertEquals(0, CliRunner.run("report", csv, "--threshold", "0.3", "--out", at3.toString(), "--no-images").code());
        assertEquals(0, CliRunner.run("report", csv, "--out", at5.toString(), "--no-images").code());
        String a = Files.readString(at3.resolve("report.html"));
        String b = Files.readString(at5.resolve("report.html"));
        java.util.regex.Pattern start = java.util.regex.Pattern.compile("\"initial\":(\\d+)");
        var ma = start.matcher(a);
        var mb = start.matcher(b);
        assertTrue(ma.find() && mb.find());
        // a lower threshold starts further down the table (more rows predicted positive)
        assertTrue(Integer.parseInt(ma.group(1)) > Integer.parseInt(mb.group(1)), ma.group(1) + " vs " + mb.group(1));
        CliRunner.Result r = CliRunner.run("report", csv, "--max-fpr", "0.1", "--out", dir.resolve("m").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--max-fpr applies to binary predictions only"), r.err());
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

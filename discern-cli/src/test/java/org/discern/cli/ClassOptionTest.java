package org.discern.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.discern.io.InputSpec;
import org.discern.io.MultiClassPredictions;
import org.discern.io.PredictionReader;
import org.discern.metrics.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --class NAME} on multi-class input is exactly the binary file built by hand from that
 * class's column: the same numbers and byte-identical output files, for every command that takes
 * it.
 */
class ClassOptionTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    /**
     * The one-vs-rest binary file of {@code cls}, built from the multi-class CSV's text: label 1
     * for the class and 0 for the rest, its score column copied as written, the weight and (when
     * present) the id copied.
     */
    private Path byHand(Path multiclass, String cls, String name) throws IOException {
        List<String> lines = Files.readAllLines(multiclass);
        List<String> header = List.of(lines.get(0).split(","));
        int label = header.indexOf("label");
        int score = header.indexOf(cls);
        int weight = header.indexOf("weight");
        int id = header.indexOf("id");
        List<String> out = new ArrayList<>(List.of((id >= 0 ? "id," : "") + "label,score,weight"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            out.add((id >= 0 ? f[id] + "," : "") + (f[label].equals(cls) ? "1" : "0") + "," + f[score] + ","
                    + f[weight]);
        }
        Path p = dir.resolve(name);
        Files.write(p, out);
        return p;
    }

    private static CliRunner.Result ok(String... args) {
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
        return r;
    }

    private static JsonNode withoutPositiveLabel(String json) throws IOException {
        ObjectNode o = (ObjectNode) MAPPER.readTree(json);
        o.remove("positive_label");
        return o;
    }

    @Test
    void everyBinaryCommandGivesWhatTheHandBuiltFileGives() throws IOException {
        Path mc = Fixtures.csv("multiclass_weighted", dir); // label,north,south,east,west,weight
        Path bin = byHand(mc, "south", "south.csv");
        String m = mc.toString();
        String b = bin.toString();
        String[] cls = {"--class", "south"};
        String[] w = {"--weight", "weight"};

        // threshold: every criterion
        assertEquals(ok("threshold", b, w[0], w[1], "--format", "json").out(),
                ok("threshold", m, cls[0], cls[1], "--format", "json").out());
        assertEquals(ok("threshold", b, w[0], w[1], "--by", "cost", "--cost-fn", "5", "--format", "json").out(),
                ok("threshold", m, cls[0], cls[1], "--by", "cost", "--cost-fn", "5", "--format", "json").out());

        // sweep: the same file, byte for byte
        ok("sweep", b, w[0], w[1], "--out", dir.resolve("sweep-b.csv").toString(), "--grid", "21");
        ok("sweep", m, cls[0], cls[1], "--out", dir.resolve("sweep-m.csv").toString(), "--grid", "21");
        assertArrayEquals(Files.readAllBytes(dir.resolve("sweep-b.csv")), Files.readAllBytes(dir.resolve("sweep-m.csv")));

        // decision: the curve (JSON, and the CSV byte for byte)
        assertEquals(ok("decision", b, w[0], w[1], "--format", "json", "--out", dir.resolve("dc-b.csv").toString()).out(),
                ok("decision", m, cls[0], cls[1], "--format", "json", "--out", dir.resolve("dc-m.csv").toString()).out());
        assertArrayEquals(Files.readAllBytes(dir.resolve("dc-b.csv")), Files.readAllBytes(dir.resolve("dc-m.csv")));

        // calibrate: the figures, and a fitted recalibrator
        assertEquals(ok("calibrate", b, w[0], w[1], "--format", "json", "--strategy", "quantile").out(),
                ok("calibrate", m, cls[0], cls[1], "--format", "json", "--strategy", "quantile").out());
        ok("calibrate", b, w[0], w[1], "--fit", "isotonic", "--save", dir.resolve("iso-b.json").toString());
        ok("calibrate", m, cls[0], cls[1], "--fit", "isotonic", "--save", dir.resolve("iso-m.json").toString());
        assertArrayEquals(Files.readAllBytes(dir.resolve("iso-b.json")), Files.readAllBytes(dir.resolve("iso-m.json")));

        // curves: roc.csv, pr.csv, det.csv
        ok("curves", b, w[0], w[1], "--out", dir.resolve("curves-b").toString());
        ok("curves", m, cls[0], cls[1], "--out", dir.resolve("curves-m").toString());
        for (String f : List.of("roc.csv", "pr.csv", "det.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("curves-b").resolve(f)),
                    Files.readAllBytes(dir.resolve("curves-m").resolve(f)), f);
        }

        // evaluate and report's metrics.json: the same, but for the positive label's name
        String evalB = ok("evaluate", b, w[0], w[1], "--format", "json", "--ci", "delong").out();
        String evalM = ok("evaluate", m, cls[0], cls[1], "--format", "json", "--ci", "delong").out();
        assertEquals(withoutPositiveLabel(evalB), withoutPositiveLabel(evalM));
        assertEquals("south", MAPPER.readTree(evalM).get("positive_label").asText());
        ok("report", m, cls[0], cls[1], "--out", dir.resolve("report-m").toString(), "--no-images");
        assertEquals(withoutPositiveLabel(ok("evaluate", b, w[0], w[1], "--format", "json").out()),
                withoutPositiveLabel(Files.readString(dir.resolve("report-m").resolve("metrics.json"))));
        // and the class matters: another class gives other numbers
        assertNotEquals(MAPPER.readTree(evalM).get("roc_auc"),
                MAPPER.readTree(ok("evaluate", m, "--class", "north", "--format", "json").out()).get("roc_auc"));
    }

    @Test
    void compareOfOneClassIsTheCompareOfTheHandBuiltFiles() throws IOException {
        // two models on the same rows, with ids
        List<String> lines = Files.readAllLines(Fixtures.csv("multiclass_weighted", dir));
        List<String> a = new ArrayList<>(List.of("id," + lines.get(0)));
        List<String> b = new ArrayList<>(List.of("id," + lines.get(0)));
        for (int i = 1; i < lines.size(); i++) {
            a.add("r" + i + "," + lines.get(i));
            String[] f = lines.get(i).split(",");
            for (int c = 1; c < f.length - 1; c++) {
                f[c] = Double.toString(Double.parseDouble(f[c]) * (1 + 0.1 * ((i + c) % 4)));
            }
            b.add("r" + i + "," + String.join(",", f));
        }
        Path ma = dir.resolve("a.csv");
        Path mb = dir.resolve("b.csv");
        Files.write(ma, a);
        Files.write(mb, b);
        Path ba = byHand(ma, "east", "east_a.csv");
        Path bb = byHand(mb, "east", "east_b.csv");
        JsonNode byClass = MAPPER.readTree(ok("compare", ma.toString(), mb.toString(), "--class", "east", "--id", "id",
                "--format", "json").out());
        JsonNode byHand = MAPPER.readTree(ok("compare", ba.toString(), bb.toString(), "--weight", "weight", "--id", "id",
                "--format", "json").out());
        JsonNode x = byClass.get("comparisons").get(0);
        JsonNode y = byHand.get("comparisons").get(0);
        for (String key : List.of("roc_auc_a", "roc_auc_b", "difference", "difference_ci", "covariance", "z",
                "p_value", "method")) {
            assertEquals(y.get(key), x.get(key), key);
        }
        assertEquals(byHand.get("warnings").size(), byClass.get("warnings").size());
    }

    @Test
    void floatNumpyScoresGiveTheSameFileAsTheirExactDecimalCopy() throws IOException {
        Path ex = Path.of("..", "examples", "malware25");
        Path y = ex.resolve("y_true.npy");
        Path p = ex.resolve("y_score.npy");
        Path names = ex.resolve("class_names.txt");
        // the by-hand file: each float32 score written as the exact double it widens to
        MultiClassPredictions m = (MultiClassPredictions) PredictionReader.read(
                InputSpec.builder().numpy(y, p, null).classNamesFile(names).build());
        int k = m.classNames().indexOf("Swizzor.gen!E");
        List<String> out = new ArrayList<>(List.of("label,score"));
        for (int i = 0; i < m.size(); i++) {
            out.add((m.label(i) == k ? "1," : "0,") + m.score(i, k));
        }
        Path bin = dir.resolve("swizzor.csv");
        Files.write(bin, out);
        ok("sweep", bin.toString(), "--out", dir.resolve("b.csv").toString());
        ok("sweep", "--labels", y.toString(), "--scores", p.toString(), "--class-names", names.toString(),
                "--class", "Swizzor.gen!E", "--out", dir.resolve("m.csv").toString());
        assertArrayEquals(Files.readAllBytes(dir.resolve("b.csv")), Files.readAllBytes(dir.resolve("m.csv")));
    }
}

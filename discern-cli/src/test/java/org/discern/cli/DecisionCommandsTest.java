package org.discern.cli;

import static org.discern.metrics.Approx.assertArrayClose;
import static org.discern.metrics.Approx.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.discern.metrics.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code discern threshold}, {@code sweep} and {@code calibrate}, in-process. */
class DecisionCommandsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    /** The hand-checked sample of the core's ThresholdsTest: P = N = 4. */
    private Path small() throws IOException {
        Path p = dir.resolve("small.csv");
        Files.writeString(p, "label,score\n1,0.9\n1,0.8\n0,0.8\n1,0.7\n0,0.6\n1,0.5\n0,0.4\n0,0.3\n",
                StandardCharsets.UTF_8);
        return p;
    }

    private static JsonNode calibrationFixture() throws IOException {
        try (InputStream in = DecisionCommandsTest.class.getResourceAsStream("/calibration/calibration_binary.json")) {
            return MAPPER.readTree(in);
        }
    }

    /** label,score CSV of the calibration fixture's fit or test set. */
    private Path calibrationCsv(String set, String scoreKey) throws IOException {
        JsonNode in = calibrationFixture().get("input");
        StringBuilder sb = new StringBuilder("label,score\n");
        JsonNode y = in.get(set + "_labels");
        JsonNode s = in.get(set + "_" + scoreKey);
        for (int i = 0; i < y.size(); i++) {
            sb.append(y.get(i).asInt()).append(',').append(s.get(i).asText()).append('\n');
        }
        Path p = dir.resolve(set + "_" + scoreKey + ".csv");
        Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void youdenOnAsahAsJson() throws IOException {
        Path csv = Fixtures.csv("binary_asah_s100b_vs_wfns", dir);
        CliRunner.Result r = CliRunner.run("threshold", csv.toString(), "--by", "youden", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = MAPPER.readTree(r.out());
        assertEquals("youden", j.get("criterion").asText());
        assertEquals(0.22, j.get("threshold").asDouble());
        assertEquals(26, j.get("confusion").get("tp").asInt());
        assertEquals(14, j.get("confusion").get("fp").asInt());
        assertEquals(58, j.get("confusion").get("tn").asInt());
        assertEquals(15, j.get("confusion").get("fn").asInt());
        assertClose(0.6341463, j.get("recall").asDouble(), 1e-7, "sensitivity");
        assertClose(0.8055556, j.get("specificity").asDouble(), 1e-7, "specificity");
        assertFalse(j.has("expected_cost"));
        assertEquals(List.of("criterion", "threshold", "confusion", "precision", "recall", "specificity", "f1", "mcc",
                "value", "flagged_fraction", "warnings"), fieldNames(j));
    }

    private static List<String> fieldNames(JsonNode j) {
        List<String> names = new java.util.ArrayList<>();
        j.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void costWithOptions() throws IOException {
        // (fp + 5 fn) / 8 is smallest at 0.5: 2/8; at prevalence 0.1, 0.125 fn + 0.225 fp is smallest at 0.7
        CliRunner.Result r = CliRunner.run("threshold", small().toString(), "--by", "cost", "--cost-fp", "1",
                "--cost-fn", "5", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = MAPPER.readTree(r.out());
        assertEquals("cost:1:5", j.get("criterion").asText());
        assertEquals(0.5, j.get("threshold").asDouble());
        assertEquals(0.25, j.get("expected_cost").asDouble());
        CliRunner.Result p = CliRunner.run("threshold", small().toString(), "--by", "cost", "--cost-fp", "1",
                "--cost-fn", "5", "--prevalence", "0.1", "--format", "json");
        JsonNode k = MAPPER.readTree(p.out());
        assertEquals(0.7, k.get("threshold").asDouble());
        assertClose(0.35, k.get("expected_cost").asDouble(), "cost at prevalence 0.1");
    }

    @Test
    void infeasibleIsNullWithAWarning() throws IOException {
        Path csv = dir.resolve("neg_top.csv");
        Files.writeString(csv, "label,score\n0,0.9\n1,0.5\n", StandardCharsets.UTF_8);
        CliRunner.Result r = CliRunner.run("threshold", csv.toString(), "--by", "precision:1", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = MAPPER.readTree(r.out());
        assertTrue(j.get("threshold").isNull());
        assertTrue(j.get("confusion").isNull());
        assertEquals(1, j.get("warnings").size());
    }

    @Test
    void allCriteriaTableAndJson() throws IOException {
        CliRunner.Result r = CliRunner.run("threshold", small().toString());
        assertEquals(0, r.code(), r.err());
        for (String c : ThresholdCommand.ALL) {
            assertTrue(r.out().contains("\n" + (c.equals("cost") ? "cost:1:1" : c) + " "), c + " in\n" + r.out());
        }
        // youden row: threshold 0.7, tp 3 fp 1 tn 3 fn 1
        String youden = r.out().lines().filter(l -> l.startsWith("youden ")).findFirst().orElseThrow();
        assertEquals(List.of("youden", "0.700000", "3", "1", "3", "1", "0.750000"),
                List.of(youden.trim().split(" +")).subList(0, 7));
        assertTrue(r.out().contains("expected cost per case (cost:1:1): 0.250000"), r.out()); // 2 errors of 8
        CliRunner.Result j = CliRunner.run("threshold", small().toString(), "--format", "json");
        JsonNode a = MAPPER.readTree(j.out()).get("criteria");
        assertEquals(ThresholdCommand.ALL.size(), a.size());
        assertEquals(0.5, a.get(2).get("threshold").asDouble()); // f1
    }

    @Test
    void usageErrors() throws IOException {
        String f = small().toString();
        assertEquals(ExitCodes.USAGE, CliRunner.run("threshold", f, "--by", "best").code());
        assertEquals(ExitCodes.USAGE, CliRunner.run("threshold", f, "--by", "youden", "--cost-fn", "3").code());
        assertEquals(ExitCodes.USAGE, CliRunner.run("threshold", f, "--by", "cost", "--cost-fn", "-3").code());
        assertEquals(ExitCodes.USAGE, CliRunner.run("sweep", f).code()); // --out missing
        assertEquals(ExitCodes.USAGE, CliRunner.run("calibrate", f, "--fit", "platt").code()); // --save missing
        assertEquals(ExitCodes.USAGE, CliRunner.run("calibrate", f, "--fit", "prior", "--save", "x.json").code());
        assertEquals(ExitCodes.USAGE, CliRunner.run("calibrate", f, "--strategy", "equal").code());
        assertEquals(ExitCodes.USAGE, CliRunner.run("calibrate", f, "--apply", "x.json").code());
        CliRunner.Result r = CliRunner.run("threshold", f, "--by", "fbeta:x");
        assertTrue(r.err().startsWith("discern: --by: criterion 'fbeta:x': 'x' is not a number"), r.err());
    }

    @Test
    void sweepEveryScoreAndGrid() throws IOException {
        Path out = dir.resolve("sweep.csv");
        CliRunner.Result r = CliRunner.run("sweep", small().toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(9, lines.size()); // header, inf, 7 distinct scores
        assertTrue(lines.get(0).startsWith("threshold,tp,fp,tn,fn,"));
        assertTrue(lines.get(4).startsWith("0.7,3.0,1.0,3.0,1.0,0.5,0.75,0.75,0.75,"), lines.get(4));
        CliRunner.Result g = CliRunner.run("sweep", small().toString(), "--out", out.toString(), "--grid", "4",
                "--grid-placement", "quantile");
        assertEquals(0, g.code(), g.err());
        List<String> q = Files.readAllLines(out);
        assertEquals(List.of("0.8", "0.7", "0.5", "0.3"), q.subList(1, 5).stream().map(s -> s.split(",")[0]).toList());
    }

    @Test
    void sweepRefusesToOverwriteTheInput() throws IOException {
        Path in = small();
        String before = Files.readString(in);
        CliRunner.Result r = CliRunner.run("sweep", in.toString(), "--out", in.toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("refusing to write over the input file"), r.err());
        assertEquals(before, Files.readString(in));
    }

    @Test
    void calibrationFiguresMatchScikitLearn() throws IOException {
        Path csv = calibrationCsv("fit", "probabilities");
        CliRunner.Result r = CliRunner.run("calibrate", csv.toString(), "--bins", "5", "--strategy", "quantile",
                "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = MAPPER.readTree(r.out());
        JsonNode ex = calibrationFixture().get("expected");
        assertClose(ex.get("brier_score_loss").asDouble(), j.get("brier").asDouble(), "brier");
        JsonNode curve = ex.get("calibration_curve").get("quantile_5");
        assertArrayClose(Fixtures.doubles(curve.get("prob_true")), Fixtures.doubles(j.get("curve").get("observed_frequency")),
                "prob_true");
        assertArrayClose(Fixtures.doubles(curve.get("prob_pred")), Fixtures.doubles(j.get("curve").get("mean_predicted")),
                "prob_pred");
        CliRunner.Result t = CliRunner.run("calibrate", csv.toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("expected calibration error"), t.out());
    }

    @Test
    void fitIsotonicThenApplyMatchesScikitLearn() throws IOException {
        Path fit = calibrationCsv("fit", "probabilities");
        Path test = calibrationCsv("test", "probabilities");
        Path cal = dir.resolve("iso.json");
        CliRunner.Result f = CliRunner.run("calibrate", fit.toString(), "--fit", "isotonic", "--save", cal.toString());
        assertEquals(0, f.code(), f.err());
        Path out = dir.resolve("calibrated.csv");
        CliRunner.Result a = CliRunner.run("calibrate", test.toString(), "--apply", cal.toString(), "--out", out.toString());
        assertEquals(0, a.code(), a.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("label,score", lines.get(0));
        double[] got = lines.subList(1, lines.size()).stream().mapToDouble(s -> Double.parseDouble(s.split(",")[1]))
                .toArray();
        assertArrayClose(Fixtures.doubles(calibrationFixture().get("expected").get("isotonic").get("predict_test")), got,
                "isotonic predictions");
        // the label column is copied unchanged
        assertEquals(Files.readAllLines(test).get(1).split(",")[0], lines.get(1).split(",")[0]);
    }

    @Test
    void fitPlattAndPrior() throws IOException {
        Path fit = calibrationCsv("fit", "scores");
        Path cal = dir.resolve("platt.json");
        assertEquals(0, CliRunner.run("calibrate", fit.toString(), "--fit", "platt", "--save", cal.toString()).code());
        JsonNode j = MAPPER.readTree(cal.toFile());
        JsonNode s = calibrationFixture().get("expected").get("sigmoid");
        assertEquals("platt", j.get("type").asText());
        assertClose(s.get("a_tight").asDouble(), j.get("a").asDouble(), "a");
        assertClose(s.get("b_tight").asDouble(), j.get("b").asDouble(), "b");
        Path prior = dir.resolve("prior.json");
        CliRunner.Result r = CliRunner.run("calibrate", small().toString(), "--fit", "prior", "--prevalence", "0.1",
                "--save", prior.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode p = MAPPER.readTree(prior.toFile());
        assertEquals("[0.5,0.5]", p.get("training_priors").toString()); // 4 of 8 positive
        assertEquals("[0.9,0.1]", p.get("target_priors").toString());
    }

    @Test
    void applyRefusesToOverwriteTheInput() throws IOException {
        Path in = small();
        String before = Files.readString(in);
        Path cal = dir.resolve("prior.json");
        Files.writeString(cal, "{\"type\":\"prior_shift\",\"version\":1,\"training_priors\":[0.5,0.5],"
                + "\"target_priors\":[0.9,0.1]}", StandardCharsets.UTF_8);
        CliRunner.Result r = CliRunner.run("calibrate", in.toString(), "--apply", cal.toString(), "--out",
                dir.resolve(".").resolve("small.csv").toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("refusing to write over the input file"), r.err());
        assertEquals(before, Files.readString(in));
    }
}

package org.discern.cli;

import static org.discern.metrics.Approx.assertArrayClose;
import static org.discern.metrics.Approx.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.discern.metrics.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code discern evaluate} and {@code discern curves} on the golden fixtures' CSV files. */
class EvaluateCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private static String[] args(String name, Path csv, String... more) {
        List<String> a = new ArrayList<>(List.of("evaluate", csv.toString()));
        if (Fixtures.json(name).get("input").get("weights").isNull() == false) {
            a.addAll(List.of("--weight", "weight"));
        }
        a.addAll(Arrays.asList(more));
        return a.toArray(String[]::new);
    }

    /** A row of weight 0 is no row: not in n, in no curve file, named in a warning. */
    @Test
    void rowsOfWeightZeroAreLeftOut() throws IOException {
        Path with = dir.resolve("with.csv");
        Path without = dir.resolve("without.csv");
        Files.writeString(with, "label,score,weight\n0,0.9,0\n1,0.8,1\n0,0.7,2\n1,0.6,1\n0,0.6,0\n1,0.1,0\n");
        Files.writeString(without, "label,score,weight\n1,0.8,1\n0,0.7,2\n1,0.6,1\n");
        CliRunner.Result r = CliRunner.run("evaluate", with.toString(), "--weight", "weight", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode a = MAPPER.readTree(r.out());
        JsonNode b = MAPPER.readTree(CliRunner.run("evaluate", without.toString(), "--weight", "weight", "--format",
                "json").out());
        assertEquals(3, a.get("n").asInt());
        assertEquals(2, a.get("n_positive").asInt());
        assertEquals(1, a.get("n_negative").asInt());
        assertTrue(a.get("warnings").get(0).asText().startsWith("3 rows have weight 0 and are left out"),
                a.get("warnings").toString());
        for (String k : List.of("n", "roc_auc", "average_precision", "pr_auc_trapezoid", "pr_auc_interpolated", "ks",
                "confusion", "mcc")) {
            assertEquals(b.get(k), a.get(k), k);
        }
        Path ca = dir.resolve("ca");
        Path cb = dir.resolve("cb");
        assertEquals(0, CliRunner.run("curves", with.toString(), "--weight", "weight", "--out", ca.toString()).code());
        assertEquals(0, CliRunner.run("curves", without.toString(), "--weight", "weight", "--out", cb.toString()).code());
        for (String f : List.of("roc.csv", "pr.csv", "det.csv")) {
            assertEquals(Files.readString(cb.resolve(f)), Files.readString(ca.resolve(f)), f);
        }
    }

    @ParameterizedTest
    @MethodSource("org.discern.metrics.Fixtures#binaryNames")
    void jsonMatchesScikitLearn(String name) throws IOException {
        JsonNode ex = Fixtures.json(name).get("expected");
        Path csv = Fixtures.csv(name, dir);
        CliRunner.Result r = CliRunner.run(args(name, csv, "--format", "json", "--max-fpr", "0.1"));
        assertEquals(0, r.code(), r.err());
        JsonNode j = MAPPER.readTree(r.out());
        assertEquals("binary", j.get("task").asText());
        int n = Fixtures.json(name).get("input").get("labels").size();
        assertEquals(n, j.get("n").asInt());
        assertEquals(j.get("n").asInt(), j.get("n_positive").asInt() + j.get("n_negative").asInt());
        assertEquals("1", j.get("positive_label").asText());
        assertClose(ex.get("roc_auc").asDouble(), j.get("roc_auc").asDouble(), name + " roc_auc");
        assertClose(ex.get("average_precision").asDouble(), j.get("average_precision").asDouble(), name + " ap");
        assertClose(ex.get("roc_auc_max_fpr_0.1").asDouble(),
                j.get("partial_roc_auc").get("standardized").asDouble(), name + " partial");
        assertEquals(0.1, j.get("partial_roc_auc").get("max_fpr").asDouble());
        assertEquals(0.5, j.get("threshold").asDouble());
        for (String k : List.of("tp", "fp", "tn", "fn")) {
            assertClose(ex.get("confusion").get(k).asDouble(), j.get("confusion").get(k).asDouble(), name + " " + k);
        }
        for (String k : List.of("accuracy", "precision", "recall", "specificity", "f1", "mcc",
                "balanced_accuracy", "cohen_kappa")) {
            assertClose(ex.get(k).asDouble(), j.get(k).asDouble(), name + " " + k);
        }
        if (ex.has("log_loss")) {
            assertClose(ex.get("log_loss").asDouble(), j.get("log_loss").asDouble(), name + " log_loss");
            assertClose(ex.get("brier").asDouble(), j.get("brier").asDouble(), name + " brier");
        } else {
            // scores outside [0, 1] (aSAH's s100b goes to 2.07): no log loss, and a warning says so
            assertTrue(j.get("log_loss").isNull());
            assertTrue(j.get("brier").isNull());
            assertTrue(j.get("warnings").toString().contains("not all in [0, 1]"));
        }
        for (String k : List.of("pr_auc_interpolated", "pr_auc_trapezoid", "ks", "npv")) {
            assertTrue(j.get(k).isNumber(), k);
        }
    }

    @ParameterizedTest
    @MethodSource("org.discern.metrics.Fixtures#binaryNames")
    void curvesMatchScikitLearnPointByPoint(String name) throws IOException {
        JsonNode ex = Fixtures.json(name).get("expected");
        Path csv = Fixtures.csv(name, dir);
        List<String> a = new ArrayList<>(List.of(args(name, csv)));
        a.set(0, "curves");
        a.addAll(List.of("--out", dir.resolve("out").toString()));
        CliRunner.Result r = CliRunner.run(a.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        double[][] roc = readCsv(dir.resolve("out/roc.csv"), "threshold,fpr,tpr");
        assertArrayClose(Fixtures.doubles(ex.get("roc_curve").get("thresholds")), roc[0], name + " thr");
        assertArrayClose(Fixtures.doubles(ex.get("roc_curve").get("fpr")), roc[1], name + " fpr");
        assertArrayClose(Fixtures.doubles(ex.get("roc_curve").get("tpr")), roc[2], name + " tpr");
        double[][] pr = readCsv(dir.resolve("out/pr.csv"), "threshold,precision,recall");
        assertArrayClose(Fixtures.reversed(Fixtures.doubles(ex.get("precision_recall_curve").get("precision"))),
                pr[1], name + " precision");
        assertArrayClose(Fixtures.reversed(Fixtures.doubles(ex.get("precision_recall_curve").get("recall"))),
                pr[2], name + " recall");
        double[][] det = readCsv(dir.resolve("out/det.csv"), "threshold,fpr,fnr");
        assertArrayClose(Fixtures.reversed(Fixtures.doubles(ex.get("det_curve").get("thresholds"))), det[0], name);
        assertArrayClose(Fixtures.reversed(Fixtures.doubles(ex.get("det_curve").get("fnr"))), det[2], name);

        a.add("--all-thresholds");
        assertEquals(0, CliRunner.run(a.toArray(String[]::new)).code());
        double[][] all = readCsv(dir.resolve("out/roc.csv"), "threshold,fpr,tpr");
        assertArrayClose(Fixtures.doubles(ex.get("roc_curve_all_thresholds").get("thresholds")), all[0], name);
        assertArrayClose(Fixtures.doubles(ex.get("roc_curve_all_thresholds").get("tpr")), all[2], name);
    }

    private static double[][] readCsv(Path p, String header) throws IOException {
        List<String> lines = Files.readAllLines(p);
        assertEquals(header, lines.get(0));
        double[][] cols = new double[3][lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            for (int c = 0; c < 3; c++) {
                cols[c][i - 1] = f[c].equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(f[c]);
            }
        }
        return cols;
    }

    @Test
    void tableShowsHeadlineMetrics() throws IOException {
        Path csv = Fixtures.csv("binary_small_ties", dir);
        CliRunner.Result r = CliRunner.run("evaluate", csv.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("40 rows, 16 positive ('1'), 24 negative"), r.out());
        assertTrue(r.out().contains("ROC AUC                                0.977865"), r.out());
        assertTrue(r.out().matches("(?s).*actual positive +16 +0\n.*"), r.out());
        assertTrue(r.out().contains("at threshold 0.5 (positive iff score >= threshold)"), r.out());
    }

    @Test
    void malformedFileExitsWith3AndNamesFileLineColumn() throws IOException {
        Path p = dir.resolve("bad.csv");
        Files.writeString(p, "label,score\n1,0.4\n0,zero\n");
        CliRunner.Result r = CliRunner.run("evaluate", p.toString());
        assertEquals(3, r.code());
        assertEquals("discern: " + p + ":3: column 'score': expected a number, found 'zero'\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void usageErrorsExitWith2() throws IOException {
        Path csv = Fixtures.csv("binary_small_ties", dir);
        assertEquals(2, CliRunner.run("evaluate").code());
        assertEquals(2, CliRunner.run("evaluate", csv.toString(), "--format", "xml").code());
        assertEquals(2, CliRunner.run("evaluate", csv.toString(), "--max-fpr", "0").code());
        assertEquals(2, CliRunner.run("evaluate", csv.toString(), "--threshold", "abc").code());
        assertEquals(2, CliRunner.run("nosuchcommand").code());
        assertEquals(2, CliRunner.run().code());
    }

    @Test
    void positiveMustBeGivenForOtherLabels() throws IOException {
        Path p = dir.resolve("words.csv");
        Files.writeString(p, "label,score\nfraud,0.9\nlegit,0.2\nlegit,0.4\n");
        CliRunner.Result r = CliRunner.run("evaluate", p.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("give --positive VALUE"), r.err());
        CliRunner.Result ok = CliRunner.run("evaluate", p.toString(), "--positive", "fraud", "--format", "json");
        assertEquals(0, ok.code(), ok.err());
        assertEquals(1.0, MAPPER.readTree(ok.out()).get("roc_auc").asDouble());
        assertEquals("fraud", MAPPER.readTree(ok.out()).get("positive_label").asText());
    }

    @Test
    void curvesNeverOverwriteTheInput() throws IOException {
        Path d = dir.resolve("d");
        Files.createDirectories(d);
        Path in = d.resolve("roc.csv");
        Files.writeString(in, "label,score\n1,0.9\n0,0.1\n");
        CliRunner.Result r = CliRunner.run("curves", in.toString(), "--out", d.toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertEquals("label,score\n1,0.9\n0,0.1\n", Files.readString(in));
        assertTrue(r.err().contains("refusing to write over the input file"), r.err());
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        for (String c : List.of("evaluate", "curves", "demo")) {
            CliRunner.Result r = CliRunner.run(c, "--help");
            assertEquals(0, r.code());
            assertTrue(r.out().contains("Examples:"), c);
        }
        assertTrue(CliRunner.run("--version").out().startsWith("discern "));
    }
}

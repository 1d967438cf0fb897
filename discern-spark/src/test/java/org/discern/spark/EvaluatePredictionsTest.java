package org.discern.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.discern.cli.Cli;
import org.discern.io.Json;
import org.discern.metrics.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spark-submit job prints the JSON 'discern evaluate --format json' prints for the same file
 * and options (both run in-process here): on every golden fixture, on examples/fraud and
 * examples/malware25, with the table on the driver and kept on the cluster; and its errors.
 */
class EvaluatePredictionsTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void session() {
        SparkSessions.get();
    }

    record Run(int code, String out, String err) {
    }

    static Run job(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = EvaluatePredictions.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(new String[0]);
    }

    /** Runs both with the same file and options; compares the parsed JSON. */
    static void sameAsCli(Path file, double rel, String... options) throws Exception {
        Run c = cli(concat(new String[] {"evaluate", file.toString(), "--format", "json"}, options));
        assertEquals(0, c.code(), c.err());
        Run j = job(concat(new String[] {"--input", file.toString(), "--format", "json"}, options));
        assertEquals(0, j.code(), j.err());
        JsonNode expected = Json.parse(c.out());
        JsonAssert.same(expected, Json.parse(j.out()), rel, file.getFileName().toString());
    }

    static Stream<Arguments> fixtures() {
        return Stream.concat(Fixtures.BINARY.stream(), Fixtures.MULTICLASS.stream()).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixturesGiveTheJsonOfDiscernEvaluate(String name) throws Exception {
        Path csv = dir.resolve(name + ".csv");
        if (!Files.exists(csv)) {
            Fixtures.csv(name, dir);
        }
        boolean binary = name.startsWith("binary");
        boolean weighted = name.contains("weighted");
        List<String> options = new ArrayList<>();
        if (binary) {
            options.addAll(List.of("--threshold", "0.3", "--max-fpr", "0.2"));
            if (weighted) {
                options.addAll(List.of("--weight", "weight"));
            }
        }
        options.addAll(List.of("--ci", "delong"));
        // unweighted: the same counts, the same arithmetic (log loss and Brier are sums over distinct scores)
        sameAsCli(csv, weighted ? 1e-12 : 1e-13, options.toArray(new String[0]));
        // the tables kept on the cluster: the same JSON from sums over score ranges
        Run onDriver = job(concat(new String[] {"--input", csv.toString(), "--format", "json"},
                options.toArray(new String[0])));
        Run onCluster = job(concat(new String[] {"--input", csv.toString(), "--format", "json",
            binary ? "--max-driver-scores" : "--max-driver-entries", "1"}, options.toArray(new String[0])));
        assertEquals(0, onCluster.code(), onCluster.err());
        JsonAssert.same(Json.parse(onDriver.out()), Json.parse(onCluster.out()), 1e-12, name + " on the cluster");
    }

    @Test
    void theFraudExampleGivesTheJsonOfDiscernEvaluate() throws Exception {
        sameAsCli(Path.of("../examples/fraud/fraud_scores.csv.gz"), 1e-13, "--max-fpr", "0.01", "--ci", "delong");
        // the challenger column, and the table kept on the cluster
        Path fraud = Path.of("../examples/fraud/fraud_scores.csv.gz");
        Run c = cli("evaluate", fraud.toString(), "--score", "score_challenger", "--format", "json");
        Run j = job("--input", fraud.toString(), "--score", "score_challenger", "--format", "json",
                "--max-driver-scores", "1000");
        assertEquals(0, j.code(), j.err());
        JsonAssert.same(Json.parse(c.out()), Json.parse(j.out()), 1e-12, "fraud challenger on the cluster");
    }

    @Test
    void theMalwareExampleGivesTheJsonOfDiscernEvaluate(@TempDir Path out) throws Exception {
        Path malware = Path.of("../examples/malware25/predictions.csv");
        sameAsCli(malware, 1e-13, "--top-k", "1,3,5");
        // 25 classes, the tables kept on the cluster: the same JSON; the report directory holds it alone
        Run c = cli("evaluate", malware.toString(), "--format", "json", "--top-k", "1,3,5");
        Path report = out.resolve("report");
        Run j = job("--input", malware.toString(), "--format", "json", "--top-k", "1,3,5", "--max-driver-entries",
                "1000", "--out", report.toString());
        assertEquals(0, j.code(), j.err());
        String json = j.out().substring(0, j.out().lastIndexOf("report: "));
        JsonAssert.same(Json.parse(c.out()), Json.parse(json), 1e-12, "malware25 on the cluster");
        assertEquals(json, Files.readString(report.resolve("metrics.json")));
        assertEquals(List.of(report.resolve("metrics.json")), Files.list(report).toList());
    }

    /** Parquet input (the committed samples) gives the JSON of the CSV fixture they were written from. */
    @Test
    void parquetInputGivesTheJsonOfTheFixture() throws Exception {
        Path ties = dir.resolve("binary_small_ties.csv");
        if (!Files.exists(ties)) {
            Fixtures.csv("binary_small_ties", dir);
        }
        Run c = cli("evaluate", ties.toString(), "--format", "json");
        Run j = job("--input", ParquetSamplesTest.DIR + "binary_small_ties.snappy.parquet", "--format", "json");
        assertEquals(0, j.code(), j.err());
        JsonAssert.same(Json.parse(c.out()), Json.parse(j.out()), 1e-13, "parquet binary");

        Path multi = dir.resolve("multiclass_small_ties.csv");
        if (!Files.exists(multi)) {
            Fixtures.csv("multiclass_small_ties", dir);
        }
        c = cli("evaluate", multi.toString(), "--format", "json", "--ci", "delong");
        j = job("--input", ParquetSamplesTest.DIR + "multiclass_small_ties_vector.snappy.parquet", "--score",
                "probability", "--classes", "ant,bee,cat,dog,eel", "--format", "json", "--ci", "delong");
        assertEquals(0, j.code(), j.err());
        JsonAssert.same(Json.parse(c.out()), Json.parse(j.out()), 1e-13, "parquet multi-class");
    }

    @Test
    void theTableNamesTheValues() {
        Run j = job("--input", "../examples/fraud/fraud_scores.csv.gz");
        assertEquals(0, j.code(), j.err());
        assertTrue(j.out().contains("roc_auc"), j.out());
        assertTrue(j.out().contains("confusion.tp"), j.out());
    }

    @Test
    void theReportDirectoryHoldsTheJson(@TempDir Path out) throws Exception {
        Path target = out.resolve("report");
        Run j = job("--input", "../examples/fraud/fraud_scores.csv.gz", "--format", "json", "--out", target.toString());
        assertEquals(0, j.code(), j.err());
        String json = j.out().substring(0, j.out().lastIndexOf("report: "));
        assertEquals(json, Files.readString(target.resolve("metrics.json")));
        assertTrue(Files.readString(target.resolve("report.html")).contains("<html"));
        Run again = job("--input", "../examples/fraud/fraud_scores.csv.gz", "--out", target.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("exists; use --force to replace it"), again.err());
        // the table kept on the cluster: metrics.json and thinned curves
        Path thin = out.resolve("thin");
        Run c = job("--input", "../examples/fraud/fraud_scores.csv.gz", "--format", "json", "--out", thin.toString(),
                "--max-driver-scores", "1000");
        assertEquals(0, c.code(), c.err());
        assertTrue(Files.exists(thin.resolve("curves/roc.csv")));
        assertTrue(Files.readAllLines(thin.resolve("curves/roc.csv")).size() <= 10_002);
    }

    @Test
    void badDataIsAClearErrorWithExitCode3() throws Exception {
        Path nan = dir.resolve("nan.csv");
        Files.writeString(nan, "label,score\n1,0.9\n0,NaN\n0,0.2\n");
        Run j = job("--input", nan.toString());
        assertEquals(3, j.code());
        assertEquals("error: score column 'score' holds 'NaN', which is not a finite number\n", j.err());

        Path missing = dir.resolve("missing.csv");
        Files.writeString(missing, "label,p\n1,0.9\n0,0.2\n");
        j = job("--input", missing.toString(), "--layout", "binary");
        assertEquals(3, j.code());
        assertEquals("error: no score column 'score'; the columns are: label, p\n", j.err());

        Path labels = dir.resolve("labels.csv");
        Files.writeString(labels, "label,score\na,0.9\nb,0.2\n");
        j = job("--input", labels.toString());
        assertEquals(3, j.code());
        assertTrue(j.err().contains("cannot tell which label is positive: found 'a', 'b'; give --positive VALUE"),
                j.err());
        assertEquals(0, job("--input", labels.toString(), "--positive", "a").code());

        j = job("--input", labels.toString(), "--ci", "bootstrap");
        assertEquals(2, j.code());
        assertTrue(j.err().contains("--ci must be delong on Spark"), j.err());
        assertEquals(0, job("--help").code());
    }
}

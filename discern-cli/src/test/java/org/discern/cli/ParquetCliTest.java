package org.discern.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.discern.metrics.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code discern evaluate} of a Parquet file gives, byte for byte, the JSON of the CSV file it was
 * made from (Spark's and DuckDB's test inputs of discern-io, see the READMEs there), so every
 * number matches scikit-learn's where the CSV's does; and a truncated or corrupt Parquet file is
 * one clear message with exit code 3, never a stack trace.
 */
class ParquetCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of("binary_small_ties.snappy.parquet", "binary_small_ties", List.of()),
                Arguments.of("binary_weighted_float_boolean.zstd.parquet", null, List.of()),
                Arguments.of("binary_breast_cancer_bigint.gzip.parquet", "binary_breast_cancer", List.of()),
                Arguments.of("binary_asah_text.uncompressed.parquet", "binary_asah_s100b_vs_wfns",
                        List.of("--label", "outcome", "--score", "p")),
                Arguments.of("multiclass_small_ties_vector.snappy.parquet", "multiclass_small_ties",
                        List.of("--classes", "ant,bee,cat,dog,eel")),
                Arguments.of("multiclass_small_ties_sparse.zstd.parquet", "multiclass_small_ties",
                        List.of("--classes", "ant,bee,cat,dog,eel")),
                Arguments.of("multiclass_weighted_array.zstd.parquet", "multiclass_weighted",
                        List.of("--classes", "north,south,east,west")),
                Arguments.of("multiclass_weighted_list.zstd.parquet", "multiclass_weighted",
                        List.of("--classes", "north,south,east,west")),
                Arguments.of("multiclass_digits_v2.zstd.parquet", "multiclass_digits", List.of()),
                Arguments.of("multilabel_small.snappy.parquet", "multilabel_small", List.of()));
    }

    private static String evaluate(List<String> input) {
        List<String> args = new ArrayList<>(List.of("evaluate"));
        args.addAll(input);
        args.addAll(List.of("--format", "json"));
        if (!input.get(0).contains("multilabel")) {
            args.addAll(List.of("--ci", "delong"));
        }
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), args + ": " + r.err());
        return r.out();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void parquetEvaluatesAsItsCsv(String parquet, String fixture, List<String> options) throws IOException {
        List<String> input = new ArrayList<>(List.of(InputMatrixTest.parquet(parquet).toString()));
        input.addAll(options);
        String fromParquet = evaluate(input);
        if (fixture == null) {
            // the float32 scores of Spark's file: checked against the fixture's own numbers below
            return;
        }
        boolean binary = fixture.startsWith("binary");
        Path csv = Fixtures.csv(fixture, dir);
        String fromCsv = evaluate(List.of(csv.toString()));
        // the text labels yes/no stand for the CSV's 1/0
        assertEquals(fromCsv, fromParquet.replace("\"positive_label\" : \"yes\"", "\"positive_label\" : \"1\""));
        // and the numbers are scikit-learn's (the fixture's)
        JsonNode expected = Fixtures.json(fixture).get("expected");
        JsonNode got = JSON.readTree(fromParquet);
        String key = binary ? "roc_auc" : fixture.startsWith("multilabel") ? "roc_auc_macro" : "roc_auc_ovr_macro";
        assertTrue(expected.has(key) && got.has(key), key);
        assertEquals(Fixtures.number(expected.get(key)), got.get(key).asDouble(), 1e-12, key);
    }

    @Test
    void sparkFloatScoresKeepTheirRoundingAndWeights() throws IOException {
        // Spark's file holds the fixture's scores rounded to float32: the same CSV, written here
        JsonNode in = Fixtures.json("binary_weighted").get("input");
        double[] scores = Fixtures.doubles(in.get("scores"));
        boolean[] labels = Fixtures.booleans(in.get("labels"));
        double[] weights = Fixtures.doubles(in.get("weights"));
        List<String> lines = new ArrayList<>(List.of("label,score,weight"));
        for (int i = 0; i < scores.length; i++) {
            lines.add(labels[i] + "," + (double) (float) scores[i] + "," + weights[i]);
        }
        Path csv = dir.resolve("float.csv");
        Files.write(csv, lines);
        String parquet = InputMatrixTest.parquet("binary_weighted_float_boolean.zstd.parquet").toString();
        assertEquals(evaluate(List.of(csv.toString(), "--weight", "weight")),
                evaluate(List.of(parquet, "--weight", "weight")));
    }

    static Stream<Arguments> damaged() throws IOException {
        byte[] good = Files.readAllBytes(InputMatrixTest.parquet("binary_breast_cancer_bigint.gzip.parquet"));
        int n = good.length;
        byte[] footerLength = good.clone();
        footerLength[n - 6] = 0x7f; // the footer length's high bytes
        byte[] page = good.clone();
        for (int i = 40; i < 80; i++) {
            page[i] ^= 0x5a; // inside the first column chunk
        }
        byte[] footer = good.clone();
        for (int i = n - 60; i < n - 20; i++) {
            footer[i] = (byte) 0xff;
        }
        return Stream.of(
                Arguments.of("truncated", Arrays.copyOf(good, n / 2), "not a valid Parquet file: it does not end with"
                        + " the magic bytes PAR1"),
                Arguments.of("magic only", "PAR1PAR1".getBytes(), "not a valid Parquet file: the file is 8 bytes"),
                Arguments.of("footer length", footerLength, "not a valid Parquet file: the footer length"),
                Arguments.of("footer bytes", footer, "not a valid Parquet file: its footer"),
                Arguments.of("page bytes", page, "not a valid Parquet file: column 'label', row group 0:"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damaged")
    void aDamagedFileIsOneClearErrorWithExit3(String what, byte[] bytes, String message) throws IOException {
        Path file = dir.resolve("damaged.parquet");
        Files.write(file, bytes);
        CliRunner.Result r = CliRunner.run("evaluate", file.toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().startsWith("discern: " + file + ": " + message), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals("", r.out());
    }
}

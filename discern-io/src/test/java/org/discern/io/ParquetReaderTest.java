package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.discern.metrics.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet files written by Spark 4.1.0 (see {@code src/test/resources/parquet/README.md}) read
 * through the one input path, checked value by value against the golden fixtures they were made
 * from: flat binary columns (int and boolean labels, double and float scores, weights), Spark ML's
 * probability vector and an {@code array<double>} column for multi-class; snappy and zstd. And
 * files written by DuckDB 1.4.4 from the fixtures' CSV files (gzip, uncompressed, several row
 * groups, data pages v2, a {@code list<double>} column, sparse and dense Spark-style vectors,
 * text/bigint/boolean/tinyint/double labels), each read equal to the CSV it was made from.
 */
class ParquetReaderTest {
    @TempDir
    Path tmp;

    private BinaryPredictions csvBinary(String fixture) throws IOException {
        return (BinaryPredictions) read(Fixtures.csv(fixture, tmp));
    }

    private static void assertSameBinary(BinaryPredictions expected, BinaryPredictions actual) {
        assertArrayEquals(expected.labels(), actual.labels());
        assertArrayEquals(expected.scores(), actual.scores(), 0.0);
        assertArrayEquals(expected.weights(), actual.weights(), 0.0);
    }

    @Test
    void duckdbBigintLabelsGzipThreeRowGroups() throws IOException {
        BinaryPredictions p = (BinaryPredictions) read(parquet("binary_breast_cancer_bigint.gzip.parquet"));
        assertSameBinary(csvBinary("binary_breast_cancer"), p);
        assertEquals(285, p.size());
    }

    @Test
    void duckdbTextLabelsUncompressedNamedColumns() throws IOException {
        BinaryPredictions p = (BinaryPredictions) PredictionReader.read(InputSpec.builder()
                .file(parquet("binary_asah_text.uncompressed.parquet")).labelColumn("outcome").scoreColumn("p").build());
        assertSameBinary(csvBinary("binary_asah_s100b_vs_wfns"), p);
        assertEquals("yes", p.positiveLabel());
    }

    @Test
    void duckdbListColumnAsPandasWritesIt() throws IOException {
        List<String> classes = List.of("north", "south", "east", "west");
        Predictions p = PredictionReader.read(InputSpec.builder()
                .file(parquet("multiclass_weighted_list.zstd.parquet")).classes(classes).build());
        assertEquals(read(Fixtures.csv("multiclass_weighted", tmp)), p);
    }

    @Test
    void duckdbFlatColumnsDataPagesV2() throws IOException {
        assertEquals(read(Fixtures.csv("multiclass_digits", tmp)), read(parquet("multiclass_digits_v2.zstd.parquet")));
    }

    @Test
    void duckdbSparseAndDenseSparkVectors() throws IOException {
        List<String> classes = List.of("ant", "bee", "cat", "dog", "eel");
        Predictions p = PredictionReader.read(InputSpec.builder()
                .file(parquet("multiclass_small_ties_sparse.zstd.parquet")).classes(classes).build());
        assertEquals(read(Fixtures.csv("multiclass_small_ties", tmp)), p);
    }

    @Test
    void duckdbMultiLabelWithLabelsOfFourTypes() throws IOException {
        assertEquals(read(Fixtures.csv("multilabel_small", tmp)), read(parquet("multilabel_small.snappy.parquet")));
    }

    @Test
    void duckdbThreeRowGroupsDeltaIdsByteStreamSplitScores() throws IOException {
        Path csv = Fixtures.csv("binary_fraudlike", tmp);
        List<String> lines = java.nio.file.Files.readAllLines(csv);
        java.nio.file.Files.write(csv, lines.subList(0, 5001));
        BinaryPredictions p = (BinaryPredictions) PredictionReader.read(InputSpec.builder()
                .file(parquet("binary_fraudlike_5000_v2.gzip.parquet")).idColumn("id").build());
        assertSameBinary((BinaryPredictions) read(csv), p);
        for (int i = 0; i < 5000; i++) {
            assertEquals(Integer.toString(i + 1), p.ids()[i]);
        }
    }

    @Test
    void aNullIsLocatedByRowAndRowGroup() {
        InputException e = assertThrows(InputException.class,
                () -> read(parquet("binary_fraudlike_null.snappy.parquet")));
        assertTrue(e.getMessage().endsWith("binary_fraudlike_null.snappy.parquet: column 'score': row 2060 (row group"
                + " 1): expected a number, found null"), e.getMessage());
        assertEquals("score", e.column());
    }
    /** A damaged zstd page (the fuzz finding of round P1) is named by its codec. */
    @Test
    void aPageThatCannotBeDecompressedNamesItsCodec() throws URISyntaxException {
        Path damaged = Path.of(ParquetReaderTest.class.getResource(
                "/org/discern/io/ParquetFuzzTestInputs/read/crash-0a74fce4309c1c0533bb21f6b347a744e76b7d1e").toURI());
        InputException e = assertThrows(InputException.class,
                () -> PredictionReader.read(InputSpec.builder().file(damaged).scoreColumn("score").build()));
        assertTrue(e.getMessage().contains(": a page compressed with ZSTD cannot be decompressed (Invalid frame"),
                e.getMessage());
    }

    static Path parquet(String name) {
        try {
            return Path.of(ParquetReaderTest.class.getResource("/parquet/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Predictions read(Path file) throws IOException {
        return PredictionReader.read(InputSpec.builder().file(file).build());
    }

    @Test
    void sparkBinaryIntLabelsDoubleScores() throws IOException {
        BinaryPredictions p = assertInstanceOf(BinaryPredictions.class,
                read(parquet("binary_small_ties.snappy.parquet")));
        JsonNode in = Fixtures.json("binary_small_ties").get("input");
        assertArrayEquals(Fixtures.booleans(in.get("labels")), p.labels());
        assertArrayEquals(Fixtures.doubles(in.get("scores")), p.scores(), 0.0);
        assertNull(p.weights());
        assertEquals("1", p.positiveLabel());
    }

    @Test
    void sparkBinaryBooleanLabelsFloatScoresWeights() throws IOException {
        Path file = parquet("binary_weighted_float_boolean.zstd.parquet");
        BinaryPredictions p = assertInstanceOf(BinaryPredictions.class,
                PredictionReader.read(InputSpec.builder().file(file).weightColumn("weight").build()));
        JsonNode in = Fixtures.json("binary_weighted").get("input");
        assertArrayEquals(Fixtures.booleans(in.get("labels")), p.labels());
        double[] expected = Fixtures.doubles(in.get("scores"));
        for (int i = 0; i < expected.length; i++) {
            // the file holds the fixture's scores rounded to float32, read back exactly
            assertEquals((double) (float) expected[i], p.scores()[i], 0.0, "score " + i);
        }
        assertArrayEquals(Fixtures.doubles(in.get("weights")), p.weights(), 0.0);
        assertEquals("true", p.positiveLabel());
    }

    @Test
    void sparkProbabilityVectorWithIndexLabels() throws IOException {
        Path file = parquet("multiclass_small_ties_vector.snappy.parquet");
        JsonNode in = Fixtures.json("multiclass_small_ties").get("input");
        List<String> classes = Fixtures.strings(in.get("classes"));
        MultiClassPredictions p = assertInstanceOf(MultiClassPredictions.class,
                PredictionReader.read(InputSpec.builder().file(file).classes(classes).build()));
        assertEquals(classes, p.classNames());
        assertMatrix(in, p);
        // without --classes the classes are the indices
        MultiClassPredictions byIndex = assertInstanceOf(MultiClassPredictions.class, read(file));
        assertEquals(List.of("0", "1", "2", "3", "4"), byIndex.classNames());
        assertArrayEquals(Fixtures.ints(in.get("labels")), byIndex.labels());
    }

    @Test
    void sparkArrayColumnWithNamedLabels() throws IOException {
        Path file = parquet("multiclass_weighted_array.zstd.parquet");
        JsonNode in = Fixtures.json("multiclass_weighted").get("input");
        List<String> classes = Fixtures.strings(in.get("classes"));
        MultiClassPredictions p = assertInstanceOf(MultiClassPredictions.class,
                PredictionReader.read(InputSpec.builder().file(file).classes(classes).build()));
        assertEquals(classes, p.classNames());
        assertMatrix(in, p);
        assertArrayEquals(Fixtures.doubles(in.get("weights")), p.weights(), 0.0);
        // names as labels need the order of the scores
        InputException e = assertThrows(InputException.class, () -> read(file));
        assertTrue(e.getMessage().contains("column 'label'") && e.getMessage().contains("--classes"),
                e.getMessage());
    }

    private static void assertMatrix(JsonNode in, MultiClassPredictions p) {
        assertArrayEquals(Fixtures.ints(in.get("labels")), p.labels());
        double[][] scores = Fixtures.matrix(in.get("scores"));
        assertEquals(scores.length, p.size());
        for (int i = 0; i < scores.length; i++) {
            for (int k = 0; k < scores[i].length; k++) {
                assertEquals(scores[i][k], p.score(i, k), 0.0, "[" + i + ", " + k + "]");
            }
        }
    }
}

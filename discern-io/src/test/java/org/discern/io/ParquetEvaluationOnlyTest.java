package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link InputSpec#evaluationOnly()} for Parquet: unweighted binary rows go from the decoded
 * columns into the core's sort keys and none is kept, and that evaluation is exactly the
 * evaluation of the rows kept (every number, log loss and Brier bit for bit, the JSON summary),
 * for every binary file of the test resources (written by Spark and by DuckDB: int, bigint,
 * boolean and text labels, float and double scores, one and three row groups, data pages v1 and
 * v2, four codecs) and positive labels given or not; a file refused one way is refused the other
 * way with the same message; weights, ids and --drop-invalid keep the rows.
 */
class ParquetEvaluationOnlyTest {

    static Stream<Arguments> files() {
        UnaryOperator<InputSpec.Builder> none = b -> b;
        return Stream.of(
                Arguments.of("binary_small_ties.snappy.parquet", none),
                Arguments.of("binary_small_ties.snappy.parquet", (UnaryOperator<InputSpec.Builder>) b -> b.positive("0")),
                Arguments.of("binary_small_ties_pagev2.snappy.parquet", none),
                Arguments.of("binary_weighted_float_boolean.zstd.parquet", none),
                Arguments.of("binary_weighted_float_boolean.zstd.parquet",
                        (UnaryOperator<InputSpec.Builder>) b -> b.positive("false")),
                Arguments.of("binary_breast_cancer_bigint.gzip.parquet", none),
                Arguments.of("binary_fraudlike_5000_v2.gzip.parquet", none),
                Arguments.of("binary_asah_text.uncompressed.parquet",
                        (UnaryOperator<InputSpec.Builder>) b -> b.labelColumn("outcome").scoreColumn("p")),
                Arguments.of("binary_asah_text.uncompressed.parquet",
                        (UnaryOperator<InputSpec.Builder>) b -> b.labelColumn("outcome").scoreColumn("p").positive("no")),
                Arguments.of("binary_fraudlike_null.snappy.parquet", none));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void evaluatedAsReadIsTheEvaluationOfTheRows(String name, UnaryOperator<InputSpec.Builder> settings)
            throws IOException {
        EvaluationOnlyReadProperties.sameAsRowsKept(
                settings.apply(InputSpec.builder().file(ParquetReaderTest.parquet(name))).build(), name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rowsKeptSettings")
    void weightsIdsAndDropInvalidKeepTheRows(String why, UnaryOperator<InputSpec.Builder> settings)
            throws IOException {
        InputSpec spec = settings.apply(InputSpec.builder().evaluationOnly(true)).build();
        BinaryPredictions p = (BinaryPredictions) PredictionReader.read(spec);
        assertNotNull(p);
        assertTrue(p.rowsKept(), why);
        assertFalse(p.scores().length == 0, why);
    }

    static Stream<Arguments> rowsKeptSettings() {
        return Stream.of(
                Arguments.of("weights", (UnaryOperator<InputSpec.Builder>) b -> b
                        .file(ParquetReaderTest.parquet("binary_weighted_float_boolean.zstd.parquet")).weightColumn("weight")),
                Arguments.of("ids", (UnaryOperator<InputSpec.Builder>) b -> b
                        .file(ParquetReaderTest.parquet("binary_fraudlike_5000_v2.gzip.parquet")).idColumn("id")),
                Arguments.of("--drop-invalid", (UnaryOperator<InputSpec.Builder>) b -> b
                        .file(ParquetReaderTest.parquet("binary_fraudlike_null.snappy.parquet")).dropInvalid(true)));
    }

    /** The files above are every binary file of the test resources. */
    @org.junit.jupiter.api.Test
    void everyBinaryFileIsCovered() throws Exception {
        java.nio.file.Path dir = ParquetReaderTest.parquet("binary_small_ties.snappy.parquet").getParent();
        List<String> binary;
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
            binary = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.startsWith("binary_") && f.endsWith(".parquet")).sorted().toList();
        }
        assertEquals(binary, files().map(a -> (String) a.get()[0]).distinct().sorted().toList());
    }
}

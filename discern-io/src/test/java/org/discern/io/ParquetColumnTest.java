package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The row groups of a column decoded on several threads: the same arrays as on one, and the error
 * of the first damaged row group whichever thread meets a damaged one first.
 */
class ParquetColumnTest {
    @TempDir
    Path tmp;

    private static final int[] THREADS = {2, 3, 8};

    @Test
    void severalThreadsDecodeWhatOneDoes() throws IOException {
        for (String name : List.of("binary_breast_cancer_bigint.gzip.parquet", "binary_fraudlike_5000_v2.gzip.parquet",
                "binary_fraudlike_null.snappy.parquet", "multilabel_small.snappy.parquet")) {
            try (ParquetFile f = ParquetFile.open(ParquetReaderTest.parquet(name))) {
                for (ParquetFile.Node leaf : f.leaves()) {
                    ParquetColumn one = ParquetColumn.read(f, leaf, 1);
                    for (int threads : THREADS) {
                        ParquetColumn many = ParquetColumn.read(f, leaf, threads);
                        String what = name + " " + leaf.path() + " on " + threads + " threads";
                        assertEquals(one.values(), many.values(), what);
                        assertArrayEquals(one.definition(), many.definition(), what);
                        assertArrayEquals(one.repetition(), many.repetition(), what);
                        assertArrayEquals(one.longs(), many.longs(), what);
                        assertArrayEquals(one.doubles(), many.doubles(), what);
                        assertArrayEquals(one.codes(), many.codes(), what);
                        assertEquals(one.texts(), many.texts(), what);
                    }
                }
            }
        }
    }

    /** An integer column read as codes holds the integers it holds read as longs, each distinct value once. */
    @Test
    void integersReadAsCodesAreTheirValues() throws IOException {
        int checked = 0;
        for (String name : List.of("binary_breast_cancer_bigint.gzip.parquet", "binary_fraudlike_5000_v2.gzip.parquet",
                "binary_fraudlike_null.snappy.parquet", "multilabel_small.snappy.parquet",
                "binary_weighted_float_boolean.zstd.parquet", "multiclass_digits_v2.zstd.parquet")) {
            try (ParquetFile f = ParquetFile.open(ParquetReaderTest.parquet(name))) {
                for (ParquetFile.Node leaf : f.leaves()) {
                    if (leaf.type != ParquetFile.BOOLEAN && leaf.type != ParquetFile.INT32
                            && leaf.type != ParquetFile.INT64) {
                        continue;
                    }
                    long[] longs = ParquetColumn.read(f, leaf, 1).longs();
                    for (int threads : new int[] {1, 2, 8}) {
                        ParquetColumn coded = ParquetColumn.read(f, leaf, threads, true);
                        assertNull(coded.longs());
                        long[] distinct = coded.distinct();
                        assertEquals(distinct.length, java.util.Arrays.stream(distinct).distinct().count());
                        int[] codes = coded.codes();
                        assertEquals(longs.length, codes.length);
                        for (int i = 0; i < codes.length; i++) {
                            assertEquals(longs[i], distinct[codes[i]], name + " " + leaf.path() + " value " + i);
                        }
                    }
                    checked++;
                }
            }
        }
        assertTrue(checked >= 6, "integer columns checked: " + checked);
    }

    /** The nulls of the score column (one in row group 1) keep their slots; the values close up. */
    @Test
    void nullsInALaterRowGroupCloseUpTheValues() throws IOException {
        try (ParquetFile f = ParquetFile.open(ParquetReaderTest.parquet("binary_fraudlike_null.snappy.parquet"))) {
            assertTrue(f.rowGroups().size() > 1);
            ParquetFile.Node score = new ParquetFields(f).field("score");
            for (int threads : new int[] {1, 2, 8}) {
                ParquetColumn c = ParquetColumn.read(f, score, threads);
                byte[] def = c.definition();
                assertNotNull(def);
                int present = 0;
                for (byte d : def) {
                    present += d == score.maxDefinition ? 1 : 0;
                }
                assertTrue(present < def.length);
                assertEquals(present, c.values());
                assertEquals(present, c.doubles().length);
                assertEquals(0, def[2059]);
                assertEquals(c.groupOf(2059), 1);
            }
            // a column without nulls drops its definition levels
            assertNull(ParquetColumn.read(f, new ParquetFields(f).field("label"), 2).definition());
        }
    }

    /** A NaN written over a score of an uncompressed file is found where it is, as the decoding meets it. */
    @Test
    void aNonFiniteScoreIsLocated() throws IOException {
        Path source = ParquetReaderTest.parquet("binary_asah_text.uncompressed.parquet");
        byte[] bytes = Files.readAllBytes(source);
        double[] scores;
        try (ParquetFile f = ParquetFile.open(source)) {
            scores = ParquetColumn.read(f, new ParquetFields(f).field("p"), 1).doubles();
            assertEquals(-1, ParquetColumn.read(f, new ParquetFields(f).field("p"), 1).firstNonFinite());
        }
        int row = scores.length - 1; // the last row with a score no other row has
        while (row > 0 && count(scores, scores[row]) != 1) {
            row--;
        }
        assertTrue(row > scores.length / 2);
        int found = 0;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 8 <= bytes.length; i++) {
            if (b.getDouble(i) == scores[row]) {
                b.putDouble(i, Double.NaN);
                found++;
            }
        }
        assertEquals(1, found);
        Path damaged = tmp.resolve("nan.parquet");
        Files.write(damaged, bytes);
        try (ParquetFile f = ParquetFile.open(damaged)) {
            assertEquals(row, ParquetColumn.read(f, new ParquetFields(f).field("p"), 2).firstNonFinite());
        }
        InputException e = assertThrows(InputException.class, () -> PredictionReader.read(InputSpec.builder()
                .file(damaged).labelColumn("outcome").scoreColumn("p").build()));
        assertTrue(e.getMessage().endsWith("column 'p': row " + (row + 1) + " (row group 0): expected a finite number,"
                + " found NaN"), e.getMessage());
    }

    private static int count(double[] d, double v) {
        int n = 0;
        for (double x : d) {
            n += x == v ? 1 : 0;
        }
        return n;
    }

    @Test
    void theFirstDamagedRowGroupIsReported() throws IOException {
        Path source = ParquetReaderTest.parquet("binary_fraudlike_null.snappy.parquet");
        byte[] bytes = Files.readAllBytes(source);
        int leafIndex;
        try (ParquetFile f = ParquetFile.open(source)) {
            assertEquals(3, f.rowGroups().size());
            leafIndex = new ParquetFields(f).field("score").leafIndex;
            for (int g = 1; g < 3; g++) {
                ParquetFile.Chunk chunk = f.rowGroups().get(g).chunks().get(leafIndex);
                for (int i = 0; i < 8; i++) {
                    bytes[(int) chunk.start() + i] = (byte) 0xFF;
                }
            }
        }
        Path damaged = tmp.resolve("damaged.parquet");
        Files.write(damaged, bytes);
        try (ParquetFile f = ParquetFile.open(damaged)) {
            ParquetFile.Node leaf = f.leaves().get(leafIndex);
            for (int threads : new int[] {1, 2, 3, 8}) {
                for (int round = 0; round < 20; round++) {
                    InputException e = assertThrows(InputException.class, () -> ParquetColumn.read(f, leaf, threads));
                    assertTrue(e.getMessage().contains("column 'score', row group 1: a page header"), e.getMessage());
                }
            }
        }
    }
    /**
     * Data pages of version 2 (written by Spark's parquet-java with {@code parquet.writer.version}
     * v2: levels before the compressed values, outside them) read to the same predictions as the
     * same rows in version 1 pages.
     */
    @Test
    void pagesOfVersion2ReadAsVersion1() throws IOException {
        BinaryPredictions v1 = (BinaryPredictions) PredictionReader.read(InputSpec.builder()
                .file(ParquetReaderTest.parquet("binary_small_ties.snappy.parquet")).build());
        BinaryPredictions v2 = (BinaryPredictions) PredictionReader.read(InputSpec.builder()
                .file(ParquetReaderTest.parquet("binary_small_ties_pagev2.snappy.parquet")).build());
        assertEquals(40, v2.size());
        assertArrayEquals(v1.scores(), v2.scores());
        assertArrayEquals(v1.labels(), v2.labels());
        assertEquals(v1.labelValues(), v2.labelValues());
    }

    /**
     * A data page v2 whose uncompressed size is below its level bytes (a damaged header) is a
     * located "not valid" error, not a failed allocation: the first page header (type 3, then the
     * uncompressed size 18 as one byte) gets the size 1, below its 2 bytes of definition levels.
     */
    @Test
    void aVersion2PageSmallerThanItsLevelsIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(ParquetReaderTest.parquet("binary_small_ties_pagev2.snappy.parquet"));
        int at = -1;
        for (int i = 4; i + 3 < bytes.length && at < 0; i++) {
            if (bytes[i] == 0x15 && bytes[i + 1] == 0x06 && bytes[i + 2] == 0x15 && bytes[i + 3] == 0x12) {
                at = i + 3;
            }
        }
        assertTrue(at > 0, "the first data page v2 header");
        bytes[at] = 0x02; // zigzag(1)
        Path damaged = tmp.resolve("v2.parquet");
        Files.write(damaged, bytes);
        InputException e = assertThrows(InputException.class,
                () -> PredictionReader.read(InputSpec.builder().file(damaged).build()));
        assertTrue(e.getMessage().contains("row group 0: a data page v2 declares 1 uncompressed bytes, fewer than its"
                + " 2 bytes of levels"), e.getMessage());
    }
}

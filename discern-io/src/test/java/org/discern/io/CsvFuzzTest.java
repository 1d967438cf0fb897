package org.discern.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz targets of the delimited-file readers (CSV/TSV, gzip, BOM, quotes): whatever the bytes,
 * reading either succeeds or fails with an {@link InputException}; nothing else escapes (no
 * NumberFormatException, no parser internals, no core IllegalArgumentException). In every build
 * they run in regression mode over the committed inputs in
 * {@code src/test/resources/org/discern/io/CsvFuzzTestInputs/<method>}; fuzz for real with
 * {@code JAZZER_FUZZ=1 mvn -pl discern-io -am test -Dtest=CsvFuzzTest#binaryReader
 * -Dsurefire.failIfNoSpecifiedTests=false} (one method per run; see docs/RELIABILITY.md).
 *
 * <p>{@link #chunkedReader} feeds the same bytes through the parallel chunked reader with small
 * chunk sizes (so chunk boundaries fall inside quoted fields, CRLF pairs, multi-byte UTF-8 and the
 * gzip stream) and checks it against the sequential readers.
 */
class CsvFuzzTest {
    /** One reader, set up with or without a weight column, reading a file. */
    private interface Reader {
        void read(Path file, String weightColumn) throws IOException;
    }

    /** Writes the bytes to a file and reads it; the weight column is asked for on odd lengths. */
    private static void fuzz(byte[] data, Reader reader) throws IOException {
        Path p = Files.createTempFile("fuzz", ".csv");
        try {
            Files.write(p, data);
            try {
                reader.read(p, data.length % 2 == 0 ? null : "weight");
            } catch (InputException expected) {
                // the only allowed failure
            }
        } finally {
            Files.deleteIfExists(p);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void binaryReader(byte[] data) throws IOException {
        fuzz(data, (p, w) -> BinaryCsvReader.create().weightColumn(w).read(p));
    }

    /** The multi-class layout: a label column of class names, one score column per class. */
    @FuzzTest(maxDuration = "5m")
    void multiClassReader(byte[] data) throws IOException {
        fuzz(data, (p, w) -> MultiClassCsvReader.create().weightColumn(w).read(p));
    }

    /** The multi-label layout: label_NAME 0/1 columns beside score_NAME columns. */
    @FuzzTest(maxDuration = "5m")
    void multiLabelReader(byte[] data) throws IOException {
        fuzz(data, (p, w) -> MultiLabelCsvReader.create().weightColumn(w).read(p));
    }

    /**
     * The chunked reader, chunk boundaries included (the first byte picks a chunk size of 1-64
     * bytes), for whatever layout the header shows: it either declines or gives exactly what the
     * sequential reader of that layout gives, and it never accepts input the sequential reader
     * refuses.
     */
    @FuzzTest(maxDuration = "5m")
    void chunkedReader(byte[] data) throws IOException {
        if (data.length == 0) {
            return;
        }
        int chunk = 1 + (data[0] & 63);
        byte[] text = java.util.Arrays.copyOfRange(data, 1, data.length);
        Path p = Files.createTempFile("fuzz", ".csv");
        try {
            Files.write(p, text);
            InputSpec spec = InputSpec.builder().file(p).weightColumn((data[0] & 64) == 0 ? null : "weight").build();
            Predictions expected;
            try {
                expected = sequential(p, spec);
            } catch (InputException e) {
                expected = null;
            }
            Predictions got = ChunkedCsv.read(p, spec, chunk, 2);
            if (got != null && (expected == null || !same(expected, got))) {
                throw new AssertionError("the chunked reader disagrees with the sequential one on "
                        + java.util.HexFormat.of().formatHex(data));
            }
        } finally {
            Files.deleteIfExists(p);
        }
    }

    /** What the sequential readers make of a delimited file (as DelimitedFormat without the fast path). */
    static Predictions sequential(Path p, InputSpec spec) throws IOException {
        try (DelimitedFile f = DelimitedFile.open(p)) {
            return switch (LayoutDetector.fromColumns(f.name(), f.header(), spec)) {
                case MULTICLASS -> MultiClassCsvReader.of(spec).read(f);
                case MULTILABEL -> MultiLabelCsvReader.of(spec).read(f);
                default -> BinaryCsvReader.of(spec).read(f);
            };
        }
    }

    /** The same predictions, sources and binary label texts included. */
    static boolean same(Predictions a, Predictions b) {
        if (!a.source().equals(b.source()) || a.layout() != b.layout()
                || !java.util.Arrays.equals(a.weights(), b.weights())) {
            return false;
        }
        if (a instanceof BinaryPredictions x && b instanceof BinaryPredictions y) {
            return java.util.Arrays.equals(x.scores(), y.scores()) && java.util.Arrays.equals(x.labels(), y.labels())
                    && x.labelValues().equals(y.labelValues()) && x.positiveLabel().equals(y.positiveLabel());
        }
        return a.equals(b);
    }
}

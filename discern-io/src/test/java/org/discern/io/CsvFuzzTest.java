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
 * <p>The readers are sequential today. When the parallel parser lands, add a target that feeds
 * the same bytes through it with small chunk sizes (so chunk boundaries fall inside quoted
 * fields, CRLF pairs, multi-byte UTF-8 and the gzip stream) and checks it against this one.
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
     * bytes): it either declines or gives exactly what the sequential reader gives, and it never
     * accepts input the sequential reader refuses.
     */
    @FuzzTest(maxDuration = "30s")
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
            BinaryPredictions expected;
            try {
                expected = BinaryCsvReader.of(spec).read(p);
            } catch (InputException e) {
                expected = null;
            }
            BinaryPredictions got = ChunkedBinaryCsv.read(p, spec, chunk, 2);
            if (got == null) {
                return;
            }
            if (expected == null
                    || !java.util.Arrays.equals(expected.scores(), got.scores())
                    || !java.util.Arrays.equals(expected.labels(), got.labels())
                    || !java.util.Arrays.equals(expected.weights(), got.weights())
                    || !expected.labelValues().equals(got.labelValues())
                    || !expected.positiveLabel().equals(got.positiveLabel())) {
                throw new AssertionError("the chunked reader disagrees with the sequential one on "
                        + java.util.HexFormat.of().formatHex(data));
            }
        } finally {
            Files.deleteIfExists(p);
        }
    }
}

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
}

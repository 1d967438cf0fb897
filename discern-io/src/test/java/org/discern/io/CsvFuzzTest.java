package org.discern.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target of the CSV reader: whatever the bytes, reading either succeeds or fails with an
 * {@link InputException}; nothing else escapes (no NumberFormatException, no parser internals).
 * In CI it runs in regression mode over the committed inputs in
 * {@code src/test/resources/org/discern/io/CsvFuzzTestInputs/binaryReader}; fuzz for real with
 * {@code JAZZER_FUZZ=1 mvn -pl discern-io test -Dtest=CsvFuzzTest}.
 */
class CsvFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void binaryReader(byte[] data) throws IOException {
        Path p = Files.createTempFile("fuzz", ".csv");
        try {
            Files.write(p, data);
            try {
                BinaryCsvReader.create().weightColumn(data.length % 2 == 0 ? null : "weight").read(p);
            } catch (InputException expected) {
                // the only allowed failure
            }
        } finally {
            Files.deleteIfExists(p);
        }
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

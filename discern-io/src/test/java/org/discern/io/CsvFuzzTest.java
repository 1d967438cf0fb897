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
}

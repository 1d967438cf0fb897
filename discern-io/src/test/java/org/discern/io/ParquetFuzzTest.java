package org.discern.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target of the Parquet reader (footer, schema, pages, codecs, levels, encodings, the
 * layouts): whatever the bytes, reading a file either gives predictions or fails with an
 * {@link InputException} (or, for a file declaring more rows than the heap holds, the
 * {@link HeapLimitException} refusal); nothing else escapes. The first byte chooses the settings
 * (detected layout, a named score column, multi-class with classes named by index). In every
 * build it runs in regression mode over the committed inputs in
 * {@code src/test/resources/org/discern/io/ParquetFuzzTestInputs/read} (the test files of
 * {@code src/test/resources/parquet} and damaged copies of them); fuzz for real with
 * {@code JAZZER_FUZZ=1 mvn -pl discern-io -am test -Dtest=ParquetFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false} (see docs/RELIABILITY.md).
 */
class ParquetFuzzTest {
    @FuzzTest(maxDuration = "5m")
    void read(byte[] data) throws IOException {
        if (data.length == 0) {
            return;
        }
        Path p = Files.createTempFile("fuzz", ".parquet");
        try {
            // the settings come from the last byte, so the file still starts with PAR1
            int choice = data[data.length - 1] & 3;
            Files.write(p, data);
            InputSpec.Builder spec = InputSpec.builder().file(p);
            switch (choice) {
                case 1 -> spec.scoreColumn("score");
                case 2 -> spec.layout(Layout.MULTICLASS);
                case 3 -> spec.idColumn("id").weightColumn("weight");
                default -> {
                }
            }
            try {
                PredictionReader.read(spec.build());
            } catch (InputException | HeapLimitException | InputOptionException expected) {
                // the allowed failures
            }
        } finally {
            Files.deleteIfExists(p);
        }
    }
}

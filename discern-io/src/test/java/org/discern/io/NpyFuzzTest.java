package org.discern.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target of the {@code .npy} reader: whatever the bytes, parsing the header, reading the
 * data (in memory and as a stream) and converting it to labels and scores either succeeds or
 * fails with an {@link InputException}; nothing else escapes. In CI it runs in regression mode
 * over the committed inputs in {@code src/test/resources/org/discern/io/NpyFuzzTestInputs/npy};
 * fuzz for real with {@code JAZZER_FUZZ=1 mvn -pl discern-io test -Dtest=NpyFuzzTest}.
 */
class NpyFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void npy(byte[] data) throws IOException {
        NpyHeader header;
        try {
            header = NpyHeader.parse("fuzz.npy", data);
        } catch (InputException expected) {
            return;
        }
        ByteBuffer rest = ByteBuffer.wrap(data);
        rest.position((int) header.dataOffset());
        try {
            convert(NpyArray.of(header, rest, 8));
        } catch (InputException expected) {
            // the only allowed failure
        }
        try {
            convert(NpyArray.read("fuzz.npy", Channels.newChannel(new ByteArrayInputStream(data)), 64,
                    data.length));
        } catch (InputException expected) {
            // the only allowed failure
        }
    }

    private static void convert(NpyArray a) throws InputException {
        a.toDoubleArray();
        try {
            LabelArray y = NpyInput.labels(a);
            if (y.isMultiClass() && y.rows() > 0) {
                y.classIndices();
            }
        } catch (InputException expected) {
            // go on with the scores
        }
        if (a.type().isFloatingPoint() && a.type() != NpyType.FLOAT64) {
            a.toFloatArray();
        }
        NpyInput.scores(a);
    }
}

package org.discern.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz targets of the {@code .npy} and {@code .npz} readers: whatever the bytes, parsing the
 * header, reading the data (in memory and as a stream) and converting it to labels and scores
 * either succeeds or fails with an {@link InputException}; nothing else escapes. In every build
 * they run in regression mode over the committed inputs in
 * {@code src/test/resources/org/discern/io/NpyFuzzTestInputs/<method>}; fuzz for real with
 * {@code JAZZER_FUZZ=1 mvn -pl discern-io -am test -Dtest=NpyFuzzTest#npy
 * -Dsurefire.failIfNoSpecifiedTests=false} (one method per run; see docs/RELIABILITY.md).
 */
class NpyFuzzTest {
    @FuzzTest(maxDuration = "5m")
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

    /** A {@code .npz} archive (a zip of {@code .npy} entries): list the keys, read each entry. */
    @FuzzTest(maxDuration = "5m")
    void npz(byte[] data) throws IOException {
        Path p = Files.createTempFile("fuzz", ".npz");
        try {
            Files.write(p, data);
            List<String> keys;
            try {
                keys = NpzArchive.keys(p);
            } catch (InputException expected) {
                return;
            }
            for (String key : keys.subList(0, Math.min(keys.size(), 4))) {
                try {
                    convert(NpzArchive.read(p, key, 64));
                } catch (InputException expected) {
                    // the only allowed failure
                }
            }
            try {
                NpzArchive.read(p, "missing");
            } catch (InputException expected) {
                // names the keys present
            }
        } finally {
            Files.deleteIfExists(p);
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

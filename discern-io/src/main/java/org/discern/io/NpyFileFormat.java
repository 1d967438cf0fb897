package org.discern.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A single NumPy {@code .npy} file given where a predictions file is expected: it holds one array,
 * not labels and scores, so it is refused with what to give instead.
 */
final class NpyFileFormat implements PredictionFormat {
    @Override
    public boolean accepts(byte[] head) {
        return head.length >= 6 && (head[0] & 0xFF) == 0x93 && head[1] == 'N' && head[2] == 'U' && head[3] == 'M'
                && head[4] == 'P' && head[5] == 'Y';
    }

    @Override
    public Predictions read(Path file, InputStream in, InputSpec spec) throws IOException {
        throw new InputException(file.toString(), 0, null, "an .npy file holds one array, not labels and scores;"
                + " give both as a pair (--labels Y.npy --scores P.npy) or one .npz archive");
    }
}

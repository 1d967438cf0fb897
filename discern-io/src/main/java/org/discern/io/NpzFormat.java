package org.discern.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A NumPy {@code .npz} archive (a zip file) holding the labels, the scores and optionally the
 * weights under their keys ({@link InputSpec#labelsKey()} ...). The layout comes from the arrays'
 * shapes.
 */
final class NpzFormat implements PredictionFormat {
    @Override
    public boolean accepts(byte[] head) {
        // a zip file starts with a local file header, or is empty (end of central directory)
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K'
                && (head[2] == 3 && head[3] == 4 || head[2] == 5 && head[3] == 6);
    }

    @Override
    public Predictions read(Path file, InputStream in, InputSpec spec) throws IOException {
        PredictionFormat.refuse(spec.columnSettings(), "applies to CSV/TSV input; " + file + " is a NumPy .npz"
                + " archive (choose its arrays with --labels-key, --scores-key, --weights-key)");
        if (PredictionReader.isStdin(file) || !Files.isRegularFile(file)) {
            throw new InputException(PredictionReader.nameOf(file), 0, null, "an .npz archive is read from a regular file, not a"
                    + " pipe or device");
        }
        NpyArray y = NpzArchive.read(file, spec.labelsKey());
        NpyArray p = NpzArchive.read(file, spec.scoresKey());
        NpyArray w = spec.weightsKey() == null ? null : NpzArchive.read(file, spec.weightsKey());
        return NpyInput.predictions(file.toString(), y, p, w, spec);
    }
}

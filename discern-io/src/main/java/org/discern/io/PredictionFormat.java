package org.discern.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * One format of prediction file, recognised by its first bytes. {@link PredictionReader} asks
 * each format in turn; a new format is one implementation of this interface plus one line in
 * {@link PredictionReader}'s list.
 */
interface PredictionFormat {
    /** How many leading bytes {@link #accepts(byte[])} looks at, at most. */
    int HEAD = 8;

    /** Whether a file starting with {@code head} (up to {@link #HEAD} bytes; fewer if shorter) is in this format. */
    boolean accepts(byte[] head);

    /**
     * Reads the predictions in {@code file}: detects the layout ({@link LayoutDetector}) and reads
     * the data once.
     *
     * @param in the file's content from its first byte (the caller closes it); a format that needs
     *     random access opens {@code file} itself instead
     * @throws InputException on any problem with the data, with its location
     * @throws InputOptionException when {@code spec} has settings this format cannot use
     */
    Predictions read(Path file, InputStream in, InputSpec spec) throws IOException;

    /**
     * Refuses settings the input cannot use.
     *
     * @param given the options that were set (as named on the command line)
     * @param why why they do not apply, e.g. "apply to CSV/TSV input; x.npz is a NumPy archive"
     */
    static void refuse(List<String> given, String why) {
        if (!given.isEmpty()) {
            throw new InputOptionException(String.join(", ", given) + " " + why);
        }
    }
}

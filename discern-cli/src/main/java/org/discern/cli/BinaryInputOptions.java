package org.discern.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.discern.io.BinaryCsvReader;
import org.discern.io.BinaryPredictions;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Input options shared by every command that reads binary predictions from a delimited file. */
public final class BinaryInputOptions {
    @Parameters(index = "0", paramLabel = "FILE",
            description = "Predictions: CSV or TSV with a header row, optionally gzip-compressed.")
    Path file;

    @Option(names = "--label", paramLabel = "COL", defaultValue = "label",
            description = "Column holding the true labels (default: ${DEFAULT-VALUE}).")
    String label;

    @Option(names = "--score", paramLabel = "COL", defaultValue = "score",
            description = "Column holding the scores, higher = more likely positive (default: ${DEFAULT-VALUE}).")
    String score;

    @Option(names = "--weight", paramLabel = "COL",
            description = "Column holding sample weights (>= 0). Default: unweighted.")
    String weight;

    @Option(names = "--positive", paramLabel = "VALUE",
            description = "Label value of the positive class. Default: 1, or true/yes when the labels"
                    + " are two such values.")
    String positive;

    /** The input file. */
    public Path file() {
        return file;
    }

    /** Reads the predictions with these options; progress of long reads goes to {@code err}. */
    public BinaryPredictions read(java.io.PrintWriter err) throws IOException {
        return BinaryCsvReader.create()
                .progress(Progress.to(err))
                .labelColumn(label)
                .scoreColumn(score)
                .weightColumn(weight)
                .positive(positive)
                .read(file);
    }
}

package org.discern.train.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.discern.train.SavedModel;
import org.discern.train.TableReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code discern predict}: scores new rows with a model written by {@code discern train}. */
@Command(name = "predict",
        header = "Score a CSV table with a model saved by 'discern train'.",
        mixinStandardHelpOptions = true,
        description = {
            "Score a CSV table with a model saved by 'discern train' (one strategy directory), using "
                    + "the saved preprocessing (log transform, training medians, means, standard deviations, "
                    + "clip). Writes label,score (label only when the data has the label column) in input order; for a "
                    + "multi-class model label,score_CLASS... with one probability per class."},
        footer = {
            "",
            "Examples:",
            "  discern predict --model runs/fraud/weighted --data new.csv --out scored.csv",
            "  discern predict --model runs/fraud/oversampled --data new.csv --out scored.csv --prior-corrected"})
public final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "A strategy directory of a train run.")
    Path model;

    @Option(names = "--data", paramLabel = "FILE", required = true, description = "CSV table to score.")
    Path data;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "CSV file to write.")
    Path out;

    @Option(names = "--prior-corrected",
            description = "Write probabilities corrected back to the true prior (for weighted or resampled models).")
    boolean priorCorrected;

    @Option(names = "--impute", paramLabel = "HOW", defaultValue = "none",
            description = "Missing values: none (an error) or median (the training median) (default: ${DEFAULT-VALUE}).")
    TableReader.Impute impute;

    @Option(names = "--verbose", description = "Print stack traces on errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        int rows;
        try (SavedModel m = SavedModel.load(model)) {
            if (priorCorrected && m.multiclass()) {
                throw new ParameterException(spec.commandLine(),
                        "--prior-corrected applies to binary models; " + model + " is multi-class");
            }
            rows = m.scoreFile(data, out, priorCorrected, impute);
        }
        spec.commandLine().getOut().println("Scored " + rows + " rows of " + data + " into " + out
                + (priorCorrected ? " (prior-corrected probabilities)" : "") + ".");
        spec.commandLine().getOut().flush();
        return CommandLine.ExitCode.OK;
    }
}

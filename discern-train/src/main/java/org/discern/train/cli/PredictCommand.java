package org.discern.train.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.discern.train.ImageFolderReader;
import org.discern.train.SavedModel;
import org.discern.train.TableReader;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code discern predict}: scores new rows or images with a model written by {@code discern train}. */
@Command(name = "predict",
        header = "Score a CSV table or an image folder with a model saved by 'discern train'.",
        mixinStandardHelpOptions = true,
        description = {
            "Score a CSV table with a model saved by 'discern train' (one strategy directory), using "
                    + "the saved preprocessing (log transform, training medians, means, standard deviations, "
                    + "clip). Writes label,score (label only when the data has the label column) in input order; for a "
                    + "multi-class model label,score_CLASS... with one probability per class.",
            "",
            "A model trained with --images scores an image folder (--images DIR: PNG/JPEG files, or one sub-folder "
                    + "per class as for training), each image resized to the training size, and writes "
                    + "file,label,score_CLASS... (label only with class sub-folders); or a CSV of pixel rows "
                    + "(--data: one column per pixel named c<channel>_y<row>_x<column>, values in [0, 1], and "
                    + "optionally the label column 'class')."},
        footer = {
            "",
            "Examples:",
            "  discern predict --model runs/fraud/weighted --data new.csv --out scored.csv",
            "  discern predict --model runs/fraud/oversampled --data new.csv --out scored.csv --prior-corrected",
            "  discern predict --model runs/digits/baseline --images new/ --out scored.csv"})
public final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "A strategy directory of a train run.")
    Path model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    /** What to score: a table, or (image models) an image folder. */
    static final class Input {
        @Option(names = "--data", paramLabel = "FILE", required = true, description = "CSV table to score.")
        Path data;

        @Option(names = "--images", paramLabel = "DIR", required = true,
                description = "Image folder to score with an image model.")
        Path images;
    }

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
        Path source = input.data != null ? input.data : input.images;
        try (SavedModel m = SavedModel.load(model)) {
            if (priorCorrected && m.multiclass()) {
                throw new ParameterException(spec.commandLine(),
                        "--prior-corrected applies to binary models; " + model + " is multi-class");
            }
            if (input.images != null) {
                if (m.image() == null) {
                    throw new ParameterException(spec.commandLine(), "--images needs a model trained on images; "
                            + model + " was trained on a table (give --data FILE)");
                }
                ImageFolderReader.ScoringImages im = ImageFolderReader.readForScoring(input.images, m.image(),
                        m.classes());
                PrintWriter err = spec.commandLine().getErr();
                im.images().warnings().forEach(w -> err.println("warning: " + w));
                err.flush();
                rows = m.scoreImages(im, out);
            } else {
                rows = m.scoreFile(input.data, out, priorCorrected, impute);
            }
        }
        spec.commandLine().getOut().println("Scored " + rows + (input.images != null ? " images of " : " rows of ")
                + source + " into " + out + (priorCorrected ? " (prior-corrected probabilities)" : "") + ".");
        spec.commandLine().getOut().flush();
        return CommandLine.ExitCode.OK;
    }
}

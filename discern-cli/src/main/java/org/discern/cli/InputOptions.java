package org.discern.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.discern.io.BinaryPredictions;
import org.discern.io.InputOptionException;
import org.discern.io.InputSpec;
import org.discern.io.Layout;
import org.discern.io.MultiClassPredictions;
import org.discern.io.MultiLabelPredictions;
import org.discern.io.PredictionReader;
import org.discern.io.Predictions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The input options of every command that reads predictions, declared once: a FILE (CSV or TSV,
 * optionally gzip, Parquet, or an {@code .npz} archive, told apart by content) or a NumPy pair, how to read
 * its columns or arrays, the layout, and {@code --class NAME} for the one-vs-rest view of one
 * class. Reading goes through discern-io's one entry point ({@link PredictionReader}).
 */
public final class InputOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "Predictions: CSV or TSV with a header row, optionally gzip-compressed, a Parquet"
                    + " file, or a NumPy .npz archive (told apart by content). Binary: label,score; multi-class:"
                    + " label (class names) + one score column per class, or (Parquet) one column holding a"
                    + " vector or list of K scores per row; multi-label: label_<name> 0/1 and score_<name>"
                    + " columns. '-' reads CSV/TSV (optionally gzip) from standard input, once, as a stream.")
    Path file;

    @Option(names = "--layout", paramLabel = "LAYOUT",
            description = "binary, multiclass or multilabel (default: detected from the header, or from the"
                    + " shapes of the NumPy arrays).")
    String layout;

    @Option(names = "--label", paramLabel = "COL",
            description = "Column holding the true labels (default: " + InputSpec.DEFAULT_LABEL_COLUMN + ").")
    String label;

    @Option(names = "--score", paramLabel = "COL",
            description = "Binary: column holding the scores, higher = more likely positive (default: "
                    + InputSpec.DEFAULT_SCORE_COLUMN + "). Naming it makes the file binary, unless it is a"
                    + " Parquet column of score vectors (multi-class).")
    List<String> scores;

    @Option(names = "--weight", paramLabel = "COL",
            description = "Column holding sample weights (>= 0). Default: a column named '"
                    + InputSpec.DEFAULT_WEIGHT_COLUMN + "' for multi-class and multi-label files, else unweighted.")
    String weight;

    @Option(names = "--positive", paramLabel = "VALUE",
            description = "Binary: label value of the positive class. Default: 1, or true/yes when the labels"
                    + " are two such values.")
    String positive;

    @Option(names = "--classes", paramLabel = "NAMES", split = ",",
            description = "Multi-class CSV/Parquet: the score columns to use as classes, in this order (default:"
                    + " every column but the label and weight columns); for a Parquet column of score vectors,"
                    + " the names of its K scores in order (default: 0..K-1).")
    List<String> classes;

    @Option(names = "--class", paramLabel = "NAME",
            description = "Multi-class or multi-label input: evaluate class (or label) NAME against all the"
                    + " others, as a binary problem (its score column; positive = that class).")
    String className;

    @Option(names = "--labels", paramLabel = "Y.npy",
            description = "NumPy labels: 1-D class indices, or a 2-D one-hot matrix (a 0/1 indicator matrix with rows"
                    + " of several or no 1s needs --layout multilabel).")
    Path labelsNpy;

    @Option(names = "--scores", paramLabel = "P.npy",
            description = "NumPy scores: 1-D (binary) or 2-D n x K (float16/32/64).")
    Path scoresNpy;

    @Option(names = "--weights", paramLabel = "W.npy", description = "NumPy sample weights, 1-D.")
    Path weightsNpy;

    @Option(names = "--npz", paramLabel = "FILE.npz",
            description = "NumPy archive holding labels and scores (also accepted as FILE).")
    Path npz;

    @Option(names = "--labels-key", paramLabel = "KEY",
            description = "Array of the labels in an .npz archive (default: " + InputSpec.DEFAULT_LABELS_KEY + ").")
    String labelsKey;

    @Option(names = "--scores-key", paramLabel = "KEY",
            description = "Array of the scores in an .npz archive (default: " + InputSpec.DEFAULT_SCORES_KEY + ").")
    String scoresKey;

    @Option(names = "--weights-key", paramLabel = "KEY", description = "Array of the weights in an .npz archive, if any.")
    String weightsKey;

    @Option(names = "--drop-invalid",
            description = "Leave out the rows whose score is not a finite number (NaN, infinite, empty or not a"
                    + " number) instead of stopping at the first one; a warning (standard error and JSON"
                    + " 'warnings') says how many and on which lines (rows for NumPy and Parquet input)."
                    + " Invalid labels and weights stay errors. Example: evaluate preds.csv --drop-invalid")
    boolean dropInvalid;

    @Option(names = "--class-names", paramLabel = "NAMES.txt",
            description = "NumPy input: class (or label) names, one per line (default: 0, 1, ...).")
    Path classNames;

    /** The one source file: FILE, the {@code --npz} archive or the scores of a NumPy pair; null if none. */
    Path mainFile() {
        return file != null ? file : npz != null ? npz : scoresNpy;
    }

    /** Every input file named (for refusing to write over one). */
    Path[] inputs() {
        return spec(null, null).inputs().toArray(new Path[0]);
    }

    /** The {@code --score} columns given (compare takes several), empty when none. */
    List<String> scores() {
        return scores == null ? List.of() : scores;
    }

    /** The {@code --class} value, or null. */
    String className() {
        return className;
    }

    /**
     * The input settings, for commands reading one input: checks the combinations the options
     * allow.
     *
     * @throws UsageException for a missing or doubled source, a bad {@code --layout} or several
     *     {@code --score}
     */
    InputSpec spec(PrintWriter progress) {
        if (scores().size() > 1) {
            throw new UsageException("--score given " + scores().size() + " times; only 'compare' takes several");
        }
        return spec(progress, null);
    }

    /**
     * The input settings with {@code second} (a second file, as compare takes) in place of the
     * source when not null; the score column is the first {@code --score}.
     */
    InputSpec spec(PrintWriter progress, Path second) {
        boolean numpy = labelsNpy != null || scoresNpy != null;
        int sources = (file != null ? 1 : 0) + (numpy ? 1 : 0) + (npz != null ? 1 : 0);
        if (sources == 0) {
            throw new UsageException("give a FILE, or --labels Y.npy --scores P.npy, or --npz FILE.npz");
        }
        if (sources > 1) {
            throw new UsageException("give only one of FILE, --labels/--scores and --npz");
        }
        if (numpy && (labelsNpy == null || scoresNpy == null)) {
            throw new UsageException("--labels and --scores go together");
        }
        if (weightsNpy != null && !numpy) {
            throw new UsageException("--weights W.npy goes with --labels and --scores (a CSV file has --weight COL,"
                    + " an .npz archive --weights-key KEY)");
        }
        InputSpec.Builder b = InputSpec.builder();
        if (second != null) {
            b.file(second);
        } else if (numpy) {
            b.numpy(labelsNpy, scoresNpy, weightsNpy);
        } else {
            b.file(file != null ? file : npz);
        }
        if (layout != null) {
            try {
                b.layout(Layout.parse(layout));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--layout must be binary, multiclass or multilabel, got '" + layout + "'");
            }
        }
        return b.labelColumn(label).scoreColumn(scores().isEmpty() ? null : scores().get(0)).weightColumn(weight)
                .positive(positive).classes(classes).npzKeys(labelsKey, scoresKey, weightsKey)
                .classNamesFile(classNames).progress(progress == null ? null : Progress.to(progress))
                .dropInvalid(dropInvalid).build();
    }

    /**
     * Reads the predictions of {@code spec}; a setting the input cannot use is a usage error.
     */
    static Predictions read(InputSpec spec) throws IOException {
        try {
            Predictions p = PredictionReader.read(spec);
            if (spec.progress() instanceof Progress progress) {
                InputWarnings.read(p).forEach(progress::warning);
            }
            return p;
        } catch (InputOptionException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * Reads the predictions, as the one-vs-rest binary view of {@code --class NAME} when given;
     * progress of long reads goes to {@code err}.
     */
    Predictions read(PrintWriter err) throws IOException {
        return chosenClass(read(spec(err)));
    }

    /** {@code p}, or its one-vs-rest view of the {@code --class} when one is given. */
    Predictions chosenClass(Predictions p) {
        if (className == null) {
            return p;
        }
        if (p instanceof BinaryPredictions) {
            throw new UsageException("--class chooses one class of multi-class or multi-label predictions; "
                    + p.source() + " holds binary predictions (--positive names the positive label)");
        }
        try {
            return p.oneVsRest(className);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--class: " + e.getMessage());
        }
    }

    /**
     * Reads binary predictions, for the commands binary by nature: multi-class and multi-label
     * input needs {@code --class NAME}, and is refused without it, naming the command, the layout
     * and an example class.
     */
    BinaryPredictions readBinary(PrintWriter err) throws IOException {
        return requireBinary(read(err));
    }

    /** {@code p} when binary; otherwise the refusal that asks for {@code --class NAME}. */
    BinaryPredictions requireBinary(Predictions p) {
        if (p instanceof BinaryPredictions b) {
            return b;
        }
        String example = p instanceof MultiClassPredictions m ? m.className(0)
                : ((MultiLabelPredictions) p).labelName(0);
        throw new UsageException(mixee.name() + ": " + p.source() + " holds " + p.describe()
                + "; choose one with --class NAME (e.g. --class " + example + ")");
    }

    /**
     * Refuses options that apply to binary predictions only, when {@code p} is not binary.
     *
     * @param options option names, e.g. {@code --threshold}
     */
    void refuseBinaryOnly(Predictions p, String... options) {
        if (p instanceof BinaryPredictions) {
            return;
        }
        for (String option : options) {
            if (mixee.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new UsageException(option + " applies to binary predictions only; " + p.source() + " holds "
                        + p.layout() + " predictions (--class NAME gives the binary view of one class)");
            }
        }
    }

    /** The input options as given, for provenance (e.g. {@code --label y --weight w}). */
    String describe() {
        StringBuilder sb = new StringBuilder();
        for (CommandSpec mixin : mixee.mixins().values()) {
            if (mixin.userObject() != this) {
                continue;
            }
            for (OptionSpec o : mixin.options()) {
                if (mixee.commandLine().getParseResult().hasMatchedOption(o.longestName())) {
                    Object v = o.getValue();
                    String value = v instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList())
                            : String.valueOf(v);
                    sb.append(sb.length() == 0 ? "" : " ").append(o.longestName()).append(' ').append(value);
                }
            }
        }
        return sb.toString();
    }
}

package org.discern.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.discern.io.BinaryCsvReader;
import org.discern.io.BinaryPredictions;
import org.discern.io.ClassNames;
import org.discern.io.CsvLayout;
import org.discern.io.DelimitedFile;
import org.discern.io.LabelArray;
import org.discern.io.MultiClassCsvReader;
import org.discern.io.MultiClassPredictions;
import org.discern.io.MultiLabelCsvReader;
import org.discern.io.MultiLabelPredictions;
import org.discern.io.NpyArray;
import org.discern.io.NpyInput;
import org.discern.io.NpzArchive;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Input options of the commands that accept every task (binary, multi-class, multi-label): a
 * delimited FILE whose layout is detected from its header (or named by {@code --layout}), or
 * NumPy arrays ({@code --labels y.npy --scores p.npy}, or {@code --npz file.npz}).
 */
public final class PredictionInputOptions {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "Predictions: CSV or TSV with a header row, optionally gzip-compressed."
                    + " Binary: label,score; multi-class: label (class names) + one score column per"
                    + " class; multi-label: label_<name> 0/1 and score_<name> columns.")
    Path file;

    @Option(names = "--layout", paramLabel = "LAYOUT",
            description = "binary, multiclass or multilabel (default: detected from the header, or from the"
                    + " shape of the NumPy arrays).")
    String layout;

    @Option(names = "--label", paramLabel = "COL", defaultValue = "label",
            description = "Column holding the true labels (default: ${DEFAULT-VALUE}).")
    String label;

    @Option(names = "--score", paramLabel = "COL", defaultValue = "score",
            description = "Binary: column holding the scores, higher = more likely positive (default: ${DEFAULT-VALUE}).")
    String score;

    @Option(names = "--weight", paramLabel = "COL",
            description = "Column holding sample weights (>= 0). Default: a column named 'weight' for"
                    + " multi-class and multi-label files, else unweighted.")
    String weight;

    @Option(names = "--positive", paramLabel = "VALUE",
            description = "Binary: label value of the positive class. Default: 1, or true/yes when the labels"
                    + " are two such values.")
    String positive;

    @Option(names = "--classes", paramLabel = "NAMES", split = ",",
            description = "Multi-class CSV: the score columns to use as classes, in this order (default: every"
                    + " column but the label and weight columns).")
    List<String> classes;

    @Option(names = "--labels", paramLabel = "Y.npy",
            description = "NumPy labels: 1-D class indices, or a 2-D one-hot/indicator matrix.")
    Path labelsNpy;

    @Option(names = "--scores", paramLabel = "P.npy",
            description = "NumPy scores: 1-D (binary) or 2-D n x K (float16/32/64).")
    Path scoresNpy;

    @Option(names = "--weights", paramLabel = "W.npy", description = "NumPy sample weights, 1-D.")
    Path weightsNpy;

    @Option(names = "--npz", paramLabel = "FILE.npz", description = "NumPy archive holding labels and scores.")
    Path npz;

    @Option(names = "--labels-key", paramLabel = "KEY", defaultValue = "y_true",
            description = "Array of the labels in --npz (default: ${DEFAULT-VALUE}).")
    String labelsKey;

    @Option(names = "--scores-key", paramLabel = "KEY", defaultValue = "y_score",
            description = "Array of the scores in --npz (default: ${DEFAULT-VALUE}).")
    String scoresKey;

    @Option(names = "--weights-key", paramLabel = "KEY", description = "Array of the weights in --npz, if any.")
    String weightsKey;

    @Option(names = "--class-names", paramLabel = "NAMES.txt",
            description = "NumPy input: class (or label) names, one per line (default: 0, 1, ...).")
    Path classNames;

    /** What was read: exactly one of the three prediction sets is non-null. */
    public record Input(String source, Path file, BinaryPredictions binary, MultiClassPredictions multiclass,
            MultiLabelPredictions multilabel) {
        /** The task as written in JSON: binary, multiclass or multilabel. */
        public String task() {
            return binary != null ? "binary" : multiclass != null ? "multiclass" : "multilabel";
        }
    }

    /** The input files (for refusing to overwrite them). */
    public Path[] inputs() {
        List<Path> out = new ArrayList<>();
        for (Path p : new Path[] {file, labelsNpy, scoresNpy, weightsNpy, npz, classNames}) {
            if (p != null) {
                out.add(p);
            }
        }
        return out.toArray(new Path[0]);
    }

    /** Reads the predictions; progress of long binary reads goes to {@code err}. */
    public Input read(PrintWriter err) throws IOException {
        boolean numpy = labelsNpy != null || scoresNpy != null;
        int sources = (file != null ? 1 : 0) + (numpy ? 1 : 0) + (npz != null ? 1 : 0);
        if (sources == 0) {
            throw new UsageException("give a FILE, or --labels Y.npy --scores P.npy, or --npz FILE.npz");
        }
        if (sources > 1) {
            throw new UsageException("give only one of FILE, --labels/--scores and --npz");
        }
        CsvLayout forced = null;
        if (layout != null) {
            try {
                forced = CsvLayout.parse(layout);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--layout must be binary, multiclass or multilabel, got '" + layout + "'");
            }
        }
        if (file != null) {
            return readDelimited(forced, err);
        }
        if (numpy && (labelsNpy == null || scoresNpy == null)) {
            throw new UsageException("--labels and --scores go together");
        }
        NpyArray y = npz != null ? NpzArchive.read(npz, labelsKey) : NpyArray.read(labelsNpy);
        NpyArray p = npz != null ? NpzArchive.read(npz, scoresKey) : NpyArray.read(scoresNpy);
        NpyArray w = null;
        if (npz != null && weightsKey != null) {
            w = NpzArchive.read(npz, weightsKey);
        } else if (weightsNpy != null) {
            w = NpyArray.read(weightsNpy);
        }
        // lengths and the heap from the headers, before any data is read (an npz entry is not yet inflated)
        NpyInput.checkSizes(y, p, w);
        List<String> names = classNames == null ? null : ClassNames.read(classNames);
        String source = npz != null ? npz.toString() : scoresNpy.toString();
        Path main = npz != null ? npz : scoresNpy;
        LabelArray labels = NpyInput.labels(y);
        CsvLayout task = forced != null ? forced : NpyInput.layout(labels, p);
        switch (task) {
            case MULTICLASS:
                return new Input(source, main, null, NpyInput.multiClass(y, p, names, w), null);
            case MULTILABEL:
                return new Input(source, main, null, null, NpyInput.multiLabel(y, p, names, w));
            default:
                return new Input(source, main, NpyInput.binary(y, p, w), null, null);
        }
    }

    private Input readDelimited(CsvLayout forced, PrintWriter err) throws IOException {
        CsvLayout task = forced;
        if (task == null) {
            try (DelimitedFile f = DelimitedFile.open(file)) {
                task = CsvLayout.detect(f.name(), f.header(), label, score, weight == null ? "weight" : weight);
            }
        }
        String source = file.toString();
        switch (task) {
            case MULTICLASS: {
                MultiClassCsvReader r = MultiClassCsvReader.create().progress(Progress.to(err)).labelColumn(label)
                        .weightColumn(weight);
                if (classes != null) {
                    r = r.classes(classes);
                }
                return new Input(source, file, null, r.read(file), null);
            }
            case MULTILABEL:
                return new Input(source, file, null, null,
                        MultiLabelCsvReader.create().progress(Progress.to(err)).weightColumn(weight).read(file));
            default: {
                BinaryPredictions b = BinaryCsvReader.create()
                        .progress(Progress.to(err))
                        .labelColumn(label)
                        .scoreColumn(score)
                        .weightColumn(weight)
                        .positive(positive)
                        .read(file);
                return new Input(source, file, b, null, null);
            }
        }
    }
}

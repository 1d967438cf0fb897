package org.discern.train.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.discern.io.OutputDirectory;
import org.discern.metrics.Average;
import org.discern.metrics.ConfusionMatrix;
import org.discern.metrics.Metric;
import org.discern.metrics.MetricKey;
import org.discern.train.ImageFolderReader;
import org.discern.train.ImageShape;
import org.discern.train.MulticlassWorkbench;
import org.discern.train.Strategy;
import org.discern.train.StrategyResult;
import org.discern.train.Table;
import org.discern.train.TableReader;
import org.discern.train.TrainOptions;
import org.discern.train.Workbench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code discern train}: the imbalanced-data recipe on a CSV table. */
@Command(name = "train",
        header = "Train a small network under imbalance strategies and compare them.",
        mixinStandardHelpOptions = true,
        subcommands = SynthFraudCommand.class,
        description = {
            "Train a small dense network on a CSV table with a binary label, under one or more "
                    + "imbalance strategies, and compare them on a held-out test split.",
            "",
            "Stratified split (20%% test, then 20%% of the rest for validation), standardisation on "
                    + "the training split, clipping; output bias initialised to the log prior odds; Adam; "
                    + "early stopping on validation average precision (best weights restored). Writes per "
                    + "strategy the model, its preprocessing, history and test curves, and comparison.json "
                    + "with the evaluate JSON of every strategy on the test split.",
            "Strategies: baseline, weighted, oversampled, undersampled, smote (with --multiclass: baseline, "
                    + "weighted)."},
        footer = {
            "",
            "Examples:",
            "  discern train synth-fraud --out fraud.csv",
            "  discern train fraud.csv --drop Time --log Amount --out runs/fraud",
            "  discern train fraud.csv --drop Time --log Amount --out runs/fraud --force",
            "  discern train data.csv --label y --strategies baseline,smote --hidden 32,16 --out runs/y",
            "  discern train families.csv --label family --multiclass --out runs/families",
            "  discern train --images examples/digits/images --size 8x8 --out runs/digits",
            "  discern predict --model runs/fraud/weighted --data new.csv --out scored.csv"})
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TABLE.csv",
            description = "CSV table with a header line; every column but the label and --drop is a number.")
    Path table;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (required); it appears whole or"
            + " not at all.")
    Path out;

    @Option(names = "--force", description = "Replace DIR if it is a run directory discern wrote (it holds a .discern"
            + " file) or empty; never a file or any other directory.")
    boolean force;

    @Option(names = "--label", paramLabel = "COLUMN", defaultValue = TableReader.DEFAULT_LABEL,
            description = "Label column, exactly two values (default: ${DEFAULT-VALUE}).")
    String label;

    @Option(names = "--positive", paramLabel = "VALUE",
            description = "Label value of the positive class (default: 1, true or yes if present, else the rarer).")
    String positive;

    @Option(names = "--drop", paramLabel = "COLS", split = ",", description = "Columns to ignore.")
    List<String> drop = new ArrayList<>();

    @Option(names = "--log", paramLabel = "COLS", split = ",",
            description = "Columns replaced by ln(value + --log-epsilon).")
    List<String> log = new ArrayList<>();

    @Option(names = "--log-epsilon", paramLabel = "E", defaultValue = "0.001",
            description = "Epsilon of --log (default: ${DEFAULT-VALUE}).")
    double logEpsilon;

    @Option(names = "--impute", paramLabel = "HOW", defaultValue = "none",
            description = "Missing feature values: none (an error) or median (training median) "
                    + "(default: ${DEFAULT-VALUE}).")
    TableReader.Impute impute;

    @Option(names = "--strategies", paramLabel = "LIST", split = ",",
            description = "Strategies to train, in order (default: baseline,weighted,oversampled; with "
                    + "--multiclass baseline,weighted).")
    List<String> strategies;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "100", description = "Maximum epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "2048", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--learning-rate", paramLabel = "LR", defaultValue = "0.001",
            description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--hidden", paramLabel = "UNITS", split = ",", defaultValue = "16",
            description = "Units per hidden ReLU layer, e.g. 16 or 32,16 (default: ${DEFAULT-VALUE}).")
    List<Integer> hidden;

    @Option(names = "--dropout", paramLabel = "P", defaultValue = "0.5", description = "Dropout rate (default: ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--patience", paramLabel = "N", defaultValue = "10",
            description = "Epochs without a better validation AUPRC before stopping (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed of everything random (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--bias-init", paramLabel = "HOW", defaultValue = "prior",
            description = "Output bias: prior (log odds of the trained-on prior) or zero (default: ${DEFAULT-VALUE}).")
    TrainOptions.BiasInit biasInit;

    @Option(names = "--class-weights", paramLabel = "W0,W1", split = ",",
            description = "Class weights of 'weighted' (negative,positive); default total/(2 n_c).")
    List<Double> classWeights;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.2", description = "Test share (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--validation-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "Validation share of the rest (default: ${DEFAULT-VALUE}).")
    double validationFraction;

    @Option(names = "--clip", paramLabel = "C", defaultValue = "5",
            description = "Clip standardised features to [-C, C]; 'inf' for none (default: ${DEFAULT-VALUE}).")
    double clip;

    @Option(names = "--smote-k", paramLabel = "K", defaultValue = "5",
            description = "Nearest positive neighbours of SMOTE (default: ${DEFAULT-VALUE}).")
    int smoteK;

    @Option(names = "--cost-fp", paramLabel = "C", defaultValue = "1",
            description = "Cost of a false positive, for the cost-optimal threshold (default: ${DEFAULT-VALUE}).")
    double costFp;

    @Option(names = "--cost-fn", paramLabel = "C", defaultValue = "1",
            description = "Cost of a false negative (default: ${DEFAULT-VALUE}).")
    double costFn;

    @Option(names = "--multiclass",
            description = "The label has K >= 3 classes: softmax output, strategies baseline and weighted "
                    + "(class weights N/(K n_c)), early stopping on the validation macro average precision.")
    boolean multiclass;

    @Option(names = "--images", paramLabel = "DIR",
            description = "Train a small CNN on an image folder (one sub-folder of PNG/JPEG files per class) "
                    + "instead of a table; implies --multiclass.")
    Path images;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "64x64",
            description = "With --images: resize every image to this size (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--rgb", description = "With --images: three colour channels instead of grayscale.")
    boolean rgb;

    @Option(names = "--quiet", description = "No per-epoch progress on standard error.")
    boolean quiet;

    @Option(names = "--verbose", description = "Print stack traces on errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        if (table == null && images == null) {
            throw new ParameterException(spec.commandLine(),
                    "missing TABLE.csv, --images DIR or the subcommand synth-fraud");
        }
        if (table != null && images != null) {
            throw new ParameterException(spec.commandLine(), "give either TABLE.csv or --images DIR, not both");
        }
        boolean multi = multiclass || images != null;
        if (out == null) {
            throw new ParameterException(spec.commandLine(), "missing --out DIR");
        }
        List<Strategy> chosen = new ArrayList<>();
        TrainOptions options;
        TableReader reader;
        try {
            List<String> names = strategies != null ? strategies
                    : multi ? List.of("baseline", "weighted") : List.of("baseline", "weighted", "oversampled");
            for (String s : names) {
                chosen.add(Strategy.parse(s));
            }
            if (classWeights != null && classWeights.size() != 2) {
                throw new IllegalArgumentException("--class-weights needs two numbers W0,W1, got " + classWeights);
            }
            options = TrainOptions.builder().hidden(hidden).dropout(dropout).learningRate(learningRate)
                    .batchSize(batchSize).epochs(epochs).patience(patience).seed(seed).biasInit(biasInit)
                    .classWeights(classWeights == null ? null
                            : new double[] {classWeights.get(0), classWeights.get(1)})
                    .testFraction(testFraction).validationFraction(validationFraction).clip(clip)
                    .smoteNeighbours(smoteK).costFalsePositive(costFp).costFalseNegative(costFn).build();
            reader = TableReader.builder().label(label).positive(positive).drop(drop).log(log)
                    .logEpsilon(logEpsilon).impute(impute).multiclass(multiclass).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter err = spec.commandLine().getErr();
        if (multi) {
            MulticlassWorkbench mw;
            Table t;
            try {
                if (images != null) {
                    ImageShape shape = ImageShape.parse(size, rgb ? 3 : 1);
                    ImageFolderReader.Images im = ImageFolderReader.read(images, shape);
                    for (String w : im.warnings()) {
                        err.println("warning: " + w);
                    }
                    if (im.skipped() > 0) {
                        err.println("warning: skipped " + im.skipped() + " of " + (im.skipped() + im.table().rows())
                                + " images that could not be decoded");
                    }
                    err.flush();
                    t = im.table();
                    mw = MulticlassWorkbench.forImages(options, chosen, shape, quiet ? null : err);
                } else {
                    t = null;
                    mw = new MulticlassWorkbench(options, chosen, reader, quiet ? null : err);
                }
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
            if (t == null) {
                t = reader.read(table);
            }
            Table data = t;
            List<List<MulticlassWorkbench.Result>> done = new ArrayList<>();
            OutputDirectory.write(out, force, "train run", dir -> done.add(mw.run(data, dir)), table, images);
            List<MulticlassWorkbench.Result> rs = done.get(0);
            PrintWriter o = spec.commandLine().getOut();
            o.print(String.format(Locale.ROOT, "%-13s %5s %17s %23s %9s%n", "strategy", "epoch",
                    MetricKey.of(Metric.ROC_AUC, Average.OVR_MACRO).key(),
                    MetricKey.of(Metric.AVERAGE_PRECISION, Average.MACRO).key(), Metric.ACCURACY.header()));
            for (MulticlassWorkbench.Result r : rs) {
                o.print(String.format(Locale.ROOT, "%-13s %5d %17.4f %23.4f %9.4f%n", r.strategy().id(),
                        r.bestEpoch(), r.test().rocAucOvrMacro(), r.test().averagePrecisionMacro(),
                        r.test().accuracy()));
            }
            o.println("Wrote " + out.resolve("comparison.json") + " and, per strategy, history.csv, test-scores.csv, "
                    + "per-class roc-CLASS.csv, roc.svg and report/report.html under " + out + "/<strategy>/"
                    + ", with the saved model for discern predict.");
            o.println("Score new data: discern predict --model " + out.resolve(chosen.get(0).id())
                    + (images == null ? " --data NEW.csv" : " --images NEW_IMAGES/") + " --out scored.csv");
            o.flush();
            return CommandLine.ExitCode.OK;
        }
        Table t = reader.read(table);
        Workbench.Builder wb = Workbench.builder().options(options).strategies(chosen).reader(reader);
        if (!quiet) {
            wb.progress(err, System.console() != null);
        }
        Workbench w = wb.build();
        List<Workbench.Comparison> done = new ArrayList<>();
        OutputDirectory.write(out, force, "train run", dir -> done.add(w.run(t, dir)), table);
        Workbench.Comparison c = done.get(0);
        PrintWriter o = spec.commandLine().getOut();
        o.println(summary(c, options));
        o.println("Wrote " + out.resolve("comparison.json") + ", the report " + out.resolve("report")
                .resolve("report.html") + " and, per strategy, the model, preprocessing, history.csv, "
                + "test-scores.csv, roc.csv and pr.csv under " + out + "/<strategy>/.");
        o.println("Score new data: discern predict --model " + out.resolve(chosen.get(0).id())
                + " --data NEW.csv --out scored.csv");
        o.flush();
        return CommandLine.ExitCode.OK;
    }

    static String summary(Workbench.Comparison c, TrainOptions o) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-13s %5s %8s %8s %9s %9s %9s %9s%n", "strategy", "epoch",
                Metric.ROC_AUC.header(), Metric.AVERAGE_PRECISION.header(), "prec@0.5", "recall@.5", "prec@cost", "rec@cost"));
        for (StrategyResult r : c.strategies()) {
            ConfusionMatrix half = r.test().confusionAt(0.5);
            ConfusionMatrix cost = r.test().confusionAt(r.costChoice().threshold());
            sb.append(String.format(Locale.ROOT, "%-13s %5d %8.4f %8.4f %9.4f %9.4f %9.4f %9.4f%n", r.strategy().id(),
                    r.bestEpoch(), r.test().rocAuc(), r.test().averagePrecision(), half.precision(), half.recall(),
                    cost.precision(), cost.recall()));
        }
        sb.append(String.format(Locale.ROOT, "Test split: %d rows, %d positive. Cost threshold chosen on validation "
                + "with cost_fp = %s, cost_fn = %s.", c.strategies().get(0).test().rows(),
                c.strategies().get(0).test().positiveRows(), o.costFalsePositive(), o.costFalseNegative()));
        return sb.toString();
    }
}

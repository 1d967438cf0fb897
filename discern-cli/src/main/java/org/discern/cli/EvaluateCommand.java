package org.discern.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.discern.io.BinaryPredictions;
import org.discern.io.InputSpec;
import org.discern.io.MultiClassPredictions;
import org.discern.io.MultiLabelPredictions;
import org.discern.io.Predictions;
import org.discern.io.SliceJson;
import org.discern.io.SummaryJson;
import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.EvaluationSummary;
import org.discern.metrics.MulticlassEvaluation;
import org.discern.metrics.MultilabelEvaluation;
import org.discern.metrics.SummaryOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code discern evaluate}: every metric of a scored sample. */
@Command(name = "evaluate",
        header = "Every metric of scored predictions: AUCs, PR areas, confusion matrix, intervals.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Evaluate predictions: ROC AUC, average precision, PR areas, KS, log loss,",
            "Brier score, and the confusion matrix with every threshold metric at",
            "--threshold. A sample is predicted positive iff score >= threshold.",
            "Multi-class input (a label column of class names and one score column per",
            "class, or NumPy arrays): per-class one-vs-rest ROC AUC and average precision,",
            "their macro, weighted and micro averages, one-vs-one AUC (Hand & Till), and",
            "for the argmax predictions the confusion matrix, precision/recall/F1,",
            "accuracy, balanced accuracy, kappa, MCC, top-k accuracy and log loss.",
            "Multi-label input (label_<name>/score_<name> columns): per-label and",
            "macro/weighted/micro/samples ROC AUC and average precision, label ranking",
            "average precision and coverage error.",
            "--class NAME evaluates one class (or label) of multi-class (multi-label) input",
            "against the rest, as binary predictions.",
            "--group COL adds every metric per slice (each value of COL), with the same",
            "--ci intervals and, for binary input, each slice's ROC AUC against the rest's",
            "by the unpaired DeLong test (Holm-adjusted p). A slice with one class is",
            "reported with a null AUC and a warning. --fold COL evaluates cross-validated",
            "predictions per fold: mean and sd of every metric, the pooled ROC AUC beside",
            "the mean of the folds', and (binary) the averaged ROC and PR curves. JSON:",
            "'slices' and 'folds' beside the whole sample's keys."},
        footer = {
            "",
            "Examples:",
            "  discern evaluate preds.csv",
            "  discern evaluate preds.csv.gz --label Class --score p --positive 1 --format json",
            "  discern evaluate preds.tsv --weight w --threshold 0.3 --max-fpr 0.1",
            "  discern evaluate preds.csv --ci delong",
            "  discern evaluate preds.csv --ci bootstrap --seed 7 --level 0.9",
            "  discern evaluate malware25.csv --top-k 1,3,5",
            "  discern evaluate --labels y_true.npy --scores y_score.npy --class-names names.txt",
            "  discern evaluate preds.npz --labels-key y --scores-key p --format json",
            "  discern evaluate preds.parquet --score probability --classes cat,dog,eel",
            "  discern evaluate malware25.csv --class Adialer.C --threshold 0.3",
            "  discern evaluate preds.csv --group sex --group region --min-slice 30",
            "  discern evaluate preds.csv --group sex,age_band --ci delong --format json",
            "  discern evaluate cv_preds.csv --fold fold"})
public final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Mixin
    TopKOption topK;

    @Option(names = "--threshold", paramLabel = "T", converter = OptionBounds.Threshold.class, defaultValue = "0.5",
            description = "Decision threshold for the confusion matrix (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--max-fpr", paramLabel = "M", converter = OptionBounds.MaxFpr.class,
            description = "Also report the standardized partial ROC AUC up to this FPR, in (0, 1].")
    Double maxFpr;

    @Mixin
    FormatOption output;

    @Option(names = "--ci", paramLabel = "METHOD",
            description = "Add confidence intervals: delong (ROC AUC and its variance) or bootstrap"
                    + " (ROC AUC and average precision; stratified, percentile, honours weights).")
    IntervalMethod ci;

    @Mixin
    IntervalOptions intervals;

    @Mixin
    SliceOptions slicing;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        // --threshold, --max-fpr, --level, --replicates, --threads: ranges checked while parsing (OptionBounds)
        intervals.requireUsed(ci != null, ci == IntervalMethod.BOOTSTRAP, "--ci bootstrap");
        slicing.groupings(); // fail on a bad --group or --min-slice before reading the file
        InputSpec read = slicing.spec(input.spec(spec.commandLine().getErr()));
        // binary input is evaluated once and nothing else reads its rows unless slices, folds or
        // the bootstrap resample them (DeLong reads the table): the reader may then evaluate the
        // rows as it reads them and keep none (1e8 rows in -Xmx2g: docs/PERFORMANCE.md)
        boolean evaluationOnly = input.className() == null && !slicing.any() && ci != IntervalMethod.BOOTSTRAP;
        Predictions in = input.chosenClass(InputOptions.read(read.toBuilder().evaluationOnly(evaluationOnly).build()));
        if (!(in instanceof BinaryPredictions p)) {
            return multi(in);
        }
        BinaryEvaluation ev = p.evaluation();
        SummaryOptions options = SummaryOptions.defaults().withPositiveLabel(p.positiveLabel()).withThreshold(threshold)
                .withMaxFpr(maxFpr == null ? Double.NaN : maxFpr);
        EvaluationSummary summary = Summaries.binary(ev, p, options, ci, intervals);
        print(summary, Slicing.of(in, slicing, options, ci, intervals), in.source());
        return ExitCodes.OK;
    }

    /** The whole sample's summary, then its slices and folds, as JSON or tables. */
    private void print(EvaluationSummary summary, Slicing slices, String source) {
        if (output.json()) {
            print(slices.any() ? SliceJson.toText(summary, slices.groupings(), slices.folds())
                    : SummaryJson.toText(summary));
            return;
        }
        String whole = switch (summary.task()) {
            case BINARY -> Tables.binary(summary, source);
            case MULTICLASS -> MultiTables.multiclass(summary, source);
            default -> MultiTables.multilabel(summary, source);
        };
        print(whole + SliceTables.of(slices, summary.warnings()));
    }

    private void print(String text) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
    }

    /** Multi-class and multi-label: the binary-only options are refused rather than ignored. */
    private Integer multi(Predictions in) throws Exception {
        input.refuseBinaryOnly(in, "--threshold", "--max-fpr");
        if (in instanceof MultiLabelPredictions && spec.commandLine().getParseResult().hasMatchedOption("--ci")) {
            // intervals exist for multi-class too
            throw new UsageException("--ci applies to binary and multi-class predictions; " + in.source()
                    + " holds " + in.layout() + " predictions");
        }
        EvaluationSummary summary;
        SummaryOptions options = SummaryOptions.defaults();
        if (in instanceof MultiClassPredictions mc) {
            // DeLong's variances read the one-vs-rest tables; nothing else printed needs them
            MulticlassEvaluation ev = ci == IntervalMethod.DELONG ? Evaluations.multiclass(mc)
                    : Evaluations.multiclassNumbers(mc);
            options = options.withTopK(topK.values());
            summary = Summaries.multiclass(ev, mc, options, ci, intervals);
        } else {
            if (spec.commandLine().getParseResult().hasMatchedOption("--top-k")) {
                throw new UsageException("--top-k applies to multi-class predictions only; " + in.source()
                        + " holds multilabel predictions");
            }
            MultiLabelPredictions ml = (MultiLabelPredictions) in;
            summary = Summaries.multilabel(Evaluations.multilabel(ml), ml, options);
        }
        print(summary, Slicing.of(in, slicing, options, ci, intervals), in.source());
        return ExitCodes.OK;
    }
}

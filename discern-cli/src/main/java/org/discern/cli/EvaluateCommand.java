package org.discern.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.discern.io.BinaryJson;
import org.discern.io.BinaryPredictions;
import org.discern.io.Json;
import org.discern.metrics.BinaryEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code discern evaluate}: every metric of a scored sample. */
@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Evaluate predictions: ROC AUC, average precision, PR areas, KS, log loss, Brier score,",
            "and the confusion matrix with every threshold metric at --threshold.",
            "A sample is predicted positive iff score >= threshold."},
        footer = {
            "",
            "Examples:",
            "  discern evaluate preds.csv",
            "  discern evaluate preds.csv.gz --label Class --score p --positive 1 --format json",
            "  discern evaluate preds.tsv --weight w --threshold 0.3 --max-fpr 0.1",
            "  discern evaluate preds.csv --ci delong",
            "  discern evaluate preds.csv --ci bootstrap --replicates 2000 --seed 7 --level 0.9"})
public final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    BinaryInputOptions input;

    @Option(names = "--threshold", paramLabel = "T", defaultValue = "0.5",
            description = "Decision threshold for the confusion matrix (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--max-fpr", paramLabel = "M",
            description = "Also report the standardized partial ROC AUC up to this FPR, in (0, 1].")
    Double maxFpr;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--ci", paramLabel = "METHOD",
            description = "Add confidence intervals: delong (ROC AUC and its variance) or bootstrap"
                    + " (ROC AUC and average precision; stratified, percentile, honours weights).")
    IntervalMethod ci;

    @Mixin
    IntervalOptions intervals;

    @Option(names = "--verbose", description = "Print stack traces on errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        if (Double.isNaN(threshold)) {
            throw new UsageException("--threshold must be a number, got NaN");
        }
        if (maxFpr != null && !(maxFpr > 0 && maxFpr <= 1)) {
            throw new UsageException("--max-fpr must be in (0, 1], got " + maxFpr);
        }
        BinaryPredictions p = input.read(spec.commandLine().getErr());
        BinaryEvaluation ev = BinaryEvaluation.of(p.scores(), p.labels(), p.weights());
        ObjectNode json = BinaryJson.of(ev, p.positiveLabel(), threshold, maxFpr == null ? Double.NaN : maxFpr);
        if (ci != null) {
            json = EvaluationIntervals.add(json, ev, p, ci, intervals);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            Json.write(json, out);
        } else {
            out.print(Tables.binary(json, input.file().toString()));
            out.flush();
        }
        return ExitCodes.OK;
    }
}

package org.discern.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.discern.io.BinaryPredictions;
import org.discern.io.SweepCsv;
import org.discern.metrics.OperatingPoints;
import org.discern.metrics.ThresholdSweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code discern sweep}: every threshold metric at every threshold, as CSV. */
@Command(name = "sweep",
        header = "Write every threshold metric at every threshold (or on a grid) as CSV.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Write every threshold metric (tp, fp, tn, fn, flagged_fraction, precision, recall,",
            "specificity, fpr, fnr, npv, accuracy, balanced_accuracy, f1, mcc, youden_j, cohen_kappa)",
            "at every threshold to a CSV file, thresholds descending. Without --grid: 'inf' and every",
            "distinct score. With --grid N: N thresholds evenly spaced from the highest to the lowest",
            "score (--grid-placement uniform) or at the score quantiles by weight, flagging 1/N, 2/N, ...",
            "of the cases (--grid-placement quantile; repeated thresholds listed once).",
            "Multi-class or multi-label input: choose the class with --class NAME (one against the rest)."},
        footer = {
            "",
            "Examples:",
            "  discern sweep preds.csv --out sweep.csv",
            "  discern sweep preds.csv --out sweep.csv --grid 101",
            "  discern sweep preds.csv --out /dev/stdout | head",
            "  discern sweep --labels y.npy --scores p.npy --class-names names.txt --class cat --out cat.csv"})
public final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "CSV file to write, whole or not at all, never an input;"
            + " a device or pipe (/dev/stdout) is written as a stream.")
    Path out;

    @Option(names = "--grid", paramLabel = "N", description = "Number of grid thresholds, >= 2. Default: every score.")
    Integer grid;

    @Option(names = "--grid-placement", paramLabel = "PLACEMENT", defaultValue = "uniform",
            description = "uniform or quantile (default: ${DEFAULT-VALUE}).")
    String placement;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        ThresholdSweep.Grid g;
        try {
            g = ThresholdSweep.Grid.parse(placement);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--grid-placement: " + e.getMessage());
        }
        if (grid != null && grid < 2) {
            throw new UsageException("--grid must be >= 2, got " + grid);
        }
        BinaryPredictions p = input.readBinary(spec.commandLine().getErr());
        OperatingPoints op = OperatingPoints.of(p.scores(), p.labels(), p.weights());
        ThresholdSweep s = grid == null ? ThresholdSweep.all(op) : ThresholdSweep.grid(op, grid, g);
        SweepCsv.write(s, out, input.inputs());
        spec.commandLine().getOut().println("wrote " + s.size() + " thresholds to " + out);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}

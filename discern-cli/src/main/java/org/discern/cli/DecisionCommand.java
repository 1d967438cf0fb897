package org.discern.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.discern.io.BinaryPredictions;
import org.discern.io.DecisionCurveCsv;
import org.discern.io.DecisionJson;
import org.discern.io.Json;
import org.discern.io.OutputFiles;
import org.discern.metrics.ConfidenceInterval;
import org.discern.metrics.DecisionCurve;
import org.discern.metrics.OperatingPoints;
import org.discern.report.ChartFiles;
import org.discern.report.Charts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code discern decision}: the decision curve (net benefit by threshold probability). */
@Command(name = "decision",
        header = "Decision curve: net benefit of the model, of treating all and of treating none.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "The decision curve of Vickers & Elkin (2006). At each threshold probability pt of the grid,",
            "a case is treated iff its score >= pt (scores read as probabilities of the positive class):",
            "  net benefit (model)  NB = TP/n - FP/n * pt/(1 - pt)",
            "  treat all            p - (1 - p) * pt/(1 - pt), p the prevalence",
            "  treat none           0",
            "  standardized         NB / p",
            "n, TP, FP and p are weighted when the input has weights. With --ci bootstrap, a stratified",
            "percentile interval of the model's net benefit at every pt (seeded, --replicates, --level).",
            "Multi-class or multi-label input: choose the class with --class NAME (one against the rest).",
            "--chart FILE draws the curve (.png, .svg or .pdf by the extension): model, treat all, treat",
            "none, and the bootstrap band with --ci bootstrap; --out stays the CSV of the numbers."},
        footer = {
            "",
            "Examples:",
            "  discern decision preds.csv",
            "  discern decision preds.csv --grid 0.01:0.5:0.01 --format json",
            "  discern decision preds.csv --ci bootstrap --seed 7 --out decision.csv",
            "  discern decision preds.csv --ci bootstrap --chart decision.svg",
            "  discern decision malware25.csv --class Adialer.C --grid 0.05:0.5:0.05"})
public final class DecisionCommand implements Callable<Integer> {
    /** The grid without {@code --grid}. */
    static final String DEFAULT_GRID = DecisionCurve.DEFAULT_GRID;

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = "--grid", paramLabel = "FROM:TO:STEP", defaultValue = DEFAULT_GRID,
            description = "Threshold probabilities, 0 < FROM <= TO < 1, STEP > 0, at most "
                    + DecisionCurve.MAX_THRESHOLDS + " points (default: ${DEFAULT-VALUE}).")
    String grid;

    @Option(names = "--ci", paramLabel = "METHOD",
            description = "bootstrap: add a stratified percentile interval of the model's net benefit.")
    IntervalMethod ci;

    @Mixin
    IntervalOptions intervals;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Also write the curve as CSV, whole or not at all, never over an input.")
    Path out;

    @Option(names = "--chart", paramLabel = "FILE",
            description = "Also draw the curve to FILE (.png, .svg or .pdf), whole or not at all, never over an input.")
    Path chart;

    @Mixin
    FormatOption output;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        if (ci == IntervalMethod.DELONG) {
            throw new UsageException("--ci delong is an interval of the ROC AUC; a net benefit takes --ci bootstrap");
        }
        intervals.requireUsed(ci != null, ci == IntervalMethod.BOOTSTRAP, "--ci bootstrap");
        double[] thresholds;
        try {
            thresholds = DecisionCurve.grid(grid);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--grid: " + e.getMessage());
        }
        var options = ci == null ? null : intervals.bootstrap();
        if (options != null && (long) options.replicates() * thresholds.length > DecisionCurve.MAX_BOOTSTRAP_VALUES) {
            throw new UsageException("--replicates x grid points must be <= " + DecisionCurve.MAX_BOOTSTRAP_VALUES
                    + ", got " + options.replicates() + " x " + thresholds.length);
        }
        ChartFiles.Format format = null;
        if (chart != null) {
            try {
                format = ChartFiles.Format.ofFile(chart);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--chart: " + e.getMessage());
            }
        }
        BinaryPredictions p = input.readBinary(spec.commandLine().getErr());
        DecisionCurve curve = options == null
                ? DecisionCurve.of(OperatingPoints.of(p.scores(), p.labels(), p.weights()), thresholds)
                : DecisionCurve.bootstrap(p.scores(), p.labels(), p.weights(), options, thresholds);
        PrintWriter w = spec.commandLine().getOut();
        if (out != null) {
            DecisionCurveCsv.write(curve, out, input.inputs());
        }
        if (chart != null) {
            var drawn = Charts.decisionCurve(curve);
            ChartFiles.Format as = format;
            OutputFiles.writeBytes(chart, o -> ChartFiles.write(drawn, o, as), input.inputs());
        }
        if (output.json()) {
            Json.write(DecisionJson.decisionCurve(curve), w);
        } else {
            w.print(table(p.source(), curve));
            if (out != null) {
                w.println("wrote " + curve.size() + " thresholds to " + out);
            }
            if (chart != null) {
                w.println("drew the decision curve to " + chart);
            }
        }
        w.flush();
        return ExitCodes.OK;
    }

    static String table(String file, DecisionCurve c) {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(": ").append(DecisionJson.RULE).append(String.format(Locale.ROOT,
                ", prevalence %s%n%n", ThresholdCommand.number(c.prevalence())));
        String head = "%10s %12s %12s %12s %14s";
        sb.append(String.format(Locale.ROOT, head, "threshold", "net benefit", "treat all", "treat none", "standardized"));
        if (c.hasIntervals()) {
            sb.append(String.format(Locale.ROOT, "  %s%% interval", Tables.percent(
                    c.interval(0).orElseThrow().level())));
        }
        sb.append('\n');
        for (int i = 0; i < c.size(); i++) {
            sb.append(String.format(Locale.ROOT, head, Double.toString(c.threshold(i)),
                    ThresholdCommand.number(c.netBenefit(i)), ThresholdCommand.number(c.netBenefitAll(i)),
                    ThresholdCommand.number(c.netBenefitNone(i)), ThresholdCommand.number(c.standardizedNetBenefit(i))));
            if (c.hasIntervals()) {
                ConfidenceInterval ci = c.interval(i).orElseThrow();
                sb.append(String.format(Locale.ROOT, "  [%s, %s]", ThresholdCommand.number(ci.lower()),
                        ThresholdCommand.number(ci.upper())));
            }
            sb.append('\n');
        }
        if (c.hasIntervals()) {
            sb.append(String.format(Locale.ROOT, "%nbootstrap: %d replicates, seed %d%n", c.replicates(), c.seed()));
        }
        for (String warning : c.warnings()) {
            sb.append("warning: ").append(warning).append('\n');
        }
        return sb.toString();
    }
}

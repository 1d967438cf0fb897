package org.discern.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.discern.io.BinaryPredictions;
import org.discern.io.CalibratorJson;
import org.discern.io.DecisionJson;
import org.discern.io.InputException;
import org.discern.io.InputSpec;
import org.discern.io.Json;
import org.discern.io.MultiClassPredictions;
import org.discern.io.Predictions;
import org.discern.io.RecalibratedCsv;
import org.discern.metrics.BootstrapResult;
import org.discern.metrics.Calibration;
import org.discern.metrics.CalibrationBinning;
import org.discern.metrics.CalibrationBootstrap;
import org.discern.metrics.Calibrator;
import org.discern.metrics.ConfidenceInterval;
import org.discern.metrics.IsotonicCalibrator;
import org.discern.metrics.Metric;
import org.discern.metrics.MetricKey;
import org.discern.metrics.MulticlassCalibration;
import org.discern.metrics.PlattCalibrator;
import org.discern.metrics.PriorShiftCalibrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code discern calibrate}: calibration figures, fitting a recalibrator, applying one. */
@Command(name = "calibrate",
        header = "Check calibration, fit a recalibrator (Platt, isotonic, prior), or apply one.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Three modes:",
            "  discern calibrate FILE [--bins N] [--strategy uniform|quantile]",
            "      reliability curve with a Wilson interval per bin (--level, default 95%%),",
            "      expected/maximum calibration error (--ci bootstrap: with a seeded percentile",
            "      interval; bins fixed at the sample's), Brier score and its decomposition",
            "      (scores must be probabilities in [0, 1]); multi-class input without --class:",
            "      top-label and class-wise ECE and every class's reliability curve;",
            "  discern calibrate FILE --fit platt|isotonic|prior --save cal.json",
            "      fit a recalibrator on FILE's labels and scores ('prior' needs --prevalence, the",
            "      target prevalence; the training prevalence is FILE's own);",
            "  discern calibrate FILE --apply cal.json --out calibrated.csv",
            "      write FILE with its score column recalibrated (never over FILE; atomic).",
            "Multi-class or multi-label input: choose the class with --class NAME (one against the",
            "rest; with --apply, the column of that class is recalibrated)."},
        footer = {
            "",
            "Examples:",
            "  discern calibrate valid.csv --bins 15 --strategy quantile",
            "  discern calibrate valid.csv --ci bootstrap --seed 7 --level 0.9",
            "  discern calibrate malware25.csv --ci bootstrap --format json",
            "  discern calibrate valid.csv --fit isotonic --save iso.json",
            "  discern calibrate test.csv --apply iso.json --out test_calibrated.csv",
            "  discern calibrate valid.csv --fit prior --prevalence 0.002 --save prior.json",
            "  discern calibrate malware25.csv --class Adialer.C --bins 15",
            "Wilson (not Jeffreys) bins: closed-form, inside [0, 1] and not degenerate when a bin",
            "holds no positive; with weights its n is the bin's Kish effective size."})
public final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = "--bins", paramLabel = "N", defaultValue = "10", converter = OptionBounds.Bins.class, description = "Number of bins (default: ${DEFAULT-VALUE}).")
    int bins;

    @Option(names = "--strategy", paramLabel = "STRATEGY", defaultValue = "uniform",
            description = "Bin placement: uniform or quantile (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--ci", paramLabel = "METHOD",
            description = "bootstrap: add percentile intervals of the calibration errors (rows resampled"
                    + " as one stratum).")
    IntervalMethod ci;

    @Mixin
    IntervalOptions intervals;

    @Option(names = "--fit", paramLabel = "METHOD", description = "Fit a recalibrator: platt, isotonic or prior.")
    String fit;

    @Option(names = "--save", paramLabel = "FILE", description = "Where to save the fitted recalibrator (JSON).")
    Path save;

    @Option(names = "--prevalence", paramLabel = "P", converter = OptionBounds.OpenPrevalence.class, description = "Target prevalence in (0, 1) for --fit prior.")
    Double prevalence;

    @Option(names = "--apply", paramLabel = "FILE", description = "A saved recalibrator to apply to FILE's scores.")
    Path apply;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the recalibrated copy of FILE (never FILE or the"
            + " --apply file; a device or pipe is written as a stream).")
    Path out;

    @Mixin
    FormatOption output;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        if (fit != null && apply != null) {
            throw new UsageException("--fit and --apply cannot be combined");
        }
        if (fit == null && save != null) {
            throw new UsageException("--save needs --fit");
        }
        if (apply == null && out != null) {
            throw new UsageException("--out needs --apply");
        }
        if (fit == null && prevalence != null) {
            throw new UsageException("--prevalence needs --fit prior");
        }
        if ((fit != null || apply != null) && (ci != null || intervals.level != null)) {
            throw new UsageException("--ci and --level apply to the calibration figures, not to --fit or --apply");
        }
        if (ci == IntervalMethod.DELONG) {
            throw new UsageException("--ci delong is an interval of the ROC AUC; calibration errors take --ci bootstrap");
        }
        intervals.requireUsed(true, ci == IntervalMethod.BOOTSTRAP, "--ci bootstrap");
        if (fit != null) {
            return fit();
        }
        if (apply != null) {
            return apply();
        }
        return figures();
    }

    private int figures() throws Exception {
        CalibrationBinning binning;
        try {
            binning = CalibrationBinning.parse(strategy);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--strategy: " + e.getMessage());
        }
        Predictions read = input.read(spec.commandLine().getErr());
        if (read instanceof MultiClassPredictions m) {
            return multiclassFigures(m, binning);
        }
        BinaryPredictions p = input.requireBinary(read);
        Calibration c = Calibration.of(p.scores(), p.labels(), p.weights(), bins, binning);
        BootstrapResult boot = ci == null ? null
                : CalibrationBootstrap.binary(p.scores(), p.labels(), p.weights(), c, intervals.bootstrap(2));
        PrintWriter o = spec.commandLine().getOut();
        if (output.json()) {
            Json.write(DecisionJson.calibration(c, intervals.level(), boot), o);
        } else {
            o.print(table(p.source(), c, intervals.level(), boot));
            o.flush();
        }
        return ExitCodes.OK;
    }

    private int multiclassFigures(MultiClassPredictions m, CalibrationBinning binning) throws Exception {
        double[] probs = m.scores().toDoubleArray();
        int k = m.classCount();
        for (int j = 0; j < probs.length; j++) {
            if (!(probs[j] >= 0 && probs[j] <= 1)) {
                throw new InputException(m.source(), 0, m.className(j % k), "row " + (j / k + 1)
                        + " (1-based, data rows): calibration needs probabilities in [0, 1], found " + probs[j]);
            }
        }
        MulticlassCalibration mc = MulticlassCalibration.of(probs, k, m.labels(), m.weights(), bins, binning);
        BootstrapResult boot = ci == null ? null : CalibrationBootstrap.multiclass(probs, k, m.labels(), m.weights(),
                mc, m.classNames(), intervals.bootstrap(k + 2L));
        PrintWriter o = spec.commandLine().getOut();
        if (output.json()) {
            Json.write(DecisionJson.multiclassCalibration(mc, m.classNames(), intervals.level(), boot), o);
        } else {
            o.print(multiclassTable(m, mc, intervals.level(), boot));
            o.flush();
        }
        return ExitCodes.OK;
    }

    private int fit() throws Exception {
        String method = fit.trim().toLowerCase(Locale.ROOT);
        if (!method.equals("platt") && !method.equals("isotonic") && !method.equals("prior")) {
            throw new UsageException("--fit must be platt, isotonic or prior, got '" + fit + "'");
        }
        if (save == null) {
            throw new UsageException("--fit needs --save FILE");
        }
        if (method.equals("prior") != (prevalence != null)) {
            throw new UsageException(prevalence == null ? "--fit prior needs --prevalence P"
                    : "--prevalence applies to --fit prior only");
        }
        BinaryPredictions p = input.readBinary(spec.commandLine().getErr());
        Calibrator c;
        if (method.equals("platt")) {
            c = PlattCalibrator.fit(p.scores(), p.labels(), p.weights());
        } else if (method.equals("isotonic")) {
            c = IsotonicCalibrator.fit(p.scores(), p.labels(), p.weights());
        } else {
            c = PriorShiftCalibrator.fit(p.labels(), p.weights(), prevalence);
        }
        CalibratorJson.write(c, save, input.inputs());
        PrintWriter o = spec.commandLine().getOut();
        o.println("fitted " + c + " on " + p.size() + " rows of " + p.source() + "; saved to " + save);
        o.flush();
        return ExitCodes.OK;
    }

    private int apply() throws Exception {
        if (out == null) {
            throw new UsageException("--apply needs --out FILE");
        }
        if (input.file == null) {
            throw new UsageException("--apply writes a recalibrated copy of a CSV/TSV FILE; NumPy input has no"
                    + " such copy");
        }
        // the column to recalibrate: --score, or the class chosen with --class, or the default
        String column = input.className() != null ? input.className()
                : input.scores().isEmpty() ? InputSpec.DEFAULT_SCORE_COLUMN : input.scores().get(0);
        Calibrator c = CalibratorJson.read(apply);
        long n = RecalibratedCsv.write(input.file, column, c, out, apply);
        PrintWriter o = spec.commandLine().getOut();
        o.println("wrote " + n + " rows with column '" + column + "' recalibrated (" + c.type() + ") to " + out);
        o.flush();
        return ExitCodes.OK;
    }

    private static String multiclassTable(MultiClassPredictions m, MulticlassCalibration mc, double level,
            BootstrapResult boot) {
        StringBuilder sb = new StringBuilder();
        Calibration top = mc.topLabel();
        sb.append(String.format(Locale.ROOT, "%s: %d classes, %d %s bins%n%n", m.source(), mc.classes(), top.bins(),
                top.binning().label()));
        errorLine(sb, Metric.ECE_TOP_LABEL.label(), top.expectedCalibrationError(), boot,
                MetricKey.of(Metric.ECE_TOP_LABEL).key());
        errorLine(sb, Metric.ECE_CLASSWISE.label(), mc.classwiseExpectedCalibrationError(), boot,
                MetricKey.of(Metric.ECE_CLASSWISE).key());
        sb.append(String.format(Locale.ROOT, "%n  %-24s %12s %12s%s%n", "class", "ECE", "MCE",
                boot == null ? "" : "   " + ConfidenceInterval.percent(boot.level()) + "% CI of ECE"));
        for (int k = 0; k < mc.classes(); k++) {
            Calibration c = mc.perClass(k);
            String interval = "";
            if (boot != null) {
                ConfidenceInterval ci = boot.interval(BootstrapResult.classStatistic(MetricKey.of(Metric.ECE),
                        m.className(k)));
                interval = "   [" + Tables.number(ci.lower()) + ", " + Tables.number(ci.upper()) + "]";
            }
            sb.append(String.format(Locale.ROOT, "  %-24s %12s %12s%s%n", m.className(k),
                    Tables.number(c.expectedCalibrationError()), Tables.number(c.maximumCalibrationError()), interval));
        }
        sb.append("\n  top-label reliability curve (confidence against correctness):\n");
        bins(sb, top, level);
        if (boot != null) {
            sb.append(String.format(Locale.ROOT, "%nbootstrap: %d replicates, seed %d%n", boot.replicates(),
                    boot.seed()));
        }
        top.warnings().forEach(w -> sb.append("\nwarning: top label: ").append(w).append('\n'));
        return sb.toString();
    }

    private static void errorLine(StringBuilder sb, String label, double value, BootstrapResult boot, String name) {
        sb.append(String.format(Locale.ROOT, "  %-38s %s", label, Tables.number(value)));
        if (boot != null) {
            ConfidenceInterval ci = boot.interval(name);
            sb.append(String.format(Locale.ROOT, "   %s%% CI [%s, %s]", ConfidenceInterval.percent(ci.level()),
                    Tables.number(ci.lower()), Tables.number(ci.upper())));
        }
        sb.append('\n');
    }

    private static String table(String file, Calibration c, double level, BootstrapResult boot) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %d %s bins%n%n", file, c.bins(), c.binning().label()));
        double[] figures = {c.brierScore(), c.expectedCalibrationError(), c.maximumCalibrationError(), c.reliability(),
            c.resolution(), c.uncertainty(), c.withinBinVariance(), c.withinBinCovariance()};
        Metric[] metrics = {Metric.BRIER, Metric.ECE, Metric.MCE, Metric.RELIABILITY, Metric.RESOLUTION,
            Metric.UNCERTAINTY, Metric.WITHIN_BIN_VARIANCE, Metric.WITHIN_BIN_COVARIANCE};
        for (int k = 0; k < metrics.length; k++) {
            sb.append(String.format(Locale.ROOT, "  %-30s %s", metrics[k].label(), Tables.number(figures[k])));
            if (boot != null && (metrics[k] == Metric.ECE || metrics[k] == Metric.MCE)) {
                ConfidenceInterval ci = boot.interval(MetricKey.of(metrics[k]));
                sb.append(String.format(Locale.ROOT, "   %s%% CI [%s, %s]", ConfidenceInterval.percent(ci.level()),
                        Tables.number(ci.lower()), Tables.number(ci.upper())));
            }
            sb.append('\n');
        }
        sb.append("  (Brier = REL - RES + UNC + WBV - 2 WBC)\n\n");
        bins(sb, c, level);
        if (boot != null) {
            sb.append(String.format(Locale.ROOT, "%nbootstrap: %d replicates, seed %d (bins fixed at the sample's)%n",
                    boot.replicates(), boot.seed()));
            boot.warnings().forEach(w -> sb.append("\nwarning: ").append(w).append('\n'));
        }
        c.warnings().forEach(w -> sb.append("\nwarning: ").append(w).append('\n'));
        return sb.toString();
    }

    private static void bins(StringBuilder sb, Calibration c, double level) {
        String fmt = "  %-21s %10s %12s %16s %18s %22s%n";
        sb.append(String.format(Locale.ROOT, fmt, "bin", "count", "weight", "mean predicted", "observed frequency",
                ConfidenceInterval.percent(level) + "% Wilson"));
        int[] index = c.binIndex();
        double[] edges = c.edges();
        long[] counts = c.counts();
        double[] weights = c.binWeights();
        for (int i = 0; i < c.size(); i++) {
            String range = String.format(Locale.ROOT, "[%.4f, %.4f]", edges[index[i]], edges[index[i] + 1]);
            ConfidenceInterval ci = c.observedInterval(i, level);
            sb.append(String.format(Locale.ROOT, fmt, range, counts[i], Tables.number(weights[i]),
                    Tables.number(c.meanPredicted(i)), Tables.number(c.observedFrequency(i)),
                    "[" + Tables.number(ci.lower()) + ", " + Tables.number(ci.upper()) + "]"));
        }
    }
}

package org.discern.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.discern.io.BinaryPredictions;
import org.discern.io.CalibratorJson;
import org.discern.io.DecisionJson;
import org.discern.io.InputSpec;
import org.discern.io.Json;
import org.discern.io.RecalibratedCsv;
import org.discern.metrics.Calibration;
import org.discern.metrics.CalibrationBinning;
import org.discern.metrics.Calibrator;
import org.discern.metrics.IsotonicCalibrator;
import org.discern.metrics.Metric;
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
            "      reliability curve, expected/maximum calibration error, Brier score and its",
            "      decomposition (scores must be probabilities in [0, 1]);",
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
            "  discern calibrate valid.csv --fit isotonic --save iso.json",
            "  discern calibrate test.csv --apply iso.json --out test_calibrated.csv",
            "  discern calibrate valid.csv --fit prior --prevalence 0.002 --save prior.json",
            "  discern calibrate malware25.csv --class Adialer.C --bins 15"})
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
        BinaryPredictions p = input.readBinary(spec.commandLine().getErr());
        Calibration c = Calibration.of(p.scores(), p.labels(), p.weights(), bins, binning);
        PrintWriter o = spec.commandLine().getOut();
        if (output.json()) {
            Json.write(InputWarnings.addTo(DecisionJson.calibration(c), p), o);
        } else {
            o.print(table(p.source(), c));
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

    private static String table(String file, Calibration c) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %d %s bins%n%n", file, c.bins(), c.binning().label()));
        double[] figures = {c.brierScore(), c.expectedCalibrationError(), c.maximumCalibrationError(), c.reliability(),
            c.resolution(), c.uncertainty(), c.withinBinVariance(), c.withinBinCovariance()};
        Metric[] metrics = {Metric.BRIER, Metric.ECE, Metric.MCE, Metric.RELIABILITY, Metric.RESOLUTION,
            Metric.UNCERTAINTY, Metric.WITHIN_BIN_VARIANCE, Metric.WITHIN_BIN_COVARIANCE};
        for (int k = 0; k < metrics.length; k++) {
            sb.append(String.format(Locale.ROOT, "  %-30s %s%n", metrics[k].label(), Tables.number(figures[k])));
        }
        sb.append("  (Brier = REL - RES + UNC + WBV - 2 WBC)\n\n");
        String fmt = "  %-21s %10s %12s %16s %18s%n";
        sb.append(String.format(Locale.ROOT, fmt, "bin", "count", "weight", "mean predicted", "observed frequency"));
        int[] index = c.binIndex();
        double[] edges = c.edges();
        long[] counts = c.counts();
        double[] weights = c.binWeights();
        for (int i = 0; i < c.size(); i++) {
            String range = String.format(Locale.ROOT, "[%.4f, %.4f]", edges[index[i]], edges[index[i] + 1]);
            sb.append(String.format(Locale.ROOT, fmt, range, counts[i], Tables.number(weights[i]),
                    Tables.number(c.meanPredicted(i)), Tables.number(c.observedFrequency(i))));
        }
        c.warnings().forEach(w -> sb.append("\nwarning: ").append(w).append('\n'));
        return sb.toString();
    }
}

package org.discern.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.discern.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code discern demo}: evaluates the bundled example data. */
@Command(name = "demo",
        header = "Evaluate the bundled examples and write their reports under discern-demo/.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Evaluate the bundled example data (examples/ in the Discern checkout) and write the",
            "results under --out: for each example the metrics as JSON and as a table, the curves",
            "as CSV (one per class for the 25 malware families) and the interactive HTML report",
            "(open report/report.html in a browser). The fraud example is evaluated with",
            "--max-fpr 0.01 (the partial AUC up to 1%% false positives) and its report with",
            "--ci bootstrap too (intervals and the ROC confidence band)."},
        footer = {
            "",
            "Examples:",
            "  ./discern demo",
            "  ./discern demo --out /tmp/discern-demo",
            "  ./discern demo --train"})
public final class DemoCommand implements Callable<Integer> {
    /** The fraud example's partial AUC range: false-positive rates up to 1%. */
    static final String FRAUD_MAX_FPR = "0.01";

    @Spec
    CommandSpec spec;

    @Option(names = "--examples", paramLabel = "DIR",
            description = "Folder of the example data (default: examples/ of the Discern checkout).")
    Path examples;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "discern-demo",
            description = "Where to write the results (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--train", description = "Also train the small CNN on the 8x8 digits images "
            + "(examples/digits, about 15 s) and write its comparison under --out (needs the training "
            + "plug-in, which ./discern demo --train installs on first use).")
    boolean train;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        if (train && !Plugins.installed(spec.root().commandLine(), "train")) {
            // say so before the evaluation steps, not after them
            throw new DemoFailure(NotInstalledCommand.message("train"), ExitCodes.USAGE);
        }
        Path ex = examples != null ? examples : defaultExamples();
        if (!Files.isDirectory(ex)) {
            throw new UsageException("no example folder at " + ex + " (give --examples DIR)");
        }
        PrintWriter o = spec.commandLine().getOut();
        Path fraud = ex.resolve("fraud").resolve("fraud_scores.csv.gz");
        Path fraudOut = out.resolve("fraud");
        o.println("Fraud-like scores (" + fraud + "):");
        // what a fraud team decides by: the partial AUC up to 1% FPR; the report adds the bootstrap
        // intervals (AUC, AP, partial AUC) and the ROC band
        run(o, fraudOut.resolve("metrics.json"), fraud, "evaluate", fraud.toString(), "--format", "json",
                "--max-fpr", FRAUD_MAX_FPR);
        run(o, fraudOut.resolve("metrics.txt"), fraud, "evaluate", fraud.toString(), "--max-fpr", FRAUD_MAX_FPR);
        run(o, null, null, "curves", fraud.toString(), "--out", fraudOut.toString());
        run(o, null, null, "report", fraud.toString(), "--ci", "bootstrap", "--max-fpr", FRAUD_MAX_FPR, "--out",
                fraudOut.resolve("report").toString(), "--force");
        o.println();
        Path malware = ex.resolve("malware25").resolve("predictions.csv");
        Path malwareOut = out.resolve("malware25");
        o.println("25 malware families, softmax outputs (" + malware + "):");
        run(o, malwareOut.resolve("metrics.json"), malware, "evaluate", malware.toString(), "--format", "json");
        run(o, malwareOut.resolve("metrics.txt"), malware, "evaluate", malware.toString());
        run(o, null, null, "curves", malware.toString(), "--out", malwareOut.resolve("curves").toString());
        run(o, null, null, "report", malware.toString(), "--out", malwareOut.resolve("report").toString(), "--force");
        o.println();
        o.print(Files.readString(fraudOut.resolve("metrics.txt")));
        if (Files.exists(malwareOut.resolve("metrics.txt"))) {
            o.println();
            o.print(Files.readString(malwareOut.resolve("metrics.txt")));
        }
        if (train) {
            Path digits = ex.resolve("digits").resolve("images");
            o.println();
            o.println("Training a small CNN on the 8x8 digits (" + digits + "):");
            run(o, null, null, "train", "--images", digits.toString(), "--size", "8x8", "--epochs", "20",
                    "--batch-size", "64", "--learning-rate", "0.01", "--quiet", "--force", "--out",
                    out.resolve("digits-train").toString());
        }
        o.println();
        o.println("Results are in " + out.toAbsolutePath().normalize());
        o.flush();
        return ExitCodes.OK;
    }

    /**
     * Runs a subcommand in-process; its standard output goes to {@code target} (whole, never over
     * {@code input}).
     */
    private void run(PrintWriter o, Path target, Path input, String... args) throws Exception {
        StringWriter buf = new StringWriter();
        StringWriter errBuf = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        if (verbose.isVerbose()) {
            all.add("--verbose");
        }
        int code = Cli.commandLine(new PrintWriter(buf), new PrintWriter(errBuf)).execute(all.toArray(String[]::new));
        spec.commandLine().getErr().print(errBuf);
        spec.commandLine().getErr().flush();
        if (code != ExitCodes.OK) {
            throw new DemoFailure("'discern " + String.join(" ", args) + "' failed with exit code " + code, code);
        }
        if (target != null) {
            AtomicFiles.writeString(target, buf.toString(), input);
            o.println("  wrote " + target);
        } else {
            o.print(buf.toString().replaceAll("(?m)^", "  "));
        }
    }

    private static Path defaultExamples() {
        String home = System.getProperty("discern.home");
        return (home != null ? Path.of(home) : Path.of("")).resolve("examples");
    }

    /** A step of the demo failed; carries the step's exit code. */
    static final class DemoFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int code;

        DemoFailure(String message, int code) {
            super(message);
            this.code = code;
        }
    }
}

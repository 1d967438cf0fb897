package org.discern.cli;

import java.io.PrintWriter;
import java.util.Arrays;

import org.discern.io.HeapLimitException;
import org.discern.io.InputException;
import org.discern.io.OutputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code discern} command line: subcommands, exit codes and error reporting. Tests run it
 * in-process with injected writers through {@link #run(String[], PrintWriter, PrintWriter)}.
 */
@Command(name = "discern",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "How good is a classifier really, and where to put its threshold.",
            "",
            "Reads labels and scores (CSV/TSV, optionally gzip-compressed) and computes exact",
            "ROC/PR curves, AUCs, the confusion matrix and every threshold metric."},
        subcommands = {
            EvaluateCommand.class,
            CompareCommand.class,
            CurvesCommand.class,
            ReportCommand.class,
            ThresholdCommand.class,
            SweepCommand.class,
            CalibrateCommand.class,
            DemoCommand.class,
            TrainCommand.class,
            PredictCommand.class,
            CommandLine.HelpCommand.class},
        footer = {
            "",
            "Examples:",
            "  discern evaluate predictions.csv",
            "  discern evaluate scores.tsv.gz --label is_fraud --score p --format json",
            "  discern evaluate predictions.csv --ci delong",
            "  discern compare predictions.csv --score model_a --score model_b",
            "  discern curves predictions.csv --out curves/",
            "  discern report predictions.csv --out report/",
            "  discern threshold predictions.csv --by cost --cost-fp 1 --cost-fn 20",
            "  discern calibrate predictions.csv --bins 15",
            "  discern demo",
            "  discern train fraud.csv --drop Time --log Amount --out runs/fraud",
            "",
            "Exit codes: 0 ok, 1 internal error or output not written, 2 usage error (also",
            "an --out that cannot be used), 3 bad input data."})
public final class Cli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    /** Runs the command line and returns the exit code; never calls System.exit. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine(out, err);
        return cl.execute(args);
    }

    /** A configured command line writing to the given writers. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Cli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExitCodeExceptionMapper(t -> t instanceof CommandLine.ParameterException
                ? ExitCodes.USAGE : ExitCodes.INTERNAL);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("discern: " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            c.getErr().flush();
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            boolean verbose = Arrays.asList(parseResult.originalArgs()).contains("--verbose");
            PrintWriter e = c.getErr();
            Throwable t = ex;
            if (OutOfMemory.find(t) != null) {
                return OutOfMemory.report(OutOfMemory.find(t), e);
            }
            if (t instanceof HeapLimitException h) {
                return OutOfMemory.refused(h, e);
            }
            if (t instanceof OutputException oe) {
                // refused before writing: choose another --out (2); failed while writing: path and OS reason (1)
                e.println("discern: " + oe.getMessage());
                if (verbose) {
                    oe.printStackTrace(e);
                }
                e.flush();
                return oe.refused() ? ExitCodes.USAGE : ExitCodes.WRITE_FAILED;
            }
            if (t instanceof InputException ie) {
                e.println("discern: " + ie.getMessage());
                if (verbose) {
                    ie.printStackTrace(e);
                }
                e.flush();
                return ExitCodes.BAD_INPUT;
            }
            if (t instanceof DemoCommand.DemoFailure df) {
                e.println("discern: " + df.getMessage());
                e.flush();
                return df.code;
            }
            if (t instanceof UsageException) {
                e.println("discern: " + t.getMessage());
                e.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
                e.flush();
                return ExitCodes.USAGE;
            }
            if (t instanceof IllegalArgumentException) {
                // invalid values the readers let through (e.g. found by the core): bad data
                e.println("discern: invalid input: " + t.getMessage());
                if (verbose) {
                    t.printStackTrace(e);
                }
                e.flush();
                return ExitCodes.BAD_INPUT;
            }
            if (t instanceof java.io.IOException io) {
                e.println("discern: " + io.getMessage());
                if (verbose) {
                    io.printStackTrace(e);
                }
                e.flush();
                return ExitCodes.BAD_INPUT;
            }
            e.println("discern: internal error: " + t);
            if (verbose) {
                t.printStackTrace(e);
            } else {
                e.println("(run again with --verbose for the stack trace)");
            }
            e.flush();
            return ExitCodes.INTERNAL;
        });
        return cl;
    }
}

package org.discern.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

import org.discern.io.HeapLimitException;
import org.discern.io.InputException;
import org.discern.io.InputOptionException;
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
            "Reads labels and scores (CSV/TSV, optionally gzip-compressed, Parquet, or NumPy .npy/.npz;",
            "binary, multi-class or multi-label) and computes exact ROC/PR curves, AUCs, the",
            "confusion matrix and every threshold metric."},
        subcommands = {
            EvaluateCommand.class,
            CompareCommand.class,
            CurvesCommand.class,
            ReportCommand.class,
            ThresholdCommand.class,
            SweepCommand.class,
            CalibrateCommand.class,
            DecisionCommand.class,
            DemoCommand.class},
        // then the plug-ins' commands (train, predict) and help: see Plugins
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
            "  discern threshold malware25.csv --class Adialer.C --by f1",
            "  discern calibrate predictions.csv --bins 15",
            "  discern demo",
            "  discern train fraud.csv --drop Time --log Amount --out runs/fraud",
            "",
            "Exit codes: 0 ok, 1 internal error or output not written, 2 usage error (also",
            "an --out that cannot be used), 3 bad input data."})
public final class Cli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    VerboseOption verbosity;

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
        Plugins.addCommands(cl); // before the settings below, which apply to the subcommands present
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExitCodeExceptionMapper(t -> t instanceof CommandLine.ParameterException
                ? ExitCodes.USAGE : ExitCodes.INTERNAL);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("discern: " + ex.getMessage());
            // "Did you mean: discern evaluate?" for a mistyped subcommand or option
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            c.getErr().flush();
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> handle(ex, c, verbose(c, parseResult)));
        return cl;
    }

    /** Whether {@code --verbose} was given: stored on the root, or a subcommand's own option. */
    private static boolean verbose(CommandLine c, CommandLine.ParseResult parseResult) {
        Object root = c.getCommandSpec().root().userObject();
        if (root instanceof Cli cli && cli.verbosity.isVerbose()) {
            return true;
        }
        for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The one place an exception becomes a message and an exit code: bad input data 3 (file,
     * line, column), a usage error 2 (also an output refused before writing), a failure to write
     * output 1 (path and reason), anything else 1 as an internal error. Stack traces only with
     * {@code --verbose}.
     */
    static int handle(Exception ex, CommandLine c, boolean verbose) {
        PrintWriter e = c.getErr();
        int code;
        OutOfMemoryError oom = OutOfMemory.find(ex);
        if (oom != null) {
            return OutOfMemory.report(oom, e);
        }
        if (ex instanceof HeapLimitException h) {
            return OutOfMemory.refused(h, e);
        }
        if (ex instanceof OutputException oe) {
            // refused before writing: choose another --out (2); failed while writing: path and OS reason (1)
            e.println("discern: " + oe.getMessage());
            code = oe.refused() ? ExitCodes.USAGE : ExitCodes.WRITE_FAILED;
        } else if (ex instanceof InputException) {
            e.println("discern: " + ex.getMessage());
            code = ExitCodes.BAD_INPUT;
        } else if (ex instanceof DemoCommand.DemoFailure df) {
            e.println("discern: " + df.getMessage());
            code = df.code;
        } else if (ex instanceof UsageException || ex instanceof InputOptionException) {
            e.println("discern: " + ex.getMessage());
            e.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            code = ExitCodes.USAGE;
        } else if (ex instanceof IllegalArgumentException) {
            // invalid values the readers let through (e.g. found by the core): bad data
            e.println("discern: invalid input: " + ex.getMessage());
            code = ExitCodes.BAD_INPUT;
        } else if (ex instanceof FileSystemException fse) {
            // inputs fail as InputException (io's reader wraps every read): this is an output
            e.println("discern: cannot write " + fse.getFile() + ": " + reason(fse));
            code = ExitCodes.WRITE_FAILED;
        } else if (ex instanceof IOException) {
            e.println("discern: cannot write the output: " + ex.getMessage());
            code = ExitCodes.WRITE_FAILED;
        } else {
            e.println("discern: internal error: " + ex);
            if (!verbose) {
                e.println("(run again with --verbose for the stack trace)");
            }
            code = ExitCodes.INTERNAL;
        }
        if (verbose && !(ex instanceof UsageException) && !(ex instanceof DemoCommand.DemoFailure)) {
            ex.printStackTrace(e);
        }
        e.flush();
        return code;
    }

    private static String reason(FileSystemException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name already exists";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        return e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
    }
}

package org.discern.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;

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
        // subcommands: COMMANDS, then the plug-ins' commands (train, predict) and help (see Plugins)
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
    /**
     * The built-in subcommands, in the order {@code discern --help} lists them. Added in code, not
     * in {@code @Command(subcommands)}, so that a command line naming one of them builds only that
     * one: picocli reads every option of every subcommand it is given, which took a third of the
     * start-up time (see {@link #run(String[], PrintWriter, PrintWriter)}).
     */
    static final List<Class<?>> COMMANDS = List.of(
            EvaluateCommand.class,
            CompareCommand.class,
            CurvesCommand.class,
            ReportCommand.class,
            ThresholdCommand.class,
            SweepCommand.class,
            CalibrateCommand.class,
            DecisionCommand.class,
            DemoCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    VerboseOption verbosity;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    /**
     * Runs the command line and returns the exit code; never calls System.exit. When {@code args}
     * name a built-in subcommand (or only ask for the version), only that subcommand is built;
     * anything else ({@code --help}, {@code help}, a plug-in's command, a mistyped name that needs
     * a "did you mean") gets the whole command line.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Class<?> only = builtIn(args);
        CommandLine cl = only == null && !versionOnly(args)
                ? commandLine(out, err)
                : configure(new CommandLine(new Cli()), only == null ? List.of() : List.of(only), false, out, err);
        return cl.execute(args);
    }

    /** A configured command line with every subcommand, writing to the given writers. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return configure(new CommandLine(new Cli()), COMMANDS, true, out, err);
    }

    /**
     * The built-in subcommand the first positional argument names (the root command's options
     * take no value), or null when it names none or there is none. Never {@code demo}: it runs the
     * other commands and asks the whole command line whether {@code train} is installed.
     */
    static Class<?> builtIn(String[] args) {
        for (String a : args) {
            if (a.equals("--")) {
                return null;
            }
            if (!a.startsWith("-")) {
                for (Class<?> c : COMMANDS) {
                    Command command = c.getAnnotation(Command.class);
                    if (command.name().equals(a) || List.of(command.aliases()).contains(a)) {
                        return c == DemoCommand.class ? null : c;
                    }
                }
                return null;
            }
        }
        return null;
    }

    /** Whether {@code args} only ask for the version (then no subcommand is needed). */
    static boolean versionOnly(String[] args) {
        boolean version = false;
        for (String a : args) {
            if (a.equals("-V") || a.equals("--version")) {
                version = true;
            } else if (!a.equals("--verbose")) {
                return false;
            }
        }
        return version;
    }

    private static CommandLine configure(CommandLine cl, List<Class<?>> commands, boolean plugins,
            PrintWriter out, PrintWriter err) {
        // the subcommands before the settings below, which apply to the subcommands present
        for (Class<?> c : commands) {
            cl.addSubcommand(c);
        }
        if (plugins) {
            Plugins.addCommands(cl);
        }
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

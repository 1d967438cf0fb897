package org.discern.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Exit codes that mean what they say, picocli's "did you mean", and {@code --verbose} declared once. */
class ExitCodesTest {
    @TempDir
    static Path dir;

    private static Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    static Stream<Arguments> cases() throws IOException {
        Path good = write("good.csv", "label,score\n1,0.9\n0,0.2\n1,0.6\n0,0.4\n");
        Path bad = write("bad.csv", "label,score\n1,0.9\n0,abc\n");
        Path tx = write("tx.csv", "label,score,transaction_id\n1,0.9,t1\n0,0.1,t2\n");
        String g = good.toString();
        return Stream.of(
                // usage: 2
                Arguments.of(new String[] {"evalute", g}, 2, "Did you mean: discern evaluate"),
                Arguments.of(new String[] {"evaluate", g, "--scroe", "p"}, 2, "Possible solutions: --score"),
                Arguments.of(new String[] {"threshold", g, "--by", "f1", "--formt", "json"}, 2,
                        "Possible solutions: --format"),
                Arguments.of(new String[] {"evaluate"}, 2,
                        "give a FILE, or --labels Y.npy --scores P.npy, or --npz FILE.npz"),
                Arguments.of(new String[] {"evaluate", g, "--score", "a", "--score", "b"}, 2,
                        "--score given 2 times; only 'compare' takes several"),
                Arguments.of(new String[] {"evaluate", g, "--weights", "w.npy"}, 2,
                        "--weights W.npy goes with --labels and --scores"),
                Arguments.of(new String[] {"evaluate", g, "--labels-key", "y"}, 2,
                        "--labels-key applies to an .npz archive; " + good + " is a CSV/TSV file"),
                // bad input data: 3, with file, line and column
                Arguments.of(new String[] {"evaluate", bad.toString()}, 3,
                        "discern: " + bad + ":3: column 'score': expected a number, found 'abc'"),
                Arguments.of(new String[] {"evaluate", tx.toString(), "--score", "prob"}, 3,
                        "discern: " + tx + ":1: no column 'prob' for the scores; columns: label, score, transaction_id;"
                                + " did you mean 'score'?"),
                Arguments.of(new String[] {"evaluate", dir.resolve("nope.csv").toString()}, 3,
                        dir.resolve("nope.csv") + ": no such file"),
                // output that cannot be written: 1, naming the path and the reason
                Arguments.of(new String[] {"sweep", g, "--out", good.resolve("sweep.csv").toString()}, 1,
                        "discern: " + good.resolve("sweep.csv") + ": Not a directory"),
                Arguments.of(new String[] {"curves", g, "--out", good.resolve("curves").toString()}, 1,
                        "discern: " + good.resolve("curves").resolve("roc.csv") + ": Not a directory"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void exitCodeAndMessage(String[] args, int code, String fragment) {
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(code, r.code(), r.err());
        assertTrue(r.err().contains(fragment), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose: " + r.err());
    }

    @Test
    void verboseIsOneOptionWhereverItIsGiven() throws IOException {
        Path bad = write("bad2.csv", "label,score\n1,0.9\n0,abc\n");
        for (String[] args : new String[][] {
            {"--verbose", "evaluate", bad.toString()},
            {"evaluate", bad.toString(), "--verbose"},
            {"--verbose", "threshold", bad.toString()}}) {
            CliRunner.Result r = CliRunner.run(args);
            assertEquals(3, r.code(), r.err());
            assertTrue(r.err().startsWith("discern: " + bad + ":3: column 'score'"), r.err());
            assertTrue(r.err().contains("org.discern.io.InputException"), r.err());
            assertTrue(r.err().contains("\tat "), r.err());
        }
        assertTrue(CliRunner.run("--help").out().contains("--verbose"));
        assertTrue(CliRunner.run("sweep", "--help").out().contains("--verbose"));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"evaluate", "curves", "report", "compare", "threshold",
        "sweep", "calibrate", "decision"})
    void helpOfEveryCommandHasTheSharedOptionsAndFormatsCleanly(String command) {
        // picocli reports formatting problems of a help text (e.g. an unescaped %) on System.err
        java.io.PrintStream before = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        CliRunner.Result r;
        try {
            System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
            r = CliRunner.run(command, "--help");
        } finally {
            System.setErr(before);
        }
        assertEquals(0, r.code(), r.err());
        assertEquals("", warnings.toString(java.nio.charset.StandardCharsets.UTF_8));
        for (String option : new String[] {"--verbose", "--class=NAME", "--labels=Y.npy", "--npz=FILE.npz",
            "--layout=LAYOUT", "--label=COL", "--weight=COL", "Examples:"}) {
            assertTrue(r.out().contains(option), command + " --help lacks " + option);
        }
    }

    /** Every command and sub-command, however registered, as its argument path ("" for discern itself). */
    static java.util.stream.Stream<String> everyCommand() {
        List<String> paths = new java.util.ArrayList<>();
        java.util.ArrayDeque<java.util.Map.Entry<String, picocli.CommandLine>> todo = new java.util.ArrayDeque<>();
        todo.add(java.util.Map.entry("", Cli.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()))));
        while (!todo.isEmpty()) {
            var e = todo.poll();
            paths.add(e.getKey());
            // aliases share the command object: each command once, by its name
            for (var sub : new java.util.LinkedHashSet<>(e.getValue().getSubcommands().values())) {
                if (sub.getCommand() instanceof NotInstalledCommand) {
                    continue; // a plug-in's placeholder says how to install it (exit 2), tested on its own
                }
                todo.add(java.util.Map.entry((e.getKey() + " " + sub.getCommandName()).strip(), sub));
            }
        }
        return paths.stream();
    }

    @ParameterizedTest(name = "discern {0} --help")
    @org.junit.jupiter.params.provider.MethodSource("everyCommand")
    void helpOfEveryCommandAndSubcommandWritesNothingToStandardError(String path) {
        // picocli reports formatting problems of a help text (an unescaped %) on System.err
        java.io.PrintStream before = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        List<String> args = new java.util.ArrayList<>(path.isEmpty() ? List.of() : List.of(path.split(" ")));
        args.add("--help");
        CliRunner.Result r;
        try {
            System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
            r = CliRunner.run(args.toArray(String[]::new));
        } finally {
            System.setErr(before);
        }
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertEquals("", warnings.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(r.out().contains("Usage: discern"), r.out());
    }

    @Test
    void anUnexpectedExceptionIsAnInternalErrorWithAHint() {
        StringWriter err = new StringWriter();
        var cl = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(ExitCodes.INTERNAL, Cli.handle(new IllegalStateException("boom"), cl, false));
        assertEquals("discern: internal error: java.lang.IllegalStateException: boom" + System.lineSeparator()
                + "(run again with --verbose for the stack trace)" + System.lineSeparator(), err.toString());
        StringWriter verbose = new StringWriter();
        var v = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(verbose));
        assertEquals(ExitCodes.INTERNAL, Cli.handle(new NullPointerException("x"), v, true));
        assertTrue(verbose.toString().contains("\tat "), verbose.toString());
        assertFalse(verbose.toString().contains("run again"), verbose.toString());
        // write failures that do not come through io's OutputException still say what failed
        StringWriter fs = new StringWriter();
        var f = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(fs));
        assertEquals(ExitCodes.WRITE_FAILED, Cli.handle(new java.nio.file.AccessDeniedException("/x/out.csv"), f, false));
        assertEquals("discern: cannot write /x/out.csv: permission denied" + System.lineSeparator(), fs.toString());
        StringWriter io = new StringWriter();
        var o = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(io));
        assertEquals(ExitCodes.WRITE_FAILED, Cli.handle(new IOException("No space left on device"), o, false));
        assertEquals("discern: cannot write the output: No space left on device" + System.lineSeparator(),
                io.toString());
    }
}

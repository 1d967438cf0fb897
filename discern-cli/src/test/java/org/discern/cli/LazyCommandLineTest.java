package org.discern.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/**
 * A command line that names a built-in subcommand builds only that one (start-up time); the rest
 * gets the whole command line. The same command gives the same output either way.
 */
class LazyCommandLineTest {
    @TempDir
    Path dir;

    @Test
    void theFirstPositionalArgumentChoosesTheSubcommand() {
        assertEquals(EvaluateCommand.class, Cli.builtIn(new String[] {"evaluate", "x.csv"}));
        assertEquals(ThresholdCommand.class, Cli.builtIn(new String[] {"--verbose", "threshold", "x.csv"}));
        assertEquals(ReportCommand.class, Cli.builtIn(new String[] {"report", "--help"}));
        // the whole command line: help, suggestions, plug-ins, the demo, options only
        assertNull(Cli.builtIn(new String[] {}));
        assertNull(Cli.builtIn(new String[] {"--help"}));
        assertNull(Cli.builtIn(new String[] {"help", "evaluate"}));
        assertNull(Cli.builtIn(new String[] {"evalute", "x.csv"}));
        assertNull(Cli.builtIn(new String[] {"train", "x.csv"}));
        assertNull(Cli.builtIn(new String[] {"demo"}));
        assertNull(Cli.builtIn(new String[] {"--", "evaluate", "x.csv"}));
    }

    @Test
    void everyBuiltInCommandIsFoundByItsName() {
        for (Class<?> c : Cli.COMMANDS) {
            String name = c.getAnnotation(Command.class).name();
            assertEquals(c == DemoCommand.class ? null : c, Cli.builtIn(new String[] {name}), name);
        }
    }

    @Test
    void versionOnly() {
        assertTrue(Cli.versionOnly(new String[] {"--version"}));
        assertTrue(Cli.versionOnly(new String[] {"-V", "--verbose"}));
        assertFalse(Cli.versionOnly(new String[] {}));
        assertFalse(Cli.versionOnly(new String[] {"--version", "--help"}));
        assertFalse(Cli.versionOnly(new String[] {"--version", "evaluate"}));
    }

    @Test
    void theWholeCommandLineKeepsEveryCommandInOrder() {
        var cl = Cli.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        List<String> names = List.copyOf(cl.getSubcommands().keySet());
        assertEquals(List.of("evaluate", "compare", "curves", "report", "threshold", "sweep", "calibrate",
                "decision", "demo", "train", "predict", "help"), names);
    }

    @Test
    void sameOutputAsTheWholeCommandLine() throws IOException {
        Path f = Files.writeString(dir.resolve("p.csv"), "label,score\n1,0.9\n0,0.1\n1,0.6\n0,0.7\n1,0.4\n0,0.2\n");
        for (String[] args : List.of(
                new String[] {"evaluate", f.toString(), "--format", "json"},
                new String[] {"threshold", f.toString(), "--by", "f1"},
                new String[] {"evaluate", f.toString(), "--scroe", "p"},
                new String[] {"sweep", "--help"},
                new String[] {"--version"})) {
            CliRunner.Result lazy = CliRunner.run(args);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                    .execute(args);
            String what = String.join(" ", args);
            assertEquals(code, lazy.code(), what);
            assertEquals(out.toString(), lazy.out(), what);
            assertEquals(err.toString(), lazy.err(), what);
        }
    }
}

package org.discern.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.discern.plugin.CommandPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The evaluation command without the training plug-in (this module's class path never has it):
 * train and predict are listed and say how to get them. Plug-in commands are added by
 * {@link Plugins}; the real training plug-in is tested in discern-train.
 */
class PluginsTest {
    private static final String MAVEN = "mvn -B -ntp -DskipTests -pl discern-train -am package";

    @Test
    void helpListsTrainAndPredictAsNotInstalled() {
        CliRunner.Result h = CliRunner.run("--help");
        assertEquals(0, h.code(), h.err());
        String unwrapped = unwrap(h.out());
        assertTrue(unwrapped.contains("\n  train      Not installed: comes with the training plug-in (PyTorch, ~120 MB); "
                + "see 'discern train'.\n"), h.out());
        assertTrue(unwrapped.contains("\n  predict    Not installed: comes with the training plug-in (PyTorch, ~120 "
                + "MB); see 'discern predict'.\n"), h.out());
        // listed after the built-in commands, before help
        assertTrue(h.out().indexOf("\n  demo ") < h.out().indexOf("\n  train ")
                && h.out().indexOf("\n  predict ") < h.out().indexOf("\n  help "), h.out());
    }

    /** The command list with each wrapped summary on one line. */
    private static String unwrap(String help) {
        return help.replaceAll("\n {15}", " ");
    }

    @Test
    void trainAndPredictSayHowToGetThePluginAndExitWithTwo() {
        for (String[] args : List.of(new String[] {"train", "fraud.csv", "--out", "run"},
                new String[] {"train", "synth-fraud", "--out", "f.csv"},
                new String[] {"predict", "--model", "run/weighted", "--data", "new.csv", "--out", "s.csv"},
                new String[] {"predict", "--help"})) {
            CliRunner.Result r = CliRunner.run(args);
            assertEquals(ExitCodes.USAGE, r.code(), String.join(" ", args));
            assertEquals("", r.out());
            assertEquals("discern: '" + args[0] + "' comes with the training plug-in (Deep Java Library and PyTorch, "
                    + "about 120 MB), which is not installed; build it in the Discern checkout with '" + MAVEN
                    + "' and run the command through the launcher ./discern, which then adds "
                    + "discern-train/target/plugin/* to the class path.\n", r.err());
        }
        CliRunner.Result help = CliRunner.run("help", "train");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("which is not installed; build it in the Discern checkout"), help.out());
    }

    @Test
    void throughTheLauncherTheHintIsTheLauncherOption(@TempDir Path dir) {
        String before = System.getProperty("discern.home");
        try {
            System.setProperty("discern.home", Path.of("").toAbsolutePath().toString());
            CliRunner.Result r = CliRunner.run("train", "x.csv");
            assertTrue(r.err().endsWith("which is not installed; install it with: ./discern --install-train.\n"),
                    r.err());
            assertTrue(unwrap(CliRunner.run("--help").out()).contains("\n  train      Not installed: comes with the "
                    + "training plug-in (PyTorch, ~120 MB); install it with ./discern --install-train.\n"));
            // started from elsewhere: the launcher's path
            System.setProperty("discern.home", dir.toString());
            r = CliRunner.run("predict");
            assertTrue(r.err().endsWith("install it with: " + dir.resolve("discern") + " --install-train.\n"),
                    r.err());
        } finally {
            if (before == null) {
                System.clearProperty("discern.home");
            } else {
                System.setProperty("discern.home", before);
            }
        }
    }

    @Test
    void demoTrainStopsBeforeEvaluatingWhenThePluginIsMissing(@TempDir Path dir) {
        CliRunner.Result r = CliRunner.run("demo", "--train", "--examples", Path.of("..", "examples").toString(),
                "--out", dir.toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("discern: 'train' comes with the training plug-in"), r.err());
    }

    @Command(name = "train", header = "A stand-in plug-in command.", mixinStandardHelpOptions = true,
            subcommands = Nested.class)
    static final class FakeTrain implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            throw new CommandLine.ParameterException(spec.commandLine(), "no table");
        }
    }

    @Command(name = "nested", mixinStandardHelpOptions = true)
    static final class Nested implements Callable<Integer> {
        @Override
        public Integer call() {
            return 0;
        }
    }

    @Command(name = "fake", header = "Another plug-in command.", mixinStandardHelpOptions = true,
            version = "fake 9")
    static final class Fake implements Callable<Integer> {
        @Override
        public Integer call() {
            return 0;
        }
    }

    @Test
    void pluginCommandsReplaceTheStandInsAndGetTheVersion() {
        CommandPlugin plugin = () -> List.of(new FakeTrain(), new Fake());
        CommandLine cl = new CommandLine(new Cli());
        Cli.COMMANDS.forEach(cl::addSubcommand); // the built-in commands are added in code
        Plugins.addCommands(cl, List.of(plugin));
        assertEquals(List.of("evaluate", "compare", "curves", "report", "threshold", "sweep", "calibrate", "decision",
                "demo", "train", "fake", "predict", "help"), List.copyOf(cl.getSubcommands().keySet()));
        assertTrue(Plugins.installed(cl, "train"));
        assertFalse(Plugins.installed(cl, "predict"));
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        assertEquals(0, cl.execute("train", "nested", "--version"));
        assertEquals("discern " + VersionProvider.version(), out.toString().lines().findFirst().orElseThrow());
        out.getBuffer().setLength(0);
        assertEquals(0, cl.execute("fake", "--version"));
        assertEquals("fake 9\n", out.toString());
        // a command with the name of another is refused
        CommandLine again = new CommandLine(new Cli());
        CommandPlugin clash = () -> List.of(new Fake(), new Fake());
        org.junit.jupiter.api.Assertions.assertThrows(CommandLine.DuplicateNameException.class,
                () -> Plugins.addCommands(again, List.of(clash)));
    }
}

package org.discern.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Stand-in for a command of the training plug-in when the plug-in is not on the class path:
 * {@code discern --help} lists it with how to install the plug-in, and running it (with any
 * arguments) prints that and exits with 2, as a command that is not available in this
 * installation.
 */
@Command
final class NotInstalledCommand implements Callable<Integer> {
    /** What the training plug-in brings, for the messages. */
    static final String PLUGIN = "the training plug-in (Deep Java Library and PyTorch, about 120 MB)";

    @Spec
    CommandSpec spec;

    /** Whatever the user typed after the command name: not looked at. */
    @Unmatched
    List<String> arguments = new ArrayList<>();

    private NotInstalledCommand() {
    }

    /** A stand-in named {@code name}, ready for {@link CommandLine#addSubcommand(Object)}. */
    static CommandLine commandLine(String name) {
        CommandLine cl = new CommandLine(new NotInstalledCommand());
        CommandSpec spec = cl.getCommandSpec();
        spec.name(name);
        spec.usageMessage().header("Not installed: comes with the training plug-in (PyTorch, ~120 MB); "
                + (Plugins.launcher() != null ? "install it with " + Plugins.launcher() + " " + Plugins.INSTALL_OPTION
                        : "see 'discern " + name + "'") + ".");
        spec.usageMessage().description(message(name));
        return cl;
    }

    /** Why {@code discern NAME} cannot run, and how to get it. */
    static String message(String name) {
        StringBuilder sb = new StringBuilder("'" + name + "' comes with " + PLUGIN + ", which is not installed; "
                + Plugins.installHint() + ".");
        for (String f : Plugins.failures()) {
            sb.append(System.lineSeparator()).append("A plug-in on the class path could not be loaded: ").append(f);
        }
        return sb.toString();
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("discern: " + message(spec.name()));
        err.flush();
        return ExitCodes.USAGE;
    }
}

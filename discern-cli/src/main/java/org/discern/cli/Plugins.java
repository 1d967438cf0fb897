package org.discern.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

import org.discern.plugin.CommandPlugin;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The subcommands that come from plug-ins ({@link CommandPlugin}, found with
 * {@link ServiceLoader} on the class path), and for the known plug-in commands that are absent a
 * stand-in that says how to install them. The launcher {@code ./discern} puts the training
 * plug-in ({@code discern-train/target/plugin/*}) on the class path once it is built.
 */
final class Plugins {
    /** Commands of the training plug-in, in the order {@code discern --help} lists them. */
    static final List<String> TRAINING_COMMANDS = List.of("train", "predict");
    /** The launcher option that builds the training plug-in. */
    static final String INSTALL_OPTION = "--install-train";

    private Plugins() {
    }

    /**
     * The plug-ins on the class path, one per implementation class, and why others could not be
     * loaded.
     */
    private record Found(List<CommandPlugin> plugins, List<String> failures) {
        /** Found once per process. */
        static final Found ON_CLASS_PATH = load();

        private static Found load() {
            List<CommandPlugin> plugins = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            Iterator<ServiceLoader.Provider<CommandPlugin>> it =
                    ServiceLoader.load(CommandPlugin.class, Plugins.class.getClassLoader()).stream().iterator();
            while (true) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    ServiceLoader.Provider<CommandPlugin> p = it.next();
                    // the same jar twice on the class path gives the same provider twice: keep one
                    if (seen.add(p.type().getName())) {
                        plugins.add(p.get());
                    }
                } catch (ServiceConfigurationError | LinkageError e) {
                    // an incomplete plug-in must not break the evaluation commands: its stand-ins say why
                    failures.add(e.toString());
                }
            }
            return new Found(List.copyOf(plugins), List.copyOf(failures));
        }
    }

    /** Why plug-ins on the class path could not be loaded; empty when all loaded. */
    static List<String> failures() {
        return Found.ON_CLASS_PATH.failures();
    }

    /** Adds the plug-ins' commands found on the class path, then the stand-ins, then {@code help}. */
    static void addCommands(CommandLine cl) {
        addCommands(cl, Found.ON_CLASS_PATH.plugins());
    }

    /**
     * Adds every command of {@code plugins} (a command without a version provider gets the
     * {@code discern} one), a stand-in for each training command none of them provided, and
     * picocli's {@code help} command last.
     *
     * @throws CommandLine.DuplicateNameException when a plug-in's command has the name of another
     */
    static void addCommands(CommandLine cl, List<CommandPlugin> plugins) {
        for (CommandPlugin p : plugins) {
            for (Object command : p.commands()) {
                CommandLine sub = new CommandLine(command);
                giveVersion(sub);
                cl.addSubcommand(sub);
            }
        }
        for (String name : TRAINING_COMMANDS) {
            if (!cl.getSubcommands().containsKey(name)) {
                cl.addSubcommand(name, NotInstalledCommand.commandLine(name));
            }
        }
        cl.addSubcommand(new CommandLine.HelpCommand());
    }

    /** Whether {@code name} is a real command here (not a stand-in for a missing plug-in). */
    static boolean installed(CommandLine cl, String name) {
        CommandLine sub = cl.getSubcommands().get(name);
        return sub != null && !(sub.getCommand() instanceof NotInstalledCommand);
    }

    private static void giveVersion(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        if (spec.versionProvider() == null && spec.version().length == 0) {
            spec.versionProvider(new VersionProvider());
        }
        cl.getSubcommands().values().forEach(Plugins::giveVersion);
    }

    /**
     * How to get the training plug-in: the launcher's option when the command runs through the
     * launcher, else the Maven command.
     */
    static String installHint() {
        String launcher = launcher();
        if (launcher == null) {
            return "build it in the Discern checkout with 'mvn -B -ntp -DskipTests -pl discern-train -am package' "
                    + "and run the command through the launcher ./discern, which then adds "
                    + "discern-train/target/plugin/* to the class path";
        }
        return "install it with: " + launcher + " " + INSTALL_OPTION;
    }

    /**
     * The launcher as the user would type it ({@code ./discern} in the checkout, else its path), or
     * null when the command was not started by the launcher (which sets {@code discern.home}).
     */
    static String launcher() {
        String home = System.getProperty("discern.home");
        if (home == null) {
            return null;
        }
        Path h = Path.of(home).toAbsolutePath().normalize();
        return h.equals(Path.of("").toAbsolutePath().normalize()) ? "./discern" : h.resolve("discern").toString();
    }
}

package org.discern.plugin;

import java.util.List;

/**
 * A plug-in of the {@code discern} command: subcommands that live in their own jar, so that the
 * evaluation tool does not carry their dependencies (the training plug-in brings PyTorch).
 *
 * <p>The command finds plug-ins with {@link java.util.ServiceLoader} on its class path (a jar
 * lists its implementation in {@code META-INF/services/org.discern.plugin.CommandPlugin}) and adds
 * every command they return as a subcommand, before it configures output writers and error
 * handling, so a plug-in's commands behave like built-in ones.
 *
 * <p>The contract of a command, the same as for the built-in ones:
 * <ul>
 *   <li>a picocli {@code @Command} object, usually {@code Callable<Integer>} returning the exit
 *       code ({@code 0} on success), with {@code mixinStandardHelpOptions}, a one-line
 *       {@code header} (listed by {@code discern --help}) and examples in its {@code footer}; a
 *       command without a version provider gets the {@code discern} one;</li>
 *   <li>output through {@code spec.commandLine().getOut()} and {@code getErr()}, never
 *       {@code System.out}, never {@code System.exit};</li>
 *   <li>errors as exceptions, which the command maps to exit codes: a
 *       {@code picocli.CommandLine.ParameterException} is a usage error (exit 2); an
 *       {@code org.discern.io.InputException}, {@code IllegalArgumentException} or
 *       {@code IOException} is bad input (exit 3, one message with file, line and column); an
 *       {@code org.discern.io.OutputException} is an output refused before writing (exit 2) or
 *       that failed while writing (exit 1); anything else is an internal error (exit 1). Outputs
 *       go through {@code org.discern.io.OutputFiles} / {@code OutputDirectory}.</li>
 * </ul>
 */
public interface CommandPlugin {

    /**
     * Fresh command objects, one per subcommand (each call returns new ones: picocli keeps option
     * values in them, and the command line may be built more than once in one process).
     *
     * @return picocli {@code @Command} objects, whose names do not clash with built-in commands
     */
    List<Object> commands();
}

package org.discern.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --verbose}, declared once and mixed into the root command and every subcommand, as in
 * picocli's {@code LoggingMixin} example ({@code logging_mixin_advanced}): wherever it is given
 * ({@code discern --verbose evaluate ...} or {@code discern evaluate ... --verbose}) the value is
 * stored on the root command's instance, which the error handler reads.
 */
public final class VerboseOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private boolean verbose;

    @Option(names = "--verbose", description = "Print stack traces on errors.")
    void setVerbose(boolean value) {
        // picocli resets options to false as it enters each command: only ever raise the flag
        if (value) {
            root().verbose = true;
        }
    }

    /** Whether {@code --verbose} was given anywhere on the command line. */
    boolean isVerbose() {
        return root().verbose;
    }

    private VerboseOption root() {
        Object top = mixee == null ? null : mixee.root().userObject();
        return top instanceof Cli cli ? cli.verbosity : this;
    }
}

package org.discern.cli;

import picocli.CommandLine.Option;

/** {@code --format table|json}, declared once for every command that prints results. */
public final class FormatOption {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    /** The chosen format. */
    OutputFormat format() {
        return format;
    }

    /** Whether JSON was asked for. */
    boolean json() {
        return format == OutputFormat.JSON;
    }
}

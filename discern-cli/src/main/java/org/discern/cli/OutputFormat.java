package org.discern.cli;

/** Output formats of the printing commands. */
public enum OutputFormat {
    /** A human-readable table. */
    TABLE,
    /** One JSON object on standard output. */
    JSON
}

package org.discern.io;

/**
 * A setting of an {@link InputSpec} that the input cannot use: a column name for a NumPy input,
 * an archive key for a CSV file, class names for a table. Not a problem of the data: the command
 * line maps it to a usage error (exit code 2).
 */
public final class InputOptionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message what was given, and why it does not apply */
    public InputOptionException(String message) {
        super(message);
    }
}

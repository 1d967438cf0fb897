package org.discern.cli;

/** Exit codes of the {@code discern} command. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** A bug: an unexpected exception. */
    public static final int INTERNAL = 1;
    /** An output could not be written (a full disk, no permission): the message names the path and the reason. */
    public static final int WRITE_FAILED = 1;
    /** Wrong options or arguments, also an output that cannot be used (an input, a device for a directory...). */
    public static final int USAGE = 2;
    /** Input data that cannot be used (malformed file, invalid values). */
    public static final int BAD_INPUT = 3;

    private ExitCodes() {
    }
}

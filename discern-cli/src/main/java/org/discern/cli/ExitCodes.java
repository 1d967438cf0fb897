package org.discern.cli;

/** Exit codes of the {@code discern} command. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** A bug: an unexpected exception. */
    public static final int INTERNAL = 1;
    /** Output that could not be written (the message names the path and the reason). */
    public static final int OUTPUT = 1;
    /** Wrong options or arguments. */
    public static final int USAGE = 2;
    /** Input data that cannot be used (malformed file, invalid values). */
    public static final int BAD_INPUT = 3;

    private ExitCodes() {
    }
}

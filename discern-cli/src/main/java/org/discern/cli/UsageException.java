package org.discern.cli;

/** An option combination or value that the parser could not reject by itself: exit code 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}

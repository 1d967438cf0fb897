package org.discern.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * An output that was refused or could not be written, naming the path as the user gave it and
 * the reason: {@code sweep.csv: No space left on device}, {@code report: exists; use --force to
 * replace it}, {@code cal.json: refusing to write over the input file cal.json}.
 *
 * <p>A <em>refusal</em> ({@link #refused()}) happens before any byte is written: the target is an
 * input, holds an input, is a device where a directory was asked for, exists without permission
 * to replace it... The command line maps refusals to exit code 2 (usage: choose another
 * {@code --out}) and failures to write (a full disk, no permission, an I/O error) to exit code 1.
 * Either way nothing partial is left behind (see {@link OutputFiles} and {@link OutputDirectory}).
 */
public final class OutputException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String reason;
    private final boolean refused;

    private OutputException(String path, String reason, boolean refused, Throwable cause) {
        super(path + ": " + reason, cause);
        this.path = path;
        this.reason = reason;
        this.refused = refused;
    }

    /** The output cannot be used as asked; nothing was written. */
    public static OutputException refused(Path target, String reason) {
        return new OutputException(target.toString(), reason, true, null);
    }

    /** Writing {@code target} failed for {@code cause}'s operating-system reason. */
    public static OutputException failed(Path target, Throwable cause) {
        return new OutputException(target.toString(), reason(cause), false, cause);
    }

    /** The path as the user gave it. */
    public String path() {
        return path;
    }

    /** Why, e.g. {@code No space left on device}. */
    public String reason() {
        return reason;
    }

    /** True for a refusal before writing, false for a failure while writing. */
    public boolean refused() {
        return refused;
    }

    /** The operating system's reason of an I/O failure, without the paths Java adds. */
    static String reason(Throwable t) {
        if (t instanceof OutputException o) {
            return o.reason;
        }
        if (t instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        if (t instanceof java.nio.file.NoSuchFileException) {
            return "No such file or directory";
        }
        if (t instanceof java.nio.file.AccessDeniedException) {
            return "Permission denied";
        }
        if (t instanceof java.nio.file.FileAlreadyExistsException) {
            return "File exists";
        }
        String m = t.getMessage();
        return m == null || m.isEmpty() ? t.getClass().getSimpleName() : m;
    }
}

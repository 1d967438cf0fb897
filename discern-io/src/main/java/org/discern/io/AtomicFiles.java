package org.discern.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Single output files, written whole or not at all and never over an input: shorthands of
 * {@link OutputFiles}, which holds the rules (devices and pipes are written as streams; a
 * directory, a block device or an input is refused).
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Something that writes text to a writer. */
    @FunctionalInterface
    public interface TextWriter extends OutputFiles.Text {
    }

    /**
     * Writes text to {@code target} (UTF-8), as {@link OutputFiles#write}.
     *
     * @param inputs files that must never be overwritten (may be empty; nulls are skipped)
     * @throws OutputException when target is refused (one of the inputs...) or writing fails
     */
    public static void write(Path target, TextWriter content, Path... inputs) throws IOException {
        OutputFiles.write(target, content, inputs);
    }

    /** Writes a string to {@code target} (UTF-8), as {@link OutputFiles#write}. */
    public static void writeString(Path target, String text, Path... inputs) throws IOException {
        OutputFiles.write(target, w -> w.write(text), inputs);
    }

    /**
     * Throws when {@code target} is one of {@code inputs} (same path, same real path or same file)
     * or lies in an input folder.
     */
    public static void refuseInputs(Path target, Path... inputs) throws OutputException {
        InputGuard.of(inputs).checkFile(target);
    }
}

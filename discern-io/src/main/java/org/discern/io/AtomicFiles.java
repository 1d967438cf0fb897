package org.discern.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes output files atomically: into a temporary file in the same directory, then moved over
 * the target, so a reader never sees a half-written file and a failure leaves the old file (or
 * nothing). Refuses to write over any of the given input files.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Something that writes text to a writer. */
    @FunctionalInterface
    public interface TextWriter {
        /** Writes the content. */
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Writes text to {@code target} atomically (UTF-8).
     *
     * @param inputs files that must never be overwritten (may be empty)
     * @throws IOException when target is one of the inputs, or on I/O failure
     */
    public static void write(Path target, TextWriter content, Path... inputs) throws IOException {
        refuseInputs(target, inputs);
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.writeTo(w);
            }
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writes a string to {@code target} atomically (UTF-8). */
    public static void writeString(Path target, String text, Path... inputs) throws IOException {
        write(target, w -> w.write(text), inputs);
    }

    /**
     * Throws when {@code target} is the same file as one of {@code inputs}.
     */
    public static void refuseInputs(Path target, Path... inputs) throws IOException {
        for (Path in : inputs) {
            if (in == null) {
                continue;
            }
            boolean same = Files.exists(target) && Files.exists(in) ? Files.isSameFile(target, in)
                    : target.toAbsolutePath().normalize().equals(in.toAbsolutePath().normalize());
            if (same) {
                throw new InputException(target.toString(), 0, null,
                        "refusing to write over the input file " + in);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

package org.discern.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * An output directory (a report, a training run) written whole or not at all, never over or
 * around an input: the one way Discern writes a directory.
 *
 * <p>{@link #write} checks the target before anything is written ({@link #check}), fills a hidden
 * staging directory beside it ({@code .NAME.discern-tmp-*}), then moves it into place:
 * <ul>
 *   <li>when the target does not exist, it is claimed with an atomic {@code mkdir} and the
 *       finished staging directory renamed over the empty claim: of several runs writing the same
 *       new directory at once exactly one wins, the others fail with "exists" and leave nothing;</li>
 *   <li>an existing target is replaced only when asked ({@code replace}, the {@code --force}
 *       option) and only when it is a directory Discern wrote (it holds the marker file
 *       {@value #MARKER}) or an empty directory; never a regular file, a device, a FIFO, a symbolic
 *       link or any other directory. The old directory is renamed aside, the new one renamed in,
 *       then the old one deleted; a failure puts the old one back.</li>
 * </ul>
 * The target must not be an input, hold one (compared by real path, so also when the input is
 * reached through a symbolic link), or lie in an input folder. A failure while writing (a full
 * disk) or SIGINT/SIGTERM deletes the staging directory and leaves the target as it was.
 */
public final class OutputDirectory {
    /** Name of the marker file in every directory Discern writes. */
    public static final String MARKER = ".discern";

    /** What fills the directory. */
    @FunctionalInterface
    public interface Content {
        /** Writes the files into {@code dir} (the staging directory, empty but for the marker). */
        void writeInto(Path dir) throws IOException;
    }

    private OutputDirectory() {
    }

    /**
     * Refuses a target that cannot be written: call it before long work to fail early;
     * {@link #write} checks again.
     *
     * @param replace whether an existing directory written by Discern may be replaced
     * @throws OutputException (a refusal) when the target exists and may not be replaced, is not a
     *     directory, is or holds an input, or lies in an input folder
     */
    public static void check(Path target, boolean replace, Path... inputs) throws OutputException {
        InputGuard.of(inputs).checkDirectory(target);
        BasicFileAttributes a = attributes(target);
        if (a == null) {
            return;
        }
        if (a.isSymbolicLink()) {
            throw OutputException.refused(target, "is a symbolic link; give the directory itself");
        }
        if (!a.isDirectory()) {
            throw OutputException.refused(target, "exists and is not a directory; choose another name");
        }
        if (!replace) {
            throw OutputException.refused(target, "exists; use --force to replace it");
        }
        if (!ours(target)) {
            throw OutputException.refused(target, "is not a directory written by discern (it has no " + MARKER
                    + " file); refusing to replace it: remove it yourself or choose another name");
        }
    }

    /**
     * Writes the directory (see the class comment).
     *
     * @param kind what it is, written into the marker file (e.g. {@code report})
     * @return the target, absolute and normalised
     * @throws OutputException when refused (nothing written) or when writing fails (nothing left)
     * @throws IOException what the content itself throws (e.g. reading an input), after cleaning up
     */
    public static Path write(Path target, boolean replace, String kind, Content content, Path... inputs)
            throws IOException {
        check(target, replace, inputs);
        Path abs = target.toAbsolutePath().normalize();
        Transaction tx = new Transaction(target, abs);
        PendingOutputs.register(tx);
        try {
            Path staging = tx.stage(kind);
            try {
                content.writeInto(staging);
            } catch (OutputException e) {
                throw e.refused() ? e : tx.failed(e);
            } catch (InputException e) {
                throw e;
            } catch (IOException e) {
                throw tx.failed(e);
            } catch (java.io.UncheckedIOException e) {
                throw tx.failed(e.getCause());
            }
            tx.commit(replace, inputs);
        } catch (IOException | RuntimeException | Error e) {
            tx.rollBack();
            throw e;
        } finally {
            PendingOutputs.unregister(tx);
        }
        return abs;
    }

    private static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    /** A directory Discern wrote (marker file present), or an empty directory. */
    private static boolean ours(Path dir) throws OutputException {
        if (Files.isRegularFile(dir.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw OutputException.refused(dir, "cannot be read: " + OutputException.reason(e));
        }
    }

    /** The staging directory, the claim and the old directory of one write; rolled back on failure or exit. */
    private static final class Transaction implements PendingOutputs.Pending {
        private final Path target;
        private final Path abs;
        private final List<Path> createdDirs = new ArrayList<>();
        private Path staging;
        private Path claim;
        private Path aside;
        private boolean committed;
        private boolean closed;

        Transaction(Path target, Path abs) {
            this.target = target;
            this.abs = abs;
        }

        synchronized Path stage(String kind) throws IOException {
            try {
                OutputFiles.createDirectories(abs.getParent(), createdDirs);
                staging = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".discern-tmp-");
                if (staging.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    // temporary directories are owner-only; the output is an ordinary directory (0755)
                    Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
                Path marker = staging.resolve(MARKER);
                Files.writeString(marker, "This directory was written by discern (" + kind + ").\n"
                        + "discern may replace it as a whole when run with --force.\n", StandardCharsets.UTF_8);
                OutputFiles.readableByAll(marker);
                return staging;
            } catch (IOException e) {
                throw OutputException.failed(target, e);
            }
        }

        /** A write failure inside the staging directory, named by the path it will have in the target. */
        OutputException failed(Throwable e) {
            if (e instanceof java.nio.file.FileSystemException f && f.getFile() != null && staging != null) {
                Path file = Path.of(f.getFile()).toAbsolutePath().normalize();
                if (file.startsWith(staging)) {
                    return OutputException.failed(target.resolve(staging.relativize(file)), e);
                }
            }
            OutputException ours = OutputFiles.ours(e);
            if (ours != null && staging != null) {
                Path file = Path.of(ours.path()).toAbsolutePath().normalize();
                if (file.startsWith(staging)) {
                    return OutputException.failed(target.resolve(staging.relativize(file)), e);
                }
            }
            return OutputException.failed(target, e);
        }

        synchronized void commit(boolean replace, Path... inputs) throws IOException {
            if (closed) {
                throw OutputException.failed(target, new IOException("interrupted"));
            }
            check(target, replace, inputs);
            try {
                if (attributes(abs) == null) {
                    try {
                        claim = Files.createDirectory(abs);
                    } catch (FileAlreadyExistsException e) {
                        throw OutputException.refused(target, "exists; use --force to replace it");
                    }
                } else if (!empty(abs)) {
                    if (!replace) {
                        // it was empty at the check: another run finished into it meanwhile, and won
                        throw OutputException.refused(target, "exists; use --force to replace it");
                    }
                    aside = abs.resolveSibling("." + abs.getFileName() + ".discern-old-" + UUID.randomUUID());
                    Files.move(abs, aside, StandardCopyOption.ATOMIC_MOVE);
                }
                try {
                    move(staging, abs);
                } catch (IOException e) {
                    if (aside != null) {
                        Files.move(aside, abs, StandardCopyOption.ATOMIC_MOVE);
                        aside = null;
                    }
                    if ((claim != null || !replace) && isNotEmpty(e)) {
                        // another run filled our claim first: it won
                        claim = null;
                        throw OutputException.refused(target, "exists; use --force to replace it");
                    }
                    throw e;
                }
                committed = true;
                claim = null;
                staging = null;
            } catch (OutputException e) {
                throw e;
            } catch (IOException e) {
                throw OutputException.failed(target, e);
            }
            if (aside != null) {
                Path old = aside;
                PendingOutputs.deleteTree(old);
                aside = null;
            }
        }

        private static boolean isNotEmpty(IOException e) {
            return e instanceof java.nio.file.DirectoryNotEmptyException
                    || (e instanceof java.nio.file.FileSystemException f && f.getReason() != null
                            && (f.getReason().contains("not empty") || f.getReason().contains("File exists")));
        }

        private static boolean empty(Path dir) throws IOException {
            try (Stream<Path> s = Files.list(dir)) {
                return s.findAny().isEmpty();
            }
        }

        @Override
        public synchronized void rollBack() {
            closed = true;
            try {
                if (staging != null) {
                    PendingOutputs.deleteTree(staging);
                    staging = null;
                }
                if (!committed && aside != null && attributes(abs) == null) {
                    Files.move(aside, abs, StandardCopyOption.ATOMIC_MOVE);
                    aside = null;
                }
                if (committed && aside != null) {
                    PendingOutputs.deleteTree(aside);
                    aside = null;
                }
                if (claim != null) {
                    Files.deleteIfExists(claim);
                    claim = null;
                }
            } catch (IOException e) {
                // best effort
            }
            if (!committed) {
                OutputFiles.removeCreated(createdDirs);
            }
        }

        private static void move(Path from, Path to) throws IOException {
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot rename " + from + " to " + to + " atomically", e);
            }
        }
    }
}

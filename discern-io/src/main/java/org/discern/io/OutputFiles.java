package org.discern.io;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Output files written whole or not at all, never over an input: the one way Discern writes a
 * file. Add the files of one output with {@link #text} and {@link #bytes}, then {@link #commit()}:
 *
 * <ol>
 *   <li>every target is checked before any byte is written: it must not be an input (same path,
 *       same real path through symbolic links, or the same file through a hard link), nor lie in an
 *       input folder; it must be absent, a regular file (replaced), or, for a single-file output, a
 *       character device or a FIFO (see below); a directory, a block device or a dangling link is
 *       refused;</li>
 *   <li>each file is written to a hidden temporary file beside its target
 *       ({@code .NAME.*.discern-tmp}); a failure (a full disk) deletes them all, and the targets
 *       and their folders are as before;</li>
 *   <li>only when every file is complete are they renamed over their targets (a symbolic link to
 *       a regular file is kept: the file it points to is replaced).</li>
 * </ol>
 *
 * <p>A single-file output whose target is a character device or a FIFO (e.g. {@code /dev/null},
 * {@code /dev/stdout}, a named pipe), or any path under {@code /dev/} or {@code /proc/}, is
 * written to as a stream, opened for appending: never renamed over or truncated away. Writing failures name the path and
 * the operating system's reason ({@link OutputException}); temporary files are also removed when the
 * JVM is stopped by SIGINT or SIGTERM meanwhile ({@link PendingOutputs}).
 *
 * <p>Renaming needs no disk space, so a full disk never leaves a mix of old and new files; only a
 * crash (SIGKILL, power loss) during the final renames of a multi-file output can.
 */
public final class OutputFiles {
    /** Text content, written as UTF-8. */
    @FunctionalInterface
    public interface Text {
        /** Writes the content. */
        void writeTo(Writer out) throws IOException;
    }

    /** Binary content. */
    @FunctionalInterface
    public interface Bytes {
        /** Writes the content (the stream is closed by the caller). */
        void writeTo(OutputStream out) throws IOException;
    }

    private record Entry(Path target, Bytes content) {
    }

    private final Path[] inputs;
    private final List<Entry> entries = new ArrayList<>();
    private boolean used;

    private OutputFiles(Path[] inputs) {
        this.inputs = inputs.clone();
    }

    /** A new output that will never be written over (or into) any of {@code inputs} (nulls skipped). */
    public static OutputFiles protecting(Path... inputs) {
        return new OutputFiles(inputs);
    }

    /** Writes one text file (UTF-8); see the class comment. */
    public static void write(Path target, Text content, Path... inputs) throws IOException {
        protecting(inputs).text(target, content).commit();
    }

    /** Writes one binary file; see the class comment. */
    public static void writeBytes(Path target, Bytes content, Path... inputs) throws IOException {
        protecting(inputs).bytes(target, content).commit();
    }

    /** Adds a text file (UTF-8) to this output. */
    public OutputFiles text(Path target, Text content) {
        return bytes(target, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            content.writeTo(w);
            w.flush();
        });
    }

    /** Adds a binary file to this output. */
    public OutputFiles bytes(Path target, Bytes content) {
        if (used) {
            throw new IllegalStateException("this output was already committed");
        }
        entries.add(new Entry(target, content));
        return this;
    }

    /**
     * Checks every target, writes every file, then renames them into place; on any failure
     * nothing is left (see the class comment).
     *
     * @return the targets, in the order added
     * @throws OutputException when a target is refused (before anything is written) or writing fails
     * @throws IOException what the content itself throws (e.g. reading an input), after cleaning up
     */
    public List<Path> commit() throws IOException {
        if (used) {
            throw new IllegalStateException("this output was already committed");
        }
        used = true;
        InputGuard guard = InputGuard.of(inputs);
        boolean single = entries.size() == 1;
        Set<Path> seen = new HashSet<>();
        List<Boolean> streams = new ArrayList<>();
        for (Entry e : entries) {
            boolean stream = check(e.target, guard, single);
            if (!seen.add(InputGuard.real(e.target))) {
                throw new IllegalArgumentException("the output names " + e.target + " twice");
            }
            streams.add(stream);
        }
        Transaction tx = new Transaction();
        PendingOutputs.register(tx);
        try {
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                if (streams.get(i)) {
                    stream(e);
                } else {
                    tx.stage(e);
                }
            }
            tx.commit();
        } catch (IOException | RuntimeException | Error ex) {
            tx.rollBack();
            throw ex;
        } finally {
            PendingOutputs.unregister(tx);
        }
        List<Path> out = new ArrayList<>();
        entries.forEach(e -> out.add(e.target));
        return out;
    }

    /**
     * Refuses an unusable target; returns true when it is to be written as a stream.
     */
    private static boolean check(Path target, InputGuard guard, boolean single) throws OutputException {
        String abs = target.toAbsolutePath().normalize().toString();
        boolean special = abs.startsWith("/dev/") || abs.startsWith("/proc/");
        BasicFileAttributes a = attributes(target, true);
        if (a == null && InputGuard.present(target) && !special) {
            throw OutputException.refused(target, "is a symbolic link to nothing; give the path to write");
        }
        if (a != null && a.isDirectory()) {
            throw OutputException.refused(target, "is a directory; give a file name");
        }
        boolean regular = a == null || a.isRegularFile();
        boolean device = a != null && a.isOther();
        if (device && isBlockDevice(target)) {
            throw OutputException.refused(target, "is a block device; refusing to write to it");
        }
        if (device && isSocket(target)) {
            throw OutputException.refused(target, "is a socket; give a file name");
        }
        boolean stream = device || (special && a != null);
        if (stream && !single) {
            throw OutputException.refused(target, "is not a regular file; an output of several files needs"
                    + " regular files");
        }
        if (!(stream && isCharacterDevice(target))) {
            guard.checkFile(target);
        }
        if (!stream && !regular) {
            throw OutputException.refused(target, "is not a regular file");
        }
        return stream;
    }

    private static BasicFileAttributes attributes(Path p, boolean follow) {
        try {
            return follow ? Files.readAttributes(p, BasicFileAttributes.class)
                    : Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static boolean isBlockDevice(Path p) {
        return "block".equals(unixType(p));
    }

    private static boolean isCharacterDevice(Path p) {
        return "character".equals(unixType(p));
    }

    private static boolean isSocket(Path p) {
        return "socket".equals(unixType(p));
    }

    /** character, block, fifo, socket, or null (from the unix:mode attribute, where supported). */
    private static String unixType(Path p) {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode");
            return switch (mode & 0170000) {
                case 0020000 -> "character";
                case 0060000 -> "block";
                case 0010000 -> "fifo";
                case 0140000 -> "socket";
                default -> null;
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return null;
        }
    }

    /** Writes to a device or pipe as it is (no temporary file, nothing renamed over it). */
    private static void stream(Entry e) throws IOException {
        OutputStream os;
        try {
            // appending: a redirected /dev/stdout keeps what is already in it
            os = Files.newOutputStream(e.target, java.nio.file.StandardOpenOption.WRITE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException ex) {
            throw OutputException.failed(e.target, ex);
        }
        try (OutputStream out = new Guarded(os, e.target)) {
            write(e, out);
        }
    }

    private static void write(Entry e, OutputStream out) throws IOException {
        try {
            e.content.writeTo(out);
            out.flush();
        } catch (IOException ex) {
            OutputException ours = ours(ex);
            throw ours != null ? ours : ex;
        }
    }

    /** The write failure of ours that caused {@code t} (libraries such as ImageIO wrap it), or null. */
    static OutputException ours(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutputException o) {
                return o;
            }
        }
        return null;
    }

    /** Output stream whose failures are {@link OutputException}s naming the target. */
    private static final class Guarded extends FilterOutputStream {
        private final Path target;

        Guarded(OutputStream out, Path target) {
            super(out);
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw OutputException.failed(target, e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw OutputException.failed(target, e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw OutputException.failed(target, e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                throw OutputException.failed(target, e);
            }
        }
    }

    /** The temporary files of one commit; rolled back from the shutdown hook too. */
    private static final class Transaction implements PendingOutputs.Pending {
        private final List<Path> temps = new ArrayList<>();
        private final List<Path> finals = new ArrayList<>();
        private final List<Entry> staged = new ArrayList<>();
        private final List<Path> createdDirs = new ArrayList<>();
        private boolean done;

        void stage(Entry e) throws IOException {
            Path tmp;
            synchronized (this) {
                if (done) {
                    throw OutputException.failed(e.target, new IOException("interrupted"));
                }
                try {
                    Path parent = e.target.toAbsolutePath().getParent();
                    createDirectories(parent, createdDirs);
                    Path real = InputGuard.real(e.target);
                    tmp = Files.createTempFile(real.getParent(), "." + real.getFileName() + ".", ".discern-tmp");
                    temps.add(tmp);
                    finals.add(real);
                    staged.add(e);
                } catch (IOException ex) {
                    throw OutputException.failed(e.target, ex);
                }
            }
            try (OutputStream out = new Guarded(Files.newOutputStream(tmp), e.target)) {
                write(e, out);
            } catch (java.nio.file.NoSuchFileException ex) {
                throw OutputException.failed(e.target, ex);
            }
            try {
                readableByAll(tmp);
            } catch (IOException ex) {
                throw OutputException.failed(e.target, ex);
            }
        }

        synchronized void commit() throws IOException {
            if (done) {
                throw OutputException.failed(staged.isEmpty() ? Path.of("output") : staged.get(0).target,
                        new IOException("interrupted"));
            }
            for (int i = 0; i < temps.size(); i++) {
                Path target = staged.get(i).target;
                Path real = finals.get(i);
                BasicFileAttributes a = attributes(real, false);
                if (a != null && !a.isRegularFile()) {
                    // appeared meanwhile: never rename over a directory, link, device or pipe
                    throw OutputException.refused(target, "is no longer a regular file");
                }
                try {
                    move(temps.get(i), real);
                } catch (IOException ex) {
                    throw OutputException.failed(target, ex);
                }
                temps.set(i, null);
            }
            done = true;
        }

        @Override
        public synchronized void rollBack() {
            done = true;
            for (Path t : temps) {
                if (t != null) {
                    try {
                        Files.deleteIfExists(t);
                    } catch (IOException e) {
                        // best effort
                    }
                }
            }
            removeCreated(createdDirs);
        }
    }

    /** Creates {@code dir} and missing ancestors, recording the ones created (outermost first). */
    static void createDirectories(Path dir, List<Path> created) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            try {
                Files.createDirectory(p);
                created.add(p);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (!Files.isDirectory(p)) {
                    throw e;
                }
            }
        }
    }

    /** Removes the directories created for an output that did not happen (only if still empty). */
    static void removeCreated(List<Path> created) {
        for (int i = created.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(created.get(i));
            } catch (IOException e) {
                // not empty (someone else's files) or gone: leave it
            }
        }
        created.clear();
    }

    /**
     * Temporary files are created owner-only (0600); outputs get the usual 0644, as if written
     * directly under the common umask 022.
     */
    static void readableByAll(Path p) throws IOException {
        if (p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

package org.discern.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.discern.io.HeapLimitException;

/**
 * Running out of Java heap, in any thread, is one clear message and exit code 1: never a hang,
 * never a stack trace (unless {@code --verbose}).
 *
 * <p>Why the JVM used to hang: a fork-join worker that runs out of memory while finishing its
 * task can die without completing it (the error is thrown again while recording the failure),
 * and the main thread then waits for that task for ever. The full heap also made the JVM unable
 * to start the thread that handles SIGTERM ("OutOfMemoryError occurred dispatching signal
 * SIGTERM"), so it survived {@code kill}. Now:
 * <ul>
 *   <li>{@link Main} catches an {@link OutOfMemoryError} of the command's thread (and the CLI's
 *       execution handler one wrapped in another exception);</li>
 *   <li>every other thread that dies of an uncaught {@link VirtualMachineError} reaches the default
 *       handler installed by {@link #install}, which prints the message and exits the JVM
 *       (running the shutdown hooks, which remove unfinished outputs), so a waiting main thread
 *       cannot hang;</li>
 *   <li>a full heap may stay full (the main thread holds the data, other threads still
 *       allocate), so reporting allocates nothing: the message is prepared as bytes in advance
 *       (again whenever the read moves on) and written straight to the standard error's file
 *       descriptor; a reserve of {@value #RESERVE_BYTES} bytes is released for the stack trace of
 *       {@code --verbose} and the shutdown hooks; if even {@link System#exit} fails for lack of
 *       memory, the JVM is halted (then without the hooks).</li>
 * </ul>
 * {@code -XX:+ExitOnOutOfMemoryError} would exit at the first failed allocation with exit code 3
 * (bad input data, to Discern) and the JVM's own one-line message; {@code -XX:OnOutOfMemoryError}
 * writes its report to standard output (the JSON a user pipes): neither is used.
 *
 * <p>The message says what was read so far (reported by {@link Progress}), the heap limit and how
 * to raise it ({@code DISCERN_JAVA_OPTS=-Xmx8g ./discern ...} with the launcher, {@code java
 * -Xmx8g -jar ...} without), with an estimate of the heap needed when part of a file was read.
 */
final class OutOfMemory {
    static final int RESERVE_BYTES = 4 << 20;

    private static volatile byte[] reserve;
    private static final AtomicBoolean REPORTED = new AtomicBoolean();
    // set when the first reporter has printed: the others wait for it before exiting
    private static volatile boolean printed;
    private static volatile PrintWriter err;
    // standard error without any Java-side buffer or encoder: writing to it allocates nothing
    private static volatile FileOutputStream rawErr;
    private static volatile boolean verbose;
    private static volatile String command = "";
    // the message as it would be printed now, encoded
    private static volatile byte[] prepared;

    // what was being read: the file, its size and how far (bytes, rows); done when read whole
    private static volatile String file;
    private static volatile long bytesRead;
    private static volatile long totalBytes;
    private static volatile long rowsRead = -1;
    private static volatile boolean fileDone;

    private OutOfMemory() {
    }

    /**
     * Installs the reserve and the default handler of uncaught errors; called once by
     * {@link Main} before the command runs.
     *
     * @param errors where the message goes (the process's standard error)
     * @param args the command line (the subcommand goes into the message, {@code --verbose} adds
     *     the stack trace)
     */
    static void install(PrintWriter errors, String[] args) {
        err = errors;
        rawErr = new FileOutputStream(FileDescriptor.err);
        reserve = new byte[RESERVE_BYTES];
        for (String a : args) {
            verbose |= a.equals("--verbose");
        }
        for (String a : args) {
            if (!a.startsWith("-")) {
                command = a;
                break;
            }
        }
        prepare();
        Thread.setDefaultUncaughtExceptionHandler(new Handler(Thread.getDefaultUncaughtExceptionHandler()));
        // link every call on the way from a dying thread into the handler now: linking them when
        // the heap is full can itself run out of memory, and the thread then dies unreported
        Thread.currentThread().getThreadGroup().uncaughtException(Thread.currentThread(), WARM_UP);
        try {
            rawErr.write(new byte[0]);
        } catch (IOException ignored) {
            // standard error closed: nothing to say then
        }
    }

    /** Passed through the handler once at start; ignored. */
    private static final Error WARM_UP = new Error("warm-up", null, false, false) {
        private static final long serialVersionUID = 1L;
    };

    /**
     * The default handler of uncaught exceptions: a thread dying of a {@link VirtualMachineError}
     * reports it and exits the JVM (halts it when even that fails); anything else goes to the
     * handler there was before.
     */
    private static final class Handler implements Thread.UncaughtExceptionHandler {
        private final Thread.UncaughtExceptionHandler previous;

        Handler(Thread.UncaughtExceptionHandler previous) {
            this.previous = previous;
        }

        @Override
        public void uncaughtException(Thread thread, Throwable t) {
            if (t == WARM_UP) {
                return;
            }
            if (t instanceof VirtualMachineError) {
                int code = ExitCodes.INTERNAL;
                try {
                    code = t instanceof OutOfMemoryError oom ? report(oom, err) : internal(thread, t);
                    System.exit(code);
                } catch (Throwable cannot) {
                    Runtime.getRuntime().halt(code);
                }
            } else if (previous != null) {
                previous.uncaughtException(thread, t);
            } else {
                // what the JVM does without a default handler
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                t.printStackTrace(System.err);
            }
        }
    }

    /** Progress of a read: called by {@link Progress}. */
    static void reading(String name, long bytes, long total, long rows) {
        file = name;
        bytesRead = bytes;
        totalBytes = total;
        rowsRead = rows;
        fileDone = false;
        prepare();
    }

    /** A file read whole: called by {@link Progress}. */
    static void read(String name, long rows) {
        file = name;
        rowsRead = rows;
        fileDone = true;
        prepare();
    }

    private static void prepare() {
        prepared = (message(Runtime.getRuntime().maxMemory()) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The OutOfMemoryError in {@code t} or its causes, or null. */
    static OutOfMemoryError find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OutOfMemoryError oom) {
                return oom;
            }
        }
        return null;
    }

    /**
     * Prints the message once (the first thread to report wins; the others wait until it is
     * printed) and returns exit code 1. To the process's standard error ({@code w} is the writer
     * {@link #install} was given) the prepared bytes go straight to the file descriptor; to
     * another writer (a test's), as text.
     */
    static int report(OutOfMemoryError e, PrintWriter w) {
        reserve = null;
        if (!REPORTED.compareAndSet(false, true)) {
            awaitPrinted();
            return ExitCodes.INTERNAL;
        }
        try {
            FileOutputStream raw = rawErr;
            byte[] text = prepared;
            if (w == err && raw != null && text != null) {
                try {
                    w.flush();
                    raw.write(text);
                } catch (IOException | OutOfMemoryError ignored) {
                    // nothing else can be done: the exit code still says it failed
                }
            } else if (w != null) {
                w.println(message(Runtime.getRuntime().maxMemory()));
            }
            if (verbose && w != null) {
                e.printStackTrace(w);
            }
            if (w != null) {
                w.flush();
            }
        } catch (OutOfMemoryError again) {
            // the stack trace did not fit: the message is out
        } finally {
            printed = true;
        }
        return ExitCodes.INTERNAL;
    }

    /** A refusal before allocating: its message and how to raise the limit; exit code 1. */
    static int refused(HeapLimitException e, PrintWriter w) {
        w.println("discern: " + e.getMessage() + ".");
        w.println("  Run again with a larger heap: " + raise(e.needed()));
        if (verbose) {
            e.printStackTrace(w);
        }
        w.flush();
        return ExitCodes.INTERNAL;
    }

    private static void awaitPrinted() {
        for (int i = 0; i < 500 && !printed; i++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static int internal(Thread thread, Throwable t) {
        reserve = null;
        if (!REPORTED.compareAndSet(false, true)) {
            awaitPrinted();
            return ExitCodes.INTERNAL;
        }
        try {
            PrintWriter w = err;
            w.println("discern: internal error in thread " + thread.getName() + ": " + t);
            if (verbose) {
                t.printStackTrace(w);
            } else {
                w.println("(run again with --verbose for the stack trace)");
            }
            w.flush();
        } catch (OutOfMemoryError again) {
            // the exit code still says it failed
        } finally {
            printed = true;
        }
        return ExitCodes.INTERNAL;
    }

    /**
     * The message for a heap limit of {@code max} bytes, from what is known of the read: how far
     * it got, and (when part of a file was read) the heap the whole file needs, scaled up from
     * the part read, with a quarter more for the work after reading.
     */
    static String message(long max) {
        String limit = HeapLimitException.bytes(max);
        StringBuilder m = new StringBuilder("discern: out of memory: the Java heap (limit ").append(limit)
                .append(") is full");
        long suggest = 2 * max;
        String name = file;
        long rows = rowsRead;
        if (name != null && rows >= 0) {
            if (fileDone) {
                m.append(String.format(Locale.ROOT, " after reading all %,d rows of %s", rows, name));
            } else {
                long total = totalBytes;
                long bytes = bytesRead;
                m.append(String.format(Locale.ROOT, " after reading %,d rows of %s", rows, name));
                if (total > 0 && bytes > 0) {
                    m.append(String.format(Locale.ROOT, " (%d%% of the file)", Math.min(99, 100 * bytes / total)));
                    long need = (long) Math.min(max * (double) total / bytes * 1.25, Long.MAX_VALUE / 4.0);
                    suggest = Math.max(need, max + (64L << 20));
                    m.append("; the whole file needs about ").append(HeapLimitException.bytes(need));
                }
            }
        }
        m.append(".\n  Run again with a larger heap: ").append(raise(suggest));
        return m.toString();
    }

    /**
     * How to run the same command with a heap of at least {@code bytes}: through the launcher, or
     * java -jar.
     */
    static String raise(long bytes) {
        String cmd = command.isEmpty() ? "..." : command + " ...";
        String xmx = xmx(bytes);
        if (System.getProperty("discern.home") != null) {
            return "DISCERN_JAVA_OPTS=" + xmx + " ./discern " + cmd;
        }
        return "java " + xmx + " -jar discern.jar " + cmd;
    }

    /** -Xmx of at least {@code bytes}: whole gigabytes from 1 GB on, else a multiple of 256 MB. */
    static String xmx(long bytes) {
        if (bytes > (1L << 30) - (256L << 20)) {
            return "-Xmx" + Math.max(1, (bytes + (1L << 30) - 1) >> 30) + "g";
        }
        long quarters = Math.max(1, (bytes + (256L << 20) - 1) >> 28);
        return "-Xmx" + quarters * 256 + "m";
    }

    /** Forgets the state of a run (tests run several commands in one JVM). */
    static void reset() {
        file = null;
        rowsRead = -1;
        fileDone = false;
        REPORTED.set(false);
        printed = false;
    }
}

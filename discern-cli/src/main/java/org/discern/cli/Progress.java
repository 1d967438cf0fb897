package org.discern.cli;

import java.io.PrintWriter;
import java.util.Locale;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.discern.io.ProgressListener;
import org.discern.report.ReportProgress;

/**
 * Progress on standard error. Reading: a progress bar on a terminal, plain lines (at most one
 * every 2 seconds) otherwise. The report's later steps (computing, drawing, writing): plain lines
 * "drawing charts: 3 of 9", at most one every 2 seconds per step and always the step's last, at
 * 100% of its true total. Nothing at all for work that finishes within a second.
 */
final class Progress implements ProgressListener, ReportProgress {
    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final long LINE_EVERY_NANOS = 2_000_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private final long quietNanos;
    private final long start = System.nanoTime();
    private long lastLine;
    private ProgressBar bar;
    private String lastStep;
    private long lastStepLine;
    private final java.util.Set<String> notes = new java.util.HashSet<>();

    Progress(PrintWriter err, boolean terminal, long quietNanos) {
        this.err = err;
        this.terminal = terminal;
        this.quietNanos = quietNanos;
    }

    /** Progress for the given error writer; a bar only when attached to a console. */
    static Progress to(PrintWriter err) {
        return new Progress(err, System.console() != null, QUIET_NANOS);
    }

    /** The bar's text after the rate: set apart from it, so "33.2 MB/s (983,040 rows)". */
    static String rowsText(long rows) {
        return String.format(Locale.ROOT, " (%,d rows)", rows);
    }

    /** A warning about the input (e.g. the rows --drop-invalid left out), at once. */
    void warning(String message) {
        err.println("warning: " + message);
        err.flush();
    }

    @Override
    public void note(String file, String message) {
        String line = "note: " + file + ": " + message;
        if (notes.add(line)) {
            err.println(line);
            err.flush();
        }
    }

    @Override
    public void progress(String file, long bytes, long total, long rows) {
        OutOfMemory.reading(file, bytes, total, rows);
        long now = System.nanoTime();
        if (now - start < quietNanos) {
            return;
        }
        if (terminal && total > 0) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName("reading").setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setUnit(" MB", 1 << 20).showSpeed()
                        .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                        .build();
            }
            bar.stepTo(bytes);
            bar.setExtraMessage(rowsText(rows));
            return;
        }
        if (now - lastLine >= LINE_EVERY_NANOS) {
            lastLine = now;
            String pct = total > 0 ? String.format(Locale.ROOT, "%3.0f%%, ", 100.0 * bytes / total) : "";
            err.println(String.format(Locale.ROOT, "reading %s: %s%,d rows", file, pct, rows));
            err.flush();
        }
    }

    @Override
    public void done(String file, long rows) {
        OutOfMemory.read(file, rows);
        if (bar != null) {
            // the last report came up to 64k rows (one chunk) before the end: show the true total
            bar.setExtraMessage(rowsText(rows));
            bar.stepTo(bar.getMax());
            bar.close();
            bar = null;
        }
        long elapsed = System.nanoTime() - start;
        if (elapsed >= quietNanos) {
            err.println(String.format(Locale.ROOT, "read %s: %,d rows in %.1f s", file, rows, elapsed / 1e9));
            err.flush();
        }
    }

    @Override
    public synchronized void step(String step, long done, long total) {
        long now = System.nanoTime();
        boolean last = done >= total;
        boolean fresh = !step.equals(lastStep);
        if (fresh) {
            lastStep = step;
            lastStepLine = now;
        }
        // a step's start, its end, and a line every 2 s between them: never a long silence
        if (now - start < quietNanos || !(last || (fresh && done == 0) || now - lastStepLine >= LINE_EVERY_NANOS)) {
            return;
        }
        lastStepLine = now;
        err.println(stepText(step, done, total, (now - start) / 1e9));
        err.flush();
    }

    /** "drawing charts: 3 of 9 (12.3 s)"; a step of one unit is "computing the evaluation: done (1.2 s)". */
    static String stepText(String step, long done, long total, double seconds) {
        if (total == 1) {
            return String.format(Locale.ROOT, "%s: %s (%.1f s)", step, done >= 1 ? "done" : "started", seconds);
        }
        return String.format(Locale.ROOT, "%s: %,d of %,d (%.1f s)", step, done, total, seconds);
    }
}

package org.discern.report;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The report's chart images as ONE list: each entry names the files it writes and draws them. The
 * page's file index lists {@link #files()} and {@link #writeInto(Path)} draws the same entries, so
 * the index cannot name a file that is not written, nor miss one that is.
 */
final class ChartSet {
    /** Draws one chart into the files it names, under the charts directory. */
    interface Draw {
        void into(Path charts) throws IOException;
    }

    /** One chart: its file names (PNG, SVG...) and how to draw them. */
    record Chart(List<String> files, Draw draw) {
        Chart {
            files = List.copyOf(files);
        }
    }

    private final List<Chart> charts = new ArrayList<>();

    /** Adds a chart writing the given files. */
    ChartSet add(Draw draw, String... files) {
        charts.add(new Chart(List.of(files), draw));
        return this;
    }

    /** The charts in order. */
    List<Chart> charts() {
        return List.copyOf(charts);
    }

    /** Every file name, in order. */
    List<String> files() {
        List<String> out = new ArrayList<>();
        for (Chart c : charts) {
            out.addAll(c.files());
        }
        return out;
    }

    /** Draws every chart into {@code dir}, independent charts in parallel (the bytes do not depend on the order). */
    void writeInto(Path dir) throws IOException {
        writeInto(dir, ReportProgress.NONE);
    }

    /** As {@link #writeInto(Path)}, reporting "drawing charts" after each chart (ends at the number of charts). */
    void writeInto(Path dir, ReportProgress progress) throws IOException {
        progress.step("drawing charts", 0, charts.size());
        int threads = Math.max(1, Math.min(charts.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "discern-chart");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Chart c : charts) {
                futures.add(pool.submit(() -> {
                    c.draw().into(dir);
                    return null;
                }));
            }
            int done = 0;
            for (Future<?> f : futures) {
                try {
                    f.get();
                    progress.step("drawing charts", ++done, charts.size());
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof IOException io) {
                        throw io;
                    }
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IOException("writing a chart failed", c);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while writing charts");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

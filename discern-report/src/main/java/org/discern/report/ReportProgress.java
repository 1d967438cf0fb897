package org.discern.report;

/**
 * Progress of the long steps of writing a report (drawing the charts, writing the curve files),
 * for a command line to show. Each step reports {@code done} from 0 up to {@code total}, and
 * always ends with {@code done == total}. Called from the thread that writes, or from a chart
 * thread: implementations must be thread-safe.
 */
@FunctionalInterface
public interface ReportProgress {
    /** Reports nothing. */
    ReportProgress NONE = (step, done, total) -> { };

    /**
     * @param step what is being done, e.g. "drawing charts"
     * @param done units finished so far, 0 &lt;= done &lt;= total
     * @param total units of the step
     */
    void step(String step, long done, long total);
}

package org.discern.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

import org.discern.metrics.ThresholdSweep;

/**
 * A {@link ThresholdSweep} as CSV: a header of the snake_case column names, one row per
 * threshold (descending), {@code inf} for +Infinity, {@code nan} for undefined metrics, numbers
 * in Java's shortest round-trip form (as {@link CurveCsv}).
 */
public final class SweepCsv {
    private SweepCsv() {
    }

    /** Writes the sweep to {@code target} atomically, never over one of {@code inputs}. */
    public static void write(ThresholdSweep sweep, Path target, Path... inputs) throws IOException {
        AtomicFiles.write(target, w -> write(sweep, w), inputs);
    }

    /** Writes the sweep as CSV text. */
    public static void write(ThresholdSweep sweep, Writer w) throws IOException {
        ThresholdSweep.Column[] cols = ThresholdSweep.Column.values();
        for (int c = 0; c < cols.length; c++) {
            if (c > 0) {
                w.write(',');
            }
            w.write(cols[c].key());
        }
        w.write('\n');
        for (int r = 0; r < sweep.size(); r++) {
            for (int c = 0; c < cols.length; c++) {
                if (c > 0) {
                    w.write(',');
                }
                w.write(CurveCsv.format(sweep.value(r, cols[c])));
            }
            w.write('\n');
        }
    }
}

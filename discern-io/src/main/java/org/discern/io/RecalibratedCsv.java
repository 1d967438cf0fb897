package org.discern.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

import org.discern.metrics.Calibrator;
import org.discern.metrics.PriorShiftCalibrator;

/**
 * Copies a delimited predictions file with one column's scores replaced by their recalibrated
 * values: every other field, the header and the separator are kept; fields are re-quoted
 * (RFC 4180) only where they need it. The output is plain text (not compressed), written
 * atomically and never over the input.
 */
public final class RecalibratedCsv {
    private RecalibratedCsv() {
    }

    /**
     * Writes {@code input} to {@code target} with column {@code scoreColumn} mapped through
     * {@code calibrator}.
     *
     * @param otherInputs further files never to write over (e.g. the calibrator's file)
     * @return the number of data rows written
     * @throws OutputException when target is the input file or one of {@code otherInputs}, or writing fails
     * @throws InputException when the column is missing, or a score is
     *     not a number or outside the calibrator's domain (with line and column), or the calibrator is
     *     a multi-class prior shift
     */
    public static long write(Path input, String scoreColumn, Calibrator calibrator, Path target,
            Path... otherInputs) throws IOException {
        Path[] inputs = new Path[otherInputs.length + 1];
        inputs[0] = input;
        System.arraycopy(otherInputs, 0, inputs, 1, otherInputs.length);
        AtomicFiles.refuseInputs(target, inputs);
        if (calibrator instanceof PriorShiftCalibrator s && s.classes() != 2) {
            throw new InputException(input.toString(), 0, null, "the calibrator is a " + s.classes()
                    + "-class prior shift; a file with one score column needs a binary calibrator");
        }
        long[] rows = new long[1];
        OutputFiles.write(target, w -> rows[0] = copy(input, scoreColumn, calibrator, w), inputs);
        return rows[0];
    }

    private static long copy(Path input, String scoreColumn, Calibrator calibrator, Writer w) throws IOException {
        try (DelimitedFile f = DelimitedFile.open(input)) {
            int si = f.requireColumn(scoreColumn, "scores");
            char sep = f.separator();
            int k = f.header().size();
            for (int c = 0; c < k; c++) {
                if (c > 0) {
                    w.write(sep);
                }
                w.write(quote(f.header().get(c), sep));
            }
            w.write('\n');
            long n = 0;
            while (f.next()) {
                double s = f.number(si);
                double v;
                try {
                    v = calibrator.apply(s);
                } catch (IllegalArgumentException e) {
                    throw f.error(si, "cannot recalibrate: " + e.getMessage());
                }
                for (int c = 0; c < k; c++) {
                    if (c > 0) {
                        w.write(sep);
                    }
                    w.write(c == si ? Double.toString(v) : quote(f.field(c), sep));
                }
                w.write('\n');
                n++;
            }
            return n;
        }
    }

    private static String quote(String s, char sep) {
        if (s.indexOf(sep) < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}

package org.discern.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.DetCurve;
import org.discern.metrics.PrecisionRecallCurve;
import org.discern.metrics.RocCurve;

/**
 * Curves as CSV files, thresholds descending, {@code inf} for +Infinity, numbers in Java's
 * shortest round-trip notation (locale-independent).
 */
public final class CurveCsv {
    private static final String ROC_HEADER = "threshold,fpr,tpr\n";
    private static final String PR_HEADER = "threshold,precision,recall\n";
    private static final String DET_HEADER = "threshold,fpr,fnr\n";

    private CurveCsv() {
    }

    /** Formats a number as in the fixtures: {@code inf}, {@code -inf}, {@code nan}, or round-trip. */
    public static String format(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "inf";
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        if (Double.isNaN(v)) {
            return "nan";
        }
        return Double.toString(v);
    }

    /** Writes {@code threshold,fpr,tpr}. */
    public static void writeRoc(RocCurve c, Path target, Path... inputs) throws IOException {
        AtomicFiles.write(target, w -> roc(c, w), inputs);
    }

    /** Writes {@code threshold,precision,recall}. */
    public static void writePr(PrecisionRecallCurve c, Path target, Path... inputs) throws IOException {
        AtomicFiles.write(target, w -> pr(c, w), inputs);
    }

    /** Writes {@code threshold,fpr,fnr}. */
    public static void writeDet(DetCurve c, Path target, Path... inputs) throws IOException {
        AtomicFiles.write(target, w -> det(c, w), inputs);
    }

    /**
     * Writes {@code roc.csv}, {@code pr.csv} and {@code det.csv} into {@code dir} as one output:
     * all three or none (see {@link OutputFiles}), never over one of {@code inputs}.
     *
     * @return the three files
     */
    public static java.util.List<Path> writeAll(Path dir, RocCurve roc, PrecisionRecallCurve pr, DetCurve det,
            Path... inputs) throws IOException {
        return OutputFiles.protecting(inputs)
                .text(dir.resolve("roc.csv"), w -> roc(roc, w))
                .text(dir.resolve("pr.csv"), w -> pr(pr, w))
                .text(dir.resolve("det.csv"), w -> det(det, w))
                .commit();
    }

    /**
     * As {@link #writeAll(Path, RocCurve, PrecisionRecallCurve, DetCurve, Path...)} for the curves
     * of {@code ev} ({@link BinaryEvaluation#rocCurve()} or, {@code allThresholds},
     * {@link BinaryEvaluation#rocCurveAllThresholds()}; the PR and DET curves), the same bytes, but
     * streamed from the evaluation's point walks ({@link BinaryEvaluation#visitRocCurve} etc.)
     * without building the curves: nothing is held per point, so the curves of 10^8 rows fit
     * where their arrays (24 bytes per point each) would not.
     *
     * @return the three files
     */
    public static java.util.List<Path> writeAll(Path dir, BinaryEvaluation ev, boolean allThresholds,
            Path... inputs) throws IOException {
        return OutputFiles.protecting(inputs)
                .text(dir.resolve("roc.csv"), w -> {
                    w.write(ROC_HEADER);
                    ev.visitRocCurve(allThresholds, (t, x, y) -> row(w, t, x, y));
                })
                .text(dir.resolve("pr.csv"), w -> {
                    w.write(PR_HEADER);
                    ev.visitPrecisionRecallCurve((t, x, y) -> row(w, t, x, y));
                })
                .text(dir.resolve("det.csv"), w -> {
                    w.write(DET_HEADER);
                    ev.visitDetCurve((t, x, y) -> row(w, t, x, y));
                })
                .commit();
    }

    static void roc(RocCurve c, Writer w) throws IOException {
        w.write(ROC_HEADER);
        for (int i = 0; i < c.size(); i++) {
            row(w, c.threshold(i), c.fpr(i), c.tpr(i));
        }
    }

    static void pr(PrecisionRecallCurve c, Writer w) throws IOException {
        w.write(PR_HEADER);
        for (int i = 0; i < c.size(); i++) {
            row(w, c.threshold(i), c.precision(i), c.recall(i));
        }
    }

    static void det(DetCurve c, Writer w) throws IOException {
        w.write(DET_HEADER);
        for (int i = 0; i < c.size(); i++) {
            row(w, c.threshold(i), c.fpr(i), c.fnr(i));
        }
    }

    private static void row(Writer w, double a, double b, double c) throws IOException {
        w.write(format(a));
        w.write(',');
        w.write(format(b));
        w.write(',');
        w.write(format(c));
        w.write('\n');
    }
}

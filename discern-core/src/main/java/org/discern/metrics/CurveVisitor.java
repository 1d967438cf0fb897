package org.discern.metrics;

/**
 * Receives the points of a curve one at a time, in the curve's order (thresholds descending):
 * the point walks {@link BinaryEvaluation#visitRocCurve}, {@link BinaryEvaluation#visitPrecisionRecallCurve}
 * and {@link BinaryEvaluation#visitDetCurve}. They are the one definition of each curve's points:
 * the curve objects ({@link RocCurve} etc.) are built from them, and a writer can stream a curve
 * of 10^8 points to a file without holding it (24 bytes per point).
 *
 * @param <X> what the receiver may throw (e.g. {@link java.io.IOException} for a writer)
 */
@FunctionalInterface
public interface CurveVisitor<X extends Exception> {
    /**
     * One point: its threshold and the curve's two values there, in the order of the curve's CSV
     * columns (ROC: fpr, tpr; PR: precision, recall; DET: fpr, fnr).
     */
    void point(double threshold, double x, double y) throws X;
}

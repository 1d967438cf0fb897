package org.discern.train;

/** JSON helpers of the training outputs. */
final class EvaluationJson {
    private EvaluationJson() {
    }

    /** A finite double, or null (for maps serialised by Jackson). */
    static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }
}

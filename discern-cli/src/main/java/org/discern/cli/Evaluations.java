package org.discern.cli;

import org.discern.io.MultiClassPredictions;
import org.discern.io.MultiLabelPredictions;
import org.discern.io.ScoreMatrix;
import org.discern.metrics.MulticlassEvaluation;
import org.discern.metrics.MultilabelEvaluation;

/** Prediction sets as read (discern-io) handed to the core evaluations, float scores kept float. */
final class Evaluations {
    private Evaluations() {
    }

    static MulticlassEvaluation multiclass(MultiClassPredictions p) {
        ScoreMatrix s = p.scores();
        return s.isFloat()
                ? MulticlassEvaluation.of(p.labels(), s.toFloatArray(), p.classNames(), p.weights())
                : MulticlassEvaluation.of(p.labels(), s.toDoubleArray(), p.classNames(), p.weights());
    }

    static MultilabelEvaluation multilabel(MultiLabelPredictions p) {
        ScoreMatrix s = p.scores();
        return s.isFloat()
                ? MultilabelEvaluation.of(p.indicatorBooleans(), s.toFloatArray(), p.labelNames(), p.weights())
                : MultilabelEvaluation.of(p.indicatorBooleans(), s.toDoubleArray(), p.labelNames(), p.weights());
    }
}

package org.discern.cli;

import org.discern.io.MultiClassPredictions;
import org.discern.io.MultiLabelPredictions;
import org.discern.metrics.MulticlassEvaluation;
import org.discern.metrics.MultilabelEvaluation;

/**
 * Prediction sets as read (discern-io) handed to the core evaluations, float scores kept float
 * and the input arrays not copied ({@code evaluation()} of each).
 */
final class Evaluations {
    private Evaluations() {
    }

    static MulticlassEvaluation multiclass(MultiClassPredictions p) {
        return p.evaluation();
    }

    /**
     * The numbers of {@link #multiclass} without its tables and curves, in far less memory (what
     * {@code evaluate} prints needs no curve; DeLong intervals read the tables, so they take
     * {@link #multiclass}).
     */
    static MulticlassEvaluation multiclassNumbers(MultiClassPredictions p) {
        return p.summaryEvaluation();
    }

    static MultilabelEvaluation multilabel(MultiLabelPredictions p) {
        return p.evaluation();
    }
}

package org.discern.io;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.discern.metrics.MultilabelEvaluation;

/**
 * A multi-label prediction set: n samples, L &gt;= 1 labels. Truth is an n x L 0/1 indicator
 * matrix (row-major: element i * L + j says whether sample i has label j), scores an n x L
 * {@link ScoreMatrix} with the same orientation, optional non-negative sample weights and row ids.
 * Immutable: copy-out accessors return new arrays, element accessors copy nothing. Equality
 * compares the indicator, names, scores and weights (not the source or the ids).
 */
public final class MultiLabelPredictions extends MatrixPredictions<MultiLabelPredictions> implements Predictions {
    private final boolean[] indicator; // row-major n * L

    private MultiLabelPredictions(boolean[] indicator, List<String> labelNames, ScoreMatrix scores,
            double[] weights, String source, String[] ids, TextColumns textColumns, InputRows inputRows) {
        super(labelNames, scores, weights, source, ids, textColumns, inputRows);
        this.indicator = indicator;
    }

    /** Predictions built from arrays: no ids, text columns or row positions. */
    private static MultiLabelPredictions ofArrays(boolean[] indicator, List<String> labelNames, ScoreMatrix scores,
            double[] weights) {
        return new MultiLabelPredictions(indicator, labelNames, scores, weights, MultiClassPredictions.ARRAYS, null,
                TextColumns.NONE, InputRows.NONE);
    }

    /**
     * A prediction set from a 0/1 indicator (copied).
     *
     * @param indicator row-major n x L, each element 0 or 1
     * @param labelNames L distinct non-empty names; L = {@code scores.columns()}
     * @param scores n x L scores
     * @param weights n finite weights &gt;= 0, or null
     * @throws IllegalArgumentException naming the first offending element
     */
    public static MultiLabelPredictions of(int[] indicator, List<String> labelNames, ScoreMatrix scores,
            double[] weights) {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(scores, "scores");
        checkLength(indicator.length, scores);
        int l = scores.columns();
        boolean[] b = new boolean[indicator.length];
        for (int i = 0; i < indicator.length; i++) {
            if (indicator[i] != 0 && indicator[i] != 1) {
                throw new IllegalArgumentException("indicator[" + (i / l) + ", " + (i % l) + "] must be 0 or 1, got "
                        + indicator[i]);
            }
            b[i] = indicator[i] == 1;
        }
        return ofArrays(b, Checks.names(labelNames, "labelNames", l), scores, Checks.weights(weights, scores.rows()));
    }

    /** A prediction set from a boolean indicator (copied); see {@link #of(int[], List, ScoreMatrix, double[])}. */
    public static MultiLabelPredictions of(boolean[] indicator, List<String> labelNames, ScoreMatrix scores,
            double[] weights) {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(scores, "scores");
        checkLength(indicator.length, scores);
        return ofArrays(indicator.clone(), Checks.names(labelNames, "labelNames", scores.columns()), scores,
                Checks.weights(weights, scores.rows()));
    }

    @Override
    MultiLabelPredictions with(String newSource, String[] rowIds, TextColumns columns, InputRows rows) {
        return new MultiLabelPredictions(indicator, names(), scores(), weightsShared(), newSource, rowIds, columns,
                rows);
    }

    /** {@link Layout#MULTILABEL}. */
    @Override
    public Layout layout() {
        return Layout.MULTILABEL;
    }

    /**
     * Label {@code j} on its own: scores of column j, labels true where the sample has label j
     * (positive label: the label's name), the same weights and ids.
     */
    public BinaryPredictions oneVsRest(int j) {
        int l = labelCount();
        boolean[] positive = new boolean[size()];
        for (int i = 0; i < positive.length; i++) {
            positive[i] = indicator[i * l + j];
        }
        return columnVsRest(j, positive);
    }

    @Override
    public BinaryPredictions oneVsRest(String name) {
        return oneVsRest(Checks.nameIndex(names(), name, "label", source()));
    }

    @Override
    public String describe() {
        return "multilabel predictions (" + labelCount() + " labels)";
    }

    private static void checkLength(int length, ScoreMatrix scores) {
        if ((long) scores.rows() * scores.columns() != length) {
            throw new IllegalArgumentException("indicator must have the shape of the scores, " + scores.rows() + " x "
                    + scores.columns() + " = " + ((long) scores.rows() * scores.columns()) + " elements, got " + length);
        }
    }

    /** Number of labels L. */
    public int labelCount() {
        return names().size();
    }

    /** The L label names in column order (unmodifiable). */
    public List<String> labelNames() {
        return names();
    }

    /** Name of label {@code j}. */
    public String labelName(int j) {
        return names().get(j);
    }

    /** Row-major copy of the indicator as 0/1 ints. */
    public int[] indicator() {
        int[] out = new int[indicator.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = indicator[i] ? 1 : 0;
        }
        return out;
    }

    /** Row-major copy of the indicator as booleans. */
    public boolean[] indicatorBooleans() {
        return indicator.clone();
    }

    /** Whether sample {@code i} has label {@code j}. */
    public boolean isPositive(int i, int j) {
        if (i < 0 || i >= size() || j < 0 || j >= labelCount()) {
            throw new IndexOutOfBoundsException("(" + i + ", " + j + ") outside " + size() + " x " + labelCount());
        }
        return indicator[i * labelCount() + j];
    }

    /**
     * The core evaluation of these predictions, built from the arrays held here without copying
     * them (the core reads them and keeps none it could change): the input is not held twice.
     */
    public MultilabelEvaluation evaluation() {
        ScoreMatrix scores = scores();
        return scores.isFloat()
                ? MultilabelEvaluation.of(indicator, scores.floatsShared(), names(), weightsShared())
                : MultilabelEvaluation.of(indicator, scores.doublesShared(), names(), weightsShared());
    }

    @Override
    boolean sameTruth(MultiLabelPredictions other) {
        return Arrays.equals(indicator, other.indicator);
    }

    @Override
    int truthHashCode() {
        return Arrays.hashCode(indicator);
    }

    @Override
    String namesTitle() {
        return "labels";
    }
}

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
public final class MultiLabelPredictions implements Predictions {
    private final boolean[] indicator; // row-major n * L
    private final List<String> labelNames; // unmodifiable, L distinct names
    private final ScoreMatrix scores; // n x L
    private final double[] weights; // length n, finite >= 0; or null
    private final String source;
    private final String[] ids; // length n, or null
    private final TextColumns textColumns;
    private final InputRows inputRows;

    private MultiLabelPredictions(boolean[] indicator, List<String> labelNames, ScoreMatrix scores,
            double[] weights, String source, String[] ids) {
        this(indicator, labelNames, scores, weights, source, ids, TextColumns.NONE, InputRows.NONE);
    }

    private MultiLabelPredictions(boolean[] indicator, List<String> labelNames, ScoreMatrix scores,
            double[] weights, String source, String[] ids, TextColumns textColumns, InputRows inputRows) {
        this.textColumns = textColumns;
        this.inputRows = inputRows;
        this.indicator = indicator;
        this.labelNames = labelNames;
        this.scores = scores;
        this.weights = weights;
        this.source = source;
        this.ids = ids;
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
        return new MultiLabelPredictions(b, Checks.names(labelNames, "labelNames", l), scores,
                Checks.weights(weights, scores.rows()), MultiClassPredictions.ARRAYS, null);
    }

    /** A prediction set from a boolean indicator (copied); see {@link #of(int[], List, ScoreMatrix, double[])}. */
    public static MultiLabelPredictions of(boolean[] indicator, List<String> labelNames, ScoreMatrix scores,
            double[] weights) {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(scores, "scores");
        checkLength(indicator.length, scores);
        return new MultiLabelPredictions(indicator.clone(), Checks.names(labelNames, "labelNames", scores.columns()),
                scores, Checks.weights(weights, scores.rows()), MultiClassPredictions.ARRAYS, null);
    }

    /** The same predictions read from {@code newSource}, with row ids (one per sample) or null. */
    MultiLabelPredictions withSource(String newSource, String[] rowIds) {
        return new MultiLabelPredictions(indicator, labelNames, scores, weights, newSource, rowIds, textColumns,
                inputRows);
    }

    /** The same predictions with these text columns read beside them. */
    MultiLabelPredictions withTextColumns(TextColumns columns) {
        return new MultiLabelPredictions(indicator, labelNames, scores, weights, source, ids, columns, inputRows);
    }

    /** The same predictions with these row positions. */
    MultiLabelPredictions withInputRows(InputRows rows) {
        return new MultiLabelPredictions(indicator, labelNames, scores, weights, source, ids, textColumns, rows);
    }

    @Override
    public InputRows inputRows() {
        return inputRows;
    }

    @Override
    public TextColumns textColumns() {
        return textColumns;
    }

    /** The file name as given, or {@code (arrays)} when built from arrays. */
    @Override
    public String source() {
        return source;
    }

    /** {@link Layout#MULTILABEL}. */
    @Override
    public Layout layout() {
        return Layout.MULTILABEL;
    }

    @Override
    public String[] ids() {
        return ids == null ? null : ids.clone();
    }

    /**
     * Label {@code j} on its own: scores of column j, labels true where the sample has label j
     * (positive label: the label's name), the same weights and ids.
     */
    public BinaryPredictions oneVsRest(int j) {
        int l = labelNames.size();
        boolean[] positive = new boolean[size()];
        for (int i = 0; i < positive.length; i++) {
            positive[i] = indicator[i * l + j];
        }
        return new BinaryPredictions(source, scores.column(j), positive, weights == null ? null : weights.clone(),
                labelNames.get(j), List.of(), ids).withTextColumns(textColumns).withInputRows(inputRows);
    }

    @Override
    public BinaryPredictions oneVsRest(String name) {
        return oneVsRest(Checks.nameIndex(labelNames, name, "label", source));
    }

    @Override
    public String describe() {
        return "multilabel predictions (" + labelNames.size() + " labels)";
    }

    private static void checkLength(int length, ScoreMatrix scores) {
        if ((long) scores.rows() * scores.columns() != length) {
            throw new IllegalArgumentException("indicator must have the shape of the scores, " + scores.rows() + " x "
                    + scores.columns() + " = " + ((long) scores.rows() * scores.columns()) + " elements, got " + length);
        }
    }

    /** Number of samples n. */
    @Override
    public int size() {
        return scores.rows();
    }

    /** Number of labels L. */
    public int labelCount() {
        return labelNames.size();
    }

    /** The L label names in column order (unmodifiable). */
    public List<String> labelNames() {
        return labelNames;
    }

    /** Name of label {@code j}. */
    public String labelName(int j) {
        return labelNames.get(j);
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
        return indicator[i * labelNames.size() + j];
    }

    /**
     * The core evaluation of these predictions, built from the arrays held here without copying
     * them (the core reads them and keeps none it could change): the input is not held twice.
     */
    public MultilabelEvaluation evaluation() {
        return scores.isFloat()
                ? MultilabelEvaluation.of(indicator, scores.floatsShared(), labelNames, weights)
                : MultilabelEvaluation.of(indicator, scores.doublesShared(), labelNames, weights);
    }

    /** The n x L scores (immutable, not copied). */
    public ScoreMatrix scores() {
        return scores;
    }

    /** Score of sample {@code i} for label {@code j}. */
    public double score(int i, int j) {
        return scores.get(i, j);
    }

    /** True when sample weights were given. */
    @Override
    public boolean hasWeights() {
        return weights != null;
    }

    /** Copy of the sample weights, or null when unweighted. */
    @Override
    public double[] weights() {
        return weights == null ? null : weights.clone();
    }

    /** Weight of sample {@code i} (1 when unweighted). */
    public double weight(int i) {
        return weights == null ? 1.0 : weights[i];
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MultiLabelPredictions)) {
            return false;
        }
        MultiLabelPredictions p = (MultiLabelPredictions) o;
        return Arrays.equals(indicator, p.indicator) && labelNames.equals(p.labelNames) && scores.equals(p.scores)
                && Arrays.equals(weights, p.weights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(indicator), labelNames, scores, Arrays.hashCode(weights));
    }

    @Override
    public String toString() {
        return "MultiLabelPredictions[n=" + size() + ", labels=" + labelNames + ", "
                + (scores.isFloat() ? "float" : "double") + " scores" + (weights != null ? ", weighted" : "") + "]";
    }
}

package org.discern.io;

import java.util.List;

import org.discern.metrics.BinaryEvaluation;

/**
 * Binary predictions as read from a file: scores, labels (true = positive) and optional weights,
 * with the label value that was taken as positive, the distinct label values found and optional
 * row ids.
 *
 * <p>Read with {@link InputSpec#evaluationOnly()}, unweighted predictions may come evaluated
 * instead ({@link #rowsKept()} false): the reader built {@link #evaluation()} as it read the rows
 * ({@link org.discern.metrics.BinaryScoreBlocks}) and kept none of them, so the accessors of rows
 * ({@link #scores()}, {@link #labels()}, {@link #score(int)}, {@link #label(int)}) throw
 * {@link IllegalStateException}. Everything else is as usual.
 */
public final class BinaryPredictions implements Predictions {
    private final String source;
    private final double[] scores;
    private final boolean[] labels;
    private final double[] weights;
    private final String positiveLabel;
    private final List<String> labelValues;
    private final String[] ids; // one per row, or null
    private final TextColumns textColumns;
    private final InputRows inputRows;
    // the evaluation built while reading, when no row was kept (scores and labels null); else null
    private final BinaryEvaluation evaluated;
    private final int rows;

    BinaryPredictions(String source, double[] scores, boolean[] labels, double[] weights,
            String positiveLabel, List<String> labelValues, String[] ids) {
        this(source, scores, labels, weights, positiveLabel, labelValues, ids, TextColumns.NONE, InputRows.NONE,
                null, scores.length);
    }

    private BinaryPredictions(String source, double[] scores, boolean[] labels, double[] weights,
            String positiveLabel, List<String> labelValues, String[] ids, TextColumns textColumns,
            InputRows inputRows, BinaryEvaluation evaluated, int rows) {
        this.evaluated = evaluated;
        this.rows = rows;
        this.textColumns = textColumns;
        this.inputRows = inputRows;
        this.source = source;
        this.scores = scores;
        this.labels = labels;
        this.weights = weights;
        this.positiveLabel = positiveLabel;
        this.labelValues = List.copyOf(labelValues);
        this.ids = ids;
    }

    /** Predictions from arrays (copied); weights may be null. */
    public static BinaryPredictions of(String source, double[] scores, boolean[] labels, double[] weights,
            String positiveLabel) {
        return new BinaryPredictions(source, scores.clone(), labels.clone(),
                weights == null ? null : weights.clone(), positiveLabel, List.of(), null);
    }

    /**
     * Unweighted predictions already evaluated by the reader, which kept no row
     * ({@link InputSpec#evaluationOnly()}).
     */
    static BinaryPredictions evaluated(String source, BinaryEvaluation evaluation, String positiveLabel,
            List<String> labelValues) {
        return new BinaryPredictions(source, null, null, null, positiveLabel, labelValues, null, TextColumns.NONE,
                InputRows.NONE, evaluation, evaluation.rows());
    }

    /** The same predictions named after {@code newSource}. */
    BinaryPredictions withSource(String newSource) {
        return new BinaryPredictions(newSource, scores, labels, weights, positiveLabel, labelValues, ids, textColumns,
                inputRows, evaluated, rows);
    }

    /** The same predictions with these text columns read beside them. */
    BinaryPredictions withTextColumns(TextColumns columns) {
        return new BinaryPredictions(source, scores, labels, weights, positiveLabel, labelValues, ids, columns,
                inputRows, evaluated, rows);
    }

    /** The same predictions with these row positions. */
    BinaryPredictions withInputRows(InputRows positions) {
        return new BinaryPredictions(source, scores, labels, weights, positiveLabel, labelValues, ids, textColumns,
                positions, evaluated, rows);
    }

    /**
     * Whether the rows were kept: false when the reader evaluated them as it read them
     * ({@link InputSpec#evaluationOnly()}); then only {@link #evaluation()} and the facts about
     * the input (size, labels found, source) are here.
     */
    public boolean rowsKept() {
        return evaluated == null;
    }

    private void requireRows() {
        if (evaluated != null) {
            throw new IllegalStateException(source + ": the rows were evaluated as they were read and not kept"
                    + " (InputSpec.evaluationOnly)");
        }
    }

    @Override
    public InputRows inputRows() {
        return inputRows;
    }

    @Override
    public TextColumns textColumns() {
        return textColumns;
    }

    @Override
    public String source() {
        return source;
    }

    /** {@link Layout#BINARY}. */
    @Override
    public Layout layout() {
        return Layout.BINARY;
    }

    /** Number of rows. */
    @Override
    public int size() {
        return rows;
    }

    /**
     * Copy of the scores.
     *
     * @throws IllegalStateException when the rows were not kept ({@link #rowsKept()})
     */
    public double[] scores() {
        requireRows();
        return scores.clone();
    }

    /**
     * The core evaluation of these predictions, built from the arrays held here without copying
     * them (the core reads them and keeps none): the input is not held twice. When the rows were
     * not kept, the evaluation the reader built, equal to the one the rows would give.
     */
    public BinaryEvaluation evaluation() {
        return evaluated != null ? evaluated : BinaryEvaluation.of(scores, labels, weights);
    }

    /**
     * Copy of the labels (true = positive).
     *
     * @throws IllegalStateException when the rows were not kept ({@link #rowsKept()})
     */
    public boolean[] labels() {
        requireRows();
        return labels.clone();
    }

    /** Copy of the weights, or null when unweighted. */
    @Override
    public double[] weights() {
        return weights == null ? null : weights.clone();
    }

    /** Whether a weight column was given. */
    public boolean weighted() {
        return weights != null;
    }

    @Override
    public boolean hasWeights() {
        return weights != null;
    }

    @Override
    public String[] ids() {
        return ids == null ? null : ids.clone();
    }

    /** Always throws: binary predictions have one score column, and {@code positiveLabel} names its class. */
    @Override
    public BinaryPredictions oneVsRest(String name) {
        throw new IllegalArgumentException(source + " holds binary predictions: there is no class '" + name
                + "' to choose (the positive label is '" + positiveLabel + "')");
    }

    @Override
    public String describe() {
        return "binary predictions";
    }

    /** The label value taken as positive, as written in the file. */
    public String positiveLabel() {
        return positiveLabel;
    }

    /** The distinct label values found, in order of first appearance. */
    public List<String> labelValues() {
        return labelValues;
    }

    /** Score of row i. */
    public double score(int i) {
        requireRows();
        return scores[i];
    }

    /** Label of row i. */
    public boolean label(int i) {
        requireRows();
        return labels[i];
    }
}

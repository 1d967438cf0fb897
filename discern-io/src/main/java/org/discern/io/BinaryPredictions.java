package org.discern.io;

import java.util.List;

import org.discern.metrics.BinaryEvaluation;

/**
 * Binary predictions as read from a file: scores, labels (true = positive) and optional weights,
 * with the label value that was taken as positive, the distinct label values found and optional
 * row ids.
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

    BinaryPredictions(String source, double[] scores, boolean[] labels, double[] weights,
            String positiveLabel, List<String> labelValues, String[] ids) {
        this(source, scores, labels, weights, positiveLabel, labelValues, ids, TextColumns.NONE, InputRows.NONE);
    }

    private BinaryPredictions(String source, double[] scores, boolean[] labels, double[] weights,
            String positiveLabel, List<String> labelValues, String[] ids, TextColumns textColumns,
            InputRows inputRows) {
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

    /** The same predictions named after {@code newSource}. */
    BinaryPredictions withSource(String newSource) {
        return new BinaryPredictions(newSource, scores, labels, weights, positiveLabel, labelValues, ids, textColumns,
                inputRows);
    }

    /** The same predictions with these text columns read beside them. */
    BinaryPredictions withTextColumns(TextColumns columns) {
        return new BinaryPredictions(source, scores, labels, weights, positiveLabel, labelValues, ids, columns,
                inputRows);
    }

    /** The same predictions with these row positions. */
    BinaryPredictions withInputRows(InputRows rows) {
        return new BinaryPredictions(source, scores, labels, weights, positiveLabel, labelValues, ids, textColumns,
                rows);
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
        return scores.length;
    }

    /** Copy of the scores. */
    public double[] scores() {
        return scores.clone();
    }

    /**
     * The core evaluation of these predictions, built from the arrays held here without copying
     * them (the core reads them and keeps none): the input is not held twice.
     */
    public BinaryEvaluation evaluation() {
        return BinaryEvaluation.of(scores, labels, weights);
    }

    /** Copy of the labels (true = positive). */
    public boolean[] labels() {
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
        return scores[i];
    }

    /** Label of row i. */
    public boolean label(int i) {
        return labels[i];
    }
}

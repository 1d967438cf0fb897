package org.discern.io;

import java.util.List;

/**
 * Binary predictions as read from a file: scores, labels (true = positive) and optional weights,
 * with the label value that was taken as positive and the distinct label values found.
 */
public final class BinaryPredictions {
    private final String source;
    private final double[] scores;
    private final boolean[] labels;
    private final double[] weights;
    private final String positiveLabel;
    private final List<String> labelValues;

    BinaryPredictions(String source, double[] scores, boolean[] labels, double[] weights,
            String positiveLabel, List<String> labelValues) {
        this.source = source;
        this.scores = scores;
        this.labels = labels;
        this.weights = weights;
        this.positiveLabel = positiveLabel;
        this.labelValues = List.copyOf(labelValues);
    }

    /** Predictions from arrays (copied); weights may be null. */
    public static BinaryPredictions of(String source, double[] scores, boolean[] labels, double[] weights,
            String positiveLabel) {
        return new BinaryPredictions(source, scores.clone(), labels.clone(),
                weights == null ? null : weights.clone(), positiveLabel, List.of());
    }

    /** Where the predictions came from (a file name). */
    public String source() {
        return source;
    }

    /** Number of rows. */
    public int size() {
        return scores.length;
    }

    /** Copy of the scores. */
    public double[] scores() {
        return scores.clone();
    }

    /** Copy of the labels (true = positive). */
    public boolean[] labels() {
        return labels.clone();
    }

    /** Copy of the weights, or null when unweighted. */
    public double[] weights() {
        return weights == null ? null : weights.clone();
    }

    /** Whether a weight column was given. */
    public boolean weighted() {
        return weights != null;
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

package org.discern.io;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.discern.metrics.MulticlassEvaluation;

/**
 * A multi-class prediction set: n samples, K &gt;= 2 classes. True labels are class indices
 * 0..K-1 into {@link #classNames()}; scores are an n x K {@link ScoreMatrix} (row i = the K class
 * scores of sample i, column k = class k), float or double as read; optional non-negative sample
 * weights and row ids. Immutable: copy-out accessors return new arrays, element accessors copy
 * nothing. Two prediction sets are equal when their labels, class names, scores and weights are;
 * the source and the ids are where they came from, not what they are.
 */
public final class MultiClassPredictions implements Predictions {
    /** Source of predictions built from arrays. */
    static final String ARRAYS = "(arrays)";

    private final int[] labels; // labels[i] in 0..K-1
    private final List<String> classNames; // unmodifiable, K distinct names
    private final ScoreMatrix scores; // n x K
    private final double[] weights; // length n, finite >= 0; or null (all 1)
    private final String source;
    private final String[] ids; // length n, or null
    private final TextColumns textColumns;
    private final InputRows inputRows;

    private MultiClassPredictions(int[] labels, List<String> classNames, ScoreMatrix scores, double[] weights,
            String source, String[] ids) {
        this(labels, classNames, scores, weights, source, ids, TextColumns.NONE, InputRows.NONE);
    }

    private MultiClassPredictions(int[] labels, List<String> classNames, ScoreMatrix scores, double[] weights,
            String source, String[] ids, TextColumns textColumns, InputRows inputRows) {
        this.textColumns = textColumns;
        this.inputRows = inputRows;
        this.labels = labels;
        this.classNames = classNames;
        this.scores = scores;
        this.weights = weights;
        this.source = source;
        this.ids = ids;
    }

    /**
     * A prediction set from its parts (arrays copied).
     *
     * @param labels class index of each sample, in 0..K-1
     * @param classNames K distinct non-empty names; K = {@code scores.columns()} &gt;= 2
     * @param scores n x K scores
     * @param weights n finite weights &gt;= 0, or null for unweighted
     * @throws IllegalArgumentException naming the first offending element
     */
    public static MultiClassPredictions of(int[] labels, List<String> classNames, ScoreMatrix scores,
            double[] weights) {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(scores, "scores");
        if (scores.columns() < 2) {
            throw new IllegalArgumentException("scores must have at least 2 columns (classes), got " + scores.columns());
        }
        if (labels.length != scores.rows()) {
            throw new IllegalArgumentException("labels and scores must have the same number of samples, got "
                    + labels.length + " and " + scores.rows());
        }
        List<String> names = Checks.names(classNames, "classNames", scores.columns());
        int k = scores.columns();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= k) {
                throw new IllegalArgumentException("labels[" + i + "] must be in 0.." + (k - 1) + ", got " + labels[i]);
            }
        }
        return new MultiClassPredictions(labels.clone(), names, scores, Checks.weights(weights, labels.length), ARRAYS,
                null);
    }

    /** The same predictions read from {@code newSource}, with row ids (one per sample) or null. */
    MultiClassPredictions withSource(String newSource, String[] rowIds) {
        return new MultiClassPredictions(labels, classNames, scores, weights, newSource, rowIds, textColumns, inputRows);
    }

    /** The same predictions with these text columns read beside them. */
    MultiClassPredictions withTextColumns(TextColumns columns) {
        return new MultiClassPredictions(labels, classNames, scores, weights, source, ids, columns, inputRows);
    }

    /** The same predictions with these row positions. */
    MultiClassPredictions withInputRows(InputRows rows) {
        return new MultiClassPredictions(labels, classNames, scores, weights, source, ids, textColumns, rows);
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

    /** {@link Layout#MULTICLASS}. */
    @Override
    public Layout layout() {
        return Layout.MULTICLASS;
    }

    @Override
    public String[] ids() {
        return ids == null ? null : ids.clone();
    }

    /**
     * Class {@code k} against the rest: scores of column k, labels true where the true class is k
     * (positive label: the class name), the same weights and ids.
     */
    public BinaryPredictions oneVsRest(int k) {
        boolean[] positive = new boolean[labels.length];
        for (int i = 0; i < positive.length; i++) {
            positive[i] = labels[i] == k;
        }
        return new BinaryPredictions(source, scores.column(k), positive, weights == null ? null : weights.clone(),
                classNames.get(k), List.of(), ids).withTextColumns(textColumns).withInputRows(inputRows);
    }

    @Override
    public BinaryPredictions oneVsRest(String name) {
        return oneVsRest(Checks.nameIndex(classNames, name, "class", source));
    }

    @Override
    public String describe() {
        return "multiclass predictions (" + classNames.size() + " classes)";
    }

    /** Number of samples n. */
    @Override
    public int size() {
        return labels.length;
    }

    /** Number of classes K. */
    public int classCount() {
        return classNames.size();
    }

    /** The K class names in column order (unmodifiable). */
    public List<String> classNames() {
        return classNames;
    }

    /** Name of class {@code k}. */
    public String className(int k) {
        return classNames.get(k);
    }

    /** Copy of the true class indices. */
    public int[] labels() {
        return labels.clone();
    }

    /**
     * The core evaluation of these predictions, built from the arrays held here without copying
     * them (the core reads them and keeps none it could change): the input is not held twice.
     */
    public MulticlassEvaluation evaluation() {
        return scores.isFloat()
                ? MulticlassEvaluation.of(labels, scores.floatsShared(), classNames, weights)
                : MulticlassEvaluation.of(labels, scores.doublesShared(), classNames, weights);
    }

    /**
     * Every number of {@link #evaluation()}, computed without keeping a table or a curve
     * ({@link MulticlassEvaluation#summaryOf}): the scores are read in place one class at a time,
     * so a large input needs little memory beyond itself. Its curve accessors throw.
     */
    public MulticlassEvaluation summaryEvaluation() {
        if (scores.blocksShared() != null) {
            return MulticlassEvaluation.summaryOf(labels, scores.blocksShared(), scores.rowsPerBlock(), classNames,
                    weights);
        }
        return scores.isFloat()
                ? MulticlassEvaluation.summaryOf(labels, scores.floatsShared(), classNames, weights)
                : MulticlassEvaluation.summaryOf(labels, scores.doublesShared(), classNames, weights);
    }

    /** True class index of sample {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** The n x K scores (immutable, not copied). */
    public ScoreMatrix scores() {
        return scores;
    }

    /** Score of sample {@code i} for class {@code k}. */
    public double score(int i, int k) {
        return scores.get(i, k);
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
        if (!(o instanceof MultiClassPredictions)) {
            return false;
        }
        MultiClassPredictions p = (MultiClassPredictions) o;
        return Arrays.equals(labels, p.labels) && classNames.equals(p.classNames) && scores.equals(p.scores)
                && Arrays.equals(weights, p.weights);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(labels), classNames, scores, Arrays.hashCode(weights));
    }

    @Override
    public String toString() {
        return "MultiClassPredictions[n=" + size() + ", classes=" + classNames + ", "
                + (scores.isFloat() ? "float" : "double") + " scores" + (weights != null ? ", weighted" : "") + "]";
    }
}

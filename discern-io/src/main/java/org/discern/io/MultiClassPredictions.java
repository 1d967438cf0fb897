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
public final class MultiClassPredictions extends MatrixPredictions<MultiClassPredictions> implements Predictions {
    /** Source of predictions built from arrays. */
    static final String ARRAYS = "(arrays)";

    private final int[] labels; // labels[i] in 0..K-1; length n = scores().rows()

    private MultiClassPredictions(int[] labels, List<String> classNames, ScoreMatrix scores, double[] weights,
            String source, String[] ids, TextColumns textColumns, InputRows inputRows) {
        super(classNames, scores, weights, source, ids, textColumns, inputRows);
        this.labels = labels;
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
        return owning(labels.clone(), classNames, scores, weights == null ? null : weights.clone());
    }

    /**
     * As {@link #of}, the arrays taken over instead of copied: for the readers, which made them and
     * keep no reference (so the labels and weights are held once).
     */
    static MultiClassPredictions owning(int[] labels, List<String> classNames, ScoreMatrix scores,
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
        return new MultiClassPredictions(labels, names, scores, Checks.checkedWeights(weights, labels.length), ARRAYS,
                null, TextColumns.NONE, InputRows.NONE);
    }

    @Override
    MultiClassPredictions with(String newSource, String[] rowIds, TextColumns columns, InputRows rows) {
        return new MultiClassPredictions(labels, names(), scores(), weightsShared(), newSource, rowIds, columns, rows);
    }

    /** {@link Layout#MULTICLASS}. */
    @Override
    public Layout layout() {
        return Layout.MULTICLASS;
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
        return columnVsRest(k, positive);
    }

    @Override
    public BinaryPredictions oneVsRest(String name) {
        return oneVsRest(Checks.nameIndex(names(), name, "class", source()));
    }

    @Override
    public String describe() {
        return "multiclass predictions (" + classCount() + " classes)";
    }

    /** Number of classes K. */
    public int classCount() {
        return names().size();
    }

    /** The K class names in column order (unmodifiable). */
    public List<String> classNames() {
        return names();
    }

    /** Name of class {@code k}. */
    public String className(int k) {
        return names().get(k);
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
        ScoreMatrix scores = scores();
        return scores.isFloat()
                ? MulticlassEvaluation.of(labels, scores.floatsShared(), names(), weightsShared())
                : MulticlassEvaluation.of(labels, scores.doublesShared(), names(), weightsShared());
    }

    /**
     * Every number of {@link #evaluation()}, computed without keeping a table or a curve
     * ({@link MulticlassEvaluation#summaryOf}): the scores are read in place one class at a time,
     * so a large input needs little memory beyond itself. Its curve accessors throw.
     */
    public MulticlassEvaluation summaryEvaluation() {
        ScoreMatrix scores = scores();
        List<String> classNames = names();
        double[] weights = weightsShared();
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

    @Override
    boolean sameTruth(MultiClassPredictions other) {
        return Arrays.equals(labels, other.labels);
    }

    @Override
    int truthHashCode() {
        return Arrays.hashCode(labels);
    }

    @Override
    String namesTitle() {
        return "classes";
    }
}

package org.discern.io;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What {@link MultiClassPredictions} and {@link MultiLabelPredictions} share: n samples scored in
 * the K columns of a {@link ScoreMatrix}, one named column per class or label, with optional
 * sample weights, row ids, text columns and row positions, and where they came from. The truth
 * (class indices, or an indicator matrix) is the subclass's. Equality compares the truth, the
 * names, the scores and the weights (not the source, ids, text columns or row positions).
 *
 * <p>Package-private: its public methods are the subclasses' own (javac gives each public
 * subclass a public bridge to them).
 *
 * @param <P> the subclass, what the withers return
 */
abstract class MatrixPredictions<P extends MatrixPredictions<P>> {
    private final List<String> names; // unmodifiable, K distinct names, one a column
    private final ScoreMatrix scores; // n x K
    private final double[] weights; // length n, finite >= 0; or null (all 1)
    private final String source;
    private final String[] ids; // length n, or null
    private final TextColumns textColumns;
    private final InputRows inputRows;

    MatrixPredictions(List<String> names, ScoreMatrix scores, double[] weights, String source, String[] ids,
            TextColumns textColumns, InputRows inputRows) {
        this.names = names;
        this.scores = scores;
        this.weights = weights;
        this.source = source;
        this.ids = ids;
        this.textColumns = textColumns;
        this.inputRows = inputRows;
    }

    /** The same truth, names, scores and weights with these origins (nothing copied). */
    abstract P with(String newSource, String[] rowIds, TextColumns columns, InputRows rows);

    /** Whether the truth equals that of {@code other}. */
    abstract boolean sameTruth(P other);

    /** Hash code of the truth, consistent with {@link #sameTruth}. */
    abstract int truthHashCode();

    /** What {@link #toString()} calls the names: {@code classes} or {@code labels}. */
    abstract String namesTitle();

    /** The same predictions read from {@code newSource}, with row ids (one per sample) or null. */
    P withSource(String newSource, String[] rowIds) {
        return with(newSource, rowIds, textColumns, inputRows);
    }

    /** The same predictions with these text columns read beside them. */
    P withTextColumns(TextColumns columns) {
        return with(source, ids, columns, inputRows);
    }

    /** The same predictions with these row positions. */
    P withInputRows(InputRows rows) {
        return with(source, ids, textColumns, rows);
    }

    /** The K names in column order (unmodifiable, not copied). */
    final List<String> names() {
        return names;
    }

    /** Weights as held (not copied), or null when unweighted. */
    final double[] weightsShared() {
        return weights;
    }

    /**
     * Column {@code k} against the rest: its scores, {@code positive} as the labels (positive
     * label: the column's name), the same weights, ids, text columns and row positions.
     */
    final BinaryPredictions columnVsRest(int k, boolean[] positive) {
        return new BinaryPredictions(source, scores.column(k), positive, weights == null ? null : weights.clone(),
                names.get(k), List.of(), ids).withTextColumns(textColumns).withInputRows(inputRows);
    }

    public InputRows inputRows() {
        return inputRows;
    }

    public TextColumns textColumns() {
        return textColumns;
    }

    /** The file name as given, or {@code (arrays)} when built from arrays. */
    public String source() {
        return source;
    }

    /** Copy of the row ids (from an id column), or null when none were read. */
    public String[] ids() {
        return ids == null ? null : ids.clone();
    }

    /** Number of samples n. */
    public int size() {
        return scores.rows();
    }

    /** The n x K scores (immutable, not copied). */
    public ScoreMatrix scores() {
        return scores;
    }

    /** Score of sample {@code i} in column {@code k} (class or label k). */
    public double score(int i, int k) {
        return scores.get(i, k);
    }

    /** True when sample weights were given. */
    public boolean hasWeights() {
        return weights != null;
    }

    /** Copy of the sample weights, or null when unweighted. */
    public double[] weights() {
        return weights == null ? null : weights.clone();
    }

    /** Weight of sample {@code i} (1 when unweighted). */
    public double weight(int i) {
        return weights == null ? 1.0 : weights[i];
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean equals(Object o) {
        if (o == null || o.getClass() != getClass()) { // the subclasses are final
            return false;
        }
        P p = (P) o;
        return sameTruth(p) && names.equals(p.names()) && scores.equals(p.scores())
                && Arrays.equals(weights, p.weightsShared());
    }

    @Override
    public int hashCode() {
        return Objects.hash(truthHashCode(), names, scores, Arrays.hashCode(weights));
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[n=" + size() + ", " + namesTitle() + "=" + names + ", "
                + (scores.isFloat() ? "float" : "double") + " scores" + (weights != null ? ", weighted" : "") + "]";
    }
}

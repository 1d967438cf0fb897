package org.discern.io;

/**
 * Predictions as read from an input: binary ({@link BinaryPredictions}), multi-class
 * ({@link MultiClassPredictions}) or multi-label ({@link MultiLabelPredictions}). Every input
 * becomes one of these through {@link PredictionReader#read(InputSpec)}; every command starts
 * here. Immutable; arrays are copied out.
 */
public sealed interface Predictions permits BinaryPredictions, MultiClassPredictions, MultiLabelPredictions {
    /** Where the predictions came from: the file name as given (the scores file of a NumPy pair). */
    String source();

    /** Which of the three kinds these are. */
    Layout layout();

    /** Number of samples n. */
    int size();

    /** True when sample weights were given. */
    boolean hasWeights();

    /** Copy of the sample weights, or null when unweighted. */
    double[] weights();

    /** Copy of the row ids (from an id column), or null when none were read. */
    String[] ids();

    /**
     * The text columns read beside the predictions ({@link InputSpec#textColumns()}: group and
     * fold columns), one value per row; {@link TextColumns#NONE} when none were asked for.
     */
    TextColumns textColumns();

    /**
     * The binary view of one class (multi-class) or label (multi-label) against all the others:
     * its score column, labels true where the sample is of that class (has that label), the same
     * weights and ids. Equal, number for number, to a binary file built by hand from those columns.
     *
     * @throws IllegalArgumentException when there is no class or label of that name (the message
     *     lists the names and suggests the closest), or for binary predictions
     */
    BinaryPredictions oneVsRest(String name);

    /**
     * Where each row came from (its file line, Parquet row or NumPy index, for messages about a
     * row) and how many rows {@code --drop-invalid} left out; {@link InputRows#NONE} for
     * predictions built from arrays.
     */
    InputRows inputRows();

    /** For messages: {@code binary predictions}, {@code multiclass predictions (25 classes)}, ... */
    String describe();
}

package org.discern.train;

import java.util.List;

/**
 * A numeric table in memory: named feature columns as one row-major float array, and (for
 * training data) a binary label per row. Missing feature values are NaN, possible only when the
 * table was read with median imputation allowed (they are filled by {@link Preprocessing}).
 *
 * <p>Arrays are copied in and out; {@link #value(int, int)} and {@link #label(int)} read without
 * copying.
 */
public final class Table {
    private final String source;
    private final List<String> columns;
    private final float[] values; // row-major, rows * columns.size()
    private final int rows;
    private final String labelColumn; // null when the table has no labels
    private final boolean[] labels; // null when the table has no labels
    private final String positiveValue;
    private final String negativeValue;
    private final int[] classes; // multi-class tables only: class index per row
    private final List<String> classNames; // multi-class tables only

    private Table(String source, List<String> columns, float[] values, int rows, String labelColumn,
            boolean[] labels, String positiveValue, String negativeValue) {
        this(source, columns, values, rows, labelColumn, labels, positiveValue, negativeValue, null, null);
    }

    private Table(String source, List<String> columns, float[] values, int rows, String labelColumn,
            boolean[] labels, String positiveValue, String negativeValue, int[] classes, List<String> classNames) {
        this.source = source;
        this.columns = List.copyOf(columns);
        this.values = values;
        this.rows = rows;
        this.labelColumn = labelColumn;
        this.labels = labels;
        this.positiveValue = positiveValue;
        this.negativeValue = negativeValue;
        this.classes = classes;
        this.classNames = classNames == null ? null : List.copyOf(classNames);
    }

    /**
     * A multi-class table: a class index per row into {@code classNames}.
     *
     * @param classes class index of each row, in [0, classNames.size())
     * @param classNames at least two distinct names
     */
    public static Table multiclass(String source, List<String> columns, float[] values, String labelColumn,
            int[] classes, List<String> classNames) {
        check(columns, values, classes.length);
        if (classNames.size() < 2 || classNames.stream().distinct().count() != classNames.size()) {
            throw new IllegalArgumentException("classNames must be at least 2 distinct names, got " + classNames);
        }
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] < 0 || classes[i] >= classNames.size()) {
                throw new IllegalArgumentException("classes[" + i + "] must be in [0, " + classNames.size() + "), got "
                        + classes[i]);
            }
        }
        return new Table(source, columns, values.clone(), classes.length, labelColumn, null, null, null,
                classes.clone(), classNames);
    }

    static Table wrapMulticlass(String source, List<String> columns, float[] values, int rows, String labelColumn,
            int[] classes, List<String> classNames) {
        return new Table(source, columns, values, rows, labelColumn, null, null, null, classes, classNames);
    }

    /** Whether this is a multi-class table (class indices rather than binary labels). */
    public boolean multiclass() {
        return classes != null;
    }

    /** Class names of a multi-class table, in index order; null otherwise. */
    public List<String> classNames() {
        return classNames;
    }

    /** Class index of a row of a multi-class table. */
    public int classIndex(int row) {
        requireClasses();
        return classes[row];
    }

    /** Class indices of a multi-class table (a copy). */
    public int[] classIndices() {
        requireClasses();
        return classes.clone();
    }

    int[] classIndicesView() {
        requireClasses();
        return classes;
    }

    private void requireClasses() {
        if (classes == null) {
            throw new IllegalStateException(source + " is not a multi-class table");
        }
    }

    /**
     * A labelled table.
     *
     * @param source where the data came from (file name), for messages
     * @param columns feature names, at least one, distinct
     * @param values row-major values, {@code labels.length * columns.size()} of them
     * @param labelColumn name of the label column
     * @param labels true for positives
     * @param positiveValue the label text of positives (e.g. "1")
     * @param negativeValue the label text of negatives (e.g. "0")
     */
    public static Table labelled(String source, List<String> columns, float[] values, String labelColumn,
            boolean[] labels, String positiveValue, String negativeValue) {
        check(columns, values, labels.length);
        return new Table(source, columns, values.clone(), labels.length, labelColumn, labels.clone(),
                positiveValue, negativeValue);
    }

    /** A table without labels (data to score). */
    public static Table unlabelled(String source, List<String> columns, float[] values, int rows) {
        check(columns, values, rows);
        return new Table(source, columns, values.clone(), rows, null, null, null, null);
    }

    /** Takes ownership of arrays built by the reader (no copy). */
    static Table wrap(String source, List<String> columns, float[] values, int rows, String labelColumn,
            boolean[] labels, String positiveValue, String negativeValue) {
        return new Table(source, columns, values, rows, labelColumn, labels, positiveValue, negativeValue);
    }

    private static void check(List<String> columns, float[] values, int rows) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("columns must not be empty");
        }
        if (columns.stream().distinct().count() != columns.size()) {
            throw new IllegalArgumentException("column names must be distinct, got " + columns);
        }
        if ((long) rows * columns.size() != values.length) {
            throw new IllegalArgumentException("values must hold rows * columns = " + rows + " * "
                    + columns.size() + " numbers, got " + values.length);
        }
    }

    /** Where the data came from, for messages. */
    public String source() {
        return source;
    }

    /** Feature column names in order. */
    public List<String> columns() {
        return columns;
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Number of feature columns. */
    public int width() {
        return columns.size();
    }

    /** Feature value; NaN when missing. */
    public float value(int row, int column) {
        return values[row * columns.size() + column];
    }

    /** All feature values, row-major (a copy). */
    public float[] values() {
        return values.clone();
    }

    /** The backing array, for package code that does not modify it. */
    float[] valuesView() {
        return values;
    }

    /** Whether the table has labels (binary or multi-class). */
    public boolean labelled() {
        return labels != null || classes != null;
    }

    /** Label column name, or null without labels (binary or multi-class). */
    public String labelColumn() {
        return labelColumn;
    }

    /** Label of a row (true = positive). */
    public boolean label(int row) {
        requireLabels();
        return labels[row];
    }

    /** All labels (a copy). */
    public boolean[] labels() {
        requireLabels();
        return labels.clone();
    }

    boolean[] labelsView() {
        requireLabels();
        return labels;
    }

    /** Label text of positives, or null without labels. */
    public String positiveValue() {
        return positiveValue;
    }

    /** Label text of negatives, or null without labels. */
    public String negativeValue() {
        return negativeValue;
    }

    /** Number of positive rows (0 without labels). */
    public int positives() {
        if (labels == null) {
            return 0;
        }
        int p = 0;
        for (boolean b : labels) {
            if (b) {
                p++;
            }
        }
        return p;
    }

    private void requireLabels() {
        if (labels == null) {
            throw new IllegalStateException(source + (classes != null ? " is a multi-class table"
                    : " has no label column"));
        }
    }

    /** The rows at the given indices, in that order. */
    public Table select(int[] rowIndices) {
        int d = columns.size();
        float[] v = new float[rowIndices.length * d];
        boolean[] l = labels == null ? null : new boolean[rowIndices.length];
        int[] k = classes == null ? null : new int[rowIndices.length];
        for (int i = 0; i < rowIndices.length; i++) {
            int r = rowIndices[i];
            if (r < 0 || r >= rows) {
                throw new IllegalArgumentException("rowIndices[" + i + "] must be in [0, " + rows + "), got " + r);
            }
            System.arraycopy(values, r * d, v, i * d, d);
            if (l != null) {
                l[i] = labels[r];
            }
            if (k != null) {
                k[i] = classes[r];
            }
        }
        return new Table(source, columns, v, rowIndices.length, labelColumn, l, positiveValue, negativeValue, k,
                classNames);
    }

    @Override
    public String toString() {
        return "Table[" + source + ", rows=" + rows + ", columns=" + columns.size()
                + (labels == null ? "" : ", positives=" + positives())
                + (classes == null ? "" : ", classes=" + classNames) + "]";
    }
}

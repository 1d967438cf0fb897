package org.discern.io;

import java.util.Arrays;
import java.util.Locale;

/**
 * True labels as read, before the task is fixed: either a vector of class indices (1-D) or an
 * n x L 0/1 indicator matrix (2-D, row-major). An indicator matrix whose every row holds exactly
 * one 1 is {@link Kind#ONE_HOT} and can be read both ways: as multi-class class indices (the
 * column of the 1) or as a multi-label indicator. Immutable.
 */
public final class LabelArray {
    /** What the labels are. */
    public enum Kind {
        /** 1-D integer labels: class indices (or 0/1 for a binary task). */
        CLASS_INDICES,
        /** 2-D 0/1 matrix with exactly one 1 per row: multi-class or multi-label. */
        ONE_HOT,
        /** 2-D 0/1 matrix with some row holding no 1 or several: multi-label only. */
        INDICATOR
    }

    private final Kind kind;
    private final int rows;
    private final int columns; // 0 for CLASS_INDICES
    private final int[] values; // class indices (length rows), or the indicator (rows * columns)
    private final int firstNonOneHotRow; // -1 when every row has exactly one 1 (or 1-D)

    private LabelArray(Kind kind, int rows, int columns, int[] values, int firstNonOneHotRow) {
        this.kind = kind;
        this.rows = rows;
        this.columns = columns;
        this.values = values;
        this.firstNonOneHotRow = firstNonOneHotRow;
    }

    /** Class indices (copied). Any int is accepted here; the range is checked by the task's holder. */
    public static LabelArray ofIndices(int[] labels) {
        return new LabelArray(Kind.CLASS_INDICES, labels.length, 0, labels.clone(), -1);
    }

    /**
     * An indicator matrix from its row-major 0/1 elements (copied).
     *
     * @throws IllegalArgumentException when {@code columns < 1}, the length is not
     *         {@code rows * columns} or an element is neither 0 nor 1
     */
    public static LabelArray ofIndicator(int[] rowMajor, int rows, int columns) {
        if (rows < 0 || columns < 1 || (long) rows * columns != rowMajor.length) {
            throw new IllegalArgumentException("indicator must hold rows * columns elements with columns >= 1, got "
                    + rowMajor.length + " for " + rows + " x " + columns);
        }
        int bad = firstNonBinary(rowMajor);
        if (bad >= 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "indicator[%d, %d] must be 0 or 1, got %d",
                    bad / columns, bad % columns, rowMajor[bad]));
        }
        return wrapIndicator(rowMajor.clone(), rows, columns);
    }

    /** Takes ownership of an already 0/1-checked indicator. */
    static LabelArray wrapIndicator(int[] rowMajor, int rows, int columns) {
        int firstBad = -1;
        for (int i = 0; i < rows && firstBad < 0; i++) {
            int ones = 0;
            for (int j = 0; j < columns; j++) {
                ones += rowMajor[i * columns + j];
            }
            if (ones != 1) {
                firstBad = i;
            }
        }
        return new LabelArray(firstBad < 0 ? Kind.ONE_HOT : Kind.INDICATOR, rows, columns, rowMajor, firstBad);
    }

    /** Takes ownership of class indices. */
    static LabelArray wrapIndices(int[] labels) {
        return new LabelArray(Kind.CLASS_INDICES, labels.length, 0, labels, -1);
    }

    /** Index of the first element that is neither 0 nor 1, or -1. */
    static int firstNonBinary(int[] a) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != 0 && a[i] != 1) {
                return i;
            }
        }
        return -1;
    }

    /** What the labels are. */
    public Kind kind() {
        return kind;
    }

    /** Number of samples n. */
    public int rows() {
        return rows;
    }

    /** Columns L of an indicator matrix; 0 for class indices. */
    public int columns() {
        return columns;
    }

    /** True when the labels can be read as class indices (1-D, or one 1 per row). */
    public boolean isMultiClass() {
        return kind != Kind.INDICATOR;
    }

    /** True when the labels are a 2-D indicator matrix (one-hot or not). */
    public boolean isIndicator() {
        return kind != Kind.CLASS_INDICES;
    }

    /**
     * The first row (0-based) that does not hold exactly one 1, or -1 when there is none (always
     * -1 for class indices).
     */
    public int firstNonOneHotRow() {
        return firstNonOneHotRow;
    }

    /** The number of 1s in row {@code row} of an indicator matrix. */
    int onesInRow(int row) {
        int ones = 0;
        for (int j = 0; j < columns; j++) {
            ones += values[row * columns + j];
        }
        return ones;
    }

    /**
     * Class indices: the 1-D values, or for a one-hot matrix the column of each row's 1.
     *
     * @throws IllegalStateException for an {@link Kind#INDICATOR} matrix
     */
    public int[] classIndices() {
        if (kind == Kind.CLASS_INDICES) {
            return values.clone();
        }
        requireOneHot();
        int[] out = new int[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = classIndex(i);
        }
        return out;
    }

    /**
     * Class index of sample {@code i}, without copying.
     *
     * @throws IllegalStateException for an {@link Kind#INDICATOR} matrix
     */
    public int classIndex(int i) {
        if (kind == Kind.CLASS_INDICES) {
            return values[i];
        }
        requireOneHot();
        if (i < 0 || i >= rows) {
            throw new IndexOutOfBoundsException("row must be in 0.." + (rows - 1) + ", got " + i);
        }
        for (int j = 0; j < columns; j++) {
            if (values[i * columns + j] == 1) {
                return j;
            }
        }
        throw new IllegalStateException("row " + i + " has no 1");
    }

    /**
     * Row-major copy of the n x L indicator matrix.
     *
     * @throws IllegalStateException for class indices (the number of classes is not known here)
     */
    public int[] indicator() {
        requireMatrix();
        return values.clone();
    }

    /** Indicator element (0 or 1) of sample {@code row}, label {@code column}, without copying. */
    public int indicator(int row, int column) {
        requireMatrix();
        if (row < 0 || row >= rows || column < 0 || column >= columns) {
            throw new IndexOutOfBoundsException("(" + row + ", " + column + ") outside " + rows + " x " + columns);
        }
        return values[row * columns + column];
    }

    private void requireOneHot() {
        if (kind == Kind.INDICATOR) {
            throw new IllegalStateException("row " + firstNonOneHotRow
                    + " does not hold exactly one 1: these are multi-label, not class, labels");
        }
    }

    private void requireMatrix() {
        if (kind == Kind.CLASS_INDICES) {
            throw new IllegalStateException("labels are 1-D class indices, not an indicator matrix");
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LabelArray)) {
            return false;
        }
        LabelArray l = (LabelArray) o;
        return kind == l.kind && rows == l.rows && columns == l.columns && Arrays.equals(values, l.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * kind.hashCode() + columns) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return kind == Kind.CLASS_INDICES ? "LabelArray[" + rows + " class indices]"
                : "LabelArray[" + kind + ", " + rows + " x " + columns + "]";
    }
}

package org.discern.io;

import java.util.Arrays;
import java.util.Locale;

/**
 * An immutable n x K matrix of finite scores, row-major, held as {@code float} (when read from
 * float16/float32 data, never widened) or as {@code double}. Row {@code i} holds the K scores of
 * sample {@code i}; a binary score vector is an n x 1 matrix. Copy-out accessors return new
 * arrays; {@link #get(int, int)} reads one element without copying.
 */
public final class ScoreMatrix {
    private final float[] floats; // row-major rows * columns, or null
    private final double[] doubles; // row-major rows * columns, or null
    private final int rows;
    private final int columns;

    private ScoreMatrix(float[] floats, double[] doubles, int rows, int columns) {
        this.floats = floats;
        this.doubles = doubles;
        this.rows = rows;
        this.columns = columns;
    }

    /**
     * A float matrix from its row-major elements (copied).
     *
     * @throws IllegalArgumentException when {@code columns < 1}, the length is not
     *         {@code rows * columns} or an element is NaN or infinite
     */
    public static ScoreMatrix of(float[] rowMajor, int rows, int columns) {
        checkShape(rowMajor.length, rows, columns);
        int bad = firstNonFinite(rowMajor);
        if (bad >= 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "scores[%d, %d] must be finite, got %s",
                    bad / columns, bad % columns, rowMajor[bad]));
        }
        return new ScoreMatrix(rowMajor.clone(), null, rows, columns);
    }

    /**
     * A double matrix from its row-major elements (copied).
     *
     * @throws IllegalArgumentException when {@code columns < 1}, the length is not
     *         {@code rows * columns} or an element is NaN or infinite
     */
    public static ScoreMatrix of(double[] rowMajor, int rows, int columns) {
        checkShape(rowMajor.length, rows, columns);
        int bad = firstNonFinite(rowMajor);
        if (bad >= 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "scores[%d, %d] must be finite, got %s",
                    bad / columns, bad % columns, rowMajor[bad]));
        }
        return new ScoreMatrix(null, rowMajor.clone(), rows, columns);
    }

    /** Takes ownership of an already validated array (readers). */
    static ScoreMatrix wrap(float[] rowMajor, int rows, int columns) {
        return new ScoreMatrix(rowMajor, null, rows, columns);
    }

    /** Takes ownership of an already validated array (readers). */
    static ScoreMatrix wrap(double[] rowMajor, int rows, int columns) {
        return new ScoreMatrix(null, rowMajor, rows, columns);
    }

    private static void checkShape(int length, int rows, int columns) {
        if (rows < 0 || columns < 1) {
            throw new IllegalArgumentException("rows must be >= 0 and columns >= 1, got " + rows + " and " + columns);
        }
        if ((long) rows * columns != length) {
            throw new IllegalArgumentException("scores must hold rows * columns = " + ((long) rows * columns)
                    + " elements, got " + length);
        }
    }

    /** Index of the first NaN or infinite element, or -1. */
    static int firstNonFinite(float[] a) {
        for (int i = 0; i < a.length; i++) {
            if (!Float.isFinite(a[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the first NaN or infinite element, or -1. */
    static int firstNonFinite(double[] a) {
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Number of samples n. */
    public int rows() {
        return rows;
    }

    /** Number of score columns K (classes or labels; 1 for binary scores). */
    public int columns() {
        return columns;
    }

    /** True when the scores are held as float (then {@link #toFloatArray()} is available). */
    public boolean isFloat() {
        return floats != null;
    }

    /** Score of sample {@code row} for column {@code column}, without copying (float widened exactly). */
    public double get(int row, int column) {
        int i = index(row, column);
        return floats != null ? floats[i] : doubles[i];
    }

    /** The row-major doubles themselves (not a copy; never to leave the package), or null for floats. */
    double[] doublesShared() {
        return doubles;
    }

    /** The row-major floats themselves (not a copy; never to leave the package), or null for doubles. */
    float[] floatsShared() {
        return floats;
    }

    /** Row-major copy as double (float scores widened exactly). */
    public double[] toDoubleArray() {
        if (doubles != null) {
            return doubles.clone();
        }
        double[] out = new double[floats.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = floats[i];
        }
        return out;
    }

    /**
     * Row-major copy as float.
     *
     * @throws IllegalStateException when the scores are double (they are never narrowed)
     */
    public float[] toFloatArray() {
        if (floats == null) {
            throw new IllegalStateException("scores are double; use toDoubleArray()");
        }
        return floats.clone();
    }

    /** Copy of column {@code column} (the one-vs-rest scores of a class) as double. */
    public double[] column(int column) {
        checkColumn(column);
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            int at = i * columns + column;
            out[i] = floats != null ? floats[at] : doubles[at];
        }
        return out;
    }

    /**
     * Copy of column {@code column} as float.
     *
     * @throws IllegalStateException when the scores are double
     */
    public float[] floatColumn(int column) {
        checkColumn(column);
        if (floats == null) {
            throw new IllegalStateException("scores are double; use column(int)");
        }
        float[] out = new float[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = floats[i * columns + column];
        }
        return out;
    }

    private void checkColumn(int column) {
        if (column < 0 || column >= columns) {
            throw new IndexOutOfBoundsException("column must be in 0.." + (columns - 1) + ", got " + column);
        }
    }

    private int index(int row, int column) {
        if (row < 0 || row >= rows || column < 0 || column >= columns) {
            throw new IndexOutOfBoundsException("(" + row + ", " + column + ") outside " + rows + " x " + columns);
        }
        return row * columns + column;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ScoreMatrix)) {
            return false;
        }
        ScoreMatrix m = (ScoreMatrix) o;
        return rows == m.rows && columns == m.columns && Arrays.equals(floats, m.floats)
                && Arrays.equals(doubles, m.doubles);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + columns) + (floats != null ? Arrays.hashCode(floats) : Arrays.hashCode(doubles));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ScoreMatrix[%d x %d %s]", rows, columns, floats != null ? "float" : "double");
    }
}

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
    // or the doubles in blocks of rows (a large file as the chunked reader collects it): block b
    // holds rows [b * rowsPerBlock, (b + 1) * rowsPerBlock) row-major; the last one may be longer
    // than its rows. Null unless both arrays above are null.
    private final double[][] blocks;
    private final int rowsPerBlock;
    private final int rows;
    private final int columns;

    private ScoreMatrix(float[] floats, double[] doubles, int rows, int columns) {
        this.floats = floats;
        this.doubles = doubles;
        this.blocks = null;
        this.rowsPerBlock = 0;
        this.rows = rows;
        this.columns = columns;
    }

    private ScoreMatrix(double[][] blocks, int rowsPerBlock, int rows, int columns) {
        this.floats = null;
        this.doubles = null;
        this.blocks = blocks;
        this.rowsPerBlock = rowsPerBlock;
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

    /**
     * Takes ownership of already validated blocks of rows (readers): block b holds rows
     * [b * rowsPerBlock, (b + 1) * rowsPerBlock) row-major, so that no array holds the whole
     * matrix (one array of it and its blocks would be twice its size while it is compacted).
     */
    static ScoreMatrix wrapBlocks(double[][] blocks, int rowsPerBlock, int rows, int columns) {
        return blocks.length == 1 && blocks[0].length == rows * columns ? wrap(blocks[0], rows, columns)
                : new ScoreMatrix(blocks, rowsPerBlock, rows, columns);
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
        if (blocks != null) {
            return blocks[row / rowsPerBlock][(row % rowsPerBlock) * columns + column];
        }
        return floats != null ? floats[i] : doubles[i];
    }

    /**
     * The row-major doubles themselves (not a copy; never to leave the package), or null for
     * floats. Scores held in blocks are copied into one array here (each call a new one).
     */
    double[] doublesShared() {
        return blocks != null ? toDoubleArray() : doubles;
    }

    /** The blocks of rows themselves (never to leave the package), or null when held in one array. */
    double[][] blocksShared() {
        return blocks;
    }

    /** Rows per block of {@link #blocksShared()}. */
    int rowsPerBlock() {
        return rowsPerBlock;
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
        if (blocks != null) {
            double[] out = new double[rows * columns];
            for (int b = 0, done = 0; done < out.length; b++) {
                int len = Math.min(rowsPerBlock * columns, out.length - done);
                System.arraycopy(blocks[b], 0, out, done, len);
                done += len;
            }
            return out;
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
            out[i] = get(i, column);
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
        if (rows != m.rows || columns != m.columns || isFloat() != m.isFloat()) {
            return false;
        }
        if (blocks == null && m.blocks == null) {
            return Arrays.equals(floats, m.floats) && Arrays.equals(doubles, m.doubles);
        }
        // doubles, one side or both in blocks: element by element, as Arrays.equals compares them
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                if (Double.doubleToLongBits(get(i, j)) != Double.doubleToLongBits(m.get(i, j))) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h;
        if (blocks == null) {
            h = floats != null ? Arrays.hashCode(floats) : Arrays.hashCode(doubles);
        } else {
            // the hash Arrays.hashCode gives the same doubles in one array
            h = 1;
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < columns; j++) {
                    h = 31 * h + Double.hashCode(get(i, j));
                }
            }
        }
        return 31 * (31 * rows + columns) + h;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ScoreMatrix[%d x %d %s]", rows, columns, floats != null ? "float" : "double");
    }
}

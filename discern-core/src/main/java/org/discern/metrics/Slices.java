package org.discern.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.discern.metrics.internal.Checks;

/**
 * The rows of a sample split by the values of one or more group columns: one slice per distinct
 * combination of values that occurs, in order of first appearance. With one column, a slice per
 * value; with several ({@code --group a,b}), a slice per observed pair (triple...) of values.
 *
 * <p>Immutable; arrays never leak. The row indices of a slice are ascending, so
 * {@link #select(int, double[])} keeps the input order within the slice.
 */
public final class Slices {
    private final List<String> columns;
    private final List<List<String>> values; // values.get(s).get(c): slice s's value of column c
    private final int[][] rows; // rows[s]: ascending row indices of slice s
    private final int[] sliceOf; // sliceOf[r]: the slice of row r
    private final int n;

    private Slices(List<String> columns, List<List<String>> values, int[][] rows, int[] sliceOf) {
        this.columns = List.copyOf(columns);
        this.values = List.copyOf(values);
        this.rows = rows;
        this.sliceOf = sliceOf;
        this.n = sliceOf.length;
    }

    /**
     * Splits the rows by the given group columns.
     *
     * @param columns names of the group columns, at least one, distinct
     * @param values one array per column, each holding one non-null value per row; all as long
     * @throws IllegalArgumentException on no columns, unequal lengths, no rows or a null value
     */
    public static Slices of(List<String> columns, List<String[]> values) {
        Checks.notNull(columns, "columns");
        Checks.notNull(values, "values");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("columns must name at least 1 group column, got none");
        }
        Checks.sameLength(columns.size(), values.size(), "columns", "values");
        if (columns.stream().distinct().count() != columns.size()) {
            throw new IllegalArgumentException("columns must be distinct, got " + columns);
        }
        int n = values.get(0).length;
        Checks.nonEmpty(n, "values[0]");
        for (int c = 0; c < values.size(); c++) {
            Checks.notNull(values.get(c), "values[" + c + "]");
            Checks.sameLength(n, values.get(c).length, "values[0]", "values[" + c + "]");
        }
        Map<List<String>, Integer> index = new HashMap<>();
        List<List<String>> keys = new ArrayList<>();
        int[] sliceOf = new int[n];
        int[] counts = new int[16];
        String[] key = new String[columns.size()];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < key.length; c++) {
                String v = values.get(c)[r];
                if (v == null) {
                    throw new IllegalArgumentException("values[" + c + "][" + r + "] (column " + columns.get(c)
                            + ") must not be null");
                }
                key[c] = v;
            }
            List<String> k = List.of(key);
            Integer s = index.get(k);
            if (s == null) {
                s = keys.size();
                index.put(k, s);
                keys.add(k);
                if (s == counts.length) {
                    counts = Arrays.copyOf(counts, s * 2);
                }
            }
            sliceOf[r] = s;
            counts[s]++;
        }
        int[][] rows = new int[keys.size()][];
        for (int s = 0; s < rows.length; s++) {
            rows[s] = new int[counts[s]];
        }
        int[] fill = new int[rows.length];
        for (int r = 0; r < n; r++) {
            int s = sliceOf[r];
            rows[s][fill[s]++] = r;
        }
        return new Slices(columns, keys, rows, sliceOf);
    }

    /** Names of the group columns. */
    public List<String> columns() {
        return columns;
    }

    /** Number of slices. */
    public int size() {
        return rows.length;
    }

    /** Number of rows of the whole sample. */
    public int rows() {
        return n;
    }

    /** The values of slice {@code s}, one per group column. */
    public List<String> values(int s) {
        return values.get(s);
    }

    /** Number of rows of slice {@code s}. */
    public int rowCount(int s) {
        return rows[s].length;
    }

    /** Copy of the ascending row indices of slice {@code s}. */
    public int[] rowIndices(int s) {
        return rows[s].clone();
    }

    /** The slice of row {@code r}. */
    public int sliceOf(int r) {
        return sliceOf[r];
    }

    /** Whether row {@code r} belongs to slice {@code s}, as a mask over all rows. */
    public boolean[] mask(int s) {
        boolean[] m = new boolean[n];
        for (int r : rows[s]) {
            m[r] = true;
        }
        return m;
    }

    /** The entries of {@code a} at the rows of slice {@code s} (null stays null). */
    public double[] select(int s, double[] a) {
        return a == null ? null : pick(a, rows[s]);
    }

    /** The entries of {@code a} at the rows of slice {@code s}. */
    public boolean[] select(int s, boolean[] a) {
        boolean[] out = new boolean[rows[s].length];
        for (int i = 0; i < out.length; i++) {
            out[i] = a[rows[s][i]];
        }
        return out;
    }

    /** The entries of {@code a} at the rows of slice {@code s}. */
    public int[] select(int s, int[] a) {
        int[] out = new int[rows[s].length];
        for (int i = 0; i < out.length; i++) {
            out[i] = a[rows[s][i]];
        }
        return out;
    }

    /** The rows of {@code a} (shared, not copied) at the rows of slice {@code s}. */
    public <T> T[] select(int s, T[] a) {
        T[] out = Arrays.copyOf(a, rows[s].length);
        for (int i = 0; i < out.length; i++) {
            out[i] = a[rows[s][i]];
        }
        return out;
    }

    /** The entries of {@code a} at every row outside slice {@code s} (null stays null). */
    public double[] selectRest(int s, double[] a) {
        return a == null ? null : pick(a, rest(s));
    }

    /** The entries of {@code a} at every row outside slice {@code s}. */
    public boolean[] selectRest(int s, boolean[] a) {
        int[] idx = rest(s);
        boolean[] out = new boolean[idx.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = a[idx[i]];
        }
        return out;
    }

    /** Ascending indices of the rows outside slice {@code s}. */
    public int[] rest(int s) {
        int[] out = new int[n - rows[s].length];
        int k = 0;
        for (int r = 0; r < n; r++) {
            if (sliceOf[r] != s) {
                out[k++] = r;
            }
        }
        return out;
    }

    private static double[] pick(double[] a, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = a[idx[i]];
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Slices").append(columns).append('[');
        for (int s = 0; s < rows.length; s++) {
            sb.append(s == 0 ? "" : ", ").append(values.get(s)).append(": ").append(rows[s].length);
        }
        return sb.append(']').toString();
    }
}

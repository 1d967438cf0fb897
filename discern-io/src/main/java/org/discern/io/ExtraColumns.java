package org.discern.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Further columns of a predictions file, read in one pass beside the predictions ({@link PredictionReader}): extra
 * score columns (finite numbers) and an optional id column (text, unique per row). Rows are in
 * file order, as the reader's.
 */
public final class ExtraColumns {
    private final double[][] numbers;
    private final String[] ids;

    private ExtraColumns(double[][] numbers, String[] ids) {
        this.numbers = numbers;
        this.ids = ids;
    }

    /**
     * Reads the columns.
     *
     * @param numberColumns names of numeric columns (may be empty)
     * @param idColumn name of the id column, or null
     * @throws InputException when a column is missing, a number is invalid, an id is empty or
     *     appears twice (naming both lines)
     */
    public static ExtraColumns read(Path path, List<String> numberColumns, String idColumn) throws IOException {
        return read(path, numberColumns, idColumn, null);
    }

    /**
     * As {@link #read(Path, List, String)}; with {@code dropUnlessFinite} (a score column, or
     * null) the rows where it or a numeric column is not a finite number are left out, as
     * {@code --drop-invalid} leaves them out of the predictions read with
     * {@link InputSpec#alsoFinite()} = {@code numberColumns}: both keep the same rows.
     */
    public static ExtraColumns read(Path path, List<String> numberColumns, String idColumn, String dropUnlessFinite)
            throws IOException {
        try (DelimitedFile f = DelimitedFile.open(path)) {
            int score = dropUnlessFinite == null ? -1 : f.requireColumn(dropUnlessFinite, "scores");
            int k = numberColumns.size();
            int[] idx = new int[k];
            for (int c = 0; c < k; c++) {
                idx[c] = f.requireColumn(numberColumns.get(c), "scores");
            }
            RowExtras ids = RowExtras.of(f, -1, idColumn);
            double[][] v = new double[k][1024];
            int n = 0;
            while (f.next()) {
                if (k > 0 && n == v[0].length) {
                    for (int c = 0; c < k; c++) {
                        v[c] = Arrays.copyOf(v[c], n * 2);
                    }
                }
                boolean valid = score < 0 || !Double.isNaN(f.numberOrNaN(score));
                for (int c = 0; c < k; c++) {
                    v[c][n] = score < 0 ? f.number(idx[c]) : f.numberOrNaN(idx[c]);
                    valid &= !Double.isNaN(v[c][n]);
                }
                if (!valid) {
                    continue;
                }
                ids.add(f);
                n++;
            }
            for (int c = 0; c < k; c++) {
                v[c] = Arrays.copyOf(v[c], n);
            }
            return new ExtraColumns(v, ids.ids());
        }
    }

    /** Copy of numeric column {@code c} (in the order given to {@link #read}). */
    public double[] numbers(int c) {
        return numbers[c].clone();
    }

    /** Copy of the ids, or null when no id column was read. */
    public String[] ids() {
        return ids == null ? null : ids.clone();
    }
}

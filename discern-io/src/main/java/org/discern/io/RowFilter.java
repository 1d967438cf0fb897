package org.discern.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code --drop-invalid} for inputs read whole as arrays (NumPy, Parquet): the rows whose scores
 * are not all finite are left out after reading, every label having been checked on every row
 * (an invalid label stays an error, dropped row or not). The text readers drop rows as they read
 * them ({@link BinaryCsvReader}, {@link MultiClassCsvReader}, {@link MultiLabelCsvReader}).
 */
final class RowFilter {
    private RowFilter() {
    }

    /** Whether row {@code row} of an n x k row-major matrix holds a score that is not finite. */
    private static boolean invalid(ScoreMatrix s, int row) {
        for (int j = 0; j < s.columns(); j++) {
            if (!Double.isFinite(s.get(row, j))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rows of {@code p} whose scores are all finite, and where each came from ({@code place}:
     * a Parquet row, 1-based, or a NumPy index, 0-based).
     *
     * @throws InputException when no row is left
     */
    static Predictions dropInvalid(Predictions p, InputRows.Place place) throws InputException {
        int n = p.size();
        int[] kept = new int[n];
        int m = 0;
        InputRows.Builder positions = InputRows.builder(place);
        for (int i = 0; i < n; i++) {
            boolean bad = p instanceof BinaryPredictions b ? !Double.isFinite(b.score(i))
                    : invalid(p instanceof MultiClassPredictions c ? c.scores() : ((MultiLabelPredictions) p).scores(), i);
            long position = place == InputRows.Place.ROW ? i + 1L : i;
            if (bad) {
                positions.drop(position);
            } else {
                positions.keep(position);
                kept[m++] = i;
            }
        }
        if (m == 0) {
            throw new InputException(p.source(), 0, null, "expected at least one row with valid scores, found none"
                    + " (--drop-invalid left out all " + n + ")");
        }
        InputRows rows = positions.build();
        if (m == n) {
            return withInputRows(p, rows);
        }
        int[] keep = Arrays.copyOf(kept, m);
        double[] w = p.weights() == null ? null : select(p.weights(), keep);
        String[] ids = p.ids() == null ? null : select(p.ids(), keep);
        TextColumns text = select(p.textColumns(), keep);
        if (p instanceof BinaryPredictions b) {
            return new BinaryPredictions(b.source(), select(b.scores(), keep), select(b.labels(), keep), w,
                    b.positiveLabel(), b.labelValues(), ids).withTextColumns(text).withInputRows(rows);
        }
        if (p instanceof MultiClassPredictions c) {
            return MultiClassPredictions.owning(select(c.labels(), keep), c.classNames(), rows(c.scores(), keep), w)
                    .withSource(c.source(), ids).withTextColumns(text).withInputRows(rows);
        }
        MultiLabelPredictions l = (MultiLabelPredictions) p;
        return MultiLabelPredictions.of(rowsOf(l.indicatorBooleans(), l.labelCount(), keep), l.labelNames(),
                rows(l.scores(), keep), w).withSource(l.source(), ids).withTextColumns(text).withInputRows(rows);
    }

    /** {@code p} with these row positions. */
    static Predictions withInputRows(Predictions p, InputRows rows) {
        if (p instanceof BinaryPredictions b) {
            return b.withInputRows(rows);
        }
        return p instanceof MultiClassPredictions c ? c.withInputRows(rows)
                : ((MultiLabelPredictions) p).withInputRows(rows);
    }

    private static ScoreMatrix rows(ScoreMatrix s, int[] keep) {
        int k = s.columns();
        if (s.isFloat()) {
            float[] all = s.toFloatArray();
            float[] out = new float[keep.length * k];
            for (int i = 0; i < keep.length; i++) {
                System.arraycopy(all, keep[i] * k, out, i * k, k);
            }
            return ScoreMatrix.wrap(out, keep.length, k);
        }
        double[] all = s.toDoubleArray();
        double[] out = new double[keep.length * k];
        for (int i = 0; i < keep.length; i++) {
            System.arraycopy(all, keep[i] * k, out, i * k, k);
        }
        return ScoreMatrix.wrap(out, keep.length, k);
    }

    private static boolean[] rowsOf(boolean[] all, int k, int[] keep) {
        boolean[] out = new boolean[keep.length * k];
        for (int i = 0; i < keep.length; i++) {
            System.arraycopy(all, keep[i] * k, out, i * k, k);
        }
        return out;
    }

    private static double[] select(double[] a, int[] keep) {
        double[] out = new double[keep.length];
        for (int i = 0; i < keep.length; i++) {
            out[i] = a[keep[i]];
        }
        return out;
    }

    private static boolean[] select(boolean[] a, int[] keep) {
        boolean[] out = new boolean[keep.length];
        for (int i = 0; i < keep.length; i++) {
            out[i] = a[keep[i]];
        }
        return out;
    }

    private static int[] select(int[] a, int[] keep) {
        int[] out = new int[keep.length];
        for (int i = 0; i < keep.length; i++) {
            out[i] = a[keep[i]];
        }
        return out;
    }

    private static String[] select(String[] a, int[] keep) {
        String[] out = new String[keep.length];
        for (int i = 0; i < keep.length; i++) {
            out[i] = a[keep[i]];
        }
        return out;
    }

    private static TextColumns select(TextColumns t, int[] keep) {
        if (t.isEmpty()) {
            return t;
        }
        List<String[]> values = new ArrayList<>();
        for (String name : t.names()) {
            values.add(select(t.column(name), keep));
        }
        return TextColumns.of(t.names(), values);
    }
}

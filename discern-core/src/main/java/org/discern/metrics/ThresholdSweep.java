package org.discern.metrics;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;

import org.discern.metrics.internal.Checks;

/**
 * Every threshold metric at many thresholds, as columns of primitive arrays (one row per
 * threshold, thresholds descending), ready to be written as a table.
 *
 * <p>Rows come from one of:
 * <ul>
 * <li>{@link #all(OperatingPoints)}: {@code +Infinity} then every distinct score: every
 *     classification the scores allow (the candidates of {@link Thresholds});</li>
 * <li>{@link #grid(OperatingPoints, int, Grid)} with {@link Grid#UNIFORM}: n thresholds evenly
 *     spaced from the largest score down to the smallest, {@code t_j = max - j (max - min) / (n - 1)}
 *     with the last one exactly min (a single distinct score gives one row);</li>
 * <li>{@link Grid#QUANTILE}: for j = 1..n, the highest distinct score at which at least a share
 *     j / n of the total weight is flagged, i.e. the score quantiles by weight seen from the top;
 *     repeated thresholds (ties spanning several quantiles) are listed once, so there can be
 *     fewer than n rows.</li>
 * <li>{@link #representative(OperatingPoints, int)}: a few thousand exact rows of the table
 *     that draw like all of them (see {@link #representativeRows});</li>
 * </ul>
 * Metrics undefined at a row (0/0) are NaN, as in {@link ConfusionMatrix}.
 *
 * <p>Immutable; arrays are copied out.
 */
public final class ThresholdSweep {

    /** How a threshold grid is placed. */
    public enum Grid {
        /** Evenly spaced in [min score, max score]. */
        UNIFORM,
        /** At the weighted quantiles of the scores (equal flagged shares). */
        QUANTILE;

        /** Parses "uniform" or "quantile" (case-insensitive). */
        public static Grid parse(String s) {
            if (s != null) {
                switch (s.trim().toLowerCase(Locale.ROOT)) {
                    case "uniform":
                        return UNIFORM;
                    case "quantile":
                        return QUANTILE;
                    default:
                        break;
                }
            }
            throw new IllegalArgumentException("grid must be uniform or quantile, got '" + s + "'");
        }
    }

    /** The columns, in table order; {@link #key()} is the snake_case column name. */
    public enum Column {
        THRESHOLD("threshold"), TP("tp"), FP("fp"), TN("tn"), FN("fn"), FLAGGED_FRACTION(Metric.FLAGGED_FRACTION),
        PRECISION(Metric.PRECISION), RECALL(Metric.RECALL), SPECIFICITY(Metric.SPECIFICITY), FPR("fpr"), FNR("fnr"),
        NPV(Metric.NPV), ACCURACY(Metric.ACCURACY), BALANCED_ACCURACY(Metric.BALANCED_ACCURACY), F1(Metric.F1),
        MCC(Metric.MCC), YOUDEN_J("youden_j"), COHEN_KAPPA(Metric.COHEN_KAPPA);

        private final String key;

        /** A column that is not a registry metric (a threshold, a count, a rate). */
        Column(String key) {
            this.key = key;
        }

        /** A column holding a registry metric: its key is the metric's. */
        Column(Metric metric) {
            this(metric.key());
        }

        /** The snake_case column name. */
        public String key() {
            return key;
        }
    }

    private static final Column[] COLUMNS = Column.values();

    // values[column.ordinal()][row]
    private final double[][] values;

    private ThresholdSweep(double[][] values) {
        this.values = values;
    }

    /** +Infinity and every distinct score of the table. */
    public static ThresholdSweep all(OperatingPoints points) {
        Checks.notNull(points, "points");
        int rows = points.size() + 1;
        double[][] v = new double[COLUMNS.length][rows];
        for (int r = 0; r < rows; r++) {
            int i = r - 1;
            fill(v, r, i < 0 ? Double.POSITIVE_INFINITY : points.threshold(i), points.confusionAtIndex(i));
        }
        return new ThresholdSweep(v);
    }

    /**
     * A grid of thresholds (see the class documentation for the placement).
     *
     * @param n number of grid thresholds, &gt;= 2
     */
    public static ThresholdSweep grid(OperatingPoints points, int n, Grid grid) {
        Checks.notNull(points, "points");
        Checks.notNull(grid, "grid");
        if (n < 2) {
            throw new IllegalArgumentException("n must be >= 2, got " + n);
        }
        double[] t = grid == Grid.UNIFORM ? uniform(points, n) : quantile(points, n);
        double[][] v = new double[COLUMNS.length][t.length];
        for (int r = 0; r < t.length; r++) {
            fill(v, r, t[r], points.confusionAt(t[r]));
        }
        return new ThresholdSweep(v);
    }

    /**
     * The sweep at a few thousand representative rows of the table (see
     * {@link #representativeRows}): enough to draw every metric against the threshold exactly at
     * its rows, whatever the number of distinct scores.
     *
     * @param max at least 3; the sweep has at most about {@code 2 max} rows
     */
    public static ThresholdSweep representative(OperatingPoints points, int max) {
        int[] rows = representativeRows(points, max);
        double[][] v = new double[COLUMNS.length][rows.length];
        for (int r = 0; r < rows.length; r++) {
            fill(v, r, points.threshold(rows[r]), points.confusionAtIndex(rows[r]));
        }
        return new ThresholdSweep(v);
    }

    /**
     * Indices of representative rows of an operating-point table, ascending (thresholds
     * descending), to embed or draw a curve of millions of points as a few thousand exact ones.
     * Kept rows are the union of evenly spaced quantiles ({@code max / 3} each) of the cumulative
     * true positives, the cumulative false positives and the cumulative predicted positives (each
     * with the row before it, the corner of the step), plus the first and last rows; so between
     * two kept rows the TPR, the FPR and the flagged share each change by at most about
     * {@code 3 / max}. A table of at most {@code max} rows is kept whole.
     *
     * @param max at least 3; the result has at most about {@code 2 max} rows
     */
    public static int[] representativeRows(OperatingPoints points, int max) {
        Checks.notNull(points, "points");
        if (max < 3) {
            throw new IllegalArgumentException("max must be >= 3, got " + max);
        }
        int n = points.size();
        if (n <= max) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        boolean[] keep = new boolean[n];
        keep[0] = true;
        keep[n - 1] = true;
        int per = max / 3;
        // binary searches on the table itself: no copies of million-row arrays
        mark(points::truePositives, n, per, keep);
        mark(points::falsePositives, n, per, keep);
        mark(i -> points.truePositives(i) + points.falsePositives(i), n, per, keep);
        int m = 0;
        for (boolean k : keep) {
            if (k) {
                m++;
            }
        }
        int[] out = new int[m];
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                out[j++] = i;
            }
        }
        return out;
    }

    // marks, for k = 1..per, the first row whose cumulative value reaches k/per of the total
    private static void mark(IntToDoubleFunction cumulative, int n, int per, boolean[] keep) {
        double total = cumulative.applyAsDouble(n - 1);
        if (total <= 0) {
            return;
        }
        for (int k = 1; k <= per; k++) {
            double target = total * k / per;
            int lo = 0;
            int hi = n - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative.applyAsDouble(mid) >= target) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            keep[lo] = true;
            if (lo > 0) {
                keep[lo - 1] = true;
            }
        }
    }

    private static double[] uniform(OperatingPoints points, int n) {
        double max = points.threshold(0);
        double min = points.threshold(points.size() - 1);
        if (max == min) {
            return new double[] {max};
        }
        double step = (max - min) / (n - 1);
        double[] t = new double[n];
        for (int j = 0; j < n - 1; j++) {
            t[j] = max - j * step;
        }
        t[n - 1] = min;
        return t;
    }

    private static double[] quantile(OperatingPoints points, int n) {
        double total = points.positives() + points.negatives();
        double[] t = new double[n];
        int k = 0;
        int i = 0;
        int last = points.size() - 1;
        for (int j = 1; j <= n; j++) {
            // j * total / n, not (j / n) * total: (7 / 25) * 25 is 7.000000000000001
            double target = j * total / n;
            while (i < last && (points.truePositives(i) + points.falsePositives(i)) < target) {
                i++;
            }
            double thr = points.threshold(i);
            if (k == 0 || t[k - 1] != thr) {
                t[k++] = thr;
            }
        }
        return Arrays.copyOf(t, k);
    }

    private static void fill(double[][] v, int r, double threshold, ConfusionMatrix cm) {
        v[Column.THRESHOLD.ordinal()][r] = threshold;
        v[Column.TP.ordinal()][r] = cm.tp();
        v[Column.FP.ordinal()][r] = cm.fp();
        v[Column.TN.ordinal()][r] = cm.tn();
        v[Column.FN.ordinal()][r] = cm.fn();
        double total = cm.total();
        v[Column.FLAGGED_FRACTION.ordinal()][r] = total == 0 ? Double.NaN : cm.predictedPositives() / total;
        v[Column.PRECISION.ordinal()][r] = cm.precision();
        v[Column.RECALL.ordinal()][r] = cm.recall();
        v[Column.SPECIFICITY.ordinal()][r] = cm.specificity();
        v[Column.FPR.ordinal()][r] = cm.falsePositiveRate();
        v[Column.FNR.ordinal()][r] = cm.falseNegativeRate();
        v[Column.NPV.ordinal()][r] = cm.npv();
        v[Column.ACCURACY.ordinal()][r] = cm.accuracy();
        v[Column.BALANCED_ACCURACY.ordinal()][r] = cm.balancedAccuracy();
        v[Column.F1.ordinal()][r] = cm.f1();
        v[Column.MCC.ordinal()][r] = cm.mcc();
        v[Column.YOUDEN_J.ordinal()][r] = cm.youdenJ();
        v[Column.COHEN_KAPPA.ordinal()][r] = cm.cohenKappa();
    }

    /** Number of rows (thresholds). */
    public int size() {
        return values[0].length;
    }

    /** Copy of one column. */
    public double[] column(Column c) {
        return values[c.ordinal()].clone();
    }

    /** The value of column c at a row, without copying. */
    public double value(int row, Column c) {
        return values[c.ordinal()][row];
    }

    /** Copy of the thresholds, descending (the first may be +Infinity). */
    public double[] thresholds() {
        return column(Column.THRESHOLD);
    }

    /** Copy of the precision column. */
    public double[] precision() {
        return column(Column.PRECISION);
    }

    /** Copy of the recall column. */
    public double[] recall() {
        return column(Column.RECALL);
    }

    /** Copy of the specificity column. */
    public double[] specificity() {
        return column(Column.SPECIFICITY);
    }

    /** Copy of the F1 column. */
    public double[] f1() {
        return column(Column.F1);
    }

    /** Copy of the MCC column. */
    public double[] mcc() {
        return column(Column.MCC);
    }

    @Override
    public String toString() {
        return "ThresholdSweep[rows=" + size() + "]";
    }
}

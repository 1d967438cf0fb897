package org.discern.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.discern.metrics.internal.Checks;
import org.discern.metrics.internal.Weights;

/**
 * A K x K confusion matrix of single-label predictions (rows = true class, columns = predicted
 * class) and every metric derived from it. Counts are (weighted) sums, so they are {@code double};
 * without weights they are exact integers.
 *
 * <p>Undefined values are NaN, never silently 0: {@link #precision(int)} of a class that is never
 * predicted, {@link #recall(int)} of a class absent from the labels, {@link #f1(int)} when both
 * are empty. The averages follow these rules, stated once here:
 * <ul>
 *   <li><b>macro</b>: the plain mean over the classes <em>present in the labels</em> (support
 *       &gt; 0); a class absent from the labels is left out, with a warning naming it. A present
 *       class that is never predicted has an undefined precision; it counts as 0 in the macro and
 *       weighted precision (as scikit-learn's {@code zero_division=0}, so that never predicting
 *       a class is not rewarded), with a warning naming it.</li>
 *   <li><b>weighted</b>: the mean over present classes weighted by their (weighted) support.</li>
 *   <li><b>micro</b>: pooled over every decision of every class; for single-label predictions
 *       precision, recall and F1 micro all equal the accuracy.</li>
 * </ul>
 *
 * <p><b>Memory.</b> Only the non-zero cells are held (at most min(n, K<sup>2</sup>) of them), with
 * the row and column sums and the diagonal: O(n + K), so that 16,000 classes of 200 samples need
 * kilobytes, not the 2 GB of a dense 16,000 x 16,000 matrix. {@link #nonZeroCells()} and
 * {@link #nonZeroCount(int)} read them without copying; {@link #counts()} builds the dense matrix
 * on request.
 *
 * <p>Instances are immutable; arrays never leak.
 */
public final class MulticlassConfusionMatrix {
    private final int k;
    // the non-zero cells in row-major order: cells[i] = t * k + p (ascending), values[i] > 0 its
    // (weighted) number of samples of true class t predicted as p
    private final long[] cells;
    private final double[] values;
    // rowSum[t] = support of class t; colSum[p] = predicted count of class p; diag[c] = cell (c, c)
    private final double[] rowSum;
    private final double[] colSum;
    private final double[] diag;
    private final double total;
    private final List<String> classes;
    private final List<String> warnings;

    private MulticlassConfusionMatrix(long[] cells, double[] values, int k, List<String> classes) {
        this.cells = cells;
        this.values = values;
        this.k = k;
        this.classes = classes;
        this.rowSum = new double[k];
        this.colSum = new double[k];
        this.diag = new double[k];
        // row-major, as a dense loop over every cell would add them (the zeros change no sum)
        for (int i = 0; i < cells.length; i++) {
            int t = (int) (cells[i] / k);
            int p = (int) (cells[i] % k);
            double v = values[i];
            rowSum[t] += v;
            colSum[p] += v;
            if (t == p) {
                diag[t] = v;
            }
        }
        double t = 0;
        for (int i = 0; i < k; i++) {
            t += rowSum[i];
        }
        this.total = t;
        // in class order, or one summary per kind when a kind concerns many classes
        List<String> w = new ArrayList<>();
        ClassWarnings absent = new ClassWarnings("%s classes are absent from the labels: %s; their recall is NaN "
                + "and they are left out of the macro and weighted averages");
        ClassWarnings neverPredicted = new ClassWarnings("%s classes are never predicted: %s; their precision is "
                + "NaN and counts as 0 in the macro and weighted precision");
        for (int c = 0; c < k; c++) {
            String warning = null;
            if (rowSum[c] == 0) {
                warning = "class '" + classes.get(c) + "' is absent from the labels: its recall is NaN and it "
                        + "is left out of the macro and weighted averages";
                absent.add(classes.get(c), warning);
            } else if (colSum[c] == 0) {
                warning = "class '" + classes.get(c) + "' is never predicted: its precision is NaN and counts "
                        + "as 0 in the macro and weighted precision";
                neverPredicted.add(classes.get(c), warning);
            }
            if (warning != null && w.size() <= 2 * ClassWarnings.LIMIT) {
                w.add(warning);
            }
        }
        if (absent.size() > ClassWarnings.LIMIT || neverPredicted.size() > ClassWarnings.LIMIT) {
            w.clear();
            absent.addTo(w);
            neverPredicted.addTo(w);
        }
        this.warnings = List.copyOf(w);
    }

    /**
     * A confusion matrix from its counts (copied), with classes named "0" .. "K-1".
     *
     * @param counts square, K &gt;= 1, rows = true class, columns = predicted class; every count
     *     finite and &gt;= 0
     * @throws IllegalArgumentException when the matrix is not square or a count is invalid
     */
    public static MulticlassConfusionMatrix of(double[][] counts) {
        Checks.notNull(counts, "counts");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            names.add(Integer.toString(i));
        }
        return of(counts, names);
    }

    /**
     * A confusion matrix from its counts (copied) and class names.
     *
     * @param counts square, K &gt;= 1, rows = true class, columns = predicted class; every count
     *     finite and &gt;= 0
     * @param classes K class names, used in warnings
     * @throws IllegalArgumentException when the matrix is not square, a count is invalid or the
     *     names do not match
     */
    public static MulticlassConfusionMatrix of(double[][] counts, List<String> classes) {
        Checks.notNull(counts, "counts");
        Checks.notNull(classes, "classes");
        int k = counts.length;
        Checks.nonEmpty(k, "counts");
        Checks.sameLength(k, classes.size(), "counts", "classes");
        Accumulator flat = new Accumulator(k);
        for (int i = 0; i < k; i++) {
            Checks.notNull(counts[i], "counts[" + i + "]");
            if (counts[i].length != k) {
                throw new IllegalArgumentException("counts[" + i + "] must have length " + k + ", got "
                        + counts[i].length);
            }
            for (int j = 0; j < k; j++) {
                double v = counts[i][j];
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("counts[" + i + "][" + j + "] must be finite and >= 0, got " + v);
                }
                if (v != 0) {
                    flat.add(i, j, v);
                }
            }
        }
        return flat.build(List.copyOf(classes));
    }

    /**
     * Adds up (weighted) samples into cells, each cell's weights in the order they are added (so
     * the sums are those of a dense matrix filled in the same order): a dense K x K array for
     * up to {@value #DENSE_MAX_CLASSES} classes, else a hash table of the cells met.
     */
    static final class Accumulator {
        private static final int DENSE_MAX_CLASSES = 1024;
        private final int k;
        private final double[] dense;
        // open addressing: keys[h] = cell or -1 (empty), sums[h] its sum
        private long[] keys;
        private double[] sums;
        private int size;

        Accumulator(int k) {
            this.k = k;
            this.dense = k <= DENSE_MAX_CLASSES ? new double[k * k] : null;
            if (dense == null) {
                keys = new long[64];
                Arrays.fill(keys, -1);
                sums = new double[64];
            }
        }

        /** An accumulator holding the given non-zero cells (row-major, ascending) and their sums. */
        static Accumulator of(int k, long[] cells, double[] values) {
            Accumulator a = new Accumulator(k);
            for (int i = 0; i < cells.length; i++) {
                a.add((int) (cells[i] / k), (int) (cells[i] % k), values[i]);
            }
            return a;
        }

        /** Adds weight {@code w} to cell (actual, predicted). */
        void add(int actual, int predicted, double w) {
            long cell = (long) actual * k + predicted;
            if (dense != null) {
                dense[(int) cell] += w;
                return;
            }
            int mask = keys.length - 1;
            int h = hash(cell) & mask;
            while (keys[h] != -1 && keys[h] != cell) {
                h = (h + 1) & mask;
            }
            if (keys[h] == -1) {
                keys[h] = cell;
                sums[h] = 0;
                if (++size * 2 > keys.length) {
                    grow();
                    h = find(cell);
                }
            }
            sums[h] += w;
        }

        private static int hash(long cell) {
            long x = cell * 0x9E3779B97F4A7C15L;
            return (int) (x ^ (x >>> 32));
        }

        private int find(long cell) {
            int mask = keys.length - 1;
            int h = hash(cell) & mask;
            while (keys[h] != cell) {
                h = (h + 1) & mask;
            }
            return h;
        }

        private void grow() {
            long[] oldKeys = keys;
            double[] oldSums = sums;
            keys = new long[oldKeys.length * 2];
            Arrays.fill(keys, -1);
            sums = new double[keys.length];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != -1) {
                    int h = hash(oldKeys[i]) & mask;
                    while (keys[h] != -1) {
                        h = (h + 1) & mask;
                    }
                    keys[h] = oldKeys[i];
                    sums[h] = oldSums[i];
                }
            }
        }

        /** The matrix of the non-zero cells added so far. */
        MulticlassConfusionMatrix build(List<String> classes) {
            int m = 0;
            long[] cells;
            double[] values;
            if (dense != null) {
                for (double v : dense) {
                    m += v != 0 ? 1 : 0;
                }
                cells = new long[m];
                values = new double[m];
                for (int c = 0, at = 0; c < dense.length; c++) {
                    if (dense[c] != 0) {
                        cells[at] = c;
                        values[at++] = dense[c];
                    }
                }
            } else {
                long[] order = new long[size];
                for (int h = 0; h < keys.length; h++) {
                    if (keys[h] != -1 && sums[h] != 0) {
                        order[m++] = keys[h];
                    }
                }
                cells = Arrays.copyOf(order, m);
                Arrays.sort(cells);
                values = new double[m];
                for (int i = 0; i < m; i++) {
                    values[i] = sums[find(cells[i])];
                }
            }
            return new MulticlassConfusionMatrix(cells, values, k, classes);
        }
    }

    /** The non-zero cells, row-major ascending (not copied: package-private, never leaked). */
    long[] cellArray() {
        return cells;
    }

    /** The values of {@link #cellArray()} (not copied). */
    double[] valueArray() {
        return values;
    }

    /** Number of classes K. */
    public int classCount() {
        return k;
    }

    /** The class names, in matrix order. */
    public List<String> classes() {
        return classes;
    }

    /** (Weighted) number of samples of true class {@code actual} predicted as {@code predicted}. */
    public double count(int actual, int predicted) {
        if (actual < 0 || actual >= k || predicted < 0 || predicted >= k) {
            throw new IllegalArgumentException("actual and predicted must be in [0, " + k + "), got " + actual
                    + " and " + predicted);
        }
        int at = Arrays.binarySearch(cells, (long) actual * k + predicted);
        return at >= 0 ? values[at] : 0;
    }

    /**
     * Copy of the counts, rows = true class, columns = predicted class: K x K doubles (2 GB for
     * 16,000 classes; see {@link #nonZeroCells()} for the cells that are not 0).
     */
    public double[][] counts() {
        double[][] out = new double[k][k];
        for (int i = 0; i < cells.length; i++) {
            out[(int) (cells[i] / k)][(int) (cells[i] % k)] = values[i];
        }
        return out;
    }

    /** Number of cells whose count is not 0 (at most the number of samples). */
    public int nonZeroCells() {
        return cells.length;
    }

    /** True class of the i-th non-zero cell, cells in row-major order (by true, then predicted class). */
    public int nonZeroActual(int i) {
        return (int) (cells[i] / k);
    }

    /** Predicted class of the i-th non-zero cell. */
    public int nonZeroPredicted(int i) {
        return (int) (cells[i] % k);
    }

    /** (Weighted) count of the i-th non-zero cell, &gt; 0. */
    public double nonZeroCount(int i) {
        return values[i];
    }

    /**
     * Counts divided by their row sum (row {@code t}: where the samples of class {@code t} went; the
     * diagonal is the recall). A row of an absent class is all NaN.
     */
    public double[][] rowNormalized() {
        double[][] out = counts();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                out[i][j] = rowSum[i] == 0 ? Double.NaN : out[i][j] / rowSum[i];
            }
        }
        return out;
    }

    /**
     * Counts divided by their column sum (column {@code p}: what the predictions of class {@code p}
     * really were; the diagonal is the precision). A column of a never-predicted class is all NaN.
     */
    public double[][] columnNormalized() {
        double[][] out = counts();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                out[i][j] = colSum[j] == 0 ? Double.NaN : out[i][j] / colSum[j];
            }
        }
        return out;
    }

    /** Total (weighted) number of samples. */
    public double total() {
        return total;
    }

    /** (Weighted) support of class c: the row sum. */
    public double support(int c) {
        return rowSum[c];
    }

    /** (Weighted) number of samples predicted as class c: the column sum. */
    public double predicted(int c) {
        return colSum[c];
    }

    /** True positives of class c against the rest. */
    public double truePositives(int c) {
        return diag[c];
    }

    /** The one-vs-rest binary confusion matrix of class c. */
    public ConfusionMatrix oneVsRest(int c) {
        double tp = diag[c];
        double fp = colSum[c] - tp;
        double fn = rowSum[c] - tp;
        return ConfusionMatrix.of(tp, fp, total - tp - fp - fn, fn);
    }

    /** tp / predicted of class c; NaN when class c is never predicted. */
    public double precision(int c) {
        return ratio(diag[c], colSum[c]);
    }

    /** tp / support of class c; NaN when class c is absent from the labels. */
    public double recall(int c) {
        return ratio(diag[c], rowSum[c]);
    }

    /**
     * F1 of class c: 2 tp / (2 tp + fp + fn) (the harmonic mean of precision and recall, and 0
     * when exactly one of them is undefined and tp = 0); NaN when the class is neither present nor
     * predicted.
     */
    public double f1(int c) {
        double tp = diag[c];
        return ratio(2 * tp, rowSum[c] + colSum[c]);
    }

    /** Accuracy: the trace over the total; NaN when the total is 0. */
    public double accuracy() {
        double t = 0;
        for (int c = 0; c < k; c++) {
            t += diag[c];
        }
        return ratio(t, total);
    }

    /** Mean recall over the classes present in the labels (scikit-learn's balanced accuracy). */
    public double balancedAccuracy() {
        double s = 0;
        int m = 0;
        for (int c = 0; c < k; c++) {
            if (rowSum[c] > 0) {
                s += diag[c] / rowSum[c];
                m++;
            }
        }
        return m == 0 ? Double.NaN : s / m;
    }

    /**
     * Cohen's kappa of predictions against labels, computed as scikit-learn does: 1 - (observed
     * disagreement) / (disagreement expected from the margins). NaN when the expected disagreement
     * is 0 (all labels and predictions in one class).
     */
    public double cohenKappa() {
        if (total == 0) {
            return Double.NaN;
        }
        // counts near 1e200 or 1e-200 are brought home by a power of two (exact), so that the
        // products of margins neither overflow nor underflow; ordinary counts are used as they are
        double f = Weights.scaleFor(total);
        double t = total * f;
        double observed = 0;
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] / k != cells[i] % k) {
                observed += values[i] * f;
            }
        }
        // the sum over every pair i != j of colSum[i] rowSum[j] / total, in that order; the pairs
        // with a zero margin add exactly 0 and are skipped (O(present^2), not O(K^2))
        int[] predicted = nonZero(colSum);
        int[] actual = nonZero(rowSum);
        double expected = 0;
        for (int i : predicted) {
            for (int j : actual) {
                if (i != j) {
                    expected += colSum[i] * f * (rowSum[j] * f) / t;
                }
            }
        }
        return expected == 0 ? Double.NaN : 1 - observed / expected;
    }

    /**
     * Multi-class Matthews correlation coefficient (Gorodkin's R_K, as scikit-learn), in [-1, 1];
     * NaN when all labels or all predictions are in one class (scikit-learn reports 0 there).
     */
    public double mcc() {
        // as in cohenKappa(): an exact power-of-two rescaling of extreme counts
        double f = Weights.scaleFor(total);
        double t = total * f;
        double correct = 0;
        double tp = 0;
        double pp = 0;
        double tt = 0;
        for (int c = 0; c < k; c++) {
            double row = rowSum[c] * f;
            double col = colSum[c] * f;
            correct += diag[c] * f;
            tp += row * col;
            pp += col * col;
            tt += row * row;
        }
        double covYtYp = correct * t - tp;
        double covYpYp = t * t - pp;
        double covYtYt = t * t - tt;
        double den = covYtYt * covYpYp;
        return den == 0 ? Double.NaN : covYtYp / Math.sqrt(den);
    }

    /** Macro precision: see the class comment (absent classes out, never-predicted count as 0). */
    public double precisionMacro() {
        return macro(Metric.PRECISION, false);
    }

    /** Macro recall over present classes (equals {@link #balancedAccuracy()}). */
    public double recallMacro() {
        return macro(Metric.RECALL, false);
    }

    /** Macro F1 over present classes. */
    public double f1Macro() {
        return macro(Metric.F1, false);
    }

    /** Support-weighted precision over present classes. */
    public double precisionWeighted() {
        return macro(Metric.PRECISION, true);
    }

    /** Support-weighted recall over present classes (equals the accuracy restricted to them). */
    public double recallWeighted() {
        return macro(Metric.RECALL, true);
    }

    /** Support-weighted F1 over present classes. */
    public double f1Weighted() {
        return macro(Metric.F1, true);
    }

    /** Micro precision: pooled over every class; equals {@link #accuracy()}. */
    public double precisionMicro() {
        double tp = 0;
        double pred = 0;
        for (int c = 0; c < k; c++) {
            tp += diag[c];
            pred += colSum[c];
        }
        return ratio(tp, pred);
    }

    /** Micro recall: pooled over every class; equals {@link #accuracy()}. */
    public double recallMicro() {
        double tp = 0;
        double sup = 0;
        for (int c = 0; c < k; c++) {
            tp += diag[c];
            sup += rowSum[c];
        }
        return ratio(tp, sup);
    }

    /** Micro F1: the harmonic mean of micro precision and recall; equals {@link #accuracy()}. */
    public double f1Micro() {
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (int c = 0; c < k; c++) {
            double d = diag[c];
            tp += d;
            fp += colSum[c] - d;
            fn += rowSum[c] - d;
        }
        return ratio(2 * tp, 2 * tp + fp + fn);
    }

    private enum Metric { PRECISION, RECALL, F1 }

    private double macro(Metric metric, boolean bySupport) {
        double s = 0;
        double wsum = 0;
        for (int c = 0; c < k; c++) {
            if (rowSum[c] == 0) {
                continue;
            }
            double v;
            switch (metric) {
                case PRECISION:
                    v = colSum[c] == 0 ? 0 : precision(c);
                    break;
                case RECALL:
                    v = recall(c);
                    break;
                default:
                    v = f1(c);
                    break;
            }
            double w = bySupport ? rowSum[c] : 1;
            s += w * v;
            wsum += w;
        }
        return wsum == 0 ? Double.NaN : s / wsum;
    }

    /** Warnings about absent and never-predicted classes, in class order; never null. */
    public List<String> warnings() {
        return warnings;
    }

    /** Indices of the non-zero values, ascending. */
    private static int[] nonZero(double[] v) {
        int m = 0;
        for (double x : v) {
            m += x != 0 ? 1 : 0;
        }
        int[] out = new int[m];
        for (int i = 0, at = 0; i < v.length; i++) {
            if (v[i] != 0) {
                out[at++] = i;
            }
        }
        return out;
    }

    private static double ratio(double num, double den) {
        return den == 0 ? Double.NaN : num / den;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MulticlassConfusionMatrix m && k == m.k && Arrays.equals(cells, m.cells)
                && Arrays.equals(values, m.values) && classes.equals(m.classes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(cells) + Arrays.hashCode(values)) + classes.hashCode();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "MulticlassConfusionMatrix[k=%d, total=%s, accuracy=%s]", k,
                Double.toString(total), Double.toString(accuracy()));
    }
}

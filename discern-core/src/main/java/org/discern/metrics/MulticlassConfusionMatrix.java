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
 * <p>Instances are immutable; arrays never leak.
 */
public final class MulticlassConfusionMatrix {
    // counts[t * k + p] = (weighted) number of samples of true class t predicted as p
    private final double[] counts;
    private final int k;
    // rowSum[t] = support of class t; colSum[p] = predicted count of class p
    private final double[] rowSum;
    private final double[] colSum;
    private final double total;
    private final List<String> classes;
    private final List<String> warnings;

    private MulticlassConfusionMatrix(double[] counts, int k, List<String> classes) {
        this.counts = counts;
        this.k = k;
        this.classes = classes;
        this.rowSum = new double[k];
        this.colSum = new double[k];
        double t = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double v = counts[i * k + j];
                rowSum[i] += v;
                colSum[j] += v;
            }
            t += rowSum[i];
        }
        this.total = t;
        List<String> w = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (rowSum[c] == 0) {
                w.add("class '" + classes.get(c) + "' is absent from the labels: its recall is NaN and it "
                        + "is left out of the macro and weighted averages");
            } else if (colSum[c] == 0) {
                w.add("class '" + classes.get(c) + "' is never predicted: its precision is NaN and counts "
                        + "as 0 in the macro and weighted precision");
            }
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
        double[] flat = new double[k * k];
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
                flat[i * k + j] = v;
            }
        }
        return new MulticlassConfusionMatrix(flat, k, List.copyOf(classes));
    }

    /** Trusted factory for a flat row-major matrix built in this package (not copied). */
    static MulticlassConfusionMatrix wrap(double[] flat, int k, List<String> classes) {
        return new MulticlassConfusionMatrix(flat, k, classes);
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
        return counts[actual * k + predicted];
    }

    /** Copy of the counts, rows = true class, columns = predicted class. */
    public double[][] counts() {
        double[][] out = new double[k][];
        for (int i = 0; i < k; i++) {
            out[i] = Arrays.copyOfRange(counts, i * k, (i + 1) * k);
        }
        return out;
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
        return counts[c * k + c];
    }

    /** The one-vs-rest binary confusion matrix of class c. */
    public ConfusionMatrix oneVsRest(int c) {
        double tp = counts[c * k + c];
        double fp = colSum[c] - tp;
        double fn = rowSum[c] - tp;
        return ConfusionMatrix.of(tp, fp, total - tp - fp - fn, fn);
    }

    /** tp / predicted of class c; NaN when class c is never predicted. */
    public double precision(int c) {
        return ratio(counts[c * k + c], colSum[c]);
    }

    /** tp / support of class c; NaN when class c is absent from the labels. */
    public double recall(int c) {
        return ratio(counts[c * k + c], rowSum[c]);
    }

    /**
     * F1 of class c: 2 tp / (2 tp + fp + fn) (the harmonic mean of precision and recall, and 0
     * when exactly one of them is undefined and tp = 0); NaN when the class is neither present nor
     * predicted.
     */
    public double f1(int c) {
        double tp = counts[c * k + c];
        return ratio(2 * tp, rowSum[c] + colSum[c]);
    }

    /** Accuracy: the trace over the total; NaN when the total is 0. */
    public double accuracy() {
        double t = 0;
        for (int c = 0; c < k; c++) {
            t += counts[c * k + c];
        }
        return ratio(t, total);
    }

    /** Mean recall over the classes present in the labels (scikit-learn's balanced accuracy). */
    public double balancedAccuracy() {
        double s = 0;
        int m = 0;
        for (int c = 0; c < k; c++) {
            if (rowSum[c] > 0) {
                s += counts[c * k + c] / rowSum[c];
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
        // counts near 1e200 or 1e-200 are brought home by a power of two (exact), so that the
        // products of margins neither overflow nor underflow; ordinary counts are used as they are
        double f = Weights.scaleFor(total);
        double t = total * f;
        double observed = 0;
        double expected = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (i != j) {
                    observed += counts[i * k + j] * f;
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
            correct += counts[c * k + c] * f;
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
            tp += counts[c * k + c];
            pred += colSum[c];
        }
        return ratio(tp, pred);
    }

    /** Micro recall: pooled over every class; equals {@link #accuracy()}. */
    public double recallMicro() {
        double tp = 0;
        double sup = 0;
        for (int c = 0; c < k; c++) {
            tp += counts[c * k + c];
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
            double d = counts[c * k + c];
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

    private static double ratio(double num, double den) {
        return den == 0 ? Double.NaN : num / den;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MulticlassConfusionMatrix m && k == m.k && Arrays.equals(counts, m.counts)
                && classes.equals(m.classes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(counts) + classes.hashCode();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "MulticlassConfusionMatrix[k=%d, total=%s, accuracy=%s]", k,
                Double.toString(total), Double.toString(accuracy()));
    }
}

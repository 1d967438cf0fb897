package org.discern.metrics;

import java.util.Arrays;

import org.discern.metrics.internal.Sorting;

/**
 * One score column of a multi-class (or multi-label) sample, sorted once and walked once: the
 * one-vs-rest operating points of its class and, in the same pass, the one-vs-one Mann-Whitney
 * sums of that column against every other class.
 *
 * <p>The walk visits samples by descending score, ties in reverse input order (the order of a
 * stable ascending sort read from its end), which is scikit-learn's {@code argsort(kind=
 * "mergesort")[::-1]}: weighted cumulative sums add up in the same sequence as there.
 */
final class ClassColumn {
    /** One-vs-rest table of class c (positives = samples of class c). */
    final OperatingPoints points;
    /**
     * ovo[b] = sum over samples j of class b (b != c) of w_j * (weight of class-c samples scoring
     * above j in column c + half the weight of those tied with j). Divided by W_c * W_b it is the
     * (weighted) AUC of column c separating class c from class b. ovo[c] is 0. Null for
     * multi-label columns.
     */
    final double[] ovo;

    private ClassColumn(OperatingPoints points, double[] ovo) {
        this.points = points;
        this.ovo = ovo;
    }

    /**
     * Builds the column of class {@code c} from its scores (exactly one of {@code f}, {@code d} is
     * non-null; both already checked finite).
     *
     * @param labels class of each sample in [0, k), checked
     * @param weights checked weights or null
     * @param k number of classes (size of the one-vs-one vector)
     */
    static ClassColumn multiclass(float[] f, double[] d, int[] labels, double[] weights, int c, int k) {
        return build(f, d, labels, null, weights, c, k);
    }

    /** Builds a multi-label column: positives are the samples with {@code positive[i]}. */
    static ClassColumn binary(float[] f, double[] d, boolean[] positive, double[] weights) {
        return build(f, d, null, positive, weights, 1, 0);
    }

    private static ClassColumn build(float[] f, double[] d, int[] labels, boolean[] positive,
            double[] weights, int c, int k) {
        final int n = f != null ? f.length : d.length;
        final long[] packed = f != null ? Sorting.argsortPacked(f) : null;
        final int[] order = f != null ? null : Sorting.argsort(d);
        double[] thr = new double[n];
        double[] tps = new double[n];
        double[] fps = new double[n];
        double[] ovo = labels != null ? new double[k] : null;
        double tp = 0;
        double fp = 0;
        int positives = 0;
        int row = -1;
        int m = n - 1;
        while (m >= 0) {
            final double s = packed != null ? Sorting.keyToFloat((int) (packed[m] >> 32)) : d[order[m]];
            int g = m;
            if (packed != null) {
                final long key = packed[m] >> 32;
                while (g > 0 && (packed[g - 1] >> 32) == key) {
                    g--;
                }
            } else {
                while (g > 0 && d[order[g - 1]] == s) {
                    g--;
                }
            }
            final double tpBefore = tp;
            double groupPositive = 0;
            boolean negativeInGroup = false;
            for (int q = m; q >= g; q--) {
                int idx = packed != null ? (int) packed[q] : order[q];
                double w = weights == null ? 1.0 : weights[idx];
                boolean pos = labels != null ? labels[idx] == c : positive[idx];
                if (pos) {
                    tp += w;
                    groupPositive += w;
                    positives++;
                } else {
                    fp += w;
                    negativeInGroup = true;
                }
            }
            if (ovo != null && negativeInGroup) {
                // every other-class sample of the group beats the class-c weight above the group
                // and ties with the class-c weight inside it
                final double credit = tpBefore + 0.5 * groupPositive;
                for (int q = m; q >= g; q--) {
                    int idx = packed != null ? (int) packed[q] : order[q];
                    int y = labels[idx];
                    if (y != c) {
                        ovo[y] += (weights == null ? 1.0 : weights[idx]) * credit;
                    }
                }
            }
            row++;
            thr[row] = s;
            tps[row] = tp;
            fps[row] = fp;
            m = g - 1;
        }
        int size = row + 1;
        if (size < n) {
            thr = Arrays.copyOf(thr, size);
            tps = Arrays.copyOf(tps, size);
            fps = Arrays.copyOf(fps, size);
        }
        return new ClassColumn(OperatingPoints.wrap(thr, tps, fps, n, positives, weights != null), ovo);
    }
}

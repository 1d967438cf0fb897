package org.discern.metrics;

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

    /** This column's share of twice the pooled Mann-Whitney count (micro AUC numerator), or 0. */
    final long microTwiceAuc;
    /** microBelow[j] = this column's pooled negatives strictly below pooled positive key j; or null. */
    final int[] microBelow;

    /** The binary evaluation of the table, and its summaries computed once (in the column task). */
    final BinaryEvaluation evaluation;
    final double rocAuc;
    final double averagePrecision;
    final RocCurve rocCurve;

    private ClassColumn(OperatingPoints points, double[] ovo, long microTwiceAuc, int[] microBelow) {
        this.points = points;
        this.evaluation = BinaryEvaluation.of(points);
        this.rocAuc = evaluation.rocAuc();
        this.averagePrecision = evaluation.averagePrecision();
        this.rocCurve = evaluation.rocCurve();
        this.ovo = ovo;
        this.microTwiceAuc = microTwiceAuc;
        this.microBelow = microBelow;
    }

    /** Builds a multi-label column: positives are the samples with {@code positive[i]}. */
    static ClassColumn binary(float[] f, double[] d, boolean[] positive, double[] weights) {
        int[] labels = new int[positive.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = positive[i] ? 1 : 0;
        }
        return build(f, d, labels, weights, 1, 2, false, null);
    }

    /**
     * Builds the column of class {@code c} from its scores (exactly one of {@code f}, {@code d} is
     * non-null; already checked finite): labels in [0, k), checked; weights checked or null; the
     * one-vs-one sums only when {@code ovo}. With {@code micro} (unweighted float scores only),
     * the column's negatives are also counted against the pooled positives (see
     * {@link MicroAverage.Positives#count}).
     */
    static ClassColumn multiclass(float[] f, double[] d, int[] labels, double[] weights, int c, int k, boolean ovo,
            MicroAverage.Positives micro) {
        return build(f, d, labels, weights, c, k, ovo, micro);
    }

    private static ClassColumn build(float[] f, double[] d, int[] labels, double[] weights, int c, int k,
            boolean withOvo, MicroAverage.Positives micro) {
        final int n = labels.length;
        // Float scores are sorted as packed longs: the key in the upper half, in the lower half the
        // label when unweighted (the walk then reads one array sequentially), else the index.
        final boolean labelPayload = f != null && weights == null;
        long[] packed = null;
        int[] order = null;
        if (f != null) {
            packed = new long[n];
            for (int i = 0; i < n; i++) {
                packed[i] = ((long) Sorting.floatKey(f[i]) << 32) | (labelPayload ? labels[i] : i);
            }
            Sorting.sortByUpper32(packed, n);
        } else {
            order = Sorting.argsort(d);
        }
        int distinct = 1;
        for (int m = 1; m < n; m++) {
            boolean differs = packed != null ? (packed[m] >> 32) != (packed[m - 1] >> 32) : d[order[m]] != d[order[m - 1]];
            if (differs) {
                distinct++;
            }
        }
        final double[] thr = new double[distinct];
        final double[] tps = new double[distinct];
        final double[] fps = new double[distinct];
        final double[] ovo = withOvo ? new double[k] : null;
        double tp = 0;
        double fp = 0;
        int positives = 0;
        int row = 0;
        int m = n - 1;
        while (m >= 0) {
            final double s;
            int g = m;
            if (packed != null) {
                final long key = packed[m] >> 32;
                s = Sorting.keyToFloat((int) key);
                while (g > 0 && (packed[g - 1] >> 32) == key) {
                    g--;
                }
            } else {
                s = d[order[m]];
                while (g > 0 && d[order[g - 1]] == s) {
                    g--;
                }
            }
            final double tpBefore = tp;
            if (g == m) {
                // a score of its own (the common case with float probabilities)
                int p = packed != null ? (int) packed[m] : order[m];
                int y = labelPayload ? p : labels[p];
                double w = weights == null ? 1.0 : weights[p];
                if (y == c) {
                    tp += w;
                    positives++;
                } else {
                    fp += w;
                    if (ovo != null) {
                        ovo[y] += w * tpBefore;
                    }
                }
            } else {
                double groupPositive = 0;
                boolean negativeInGroup = false;
                for (int q = m; q >= g; q--) {
                    int p = packed != null ? (int) packed[q] : order[q];
                    int y = labelPayload ? p : labels[p];
                    double w = weights == null ? 1.0 : weights[p];
                    if (y == c) {
                        tp += w;
                        groupPositive += w;
                        positives++;
                    } else {
                        fp += w;
                        negativeInGroup = true;
                    }
                }
                if (ovo != null && negativeInGroup) {
                    // every other-class sample of the group beats the class-c weight above the
                    // group and ties with the class-c weight inside it
                    final double credit = tpBefore + 0.5 * groupPositive;
                    for (int q = m; q >= g; q--) {
                        int p = packed != null ? (int) packed[q] : order[q];
                        int y = labelPayload ? p : labels[p];
                        if (y != c) {
                            ovo[y] += (weights == null ? 1.0 : weights[p]) * credit;
                        }
                    }
                }
            }
            thr[row] = s;
            tps[row] = tp;
            fps[row] = fp;
            row++;
            m = g - 1;
        }
        int[] microBelow = micro == null ? null : new int[micro.size()];
        long microTwiceAuc = micro == null ? 0 : micro.count(packed, c, microBelow);
        return new ClassColumn(OperatingPoints.wrap(thr, tps, fps, n, positives, weights != null), ovo, microTwiceAuc,
                microBelow);
    }
}

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
     * ovo[slot(b)] = sum over samples j of class b (b != c) of w_j * (weight of class-c samples
     * scoring above j in column c + half the weight of those tied with j), indexed by the slot of
     * class b among the classes with samples ({@link OneVsOne}), so its length is the number of
     * those classes, not K. Divided by W_c * W_b it is the (weighted) AUC of column c separating
     * class c from class b. ovo[slot(c)] is 0. Null for multi-label columns and for a class
     * without samples.
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

    /** A column whose table and one-vs-one sums were computed elsewhere (merged summaries). */
    static ClassColumn of(OperatingPoints points, double[] ovo) {
        return new ClassColumn(points, ovo, 0, null);
    }

    /** Builds a multi-label column: positives are the samples with {@code positive[i]}. */
    static ClassColumn binary(float[] f, double[] d, boolean[] positive, double[] weights) {
        int[] labels = new int[positive.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = positive[i] ? 1 : 0;
        }
        return build(f, d, labels, weights, 1, null, null);
    }

    /**
     * Builds the column of class {@code c} from its scores (exactly one of {@code f}, {@code d} is
     * non-null; already checked finite): labels checked; weights checked or null; the one-vs-one
     * sums over the classes of {@code ovo} when it is non-null (and class c has samples). With
     * {@code micro} (unweighted scores only),
     * the column's negatives are also counted against the pooled positives (see
     * {@link MicroAverage.Positives#count}).
     */
    static ClassColumn multiclass(float[] f, double[] d, int[] labels, double[] weights, int c, OneVsOne ovo,
            MicroAverage.Positives micro) {
        return build(f, d, labels, weights, c, ovo, micro);
    }

    /**
     * Stable ascending sort of double scores into {@code keys} (their {@link Sorting#doubleKey})
     * and {@code payload} (label or index). Rounding to float is monotone, so the scores are first
     * sorted by their 32-bit float keys with the index packed alongside (two radix passes instead
     * of four); the rare runs where distinct doubles round to one float are then re-sorted by the
     * full key. Stability: equal doubles keep their input order throughout.
     */
    static void sortDoubles(double[] d, int[] labels, boolean labelPayload, long[] keys, int[] payload) {
        final int n = d.length;
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = ((long) Sorting.floatKey((float) d[i]) << 32) | i;
        }
        Sorting.sortByUpper32(packed, n);
        for (int q = 0; q < n; q++) {
            int idx = (int) packed[q];
            keys[q] = Sorting.doubleKey(d[idx]);
            payload[q] = idx;
        }
        int start = 0;
        while (start < n) {
            int end = start + 1;
            long top = packed[start] >> 32;
            boolean mixed = false;
            while (end < n && (packed[end] >> 32) == top) {
                mixed |= keys[end] != keys[start];
                end++;
            }
            if (mixed) {
                long[] k = java.util.Arrays.copyOfRange(keys, start, end);
                int[] p = java.util.Arrays.copyOfRange(payload, start, end);
                Sorting.sortWithPayload(k, p, k.length);
                System.arraycopy(k, 0, keys, start, k.length);
                System.arraycopy(p, 0, payload, start, p.length);
            }
            start = end;
        }
        if (labelPayload) {
            for (int q = 0; q < n; q++) {
                payload[q] = labels[payload[q]];
            }
        }
    }

    private static ClassColumn build(float[] f, double[] d, int[] labels, double[] weights, int c, OneVsOne pairs,
            MicroAverage.Positives micro) {
        final int n = labels.length;
        // The column is sorted with a payload next to each key: the label when unweighted (the
        // walk then reads memory sequentially), else the sample index (for labels and weights).
        // Float scores: key and payload packed in one long, key in the upper half. Double scores:
        // 64-bit keys with the payload in a parallel int array.
        final boolean labelPayload = weights == null;
        long[] packed = null;
        long[] dkeys = null;
        int[] payload = null;
        if (f != null) {
            packed = new long[n];
            for (int i = 0; i < n; i++) {
                packed[i] = ((long) Sorting.floatKey(f[i]) << 32) | (labelPayload ? labels[i] : i);
            }
            Sorting.sortByUpper32(packed, n);
        } else {
            dkeys = new long[n];
            payload = new int[n];
            sortDoubles(d, labels, labelPayload, dkeys, payload);
        }
        int distinct = 1;
        for (int m = 1; m < n; m++) {
            boolean differs = packed != null ? (packed[m] >> 32) != (packed[m - 1] >> 32) : dkeys[m] != dkeys[m - 1];
            if (differs) {
                distinct++;
            }
        }
        final double[] thr = new double[distinct];
        // unweighted counts are ints: 16 bytes per distinct score and class instead of 24
        final double[] tps = weights == null ? null : new double[distinct];
        final double[] fps = weights == null ? null : new double[distinct];
        final int[] tpCounts = weights == null ? new int[distinct] : null;
        final int[] fpCounts = weights == null ? new int[distinct] : null;
        final boolean withOvo = pairs != null && pairs.slot[c] >= 0;
        final double[] ovo = withOvo ? new double[pairs.size()] : null;
        final int[] slot = withOvo ? pairs.slot : null;
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
                final long key = dkeys[m];
                s = Sorting.keyToDouble(key);
                while (g > 0 && dkeys[g - 1] == key) {
                    g--;
                }
            }
            final double tpBefore = tp;
            if (g == m) {
                // a score of its own (the common case with float probabilities)
                int p = packed != null ? (int) packed[m] : payload[m];
                int y = labelPayload ? p : labels[p];
                double w = weights == null ? 1.0 : weights[p];
                if (y == c) {
                    tp += w;
                    positives++;
                } else {
                    fp += w;
                    if (ovo != null) {
                        ovo[slot[y]] += w * tpBefore;
                    }
                }
            } else {
                double groupPositive = 0;
                boolean negativeInGroup = false;
                for (int q = m; q >= g; q--) {
                    int p = packed != null ? (int) packed[q] : payload[q];
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
                        int p = packed != null ? (int) packed[q] : payload[q];
                        int y = labelPayload ? p : labels[p];
                        if (y != c) {
                            ovo[slot[y]] += (weights == null ? 1.0 : weights[p]) * credit;
                        }
                    }
                }
            }
            thr[row] = s;
            if (tps != null) {
                tps[row] = tp;
                fps[row] = fp;
            } else {
                tpCounts[row] = (int) tp;
                fpCounts[row] = (int) fp;
            }
            row++;
            m = g - 1;
        }
        int[] microBelow = micro == null ? null : new int[micro.size()];
        long microTwiceAuc = 0;
        if (micro != null) {
            microTwiceAuc = packed != null ? micro.count(packed, c, microBelow) : micro.count(dkeys, payload, c, microBelow);
        }
        OperatingPoints table = tps != null ? OperatingPoints.wrap(thr, tps, fps, n, positives, true)
                : OperatingPoints.wrapCounts(thr, tpCounts, fpCounts, n, positives);
        return new ClassColumn(table, ovo, microTwiceAuc, microBelow);
    }
}

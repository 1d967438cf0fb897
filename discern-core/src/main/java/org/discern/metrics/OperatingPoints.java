package org.discern.metrics;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

import org.discern.metrics.internal.Checks;
import org.discern.metrics.internal.Sorting;
import org.discern.metrics.internal.Weights;

/**
 * The operating points of a scored sample: one row per distinct score, in descending score
 * order, holding the cumulative (weighted) true- and false-positive counts of the rule
 * "positive iff score &gt;= threshold" at that score.
 *
 * <p>This table is the backbone of every threshold-based quantity in Discern: ROC, PR and DET
 * curves, their areas, the KS statistic, gain and lift, the confusion matrix at any threshold and
 * the choice of thresholds are all linear views over it. Building it is the only step that
 * sorts (a stable radix sort on the bit patterns of the scores, O(n)).
 *
 * <p>Row {@code i} covers every sample with score {@code >= threshold(i)}. The implicit row before
 * the first (threshold {@code +Infinity}) has no predicted positives. Counts are exact integers
 * (held in {@code double}) when no weights are given.
 *
 * <p><b>Weights.</b> A sample of weight 0 is the same as no sample: it makes no row (its score
 * is no threshold) and is not counted in {@link #rows()}. Weights whose largest value lies
 * outside [2^-64, 2^64] (near 1e200 or 1e-200, say) are first multiplied by the power of two that
 * brings it into [1, 2), so no product of counts overflows or underflows; every ratio (rates,
 * areas, MCC, kappa) is unchanged by this, bit for bit, and the counts are then in those scaled
 * units. Weights in the ordinary range are used as they are.
 *
 * <p>Instances are immutable; arrays never leak.
 */
public final class OperatingPoints {
    // threshold[i] > threshold[i + 1]; each a score of the sample. Null when the thresholds are
    // read from the sorted keys of the classes (posKeys, negKeys)
    private final double[] thresholds;
    // tp[i] = sum of weights of positives with score >= thresholds[i]; non-decreasing in i
    // (null when the counts are held as ints: tpCounts)
    private final double[] tp;
    // fp[i] = sum of weights of negatives with score >= thresholds[i]; non-decreasing in i
    private final double[] fp;
    // unweighted tables built here from sorted keys hold their counts as ints (16 bytes per
    // distinct score instead of 24): tpCounts[i], fpCounts[i] as tp[i], fp[i]; else null
    private final int[] tpCounts;
    private final int[] fpCounts;
    // unweighted tables of mostly distinct double scores keep the classes' ascending sorted keys
    // (Sorting.doubleKey) instead of a threshold array: row i's threshold is the smallest score
    // it counts, the lower of posKeys[p - tp(i)] and negKeys[m - fp(i)], so building the table
    // allocates no thresholds beside the keys (8 bytes per distinct score less at the peak)
    private final long[] posKeys;
    private final long[] negKeys;
    // huge unweighted tables (BinaryScoreBlocks): keys in blocks and bit vectors instead of
    // counts; when set, every other array above is null
    private final CompactPoints compact;
    private final int rows;
    private final int positiveRows;
    private final boolean weighted;

    private OperatingPoints(double[] thresholds, double[] tp, double[] fp, int rows,
            int positiveRows, boolean weighted) {
        this.thresholds = thresholds;
        this.tp = tp;
        this.fp = fp;
        this.tpCounts = null;
        this.fpCounts = null;
        this.posKeys = null;
        this.negKeys = null;
        this.compact = null;
        this.rows = rows;
        this.positiveRows = positiveRows;
        this.weighted = weighted;
    }

    /**
     * An unweighted table with integer counts, and its thresholds or (thresholds null) the
     * classes' sorted keys.
     */
    private OperatingPoints(double[] thresholds, int[] tpCounts, int[] fpCounts, int rows, int positiveRows,
            long[] posKeys, long[] negKeys) {
        this.thresholds = thresholds;
        this.tp = null;
        this.fp = null;
        this.tpCounts = tpCounts;
        this.fpCounts = fpCounts;
        this.posKeys = posKeys;
        this.negKeys = negKeys;
        this.compact = null;
        this.rows = rows;
        this.positiveRows = positiveRows;
        this.weighted = false;
    }

    /** An unweighted table held compactly ({@link CompactPoints}). */
    private OperatingPoints(CompactPoints compact, int rows, int positiveRows) {
        this.thresholds = null;
        this.tp = null;
        this.fp = null;
        this.tpCounts = null;
        this.fpCounts = null;
        this.posKeys = null;
        this.negKeys = null;
        this.compact = compact;
        this.rows = rows;
        this.positiveRows = positiveRows;
        this.weighted = false;
    }

    /**
     * The unweighted table of the classes' ascending sorted keys ({@link Sorting#doubleKey}),
     * taken over (not copied): the same table {@link #of(double[], boolean[])} builds from the
     * scores. For {@link BinaryScoreBlocks}.
     */
    static OperatingPoints ofSortedKeys(long[] pos, long[] neg) {
        return mergeLong(pos, pos.length, neg, neg.length);
    }

    /**
     * The unweighted table of the classes' ascending sorted keys in blocks, held compactly
     * ({@link CompactPoints}); the blocks are taken over and must not change afterwards.
     */
    static OperatingPoints ofSortedBlocks(KeyBlocks pos, KeyBlocks neg) {
        CompactPoints c = new CompactPoints(pos, neg);
        return new OperatingPoints(c, Math.toIntExact(pos.size() + neg.size()), Math.toIntExact(pos.size()));
    }

    /** Operating points of unweighted double scores; see {@link #of(double[], boolean[], double[])}. */
    public static OperatingPoints of(double[] scores, boolean[] labels) {
        return of(scores, labels, null);
    }

    /** Operating points of unweighted float scores; see {@link #of(float[], boolean[], double[])}. */
    public static OperatingPoints of(float[] scores, boolean[] labels) {
        return of(scores, labels, null);
    }

    /** As {@link #of(double[], boolean[], double[])} with 0/1 labels. */
    public static OperatingPoints of(double[] scores, int[] labels, double[] weights) {
        return of(scores, Checks.binaryLabels(labels), weights);
    }

    /** As {@link #of(float[], boolean[], double[])} with 0/1 labels. */
    public static OperatingPoints of(float[] scores, int[] labels, double[] weights) {
        return of(scores, Checks.binaryLabels(labels), weights);
    }

    /**
     * Builds the operating points of double scores.
     *
     * @param scores finite scores, higher meaning more likely positive
     * @param labels {@code true} for a positive sample, same length as scores
     * @param weights sample weights (finite, &gt;= 0, not all 0), or {@code null} for all 1; rows
     *     of weight 0 are left out (see the class notes)
     * @throws IllegalArgumentException on empty input, unequal lengths, a non-finite score or an
     *     invalid weight; the message names the index and the value
     */
    public static OperatingPoints of(double[] scores, boolean[] labels, double[] weights) {
        Checks.notNull(scores, "scores");
        Checks.notNull(labels, "labels");
        Checks.nonEmpty(scores.length, "scores");
        Checks.sameLength(scores.length, labels.length, "scores", "labels");
        Checks.finiteScores(scores, "scores");
        Checks.weights(weights, scores.length);
        weights = Weights.scaled(Weights.notAllZero(weights));
        if (weights == null && fitsFloat(scores)) {
            float[] f = new float[scores.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) scores[i];
            }
            return unweightedFloat(f, labels);
        }
        if (weights == null) {
            return unweightedDouble(scores, labels);
        }
        int[] order = Sorting.argsort(scores);
        return fromOrder(order, scores, null, labels, weights);
    }

    /**
     * Builds the operating points of float scores.
     *
     * @param scores finite scores, higher meaning more likely positive
     * @param labels {@code true} for a positive sample, same length as scores
     * @param weights sample weights (finite, &gt;= 0, not all 0), or {@code null} for all 1; rows
     *     of weight 0 are left out (see the class notes)
     * @throws IllegalArgumentException on empty input, unequal lengths, a non-finite score or an
     *     invalid weight; the message names the index and the value
     */
    public static OperatingPoints of(float[] scores, boolean[] labels, double[] weights) {
        Checks.notNull(scores, "scores");
        Checks.notNull(labels, "labels");
        Checks.nonEmpty(scores.length, "scores");
        Checks.sameLength(scores.length, labels.length, "scores", "labels");
        Checks.finiteScores(scores, "scores");
        Checks.weights(weights, scores.length);
        weights = Weights.scaled(Weights.notAllZero(weights));
        if (weights == null) {
            return unweightedFloat(scores, labels);
        }
        int[] order = Sorting.argsort(scores);
        return fromOrder(order, null, scores, labels, weights);
    }

    /** True when every double is exactly a float: the 32-bit path then gives identical results. */
    private static boolean fitsFloat(double[] scores) {
        for (double s : scores) {
            if ((double) (float) s != s) {
                return false;
            }
        }
        return true;
    }

    /**
     * Unweighted float scores: positives' and negatives' keys are sorted apart (8 bytes per
     * sample) and merged from the top.
     */
    private static OperatingPoints unweightedFloat(float[] scores, boolean[] labels) {
        int n = scores.length;
        int p = 0;
        for (boolean y : labels) {
            if (y) {
                p++;
            }
        }
        int[][] sorted = Sorting.sortedClassKeys(scores, labels, p);
        return merge(sorted[0], p, sorted[1], n - p);
    }

    /**
     * Unweighted double scores: as {@link #unweightedFloat}, on 64-bit keys. Without weights the
     * order of ties does not matter (counts are exact integers), so no index needs to travel with
     * the keys.
     */
    private static OperatingPoints unweightedDouble(double[] scores, boolean[] labels) {
        int n = scores.length;
        int p = 0;
        for (boolean y : labels) {
            if (y) {
                p++;
            }
        }
        long[][] sorted = Sorting.sortedClassKeys(scores, labels, p);
        return mergeLong(sorted[0], p, sorted[1], n - p);
    }

    /**
     * As {@link #merge(int[], int, int[], int)} for 64-bit keys. From {@link Sorting#PARALLEL}
     * keys on, the keys are split by value at one key, and the rows of the keys at or above it
     * (the table's first rows) and those below it are counted and filled on two threads (the
     * common fork-join pool and the caller): every count is an integer, so the table is the same.
     */
    private static OperatingPoints mergeLong(long[] pos, int p, long[] neg, int m) {
        // pos[ip, p) and neg[jm, m): the keys >= the split key; the rest below it
        int ip = 0;
        int jm = 0;
        boolean two = (long) p + m >= Sorting.PARALLEL && Runtime.getRuntime().availableProcessors() > 1;
        if (two) {
            long split = p >= m ? middleKey(pos, p, neg, m) : middleKey(neg, m, pos, p);
            ip = lowerBound(pos, p, split);
            jm = lowerBound(neg, m, split);
        }
        final int fip = ip;
        final int fjm = jm;
        ForkJoinTask<Integer> lowerCount = two
                ? ForkJoinPool.commonPool().submit(() -> countDistinct(pos, 0, fip, neg, 0, fjm)) : null;
        int upper = countDistinct(pos, ip, p, neg, jm, m);
        int distinct = upper + (two ? lowerCount.join() : 0);
        // mostly distinct scores: the keys (already here) serve as thresholds; with many ties a
        // threshold array is smaller than the keys
        boolean keys = 2L * distinct > p + m && pos.length == p && neg.length == m;
        double[] thr = keys ? null : new double[distinct];
        int[] tps = new int[distinct];
        int[] fps = new int[distinct];
        ForkJoinTask<?> lowerFill = two ? ForkJoinPool.commonPool().submit(
                () -> fill(pos, 0, fip, neg, 0, fjm, upper, p - fip, m - fjm, thr, tps, fps)) : null;
        fill(pos, ip, p, neg, jm, m, 0, 0, 0, thr, tps, fps);
        if (two) {
            lowerFill.join();
        }
        return keys ? new OperatingPoints(null, tps, fps, p + m, p, pos, neg)
                : new OperatingPoints(thr, tps, fps, p + m, p, null, null);
    }

    /**
     * A key of the ascending {@code a[0, n)} (the larger class) with about half of all the keys of
     * both classes below it, so that the two parts of the table are about equal: the first
     * {@code a[j]} with {@code j + (keys of b below a[j])} at least half, by bisection (that count
     * grows with {@code j}).
     */
    private static long middleKey(long[] a, int n, long[] b, int m) {
        long half = ((long) n + m) >>> 1;
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (mid + (long) lowerBound(b, m, a[mid]) >= half) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return a[lo];
    }

    /** The index of the first of the ascending {@code a[0, n)} that is {@code >= key} ({@code n} when none is). */
    private static int lowerBound(long[] a, int n, long key) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Distinct keys among the ascending {@code pos[i, p)} and {@code neg[j, m)}. */
    private static int countDistinct(long[] pos, int i, int p, long[] neg, int j, int m) {
        int distinct = 0;
        for (; i < p || j < m; distinct++) {
            long key = i >= p ? neg[j] : j >= m ? pos[i] : Math.min(pos[i], neg[j]);
            while (i < p && pos[i] == key) {
                i++;
            }
            while (j < m && neg[j] == key) {
                j++;
            }
        }
        return distinct;
    }

    /**
     * Fills the rows from {@code row} on with the distinct keys of the ascending {@code pos[i0, p)}
     * and {@code neg[j0, m)}, descending, the counts starting from {@code tp} and {@code fp} (those
     * of the keys above them); thresholds only when {@code thr} is not null.
     */
    private static void fill(long[] pos, int i0, int p, long[] neg, int j0, int m, int row, int tp, int fp,
            double[] thr, int[] tps, int[] fps) {
        int i = p - 1;
        int j = m - 1;
        while (i >= i0 || j >= j0) {
            long key = i < i0 ? neg[j] : j < j0 ? pos[i] : Math.max(pos[i], neg[j]);
            while (i >= i0 && pos[i] == key) {
                tp++;
                i--;
            }
            while (j >= j0 && neg[j] == key) {
                fp++;
                j--;
            }
            if (thr != null) {
                thr[row] = Sorting.keyToDouble(key);
            }
            tps[row] = tp;
            fps[row] = fp;
            row++;
        }
    }

    /** Merges ascending positive and negative keys into descending operating points. */
    static OperatingPoints merge(int[] pos, int p, int[] neg, int m) {
        int distinct = countDistinct(pos, p, neg, m);
        double[] thr = new double[distinct];
        int[] tps = new int[distinct];
        int[] fps = new int[distinct];
        int i = p - 1;
        int j = m - 1;
        int tp = 0;
        int fp = 0;
        int row = 0;
        while (i >= 0 || j >= 0) {
            int key;
            if (i < 0) {
                key = neg[j];
            } else if (j < 0) {
                key = pos[i];
            } else {
                key = Math.max(pos[i], neg[j]);
            }
            while (i >= 0 && pos[i] == key) {
                tp++;
                i--;
            }
            while (j >= 0 && neg[j] == key) {
                fp++;
                j--;
            }
            thr[row] = Sorting.keyToFloat(key);
            tps[row] = tp;
            fps[row] = fp;
            row++;
        }
        return new OperatingPoints(thr, tps, fps, p + m, p, null, null);
    }

    private static int countDistinct(int[] pos, int p, int[] neg, int m) {
        int i = 0;
        int j = 0;
        int distinct = 0;
        while (i < p || j < m) {
            int key;
            if (i >= p) {
                key = neg[j];
            } else if (j >= m) {
                key = pos[i];
            } else {
                key = Math.min(pos[i], neg[j]);
            }
            while (i < p && pos[i] == key) {
                i++;
            }
            while (j < m && neg[j] == key) {
                j++;
            }
            distinct++;
        }
        return distinct;
    }

    /**
     * Walks an ascending stable order from its end: descending scores, ties in reverse input
     * order (scikit-learn's order, so weighted cumulative sums add up in the same sequence).
     * Rows of weight 0 are skipped: no threshold, no count, not a row.
     */
    private static OperatingPoints fromOrder(int[] order, double[] dScores, float[] fScores,
            boolean[] labels, double[] weights) {
        int n = order.length;
        double[] thr = new double[n];
        double[] tps = new double[n];
        double[] fps = new double[n];
        double tp = 0;
        double fp = 0;
        int positives = 0;
        int kept = 0;
        int row = -1;
        double previous = Double.NaN;
        for (int k = n - 1; k >= 0; k--) {
            int idx = order[k];
            double w = weights == null ? 1.0 : weights[idx];
            if (w == 0) {
                continue;
            }
            kept++;
            // + 0.0 turns -0.0 into 0.0, the threshold the key-sorting paths give for that tie
            double s = (dScores != null ? dScores[idx] : fScores[idx]) + 0.0;
            if (labels[idx]) {
                tp += w;
                positives++;
            } else {
                fp += w;
            }
            if (s != previous) {
                row++;
                thr[row] = s;
                previous = s;
            }
            tps[row] = tp;
            fps[row] = fp;
        }
        int size = row + 1;
        return new OperatingPoints(Arrays.copyOf(thr, size), Arrays.copyOf(tps, size),
                Arrays.copyOf(fps, size), kept, positives, weights != null);
    }

    /**
     * Builds a table from already cumulative counts, for adapters that aggregate elsewhere (binned
     * or distributed evaluation).
     *
     * @param thresholds strictly descending finite thresholds
     * @param truePositives cumulative true-positive weight at each threshold, non-decreasing
     * @param falsePositives cumulative false-positive weight at each threshold, non-decreasing
     * @param rows number of samples represented (of positive weight)
     * @param positiveRows number of positive samples represented (of positive weight)
     * @param weighted whether the counts are sums of sample weights
     */
    public static OperatingPoints fromCumulative(double[] thresholds, double[] truePositives,
            double[] falsePositives, int rows, int positiveRows, boolean weighted) {
        Checks.notNull(thresholds, "thresholds");
        Checks.nonEmpty(thresholds.length, "thresholds");
        Checks.sameLength(thresholds.length, truePositives.length, "thresholds", "truePositives");
        Checks.sameLength(thresholds.length, falsePositives.length, "thresholds", "falsePositives");
        for (int i = 0; i < thresholds.length; i++) {
            if (!Double.isFinite(thresholds[i])) {
                throw new IllegalArgumentException("thresholds[" + i + "] must be finite, got " + thresholds[i]);
            }
            if (i > 0 && !(thresholds[i] < thresholds[i - 1])) {
                throw new IllegalArgumentException("thresholds must be strictly descending, got "
                        + thresholds[i - 1] + " then " + thresholds[i] + " at index " + i);
            }
            double lowTp = i == 0 ? 0 : truePositives[i - 1];
            double lowFp = i == 0 ? 0 : falsePositives[i - 1];
            if (!(truePositives[i] >= lowTp) || !(falsePositives[i] >= lowFp)) {
                throw new IllegalArgumentException("cumulative counts must be non-decreasing and >= 0, "
                        + "got tp=" + truePositives[i] + ", fp=" + falsePositives[i] + " at index " + i);
            }
        }
        double[] tps = truePositives.clone();
        double[] fps = falsePositives.clone();
        // extreme scales: the same power-of-two rescaling as weights get in of(...)
        int last = thresholds.length - 1;
        double f = Weights.scaleFor(Math.max(tps[last], fps[last]));
        if (f != 1) {
            for (int i = 0; i <= last; i++) {
                tps[i] *= f;
                fps[i] *= f;
            }
        }
        return new OperatingPoints(thresholds.clone(), tps, fps, rows, positiveRows, weighted);
    }

    /**
     * Wraps arrays built by a trusted builder in this package (multi-class one-vs-rest, the
     * bootstrap's replicate tables): not copied, not checked. The arrays must hold the invariants of the fields.
     */
    static OperatingPoints wrap(double[] thresholds, double[] truePositives, double[] falsePositives,
            int rows, int positiveRows, boolean weighted) {
        return new OperatingPoints(thresholds, truePositives, falsePositives, rows, positiveRows, weighted);
    }

    /** As {@link #wrap} for an unweighted table with integer counts (not copied, not checked). */
    static OperatingPoints wrapCounts(double[] thresholds, int[] truePositives, int[] falsePositives, int rows,
            int positiveRows) {
        return new OperatingPoints(thresholds, truePositives, falsePositives, rows, positiveRows, null, null);
    }

    /** Number of distinct scores (rows of the table), at least 1. */
    public int size() {
        if (compact != null) {
            return compact.size();
        }
        return tpCounts != null ? tpCounts.length : thresholds.length;
    }

    /** The {@code i}-th distinct score, descending in {@code i}. */
    public double threshold(int i) {
        if (thresholds != null) {
            return thresholds[i];
        }
        if (compact != null) {
            return compact.threshold(i);
        }
        int t = tpCounts[i];
        int f = fpCounts[i];
        long key = Math.min(t > 0 ? posKeys[posKeys.length - t] : Long.MAX_VALUE,
                f > 0 ? negKeys[negKeys.length - f] : Long.MAX_VALUE);
        return Sorting.keyToDouble(key);
    }

    /** Cumulative (weighted) true positives at {@code threshold(i)}. */
    public double truePositives(int i) {
        return tp != null ? tp[i] : tpCounts != null ? tpCounts[i] : compact.truePositives(i);
    }

    /** Cumulative (weighted) false positives at {@code threshold(i)}. */
    public double falsePositives(int i) {
        return fp != null ? fp[i] : fpCounts != null ? fpCounts[i] : compact.falsePositives(i);
    }

    /** Total (weighted) positives P. */
    public double positives() {
        return truePositives(size() - 1);
    }

    /** Total (weighted) negatives N. */
    public double negatives() {
        return falsePositives(size() - 1);
    }

    /** Number of samples (rows) of positive weight: rows of weight 0 are left out. */
    public int rows() {
        return rows;
    }

    /** Number of positive samples (rows) of positive weight. */
    public int positiveRows() {
        return positiveRows;
    }

    /** Number of negative samples (rows) of positive weight. */
    public int negativeRows() {
        return rows - positiveRows;
    }

    /** Whether counts are sums of sample weights. */
    public boolean weighted() {
        return weighted;
    }

    /** Copy of the descending thresholds. */
    public double[] thresholds() {
        if (thresholds != null) {
            return thresholds.clone();
        }
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = threshold(i);
        }
        return out;
    }

    /** The values {@code row(i)} of every row of the table. */
    private double[] column(java.util.function.IntToDoubleFunction row) {
        double[] out = new double[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = row.applyAsDouble(i);
        }
        return out;
    }

    /** Copy of the cumulative true-positive counts. */
    public double[] truePositives() {
        if (compact != null) {
            return column(compact::truePositives);
        }
        return tp != null ? tp.clone() : Arrays.stream(tpCounts).asDoubleStream().toArray();
    }

    /** Copy of the cumulative false-positive counts. */
    public double[] falsePositives() {
        if (compact != null) {
            return column(compact::falsePositives);
        }
        return fp != null ? fp.clone() : Arrays.stream(fpCounts).asDoubleStream().toArray();
    }

    /**
     * Index of the last row whose threshold is {@code >= t}, or -1 when every score is below
     * {@code t} (nothing predicted positive).
     */
    public int indexAt(double t) {
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("threshold must not be NaN");
        }
        int lo = 0;
        int hi = size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (threshold(mid) >= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** The confusion matrix of the rule "positive iff score &gt;= t" (t may be infinite). */
    public ConfusionMatrix confusionAt(double t) {
        int i = indexAt(t);
        double tpAt = i < 0 ? 0 : truePositives(i);
        double fpAt = i < 0 ? 0 : falsePositives(i);
        return ConfusionMatrix.of(tpAt, fpAt, negatives() - fpAt, positives() - tpAt);
    }

    /** The confusion matrix at row {@code i} (-1 meaning the +Infinity row: nothing positive). */
    public ConfusionMatrix confusionAtIndex(int i) {
        double tpAt = i < 0 ? 0 : truePositives(i);
        double fpAt = i < 0 ? 0 : falsePositives(i);
        return ConfusionMatrix.of(tpAt, fpAt, negatives() - fpAt, positives() - tpAt);
    }

    @Override
    public String toString() {
        return "OperatingPoints[size=" + size() + ", rows=" + rows + ", positives=" + positives()
                + ", negatives=" + negatives() + ", weighted=" + weighted + "]";
    }
}

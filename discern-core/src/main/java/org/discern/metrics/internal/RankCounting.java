package org.discern.metrics.internal;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Exact ROC AUC and average precision of unweighted float scores without building the full
 * operating-point table.
 *
 * <p>Both summaries only need, for every sample of one class, its rank among the samples of the
 * other class. When one class is small (rare positives: fraud, disease), its keys are sorted and
 * deduplicated, a bucket table over their range sends each sample of the large class to a short
 * run of candidate keys, and the large class is only counted into a histogram of
 * {@code 2k + 1} bins (below, equal to and between the k distinct small-class keys): one read
 * pass over the scores (the labels are not read: the small class's own samples fall on known
 * bins and are subtracted), no per-sample allocation, two threads on large inputs. Otherwise
 * both classes' keys are radix sorted apart and merged from the top (8 bytes per sample).
 *
 * <p>Counts are integers throughout: {@code 2U} (twice the Mann-Whitney statistic, ties counting
 * one) is a {@code long}, so the AUC {@code 2U / (2PN)} is exact up to the final division, and
 * equal to the trapezoid sum over the operating-point table.
 */
public final class RankCounting {
    /** The small class is counted against when it holds at most this share (1/x) of samples. */
    private static final int SKEW = 16;
    /** Buckets per distinct small-class key (rounded to a power of two), and their maximum. */
    private static final int BUCKETS_PER_KEY = 32;
    private static final int MAX_BUCKETS = 1 << 19;
    /** From this many samples on, the counting pass runs on two threads. */
    private static final int PARALLEL = 1 << 21;
    /** Keys of finite floats lie in [MIN_FINITE, MAX_FINITE] (see {@link Sorting#floatKey}). */
    private static final int MIN_FINITE = Sorting.floatKey(-Float.MAX_VALUE);
    private static final int MAX_FINITE = Sorting.floatKey(Float.MAX_VALUE);

    private RankCounting() {
    }

    /** Number of {@code true} labels. */
    public static int positives(boolean[] labels) {
        int p = 0;
        for (boolean y : labels) {
            p += y ? 1 : 0;
        }
        return p;
    }

    /**
     * Twice the Mann-Whitney U of the positives over the negatives: the number of (positive,
     * negative) pairs with the positive scored higher, times 2, plus the number of tied pairs.
     * ROC AUC = result / (2 P N).
     *
     * @param scores float scores (non-finite ones throw, naming the first index)
     * @param labels same length as scores
     * @param p number of positives, in [1, n - 1]
     */
    public static long twiceMannWhitney(float[] scores, boolean[] labels, int p) {
        int n = scores.length;
        int m = n - p;
        if (Math.min(p, m) > n / SKEW) {
            return merged(scores, labels, p, false).twiceU;
        }
        boolean small = p <= m;
        IntIndex ix = IntIndex.of(scores, labels, small, small ? p : m);
        return twiceU(ix.histogram(scores), ix.cum, ix.k, p, m, small);
    }

    /** As {@link #twiceMannWhitney(float[], boolean[], int)} for double scores. */
    public static long twiceMannWhitney(double[] scores, boolean[] labels, int p) {
        int n = scores.length;
        int m = n - p;
        if (Math.min(p, m) > n / SKEW) {
            return merged(scores, labels, p, false).twiceU;
        }
        boolean small = p <= m;
        LongIndex ix = LongIndex.of(scores, labels, small, small ? p : m);
        return twiceU(ix.histogram(scores), ix.cum, ix.k, p, m, small);
    }

    /**
     * Step-wise average precision (scikit-learn's), summed from the highest threshold down in
     * the same order and arithmetic as the operating-point table, so the results are identical.
     *
     * @param p number of positives, in [1, n - 1]
     */
    public static double averagePrecision(float[] scores, boolean[] labels, int p) {
        if (p > scores.length / SKEW) {
            return merged(scores, labels, p, true).averagePrecision;
        }
        IntIndex ix = IntIndex.of(scores, labels, true, p);
        return averagePrecision(ix.histogram(scores), ix.cum, ix.k, p);
    }

    /** As {@link #averagePrecision(float[], boolean[], int)} for double scores. */
    public static double averagePrecision(double[] scores, boolean[] labels, int p) {
        if (p > scores.length / SKEW) {
            return merged(scores, labels, p, true).averagePrecision;
        }
        LongIndex ix = LongIndex.of(scores, labels, true, p);
        return averagePrecision(ix.histogram(scores), ix.cum, ix.k, p);
    }

    /**
     * 2U from the large class's histogram over the small class's k distinct keys (bin 2j: between
     * distinct keys j - 1 and j; bin 2j + 1: equal to key j; cum[j]: small samples below key j).
     */
    private static long twiceU(int[] hist, int[] cum, int k, int p, int m, boolean positivesSmall) {
        long twice = 0;
        if (positivesSmall) {
            // a negative between distinct positive keys: 2 * (positives above); tied: one less per tie
            long twoP = 2L * p;
            for (int j = 0; j < k; j++) {
                twice += hist[2 * j] * (twoP - 2L * cum[j]);
                twice += hist[2 * j + 1] * (twoP - cum[j] - (long) cum[j + 1]);
            }
        } else {
            // a positive between distinct negative keys: 2 * (negatives below); tied: plus the ties
            for (int j = 0; j < k; j++) {
                twice += hist[2 * j] * (2L * cum[j]);
                twice += hist[2 * j + 1] * ((long) cum[j] + cum[j + 1]);
            }
            twice += hist[2 * k] * (2L * m);
        }
        return twice;
    }

    /** Average precision from the negatives' histogram over the positives' distinct keys. */
    private static double averagePrecision(int[] hist, int[] cum, int k, int p) {
        double pp = p;
        double ap = 0;
        double prevRecall = 0;
        long fp = hist[2 * k];
        for (int j = k - 1; j >= 0; j--) {
            fp += hist[2 * j + 1];
            double tp = p - cum[j];
            double recall = tp / pp;
            ap += (recall - prevRecall) * (tp / (tp + fp));
            prevRecall = recall;
            fp += hist[2 * j];
        }
        return ap;
    }

    /**
     * Histogram of a whole array over the bins of an index, on two threads for large inputs: the
     * halves' integer counts are added, so the result does not depend on the split or on
     * scheduling. The returned array has one extra cell, negative when a non-finite score was
     * seen.
     */
    private static int[] histogram(int n, RangeCount count) {
        if (n < PARALLEL || Runtime.getRuntime().availableProcessors() < 2) {
            return count.count(0, n);
        }
        int half = n >>> 1;
        ForkJoinTask<int[]> upper = ForkJoinPool.commonPool().submit(() -> count.count(half, n));
        int[] hist = count.count(0, half);
        int[] other = upper.join();
        for (int b = 0; b < hist.length; b++) {
            hist[b] += other[b];
        }
        return hist;
    }

    /** Histogram of the samples [from, to). */
    private interface RangeCount {
        int[] count(int from, int to);
    }

    /** Removes the small class's own samples (all on their keys' bins) and checks finiteness. */
    private static int[] withoutSmallClass(int[] hist, int[] cum, int k, Runnable failOnNonFinite) {
        if (hist[2 * k + 1] < 0) {
            failOnNonFinite.run();
        }
        for (int j = 0; j < k; j++) {
            hist[2 * j + 1] -= cum[j + 1] - cum[j];
        }
        return hist;
    }

    /** Summaries from the sort-and-merge path. */
    private record Merged(long twiceU, double averagePrecision) {
    }

    private static Merged merged(float[] scores, boolean[] labels, int p, boolean wantAp) {
        Checks.finiteScores(scores, "scores");
        int m = scores.length - p;
        int[][] sorted = Sorting.sortedClassKeys(scores, labels, p);
        int[] pos = sorted[0];
        int[] neg = sorted[1];
        int i = p - 1;
        int j = m - 1;
        long tp = 0;
        long fp = 0;
        long twice = 0;
        double pp = p;
        double ap = 0;
        double prevRecall = 0;
        while (i >= 0 || j >= 0) {
            int key;
            if (i < 0) {
                key = neg[j];
            } else if (j < 0) {
                key = pos[i];
            } else {
                key = Math.max(pos[i], neg[j]);
            }
            long tp0 = tp;
            while (i >= 0 && pos[i] == key) {
                tp++;
                i--;
            }
            long dfp = 0;
            while (j >= 0 && neg[j] == key) {
                dfp++;
                j--;
            }
            fp += dfp;
            twice += dfp * (tp0 + tp);
            if (wantAp && tp != tp0) {
                double recall = tp / pp;
                ap += (recall - prevRecall) * ((double) tp / (double) (tp + fp));
                prevRecall = recall;
            }
        }
        return new Merged(twice, ap);
    }

    private static Merged merged(double[] scores, boolean[] labels, int p, boolean wantAp) {
        Checks.finiteScores(scores, "scores");
        int m = scores.length - p;
        long[][] sorted = Sorting.sortedClassKeys(scores, labels, p);
        long[] pos = sorted[0];
        long[] neg = sorted[1];
        int i = p - 1;
        int j = m - 1;
        long tp = 0;
        long fp = 0;
        long twice = 0;
        double pp = p;
        double ap = 0;
        double prevRecall = 0;
        while (i >= 0 || j >= 0) {
            long key;
            if (i < 0) {
                key = neg[j];
            } else if (j < 0) {
                key = pos[i];
            } else {
                key = Math.max(pos[i], neg[j]);
            }
            long tp0 = tp;
            while (i >= 0 && pos[i] == key) {
                tp++;
                i--;
            }
            long dfp = 0;
            while (j >= 0 && neg[j] == key) {
                dfp++;
                j--;
            }
            fp += dfp;
            twice += dfp * (tp0 + tp);
            if (wantAp && tp != tp0) {
                double recall = tp / pp;
                ap += (recall - prevRecall) * ((double) tp / (double) (tp + fp));
                prevRecall = recall;
            }
        }
        return new Merged(twice, ap);
    }

    /**
     * The distinct sorted keys of one class ("small"), with a bucket table over their range.
     * Bin {@code 2j} of a key means "above j distinct small keys, equal to none", bin
     * {@code 2j + 1} means "equal to the j-th distinct small key"; bin {@code 2k} is above all.
     */
    private static final class IntIndex {
        // keys[0, k): distinct keys of the small class, ascending; keys[k] = Integer.MAX_VALUE, a
        // sentinel above every finite key
        final int[] keys;
        final int k;
        // cum[j] = number of small-class samples with key < keys[j]; cum[k] = their total
        final int[] cum;
        final int min;
        final int shift;
        final int buckets;
        // a key's bucket is q = (key - min) >> shift clamped to [-1, buckets], and table[q + 1] is
        // the first j with keys[j] in bucket q or above (table[0] = 0: below every key)
        final int[] table;

        private IntIndex(int[] keys, int k, int[] cum, int shift, int buckets, int[] table) {
            this.keys = keys;
            this.k = k;
            this.cum = cum;
            this.min = keys[0];
            this.shift = shift;
            this.buckets = buckets;
            this.table = table;
        }

        static IntIndex of(float[] scores, boolean[] labels, boolean cls, int count) {
            int[] keys = new int[count + 1];
            int c = 0;
            boolean finite = true;
            for (int i = 0; i < scores.length; i++) {
                if (labels[i] == cls) {
                    float s = scores[i];
                    finite &= Float.isFinite(s);
                    keys[c++] = Sorting.floatKey(s);
                }
            }
            if (!finite) {
                Checks.finiteScores(scores, "scores");
            }
            if (count < 4096) {
                Arrays.sort(keys, 0, count);
            } else {
                Sorting.sort(keys, count, new int[count]);
            }
            int[] cum = new int[count + 1];
            int k = 0;
            for (int i = 0; i < count; i++) {
                if (i == 0 || keys[i] != keys[k - 1]) {
                    keys[k] = keys[i];
                    cum[k] = i;
                    k++;
                }
            }
            cum[k] = count;
            keys[k] = Integer.MAX_VALUE;
            int min = keys[0];
            long range = (long) keys[k - 1] - min;
            int maxBuckets = Math.min(MAX_BUCKETS, Math.max(64, Integer.highestOneBit(k) * BUCKETS_PER_KEY));
            int shift = 0;
            while ((range >>> shift) >= maxBuckets) {
                shift++;
            }
            int buckets = (int) (range >>> shift) + 1;
            int[] table = new int[buckets + 2];
            int j = 0;
            for (int b = 0; b <= buckets; b++) {
                while (j < k && (((long) keys[j] - min) >>> shift) < b) {
                    j++;
                }
                table[b + 1] = j;
            }
            return new IntIndex(keys, k, cum, shift, buckets, table);
        }

        /**
         * Counts the other class's samples into the 2k + 1 bins. Every sample is counted, without
         * reading the labels: the small class's own samples all land on their keys' bins, whose
         * counts are known, and are taken out afterwards.
         */
        int[] histogram(float[] scores) {
            int[] hist = RankCounting.histogram(scores.length, (from, to) -> count(scores, from, to));
            return withoutSmallClass(hist, cum, k, () -> Checks.finiteScores(scores, "scores"));
        }

        /**
         * Histogram of scores[from, to) over the 2k + 1 bins, with one extra cell: negative when a
         * non-finite score was seen.
         */
        private int[] count(float[] scores, int from, int to) {
            final int[] keys = this.keys;
            final int[] table = this.table;
            final long min = this.min;
            final int shift = this.shift;
            final long last = this.buckets;
            int[] hist = new int[2 * k + 2];
            boolean finite = true;
            for (int i = from; i < to; i++) {
                int key = Sorting.floatKey(scores[i]);
                finite &= key >= MIN_FINITE & key <= MAX_FINITE;
                // clamped without branches: keys below min go to table[0] = 0, above max to k
                long q = Math.max(-1, Math.min(((long) key - min) >> shift, last));
                int j = table[(int) q + 1];
                // keys[j] of a later bucket (or the sentinel) is above key: the scan stops there
                while (keys[j] < key) {
                    j++;
                }
                hist[2 * j + (keys[j] == key ? 1 : 0)]++;
            }
            hist[2 * k + 1] = finite ? 0 : -1;
            return hist;
        }
    }

    /** {@link IntIndex} on the 64-bit keys of double scores. */
    private static final class LongIndex {
        private static final long MIN_FINITE_KEY = Sorting.doubleKey(-Double.MAX_VALUE);
        private static final long MAX_FINITE_KEY = Sorting.doubleKey(Double.MAX_VALUE);
        // keys[0, k): distinct keys, ascending; keys[k] = Long.MAX_VALUE, a sentinel
        final long[] keys;
        final int k;
        // cum[j] = number of small-class samples with key < keys[j]; cum[k] = their total
        final int[] cum;
        final long min;
        final long max;
        final int shift;
        final int buckets;
        // for min <= key <= max the bucket is q = (key - min) >>> shift (unsigned difference);
        // table[q + 1] is the first j with keys[j] in bucket q or above; table[0] = 0
        final int[] table;

        private LongIndex(long[] keys, int k, int[] cum, int shift, int buckets, int[] table) {
            this.keys = keys;
            this.k = k;
            this.cum = cum;
            this.min = keys[0];
            this.max = keys[k - 1];
            this.shift = shift;
            this.buckets = buckets;
            this.table = table;
        }

        static LongIndex of(double[] scores, boolean[] labels, boolean cls, int count) {
            long[] keys = new long[count + 1];
            int c = 0;
            boolean finite = true;
            for (int i = 0; i < scores.length; i++) {
                if (labels[i] == cls) {
                    double s = scores[i];
                    finite &= Double.isFinite(s);
                    keys[c++] = Sorting.doubleKey(s);
                }
            }
            if (!finite) {
                Checks.finiteScores(scores, "scores");
            }
            if (count < 4096) {
                Arrays.sort(keys, 0, count);
            } else {
                Sorting.sort(keys, count, new long[count]);
            }
            int[] cum = new int[count + 1];
            int k = 0;
            for (int i = 0; i < count; i++) {
                if (i == 0 || keys[i] != keys[k - 1]) {
                    keys[k] = keys[i];
                    cum[k] = i;
                    k++;
                }
            }
            cum[k] = count;
            keys[k] = Long.MAX_VALUE;
            long min = keys[0];
            // unsigned: the range of finite keys may exceed Long.MAX_VALUE
            long range = keys[k - 1] - min;
            int maxBuckets = Math.min(MAX_BUCKETS, Math.max(64, Integer.highestOneBit(k) * BUCKETS_PER_KEY));
            int shift = 0;
            while (Long.compareUnsigned(range >>> shift, maxBuckets) >= 0) {
                shift++;
            }
            int buckets = (int) (range >>> shift) + 1;
            int[] table = new int[buckets + 2];
            int j = 0;
            for (int b = 0; b <= buckets; b++) {
                while (j < k && ((keys[j] - min) >>> shift) < b) {
                    j++;
                }
                table[b + 1] = j;
            }
            return new LongIndex(keys, k, cum, shift, buckets, table);
        }

        /** See {@link IntIndex#histogram(float[])}. */
        int[] histogram(double[] scores) {
            int[] hist = RankCounting.histogram(scores.length, (from, to) -> count(scores, from, to));
            return withoutSmallClass(hist, cum, k, () -> Checks.finiteScores(scores, "scores"));
        }

        private int[] count(double[] scores, int from, int to) {
            final long[] keys = this.keys;
            final int[] table = this.table;
            final long min = this.min;
            final long max = this.max;
            final int shift = this.shift;
            final long last = this.buckets;
            int[] hist = new int[2 * k + 2];
            boolean finite = true;
            for (int i = from; i < to; i++) {
                long key = Sorting.doubleKey(scores[i]);
                finite &= key >= MIN_FINITE_KEY & key <= MAX_FINITE_KEY;
                long q = key < min ? -1 : key > max ? last : (key - min) >>> shift;
                int j = table[(int) q + 1];
                while (keys[j] < key) {
                    j++;
                }
                hist[2 * j + (keys[j] == key ? 1 : 0)]++;
            }
            hist[2 * k + 1] = finite ? 0 : -1;
            return hist;
        }
    }
}

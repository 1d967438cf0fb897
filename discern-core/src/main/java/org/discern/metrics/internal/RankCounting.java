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
 * bins and are subtracted), no per-sample allocation, two threads on large inputs. Otherwise both classes' keys are radix sorted
 * apart and merged from the top (8 bytes per sample).
 *
 * <p>Counts are integers throughout: {@code 2U} (twice the Mann-Whitney statistic, ties counting
 * one) is a {@code long}, so the AUC {@code 2U / (2PN)} is exact up to the final division, and
 * equal to the trapezoid sum over the operating-point table.
 */
public final class RankCounting {
    /** The small class is counted against when it holds at most this share (1/x) of samples. */
    private static final int SKEW = 16;
    /** Buckets per distinct small-class key (rounded to a power of two), and their maximum. */
    private static final int BUCKETS_PER_KEY = 16;
    private static final int MAX_BUCKETS = 1 << 18;
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
        Index ix = Index.of(scores, labels, small, small ? p : m);
        int[] hist = ix.histogram(scores);
        int[] cum = ix.cum;
        int k = ix.k;
        long twice = 0;
        if (small) {
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

    /**
     * Step-wise average precision (scikit-learn's), summed from the highest threshold down in
     * the same order and arithmetic as the operating-point table, so the results are identical.
     *
     * @param p number of positives, in [1, n - 1]
     */
    public static double averagePrecision(float[] scores, boolean[] labels, int p) {
        int n = scores.length;
        if (p > n / SKEW) {
            return merged(scores, labels, p, true).averagePrecision;
        }
        Index ix = Index.of(scores, labels, true, p);
        int[] hist = ix.histogram(scores);
        int[] cum = ix.cum;
        int k = ix.k;
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

    /** Summaries from the sort-and-merge path. */
    private record Merged(long twiceU, double averagePrecision) {
    }

    private static Merged merged(float[] scores, boolean[] labels, int p, boolean wantAp) {
        Checks.finiteScores(scores, "scores");
        int n = scores.length;
        int m = n - p;
        int[] keys = new int[n];
        int pi = 0;
        int ni = p;
        for (int i = 0; i < n; i++) {
            int key = Sorting.floatKey(scores[i]);
            if (labels[i]) {
                keys[pi++] = key;
            } else {
                keys[ni++] = key;
            }
        }
        int[] scratch = new int[Math.max(p, m)];
        int[] pos = Arrays.copyOfRange(keys, 0, p);
        Sorting.sort(pos, p, scratch);
        int[] neg = keys;
        System.arraycopy(keys, p, neg, 0, m);
        Sorting.sort(neg, m, scratch);
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

    /**
     * The distinct sorted keys of one class ("small"), with a bucket table over their range.
     * Bin {@code 2j} of a key means "above j distinct small keys, equal to none", bin
     * {@code 2j + 1} means "equal to the j-th distinct small key"; bin {@code 2k} is above all.
     */
    private static final class Index {
        // keys[0, k): distinct keys of the small class, ascending; keys[k] = Integer.MAX_VALUE, a
        // sentinel above every finite key
        final int[] keys;
        final int k;
        // cum[j] = number of small-class samples with key < keys[j]; cum[k] = their total
        final int[] cum;
        final boolean cls;
        final int min;
        final int shift;
        final int buckets;
        // a key's bucket is q = (key - min) >> shift clamped to [-1, buckets], and table[q + 1] is
        // the first j with keys[j] in bucket q or above (table[0] = 0: below every key)
        final int[] table;

        private Index(int[] keys, int k, int[] cum, boolean cls, int shift, int buckets, int[] table) {
            this.keys = keys;
            this.k = k;
            this.cum = cum;
            this.cls = cls;
            this.min = keys[0];
            this.shift = shift;
            this.buckets = buckets;
            this.table = table;
        }

        static Index of(float[] scores, boolean[] labels, boolean cls, int count) {
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
            return new Index(keys, k, cum, cls, shift, buckets, table);
        }

        /**
         * Counts the other class's samples into the 2k + 1 bins. Every sample is counted, without
         * reading the labels: the small class's own samples all land on their keys' bins, whose
         * counts are known, and are taken out afterwards.
         */
        int[] histogram(float[] scores) {
            int n = scores.length;
            int[] hist;
            if (n >= PARALLEL && Runtime.getRuntime().availableProcessors() > 1) {
                // two halves counted apart and added: integer counts, so the result does not
                // depend on the split or on scheduling
                int half = n >>> 1;
                ForkJoinTask<int[]> upper = ForkJoinPool.commonPool().submit(() -> count(scores, half, n));
                hist = count(scores, 0, half);
                int[] other = upper.join();
                for (int b = 0; b < hist.length; b++) {
                    hist[b] += other[b];
                }
            } else {
                hist = count(scores, 0, n);
            }
            if (hist[hist.length - 1] < 0) {
                Checks.finiteScores(scores, "scores");
            }
            for (int j = 0; j < k; j++) {
                hist[2 * j + 1] -= cum[j + 1] - cum[j];
            }
            return hist;
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
}

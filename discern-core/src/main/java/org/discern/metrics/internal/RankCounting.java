package org.discern.metrics.internal;

import java.util.Arrays;

/**
 * Exact ROC AUC and average precision of unweighted float scores without building the full
 * operating-point table.
 *
 * <p>Both summaries only need, for every sample of one class, its rank among the samples of the
 * other class. When one class is small (rare positives: fraud, disease), its keys are sorted and
 * deduplicated, a bucket table over their range sends each sample of the large class to a short
 * run of candidate keys, and the large class is only counted into a histogram of
 * {@code 2k + 1} bins (below, equal to and between the k distinct small-class keys): one read
 * pass over the input, no per-sample allocation. Otherwise both classes' keys are radix sorted
 * apart and merged from the top (8 bytes per sample).
 *
 * <p>Counts are integers throughout: {@code 2U} (twice the Mann-Whitney statistic, ties counting
 * one) is a {@code long}, so the AUC {@code 2U / (2PN)} is exact up to the final division, and
 * equal to the trapezoid sum over the operating-point table.
 */
public final class RankCounting {
    /** The small class is counted against when it holds at most this share (1/x) of samples. */
    private static final int SKEW = 16;
    /** Bucket runs longer than this are binary searched instead of scanned. */
    private static final int SCAN = 8;
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
        int[] hist = ix.histogram(scores, labels);
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
        int[] hist = ix.histogram(scores, labels);
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
        // keys[0, k): distinct keys of the small class, ascending
        final int[] keys;
        final int k;
        // cum[j] = number of small-class samples with key < keys[j]; cum[k] = their total
        final int[] cum;
        final boolean cls;
        final int min;
        final int max;
        final int shift;
        // table[b] = first j with bucket(keys[j]) >= b, for b in [0, buckets]; table[buckets] = k
        final int[] table;

        private Index(int[] keys, int k, int[] cum, boolean cls, int shift, int[] table) {
            this.keys = keys;
            this.k = k;
            this.cum = cum;
            this.cls = cls;
            this.min = keys[0];
            this.max = keys[k - 1];
            this.shift = shift;
            this.table = table;
        }

        static Index of(float[] scores, boolean[] labels, boolean cls, int count) {
            int[] keys = new int[count];
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
                Arrays.sort(keys);
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
            long range = (long) keys[k - 1] - keys[0];
            int maxBuckets = Math.min(1 << 18, Math.max(64, Integer.highestOneBit(k) << 2));
            int shift = 0;
            while ((range >>> shift) >= maxBuckets) {
                shift++;
            }
            int buckets = (int) (range >>> shift) + 1;
            int[] table = new int[buckets + 1];
            int min = keys[0];
            int j = 0;
            for (int b = 0; b <= buckets; b++) {
                while (j < k && ((keys[j] - min) >>> shift) < b) {
                    j++;
                }
                table[b] = j;
            }
            return new Index(keys, k, cum, cls, shift, table);
        }

        /** Counts the other class's samples into the 2k + 1 bins. */
        int[] histogram(float[] scores, boolean[] labels) {
            final int[] keys = this.keys;
            final int[] table = this.table;
            final int min = this.min;
            final int max = this.max;
            final int shift = this.shift;
            final boolean cls = this.cls;
            int[] hist = new int[2 * k + 1];
            int below = 0;
            int above = 0;
            boolean finite = true;
            for (int i = 0; i < scores.length; i++) {
                if (labels[i] == cls) {
                    continue;
                }
                int key = Sorting.floatKey(scores[i]);
                if (key < min) {
                    finite &= key >= MIN_FINITE;
                    below++;
                } else if (key > max) {
                    finite &= key <= MAX_FINITE;
                    above++;
                } else {
                    int b = (key - min) >>> shift;
                    int j = table[b];
                    int end = table[b + 1];
                    if (end - j > SCAN) {
                        // first index in [j, end) with keys[idx] >= key
                        int lo = j;
                        int hi = end;
                        while (lo < hi) {
                            int mid = (lo + hi) >>> 1;
                            if (keys[mid] < key) {
                                lo = mid + 1;
                            } else {
                                hi = mid;
                            }
                        }
                        j = lo;
                    } else {
                        while (j < end && keys[j] < key) {
                            j++;
                        }
                    }
                    // key <= max, so j < k
                    hist[2 * j + (keys[j] == key ? 1 : 0)]++;
                }
            }
            if (!finite) {
                Checks.finiteScores(scores, "scores");
            }
            hist[0] += below;
            hist[2 * k] += above;
            return hist;
        }
    }
}

package org.discern.metrics;

import org.discern.metrics.internal.Sorting;

/**
 * The unweighted operating-point table of a huge sample in about 0.4 bytes per row beside the
 * classes' sorted keys, instead of two int counts (8 bytes) per distinct score.
 *
 * <p>Merge the positives' and negatives' sorted keys from the top: the {@code k}-th merged row
 * (descending score, {@code k} from 0) is positive or not, and is the last of its score or not.
 * Table row {@code i} ends at merged row {@code e(i)}, the {@code i}-th last-of-its-score row
 * (select on {@link #ends}; {@code e(i) = i} when every score is distinct); its true positives
 * are the positive rows among the first {@code e(i) + 1} (rank on {@link #positive}), its false
 * positives the others, and its threshold the smaller of the positives' and negatives' lowest key
 * counted, exactly as {@link OperatingPoints} reads thresholds from the keys. Every accessor
 * gives what the int-count table gives ({@code CompactPointsProperties}).
 *
 * <p>Immutable once built (the keys are only read); no cursor is kept, so it is safe to share
 * between threads. An access costs a rank and, with ties, a select: a few word operations.
 */
final class CompactPoints {
    // ascending sorted keys of the classes (Sorting.doubleKey); only read
    private final KeyBlocks pos;
    private final KeyBlocks neg;
    private final int p;
    private final int m;
    private final int distinct;
    // bit k (word k >>> 6, bit k & 63): merged row k, in descending score order, is positive
    private final long[] positive;
    // positiveRank[w] = set bits of positive[0, w)
    private final int[] positiveRank;
    // bit k: merged row k is the last of its score; null when every score is distinct
    private final long[] ends;
    // endRank[w] = set bits of ends[0, w)
    private final int[] endRank;
    // endSample[j] = the word of ends holding its (64 j)-th set bit (counting from 0)
    private final int[] endSample;

    /**
     * The table of the sorted keys of {@code pos} and {@code neg} (not copied; they must not be
     * changed afterwards).
     */
    CompactPoints(KeyBlocks pos, KeyBlocks neg) {
        this.pos = pos;
        this.neg = neg;
        this.p = Math.toIntExact(pos.size());
        this.m = Math.toIntExact(neg.size());
        int n = Math.addExact(p, m);
        int words = (int) ((n + 63L) >>> 6);
        long[] posBits = new long[words];
        long[] endBits = new long[words];
        long i = p - 1L;
        long j = m - 1L;
        int k = 0;
        int rows = 0;
        while (i >= 0 || j >= 0) {
            long key = i < 0 ? neg.get(j) : j < 0 ? pos.get(i) : Math.max(pos.get(i), neg.get(j));
            while (i >= 0 && pos.get(i) == key) {
                posBits[k >>> 6] |= 1L << k;
                k++;
                i--;
            }
            while (j >= 0 && neg.get(j) == key) {
                k++;
                j--;
            }
            endBits[(k - 1) >>> 6] |= 1L << (k - 1);
            rows++;
        }
        this.distinct = rows;
        this.positive = posBits;
        this.positiveRank = ranks(posBits);
        if (rows == n) {
            this.ends = null;
            this.endRank = null;
            this.endSample = null;
        } else {
            this.ends = endBits;
            this.endRank = ranks(endBits);
            int[] sample = new int[(rows + 63) >>> 6];
            int w = 0;
            for (int s = 0; s < sample.length; s++) {
                int bit = s << 6;
                while (endRank[w + 1] <= bit) {
                    w++;
                }
                sample[s] = w;
            }
            this.endSample = sample;
        }
    }

    /** Cumulative set bits before each word, with the total at the end. */
    private static int[] ranks(long[] bits) {
        int[] rank = new int[bits.length + 1];
        for (int w = 0; w < bits.length; w++) {
            rank[w + 1] = rank[w] + Long.bitCount(bits[w]);
        }
        return rank;
    }

    /** Rows of the table: distinct scores. */
    int size() {
        return distinct;
    }

    /** The merged row where table row {@code i} ends. */
    private int end(int i) {
        if (ends == null) {
            return i;
        }
        int w = endSample[i >>> 6];
        while (endRank[w + 1] <= i) {
            w++;
        }
        return (w << 6) + select(ends[w], i - endRank[w]);
    }

    /** The place of the {@code r}-th (from 0) set bit of {@code x}, which has more than {@code r}. */
    static int select(long x, int r) {
        int base = 0;
        int c = Long.bitCount(x & 0xFFFFFFFFL);
        if (r >= c) {
            r -= c;
            x >>>= 32;
            base = 32;
        }
        c = Long.bitCount(x & 0xFFFFL);
        if (r >= c) {
            r -= c;
            x >>>= 16;
            base += 16;
        }
        c = Long.bitCount(x & 0xFFL);
        if (r >= c) {
            r -= c;
            x >>>= 8;
            base += 8;
        }
        for (; r > 0; r--) {
            x &= x - 1;
        }
        return base + Long.numberOfTrailingZeros(x);
    }

    /** Positive rows among merged rows {@code [0, e]}. */
    private int positivesThrough(int e) {
        int w = e >>> 6;
        return positiveRank[w] + Long.bitCount(positive[w] & (-1L >>> (63 - (e & 63))));
    }

    /** True positives of table row {@code i}. */
    int truePositives(int i) {
        return positivesThrough(end(i));
    }

    /** False positives of table row {@code i}. */
    int falsePositives(int i) {
        int e = end(i);
        return e + 1 - positivesThrough(e);
    }

    /** Threshold of table row {@code i}: the lowest score it counts. */
    double threshold(int i) {
        int e = end(i);
        int t = positivesThrough(e);
        int f = e + 1 - t;
        long key = Math.min(t > 0 ? pos.get(p - t) : Long.MAX_VALUE, f > 0 ? neg.get(m - f) : Long.MAX_VALUE);
        return Sorting.keyToDouble(key);
    }
}

package org.discern.metrics.internal;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Radix sorts on the bit patterns of floating-point scores.
 *
 * <p>Scores are mapped to integer keys whose signed order is the numeric order of the scores
 * ({@code -0.0} and {@code +0.0} map to the same key, so they tie, as they compare equal). Least
 * significant digit radix sorting is stable, which the curve builders rely on: samples with
 * equal scores keep their input order, so walking a sorted array from its end visits ties in
 * reverse input order, exactly as scikit-learn's {@code argsort(kind="mergesort")[::-1]} does.
 */
public final class Sorting {
    /** Below this size a pass uses 8-bit digits; above it 16-bit digits. */
    private static final int SMALL = 1 << 16;
    /** From this size on, int keys are sorted on two threads. */
    public static final int PARALLEL = 1 << 21;

    private Sorting() {
    }

    /** A key whose signed {@code int} order is the numeric order of {@code score} (not NaN). */
    public static int floatKey(float score) {
        int bits = Float.floatToRawIntBits(score + 0.0f);
        return bits ^ ((bits >> 31) & 0x7FFFFFFF);
    }

    /** Inverse of {@link #floatKey(float)}. */
    public static float keyToFloat(int key) {
        return Float.intBitsToFloat(key ^ ((key >> 31) & 0x7FFFFFFF));
    }

    /** A key whose signed {@code long} order is the numeric order of {@code score} (not NaN). */
    public static long doubleKey(double score) {
        long bits = Double.doubleToRawLongBits(score + 0.0);
        return bits ^ ((bits >> 63) & 0x7FFFFFFFFFFFFFFFL);
    }

    /** Inverse of {@link #doubleKey(double)}. */
    public static double keyToDouble(long key) {
        return Double.longBitsToDouble(key ^ ((key >> 63) & 0x7FFFFFFFFFFFFFFFL));
    }

    /**
     * Sorts {@code a[0, n)} ascending by signed value, using {@code scratch} (length at least
     * {@code n}) as the second buffer. The sorted values end in {@code a}. From
     * {@value #PARALLEL} values on, each pass is split over two threads (the common fork-join
     * pool and the caller); the sorted order of values is unique, so the result is the same.
     */
    public static void sort(int[] a, int n, int[] scratch) {
        if (n < 2) {
            return;
        }
        if (n < 64) {
            java.util.Arrays.sort(a, 0, n);
            return;
        }
        if (n >= PARALLEL && Runtime.getRuntime().availableProcessors() > 1) {
            sortTwoThreads(a, n, scratch);
            return;
        }
        final int bits = n < SMALL ? 8 : 16;
        final int radix = 1 << bits;
        final int mask = radix - 1;
        final int passes = 32 / bits;
        int[][] counts = new int[passes][radix + 1];
        for (int i = 0; i < n; i++) {
            int v = a[i] ^ 0x80000000;
            for (int p = 0; p < passes; p++) {
                counts[p][((v >>> (p * bits)) & mask) + 1]++;
            }
        }
        int[] src = a;
        int[] dst = scratch;
        for (int p = 0; p < passes; p++) {
            int[] c = counts[p];
            if (singleBucket(c, n)) {
                continue;
            }
            for (int d = 0; d < radix; d++) {
                c[d + 1] += c[d];
            }
            final int shift = p * bits;
            for (int i = 0; i < n; i++) {
                int v = src[i];
                dst[c[((v ^ 0x80000000) >>> shift) & mask]++] = v;
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        if (src != a) {
            System.arraycopy(src, 0, a, 0, n);
        }
    }

    /**
     * Two 16-bit LSD passes, each split in halves: both halves count their digits, the lower half
     * scatters from the digit's start and the upper half from the start plus the lower half's
     * count, which keeps the pass stable.
     */
    private static void sortTwoThreads(int[] a, int n, int[] scratch) {
        final int half = n >>> 1;
        int[] src = a;
        int[] dst = scratch;
        for (int shift = 0; shift < 32; shift += 16) {
            final int[] from = src;
            final int sh = shift;
            ForkJoinTask<int[]> upperCount = ForkJoinPool.commonPool().submit(() -> digitCounts(from, half, n, sh));
            int[] lower = digitCounts(from, 0, half, sh);
            int[] upper = upperCount.join();
            if (!bucketStarts(lower, upper, n)) {
                continue; // one digit for all: the pass would not move anything
            }
            final int[] to = dst;
            ForkJoinTask<?> upperScatter = ForkJoinPool.commonPool().submit(() -> scatter(from, to, half, n, sh, upper));
            scatter(from, to, 0, half, sh, lower);
            upperScatter.join();
            src = to;
            dst = from;
        }
        if (src != a) {
            System.arraycopy(src, 0, a, 0, n);
        }
    }

    private static int[] digitCounts(int[] a, int from, int to, int shift) {
        int[] c = new int[1 << 16];
        for (int i = from; i < to; i++) {
            c[((a[i] ^ 0x80000000) >>> shift) & 0xFFFF]++;
        }
        return c;
    }

    private static void scatter(int[] src, int[] dst, int from, int to, int shift, int[] next) {
        for (int i = from; i < to; i++) {
            int v = src[i];
            dst[next[((v ^ 0x80000000) >>> shift) & 0xFFFF]++] = v;
        }
    }

    /**
     * Sorts {@code a[0, n)} ascending by signed value, using {@code scratch} (length at least
     * {@code n}) as second buffer. From {@value #PARALLEL} values on, each pass is split over two
     * threads, as {@link #sort(int[], int, int[])} does; the sorted order is unique, so the result
     * is the same.
     */
    public static void sort(long[] a, int n, long[] scratch) {
        if (n >= PARALLEL && Runtime.getRuntime().availableProcessors() > 1) {
            sortTwoThreads(a, n, scratch);
            return;
        }
        sortOnOneThread(a, n, scratch);
    }

    /** As {@link #sort(long[], int, long[])} on the calling thread alone, whatever the size. */
    private static void sortOnOneThread(long[] a, int n, long[] scratch) {
        if (n < 64) {
            java.util.Arrays.sort(a, 0, n);
            return;
        }
        final int bits = n < SMALL ? 8 : 16;
        final int radix = 1 << bits;
        final int mask = radix - 1;
        final int passes = 64 / bits;
        int[][] counts = new int[passes][radix + 1];
        for (int i = 0; i < n; i++) {
            long v = a[i] ^ Long.MIN_VALUE;
            for (int p = 0; p < passes; p++) {
                counts[p][(int) ((v >>> (p * bits)) & mask) + 1]++;
            }
        }
        long[] src = a;
        long[] dst = scratch;
        for (int p = 0; p < passes; p++) {
            int[] c = counts[p];
            if (singleBucket(c, n)) {
                continue;
            }
            for (int d = 0; d < radix; d++) {
                c[d + 1] += c[d];
            }
            final int shift = p * bits;
            for (int i = 0; i < n; i++) {
                long v = src[i];
                dst[c[(int) (((v ^ Long.MIN_VALUE) >>> shift) & mask)]++] = v;
            }
            long[] t = src;
            src = dst;
            dst = t;
        }
        if (src != a) {
            System.arraycopy(src, 0, a, 0, n);
        }
    }

    /**
     * Four 16-bit LSD passes over 64-bit keys, each split in halves as in
     * {@link #sortTwoThreads(int[], int, int[])}: the lower half scatters from the digit's start,
     * the upper half from the start plus the lower half's count, which keeps each pass stable.
     */
    private static void sortTwoThreads(long[] a, int n, long[] scratch) {
        final int half = n >>> 1;
        long[] src = a;
        long[] dst = scratch;
        for (int shift = 0; shift < 64; shift += 16) {
            final long[] from = src;
            final int sh = shift;
            ForkJoinTask<int[]> upperCount = ForkJoinPool.commonPool().submit(() -> digitCounts(from, half, n, sh));
            int[] lower = digitCounts(from, 0, half, sh);
            int[] upper = upperCount.join();
            if (!bucketStarts(lower, upper, n)) {
                continue; // one digit for all: the pass would not move anything
            }
            final long[] to = dst;
            ForkJoinTask<?> upperScatter = ForkJoinPool.commonPool().submit(() -> scatter(from, to, half, n, sh, upper));
            scatter(from, to, 0, half, sh, lower);
            upperScatter.join();
            src = to;
            dst = from;
        }
        if (src != a) {
            System.arraycopy(src, 0, a, 0, n);
        }
    }

    /**
     * Turns the digit counts of the two halves into their scatter starts (lower half first within
     * each digit); false, leaving them unchanged past the digit found, when one digit holds all
     * {@code n} values.
     */
    private static boolean bucketStarts(int[] lower, int[] upper, int n) {
        int total = 0;
        for (int d = 0; d < 1 << 16; d++) {
            int lo = lower[d];
            int hi = upper[d];
            if (lo + hi == n) {
                return false;
            }
            lower[d] = total;
            upper[d] = total + lo;
            total += lo + hi;
        }
        return true;
    }

    private static int[] digitCounts(long[] a, int from, int to, int shift) {
        int[] c = new int[1 << 16];
        for (int i = from; i < to; i++) {
            c[(int) (((a[i] ^ Long.MIN_VALUE) >>> shift) & 0xFFFF)]++;
        }
        return c;
    }

    private static void scatter(long[] src, long[] dst, int from, int to, int shift, int[] next) {
        for (int i = from; i < to; i++) {
            long v = src[i];
            dst[next[(int) (((v ^ Long.MIN_VALUE) >>> shift) & 0xFFFF)]++] = v;
        }
    }

    /**
     * Stable ascending argsort of float scores: the returned permutation lists indices by
     * increasing score, equal scores in increasing index order.
     */
    public static int[] argsort(float[] scores) {
        int n = scores.length;
        long[] packed = argsortPacked(scores);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) packed[i];
        }
        return order;
    }

    /**
     * Stable ascending argsort of float scores, packed: element {@code j} of the result holds
     * {@code floatKey(score) << 32 | index} of the {@code j}-th smallest score (equal scores in
     * increasing index order). Reading key and index from one array saves a random access per
     * element in the curve builders.
     */
    public static long[] argsortPacked(float[] scores) {
        int n = scores.length;
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            packed[i] = ((long) floatKey(scores[i]) << 32) | i;
        }
        // The low 32 bits hold the index, already ascending: a full sort of the packed values is
        // the stable sort by key.
        sortByUpper32(packed, n);
        return packed;
    }

    /**
     * Stable ascending argsort of double scores: the returned permutation lists indices by
     * increasing score, equal scores in increasing index order.
     */
    public static int[] argsort(double[] scores) {
        int n = scores.length;
        long[] keys = new long[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = doubleKey(scores[i]) ^ Long.MIN_VALUE;
            order[i] = i;
        }
        if (n < 2) {
            return order;
        }
        final int bits = n < SMALL ? 8 : 16;
        final int radix = 1 << bits;
        final int mask = radix - 1;
        final int passes = 64 / bits;
        int[][] counts = new int[passes][radix + 1];
        for (int i = 0; i < n; i++) {
            long v = keys[i];
            for (int p = 0; p < passes; p++) {
                counts[p][(int) ((v >>> (p * bits)) & mask) + 1]++;
            }
        }
        long[] ks = keys;
        long[] kd = new long[n];
        int[] os = order;
        int[] od = new int[n];
        for (int p = 0; p < passes; p++) {
            int[] c = counts[p];
            if (singleBucket(c, n)) {
                continue;
            }
            for (int d = 0; d < radix; d++) {
                c[d + 1] += c[d];
            }
            final int shift = p * bits;
            for (int i = 0; i < n; i++) {
                long v = ks[i];
                int at = c[(int) ((v >>> shift) & mask)]++;
                kd[at] = v;
                od[at] = os[i];
            }
            long[] tk = ks;
            ks = kd;
            kd = tk;
            int[] to = os;
            os = od;
            od = to;
        }
        return os;
    }

    /**
     * Stable ascending sort of {@code keys[0, n)} by signed value, permuting {@code payload[0, n)}
     * alongside (an index, a class label). Both arrays are sorted in place.
     */
    public static void sortWithPayload(long[] keys, int[] payload, int n) {
        if (n < 2) {
            return;
        }
        final int bits = n < SMALL ? 8 : 16;
        final int radix = 1 << bits;
        final int mask = radix - 1;
        final int passes = 64 / bits;
        int[][] counts = new int[passes][radix + 1];
        for (int i = 0; i < n; i++) {
            long v = keys[i] ^ Long.MIN_VALUE;
            for (int p = 0; p < passes; p++) {
                counts[p][(int) ((v >>> (p * bits)) & mask) + 1]++;
            }
        }
        long[] ks = keys;
        long[] kd = new long[n];
        int[] ps = payload;
        int[] pd = new int[n];
        for (int p = 0; p < passes; p++) {
            int[] c = counts[p];
            if (singleBucket(c, n)) {
                continue;
            }
            for (int d = 0; d < radix; d++) {
                c[d + 1] += c[d];
            }
            final int shift = p * bits;
            for (int i = 0; i < n; i++) {
                long v = ks[i];
                int at = c[(int) (((v ^ Long.MIN_VALUE) >>> shift) & mask)]++;
                kd[at] = v;
                pd[at] = ps[i];
            }
            long[] tk = ks;
            ks = kd;
            kd = tk;
            int[] tp = ps;
            ps = pd;
            pd = tp;
        }
        if (ks != keys) {
            System.arraycopy(ks, 0, keys, 0, n);
            System.arraycopy(ps, 0, payload, 0, n);
        }
    }

    /**
     * Stable ascending sort of {@code a[0, n)} by the upper 32 bits of each value (as a signed
     * int); the lower 32 bits are a payload carried along (an index, a class label).
     */
    public static void sortByUpper32(long[] a, int n) {
        if (n < 2) {
            return;
        }
        if (n < 64) {
            java.util.Arrays.sort(a, 0, n);
            return;
        }
        final int bits = n < SMALL ? 8 : 16;
        final int radix = 1 << bits;
        final int mask = radix - 1;
        final int passes = 32 / bits;
        int[][] counts = new int[passes][radix + 1];
        for (int i = 0; i < n; i++) {
            int v = (int) (a[i] >>> 32) ^ 0x80000000;
            for (int p = 0; p < passes; p++) {
                counts[p][((v >>> (p * bits)) & mask) + 1]++;
            }
        }
        long[] src = a;
        long[] dst = new long[n];
        for (int p = 0; p < passes; p++) {
            int[] c = counts[p];
            if (singleBucket(c, n)) {
                continue;
            }
            for (int d = 0; d < radix; d++) {
                c[d + 1] += c[d];
            }
            final int shift = p * bits;
            for (int i = 0; i < n; i++) {
                long v = src[i];
                int key = (int) (v >>> 32) ^ 0x80000000;
                dst[c[(key >>> shift) & mask]++] = v;
            }
            long[] t = src;
            src = dst;
            dst = t;
        }
        if (src != a) {
            System.arraycopy(src, 0, a, 0, n);
        }
    }

    /** True when one digit value holds all n keys (counts are shifted by one: c[d + 1]). */
    private static boolean singleBucket(int[] c, int n) {
        for (int d = 1; d < c.length; d++) {
            if (c[d] != 0) {
                return c[d] == n;
            }
        }
        return true;
    }

    /**
     * The keys ({@link #floatKey}) of the positives and of the negatives, each sorted ascending:
     * {@code [positives, negatives]}, of lengths p and n - p. 8 bytes per sample plus a radix
     * scratch of the larger class while sorting; merging the two from the top gives every
     * unweighted operating point.
     *
     * @param p the number of {@code true} labels
     */
    public static int[][] sortedClassKeys(float[] scores, boolean[] labels, int p) {
        int n = scores.length;
        int m = n - p;
        // each class's keys straight into its own array: n keys and one scratch, no copy
        int[] pos = new int[p];
        int[] neg = new int[m];
        int pi = 0;
        int ni = 0;
        for (int i = 0; i < n; i++) {
            int key = floatKey(scores[i]);
            if (labels[i]) {
                pos[pi++] = key;
            } else {
                neg[ni++] = key;
            }
        }
        int[] scratch = new int[Math.max(p, m)];
        sort(pos, p, scratch);
        sort(neg, m, scratch);
        return new int[][] {pos, neg};
    }

    /**
     * The keys ({@link #doubleKey}) of rows {@code [from, to)}, in row order: the positives' into
     * {@code pos} from {@code pi} on, the others' into {@code neg} from {@code ni} on.
     */
    public static void classKeys(double[] scores, boolean[] labels, int from, int to, long[] pos, int pi,
            long[] neg, int ni) {
        for (int i = from; i < to; i++) {
            long key = doubleKey(scores[i]);
            if (labels[i]) {
                pos[pi++] = key;
            } else {
                neg[ni++] = key;
            }
        }
    }

    /**
     * As {@link #sortedClassKeys(float[], boolean[], int)} on 64-bit keys ({@link #doubleKey}).
     */
    public static long[][] sortedClassKeys(double[] scores, boolean[] labels, int p) {
        int n = scores.length;
        int m = n - p;
        // each class's keys straight into its own array: n keys and one scratch, no copy
        long[] pos = new long[p];
        long[] neg = new long[m];
        classKeys(scores, labels, 0, n, pos, 0, neg, 0);
        long[] scratch = new long[Math.max(p, m)];
        sort(pos, p, scratch);
        sort(neg, m, scratch);
        return new long[][] {pos, neg};
    }
}

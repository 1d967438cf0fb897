package org.discern.metrics;

import java.util.Arrays;
import java.util.function.IntToLongFunction;
import java.util.function.Supplier;

import org.discern.metrics.internal.Sorting;

/**
 * The micro average of a multi-class or multi-label evaluation: ROC AUC, average precision and
 * ROC curve of the pooled n*K (sample, class) decisions.
 *
 * <p>The pooled table can have tens of millions of rows (one per distinct pooled score), so it is
 * not kept. Three ways to the same numbers, all with exactly the arithmetic of
 * {@link BinaryEvaluation#rocAuc()}, {@link BinaryEvaluation#averagePrecision()} and
 * {@link BinaryEvaluation#rocCurve()} on the pooled table (tests hold them equal bit for bit):
 * <ul>
 *   <li>{@link #fromCounts}, multi-class without weights: the AUC and AP from exact counts made
 *       by the column tasks ({@link Positives}); the ROC curve on first request;</li>
 *   <li>{@link #streamed}, unweighted float scores (multi-label, and that ROC curve): pooled
 *       positive and negative keys radix-sorted apart and merged from the top, accumulating the
 *       three results row by row;</li>
 *   <li>{@link #fromPoints}, otherwise: the pooled {@link OperatingPoints} (row-major order, so
 *       weighted ties accumulate as in scikit-learn).</li>
 * </ul>
 */
final class MicroAverage {
    final double rocAuc;
    final double averagePrecision;
    // the curve, or null until first asked for when it is computed on demand from curveSource
    private volatile RocCurve rocCurve;
    private final Supplier<RocCurve> curveSource;

    private MicroAverage(double rocAuc, double averagePrecision, RocCurve rocCurve) {
        this.rocAuc = rocAuc;
        this.averagePrecision = averagePrecision;
        this.rocCurve = rocCurve;
        this.curveSource = null;
    }

    private MicroAverage(double rocAuc, double averagePrecision, Supplier<RocCurve> curveSource) {
        this.rocAuc = rocAuc;
        this.averagePrecision = averagePrecision;
        this.curveSource = curveSource;
    }

    /** The same ROC AUC and average precision, without the curve or the means to make it. */
    MicroAverage numbersOnly() {
        return new MicroAverage(rocAuc, averagePrecision, (Supplier<RocCurve>) null);
    }

    /**
     * The micro-average ROC curve (computed on first use when the average came from counts).
     *
     * @throws IllegalStateException when the average was summed for its numbers only ({@link Tally})
     */
    RocCurve rocCurve() {
        RocCurve c = rocCurve;
        if (c == null) {
            if (curveSource == null) {
                throw new IllegalStateException(MulticlassEvaluation.NO_CURVES);
            }
            // a race computes the same curve twice; either result is the same value
            c = curveSource.get();
            rocCurve = c;
        }
        return c;
    }

    /**
     * The distinct pooled positive scores of an unweighted multi-class sample (the score of each
     * sample's own class), ascending, with their multiplicities. Each column
     * counts its negatives against them in one merge pass over its already sorted keys
     * ({@link #count}); summed over the columns, the counts give the pooled Mann-Whitney count
     * and, for every pooled threshold holding a positive, the pooled false positives: exactly
     * what the micro ROC AUC and average precision need, without sorting the n*K pooled scores.
     */
    static final class Positives {
        // float scores: keys[j] ascending, distinct (floatKey); double scores: doubleKeys[j]
        // ascending, distinct (doubleKey). counts[j] = samples whose own-class score has that key.
        final int[] keys;
        final long[] doubleKeys;
        final int[] counts;
        final long total;

        private Positives(int[] keys, long[] doubleKeys, int[] counts, long total) {
            this.keys = keys;
            this.doubleKeys = doubleKeys;
            this.counts = counts;
            this.total = total;
        }

        /**
         * The own-class scores of an unweighted multi-class sample, as float keys when every score
         * is a float, else as double keys. Memory while it runs: 8 (float) or 16 (double) bytes per
         * row for the keys and the sort's scratch, then 4 per row for the counts; what is kept is
         * 8 or 12 bytes per distinct own-class score.
         */
        static Positives multiclass(ScoreRows s, int[] labels) {
            int n = s.rows();
            if (s.floats()) {
                int[] pos = new int[n];
                for (int i = 0; i < n; i++) {
                    pos[i] = Sorting.floatKey((float) s.get(i, labels[i]));
                }
                Sorting.sort(pos, n, new int[n]);
                int[] counts = new int[n];
                int d = 0;
                for (int i = 0; i < n; i++) {
                    if (i == 0 || pos[i] != pos[i - 1]) {
                        pos[d++] = pos[i];
                    }
                    counts[d - 1]++;
                }
                return d == n ? new Positives(pos, null, counts, n)
                        : new Positives(Arrays.copyOf(pos, d), null, Arrays.copyOf(counts, d), n);
            }
            long[] pos = new long[n];
            for (int i = 0; i < n; i++) {
                pos[i] = Sorting.doubleKey(s.get(i, labels[i]));
            }
            Sorting.sort(pos, n, new long[n]);
            int[] counts = new int[n];
            int d = 0;
            for (int i = 0; i < n; i++) {
                if (i == 0 || pos[i] != pos[i - 1]) {
                    pos[d++] = pos[i];
                }
                counts[d - 1]++;
            }
            return d == n ? new Positives(null, pos, counts, n)
                    : new Positives(null, Arrays.copyOf(pos, d), Arrays.copyOf(counts, d), n);
        }

        int size() {
            return counts.length;
        }

        /**
         * Counts the negatives of column c against the pooled positive keys.
         *
         * @param packed the column's keys sorted ascending, each {@code key << 32 | label}; the
         *     negatives of column c are the entries whose label is not c
         * @param below filled: below[j] = negatives strictly below keys[j]
         * @return this column's share of twice the pooled Mann-Whitney count: the sum over
         *     positive keys of multiplicity * (2 * negatives below + negatives equal)
         */
        long count(long[] packed, int c, int[] below) {
            int n = packed.length;
            long twice = 0;
            int under = 0;
            int q = 0;
            for (int j = 0; j < keys.length; j++) {
                final int key = keys[j];
                while (q < n && (int) (packed[q] >> 32) < key) {
                    if ((int) packed[q] != c) {
                        under++;
                    }
                    q++;
                }
                int equal = 0;
                while (q < n && (int) (packed[q] >> 32) == key) {
                    if ((int) packed[q] != c) {
                        equal++;
                    }
                    q++;
                }
                twice += counts[j] * (2L * under + equal);
                below[j] = under;
                under += equal;
            }
            return twice;
        }

        /**
         * As {@link #count(long[], int, int[])} for double scores: {@code keys} are the column's
         * {@link Sorting#doubleKey} keys sorted ascending, {@code labels} the class of each.
         */
        long count(long[] keys, int[] labels, int c, int[] below) {
            int n = keys.length;
            long twice = 0;
            int under = 0;
            int q = 0;
            for (int j = 0; j < doubleKeys.length; j++) {
                final long key = doubleKeys[j];
                while (q < n && keys[q] < key) {
                    if (labels[q] != c) {
                        under++;
                    }
                    q++;
                }
                int equal = 0;
                while (q < n && keys[q] == key) {
                    if (labels[q] != c) {
                        equal++;
                    }
                    q++;
                }
                twice += counts[j] * (2L * under + equal);
                below[j] = under;
                under += equal;
            }
            return twice;
        }
    }

    /**
     * The column counts of an unweighted multi-class sample summed as each column is done (the
     * column tasks of {@link MulticlassEvaluation#summaryOf} add theirs here and drop them), so
     * that no column's counts outlive its task: 4 bytes per distinct own-class score (8 when n * (K
     * - 1) exceeds the int range). The sums are exact integers, so the order of the columns does
     * not matter.
     */
    static final class Tally {
        final Positives positives;
        final long negatives;
        // below[j] summed over the columns counted so far; exactly one of the two is non-null
        private final int[] below;
        private final long[] wideBelow;
        private long twiceAuc;

        /** For n rows of K classes: n * (K - 1) pooled negatives. */
        Tally(Positives positives, int n, int k) {
            this.positives = positives;
            this.negatives = (long) n * (k - 1);
            boolean narrow = negatives <= Integer.MAX_VALUE;
            this.below = narrow ? new int[positives.size()] : null;
            this.wideBelow = narrow ? null : new long[positives.size()];
        }

        /**
         * Counts the negatives of column c (sorted: {@code packed} float keys with the label in
         * the low half, or {@code keys} double keys with {@code labels}) and adds them.
         */
        void count(long[] packed, long[] keys, int[] labels, int c) {
            int[] mine = new int[positives.size()];
            long twice = packed != null ? positives.count(packed, c, mine) : positives.count(keys, labels, c, mine);
            add(twice, mine);
        }

        private synchronized void add(long twice, int[] mine) {
            twiceAuc += twice;
            if (below != null) {
                for (int j = 0; j < mine.length; j++) {
                    below[j] += mine[j];
                }
            } else {
                for (int j = 0; j < mine.length; j++) {
                    wideBelow[j] += mine[j];
                }
            }
        }

        /** Bytes held: the positive keys, their counts and the sums. */
        long bytes() {
            long d = positives.size();
            return d * (positives.keys != null ? 4 : 8) + 4 * d + d * (below != null ? 4 : 8);
        }

        /** The micro average of every column added; it has no ROC curve (see {@link #rocCurve()}). */
        synchronized MicroAverage result() {
            return below != null ? fromCounts(positives, negatives, twiceAuc, j -> below[j], null)
                    : fromCounts(positives, negatives, twiceAuc, j -> wideBelow[j], null);
        }
    }

    /**
     * The micro average from the summed column counts: AUC and average precision with exactly the
     * arithmetic of {@link BinaryEvaluation} on the pooled table (the counts are exact integers);
     * the ROC curve on demand from {@code curve}.
     *
     * @param negatives number of pooled negatives, n * (K - 1)
     * @param twiceAuc summed {@link Positives#count} results
     * @param below summed per-key counts of negatives strictly below each positive key
     */
    static MicroAverage fromCounts(Positives p, long negatives, long twiceAuc, long[] below, Supplier<RocCurve> curve) {
        return fromCounts(p, negatives, twiceAuc, j -> below[j], curve);
    }

    /** As {@link #fromCounts(Positives, long, long, long[], Supplier)}; {@code curve} null: no curve. */
    private static MicroAverage fromCounts(Positives p, long negatives, long twiceAuc, IntToLongFunction below,
            Supplier<RocCurve> curve) {
        final double pos = p.total;
        final double neg = negatives;
        double auc = twiceAuc / (2 * pos * neg);
        double ap = 0;
        double prevRecall = 0;
        long tp = 0;
        for (int j = p.counts.length - 1; j >= 0; j--) {
            tp += p.counts[j];
            double tpd = tp;
            double fpd = negatives - below.applyAsLong(j);
            double recall = tpd / pos;
            if (recall != prevRecall) {
                ap += (recall - prevRecall) * (tpd / (tpd + fpd));
            }
            prevRecall = recall;
        }
        return new MicroAverage(auc, ap, curve);
    }

    /** Multi-class: decision (i, j) is positive iff {@code labels[i] == j}. */
    static MicroAverage multiclass(ScoreColumns s, int[] labels, double[] weights) {
        int n = s.n;
        int k = s.k;
        if (s.f == null || weights != null) {
            boolean[] positive = new boolean[Math.multiplyExact(n, k)];
            for (int i = 0; i < n; i++) {
                positive[i * k + labels[i]] = true;
            }
            return fromPoints(Averaging.pooled(s, positive, weights));
        }
        int[] pos = new int[n];
        int[] neg = new int[Math.multiplyExact(n, k - 1)];
        for (int i = 0; i < n; i++) {
            pos[i] = Sorting.floatKey(s.f[labels[i]][i]);
        }
        int at = 0;
        for (int j = 0; j < k; j++) {
            float[] col = s.f[j];
            for (int i = 0; i < n; i++) {
                if (labels[i] != j) {
                    neg[at++] = Sorting.floatKey(col[i]);
                }
            }
        }
        return streamed(pos, n, neg, neg.length);
    }

    /** Multi-label: decision (i, j) is positive iff {@code indicator[i * k + j]}. */
    static MicroAverage multilabel(ScoreColumns s, boolean[] indicator, double[] weights) {
        int total = Math.multiplyExact(s.n, s.k);
        int p = 0;
        for (boolean b : indicator) {
            if (b) {
                p++;
            }
        }
        if (s.f == null || weights != null || p == 0 || p == total) {
            return fromPoints(Averaging.pooled(s, indicator, weights));
        }
        int[] pos = new int[p];
        int[] neg = new int[total - p];
        int pi = 0;
        int ni = 0;
        for (int j = 0; j < s.k; j++) {
            float[] col = s.f[j];
            for (int i = 0; i < s.n; i++) {
                if (indicator[i * s.k + j]) {
                    pos[pi++] = Sorting.floatKey(col[i]);
                } else {
                    neg[ni++] = Sorting.floatKey(col[i]);
                }
            }
        }
        return streamed(pos, p, neg, neg.length);
    }

    static MicroAverage fromPoints(OperatingPoints points) {
        BinaryEvaluation e = BinaryEvaluation.of(points);
        return new MicroAverage(e.rocAuc(), e.averagePrecision(), e.rocCurve());
    }

    /**
     * Sorts the keys (in place) and merges them from the top. Both counts must be positive.
     */
    static MicroAverage streamed(int[] pos, int p, int[] neg, int m) {
        int[] scratch = new int[Math.max(p, m)];
        Sorting.sort(pos, p, scratch);
        Sorting.sort(neg, m, scratch);
        scratch = null;
        final double positives = p;
        final double negatives = m;
        // the kept ROC points (cumulative counts and thresholds), grown as needed
        double[] keptTp = new double[1024];
        double[] keptFp = new double[1024];
        double[] keptThr = new double[1024];
        int kept = 0;
        double twiceAuc = 0;
        double ap = 0;
        double prevRecall = 0;
        // the two rows before the current one, for scikit-learn's drop_intermediate rule
        double tp1 = 0;
        double fp1 = 0;
        double thr1 = 0;
        double tp2 = 0;
        double fp2 = 0;
        int rows = 0;
        int i = p - 1;
        int j = m - 1;
        long tpCount = 0;
        long fpCount = 0;
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
                tpCount++;
                i--;
            }
            while (j >= 0 && neg[j] == key) {
                fpCount++;
                j--;
            }
            final double tp = tpCount;
            final double fp = fpCount;
            final double thr = Sorting.keyToFloat(key);
            // area: as BinaryEvaluation.rocAuc
            twiceAuc += (fp - fp1) * (tp + tp1);
            // average precision: as BinaryEvaluation.averagePrecision
            double recall = tp / positives;
            if (recall != prevRecall) {
                ap += (recall - prevRecall) * (tp / (tp + fp));
            }
            prevRecall = recall;
            // ROC points: row 0 always, row r - 1 when a second difference at it is non-zero
            boolean emit = false;
            double eTp = 0;
            double eFp = 0;
            double eThr = 0;
            if (rows == 0) {
                emit = true;
                eTp = tp;
                eFp = fp;
                eThr = thr;
            } else if (rows >= 2 && ((fp - fp1) - (fp1 - fp2) != 0 || (tp - tp1) - (tp1 - tp2) != 0)) {
                emit = true;
                eTp = tp1;
                eFp = fp1;
                eThr = thr1;
            }
            if (emit) {
                if (kept == keptTp.length) {
                    keptTp = Arrays.copyOf(keptTp, kept * 2);
                    keptFp = Arrays.copyOf(keptFp, kept * 2);
                    keptThr = Arrays.copyOf(keptThr, kept * 2);
                }
                keptTp[kept] = eTp;
                keptFp[kept] = eFp;
                keptThr[kept] = eThr;
                kept++;
            }
            tp2 = tp1;
            fp2 = fp1;
            tp1 = tp;
            fp1 = fp;
            thr1 = thr;
            rows++;
        }
        int size = kept + 1 + (rows >= 2 ? 1 : 0);
        double[] fpr = new double[size];
        double[] tpr = new double[size];
        double[] thr = new double[size];
        thr[0] = Double.POSITIVE_INFINITY;
        for (int q = 0; q < kept; q++) {
            fpr[q + 1] = keptFp[q] / negatives;
            tpr[q + 1] = keptTp[q] / positives;
            thr[q + 1] = keptThr[q];
        }
        if (rows >= 2) {
            fpr[size - 1] = fp1 / negatives;
            tpr[size - 1] = tp1 / positives;
            thr[size - 1] = thr1;
        }
        return new MicroAverage(twiceAuc / (2 * positives * negatives), ap, RocCurve.wrap(fpr, tpr, thr));
    }
}

package org.discern.metrics;

import java.util.Arrays;
import java.util.function.Supplier;

import org.discern.metrics.internal.Sorting;

/**
 * The micro average of a multi-class or multi-label evaluation: ROC AUC, average precision and
 * ROC curve of the pooled n*K (sample, class) decisions.
 *
 * <p>The pooled table can have tens of millions of rows (one per distinct pooled score), so it is
 * not kept. Unweighted float scores take a streamed path: the pooled positive and negative keys
 * are radix-sorted apart and merged from the top, and the three results are accumulated row by
 * row with exactly the arithmetic of {@link BinaryEvaluation#rocAuc()},
 * {@link BinaryEvaluation#averagePrecision()} and {@link BinaryEvaluation#rocCurve()} (a test
 * holds the two paths equal). Other inputs build the pooled {@link OperatingPoints} (row-major
 * order, so weighted ties accumulate as in scikit-learn) and read the results from it.
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

    /** The micro-average ROC curve (computed on first use when the average came from counts). */
    RocCurve rocCurve() {
        RocCurve c = rocCurve;
        if (c == null) {
            // a race computes the same curve twice; either result is the same value
            c = curveSource.get();
            rocCurve = c;
        }
        return c;
    }

    /**
     * The distinct pooled positive keys of an unweighted multi-class sample with float scores
     * (the score of each sample's own class), ascending, with their multiplicities. Each column
     * counts its negatives against them in one merge pass over its already sorted keys
     * ({@link #count}); summed over the columns, the counts give the pooled Mann-Whitney count
     * and, for every pooled threshold holding a positive, the pooled false positives: exactly
     * what the micro ROC AUC and average precision need, without sorting the n*K pooled scores.
     */
    static final class Positives {
        // keys[j] ascending, distinct; counts[j] = number of samples whose own-class score has key j
        final int[] keys;
        final long[] counts;
        final long total;

        private Positives(int[] keys, long[] counts, long total) {
            this.keys = keys;
            this.counts = counts;
            this.total = total;
        }

        static Positives multiclass(ScoreColumns s, int[] labels) {
            int n = s.n;
            int[] pos = new int[n];
            for (int i = 0; i < n; i++) {
                pos[i] = Sorting.floatKey(s.f[labels[i]][i]);
            }
            Sorting.sort(pos, n, new int[n]);
            int d = 0;
            long[] counts = new long[n];
            for (int i = 0; i < n; i++) {
                if (i == 0 || pos[i] != pos[i - 1]) {
                    pos[d++] = pos[i];
                }
                counts[d - 1]++;
            }
            return new Positives(Arrays.copyOf(pos, d), Arrays.copyOf(counts, d), n);
        }

        int size() {
            return keys.length;
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
        final double pos = p.total;
        final double neg = negatives;
        double auc = twiceAuc / (2 * pos * neg);
        double ap = 0;
        double prevRecall = 0;
        long tp = 0;
        for (int j = p.keys.length - 1; j >= 0; j--) {
            tp += p.counts[j];
            double tpd = tp;
            double fpd = negatives - below[j];
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

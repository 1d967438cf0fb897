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
    /** One-vs-rest table of class c (positives = samples of class c); null when built for the numbers only. */
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

    /**
     * The binary evaluation of the table and its ROC curve (computed once, in the column task);
     * null when built for the numbers only.
     */
    final BinaryEvaluation evaluation;
    final RocCurve rocCurve;
    final double rocAuc;
    final double averagePrecision;
    // the one-vs-rest totals: (weighted) positives P, negatives N, and the rows of class c
    final double positives;
    final double negatives;
    final int positiveRows;

    private ClassColumn(OperatingPoints points, double[] ovo, long microTwiceAuc, int[] microBelow) {
        this.points = points;
        this.evaluation = BinaryEvaluation.of(points);
        this.rocAuc = evaluation.rocAuc();
        this.averagePrecision = evaluation.averagePrecision();
        this.rocCurve = evaluation.rocCurve();
        this.ovo = ovo;
        this.microTwiceAuc = microTwiceAuc;
        this.microBelow = microBelow;
        this.positives = points.positives();
        this.negatives = points.negatives();
        this.positiveRows = points.positiveRows();
    }

    /** The numbers only: no table, no curve. */
    private ClassColumn(double rocAuc, double averagePrecision, double positives, double negatives, int positiveRows,
            double[] ovo) {
        this.points = null;
        this.evaluation = null;
        this.rocCurve = null;
        this.rocAuc = rocAuc;
        this.averagePrecision = averagePrecision;
        this.positives = positives;
        this.negatives = negatives;
        this.positiveRows = positiveRows;
        this.ovo = ovo;
        this.microTwiceAuc = 0;
        this.microBelow = null;
    }

    /** This column's numbers without its table and curve (what a summary keeps). */
    ClassColumn numbersOnly() {
        return new ClassColumn(rocAuc, averagePrecision, positives, negatives, positiveRows, ovo);
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
     * From this many rows a double column is sorted on its 64-bit keys rather than by
     * {@link #sortDoubles}, whose read of each double by its index after the sort misses the
     * caches once the column is large: sorting 1e7 doubles took 2.6-3.3 s that way against
     * 1.3-1.7 s for the four passes, 1e6 about the same either way, and end to end the 1e6 x 25
     * file was 10% faster with sortDoubles (docs/PERFORMANCE.md, "Multi-class in bounded memory").
     */
    static final int GATHER_LIMIT = 1 << 21;

    /** Double scores sorted ascending: their {@link Sorting#doubleKey} keys and a payload (label or index) each. */
    record SortedDoubles(long[] keys, int[] payload) {
    }

    /**
     * Stable ascending sort of double scores: their keys ({@link Sorting#doubleKey}) and a payload
     * (the label when {@code labelPayload}, else the index). Rounding to float is monotone, so the
     * scores are first sorted by their 32-bit float keys with the index packed alongside (two radix
     * passes instead of four), and the packed array then becomes the key array in place; the rare
     * runs where distinct doubles round to one float are re-sorted by the full key. Stability:
     * equal doubles keep their input order throughout. When the label is the payload and index and
     * label fit in 32 bits together, the label rides along in the packed word (no second random
     * read). Memory: 8 bytes per score for the keys, 8 for the sort's scratch while it runs, 4
     * for the payload after it.
     *
     * @param labelBound labels are in [0, labelBound) (read only when {@code labelPayload})
     */
    static SortedDoubles sortDoubles(double[] d, int[] labels, int labelBound, boolean labelPayload) {
        final int n = d.length;
        final int labelBits = 32 - Integer.numberOfLeadingZeros(Math.max(1, labelBound - 1));
        final boolean packLabels = labelPayload && ((long) n << labelBits) <= 1L << 32;
        final int shift = packLabels ? labelBits : 0;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long low = packLabels ? ((long) i << shift) | labels[i] : i;
            keys[i] = ((long) Sorting.floatKey((float) d[i]) << 32) | low;
        }
        Sorting.sortByUpper32(keys, n);
        int[] payload = new int[n];
        final long labelMask = (1L << shift) - 1;
        for (int q = 0; q < n; q++) {
            long low = keys[q] & 0xFFFFFFFFL;
            keys[q] = Sorting.doubleKey(d[(int) (low >>> shift)]);
            payload[q] = packLabels ? (int) (low & labelMask) : (int) low;
        }
        int start = 0;
        while (start < n) {
            int end = start + 1;
            int top = floatKeyOf(keys[start]);
            boolean mixed = false;
            while (end < n && floatKeyOf(keys[end]) == top) {
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
        if (labelPayload && !packLabels) {
            for (int q = 0; q < n; q++) {
                payload[q] = labels[payload[q]];
            }
        }
        return new SortedDoubles(keys, payload);
    }

    /** The float key of the double whose key is {@code key} (the group it was first sorted into). */
    private static int floatKeyOf(long key) {
        return Sorting.floatKey((float) Sorting.keyToDouble(key));
    }

    /** Receives the one-vs-rest table of a column row by row, by descending score. */
    private interface RowSink {
        /** A distinct score and the cumulative (weighted) true and false positives at it. */
        void row(double threshold, double tp, double fp);
    }

    /**
     * The one-vs-rest table of class c as it is walked: one row per distinct score (int counts
     * when unweighted: 16 bytes per distinct score instead of 24).
     */
    private static final class Table implements RowSink {
        final double[] thr;
        final double[] tps;
        final double[] fps;
        final int[] tpCounts;
        final int[] fpCounts;
        int row;

        Table(int distinct, boolean weighted) {
            thr = new double[distinct];
            tps = weighted ? new double[distinct] : null;
            fps = weighted ? new double[distinct] : null;
            tpCounts = weighted ? null : new int[distinct];
            fpCounts = weighted ? null : new int[distinct];
        }

        @Override
        public void row(double threshold, double tp, double fp) {
            thr[row] = threshold;
            if (tps != null) {
                tps[row] = tp;
                fps[row] = fp;
            } else {
                tpCounts[row] = (int) tp;
                fpCounts[row] = (int) fp;
            }
            row++;
        }

        OperatingPoints points(int n, int positives) {
            return tps != null ? OperatingPoints.wrap(thr, tps, fps, n, positives, true)
                    : OperatingPoints.wrapCounts(thr, tpCounts, fpCounts, n, positives);
        }
    }

    /**
     * ROC AUC and average precision of an unweighted table, summed while it is walked instead of
     * being kept: the same operations in the same order as {@link BinaryEvaluation#rocAuc()} and
     * {@link BinaryEvaluation#averagePrecision()} on the table (whose last row holds P and N), so
     * the same doubles. P is known before the walk (the rows of the class).
     */
    private static final class Areas implements RowSink {
        private final double p;
        private double twice;
        private double tpPrev;
        private double fpPrev;
        private double ap;
        private double prevRecall;
        // BinaryEvaluation sums the precision terms up to the first row of full recall
        private boolean fullRecall;

        Areas(double positives) {
            this.p = positives;
        }

        @Override
        public void row(double threshold, double tp, double fp) {
            twice += (fp - fpPrev) * (tp + tpPrev);
            tpPrev = tp;
            fpPrev = fp;
            if (!fullRecall) {
                double recall = tp / p;
                if (recall != prevRecall) {
                    ap += (recall - prevRecall) * (tp / (tp + fp));
                }
                prevRecall = recall;
                fullRecall = tp >= p;
            }
        }

        double rocAuc() {
            return tpPrev > 0 && fpPrev > 0 ? twice / (2 * tpPrev * fpPrev) : Double.NaN;
        }

        double averagePrecision() {
            if (tpPrev > 0 && fpPrev == 0) {
                return 1;
            }
            return tpPrev > 0 ? ap : Double.NaN;
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
            SortedDoubles sorted = sortDoubles(d, labels, pairs == null ? 2 : pairs.slot.length, labelPayload);
            dkeys = sorted.keys();
            payload = sorted.payload();
        }
        int distinct = 1;
        for (int m = 1; m < n; m++) {
            boolean differs = packed != null ? (packed[m] >> 32) != (packed[m - 1] >> 32) : dkeys[m] != dkeys[m - 1];
            if (differs) {
                distinct++;
            }
        }
        Table table = new Table(distinct, weights != null);
        final double[] ovo = pairs != null && pairs.slot[c] >= 0 ? new double[pairs.size()] : null;
        int positives = walk(packed, dkeys, payload, labels, weights, c, ovo, ovo == null ? null : pairs.slot, table);
        int[] microBelow = micro == null ? null : new int[micro.size()];
        long microTwiceAuc = 0;
        if (micro != null) {
            microTwiceAuc = packed != null ? micro.count(packed, c, microBelow) : micro.count(dkeys, payload, c, microBelow);
        }
        return new ClassColumn(table.points(n, positives), ovo, microTwiceAuc, microBelow);
    }

    /**
     * The numbers of class c of an unweighted row-major matrix, read in place: its column sorted
     * (float keys packed with the label, or double keys with a label array), walked once for the
     * ROC AUC, average precision and one-vs-one sums without keeping a table, and counted against
     * the pooled positives into {@code micro}. Memory while it runs: 16 bytes per row (float
     * scores: packed keys and the sort's scratch) or 24 (double scores: the column or the labels,
     * keys, and the sort's scratch), all released when it returns.
     *
     * @param positives the number of samples of class c
     */
    static ClassColumn numbers(RowMajorScores s, int[] labels, int c, int positives, OneVsOne pairs,
            MicroAverage.Tally micro) {
        final int n = s.n;
        long[] packed = null;
        long[] dkeys = null;
        int[] payload = null;
        if (s.floats()) {
            packed = new long[n];
            s.packFloatKeys(c, labels, packed);
            Sorting.sortByUpper32(packed, n);
        } else if (n < GATHER_LIMIT) {
            // float keys first (two radix passes), then each double read back by its index
            double[] column = new double[n];
            s.column(c, column);
            SortedDoubles sorted = sortDoubles(column, labels, s.k, true);
            dkeys = sorted.keys();
            payload = sorted.payload();
        } else {
            // the 64-bit keys radix-sorted with the labels alongside (four passes): no random
            // read of the scores after the sort
            dkeys = new long[n];
            s.doubleKeys(c, dkeys);
            payload = labels.clone();
            Sorting.sortWithPayload(dkeys, payload, n);
        }
        final double[] ovo = pairs.slot[c] >= 0 ? new double[pairs.size()] : null;
        Areas areas = new Areas(positives);
        walk(packed, dkeys, payload, labels, null, c, ovo, ovo == null ? null : pairs.slot, areas);
        micro.count(packed, dkeys, payload, c);
        return new ClassColumn(areas.rocAuc(), areas.averagePrecision(), positives, n - positives, positives, ovo);
    }

    /**
     * Walks a sorted column from its top (descending score, ties in reverse input order), handing
     * each distinct score's cumulative counts to {@code out} and adding the one-vs-one sums into
     * {@code ovo} (when not null). Exactly one of {@code packed} (float keys, payload in the low
     * half) and {@code dkeys} (double keys, payload in {@code payload}) is non-null; the payload
     * is the label when {@code weights} is null, else the sample index.
     *
     * @return the number of samples of class c
     */
    private static int walk(long[] packed, long[] dkeys, int[] payload, int[] labels, double[] weights, int c,
            double[] ovo, int[] slot, RowSink out) {
        final boolean labelPayload = weights == null;
        double tp = 0;
        double fp = 0;
        int positives = 0;
        int m = (packed != null ? packed.length : dkeys.length) - 1;
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
            out.row(s, tp, fp);
            m = g - 1;
        }
        return positives;
    }
}

package org.discern.metrics;

import java.util.Arrays;
import java.util.List;

import org.discern.metrics.internal.Checks;
import org.discern.metrics.internal.Sorting;
import org.discern.metrics.internal.Weights;

/**
 * A mergeable exact summary of a scored binary sample: for every distinct score, the (weighted)
 * positive and negative counts. Summaries of parts of a sample (partitions, batches, files) merge
 * into the summary of the whole, associatively and commutatively; from it come the
 * {@link OperatingPoints} and the full {@link BinaryEvaluation} of the whole sample, with every
 * threshold-based number and curve, log loss and Brier score.
 *
 * <p>Without weights every count is an exact integer and the merged result is identical, bit for
 * bit, to {@link BinaryEvaluation#of(double[], boolean[], double[])} of all rows. With weights the
 * per-score sums are added in another order than a single pass over the rows, so results agree
 * to rounding (about 1e-15 relative).
 *
 * <pre>{@code
 * ScoreCounts all = ScoreCounts.of(batch1Scores, batch1Labels, null)
 *         .merge(ScoreCounts.of(batch2Scores, batch2Labels, null));
 * BinaryEvaluation ev = all.toEvaluation();          // = BinaryEvaluation.of(every row)
 * }</pre>
 *
 * <p>Size: one entry (three doubles) per distinct score. A score column with hardly any ties has
 * one entry per row; when that is too much, a {@link ScoreHistogram} bounds the AUC in fixed
 * memory.
 *
 * <p>Instances are immutable; arrays never leak.
 * {@link java.io.Serializable}, so that a distributed engine can ship it between processes.
 */
public final class ScoreCounts implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    // scores[i] > scores[i + 1], finite, -0.0 stored as +0.0
    private final double[] scores;
    // pos[i] = summed weight of the positives scoring exactly scores[i]; >= 0
    private final double[] pos;
    // neg[i] = summed weight of the negatives scoring exactly scores[i]; >= 0
    private final double[] neg;
    // weighted: posRows[i] / negRows[i] = number of positive / negative samples at scores[i];
    // unweighted: both null, pos[i] and neg[i] are those numbers (whole, exact)
    private final long[] posRows;
    private final long[] negRows;
    // rows = number of samples summarised; positiveRows of them positive (whatever their weights)
    private final long rows;
    private final long positiveRows;
    // rows of weight 0 left out (a sample of weight 0 is the same as no sample): counted for the warning only
    private final long zeroWeightRows;

    private ScoreCounts(double[] scores, double[] pos, double[] neg, long[] posRows, long[] negRows) {
        this(scores, pos, neg, posRows, negRows, 0);
    }

    private ScoreCounts(double[] scores, double[] pos, double[] neg, long[] posRows, long[] negRows,
            long zeroWeightRows) {
        this.zeroWeightRows = zeroWeightRows;
        this.scores = scores;
        this.pos = pos;
        this.neg = neg;
        this.posRows = posRows;
        this.negRows = negRows;
        long p = 0;
        long q = 0;
        for (int i = 0; i < scores.length; i++) {
            p += posRows == null ? (long) pos[i] : posRows[i];
            q += negRows == null ? (long) neg[i] : negRows[i];
        }
        this.positiveRows = p;
        this.rows = p + q;
    }

    // ---------------------------------------------------------------- building

    /** The summary of unweighted double scores. */
    public static ScoreCounts of(double[] scores, boolean[] labels) {
        return of(scores, labels, null);
    }

    /**
     * The summary of double scores (one sort of the scores).
     *
     * @param scores finite scores, higher meaning more likely positive
     * @param labels {@code true} for a positive, same length as scores
     * @param weights sample weights (finite, &gt;= 0, not all 0) or {@code null} for all 1; a row of
     *     weight 0 is the same as no row (no entry, no count), as in {@link OperatingPoints#of}, and
     *     only counted for the warning of {@link #toEvaluation()}
     * @throws IllegalArgumentException on empty input, unequal lengths, a non-finite score or an
     *     invalid weight (or all weights 0); the message names the index and the value
     */
    public static ScoreCounts of(double[] scores, boolean[] labels, double[] weights) {
        if (weights == null) {
            return ofCumulative(OperatingPoints.of(scores, labels, null));
        }
        Checks.notNull(scores, "scores");
        Checks.notNull(labels, "labels");
        Checks.nonEmpty(scores.length, "scores");
        Checks.sameLength(scores.length, labels.length, "scores", "labels");
        Checks.finiteScores(scores, "scores");
        Checks.weights(weights, scores.length);
        int[] kept = Weights.keptRows(weights);
        if (kept != null) {
            return fromOrder(Sorting.argsort(Weights.select(scores, kept)), Weights.select(scores, kept),
                    Weights.select(labels, kept), Weights.select(weights, kept), scores.length - kept.length);
        }
        return fromOrder(Sorting.argsort(scores), scores, labels, weights, 0);
    }

    /** The summary of float scores; see {@link #of(double[], boolean[], double[])}. */
    public static ScoreCounts of(float[] scores, boolean[] labels, double[] weights) {
        if (weights == null) {
            return ofCumulative(OperatingPoints.of(scores, labels, null));
        }
        Checks.notNull(scores, "scores");
        double[] d = new double[scores.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = scores[i];
        }
        return of(d, labels, weights);
    }

    /** Unweighted: per-score counts are differences of exact integer cumulative counts. */
    private static ScoreCounts ofCumulative(OperatingPoints op) {
        int m = op.size();
        double[] s = new double[m];
        double[] p = new double[m];
        double[] q = new double[m];
        double tpPrev = 0;
        double fpPrev = 0;
        for (int i = 0; i < m; i++) {
            s[i] = op.threshold(i) + 0.0;
            double tp = op.truePositives(i);
            double fp = op.falsePositives(i);
            p[i] = tp - tpPrev;
            q[i] = fp - fpPrev;
            tpPrev = tp;
            fpPrev = fp;
        }
        return new ScoreCounts(s, p, q, null, null);
    }

    /** Weighted: walks a stable ascending order from its end, summing each run of equal scores. */
    private static ScoreCounts fromOrder(int[] order, double[] scores, boolean[] labels, double[] weights,
            long zeros) {
        int n = order.length;
        double[] s = new double[n];
        double[] p = new double[n];
        double[] q = new double[n];
        long[] pr = new long[n];
        long[] qr = new long[n];
        int row = -1;
        double previous = Double.NaN;
        for (int k = n - 1; k >= 0; k--) {
            int idx = order[k];
            double v = scores[idx] + 0.0;
            if (v != previous) {
                row++;
                s[row] = v;
                previous = v;
            }
            if (labels[idx]) {
                p[row] += weights[idx];
                pr[row]++;
            } else {
                q[row] += weights[idx];
                qr[row]++;
            }
        }
        int size = row + 1;
        return new ScoreCounts(Arrays.copyOf(s, size), Arrays.copyOf(p, size), Arrays.copyOf(q, size),
                Arrays.copyOf(pr, size), Arrays.copyOf(qr, size), zeros);
    }

    /**
     * A summary from counts aggregated elsewhere (a distributed job, a database query).
     *
     * @param descendingScores strictly descending finite distinct scores
     * @param positiveWeights summed weight of the positives at each score, finite and &gt;= 0
     * @param negativeWeights summed weight of the negatives at each score, finite and &gt;= 0
     * @param positiveRows number of positive samples at each score, or null when unweighted (the
     *     weights are then whole numbers: the numbers of samples)
     * @param negativeRows number of negative samples at each score; null exactly when
     *     {@code positiveRows} is
     * @throws IllegalArgumentException when an argument breaks its constraint, naming the index,
     *     or when no sample is counted at a score
     */
    public static ScoreCounts fromDistinct(double[] descendingScores, double[] positiveWeights,
            double[] negativeWeights, long[] positiveRows, long[] negativeRows) {
        Checks.notNull(descendingScores, "descendingScores");
        Checks.notNull(positiveWeights, "positiveWeights");
        Checks.notNull(negativeWeights, "negativeWeights");
        int m = descendingScores.length;
        Checks.nonEmpty(m, "descendingScores");
        Checks.sameLength(m, positiveWeights.length, "descendingScores", "positiveWeights");
        Checks.sameLength(m, negativeWeights.length, "descendingScores", "negativeWeights");
        if ((positiveRows == null) != (negativeRows == null)) {
            throw new IllegalArgumentException("positiveRows and negativeRows must both be given or both be null");
        }
        if (positiveRows != null) {
            Checks.sameLength(m, positiveRows.length, "descendingScores", "positiveRows");
            Checks.sameLength(m, negativeRows.length, "descendingScores", "negativeRows");
        }
        double[] s = new double[m];
        for (int i = 0; i < m; i++) {
            double v = descendingScores[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("descendingScores[" + i + "] must be finite, got " + v);
            }
            if (i > 0 && !(v < descendingScores[i - 1])) {
                throw new IllegalArgumentException("descendingScores must be strictly descending, got "
                        + descendingScores[i - 1] + " then " + v + " at index " + i);
            }
            checkCount(positiveWeights[i], "positiveWeights", i);
            checkCount(negativeWeights[i], "negativeWeights", i);
            long pr;
            long qr;
            if (positiveRows == null) {
                if (positiveWeights[i] != Math.rint(positiveWeights[i])
                        || negativeWeights[i] != Math.rint(negativeWeights[i])) {
                    throw new IllegalArgumentException("unweighted counts must be whole numbers, got "
                            + positiveWeights[i] + " and " + negativeWeights[i] + " at index " + i);
                }
                pr = (long) positiveWeights[i];
                qr = (long) negativeWeights[i];
            } else {
                pr = positiveRows[i];
                qr = negativeRows[i];
                if (pr < 0 || qr < 0) {
                    throw new IllegalArgumentException("row counts must be >= 0, got " + pr + " and " + qr
                            + " at index " + i);
                }
            }
            if (pr + qr == 0) {
                throw new IllegalArgumentException("no sample counted at descendingScores[" + i + "] = " + v);
            }
            s[i] = v + 0.0;
        }
        return new ScoreCounts(s, positiveWeights.clone(), negativeWeights.clone(),
                positiveRows == null ? null : positiveRows.clone(), negativeRows == null ? null : negativeRows.clone());
    }

    private static void checkCount(double w, String name, int i) {
        if (!(w >= 0) || w == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + "[" + i + "] must be finite and >= 0, got " + w);
        }
    }

    /** A builder that takes samples one at a time (a stream, a file read in chunks). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects samples one at a time and summarises them in chunks, so memory stays at one chunk
     * of rows plus the summary of what came before. Not thread-safe; one builder per thread, then
     * {@link ScoreCounts#merge(ScoreCounts)}.
     */
    public static final class Builder {
        private static final int CHUNK = 1 << 20;
        private double[] scores = new double[1024];
        private boolean[] labels = new boolean[1024];
        private double[] weights = new double[1024];
        private int buffered;
        private long added;
        private boolean weighted;
        private long zeros;
        private ScoreCounts done;

        private Builder() {
        }

        /** Adds a sample of weight 1. */
        public Builder add(double score, boolean positive) {
            return put(score, positive, 1.0);
        }

        /**
         * Adds a weighted sample; the summary is then weighted.
         *
         * @throws IllegalArgumentException for a non-finite score or a weight that is negative,
         *     NaN or infinite, naming the sample's position among those added
         */
        public Builder add(double score, boolean positive, double weight) {
            if (!(weight >= 0) || weight == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("weight of sample " + added + " must be finite and >= 0, got "
                        + weight);
            }
            weighted = true;
            if (weight == 0) {
                // a sample of weight 0 is the same as no sample: checked, counted, not kept
                if (!Double.isFinite(score)) {
                    throw new IllegalArgumentException("score of sample " + added + " must be finite, got " + score);
                }
                zeros++;
                added++;
                return this;
            }
            return put(score, positive, weight);
        }

        private Builder put(double score, boolean positive, double weight) {
            if (!Double.isFinite(score)) {
                throw new IllegalArgumentException("score of sample " + added + " must be finite, got " + score);
            }
            if (buffered == scores.length) {
                int cap = Math.min(CHUNK, buffered * 2);
                scores = Arrays.copyOf(scores, cap);
                labels = Arrays.copyOf(labels, cap);
                weights = Arrays.copyOf(weights, cap);
            }
            scores[buffered] = score;
            labels[buffered] = positive;
            weights[buffered] = weight;
            buffered++;
            added++;
            if (buffered == CHUNK) {
                flush();
            }
            return this;
        }

        /** Number of samples added so far. */
        public long size() {
            return added;
        }

        private void flush() {
            if (buffered == 0) {
                return;
            }
            double[] s = Arrays.copyOf(scores, buffered);
            boolean[] y = Arrays.copyOf(labels, buffered);
            ScoreCounts part = weighted ? of(s, y, Arrays.copyOf(weights, buffered)) : of(s, y, null);
            done = done == null ? part : done.merge(part);
            buffered = 0;
        }

        /**
         * The summary of every sample added (the builder can go on taking samples).
         *
         * @throws IllegalStateException when no sample of positive weight was added
         */
        public ScoreCounts build() {
            flush();
            if (done == null) {
                throw new IllegalStateException(zeros == 0 ? "no sample was added"
                        : "every sample added has weight 0 (a sample of weight 0 is the same as no sample: nothing "
                                + "is left to evaluate)");
            }
            return zeros == 0 ? done : done.plusZeroWeightRows(zeros);
        }
    }

    // ---------------------------------------------------------------- merging

    /**
     * The summary of both samples together: entries with the same score add up. Associative and
     * commutative (exactly so without weights); the result is weighted when either part is.
     */
    public ScoreCounts merge(ScoreCounts other) {
        Checks.notNull(other, "other");
        int a = scores.length;
        int b = other.scores.length;
        boolean w = weighted() || other.weighted();
        double[] s = new double[a + b];
        double[] p = new double[a + b];
        double[] q = new double[a + b];
        long[] pr = w ? new long[a + b] : null;
        long[] qr = w ? new long[a + b] : null;
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a || j < b) {
            boolean mine = j >= b || (i < a && scores[i] >= other.scores[j]);
            boolean theirs = i >= a || (j < b && other.scores[j] >= scores[i]);
            s[k] = mine ? scores[i] : other.scores[j];
            if (mine) {
                p[k] += pos[i];
                q[k] += neg[i];
                if (w) {
                    pr[k] += positiveRows(i);
                    qr[k] += negativeRows(i);
                }
                i++;
            }
            if (theirs) {
                p[k] += other.pos[j];
                q[k] += other.neg[j];
                if (w) {
                    pr[k] += other.positiveRows(j);
                    qr[k] += other.negativeRows(j);
                }
                j++;
            }
            k++;
        }
        return new ScoreCounts(Arrays.copyOf(s, k), Arrays.copyOf(p, k), Arrays.copyOf(q, k),
                w ? Arrays.copyOf(pr, k) : null, w ? Arrays.copyOf(qr, k) : null, zeroWeightRows + other.zeroWeightRows);
    }

    /**
     * This summary with {@code rows} more rows of weight 0 counted (left out by a reader that
     * skips them, e.g. a distributed one whose partition held only such rows); they change no
     * number, only the warning of {@link #toEvaluation()}.
     *
     * @throws IllegalArgumentException when {@code rows < 0}
     */
    public ScoreCounts plusZeroWeightRows(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, got " + rows);
        }
        return rows == 0 ? this : new ScoreCounts(scores, pos, neg, posRows, negRows, zeroWeightRows + rows);
    }

    /**
     * The summary of all parts together, merged pairwise as a balanced tree (each entry is copied
     * about log2(parts) times).
     *
     * @param parts at least one summary
     */
    public static ScoreCounts mergeAll(List<ScoreCounts> parts) {
        return Merging.pairwise(parts, ScoreCounts::merge);
    }

    /**
     * Splits the summary by score at descending boundaries {@code b[0] > b[1] > ...}: part 0
     * summarises the samples scoring {@code >= b[0]}, part r those in {@code [b[r], b[r - 1])},
     * the last part those below the last boundary. Each part is a summary of its samples (row
     * counts included; the count of rows of weight 0 goes with the first part); a part with no
     * sample is null. Merging the parts gives this summary back.
     * This is how a summary is range-partitioned by score.
     *
     * @param boundaries strictly descending finite scores (may be empty: one part, this summary)
     * @return {@code boundaries.length + 1} parts, highest scores first
     */
    public ScoreCounts[] split(double[] boundaries) {
        Checks.notNull(boundaries, "boundaries");
        for (int r = 0; r < boundaries.length; r++) {
            if (!Double.isFinite(boundaries[r]) || r > 0 && !(boundaries[r] < boundaries[r - 1])) {
                throw new IllegalArgumentException("boundaries must be finite and strictly descending, got "
                        + Arrays.toString(boundaries));
            }
        }
        ScoreCounts[] parts = new ScoreCounts[boundaries.length + 1];
        int from = 0;
        long zeros = zeroWeightRows;
        for (int r = 0; r <= boundaries.length; r++) {
            int to = from;
            if (r == boundaries.length) {
                to = scores.length;
            } else {
                while (to < scores.length && scores[to] >= boundaries[r]) {
                    to++;
                }
            }
            if (to > from) {
                parts[r] = from == 0 && to == scores.length ? this
                        : new ScoreCounts(Arrays.copyOfRange(scores, from, to), Arrays.copyOfRange(pos, from, to),
                                Arrays.copyOfRange(neg, from, to),
                                posRows == null ? null : Arrays.copyOfRange(posRows, from, to),
                                negRows == null ? null : Arrays.copyOfRange(negRows, from, to), zeros);
                zeros = 0;
            }
            from = to;
        }
        return parts;
    }

    // ---------------------------------------------------------------- reading

    /** Number of distinct scores (entries), at least 1. */
    public int size() {
        return scores.length;
    }

    /** The {@code i}-th distinct score, strictly descending in {@code i}. */
    public double score(int i) {
        return scores[i];
    }

    /** Summed weight of the positives scoring exactly {@code score(i)}. */
    public double positiveWeight(int i) {
        return pos[i];
    }

    /** Summed weight of the negatives scoring exactly {@code score(i)}. */
    public double negativeWeight(int i) {
        return neg[i];
    }

    /** Copy of the distinct scores, descending. */
    public double[] scores() {
        return scores.clone();
    }

    /** Copy of the positive weights per distinct score. */
    public double[] positiveWeights() {
        return pos.clone();
    }

    /** Number of positive samples scoring exactly {@code score(i)}, whatever their weights. */
    public long positiveRows(int i) {
        return posRows == null ? (long) pos[i] : posRows[i];
    }

    /** Number of negative samples scoring exactly {@code score(i)}, whatever their weights. */
    public long negativeRows(int i) {
        return negRows == null ? (long) neg[i] : negRows[i];
    }

    /** Copy of the negative weights per distinct score. */
    public double[] negativeWeights() {
        return neg.clone();
    }

    /** Number of samples summarised, whatever their weights. */
    public long rows() {
        return rows;
    }

    /** Number of positive samples, whatever their weights. */
    public long positiveRows() {
        return positiveRows;
    }

    /** Number of rows of weight 0 left out (not in {@link #rows()}). */
    public long zeroWeightRows() {
        return zeroWeightRows;
    }

    /** Whether the counts are sums of sample weights. */
    public boolean weighted() {
        return posRows != null;
    }

    /** Total positive weight P. */
    public double positives() {
        double s = 0;
        for (double v : pos) {
            s += v;
        }
        return s;
    }

    /** Total negative weight N. */
    public double negatives() {
        double s = 0;
        for (double v : neg) {
            s += v;
        }
        return s;
    }

    // ---------------------------------------------------------------- views

    /**
     * The power of two by which the views multiply the weights: 1 when the larger class weight
     * lies in the ordinary range, else the factor that brings it into [1, 2) (as the core scales
     * extreme weights, {@code Weights}): exact, so every rate, area and coefficient is the one of
     * the unscaled weights, while products of weighted counts neither overflow nor underflow.
     */
    double weightScale() {
        return Weights.scaleFor(Math.max(positives(), negatives()));
    }

    /** This summary with every weight multiplied by {@code f} (a power of two: exact). */
    ScoreCounts scaledBy(double f) {
        if (f == 1) {
            return this;
        }
        double[] p = pos.clone();
        double[] q = neg.clone();
        for (int i = 0; i < p.length; i++) {
            p[i] *= f;
            q[i] *= f;
        }
        long[] pr = posRows;
        long[] qr = negRows;
        if (pr == null) {
            // unweighted counts scaled are weights; the row counts stay the numbers of samples
            pr = new long[p.length];
            qr = new long[p.length];
            for (int i = 0; i < p.length; i++) {
                pr[i] = (long) pos[i];
                qr[i] = (long) neg[i];
            }
        }
        return new ScoreCounts(scores, p, q, pr, qr, zeroWeightRows);
    }

    /**
     * The operating points of the summarised sample: cumulative counts from the highest score
     * down, one row per distinct score; equal to {@link OperatingPoints#of} of all rows (bit for
     * bit without weights).
     *
     * @throws IllegalStateException when more than {@link Integer#MAX_VALUE} rows are summarised
     *     (the table counts rows in an {@code int}); the areas of such a sample can still be
     *     computed chunk by chunk with {@link SweepSums}
     */
    public OperatingPoints toOperatingPoints() {
        if (rows > Integer.MAX_VALUE) {
            throw new IllegalStateException("an operating-point table counts at most " + Integer.MAX_VALUE
                    + " rows, this summary has " + rows + "; use SweepSums for its areas");
        }
        int m = scores.length;
        double[] tp = new double[m];
        double[] fp = new double[m];
        double t = 0;
        double f = 0;
        double scale = weightScale();
        for (int i = 0; i < m; i++) {
            t += pos[i] * scale;
            f += neg[i] * scale;
            tp[i] = t;
            fp[i] = f;
        }
        return OperatingPoints.wrap(scores.clone(), tp, fp, (int) rows, (int) positiveRows, weighted());
    }

    /**
     * The full evaluation of the summarised sample, equal to {@link BinaryEvaluation#of} of all
     * rows: every curve and threshold-based number, and log loss and Brier score when every score
     * is in [0, 1] (both are sums over rows of a function of score and label, so the counts give
     * them; they agree with the single pass to rounding).
     *
     * @throws IllegalStateException see {@link #toOperatingPoints()}
     */
    public BinaryEvaluation toEvaluation() {
        OperatingPoints op = toOperatingPoints();
        boolean probabilities = scores[0] <= 1 && scores[scores.length - 1] >= 0;
        double logLoss = Double.NaN;
        double brier = Double.NaN;
        if (probabilities) {
            double loss = 0;
            double squares = 0;
            double total = 0;
            double scale = weightScale();
            for (int i = 0; i < scores.length; i++) {
                double s = scores[i];
                double p = pos[i] * scale;
                double q = neg[i] * scale;
                loss += p * ProbabilityMetrics.lossTerm(s, true) + q * ProbabilityMetrics.lossTerm(s, false);
                squares += p * (s - 1) * (s - 1) + q * s * s;
                total += p + q;
            }
            logLoss = loss / total;
            brier = squares / total;
        }
        return BinaryEvaluation.fromParts(op, logLoss, brier, probabilities, zeroWeightRows);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ScoreCounts)) {
            return false;
        }
        ScoreCounts c = (ScoreCounts) o;
        return Arrays.equals(scores, c.scores) && Arrays.equals(pos, c.pos) && Arrays.equals(neg, c.neg)
                && Arrays.equals(posRows, c.posRows) && Arrays.equals(negRows, c.negRows)
                && zeroWeightRows == c.zeroWeightRows;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(scores) * 31 + Long.hashCode(rows);
    }

    @Override
    public String toString() {
        return "ScoreCounts[distinct=" + scores.length + ", rows=" + rows + ", positiveRows=" + positiveRows
                + ", weighted=" + weighted() + "]";
    }
}

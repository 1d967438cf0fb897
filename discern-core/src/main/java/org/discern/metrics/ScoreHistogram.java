package org.discern.metrics;

import java.util.Arrays;
import java.util.Locale;

import org.discern.metrics.internal.Checks;
import org.discern.metrics.internal.Weights;

/**
 * A mergeable fixed-resolution summary of a scored binary sample, for samples with too many
 * distinct scores to count exactly: the (weighted) positives and negatives per score bin, and
 * from them the ROC AUC with a proven lower and upper bound.
 *
 * <p><b>Bins.</b> {@code bins} bins of equal width over {@code [lower, upper)}; a score below
 * {@code lower} falls in the first bin, a score at or above {@code upper} in the last. The bin of
 * a score is {@code floor((score - lower) / width)} (clamped), which never decreases as the score
 * grows, also in floating point: every score of a bin is at most every score of a higher bin.
 *
 * <p><b>Bounds.</b> The exact AUC counts each (positive, negative) pair once: 1 when the positive
 * scores higher, 1/2 on a tie, 0 otherwise. A pair in two different bins is ordered by its bins,
 * so it counts exactly. Only pairs sharing a bin are unknown: counting all of them 0 gives the
 * lower bound, all 1 the upper bound, and one half each the estimate. So
 * {@code lower <= exact AUC <= upper}, and the width {@code upper - lower} is
 * {@code sum over bins of pos_b * neg_b / (P * N)}: small when few pairs share a bin. Merging two
 * histograms with the same bins adds the counts; it is associative and commutative.
 *
 * <p>Instances are immutable; arrays never leak.
 * {@link java.io.Serializable}, so that a distributed engine can ship it between processes.
 */
public final class ScoreHistogram implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final double lower;
    private final double upper;
    // pos[b] / neg[b] = summed weight of the positives / negatives in bin b
    private final double[] pos;
    private final double[] neg;
    private final long rows;
    private final boolean weighted;

    private ScoreHistogram(double lower, double upper, double[] pos, double[] neg, long rows, boolean weighted) {
        this.lower = lower;
        this.upper = upper;
        this.pos = pos;
        this.neg = neg;
        this.rows = rows;
        this.weighted = weighted;
    }

    /**
     * An empty histogram (no sample yet), to merge into.
     *
     * @param lower lower edge of the first bin, finite
     * @param upper upper edge of the last bin, finite, above {@code lower}
     * @param bins number of bins, at least 1
     */
    public static ScoreHistogram empty(double lower, double upper, int bins) {
        checkBins(lower, upper, bins);
        return new ScoreHistogram(lower, upper, new double[bins], new double[bins], 0, false);
    }

    private static void checkBins(double lower, double upper, int bins) {
        if (!Double.isFinite(lower) || !Double.isFinite(upper) || !(lower < upper)) {
            throw new IllegalArgumentException("lower and upper must be finite with lower < upper, got " + lower
                    + " and " + upper);
        }
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        if (!(Double.isFinite(upper - lower))) {
            throw new IllegalArgumentException("upper - lower must be finite, got " + lower + " and " + upper);
        }
    }

    /**
     * The histogram of a sample.
     *
     * @param scores finite scores
     * @param labels true for positives, same length
     * @param weights sample weights (finite, &gt;= 0) or null
     * @param lower lower edge of the first bin
     * @param upper upper edge of the last bin
     * @param bins number of bins
     * @throws IllegalArgumentException on invalid input, naming the index and the value
     */
    public static ScoreHistogram of(double[] scores, boolean[] labels, double[] weights, double lower, double upper,
            int bins) {
        checkBins(lower, upper, bins);
        Checks.notNull(scores, "scores");
        Checks.notNull(labels, "labels");
        Checks.sameLength(scores.length, labels.length, "scores", "labels");
        Checks.finiteScores(scores, "scores");
        Checks.weights(weights, scores.length);
        double[] p = new double[bins];
        double[] q = new double[bins];
        double width = (upper - lower) / bins;
        for (int i = 0; i < scores.length; i++) {
            int b = bin(scores[i], lower, width, bins);
            double w = weights == null ? 1 : weights[i];
            if (labels[i]) {
                p[b] += w;
            } else {
                q[b] += w;
            }
        }
        return new ScoreHistogram(lower, upper, p, q, scores.length, weights != null);
    }

    /** The bin of a score: monotone non-decreasing in the score. */
    private static int bin(double score, double lower, double width, int bins) {
        double x = Math.floor((score - lower) / width);
        if (!(x >= 0)) {
            return 0;
        }
        return x >= bins ? bins - 1 : (int) x;
    }

    /** The bin {@code score} falls in, in [0, bins). */
    public int binOf(double score) {
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("score must not be NaN");
        }
        return bin(score, lower, (upper - lower) / pos.length, pos.length);
    }

    /**
     * The histogram of both samples together.
     *
     * @throws IllegalArgumentException when the bins differ
     */
    public ScoreHistogram merge(ScoreHistogram other) {
        Checks.notNull(other, "other");
        if (lower != other.lower || upper != other.upper || pos.length != other.pos.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "histograms with other bins cannot be merged: [%s, %s) in %d bins and [%s, %s) in %d bins",
                    Double.toString(lower), Double.toString(upper), pos.length, Double.toString(other.lower),
                    Double.toString(other.upper), other.pos.length));
        }
        double[] p = pos.clone();
        double[] q = neg.clone();
        for (int b = 0; b < p.length; b++) {
            p[b] += other.pos[b];
            q[b] += other.neg[b];
        }
        return new ScoreHistogram(lower, upper, p, q, rows + other.rows, weighted || other.weighted);
    }

    /**
     * A histogram from counts made elsewhere (a distributed job), with these bins.
     *
     * @param positiveWeights summed positive weight per bin, finite and &gt;= 0
     * @param negativeWeights summed negative weight per bin, same length
     * @param rows number of samples counted
     * @param weighted whether the counts are sums of weights
     */
    public static ScoreHistogram fromCounts(double lower, double upper, double[] positiveWeights,
            double[] negativeWeights, long rows, boolean weighted) {
        Checks.notNull(positiveWeights, "positiveWeights");
        Checks.notNull(negativeWeights, "negativeWeights");
        checkBins(lower, upper, positiveWeights.length);
        Checks.sameLength(positiveWeights.length, negativeWeights.length, "positiveWeights", "negativeWeights");
        Checks.weights(positiveWeights, positiveWeights.length);
        Checks.weights(negativeWeights, negativeWeights.length);
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, got " + rows);
        }
        return new ScoreHistogram(lower, upper, positiveWeights.clone(), negativeWeights.clone(), rows, weighted);
    }

    /** Number of bins. */
    public int bins() {
        return pos.length;
    }

    /** Lower edge of the first bin. */
    public double lower() {
        return lower;
    }

    /** Upper edge of the last bin. */
    public double upper() {
        return upper;
    }

    /** Summed positive weight in bin b. */
    public double positiveWeight(int b) {
        return pos[b];
    }

    /** Summed negative weight in bin b. */
    public double negativeWeight(int b) {
        return neg[b];
    }

    /** Number of samples counted. */
    public long rows() {
        return rows;
    }

    /** Whether the counts are sums of sample weights. */
    public boolean weighted() {
        return weighted;
    }

    /**
     * The ROC AUC estimate and its bounds. All three are NaN when a class is absent (zero total
     * weight).
     */
    public AucBounds rocAuc() {
        double p = 0;
        double n = 0;
        for (int b = 0; b < pos.length; b++) {
            p += pos[b];
            n += neg[b];
        }
        if (!(p > 0 && n > 0)) {
            return new AucBounds(Double.NaN, Double.NaN, Double.NaN);
        }
        // extreme weights: one power of two (exact) keeps the products of weights finite and normal
        double f = Weights.scaleFor(Math.max(p, n));
        double below = 0;
        double ordered = 0;
        double shared = 0;
        for (int b = 0; b < pos.length; b++) {
            double pb = pos[b] * f;
            double nb = neg[b] * f;
            ordered += pb * below;
            shared += pb * nb;
            below += nb;
        }
        double pn = (p * f) * (n * f);
        return new AucBounds((ordered + 0.5 * shared) / pn, ordered / pn, (ordered + shared) / pn);
    }

    /**
     * A ROC AUC known to lie between two bounds.
     *
     * @param estimate the AUC with half credit for every pair sharing a bin
     * @param lower the AUC with no credit for those pairs: a lower bound of the exact AUC
     * @param upper the AUC with full credit for those pairs: an upper bound of the exact AUC
     */
    public record AucBounds(double estimate, double lower, double upper) implements java.io.Serializable {
        /** {@code upper - lower}: the share of (positive, negative) pairs that share a bin. */
        public double width() {
            return upper - lower;
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ScoreHistogram)) {
            return false;
        }
        ScoreHistogram h = (ScoreHistogram) o;
        return lower == h.lower && upper == h.upper && rows == h.rows && weighted == h.weighted
                && Arrays.equals(pos, h.pos) && Arrays.equals(neg, h.neg);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(pos) * 31 + Arrays.hashCode(neg);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ScoreHistogram[[%s, %s) in %d bins, rows=%d]", Double.toString(lower),
                Double.toString(upper), pos.length, rows);
    }
}

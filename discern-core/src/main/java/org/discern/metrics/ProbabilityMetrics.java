package org.discern.metrics;

import org.discern.metrics.internal.Checks;

/**
 * Metrics of predicted probabilities (proper scoring rules) for binary labels.
 *
 * <p>The means are sums of per-row terms in blocks: the terms of each {@value #SUM_BLOCK} rows
 * are summed in row order, and the block sums in block order (so up to {@value #SUM_BLOCK} rows
 * it is the plain row-order sum). The result depends on the rows alone, never on how many
 * threads summed them: the blocks of a long input can be summed on two threads and joined to the
 * same double ({@link Sums#addAll}). It is also nearer the exact sum than one running sum.
 */
public final class ProbabilityMetrics {
    /** Clipping bound of scikit-learn 1.2's {@code log_loss} for float64 input. */
    public static final double EPS = Math.ulp(1.0);

    /** Rows per block of the sums (a power of two). */
    public static final int SUM_BLOCK = 1 << 12;
    private static final int BLOCK_MASK = SUM_BLOCK - 1;

    private ProbabilityMetrics() {
    }

    /** True when every score lies in [0, 1]. */
    public static boolean areProbabilities(double[] scores) {
        for (double s : scores) {
            if (!(s >= 0 && s <= 1)) {
                return false;
            }
        }
        return true;
    }

    /** True when every score lies in [0, 1]. */
    public static boolean areProbabilities(float[] scores) {
        for (float s : scores) {
            if (!(s >= 0 && s <= 1)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Binary log loss, exactly as scikit-learn 1.2: the two-column probabilities (1 - p, p) are
     * clipped to [eps, 1 - eps] with eps = 2.22e-16, renormalised to sum to 1, and the weighted
     * mean of -log(probability of the true class) is returned.
     *
     * @param probabilities in [0, 1]
     * @param weights non-negative weights or null
     */
    public static double logLoss(double[] probabilities, boolean[] labels, double[] weights) {
        check(probabilities.length, labels, weights);
        BlockedMean mean = new BlockedMean();
        for (int i = 0; i < probabilities.length; i++) {
            double w = weights == null ? 1 : weights[i];
            mean.add(w * lossTerm(probabilities[i], labels[i]), w);
        }
        return mean.value();
    }

    /** As {@link #logLoss(double[], boolean[], double[])} for float probabilities. */
    public static double logLoss(float[] probabilities, boolean[] labels, double[] weights) {
        check(probabilities.length, labels, weights);
        BlockedMean mean = new BlockedMean();
        for (int i = 0; i < probabilities.length; i++) {
            double w = weights == null ? 1 : weights[i];
            mean.add(w * lossTerm(probabilities[i], labels[i]), w);
        }
        return mean.value();
    }

    /** A weighted mean of terms summed in blocks of {@value #SUM_BLOCK} (see the class notes). Mutable; one thread. */
    private static final class BlockedMean {
        private double sum;
        private double weightSum;
        private double block;
        private double blockWeight;
        private int inBlock;

        void add(double term, double weight) {
            block += term;
            blockWeight += weight;
            if (++inBlock == SUM_BLOCK) {
                sum += block;
                weightSum += blockWeight;
                block = 0;
                blockWeight = 0;
                inBlock = 0;
            }
        }

        double value() {
            return (sum + block) / (weightSum + blockWeight);
        }
    }

    /**
     * Log loss and Brier score of unweighted scores summed row by row, each exactly as
     * {@code logLoss(p, y, null)} and {@code brierScore(p, y, null)} form them (the same terms in
     * the same blocks and order; a weight of 1, and 1 * x is x). Once a score is not in [0, 1]
     * ({@link #areProbabilities} false) nothing more is summed and both are NaN. Mutable; one thread.
     */
    static final class Sums {
        private boolean probabilities = true;
        // the sums of the whole blocks so far, and of the rows of the block under way
        private double loss;
        private double brier;
        private double blockLoss;
        private double blockBrier;
        private long count;
        // the sums of each whole block (loss, Brier), when kept for addAll; else null
        private double[] blocks;
        private int blockCount;

        Sums() {
        }

        /**
         * Sums that keep the sums of each whole block, so that they can be joined after sums of
         * the rows before them ({@link #addAll}).
         */
        static Sums joinable() {
            Sums s = new Sums();
            s.blocks = new double[32];
            return s;
        }

        /** Adds a row; false once some score was not a probability. */
        boolean add(double p, boolean y) {
            return add(p, y, p - (y ? 1 : 0));
        }

        /** As {@link #add(double, boolean)}; Brier's difference in float, as {@link #brierScore(float[], boolean[], double[])} forms it. */
        boolean add(float p, boolean y) {
            return add(p, y, p - (y ? 1 : 0));
        }

        /** Adds a row whose difference from its label, for Brier, is {@code d}. */
        private boolean add(double p, boolean y, double d) {
            if (probabilities && !(p >= 0 && p <= 1)) {
                probabilities = false;
            }
            if (probabilities) {
                blockLoss += lossTerm(p, y);
                blockBrier += d * d;
                if ((++count & BLOCK_MASK) == 0) {
                    endBlock();
                }
            }
            return probabilities;
        }

        private void endBlock() {
            if (blocks != null) {
                if (2 * blockCount + 2 > blocks.length) {
                    blocks = java.util.Arrays.copyOf(blocks, blocks.length * 2);
                }
                blocks[2 * blockCount] = blockLoss;
                blocks[2 * blockCount + 1] = blockBrier;
                blockCount++;
            }
            loss += blockLoss;
            brier += blockBrier;
            blockLoss = 0;
            blockBrier = 0;
        }

        /**
         * Adds the rows summed by {@code later} ({@link #joinable}), which come right after these:
         * the result is as if they had been added here one by one. These must end at a block's
         * end (a multiple of {@value #SUM_BLOCK} rows), unless they met a score that is not a
         * probability.
         */
        void addAll(Sums later) {
            if (!later.probabilities) {
                probabilities = false;
            }
            if (!probabilities) {
                return;
            }
            if ((count & BLOCK_MASK) != 0 || later.blocks == null) {
                throw new IllegalStateException("sums can be joined only at a block's end, to joinable sums");
            }
            for (int b = 0; b < later.blockCount; b++) {
                loss += later.blocks[2 * b];
                brier += later.blocks[2 * b + 1];
            }
            blockLoss = later.blockLoss;
            blockBrier = later.blockBrier;
            count += later.count;
        }

        boolean probabilities() {
            return probabilities;
        }

        double logLoss() {
            return probabilities ? (loss + blockLoss) / count : Double.NaN;
        }

        double brierScore() {
            return probabilities ? (brier + blockBrier) / count : Double.NaN;
        }
    }

    /** {@link Sums} of unweighted scores (at least one) in one pass. No argument checks: for callers that checked them. */
    static Sums unweightedSums(double[] p, boolean[] y) {
        Sums s = new Sums();
        for (int i = 0; i < p.length && s.add(p[i], y[i]); i++) {
            // summed in add
        }
        return s;
    }

    /** As {@link #unweightedSums(double[], boolean[])} for float scores. */
    static Sums unweightedSums(float[] p, boolean[] y) {
        Sums s = new Sums();
        for (int i = 0; i < p.length && s.add(p[i], y[i]); i++) {
            // summed in add
        }
        return s;
    }

    /** -log(clipped, renormalised probability of the true class) of one sample. */
    static double lossTerm(double p, boolean positive) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + p);
        }
        double hi = clip(p);
        double lo = clip(1 - p);
        double s = hi + lo;
        return -Math.log((positive ? hi : lo) / s);
    }

    private static double clip(double p) {
        return Math.min(Math.max(p, EPS), 1 - EPS);
    }

    /** Weighted mean of (p - y)^2. */
    public static double brierScore(double[] probabilities, boolean[] labels, double[] weights) {
        check(probabilities.length, labels, weights);
        BlockedMean mean = new BlockedMean();
        for (int i = 0; i < probabilities.length; i++) {
            double w = weights == null ? 1 : weights[i];
            double d = probabilities[i] - (labels[i] ? 1 : 0);
            mean.add(w * d * d, w);
        }
        return mean.value();
    }

    /** Weighted mean of (p - y)^2. */
    public static double brierScore(float[] probabilities, boolean[] labels, double[] weights) {
        check(probabilities.length, labels, weights);
        BlockedMean mean = new BlockedMean();
        for (int i = 0; i < probabilities.length; i++) {
            double w = weights == null ? 1 : weights[i];
            double d = probabilities[i] - (labels[i] ? 1 : 0);
            mean.add(w * d * d, w);
        }
        return mean.value();
    }

    private static void check(int n, boolean[] labels, double[] weights) {
        Checks.notNull(labels, "labels");
        Checks.nonEmpty(n, "probabilities");
        Checks.sameLength(n, labels.length, "probabilities", "labels");
        Checks.weights(weights, n);
    }
}

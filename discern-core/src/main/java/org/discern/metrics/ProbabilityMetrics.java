package org.discern.metrics;

import org.discern.metrics.internal.Checks;

/** Metrics of predicted probabilities (proper scoring rules) for binary labels. */
public final class ProbabilityMetrics {
    /** Clipping bound of scikit-learn 1.2's {@code log_loss} for float64 input. */
    public static final double EPS = Math.ulp(1.0);

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
        double sum = 0;
        double wsum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double w = weights == null ? 1 : weights[i];
            sum += w * lossTerm(probabilities[i], labels[i]);
            wsum += w;
        }
        return sum / wsum;
    }

    /** As {@link #logLoss(double[], boolean[], double[])} for float probabilities. */
    public static double logLoss(float[] probabilities, boolean[] labels, double[] weights) {
        check(probabilities.length, labels, weights);
        double sum = 0;
        double wsum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double w = weights == null ? 1 : weights[i];
            sum += w * lossTerm(probabilities[i], labels[i]);
            wsum += w;
        }
        return sum / wsum;
    }

    /**
     * Log loss and Brier score of unweighted scores summed row by row, each exactly as
     * {@code logLoss(p, y, null)} and {@code brierScore(p, y, null)} form them (the same terms in
     * the same order; a weight of 1, and 1 * x is x). Once a score is not in [0, 1]
     * ({@link #areProbabilities} false) nothing more is summed and both are NaN. Mutable; one thread.
     */
    static final class Sums {
        private boolean probabilities = true;
        private double loss;
        private double brier;
        private double count;

        /** Adds a row; false once some score was not a probability. */
        boolean add(double p, boolean y) {
            if (probabilities && !(p >= 0 && p <= 1)) {
                probabilities = false;
            }
            if (probabilities) {
                loss += lossTerm(p, y);
                double d = p - (y ? 1 : 0);
                brier += d * d;
                count += 1;
            }
            return probabilities;
        }

        /** As {@link #add(double, boolean)}; Brier's difference in float, as {@link #brierScore(float[], boolean[], double[])} forms it. */
        boolean add(float p, boolean y) {
            if (probabilities && !(p >= 0 && p <= 1)) {
                probabilities = false;
            }
            if (probabilities) {
                loss += lossTerm(p, y);
                double d = p - (y ? 1 : 0);
                brier += d * d;
                count += 1;
            }
            return probabilities;
        }

        boolean probabilities() {
            return probabilities;
        }

        double logLoss() {
            return probabilities ? loss / count : Double.NaN;
        }

        double brierScore() {
            return probabilities ? brier / count : Double.NaN;
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
        double sum = 0;
        double wsum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double w = weights == null ? 1 : weights[i];
            double d = probabilities[i] - (labels[i] ? 1 : 0);
            sum += w * d * d;
            wsum += w;
        }
        return sum / wsum;
    }

    /** Weighted mean of (p - y)^2. */
    public static double brierScore(float[] probabilities, boolean[] labels, double[] weights) {
        check(probabilities.length, labels, weights);
        double sum = 0;
        double wsum = 0;
        for (int i = 0; i < probabilities.length; i++) {
            double w = weights == null ? 1 : weights[i];
            double d = probabilities[i] - (labels[i] ? 1 : 0);
            sum += w * d * d;
            wsum += w;
        }
        return sum / wsum;
    }

    private static void check(int n, boolean[] labels, double[] weights) {
        Checks.notNull(labels, "labels");
        Checks.nonEmpty(n, "probabilities");
        Checks.sameLength(n, labels.length, "probabilities", "labels");
        Checks.weights(weights, n);
    }
}

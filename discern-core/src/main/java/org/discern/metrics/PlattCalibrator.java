package org.discern.metrics;

import org.discern.metrics.internal.Checks;

/**
 * Platt scaling: {@code p = 1 / (1 + exp(a * s + b))} for a score s, with scikit-learn's sign
 * convention (so a &lt; 0 when higher scores mean positive).
 *
 * <p>{@link #fit} minimises the weighted cross-entropy between p and <em>Platt's smoothed
 * targets</em> (Platt 1999, section 2.2): a positive's target is (N+ + 1) / (N+ + 2) and a
 * negative's 1 / (N- + 2), with N+ and N- the (weighted) class totals, exactly as
 * scikit-learn's {@code _sigmoid_calibration} (what {@code CalibratedClassifierCV(method="sigmoid")}
 * fits) does. {@link #fit(double[], boolean[], double[], boolean)} can switch the smoothing off
 * (plain logistic regression on the score; it diverges on separable data, see there).
 *
 * <p>The optimiser is Newton's method with a backtracking line search (Lin, Lin and Weng 2007),
 * started where scikit-learn starts (a = 0, b = log((N- + 1) / (N+ + 1))) and run to machine
 * precision. scikit-learn stops its BFGS at a gradient norm of 1e-5, so its a and b agree with
 * ours only to about 1e-8 relative on the test fixture (the tests allow 1e-6); against the same
 * objective minimised tightly (scipy BFGS, gtol 1e-12) they agree to 1e-9 relative or better.
 * Near the optimum, where the objective's decrease is below double rounding, full Newton steps
 * are taken on the gradient alone until they stop changing a and b.
 *
 * @param a slope (finite)
 * @param b intercept (finite)
 */
public record PlattCalibrator(double a, double b) implements Calibrator {
    private static final int MAX_ITERATIONS = 200;

    /** Validates that a and b are finite. */
    public PlattCalibrator {
        if (!Double.isFinite(a)) {
            throw new IllegalArgumentException("a must be finite, got " + a);
        }
        if (!Double.isFinite(b)) {
            throw new IllegalArgumentException("b must be finite, got " + b);
        }
    }

    /** Fits with Platt's smoothed targets; see {@link #fit(double[], boolean[], double[], boolean)}. */
    public static PlattCalibrator fit(double[] scores, boolean[] labels, double[] weights) {
        return fit(scores, labels, weights, true);
    }

    /**
     * Fits a and b by weighted maximum likelihood.
     *
     * @param scores finite scores (any scale), the calibration set
     * @param labels true for positives
     * @param weights non-negative weights or null
     * @param smoothTargets use Platt's targets (recommended, and scikit-learn's); without them the
     *     fit is ordinary logistic regression and on perfectly separated data a and b grow until the
     *     iteration limit (200 Newton steps) stops them
     * @throws IllegalArgumentException on invalid input, or when the total weight is 0
     */
    public static PlattCalibrator fit(double[] scores, boolean[] labels, double[] weights, boolean smoothTargets) {
        Checks.notNull(scores, "scores");
        Checks.notNull(labels, "labels");
        Checks.nonEmpty(scores.length, "scores");
        Checks.sameLength(scores.length, labels.length, "scores", "labels");
        Checks.finiteScores(scores, "scores");
        Checks.weights(weights, scores.length);
        int n = scores.length;
        double prior0 = 0;
        double prior1 = 0;
        for (int i = 0; i < n; i++) {
            double w = weights == null ? 1 : weights[i];
            if (labels[i]) {
                prior1 += w;
            } else {
                prior0 += w;
            }
        }
        if (!(prior0 + prior1 > 0)) {
            throw new IllegalArgumentException("weights must not all be 0");
        }
        double hiTarget = smoothTargets ? (prior1 + 1.0) / (prior1 + 2.0) : 1.0;
        double loTarget = smoothTargets ? 1.0 / (prior0 + 2.0) : 0.0;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = labels[i] ? hiTarget : loTarget;
        }
        double a = 0;
        double b = Math.log((prior0 + 1.0) / (prior1 + 1.0));
        double f = objective(scores, t, weights, a, b);
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            // gradient and Hessian of the summed loss in (a, b); z = a s + b, q = 1 / (1 + e^z)
            double ga = 0;
            double gb = 0;
            double haa = 0;
            double hab = 0;
            double hbb = 0;
            for (int i = 0; i < n; i++) {
                double w = weights == null ? 1 : weights[i];
                double s = scores[i];
                double q = sigmoidOfMinus(a * s + b);
                double r = w * (t[i] - q);
                double h = w * q * (1 - q);
                ga += r * s;
                gb += r;
                haa += h * s * s;
                hab += h * s;
                hbb += h;
            }
            // a tiny ridge keeps the system solvable when all scores are equal
            haa += 1e-12;
            hbb += 1e-12;
            double det = haa * hbb - hab * hab;
            double da = -(hbb * ga - hab * gb) / det;
            double db = -(-hab * ga + haa * gb) / det;
            double slope = ga * da + gb * db;
            if (!(slope < 0)) {
                break; // no descent direction left: at the optimum to rounding
            }
            double step = 1;
            double next = Double.NaN;
            if (-slope < 1e-10 * (1 + Math.abs(f))) {
                // Newton decrement below what the objective can resolve in doubles: near the
                // optimum a full Newton step converges quadratically; take it on the gradient alone
                double na = a + da;
                double nb = b + db;
                boolean small = Math.abs(da) <= 1e-15 * Math.max(1, Math.abs(a))
                        && Math.abs(db) <= 1e-15 * Math.max(1, Math.abs(b));
                a = na;
                b = nb;
                if (small) {
                    break;
                }
                continue;
            }
            while (step >= 1e-10) {
                next = objective(scores, t, weights, a + step * da, b + step * db);
                if (next <= f + 1e-4 * step * slope) {
                    break;
                }
                step /= 2;
            }
            if (step < 1e-10) {
                break; // line search cannot decrease the objective any further
            }
            double na = a + step * da;
            double nb = b + step * db;
            boolean small = Math.abs(na - a) <= 1e-15 * Math.max(1, Math.abs(a))
                    && Math.abs(nb - b) <= 1e-15 * Math.max(1, Math.abs(b));
            a = na;
            b = nb;
            f = next;
            if (small) {
                break;
            }
        }
        return new PlattCalibrator(a, b);
    }

    /** Summed weighted cross-entropy; softplus forms avoid overflow for large |z|. */
    private static double objective(double[] s, double[] t, double[] weights, double a, double b) {
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            double w = weights == null ? 1 : weights[i];
            double z = a * s[i] + b;
            // -t log q - (1 - t) log(1 - q) with q = sigmoid(-z): t softplus(z) + (1 - t) softplus(-z)
            sum += w * (t[i] * softplus(z) + (1 - t[i]) * softplus(-z));
        }
        return sum;
    }

    private static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    /** 1 / (1 + e^z), without overflow. */
    private static double sigmoidOfMinus(double z) {
        if (z >= 0) {
            double e = Math.exp(-z);
            return e / (1 + e);
        }
        return 1 / (1 + Math.exp(z));
    }

    /** {@code 1 / (1 + exp(a * score + b))}; the score must be finite. */
    @Override
    public double apply(double score) {
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("score must be finite, got " + score);
        }
        return sigmoidOfMinus(a * score + b);
    }

    @Override
    public String type() {
        return "platt";
    }
}

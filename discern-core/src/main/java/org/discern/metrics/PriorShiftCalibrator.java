package org.discern.metrics;

import java.util.Arrays;

import org.discern.metrics.internal.Checks;

/**
 * Prior-shift correction for a model whose probabilities are calibrated at one class balance
 * (the training priors) and deployed at another (the target priors), e.g. a model trained on
 * oversampled or reweighted data.
 *
 * <p>With ratios {@code r_c = target_c / training_c}, Bayes' rule gives
 * {@code p'_c = p_c r_c / sum_j p_j r_j}; for two classes
 * {@code p' = p r1 / (p r1 + (1 - p) r0)}, i.e. the odds are multiplied by r1 / r0.
 *
 * <p>What it guarantees: the map is strictly increasing in p, so rankings and the ROC AUC are
 * unchanged (up to rounding merging two nearly equal scores); the identity when the priors are
 * equal; and the inverse map is the shift back. What it does <em>not</em> guarantee: the mean
 * corrected probability equals the target prior only when every p equals the training prior.
 * In general, for training prior {@code pi0} = the mean of p and a target {@code pi1 > pi0},
 * the map is concave, so by Jensen's inequality the mean of p' lies in [mean p, pi1] (and in
 * [pi1, mean p] for {@code pi1 < pi0}): it moves toward the target without passing it.
 *
 * <p>Immutable; arrays are copied in and out.
 */
public final class PriorShiftCalibrator implements Calibrator {
    // each in (0, 1), summing to 1 within 1e-9
    private final double[] training;
    private final double[] target;
    // target[c] / training[c]
    private final double[] ratio;

    private PriorShiftCalibrator(double[] training, double[] target) {
        this.training = training;
        this.target = target;
        this.ratio = new double[training.length];
        for (int c = 0; c < ratio.length; c++) {
            ratio[c] = target[c] / training[c];
        }
    }

    /**
     * Binary correction from the training prevalence (share of positives the model was fitted
     * at) to the target prevalence, both in (0, 1).
     */
    public static PriorShiftCalibrator binary(double trainingPrevalence, double targetPrevalence) {
        open(trainingPrevalence, "trainingPrevalence");
        open(targetPrevalence, "targetPrevalence");
        return new PriorShiftCalibrator(new double[] {1 - trainingPrevalence, trainingPrevalence},
                new double[] {1 - targetPrevalence, targetPrevalence});
    }

    /**
     * Binary correction whose training prevalence is the (weighted) share of positives in
     * {@code labels}: fitted on the set the model's probabilities were calibrated on.
     *
     * @throws IllegalArgumentException when the labels hold one class only
     */
    public static PriorShiftCalibrator fit(boolean[] labels, double[] weights, double targetPrevalence) {
        Checks.notNull(labels, "labels");
        Checks.nonEmpty(labels.length, "labels");
        Checks.weights(weights, labels.length);
        double pos = 0;
        double all = 0;
        for (int i = 0; i < labels.length; i++) {
            double w = weights == null ? 1 : weights[i];
            all += w;
            if (labels[i]) {
                pos += w;
            }
        }
        double prevalence = pos / all;
        if (!(prevalence > 0 && prevalence < 1)) {
            throw new IllegalArgumentException("training prevalence must be in (0, 1), got " + prevalence
                    + " (labels hold one class only)");
        }
        return binary(prevalence, targetPrevalence);
    }

    /**
     * Multi-class correction.
     *
     * @param trainingPriors k &gt;= 2 priors, each in (0, 1), summing to 1 (within 1e-9)
     * @param targetPriors k priors, each in (0, 1), summing to 1 (within 1e-9)
     */
    public static PriorShiftCalibrator of(double[] trainingPriors, double[] targetPriors) {
        Checks.notNull(trainingPriors, "trainingPriors");
        Checks.notNull(targetPriors, "targetPriors");
        Checks.sameLength(trainingPriors.length, targetPriors.length, "trainingPriors", "targetPriors");
        if (trainingPriors.length < 2) {
            throw new IllegalArgumentException("priors must have at least 2 classes, got " + trainingPriors.length);
        }
        priors(trainingPriors, "trainingPriors");
        priors(targetPriors, "targetPriors");
        return new PriorShiftCalibrator(trainingPriors.clone(), targetPriors.clone());
    }

    private static void priors(double[] p, String name) {
        double sum = 0;
        for (int c = 0; c < p.length; c++) {
            open(p[c], name + "[" + c + "]");
            sum += p[c];
        }
        if (!(Math.abs(sum - 1) <= 1e-9)) {
            throw new IllegalArgumentException(name + " must sum to 1, got " + sum);
        }
    }

    private static void open(double v, String name) {
        if (!(v > 0 && v < 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1), got " + v);
        }
    }

    /** Number of classes k (2 for binary). */
    public int classes() {
        return training.length;
    }

    /** Copy of the training priors (binary: {1 - prevalence, prevalence}). */
    public double[] trainingPriors() {
        return training.clone();
    }

    /** Copy of the target priors. */
    public double[] targetPriors() {
        return target.clone();
    }

    /**
     * Binary correction of the probability of the positive class (class 1).
     *
     * @param score probability in [0, 1]
     * @throws IllegalStateException when the calibrator has more than 2 classes
     */
    @Override
    public double apply(double score) {
        if (training.length != 2) {
            throw new IllegalStateException("apply(double) is binary; this calibrator has " + training.length
                    + " classes, use applyRows");
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + score);
        }
        double num = score * ratio[1];
        return num / (num + (1 - score) * ratio[0]);
    }

    /**
     * Multi-class correction of a row-major n x k probability matrix: each row multiplied by the
     * ratios and renormalised to sum to 1.
     *
     * @throws IllegalArgumentException when the length is not a multiple of k, an entry is
     *     outside [0, 1], or a row is all zero
     */
    public double[] applyRows(double[] probabilities) {
        Checks.notNull(probabilities, "probabilities");
        int k = training.length;
        if (probabilities.length % k != 0) {
            throw new IllegalArgumentException("probabilities length must be a multiple of k = " + k + ", got "
                    + probabilities.length);
        }
        double[] out = new double[probabilities.length];
        for (int row = 0; row < probabilities.length / k; row++) {
            double sum = 0;
            for (int c = 0; c < k; c++) {
                double p = probabilities[row * k + c];
                if (!(p >= 0 && p <= 1)) {
                    throw new IllegalArgumentException("probabilities[" + row + "][" + c + "] must be in [0, 1], got " + p);
                }
                out[row * k + c] = p * ratio[c];
                sum += out[row * k + c];
            }
            if (sum == 0) {
                throw new IllegalArgumentException("probabilities[" + row + "] must not be all 0");
            }
            for (int c = 0; c < k; c++) {
                out[row * k + c] /= sum;
            }
        }
        return out;
    }

    /** The correction back from the target to the training priors. */
    public PriorShiftCalibrator inverse() {
        return new PriorShiftCalibrator(target.clone(), training.clone());
    }

    @Override
    public String type() {
        return "prior_shift";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PriorShiftCalibrator && Arrays.equals(training, ((PriorShiftCalibrator) o).training)
                && Arrays.equals(target, ((PriorShiftCalibrator) o).target);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(training) + Arrays.hashCode(target);
    }

    @Override
    public String toString() {
        return "PriorShiftCalibrator[training=" + Arrays.toString(training) + ", target=" + Arrays.toString(target) + "]";
    }
}

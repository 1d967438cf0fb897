package org.discern.train;

/**
 * Maps probabilities learnt under one positive share back to another (Saerens et al. 2002, with
 * known priors): {@code p' = p r1 / (p r1 + (1 - p) r0)}, {@code r1 = pi_true / pi_train},
 * {@code r0 = (1 - pi_true) / (1 - pi_train)}. A network trained on balanced batches or with
 * balancing class weights learns {@code pi_train = 1/2}; the correction restores calibrated
 * probabilities for data with the true prior. Monotone increasing, so rankings (and AUCs) do not
 * change.
 *
 * @param trainingPrior positive share the model was trained under, in (0, 1)
 * @param truePrior positive share of the data the model is used on, in (0, 1)
 */
public record PriorCorrection(double trainingPrior, double truePrior) {

    /** Validates both priors. */
    public PriorCorrection {
        if (!(trainingPrior > 0 && trainingPrior < 1)) {
            throw new IllegalArgumentException("trainingPrior must be in (0, 1), got " + trainingPrior);
        }
        if (!(truePrior > 0 && truePrior < 1)) {
            throw new IllegalArgumentException("truePrior must be in (0, 1), got " + truePrior);
        }
    }

    /** Whether the correction changes anything (priors differ). */
    public boolean needed() {
        return trainingPrior != truePrior;
    }

    /** The corrected probability of one prediction p in [0, 1]. */
    public double apply(double p) {
        double r1 = truePrior / trainingPrior;
        double r0 = (1 - truePrior) / (1 - trainingPrior);
        double a = p * r1;
        double b = (1 - p) * r0;
        return a + b == 0 ? p : a / (a + b);
    }

    /** Corrected copies of probabilities. */
    public double[] apply(double[] p) {
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = apply(p[i]);
        }
        return out;
    }
}

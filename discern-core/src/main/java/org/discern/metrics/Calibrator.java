package org.discern.metrics;

import org.discern.metrics.internal.Checks;

/**
 * A fitted recalibration map from a score to a probability, fitted on one set and applied to
 * another. Implementations are immutable values with {@code equals}; discern-io serialises them
 * to JSON ({@code org.discern.io.CalibratorJson}).
 *
 * <ul>
 * <li>{@link PlattCalibrator}: logistic (sigmoid) map of the score;</li>
 * <li>{@link IsotonicCalibrator}: non-decreasing piecewise-linear map (pool adjacent violators);</li>
 * <li>{@link PriorShiftCalibrator}: Bayes correction of probabilities for a change of class
 *     balance between training and deployment.</li>
 * </ul>
 */
public sealed interface Calibrator permits PlattCalibrator, IsotonicCalibrator, PriorShiftCalibrator {

    /**
     * The recalibrated probability of one score.
     *
     * @throws IllegalArgumentException when the score is outside the calibrator's domain (NaN or
     *     infinite for all; outside [0, 1] for the prior shift)
     */
    double apply(double score);

    /** {@link #apply(double)} on each score, into a new array. */
    default double[] apply(double[] scores) {
        Checks.notNull(scores, "scores");
        double[] out = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            try {
                out[i] = apply(scores[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("scores[" + i + "]: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** The calibrator's kind as written in JSON: "platt", "isotonic" or "prior_shift". */
    String type();
}

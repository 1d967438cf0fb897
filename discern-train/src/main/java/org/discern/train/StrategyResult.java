package org.discern.train;

import java.util.List;

import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.ThresholdChoice;

/**
 * What one strategy produced: its training history, the chosen epoch and its evaluation on the
 * test split.
 *
 * @param strategy the strategy
 * @param bestEpoch 1-based epoch whose weights were kept (highest validation average precision)
 * @param history one record per epoch run
 * @param initialLoss training objective of the untrained network (inference mode, on the
 *        original training split, with the strategy's objective weights)
 * @param analyticInitialLoss {@code (W / N) (-p0 ln p0 - (1 - p0) ln(1 - p0))}, p0 the positive
 *        share the strategy trains on and W / N the mean objective weight (1 unless weighted)
 * @param outputBias initial output bias
 * @param objectiveWeights {w_negative, w_positive} of the training objective (see
 *        {@link Strategy})
 * @param prior training and true prior of the probabilities
 * @param test evaluation of the raw probabilities on the test split
 * @param testPriorCorrected evaluation of the prior-corrected probabilities, or null when the
 *        strategy trains under the true prior (baseline)
 * @param costChoice the threshold minimising cost on the validation split (raw scores)
 * @param seconds training wall time
 */
public record StrategyResult(Strategy strategy, int bestEpoch, List<EpochRecord> history, double initialLoss,
        double analyticInitialLoss, double outputBias, double[] objectiveWeights, PriorCorrection prior,
        BinaryEvaluation test, BinaryEvaluation testPriorCorrected, ThresholdChoice costChoice, double seconds) {

    /** Copies the history and the weights. */
    public StrategyResult {
        history = List.copyOf(history);
        objectiveWeights = objectiveWeights.clone();
    }

    @Override
    public double[] objectiveWeights() {
        return objectiveWeights.clone();
    }

    /** The history record of the best epoch. */
    public EpochRecord best() {
        return history.get(bestEpoch - 1);
    }
}

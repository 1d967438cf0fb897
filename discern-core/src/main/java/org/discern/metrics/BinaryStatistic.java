package org.discern.metrics;

import java.util.function.ToDoubleFunction;

import org.discern.metrics.internal.Checks;

/**
 * A number computed from an operating-point table: what the binary {@link Bootstrap}
 * recomputes on every replicate. The bootstrap builds each replicate's table without sorting
 * again (see {@link Bootstrap}), so any statistic of the table costs one linear pass.
 *
 * <p>Implementations are called from several threads at once and must be stateless. NaN means
 * undefined on that replicate; such replicates are left out of the interval and counted.
 */
@FunctionalInterface
public interface BinaryStatistic {

    /** The statistic of one table. */
    double compute(OperatingPoints points);

    /** {@link BinaryEvaluation#rocAuc()}. */
    static BinaryStatistic rocAuc() {
        return p -> BinaryEvaluation.of(p).rocAuc();
    }

    /** {@link BinaryEvaluation#partialRocAuc(double)} (McClish-standardized). */
    static BinaryStatistic partialRocAuc(double maxFpr) {
        if (!(maxFpr > 0 && maxFpr <= 1)) {
            throw new IllegalArgumentException("maxFpr must be in (0, 1], got " + maxFpr);
        }
        return p -> BinaryEvaluation.of(p).partialRocAuc(maxFpr);
    }

    /** {@link BinaryEvaluation#averagePrecision()}. */
    static BinaryStatistic averagePrecision() {
        return p -> BinaryEvaluation.of(p).averagePrecision();
    }

    /**
     * Sensitivity (TPR) of the ROC curve at false-positive rate {@code 1 - specificity}: linear
     * interpolation between operating points (the ROC curve drawn with straight segments, as
     * pROC's {@code ci.se}); where the curve has a vertical step at that rate, the highest TPR.
     * NaN when a class is absent.
     *
     * @param specificity in [0, 1]
     */
    static BinaryStatistic sensitivityAtSpecificity(double specificity) {
        Checks.probability(specificity, "specificity");
        return p -> RocInterpolation.tprAtFpr(p, 1 - specificity);
    }

    /**
     * Specificity (1 - FPR) of the ROC curve at a true-positive rate {@code sensitivity}: linear
     * interpolation between operating points; where the curve has a horizontal step at that
     * rate, the highest specificity. NaN when a class is absent.
     *
     * @param sensitivity in [0, 1]
     */
    static BinaryStatistic specificityAtSensitivity(double sensitivity) {
        Checks.probability(sensitivity, "sensitivity");
        return p -> 1 - RocInterpolation.fprAtTpr(p, sensitivity);
    }

    /**
     * A threshold metric at a fixed threshold, e.g. {@code atThreshold(0.5, ConfusionMatrix::f1)}:
     * the metric of {@link OperatingPoints#confusionAt(double)}.
     */
    static BinaryStatistic atThreshold(double threshold, ToDoubleFunction<ConfusionMatrix> metric) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must not be NaN");
        }
        Checks.notNull(metric, "metric");
        return p -> metric.applyAsDouble(p.confusionAt(threshold));
    }
}

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
 *
 * <p>A statistic may have a name, under which a {@link BootstrapResult} gives its interval
 * ({@link BootstrapResult#interval(String)}); those of the factories below that are metrics of
 * the outputs are named by their {@link MetricKey} ({@code roc_auc}, {@code average_precision},
 * {@code partial_roc_auc}).
 */
@FunctionalInterface
public interface BinaryStatistic {

    /** The statistic of one table. */
    double compute(OperatingPoints points);

    /** The name a bootstrap result reads this statistic by, or null when it has none. */
    default String name() {
        return null;
    }

    /** {@code statistic} under a name (see {@link BootstrapResult#interval(String)}). */
    static BinaryStatistic named(String name, BinaryStatistic statistic) {
        Checks.notNull(name, "name");
        Checks.notNull(statistic, "statistic");
        return new NamedStatistic(name, statistic);
    }

    /** {@link BinaryEvaluation#rocAuc()}, named {@code roc_auc}. */
    static BinaryStatistic rocAuc() {
        return named(MetricKey.of(Metric.ROC_AUC).key(), p -> BinaryEvaluation.of(p).rocAuc());
    }

    /** {@link BinaryEvaluation#partialRocAuc(double)} (McClish-standardized), named {@code partial_roc_auc}. */
    static BinaryStatistic partialRocAuc(double maxFpr) {
        return named(MetricKey.partialRocAuc(maxFpr).key(), p -> BinaryEvaluation.of(p).partialRocAuc(maxFpr));
    }

    /** {@link BinaryEvaluation#averagePrecision()}, named {@code average_precision}. */
    static BinaryStatistic averagePrecision() {
        return named(MetricKey.of(Metric.AVERAGE_PRECISION).key(), p -> BinaryEvaluation.of(p).averagePrecision());
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

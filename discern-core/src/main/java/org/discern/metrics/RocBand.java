package org.discern.metrics;

/**
 * A confidence band of the ROC curve: at each specificity of a grid, the sensitivity of the
 * curve on the full sample and its bootstrap percentile interval (pROC's {@code ci.se}). The
 * sensitivity at a specificity is read from the piecewise-linear ROC curve (see
 * {@link BinaryStatistic#sensitivityAtSpecificity(double)}). The band is pointwise: each interval
 * covers its own sensitivity with the given level, not the whole curve at once.
 *
 * <p>Immutable; arrays never leak.
 */
public final class RocBand {
    private final double[] specificities;
    private final BootstrapResult result;

    RocBand(double[] specificities, BootstrapResult result) {
        this.specificities = specificities.clone();
        this.result = result;
    }

    /** Number of grid points. */
    public int size() {
        return specificities.length;
    }

    /** Specificity of grid point {@code i}. */
    public double specificity(int i) {
        return specificities[i];
    }

    /** Sensitivity of the full-sample curve at grid point {@code i}. */
    public double sensitivity(int i) {
        return result.estimate(i);
    }

    /** Lower bound of the sensitivity at grid point {@code i}. */
    public double lower(int i) {
        return result.lower(i);
    }

    /** Upper bound of the sensitivity at grid point {@code i}. */
    public double upper(int i) {
        return result.upper(i);
    }

    /** Copy of the grid. */
    public double[] specificities() {
        return specificities.clone();
    }

    /** The bootstrap behind the band (statistic i = grid point i): seed, replicates, warnings. */
    public BootstrapResult bootstrap() {
        return result;
    }
}

package org.discern.metrics;

/**
 * Statistics of a whole sample given one weight per row: the generic hook of
 * {@link Bootstrap#stratified(int[], double[], BootstrapOptions, WeightedStatistic)}. The
 * bootstrap calls it with {@code weight[i] = original weight of row i * times row i was drawn}
 * (0 for rows not drawn), so any evaluation that accepts sample weights (a multi-class
 * evaluation's macro, weighted and micro averages, for instance) can be bootstrapped without
 * copying rows. The statistic must return arrays of the same length for every call (that of the
 * estimate on the original weights), may hold NaN for undefined values, must not keep the
 * weights array, and is called from several threads at once.
 */
@FunctionalInterface
public interface WeightedStatistic {

    /** The statistics of the sample with these row weights (length: number of rows). */
    double[] compute(double[] weights);
}

package org.discern.cli;

/** How confidence intervals and comparisons are computed. */
public enum IntervalMethod {
    /** DeLong's variance (normal approximation); ROC AUC only. */
    DELONG,
    /** Stratified percentile bootstrap; any statistic, honours weights. */
    BOOTSTRAP
}

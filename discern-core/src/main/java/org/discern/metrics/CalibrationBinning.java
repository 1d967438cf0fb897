package org.discern.metrics;

import java.util.Locale;

/** How the bins of a reliability curve are placed; see {@link Calibration}. */
public enum CalibrationBinning {
    /** {@code bins} equal-width bins over [0, 1] (scikit-learn's {@code strategy="uniform"}). */
    UNIFORM,
    /**
     * Edges at the 0, 1/bins, ..., 1 quantiles of the probabilities (numpy's default linear
     * percentile over the rows, ignoring weights; scikit-learn's {@code strategy="quantile"}).
     * Tied probabilities can make edges coincide; the resulting empty bins are dropped.
     */
    QUANTILE;

    /** Parses "uniform" or "quantile" (case-insensitive). */
    public static CalibrationBinning parse(String s) {
        if (s != null) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "uniform":
                    return UNIFORM;
                case "quantile":
                    return QUANTILE;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("binning must be uniform or quantile, got '" + s + "'");
    }

    /** The lower-case name, as accepted by {@link #parse(String)}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

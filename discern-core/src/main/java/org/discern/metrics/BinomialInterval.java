package org.discern.metrics;

/**
 * Confidence intervals of a binomial proportion, for the observed frequency of a reliability
 * bin.
 *
 * <p><b>Wilson score interval</b> (Wilson 1927; Brown, Cai and DasGupta 2001): with z the
 * two-sided normal critical value of the level, p̂ the observed proportion and n the number of
 * trials, the interval is {@code (p̂ + z²/2n ± z sqrt(p̂(1 - p̂)/n + z²/4n²)) / (1 + z²/n)}. It is
 * the default of Discern's reliability curves because it is closed-form, never leaves [0, 1],
 * is not degenerate at p̂ = 0 or 1 (the Wald interval is, and a well-calibrated bin at a
 * probability of 0.01 often holds no positive) and its coverage stays close to nominal for the
 * small counts of sparse bins. Caveat: n is taken as exact; with weights the caller passes
 * Kish's effective size (see {@link Calibration#effectiveCount}), an approximation.
 */
public final class BinomialInterval {
    private BinomialInterval() {
    }

    /**
     * Wilson score interval.
     *
     * @param proportion observed proportion in [0, 1]
     * @param trials number (or effective number) of trials, &gt; 0
     * @param level confidence level in (0, 1)
     * @return the interval, estimate = proportion, method {@link ConfidenceInterval#WILSON}
     * @throws IllegalArgumentException on a proportion outside [0, 1], trials &lt;= 0 or not finite,
     *     or a level outside (0, 1)
     */
    public static ConfidenceInterval wilson(double proportion, double trials, double level) {
        if (!(proportion >= 0 && proportion <= 1)) {
            throw new IllegalArgumentException("proportion must be in [0, 1], got " + proportion);
        }
        if (!(trials > 0) || Double.isInfinite(trials)) {
            throw new IllegalArgumentException("trials must be > 0 and finite, got " + trials);
        }
        ConfidenceInterval.checkLevel(level);
        double z = Normal.twoSidedCritical(level);
        double z2n = z * z / trials;
        double centre = (proportion + z2n / 2) / (1 + z2n);
        double half = z * Math.sqrt(proportion * (1 - proportion) / trials + z2n / (4 * trials)) / (1 + z2n);
        // clamp the rounding at the ends: at p = 0 the lower bound is 0 exactly in exact arithmetic
        double lower = Math.max(0, Math.min(proportion, centre - half));
        double upper = Math.min(1, Math.max(proportion, centre + half));
        return new ConfidenceInterval(proportion, lower, upper, level, ConfidenceInterval.WILSON);
    }
}

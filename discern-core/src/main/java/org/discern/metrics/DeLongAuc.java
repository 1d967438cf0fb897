package org.discern.metrics;

import java.util.List;

/**
 * The ROC AUC of one score column with its DeLong variance (see {@link DeLong} for the method,
 * the handling of ties and weights, and the caveats).
 *
 * @param auc the ROC AUC (ties count one half); NaN when a class is absent
 * @param variance DeLong's variance estimate of the AUC, &gt;= 0; NaN with fewer than two
 *     positives or negatives (the warnings say which)
 * @param positives total positive weight (the number of positives without weights)
 * @param negatives total negative weight (the number of negatives without weights)
 * @param warnings why the variance is undefined, if it is; never null
 */
public record DeLongAuc(double auc, double variance, double positives, double negatives, List<String> warnings) {

    /** Copies the warnings. */
    public DeLongAuc {
        warnings = List.copyOf(warnings);
    }

    /** sqrt(variance); NaN when the variance is undefined. */
    public double standardError() {
        return Math.sqrt(variance);
    }

    /**
     * The Wald interval {@code auc +- z * se}, z the two-sided normal critical value for
     * {@code level}, clipped to [0, 1]; exactly pROC's {@code ci.auc(method = "delong")}.
     * Bounds are NaN when the variance is undefined.
     *
     * @param level confidence level in (0, 1)
     */
    public ConfidenceInterval interval(double level) {
        double z = Normal.twoSidedCritical(level);
        double se = standardError();
        double lo = Math.max(0, auc - z * se);
        double hi = Math.min(1, auc + z * se);
        if (Double.isNaN(se)) {
            lo = Double.NaN;
            hi = Double.NaN;
        }
        return new ConfidenceInterval(auc, lo, hi, level, ConfidenceInterval.DELONG);
    }

    /**
     * The Wald interval on the logit scale, mapped back: {@code expit(logit(auc) +- z * se /
     * (auc (1 - auc)))} (delta method). It stays inside (0, 1) and is asymmetric near the
     * bounds, where the plain interval has to be clipped and under-covers. At an AUC of exactly 0
     * or 1 the variance is 0 and the interval is the point. Bounds are NaN when the variance is
     * undefined.
     *
     * @param level confidence level in (0, 1)
     */
    public ConfidenceInterval logitInterval(double level) {
        double z = Normal.twoSidedCritical(level);
        double se = standardError();
        double lo;
        double hi;
        if (Double.isNaN(se) || Double.isNaN(auc)) {
            lo = Double.NaN;
            hi = Double.NaN;
        } else if (auc <= 0 || auc >= 1 || se == 0) {
            lo = auc;
            hi = auc;
        } else {
            double center = Math.log(auc / (1 - auc));
            double half = z * se / (auc * (1 - auc));
            lo = expit(center - half);
            hi = expit(center + half);
        }
        return new ConfidenceInterval(auc, lo, hi, level, ConfidenceInterval.DELONG_LOGIT);
    }

    private static double expit(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }
}

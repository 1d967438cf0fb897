package org.discern.metrics;

import java.util.List;

/**
 * A test of the difference between two ROC AUCs, {@code a - b}.
 *
 * <p>Made by {@link DeLong} (paired: both columns score the same samples, the covariance of the
 * two AUCs enters the variance of the difference; unpaired: independent samples, covariance 0)
 * or by {@link Bootstrap#compare} (paired bootstrap: the standard deviation of the replicate
 * differences replaces the DeLong standard error, as pROC's {@code roc.test(method =
 * "bootstrap")}). The z statistic is {@code difference / se}; the p-value is two-sided,
 * {@code 2 * P(Z > |z|)}, Z standard normal, except for the unpaired DeLong test, whose statistic
 * is referred to Student's t with Welch-Satterthwaite degrees of freedom, as pROC's
 * {@code roc.test(paired = FALSE)} does ({@link #degreesOfFreedom()}, and the interval of the
 * difference uses the t critical value). When the difference and its standard error are both 0
 * (identical models) z is 0 and p is 1, not 0/0; two columns holding the same scores are
 * compared all the same (z = 0, p = 1, as pROC answers), with a warning.
 *
 * @param a name of the first model
 * @param b name of the second model
 * @param aucA ROC AUC of a
 * @param aucB ROC AUC of b
 * @param difference aucA - aucB
 * @param differenceLower lower bound of the interval of the difference (clipped to [-1, 1])
 * @param differenceUpper upper bound of the interval of the difference (clipped to [-1, 1])
 * @param level confidence level of the interval
 * @param varianceA variance of aucA (DeLong, or bootstrap variance)
 * @param varianceB variance of aucB
 * @param covariance covariance of aucA and aucB (0 when unpaired)
 * @param z difference divided by its standard error
 * @param pValue two-sided p-value of "no difference"
 * @param pValueHolm p-value adjusted by Holm's step-down method over all comparisons made
 *     together (equal to {@code pValue} for a single comparison)
 * @param paired whether the test used the pairing of the samples
 * @param method {@code "delong"} or {@code "bootstrap"}
 * @param warnings why a value is undefined, if one is; never null
 * @param degreesOfFreedom degrees of freedom of the t distribution the statistic {@code z} is
 *     referred to (the unpaired DeLong test); NaN when it is referred to the standard normal, or
 *     when both variances are 0 (then p is 1 or 0 whatever the df)
 */
public record AucComparison(String a, String b, double aucA, double aucB, double difference,
        double differenceLower, double differenceUpper, double level, double varianceA,
        double varianceB, double covariance, double z, double pValue, double pValueHolm,
        boolean paired, String method, List<String> warnings, double degreesOfFreedom) {

    /** Copies the warnings. */
    public AucComparison {
        warnings = List.copyOf(warnings);
    }

    /** A comparison whose statistic is referred to the standard normal (no degrees of freedom). */
    public AucComparison(String a, String b, double aucA, double aucB, double difference,
            double differenceLower, double differenceUpper, double level, double varianceA,
            double varianceB, double covariance, double z, double pValue, double pValueHolm,
            boolean paired, String method, List<String> warnings) {
        this(a, b, aucA, aucB, difference, differenceLower, differenceUpper, level, varianceA, varianceB,
                covariance, z, pValue, pValueHolm, paired, method, warnings, Double.NaN);
    }

    /** The interval of the difference {@code aucA - aucB}. */
    public ConfidenceInterval differenceInterval() {
        return new ConfidenceInterval(difference, differenceLower, differenceUpper, level, method);
    }

    /** Standard error of the difference used for z ({@code difference / z} unless z is 0). */
    public double standardError() {
        return Math.sqrt(Math.max(0, varianceA + varianceB - 2 * covariance));
    }

    /**
     * This comparison, with a warning when the two columns compared hold the same scores (the
     * same column given twice, say): the test is still made, as pROC's {@code roc.test} makes it,
     * and gives difference 0, z = 0 and p = 1.
     */
    AucComparison flagIdentical(double[] scoresA, double[] scoresB) {
        if (!java.util.Arrays.equals(scoresA, scoresB)) {
            return this;
        }
        List<String> w = new java.util.ArrayList<>(warnings);
        w.add(identicalWarning(a, b));
        return new AucComparison(a, b, aucA, aucB, difference, differenceLower, differenceUpper,
                level, varianceA, varianceB, covariance, z, pValue, pValueHolm, paired, method, w,
                degreesOfFreedom);
    }

    /** The warning of {@link #flagIdentical}. */
    static String identicalWarning(String a, String b) {
        return a + " and " + b + " hold identical scores: the difference is 0, so z = 0 and p = 1";
    }

    AucComparison withHolm(double adjusted) {
        return new AucComparison(a, b, aucA, aucB, difference, differenceLower, differenceUpper,
                level, varianceA, varianceB, covariance, z, pValue, adjusted, paired, method, warnings,
                degreesOfFreedom);
    }

    /**
     * z, two-sided p and interval of a difference with standard error {@code se}; identical
     * models (difference 0 and se 0) give z = 0 and p = 1.
     */
    static double[] zTest(double difference, double se, double level) {
        return test(difference, se, Double.POSITIVE_INFINITY, level);
    }

    /**
     * As {@link #zTest} with the statistic referred to Student's t with {@code df} degrees of
     * freedom (+Infinity: the normal; NaN, only possible with se 0: the statistic is 0 or
     * infinite and p is 1 or 0 whatever the df, and the interval is the point).
     */
    static double[] test(double difference, double se, double df, double level) {
        double z;
        if (Double.isNaN(difference) || Double.isNaN(se)) {
            z = Double.NaN;
        } else if (difference == 0) {
            z = 0;
        } else {
            z = difference / se; // +-Infinity when se == 0
        }
        double p;
        double crit;
        if (Double.isNaN(z)) {
            p = Double.NaN;
            crit = Double.NaN;
        } else if (df == Double.POSITIVE_INFINITY || Double.isNaN(df)) {
            p = Math.min(1, 2 * Normal.survival(Math.abs(z)));
            crit = Normal.twoSidedCritical(level);
        } else {
            p = Math.min(1, 2 * StudentT.survival(Math.abs(z), df));
            crit = StudentT.twoSidedCritical(level, df);
        }
        double lo = Math.max(-1, difference - crit * se);
        double hi = Math.min(1, difference + crit * se);
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            lo = Double.NaN;
            hi = Double.NaN;
        }
        return new double[] {z, p, lo, hi};
    }
}

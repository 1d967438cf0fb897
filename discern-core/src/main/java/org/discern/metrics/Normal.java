package org.discern.metrics;

/**
 * The standard normal distribution to double precision: the distribution function from W. J.
 * Cody's rational Chebyshev approximations (Cody 1969; ACM TOMS Algorithm 715, 1993) and the
 * quantile function from M. J. Wichura's Algorithm AS 241 (PPND16, Applied Statistics 37, 1988).
 * These are the algorithms behind R's {@code pnorm} and {@code qnorm}, so p-values and interval
 * half-widths agree with pROC to the last few bits.
 *
 * <p>Accuracy: {@link #cdf(double)} and {@link #survival(double)} have a relative error of about
 * 1e-15 in both tails (the upper tail is computed directly, never as {@code 1 - cdf}, so
 * {@code survival(8)} is 6.2e-16 and not 0); {@link #quantile(double)} has a relative error of
 * about 1e-16 for p in [1e-300, 1 - 1e-16].
 */
public final class Normal {
    // Cody's coefficients for |x| <= 0.67448975 (qnorm(3/4))
    private static final double[] A = {2.2352520354606839287, 161.02823106855587881,
        1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113};
    private static final double[] B = {47.20258190468824187, 976.09855173777669322,
        10260.932208618978205, 45507.789335026729956};
    // for 0.67448975 < |x| <= sqrt(32)
    private static final double[] C = {0.39894151208813466764, 8.8831497943883759412,
        93.506656132177855979, 597.27027639480026226, 2494.5375852903726711,
        6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
        1.0765576773720192317e-8};
    private static final double[] D = {22.266688044328115691, 235.38790178262499861,
        1519.377599407554805, 6485.558298266760755, 18615.571640885098091,
        34900.952721145977266, 38912.003286093271411, 19685.429676859990727};
    // for |x| > sqrt(32)
    private static final double[] P = {0.21589853405795699, 0.1274011611602473639,
        0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5,
        0.02307344176494017303};
    private static final double[] Q = {1.28426009614491121, 0.468238212480865118,
        0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5};
    private static final double SQRT_32 = 5.656854249492380195206754896838;
    private static final double ONE_OVER_SQRT_2PI = 0.398942280401432677939946059934;
    private static final double HALF_ULP_OF_ONE = 1.1102230246251565e-16;

    private Normal() {
    }

    /**
     * P(Z &lt;= x) for a standard normal Z. NaN for NaN; 0 and 1 at the infinities.
     */
    public static double cdf(double x) {
        return x > 0 ? upperOfAbs(x, true) : lowerOfNonPositive(x);
    }

    /**
     * P(Z &gt; x) = 1 - {@link #cdf(double)}, computed without cancellation in the upper tail.
     */
    public static double survival(double x) {
        return cdf(-x);
    }

    /** P(Z &lt;= x) for x &lt;= 0 (or NaN). */
    private static double lowerOfNonPositive(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        return upperOfAbs(-x, false);
    }

    /**
     * With y = |x| &gt;= 0: returns P(Z &gt; y) when {@code complement} is false, and
     * P(Z &lt;= y) when it is true. Both are computed from the small one of the two tails.
     */
    private static double upperOfAbs(double y, boolean complement) {
        double tail; // P(Z > y)
        if (y <= 0.67448975) {
            double t;
            if (y > HALF_ULP_OF_ONE) {
                double ysq = y * y;
                double num = A[4] * ysq;
                double den = ysq;
                for (int i = 0; i < 3; i++) {
                    num = (num + A[i]) * ysq;
                    den = (den + B[i]) * ysq;
                }
                t = y * (num + A[3]) / (den + B[3]);
            } else {
                t = y * A[3] / B[3];
            }
            // central region: both tails are near 1/2, no cancellation problem either way
            return complement ? 0.5 + t : 0.5 - t;
        } else if (y <= SQRT_32) {
            double num = C[8] * y;
            double den = y;
            for (int i = 0; i < 7; i++) {
                num = (num + C[i]) * y;
                den = (den + D[i]) * y;
            }
            tail = expHalfSquare(y) * (num + C[7]) / (den + D[7]);
        } else if (y < 37.5193) {
            double ysq = 1.0 / (y * y);
            double num = P[5] * ysq;
            double den = ysq;
            for (int i = 0; i < 4; i++) {
                num = (num + P[i]) * ysq;
                den = (den + Q[i]) * ysq;
            }
            double r = ysq * (num + P[4]) / (den + Q[4]);
            r = (ONE_OVER_SQRT_2PI - r) / y;
            tail = expHalfSquare(y) * r;
        } else {
            tail = 0;
        }
        return complement ? 1.0 - tail : tail;
    }

    /**
     * exp(-y^2 / 2), with y^2 split as (a + d) where a is y rounded down to 1/16: the product
     * of the two exponentials keeps full relative accuracy for large y (Cody's device).
     */
    private static double expHalfSquare(double y) {
        double ysq = Math.floor(y * 16) / 16;
        double del = (y - ysq) * (y + ysq);
        return Math.exp(-ysq * ysq * 0.5) * Math.exp(-del * 0.5);
    }

    /**
     * The p-quantile of the standard normal distribution: the x with {@link #cdf(double)} = p.
     *
     * @param p in [0, 1]; 0 and 1 give the infinities
     * @throws IllegalArgumentException when p is outside [0, 1] or NaN
     */
    public static double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1], got " + p);
        }
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        double q = p - 0.5;
        if (Math.abs(q) <= 0.425) {
            double r = 0.180625 - q * q;
            return q * (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r
                    + 67265.770927008700853) * r + 45921.953931549871457) * r
                    + 13731.693765509461125) * r + 1971.5909503065514427) * r
                    + 133.14166789178437745) * r + 3.387132872796366608)
                    / (((((((r * 5226.495278852854561 + 28729.085735721942674) * r
                    + 39307.89580009271061) * r + 21213.794301586595867) * r
                    + 5394.1960214247511077) * r + 687.1870074920579083) * r
                    + 42.313330701600911252) * r + 1.0);
        }
        double r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
        double val;
        if (r <= 5) {
            r -= 1.6;
            val = (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r
                    + 0.24178072517745061177) * r + 1.27045825245236838258) * r
                    + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                    + 4.6303378461565452959) * r + 1.42343711074968357734)
                    / (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r
                    + 0.0151986665636164571966) * r + 0.14810397642748007459) * r
                    + 0.68976733498510000455) * r + 1.6763848301838038494) * r
                    + 2.05319162663775882187) * r + 1.0);
        } else {
            r -= 5;
            val = (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r
                    + 0.0012426609473880784386) * r + 0.026532189526576123093) * r
                    + 0.29656057182850489123) * r + 1.7848265399172913358) * r
                    + 5.4637849111641143699) * r + 6.6579046435011037772)
                    / (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r
                    + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r
                    + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
                    + 0.59983220655588793769) * r + 1.0);
        }
        return q < 0 ? -val : val;
    }

    /**
     * The two-sided critical value for a confidence level: {@code quantile((1 + level) / 2)},
     * e.g. 1.959963984540054 for 0.95.
     *
     * @param level in (0, 1)
     */
    public static double twoSidedCritical(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        // 1 - (1 - level) / 2 written as the upper quantile of the small tail, as R's qnorm does
        return -quantile((1 - level) / 2);
    }
}

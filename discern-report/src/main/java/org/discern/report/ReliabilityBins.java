package org.discern.report;

import java.util.Arrays;

/**
 * The bins of a reliability diagram: for each bin of predicted probability, the mean prediction,
 * the observed fraction of positives and the number of samples. Empty bins are left out.
 * Immutable; arrays are copied.
 */
public final class ReliabilityBins {
    private final double[] lower;
    private final double[] upper;
    private final double[] meanPredicted;
    private final double[] observed;
    private final double[] count;

    private ReliabilityBins(double[] lower, double[] upper, double[] meanPredicted, double[] observed,
            double[] count) {
        this.lower = lower;
        this.upper = upper;
        this.meanPredicted = meanPredicted;
        this.observed = observed;
        this.count = count;
    }

    /**
     * Bins from their parts (copied), e.g. the result of a calibration computation elsewhere.
     *
     * @throws IllegalArgumentException when lengths differ, a bin has lower &gt; upper or a
     *     negative count
     */
    public static ReliabilityBins of(double[] lower, double[] upper, double[] meanPredicted,
            double[] observed, double[] count) {
        int n = lower.length;
        if (upper.length != n || meanPredicted.length != n || observed.length != n || count.length != n) {
            throw new IllegalArgumentException("lower, upper, meanPredicted, observed and count must have "
                    + "one length, got " + n + ", " + upper.length + ", " + meanPredicted.length + ", "
                    + observed.length + ", " + count.length);
        }
        for (int i = 0; i < n; i++) {
            if (!(lower[i] <= upper[i])) {
                throw new IllegalArgumentException("bin " + i + " must have lower <= upper, got ["
                        + lower[i] + ", " + upper[i] + "]");
            }
            if (!(count[i] >= 0)) {
                throw new IllegalArgumentException("count[" + i + "] must be >= 0, got " + count[i]);
            }
        }
        return new ReliabilityBins(lower.clone(), upper.clone(), meanPredicted.clone(), observed.clone(),
                count.clone());
    }

    /**
     * Equal-width bins over [0, 1] (as scikit-learn's {@code calibration_curve(strategy="uniform")}):
     * bin k holds scores in [k/bins, (k+1)/bins), the last bin also 1.
     *
     * @param scores probabilities in [0, 1]
     * @param labels true for positives, same length
     * @param bins number of bins, &gt;= 1
     * @throws IllegalArgumentException on a score outside [0, 1], unequal lengths or bins &lt; 1
     */
    public static ReliabilityBins uniform(double[] scores, boolean[] labels, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        if (scores.length != labels.length) {
            throw new IllegalArgumentException("scores and labels must have one length, got "
                    + scores.length + " and " + labels.length);
        }
        double[] sum = new double[bins];
        double[] pos = new double[bins];
        double[] cnt = new double[bins];
        for (int i = 0; i < scores.length; i++) {
            double s = scores[i];
            if (!(s >= 0 && s <= 1)) {
                throw new IllegalArgumentException("scores[" + i + "] must be in [0, 1], got " + s);
            }
            int b = Math.min(bins - 1, (int) (s * bins));
            sum[b] += s;
            cnt[b]++;
            if (labels[i]) {
                pos[b]++;
            }
        }
        int m = 0;
        for (double c : cnt) {
            if (c > 0) {
                m++;
            }
        }
        double[] lo = new double[m];
        double[] hi = new double[m];
        double[] mean = new double[m];
        double[] obs = new double[m];
        double[] count = new double[m];
        int j = 0;
        for (int b = 0; b < bins; b++) {
            if (cnt[b] > 0) {
                lo[j] = (double) b / bins;
                hi[j] = (double) (b + 1) / bins;
                mean[j] = sum[b] / cnt[b];
                obs[j] = pos[b] / cnt[b];
                count[j] = cnt[b];
                j++;
            }
        }
        return new ReliabilityBins(lo, hi, mean, obs, count);
    }

    /** Number of (non-empty) bins. */
    public int size() {
        return lower.length;
    }

    /** Copy of the lower bin edges. */
    public double[] lower() {
        return lower.clone();
    }

    /** Copy of the upper bin edges. */
    public double[] upper() {
        return upper.clone();
    }

    /** Copy of the mean predicted probability per bin. */
    public double[] meanPredicted() {
        return meanPredicted.clone();
    }

    /** Copy of the observed fraction of positives per bin. */
    public double[] observed() {
        return observed.clone();
    }

    /** Copy of the number (or weight) of samples per bin. */
    public double[] count() {
        return count.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReliabilityBins r && Arrays.equals(lower, r.lower) && Arrays.equals(upper, r.upper)
                && Arrays.equals(meanPredicted, r.meanPredicted) && Arrays.equals(observed, r.observed)
                && Arrays.equals(count, r.count);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(meanPredicted) * 31 + Arrays.hashCode(count);
    }

    @Override
    public String toString() {
        return "ReliabilityBins[size=" + size() + "]";
    }
}

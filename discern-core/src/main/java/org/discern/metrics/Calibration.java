package org.discern.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.discern.metrics.internal.Checks;
import org.discern.metrics.internal.Weights;

/**
 * How well predicted probabilities match observed frequencies: the reliability curve, expected
 * and maximum calibration error, and the Brier score with its decomposition.
 *
 * <p><b>Bins.</b> {@code bins} bins with edges {@code e_0 < ... < e_bins} ({@link #edges()}): for
 * {@link CalibrationBinning#UNIFORM} {@code e_j = j * (1.0 / bins)} and {@code e_bins = 1}; for
 * {@link CalibrationBinning#QUANTILE} the quantiles of the probabilities (see there). A
 * probability p goes to bin j = the number of interior edges e_1..e_{bins-1} strictly below p, so
 * a value on an edge belongs to the bin below it, bin 0 is [e_0, e_1] and bin j &gt; 0 is
 * (e_j, e_{j+1}] (exactly scikit-learn's {@code calibration_curve}, {@code searchsorted} on the
 * interior edges). Only bins with positive total weight are listed (without weights: bins holding
 * at least one row), as scikit-learn drops empty bins. A row of weight 0 is no row: it takes no
 * part in the quantile edges, the counts or the sums.
 *
 * <p><b>Per bin</b> b, with weight W_b (rows without weights): mean predicted probability
 * p̄_b and observed frequency ō_b, both weighted means. Without weights these equal
 * scikit-learn's {@code prob_pred} and {@code prob_true}.
 *
 * <p><b>Summaries</b>, with W the total weight and ō the overall frequency of positives:
 * <ul>
 * <li>expected calibration error ECE = Σ_b (W_b / W) |ō_b - p̄_b|;</li>
 * <li>maximum calibration error MCE = max_b |ō_b - p̄_b| over the listed bins;</li>
 * <li>Brier score BS = Σ_i w_i (p_i - y_i)^2 / W (scikit-learn's {@code brier_score_loss});</li>
 * <li>Murphy's decomposition: reliability REL = Σ_b W_b (p̄_b - ō_b)^2 / W, resolution
 *     RES = Σ_b W_b (ō_b - ō)^2 / W, uncertainty UNC = ō (1 - ō).</li>
 * </ul>
 * With binned probabilities BS = REL - RES + UNC holds only when every bin holds a single
 * probability value. In general (Stephenson, Coelho and Jolliffe 2008)
 * {@code BS = REL - RES + UNC + WBV - 2 WBC} exactly, with the within-bin variance of the
 * probabilities WBV = Σ_i w_i (p_i - p̄_b)^2 / W and the within-bin covariance
 * WBC = Σ_i w_i (p_i - p̄_b)(y_i - ō_b) / W; both are reported.
 *
 * <p>Immutable; arrays are copied out.
 */
public final class Calibration {
    private final CalibrationBinning binning;
    private final double[] edges;
    // one entry per listed (non-empty) bin, in increasing probability order
    private final int[] binIndex;
    private final long[] counts;
    private final double[] binWeights;
    // sum of squared weights per listed bin (equals counts without weights): Kish's effective size
    private final double[] binSquaredWeights;
    private final double[] meanPredicted;
    private final double[] observed;
    private final double ece;
    private final double mce;
    private final double brier;
    private final double reliability;
    private final double resolution;
    private final double uncertainty;
    private final double withinBinVariance;
    private final double withinBinCovariance;
    private final double totalWeight;
    private final List<String> warnings;

    private Calibration(CalibrationBinning binning, double[] edges, int[] binIndex, long[] counts,
            double[] binWeights, double[] binSquaredWeights, double[] meanPredicted, double[] observed, double ece,
            double mce,
            double brier, double reliability, double resolution, double uncertainty, double withinBinVariance,
            double withinBinCovariance, double totalWeight, List<String> warnings) {
        this.binning = binning;
        this.edges = edges;
        this.binIndex = binIndex;
        this.counts = counts;
        this.binWeights = binWeights;
        this.binSquaredWeights = binSquaredWeights;
        this.meanPredicted = meanPredicted;
        this.observed = observed;
        this.ece = ece;
        this.mce = mce;
        this.brier = brier;
        this.reliability = reliability;
        this.resolution = resolution;
        this.uncertainty = uncertainty;
        this.withinBinVariance = withinBinVariance;
        this.withinBinCovariance = withinBinCovariance;
        this.totalWeight = totalWeight;
        this.warnings = List.copyOf(warnings);
    }

    /** Unweighted calibration with {@code bins} uniform bins. */
    public static Calibration of(double[] probabilities, boolean[] labels, int bins) {
        return of(probabilities, labels, null, bins, CalibrationBinning.UNIFORM);
    }

    /** As {@link #of(double[], boolean[], double[], int, CalibrationBinning)} with 0/1 labels. */
    public static Calibration of(double[] probabilities, int[] labels, double[] weights, int bins,
            CalibrationBinning binning) {
        return of(probabilities, Checks.binaryLabels(labels), weights, bins, binning);
    }

    /**
     * Calibration figures of binary probabilities.
     *
     * @param probabilities predicted probabilities of the positive class, each in [0, 1]
     * @param labels true for positives, same length
     * @param weights non-negative finite weights, or null for all 1
     * @param bins number of bins, &gt;= 1
     * @param binning bin placement
     * @throws IllegalArgumentException on empty input, unequal lengths, a probability outside
     *     [0, 1] (named with its index), a bad weight, bins &lt; 1 or a total weight of 0
     */
    public static Calibration of(double[] probabilities, boolean[] labels, double[] weights, int bins,
            CalibrationBinning binning) {
        Checks.notNull(probabilities, "probabilities");
        Checks.notNull(labels, "labels");
        Checks.notNull(binning, "binning");
        Checks.nonEmpty(probabilities.length, "probabilities");
        Checks.sameLength(probabilities.length, labels.length, "probabilities", "labels");
        Checks.weights(weights, probabilities.length);
        for (int i = 0; i < probabilities.length; i++) {
            double p = probabilities[i];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probabilities[" + i + "] must be in [0, 1], got " + p);
            }
        }
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        // a row of weight 0 is no row: not in the quantile edges, the counts or the sums
        int[] kept = Weights.keptRows(weights);
        if (kept != null) {
            probabilities = Weights.select(probabilities, kept);
            labels = Weights.select(labels, kept);
            weights = Weights.select(weights, kept);
        }
        int n = probabilities.length;
        double[] e = binning == CalibrationBinning.UNIFORM ? uniformEdges(bins) : quantileEdges(probabilities, bins);

        int[] bin = new int[n];
        long[] cnt = new long[bins];
        double[] w = new double[bins];
        double[] w2 = new double[bins];
        double[] sp = new double[bins];
        double[] sy = new double[bins];
        double total = 0;
        double totalY = 0;
        for (int i = 0; i < n; i++) {
            double p = probabilities[i];
            double wi = weights == null ? 1 : weights[i];
            int b = countBelow(e, bins, p);
            bin[i] = b;
            cnt[b]++;
            w[b] += wi;
            w2[b] += wi * wi;
            sp[b] += wi * p;
            if (labels[i]) {
                sy[b] += wi;
                totalY += wi;
            }
            total += wi;
        }
        int k = 0;
        for (int b = 0; b < bins; b++) {
            if (w[b] > 0) {
                k++;
            }
        }
        int[] idx = new int[k];
        long[] counts = new long[k];
        double[] bw = new double[k];
        double[] bw2 = new double[k];
        double[] mp = new double[k];
        double[] ob = new double[k];
        double[] meanP = new double[bins];
        double[] meanY = new double[bins];
        double oBar = totalY / total;
        double ece = 0;
        double mce = 0;
        double rel = 0;
        double res = 0;
        int j = 0;
        for (int b = 0; b < bins; b++) {
            if (!(w[b] > 0)) {
                continue;
            }
            meanP[b] = sp[b] / w[b];
            meanY[b] = sy[b] / w[b];
            idx[j] = b;
            counts[j] = cnt[b];
            bw[j] = w[b];
            bw2[j] = w2[b];
            mp[j] = meanP[b];
            ob[j] = meanY[b];
            double gap = Math.abs(meanY[b] - meanP[b]);
            ece += w[b] * gap;
            mce = Math.max(mce, gap);
            rel += w[b] * gap * gap;
            double d = meanY[b] - oBar;
            res += w[b] * d * d;
            j++;
        }
        double brier = 0;
        double wbv = 0;
        double wbc = 0;
        for (int i = 0; i < n; i++) {
            double wi = weights == null ? 1 : weights[i];
            double y = labels[i] ? 1 : 0;
            double p = probabilities[i];
            brier += wi * (p - y) * (p - y);
            double dp = p - meanP[bin[i]];
            wbv += wi * dp * dp;
            wbc += wi * dp * (y - meanY[bin[i]]);
        }
        List<String> warnings = new ArrayList<>();
        if (k < bins) {
            warnings.add((bins - k) + " of " + bins + " bins are empty and not listed");
        }
        return new Calibration(binning, e, idx, counts, bw, bw2, mp, ob, ece / total, mce, brier / total, rel / total,
                res / total, oBar * (1 - oBar), wbv / total, wbc / total, total, warnings);
    }

    /** numpy's {@code linspace(0, 1, bins + 1)}: i * (1 / bins), the last edge exactly 1. */
    static double[] uniformEdges(int bins) {
        double[] e = new double[bins + 1];
        double step = 1.0 / bins;
        for (int i = 0; i < bins; i++) {
            e[i] = i * step;
        }
        e[bins] = 1.0;
        return e;
    }

    /**
     * numpy's {@code percentile(p, linspace(0, 1, bins + 1) * 100)} with the default linear
     * method, reproduced operation by operation (including the round trip through percent and
     * numpy's two-sided lerp) so that edges equal numpy's to the last bit.
     */
    static double[] quantileEdges(double[] p, int bins) {
        double[] sorted = p.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double[] lin = uniformEdges(bins);
        double[] e = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            double q = lin[i] * 100 / 100;
            double virtual = q * (n - 1);
            double lower = Math.floor(virtual);
            int lo = (int) Math.min(lower, n - 1);
            int hi = Math.min(lo + 1, n - 1);
            double gamma = virtual - lower;
            double a = sorted[lo];
            double b = sorted[hi];
            double diff = b - a;
            e[i] = gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
        }
        return e;
    }

    /** The bin (0 .. bins-1) of probability p under these edges. */
    int binOf(double p) {
        return countBelow(edges, edges.length - 1, p);
    }

    /** Number of interior edges e[1..bins-1] strictly below p (numpy searchsorted, side left). */
    private static int countBelow(double[] e, int bins, double p) {
        int lo = 1;
        int hi = bins; // search in [1, bins)
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (e[mid] < p) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    /** The bin placement used. */
    public CalibrationBinning binning() {
        return binning;
    }

    /** Number of bins requested. */
    public int bins() {
        return edges.length - 1;
    }

    /** Copy of the bins + 1 edges (ascending; quantile edges may repeat). */
    public double[] edges() {
        return edges.clone();
    }

    /** Number of listed (non-empty) bins: the length of the per-bin arrays. */
    public int size() {
        return binIndex.length;
    }

    /** Copy of the position (0 .. bins-1) of each listed bin among all bins. */
    public int[] binIndex() {
        return binIndex.clone();
    }

    /** Copy of the number of rows in each listed bin. */
    public long[] counts() {
        return counts.clone();
    }

    /** Copy of the total weight of each listed bin (equals counts without weights). */
    public double[] binWeights() {
        return binWeights.clone();
    }

    /** Copy of the mean predicted probability per listed bin (scikit-learn's {@code prob_pred}). */
    public double[] meanPredicted() {
        return meanPredicted.clone();
    }

    /** Copy of the observed frequency of positives per listed bin (scikit-learn's {@code prob_true}). */
    public double[] observedFrequency() {
        return observed.clone();
    }

    /** Mean predicted probability of listed bin i. */
    public double meanPredicted(int i) {
        return meanPredicted[i];
    }

    /** Observed frequency of listed bin i. */
    public double observedFrequency(int i) {
        return observed[i];
    }

    /**
     * Kish's effective number of rows of listed bin i, W_b^2 / Σ w_i^2 over its rows: its row
     * count without weights (or with equal weights).
     */
    public double effectiveCount(int i) {
        return binWeights[i] * binWeights[i] / binSquaredWeights[i];
    }

    /**
     * Wilson score interval of the observed frequency of listed bin i (the default interval of a
     * reliability curve; see {@link BinomialInterval#wilson}), with Kish's effective count of the
     * bin as its n when rows are weighted.
     *
     * @param level confidence level in (0, 1)
     */
    public ConfidenceInterval observedInterval(int i, double level) {
        return BinomialInterval.wilson(observed[i], effectiveCount(i), level);
    }

    /** Expected calibration error (weight-averaged |observed - predicted| over bins). */
    public double expectedCalibrationError() {
        return ece;
    }

    /** Maximum calibration error over the listed bins. */
    public double maximumCalibrationError() {
        return mce;
    }

    /** Brier score: weighted mean of (p - y)^2, from the raw probabilities (not binned). */
    public double brierScore() {
        return brier;
    }

    /** Reliability term REL of the binned decomposition (smaller is better). */
    public double reliability() {
        return reliability;
    }

    /** Resolution term RES of the binned decomposition (larger is better). */
    public double resolution() {
        return resolution;
    }

    /** Uncertainty ō (1 - ō) of the labels. */
    public double uncertainty() {
        return uncertainty;
    }

    /** Within-bin variance of the probabilities, WBV. */
    public double withinBinVariance() {
        return withinBinVariance;
    }

    /** Within-bin covariance of probabilities and labels, WBC. */
    public double withinBinCovariance() {
        return withinBinCovariance;
    }

    /** Total weight W (rows without weights). */
    public double totalWeight() {
        return totalWeight;
    }

    /** Notes such as empty bins; never null. */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "Calibration[" + binning.label() + ", bins=" + bins() + ", listed=" + size() + ", ece=" + ece
                + ", brier=" + brier + "]";
    }
}

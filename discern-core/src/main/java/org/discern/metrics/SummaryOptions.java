package org.discern.metrics;

import java.util.Arrays;
import java.util.Objects;

import org.discern.metrics.internal.Checks;

/**
 * The options an {@link EvaluationSummary} is built with; every default lives here. Binary:
 * the positive label (as written in the input), the decision threshold and an optional maximum
 * false-positive rate of the partial ROC AUC. Multi-class: the k of each top-k accuracy. Any
 * task: the confidence level of DeLong intervals (a bootstrap result carries its own).
 *
 * <p>Immutable; {@code with...} methods return changed copies.
 */
public final class SummaryOptions {
    /** The positive label when none is given. */
    public static final String DEFAULT_POSITIVE_LABEL = "1";
    /** The decision threshold when none is given (positive iff score &gt;= threshold). */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private static final int[] DEFAULT_TOP_K = {2, 3};
    private static final SummaryOptions DEFAULTS = new SummaryOptions(DEFAULT_POSITIVE_LABEL, DEFAULT_THRESHOLD,
            Double.NaN, DEFAULT_TOP_K, BootstrapOptions.DEFAULT_LEVEL);

    private final String positiveLabel;
    private final double threshold;
    private final double maxFpr;
    private final int[] topK;
    private final double level;

    private SummaryOptions(String positiveLabel, double threshold, double maxFpr, int[] topK, double level) {
        this.positiveLabel = positiveLabel;
        this.threshold = threshold;
        this.maxFpr = maxFpr;
        this.topK = topK;
        this.level = level;
    }

    /** Positive label "1", threshold 0.5, no partial AUC, top-2 and top-3 accuracy, level 0.95. */
    public static SummaryOptions defaults() {
        return DEFAULTS;
    }

    /** A copy with the label value taken as positive, as in the input (binary). */
    public SummaryOptions withPositiveLabel(String label) {
        Checks.notNull(label, "label");
        return new SummaryOptions(label, threshold, maxFpr, topK, level);
    }

    /**
     * A copy with the decision threshold of the confusion matrix (binary).
     *
     * @param t any number but NaN (+-Infinity flag nothing or everything)
     */
    public SummaryOptions withThreshold(double t) {
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("threshold must not be NaN");
        }
        return new SummaryOptions(positiveLabel, t, maxFpr, topK, level);
    }

    /**
     * A copy that also reports the partial ROC AUC up to this false-positive rate (binary).
     *
     * @param m in (0, 1], or NaN for none
     */
    public SummaryOptions withMaxFpr(double m) {
        if (!Double.isNaN(m) && !(m > 0 && m <= 1)) {
            throw new IllegalArgumentException("maxFpr must be in (0, 1] or NaN, got " + m);
        }
        return new SummaryOptions(positiveLabel, threshold, m, topK, level);
    }

    /**
     * A copy with the k of each top-k accuracy, in output order (multi-class).
     *
     * @param ks each at least 1; none for no top-k accuracy
     */
    public SummaryOptions withTopK(int... ks) {
        Checks.notNull(ks, "ks");
        for (int i = 0; i < ks.length; i++) {
            if (ks[i] < 1) {
                throw new IllegalArgumentException("ks[" + i + "] must be >= 1, got " + ks[i]);
            }
        }
        return new SummaryOptions(positiveLabel, threshold, maxFpr, ks.clone(), level);
    }

    /**
     * A copy with the confidence level of DeLong intervals.
     *
     * @param l in (0, 1)
     */
    public SummaryOptions withLevel(double l) {
        ConfidenceInterval.checkLevel(l);
        return new SummaryOptions(positiveLabel, threshold, maxFpr, topK, l);
    }

    /** The label value taken as positive (binary). */
    public String positiveLabel() {
        return positiveLabel;
    }

    /** The decision threshold (binary). */
    public double threshold() {
        return threshold;
    }

    /** The maximum false-positive rate of the partial ROC AUC; NaN for none. */
    public double maxFpr() {
        return maxFpr;
    }

    /** Copy of the k of each top-k accuracy, in output order. */
    public int[] topK() {
        return topK.clone();
    }

    /** The confidence level of DeLong intervals. */
    public double level() {
        return level;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SummaryOptions s && positiveLabel.equals(s.positiveLabel)
                && Double.compare(threshold, s.threshold) == 0 && Double.compare(maxFpr, s.maxFpr) == 0
                && Arrays.equals(topK, s.topK) && Double.compare(level, s.level) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(positiveLabel, threshold, maxFpr, Arrays.hashCode(topK), level);
    }

    @Override
    public String toString() {
        return "SummaryOptions[positiveLabel=" + positiveLabel + ", threshold=" + threshold + ", maxFpr=" + maxFpr
                + ", topK=" + Arrays.toString(topK) + ", level=" + level + "]";
    }
}

package org.discern.metrics;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The threshold chosen by a {@link ThresholdCriterion}, with its confusion matrix and every
 * threshold metric there. Made by {@link Thresholds#best}.
 *
 * <p>When no candidate is eligible (a constraint nobody meets, or a criterion undefined
 * everywhere, e.g. Youden's J with one class only), the choice is <em>infeasible</em>: the
 * threshold and every metric are NaN, {@link #confusion()} is empty and {@link #warnings()} says
 * why. Metrics that are 0/0 at a feasible threshold are NaN as in {@link ConfusionMatrix}.
 *
 * <p>Immutable.
 */
public final class ThresholdChoice {
    private final ThresholdCriterion criterion;
    private final double threshold;
    private final int index;
    // null iff infeasible
    private final ConfusionMatrix confusion;
    private final double value;
    private final List<String> warnings;

    ThresholdChoice(ThresholdCriterion criterion, double threshold, int index, ConfusionMatrix confusion,
            double value, List<String> warnings) {
        this.criterion = criterion;
        this.threshold = threshold;
        this.index = index;
        this.confusion = confusion;
        this.value = value;
        this.warnings = List.copyOf(warnings);
    }

    /** The criterion this threshold optimises. */
    public ThresholdCriterion criterion() {
        return criterion;
    }

    /**
     * The chosen threshold (positive iff score &gt;= threshold): a score of the sample, or
     * {@code +Infinity} when flagging nothing is best, or NaN when infeasible.
     */
    public double threshold() {
        return threshold;
    }

    /**
     * Row of the chosen threshold in the {@link OperatingPoints} table: -1 for {@code +Infinity},
     * {@link Integer#MIN_VALUE} when infeasible.
     */
    public int index() {
        return index;
    }

    /** Whether a threshold was found. */
    public boolean feasible() {
        return confusion != null;
    }

    /** The confusion matrix at the threshold; empty when infeasible. */
    public Optional<ConfusionMatrix> confusion() {
        return Optional.ofNullable(confusion);
    }

    /** The criterion's value there ({@link ThresholdCriterion#value}); NaN when infeasible. */
    public double value() {
        return value;
    }

    /**
     * Expected cost per case when the criterion is {@link ThresholdCriterion.MinCost} (same as
     * {@link #value()}), otherwise NaN.
     */
    public double expectedCost() {
        return criterion instanceof ThresholdCriterion.MinCost ? value : Double.NaN;
    }

    /** Why the choice is infeasible or degenerate, in the order found; never null. */
    public List<String> warnings() {
        return warnings;
    }

    /** Precision (PPV); NaN if infeasible or nothing flagged. */
    public double precision() {
        return confusion == null ? Double.NaN : confusion.precision();
    }

    /** Recall (sensitivity, TPR); NaN if infeasible or no positives. */
    public double recall() {
        return confusion == null ? Double.NaN : confusion.recall();
    }

    /** Same as {@link #recall()}. */
    public double sensitivity() {
        return recall();
    }

    /** Specificity (TNR); NaN if infeasible or no negatives. */
    public double specificity() {
        return confusion == null ? Double.NaN : confusion.specificity();
    }

    /** Negative predictive value; NaN if infeasible or nothing predicted negative. */
    public double npv() {
        return confusion == null ? Double.NaN : confusion.npv();
    }

    /** False-positive rate; NaN if infeasible or no negatives. */
    public double falsePositiveRate() {
        return confusion == null ? Double.NaN : confusion.falsePositiveRate();
    }

    /** False-negative rate; NaN if infeasible or no positives. */
    public double falseNegativeRate() {
        return confusion == null ? Double.NaN : confusion.falseNegativeRate();
    }

    /** Accuracy; NaN if infeasible. */
    public double accuracy() {
        return confusion == null ? Double.NaN : confusion.accuracy();
    }

    /** Balanced accuracy; NaN if infeasible or a class is absent. */
    public double balancedAccuracy() {
        return confusion == null ? Double.NaN : confusion.balancedAccuracy();
    }

    /** F1; NaN if infeasible or tp + fp + fn = 0. */
    public double f1() {
        return confusion == null ? Double.NaN : confusion.f1();
    }

    /** F-beta (beta finite, &gt; 0); NaN if infeasible or undefined. */
    public double fBeta(double beta) {
        return confusion == null ? Double.NaN : confusion.fBeta(beta);
    }

    /** Matthews correlation; NaN if infeasible or a row or column of the matrix is empty. */
    public double mcc() {
        return confusion == null ? Double.NaN : confusion.mcc();
    }

    /** Youden's J; NaN if infeasible or a class is absent. */
    public double youdenJ() {
        return confusion == null ? Double.NaN : confusion.youdenJ();
    }

    /** Share of the (weighted) cases flagged positive; NaN if infeasible. */
    public double flaggedFraction() {
        if (confusion == null || confusion.total() == 0) {
            return Double.NaN;
        }
        return confusion.predictedPositives() / confusion.total();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ThresholdChoice)) {
            return false;
        }
        ThresholdChoice c = (ThresholdChoice) o;
        return criterion.equals(c.criterion) && Double.compare(threshold, c.threshold) == 0 && index == c.index
                && Objects.equals(confusion, c.confusion) && Double.compare(value, c.value) == 0
                && warnings.equals(c.warnings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(criterion, threshold, index, confusion, value, warnings);
    }

    @Override
    public String toString() {
        return "ThresholdChoice[" + criterion.spec() + ", threshold=" + threshold + ", value=" + value
                + ", confusion=" + confusion + "]";
    }
}

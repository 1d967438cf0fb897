package org.discern.metrics;

import java.util.ArrayList;
import java.util.List;

import org.discern.metrics.internal.Checks;

/**
 * Multi-class decisions by cost: per row, the Bayes decision (the class with the least expected
 * cost under the row's probabilities, {@link CostMatrix#decide}), its confusion matrix and
 * realised cost, beside the argmax decision (first maximum) and its realised cost under the same
 * costs.
 *
 * <p><b>Prior correction.</b> Probabilities calibrated at the training class priors
 * {@code pi(c)} can first be corrected to target priors {@code pi'(c)} (a
 * {@link PriorShiftCalibrator}): {@code p'(c) = p(c) pi'(c)/pi(c) / sum_j p(j) pi'(j)/pi(j)}.
 * Both decisions (Bayes and argmax) are then taken on the corrected probabilities.
 *
 * <p><b>Costs.</b> The realised cost of a row is {@code cost(true class, decision)} times the
 * row's weight; the mean is the total over the total weight. Ties in expected cost go to the
 * first class in column order, as argmax's first maximum.
 *
 * <p>Immutable; arrays never leak.
 */
public final class CostDecision {
    private final CostMatrix costs;
    // decisions[i]: the Bayes decision of row i
    private final int[] decisions;
    private final MulticlassConfusionMatrix bayes;
    private final MulticlassConfusionMatrix argmax;
    private final double bayesCost;
    private final double argmaxCost;
    private final double total;
    private final PriorShiftCalibrator shift;
    private final List<String> warnings;

    private CostDecision(CostMatrix costs, int[] decisions, MulticlassConfusionMatrix bayes,
            MulticlassConfusionMatrix argmax, double bayesCost, double argmaxCost, double total,
            PriorShiftCalibrator shift, List<String> warnings) {
        this.costs = costs;
        this.decisions = decisions;
        this.bayes = bayes;
        this.argmax = argmax;
        this.bayesCost = bayesCost;
        this.argmaxCost = argmaxCost;
        this.total = total;
        this.shift = shift;
        this.warnings = warnings;
    }

    /** As {@link #of(int[], double[], double[], CostMatrix, PriorShiftCalibrator)} without a prior correction. */
    public static CostDecision of(int[] labels, double[] probabilities, double[] weights, CostMatrix costs) {
        return of(labels, probabilities, weights, costs, null);
    }

    /**
     * Decides every row by least expected cost.
     *
     * @param labels true class of each row, in [0, K)
     * @param probabilities row-major n x K class probabilities (finite, &gt;= 0; in [0, 1] with a
     *     prior correction), columns in the order of {@code costs.classes()}
     * @param weights row weights (finite, &gt;= 0) or null for all 1
     * @param costs the K x K costs
     * @param shift a prior correction of K classes applied to the probabilities first, or null
     * @throws IllegalArgumentException on unequal sizes, a label out of range, an invalid
     *     probability or weight, a correction of another number of classes, or total weight 0
     */
    public static CostDecision of(int[] labels, double[] probabilities, double[] weights, CostMatrix costs,
            PriorShiftCalibrator shift) {
        Checks.notNull(labels, "labels");
        Checks.notNull(probabilities, "probabilities");
        Checks.notNull(costs, "costs");
        int k = costs.size();
        int n = labels.length;
        Checks.nonEmpty(n, "labels");
        if ((long) n * k != probabilities.length) {
            throw new IllegalArgumentException("probabilities must hold n x K = " + n + " x " + k + " values, got "
                    + probabilities.length);
        }
        Checks.weights(weights, n);
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= k) {
                throw new IllegalArgumentException("labels[" + i + "] must be in [0, " + k + "), got " + labels[i]);
            }
        }
        for (int i = 0; i < probabilities.length; i++) {
            double p = probabilities[i];
            if (!(p >= 0 && p < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("probabilities[" + (i / k) + "][" + (i % k)
                        + "] must be finite and >= 0, got " + p);
            }
        }
        double[] p = probabilities;
        if (shift != null) {
            if (shift.classes() != k) {
                throw new IllegalArgumentException("the prior correction has " + shift.classes() + " classes, the costs "
                        + k);
            }
            p = shift.applyRows(probabilities);
        }
        int[] decisions = new int[n];
        MulticlassConfusionMatrix.Accumulator bayes = new MulticlassConfusionMatrix.Accumulator(k);
        MulticlassConfusionMatrix.Accumulator argmax = new MulticlassConfusionMatrix.Accumulator(k);
        double bayesCost = 0;
        double argmaxCost = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double w = weights == null ? 1 : weights[i];
            int d = costs.decide(p, i * k);
            int a = 0;
            for (int j = 1; j < k; j++) {
                if (p[i * k + j] > p[i * k + a]) {
                    a = j;
                }
            }
            decisions[i] = d;
            bayes.add(labels[i], d, w);
            argmax.add(labels[i], a, w);
            bayesCost += w * costs.cost(labels[i], d);
            argmaxCost += w * costs.cost(labels[i], a);
            total += w;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("the total weight of the rows must be > 0");
        }
        List<String> warnings = new ArrayList<>(costs.warnings());
        return new CostDecision(costs, decisions, bayes.build(costs.classes()),
                argmax.build(costs.classes()), bayesCost, argmaxCost, total, shift,
                List.copyOf(warnings));
    }

    /** The costs. */
    public CostMatrix costs() {
        return costs;
    }

    /** The prior correction applied first, or null. */
    public PriorShiftCalibrator priorShift() {
        return shift;
    }

    /** Number of rows. */
    public int size() {
        return decisions.length;
    }

    /** The Bayes decision (class index) of row {@code i}. */
    public int decision(int i) {
        return decisions[i];
    }

    /** Copy of the Bayes decisions. */
    public int[] decisions() {
        return decisions.clone();
    }

    /** Confusion matrix of the Bayes decisions (rows = true class, columns = decided class). */
    public MulticlassConfusionMatrix confusion() {
        return bayes;
    }

    /** Confusion matrix of the argmax decisions (first maximum). */
    public MulticlassConfusionMatrix argmaxConfusion() {
        return argmax;
    }

    /** Realised total (weighted) cost of the Bayes decisions. */
    public double totalCost() {
        return bayesCost;
    }

    /** Realised mean cost per (weighted) row of the Bayes decisions. */
    public double meanCost() {
        return bayesCost / total;
    }

    /** Realised total (weighted) cost of the argmax decisions. */
    public double argmaxTotalCost() {
        return argmaxCost;
    }

    /** Realised mean cost per (weighted) row of the argmax decisions. */
    public double argmaxMeanCost() {
        return argmaxCost / total;
    }

    /** Total weight of the rows (the number of rows when unweighted). */
    public double totalWeight() {
        return total;
    }

    /** Warnings (the cost matrix's), in the order found. */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "CostDecision[rows=" + decisions.length + ", classes=" + costs.classes() + ", meanCost=" + meanCost()
                + ", argmaxMeanCost=" + argmaxMeanCost() + ", priorShift=" + (shift != null) + "]";
    }
}

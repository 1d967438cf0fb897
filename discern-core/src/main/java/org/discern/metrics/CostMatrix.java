package org.discern.metrics;

import java.util.ArrayList;
import java.util.List;

import org.discern.metrics.internal.Checks;

/**
 * The costs of multi-class decisions: {@code cost(actual, decided)} is what deciding class
 * {@code decided} costs when the true class is {@code actual} (rows = true class, columns =
 * decided class, as in a {@link MulticlassConfusionMatrix}). Costs are finite and
 * {@code >= 0}; a non-zero diagonal (a correct decision that costs something, e.g. the price of
 * a treatment) is allowed and carried as a warning, since it is more often a typo.
 *
 * <p>Immutable; arrays never leak.
 */
public final class CostMatrix {
    // costs[actual][decided], finite, >= 0
    private final double[][] costs;
    private final List<String> classes;
    private final List<String> warnings;

    private CostMatrix(double[][] costs, List<String> classes, List<String> warnings) {
        this.costs = costs;
        this.classes = classes;
        this.warnings = warnings;
    }

    /**
     * A K x K cost matrix.
     *
     * @param classes the K &gt;= 2 class names, in the order of rows and columns
     * @param costs K rows of K costs, rows = true class, columns = decided class
     * @throws IllegalArgumentException when not square K x K, or a cost is negative or not finite
     *     (naming its row and column)
     */
    public static CostMatrix of(List<String> classes, double[][] costs) {
        Checks.notNull(classes, "classes");
        Checks.notNull(costs, "costs");
        int k = classes.size();
        if (k < 2) {
            throw new IllegalArgumentException("a cost matrix needs at least 2 classes, got " + k);
        }
        if (costs.length != k) {
            throw new IllegalArgumentException("costs must have " + k + " rows (one per class), got " + costs.length);
        }
        double[][] c = new double[k][];
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Checks.notNull(costs[i], "costs[" + i + "]");
            if (costs[i].length != k) {
                throw new IllegalArgumentException("costs[" + i + "] must have " + k + " columns, got " + costs[i].length);
            }
            c[i] = costs[i].clone();
            for (int j = 0; j < k; j++) {
                if (!(c[i][j] >= 0 && c[i][j] < Double.POSITIVE_INFINITY)) {
                    throw new IllegalArgumentException("cost of deciding '" + classes.get(j) + "' for true '"
                            + classes.get(i) + "' must be finite and >= 0, got " + c[i][j]);
                }
            }
            if (c[i][i] != 0) {
                warnings.add("a correct decision of '" + classes.get(i) + "' costs " + c[i][i]
                        + " (non-zero diagonal)");
            }
        }
        return new CostMatrix(c, List.copyOf(classes), List.copyOf(warnings));
    }

    /** Number of classes K. */
    public int size() {
        return costs.length;
    }

    /** The class names, in row and column order. */
    public List<String> classes() {
        return classes;
    }

    /** Cost of deciding {@code decided} when the true class is {@code actual}. */
    public double cost(int actual, int decided) {
        return costs[actual][decided];
    }

    /** Copy of the matrix, rows = true class. */
    public double[][] costs() {
        double[][] out = new double[costs.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = costs[i].clone();
        }
        return out;
    }

    /** Warnings (non-zero diagonal entries). */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The Bayes decision of one row: the class {@code j} with the least expected cost
     * {@code sum_i p[i] * cost(i, j)}; the first such class on a tie (as argmax takes the first
     * maximum). Ties are exact: expected costs that are equal only mathematically may differ in
     * the last bit of their floating-point sums.
     *
     * @param p K class probabilities starting at {@code offset} (not necessarily summing to 1:
     *     the decision is the same for any positive multiple)
     */
    public int decide(double[] p, int offset) {
        int k = costs.length;
        int best = 0;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            double e = 0;
            for (int i = 0; i < k; i++) {
                e += p[offset + i] * costs[i][j];
            }
            if (e < bestCost) {
                bestCost = e;
                best = j;
            }
        }
        return best;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CostMatrix m && classes.equals(m.classes) && java.util.Arrays.deepEquals(costs, m.costs);
    }

    @Override
    public int hashCode() {
        return 31 * classes.hashCode() + java.util.Arrays.deepHashCode(costs);
    }

    @Override
    public String toString() {
        return "CostMatrix[classes=" + classes + ", costs=" + java.util.Arrays.deepToString(costs) + "]";
    }
}

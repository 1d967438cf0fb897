package org.discern.metrics;

import java.util.Arrays;

import org.discern.metrics.internal.Checks;

/** Adjustments of p-values for multiple comparisons. */
public final class PValues {
    private PValues() {
    }

    /**
     * Holm's (1979) step-down adjustment, controlling the family-wise error rate: with the m
     * defined p-values sorted ascending, p_(k) becomes max over j &lt;= k of min(1, (m - j + 1)
     * p_(j)) (1-based). NaN p-values stay NaN and do not count in m. The result is in the input
     * order.
     *
     * @param pValues each in [0, 1] or NaN
     * @throws IllegalArgumentException for a value outside [0, 1]
     */
    public static double[] holm(double[] pValues) {
        Checks.notNull(pValues, "pValues");
        int m = 0;
        for (int i = 0; i < pValues.length; i++) {
            double p = pValues[i];
            if (!Double.isNaN(p) && !(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("pValues[" + i + "] must be in [0, 1] or NaN, got " + p);
            }
            if (!Double.isNaN(p)) {
                m++;
            }
        }
        int[] order = new int[m];
        int k = 0;
        for (int i = 0; i < pValues.length; i++) {
            if (!Double.isNaN(pValues[i])) {
                order[k++] = i;
            }
        }
        // stable insertion sort by p: m is a number of comparisons, small
        for (int j = 1; j < m; j++) {
            int v = order[j];
            int t = j - 1;
            while (t >= 0 && pValues[order[t]] > pValues[v]) {
                order[t + 1] = order[t];
                t--;
            }
            order[t + 1] = v;
        }
        double[] out = new double[pValues.length];
        Arrays.fill(out, Double.NaN);
        double running = 0;
        for (int j = 0; j < m; j++) {
            int i = order[j];
            running = Math.max(running, Math.min(1, (m - j) * pValues[i]));
            out[i] = running;
        }
        return out;
    }
}

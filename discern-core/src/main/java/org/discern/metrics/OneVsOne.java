package org.discern.metrics;

/**
 * The classes that take part in one-vs-one (Hand &amp; Till) sums, and the averages over their
 * pairs. Only a class with at least one sample has a non-zero sum, so the sums are held for those
 * classes only: {@code u[slot(a)][slot(b)]}, a table of P x P for the P &lt;= min(n, K) classes
 * present, never K x K (16,000 classes of 200 rows need 200 x 200 sums, not 16,000 x 16,000).
 * Package-private plumbing of {@link MulticlassEvaluation} and {@link Bootstrap}.
 */
final class OneVsOne implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** slot[c] = position of class c among the classes with samples, or -1 when it has none. */
    final int[] slot;
    /** present[s] = the class at slot s, ascending. */
    final int[] present;

    private OneVsOne(int[] slot, int[] present) {
        this.slot = slot;
        this.present = present;
    }

    /** The classes of {@code labels} (each in [0, k), already checked) that have samples. */
    static OneVsOne of(int[] labels, int k) {
        int[] slot = new int[k];
        for (int y : labels) {
            slot[y] = 1;
        }
        int p = 0;
        for (int c = 0; c < k; c++) {
            slot[c] = slot[c] == 0 ? -1 : p++;
        }
        int[] present = new int[p];
        for (int c = 0; c < k; c++) {
            if (slot[c] >= 0) {
                present[slot[c]] = c;
            }
        }
        return new OneVsOne(slot, present);
    }

    /** The classes c with {@code hasRows[c]} (merged summaries know them from their row counts). */
    static OneVsOne ofPresent(boolean[] hasRows) {
        int k = hasRows.length;
        int[] slot = new int[k];
        int p = 0;
        for (int c = 0; c < k; c++) {
            slot[c] = hasRows[c] ? p++ : -1;
        }
        int[] present = new int[p];
        for (int c = 0; c < k; c++) {
            if (slot[c] >= 0) {
                present[slot[c]] = c;
            }
        }
        return new OneVsOne(slot, present);
    }

    /** Number of classes with samples. */
    int size() {
        return present.length;
    }

    /**
     * Hand &amp; Till's M (or its prevalence-weighted form) over the pairs of classes with
     * non-zero support, in ascending class order: each pair's A(a, b) = (u[a][b] / (W_a W_b) +
     * u[b][a] / (W_b W_a)) / 2, weighted by 1 or by (W_a + W_b) / total. Rows of {@code u} are
     * indexed by slot; a row may be null for a class of zero support (it is never read).
     *
     * @return the mean, NaN when no pair has two classes of non-zero support
     */
    double average(double[][] u, double[] support, double total, boolean byPrevalence) {
        double s = 0;
        double ws = 0;
        for (int i = 0; i < present.length; i++) {
            int a = present[i];
            if (support[a] == 0) {
                continue;
            }
            for (int j = i + 1; j < present.length; j++) {
                int b = present[j];
                if (support[b] == 0) {
                    continue;
                }
                double pair = (u[i][j] / (support[a] * support[b]) + u[j][i] / (support[b] * support[a])) / 2;
                double wgt = byPrevalence ? (support[a] + support[b]) / total : 1;
                s += wgt * pair;
                ws += wgt;
            }
        }
        return ws == 0 ? Double.NaN : s / ws;
    }
}

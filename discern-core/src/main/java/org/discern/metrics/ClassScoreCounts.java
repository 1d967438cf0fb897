package org.discern.metrics;

import java.util.Arrays;

import org.discern.metrics.internal.Checks;
import org.discern.metrics.internal.Sorting;
import org.discern.metrics.internal.Weights;

/**
 * A mergeable exact summary of one score column of a multi-class sample: for every distinct
 * score and every true class present at it, the (weighted) number of samples. Merging adds the
 * counts of equal (score, class) entries, associatively and commutatively.
 *
 * <p>From it come the one-vs-rest {@link ScoreCounts} of any class ({@link #oneVsRest(int)}), the
 * one-vs-one Mann-Whitney sums of the column's class against every other class
 * ({@link #oneVsOneSums}), and so, over the K columns of a {@link MulticlassCounts}, every
 * ranking number of a {@link MulticlassEvaluation}.
 *
 * <p>Entries are ordered by score descending, then class ascending. Size: one entry per distinct
 * (score, class) pair, at most one per sample.
 *
 * <p>Instances are immutable; arrays never leak.
 * {@link java.io.Serializable}, so that a distributed engine can ship it between processes.
 */
public final class ClassScoreCounts implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final int k;
    // scores[e] >= scores[e + 1]; classes[e] < classes[e + 1] when the scores are equal
    private final double[] scores;
    private final int[] classes;
    // weights[e] = summed weight of the samples of class classes[e] scoring scores[e]
    private final double[] weights;
    // rows[e] = their number; null when unweighted (the weights are the numbers)
    private final long[] rows;

    private ClassScoreCounts(int k, double[] scores, int[] classes, double[] weights, long[] rows) {
        this.k = k;
        this.scores = scores;
        this.classes = classes;
        this.weights = weights;
        this.rows = rows;
    }

    /**
     * The summary of one score column.
     *
     * @param column finite scores, one per sample
     * @param labels true class of each sample, in [0, k)
     * @param k number of classes, at least 2
     * @param weights sample weights (finite, &gt;= 0, not all 0) or null for all 1; a row of weight 0 is
     *     the same as no row
     * @throws IllegalArgumentException on invalid input, naming the index and the value
     */
    public static ClassScoreCounts of(double[] column, int[] labels, int k, double[] weights) {
        Checks.notNull(column, "column");
        check(column.length, labels, k, weights);
        Checks.finiteScores(column, "column");
        return fromOrder(Sorting.argsort(column), column, null, labels, k, weights);
    }

    /** The summary of a float score column; see {@link #of(double[], int[], int, double[])}. */
    public static ClassScoreCounts of(float[] column, int[] labels, int k, double[] weights) {
        Checks.notNull(column, "column");
        check(column.length, labels, k, weights);
        Checks.finiteScores(column, "column");
        return fromOrder(Sorting.argsort(column), null, column, labels, k, weights);
    }

    private static void check(int n, int[] labels, int k, double[] weights) {
        Checks.notNull(labels, "labels");
        Checks.nonEmpty(n, "column");
        Checks.sameLength(n, labels.length, "column", "labels");
        Checks.weights(weights, n);
        Weights.notAllZero(weights);
        checkLabels(labels, k);
    }

    private static void checkLabels(int[] labels, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be >= 2, got " + k);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= k) {
                throw new IllegalArgumentException("labels[" + i + "] must be in [0, " + k + "), got " + labels[i]);
            }
        }
    }

    /**
     * Walks a stable ascending order from its end; within a run of equal scores, sums per class.
     * Rows of weight 0 are left out.
     */
    static ClassScoreCounts fromOrder(int[] order, double[] d, float[] f, int[] labels, int k, double[] weights) {
        int n = order.length;
        double[] s = new double[n];
        int[] c = new int[n];
        double[] w = new double[n];
        long[] r = weights == null ? null : new long[n];
        double[] sum = new double[k];
        long[] count = new long[k];
        int[] touched = new int[k];
        int e = 0;
        int q = n - 1;
        while (q >= 0) {
            double score = d != null ? d[order[q]] : f[order[q]];
            int g = q;
            while (g > 0 && (d != null ? d[order[g - 1]] : f[order[g - 1]]) == score) {
                g--;
            }
            int t = 0;
            for (int x = q; x >= g; x--) {
                int idx = order[x];
                if (weights != null && weights[idx] == 0) {
                    continue; // a sample of weight 0 is the same as no sample
                }
                int y = labels[idx];
                if (count[y] == 0) {
                    touched[t++] = y;
                }
                count[y]++;
                sum[y] += weights == null ? 1 : weights[idx];
            }
            Arrays.sort(touched, 0, t);
            for (int x = 0; x < t; x++) {
                int y = touched[x];
                s[e] = score + 0.0;
                c[e] = y;
                w[e] = sum[y];
                if (r != null) {
                    r[e] = count[y];
                }
                e++;
                sum[y] = 0;
                count[y] = 0;
            }
            q = g - 1;
        }
        return new ClassScoreCounts(k, Arrays.copyOf(s, e), Arrays.copyOf(c, e), Arrays.copyOf(w, e),
                r == null ? null : Arrays.copyOf(r, e));
    }

    /**
     * A summary from counts aggregated elsewhere.
     *
     * @param k number of classes, at least 2
     * @param scores entry scores, descending (equal scores for the entries of one distinct score)
     * @param classes entry classes in [0, k), ascending within equal scores
     * @param weights summed weight per entry, finite and &gt;= 0
     * @param rows number of samples per entry (at least 1), or null when unweighted (the weights
     *     are then whole numbers, at least 1)
     * @throws IllegalArgumentException when an argument breaks its constraint, naming the index
     */
    public static ClassScoreCounts fromEntries(int k, double[] scores, int[] classes, double[] weights, long[] rows) {
        Checks.notNull(scores, "scores");
        Checks.notNull(classes, "classes");
        Checks.notNull(weights, "weights");
        int m = scores.length;
        Checks.nonEmpty(m, "scores");
        Checks.sameLength(m, classes.length, "scores", "classes");
        Checks.sameLength(m, weights.length, "scores", "weights");
        if (rows != null) {
            Checks.sameLength(m, rows.length, "scores", "rows");
        }
        if (k < 2) {
            throw new IllegalArgumentException("k must be >= 2, got " + k);
        }
        Checks.weights(weights, m);
        double[] s = new double[m];
        for (int e = 0; e < m; e++) {
            if (!Double.isFinite(scores[e])) {
                throw new IllegalArgumentException("scores[" + e + "] must be finite, got " + scores[e]);
            }
            if (classes[e] < 0 || classes[e] >= k) {
                throw new IllegalArgumentException("classes[" + e + "] must be in [0, " + k + "), got " + classes[e]);
            }
            if (e > 0 && !(scores[e] < scores[e - 1] || scores[e] == scores[e - 1] && classes[e] > classes[e - 1])) {
                throw new IllegalArgumentException("entries must be ordered by score descending, then class ascending;"
                        + " entry " + e + " (" + scores[e] + ", " + classes[e] + ") follows (" + scores[e - 1] + ", "
                        + classes[e - 1] + ")");
            }
            long count = rows != null ? rows[e] : (long) weights[e];
            if (rows == null && weights[e] != Math.rint(weights[e]) || count < 1) {
                throw new IllegalArgumentException("entry " + e + " must count at least one sample (whole numbers "
                        + "when unweighted), got weight " + weights[e] + (rows == null ? "" : " and rows " + rows[e]));
            }
            s[e] = scores[e] + 0.0;
        }
        return new ClassScoreCounts(k, s, classes.clone(), weights.clone(), rows == null ? null : rows.clone());
    }

    // ---------------------------------------------------------------- merging and splitting

    /**
     * The summary of both samples together.
     *
     * @throws IllegalArgumentException when the numbers of classes differ
     */
    public ClassScoreCounts merge(ClassScoreCounts other) {
        Checks.notNull(other, "other");
        if (k != other.k) {
            throw new IllegalArgumentException("summaries of " + k + " and " + other.k + " classes cannot be merged");
        }
        int a = scores.length;
        int b = other.scores.length;
        boolean weighted = rows != null || other.rows != null;
        double[] s = new double[a + b];
        int[] c = new int[a + b];
        double[] w = new double[a + b];
        long[] r = weighted ? new long[a + b] : null;
        int i = 0;
        int j = 0;
        int e = 0;
        while (i < a || j < b) {
            int order = i >= a ? 1 : j >= b ? -1 : compare(scores[i], classes[i], other.scores[j], other.classes[j]);
            if (order <= 0) {
                s[e] = scores[i];
                c[e] = classes[i];
                w[e] += weights[i];
                if (weighted) {
                    r[e] += rows(i);
                }
                i++;
            }
            if (order >= 0) {
                s[e] = other.scores[j];
                c[e] = other.classes[j];
                w[e] += other.weights[j];
                if (weighted) {
                    r[e] += other.rows(j);
                }
                j++;
            }
            e++;
        }
        return new ClassScoreCounts(k, Arrays.copyOf(s, e), Arrays.copyOf(c, e), Arrays.copyOf(w, e),
                weighted ? Arrays.copyOf(r, e) : null);
    }

    /**
     * The summary of all parts together (merged pairwise, so each entry is copied O(log parts)
     * times).
     *
     * @throws IllegalArgumentException when the list is empty or the numbers of classes differ
     */
    public static ClassScoreCounts mergeAll(java.util.List<ClassScoreCounts> parts) {
        return Merging.pairwise(parts, ClassScoreCounts::merge);
    }

    /** Negative when entry (s1, c1) comes first: higher score, then lower class. */
    private static int compare(double s1, int c1, double s2, int c2) {
        if (s1 != s2) {
            return s1 > s2 ? -1 : 1;
        }
        return Integer.compare(c1, c2);
    }

    /**
     * Splits by score at descending boundaries, as {@link ScoreCounts#split(double[])}: part 0
     * holds the entries scoring {@code >= b[0]}, part r those in {@code [b[r], b[r - 1])}; a part
     * without entries is null.
     */
    public ClassScoreCounts[] split(double[] boundaries) {
        Checks.notNull(boundaries, "boundaries");
        for (int x = 0; x < boundaries.length; x++) {
            if (!Double.isFinite(boundaries[x]) || x > 0 && !(boundaries[x] < boundaries[x - 1])) {
                throw new IllegalArgumentException("boundaries must be finite and strictly descending, got "
                        + Arrays.toString(boundaries));
            }
        }
        ClassScoreCounts[] parts = new ClassScoreCounts[boundaries.length + 1];
        int from = 0;
        for (int x = 0; x <= boundaries.length; x++) {
            int to = from;
            if (x == boundaries.length) {
                to = scores.length;
            } else {
                while (to < scores.length && scores[to] >= boundaries[x]) {
                    to++;
                }
            }
            if (to > from) {
                parts[x] = from == 0 && to == scores.length ? this
                        : new ClassScoreCounts(k, Arrays.copyOfRange(scores, from, to),
                                Arrays.copyOfRange(classes, from, to), Arrays.copyOfRange(weights, from, to),
                                rows == null ? null : Arrays.copyOfRange(rows, from, to));
            }
            from = to;
        }
        return parts;
    }

    // ---------------------------------------------------------------- reading

    /** Number of classes K. */
    public int classCount() {
        return k;
    }

    /** Number of entries (distinct (score, class) pairs), at least 1. */
    public int size() {
        return scores.length;
    }

    /** Score of entry e (descending in e). */
    public double score(int e) {
        return scores[e];
    }

    /** True class of entry e. */
    public int classOf(int e) {
        return classes[e];
    }

    /** Summed weight of entry e. */
    public double weight(int e) {
        return weights[e];
    }

    /** Number of samples of entry e, whatever their weights. */
    public long rows(int e) {
        return rows == null ? (long) weights[e] : rows[e];
    }

    /** Whether the counts are sums of sample weights. */
    public boolean weighted() {
        return rows != null;
    }

    /** Summed weight per true class. */
    public double[] classWeights() {
        double[] out = new double[k];
        for (int e = 0; e < scores.length; e++) {
            out[classes[e]] += weights[e];
        }
        return out;
    }

    /** Number of samples per true class. */
    public long[] classRows() {
        long[] out = new long[k];
        for (int e = 0; e < scores.length; e++) {
            out[classes[e]] += rows(e);
        }
        return out;
    }

    // ---------------------------------------------------------------- views

    /**
     * The one-vs-rest summary of class c in this column: positives are the samples of class c,
     * negatives all others. Its negative count at a score adds the other classes' weights in
     * class order.
     */
    public ScoreCounts oneVsRest(int c) {
        checkClass(c);
        int m = scores.length;
        double[] s = new double[m];
        double[] p = new double[m];
        double[] q = new double[m];
        long[] pr = rows == null ? null : new long[m];
        long[] qr = rows == null ? null : new long[m];
        int d = -1;
        for (int e = 0; e < m; e++) {
            if (e == 0 || scores[e] != scores[e - 1]) {
                d++;
                s[d] = scores[e];
            }
            if (classes[e] == c) {
                p[d] += weights[e];
                if (pr != null) {
                    pr[d] += rows[e];
                }
            } else {
                q[d] += weights[e];
                if (qr != null) {
                    qr[d] += rows[e];
                }
            }
        }
        int size = d + 1;
        return ScoreCounts.fromDistinct(Arrays.copyOf(s, size), Arrays.copyOf(p, size), Arrays.copyOf(q, size),
                pr == null ? null : Arrays.copyOf(pr, size), qr == null ? null : Arrays.copyOf(qr, size));
    }

    /**
     * The one-vs-one Mann-Whitney sums of this column for class c over a run of entries:
     * {@code sums[b]} (b != c) adds, over the samples j of class b, {@code w_j} times the class-c
     * weight scoring above j plus half the class-c weight tied with j (as the multi-class
     * evaluation's one-vs-one AUC: divided by {@code W_c * W_b} it is the AUC of this column
     * separating class c from class b). {@code sums[c]} is 0.
     *
     * @param c the class this column scores
     * @param classWeightAbove class-c weight scoring above every entry of this summary (0 for a
     *     whole column; the cumulative class-c weight of the runs above for a run)
     */
    public double[] oneVsOneSums(int c, double classWeightAbove) {
        checkClass(c);
        double[] sums = new double[k];
        double above = classWeightAbove;
        int e = 0;
        while (e < scores.length) {
            int g = e;
            double own = 0;
            while (g < scores.length && scores[g] == scores[e]) {
                if (classes[g] == c) {
                    own += weights[g];
                }
                g++;
            }
            double credit = above + 0.5 * own;
            for (int x = e; x < g; x++) {
                if (classes[x] != c) {
                    sums[classes[x]] += weights[x] * credit;
                }
            }
            above += own;
            e = g;
        }
        return sums;
    }

    /** This summary with every weight multiplied by {@code f} (a power of two: exact). */
    ClassScoreCounts scaledBy(double f) {
        if (f == 1) {
            return this;
        }
        double[] w = weights.clone();
        long[] r = rows;
        if (r == null) {
            // unweighted counts scaled are weights; the row counts stay the numbers of samples
            r = new long[w.length];
            for (int e = 0; e < w.length; e++) {
                r[e] = (long) weights[e];
            }
        }
        for (int e = 0; e < w.length; e++) {
            w[e] *= f;
        }
        return new ClassScoreCounts(k, scores, classes, w, r);
    }

    private void checkClass(int c) {
        if (c < 0 || c >= k) {
            throw new IllegalArgumentException("class must be in [0, " + k + "), got " + c);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ClassScoreCounts)) {
            return false;
        }
        ClassScoreCounts x = (ClassScoreCounts) o;
        return k == x.k && Arrays.equals(scores, x.scores) && Arrays.equals(classes, x.classes)
                && Arrays.equals(weights, x.weights) && Arrays.equals(rows, x.rows);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(scores) * 31 + Arrays.hashCode(classes);
    }

    @Override
    public String toString() {
        return "ClassScoreCounts[classes=" + k + ", entries=" + scores.length + ", weighted=" + weighted() + "]";
    }
}

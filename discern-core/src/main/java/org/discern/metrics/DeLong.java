package org.discern.metrics;

import java.util.ArrayList;
import java.util.List;

import org.discern.metrics.internal.Checks;
import org.discern.metrics.internal.Sorting;
import org.discern.metrics.internal.Weights;

/**
 * DeLong's variance of the ROC AUC, its confidence interval, and DeLong tests comparing AUCs
 * (DeLong, DeLong and Clarke-Pearson 1988), computed from midranks as Sun and Xu (2014) showed:
 * one sort per score column, then linear work.
 *
 * <p><b>Method.</b> The placement value of a positive is the share of negatives scoring below
 * it, ties counting one half: {@code V10(x) = (#neg < x + #neg == x / 2) / n}; that of a negative
 * is the share of positives scoring above it: {@code V01(y) = (#pos > y + #pos == y / 2) / m}.
 * The AUC is the mean of either; its variance is {@code S10 / m + S01 / n} with {@code S10}
 * and {@code S01} the sample variances (denominators m - 1 and n - 1) of the placement values.
 * Placement values are constant within a run of tied scores, so they come straight from the
 * cumulative counts of the operating-point table: ties are handled exactly, and the variance
 * of a single column costs one pass over the distinct scores after the sort the AUC needs
 * anyway. The paired test needs the covariance of two columns' placement values per sample, so
 * it sorts each column once (radix argsort) and keeps the placement values per sample.
 * Results agree with R's pROC ({@code var(roc, method = "delong")}, {@code ci.auc},
 * {@code roc.test(paired = TRUE)}) to about 1e-13.
 *
 * <p><b>Weights.</b> pROC has none. Discern treats sample weights as <em>frequency</em> weights:
 * a sample of weight 2 counts as two identical samples. Placement values and the AUC are
 * weighted, {@code m} and {@code n} become the total positive and negative weights, and the
 * sums of squares are weighted. With unit weights this is DeLong exactly; with integer weights
 * it equals DeLong on the data with each row repeated weight times. Weights that are not
 * frequencies (normalised to sum to 1, or inverse-probability weights) make the variance
 * meaningless: use the {@link Bootstrap}, which resamples rows and keeps their weights. A row of
 * weight 0 is no row (it counts in neither class, not even towards the two rows a class needs).
 * As everywhere in Discern, weights whose largest value lies outside [2^-64, 2^64] are first
 * rescaled by a power of two (see {@link OperatingPoints}); frequency weights that large or small
 * are then read in those units.
 *
 * <p><b>Undefined values.</b> With fewer than two positive or two negative rows (with weights: a
 * total weight of a class not above 1, so that integer weights agree with repeated rows) the
 * variance is NaN, and so are the interval bounds and the tests that need it; the result carries
 * a warning saying which class is short. The AUC itself
 * is NaN only when a class is absent. A perfectly separated sample has variance 0 and an
 * interval of width 0.
 *
 * <p><b>Caveats.</b> The interval is a normal (Wald) approximation: with few positives, or an
 * AUC near 0 or 1, it is too narrow and is clipped to [0, 1]; the logit-scale interval
 * ({@link DeLongAuc#logitInterval(double)}) or the bootstrap behave better there.
 */
public final class DeLong {
    private DeLong() {
    }

    // ---------------------------------------------------------------- one column

    /**
     * DeLong variance of the AUC of an operating-point table: no further sort, one pass over
     * its rows. The AUC is {@link BinaryEvaluation#rocAuc()} of the same table.
     */
    public static DeLongAuc auc(OperatingPoints points) {
        Checks.notNull(points, "points");
        double auc = BinaryEvaluation.of(points).rocAuc();
        double pw = points.positives();
        double nw = points.negatives();
        List<String> warnings = shortness(points.positiveRows(), points.negativeRows(), pw, nw);
        if (!warnings.isEmpty()) {
            return new DeLongAuc(auc, Double.NaN, pw, nw, warnings);
        }
        double ss10 = 0;
        double ss01 = 0;
        double tpPrev = 0;
        double fpPrev = 0;
        for (int i = 0; i < points.size(); i++) {
            double tp = points.truePositives(i);
            double fp = points.falsePositives(i);
            double tpc = tp - tpPrev;
            double fpc = fp - fpPrev;
            if (tpc != 0) {
                // positives at this score: negatives strictly below, plus half the tied ones
                double v10 = (nw - fp + 0.5 * fpc) / nw;
                double d = v10 - auc;
                ss10 += tpc * d * d;
            }
            if (fpc != 0) {
                // negatives at this score: positives strictly above, plus half the tied ones
                double v01 = (tpPrev + 0.5 * tpc) / pw;
                double d = v01 - auc;
                ss01 += fpc * d * d;
            }
            tpPrev = tp;
            fpPrev = fp;
        }
        double variance = ss10 / ((pw - 1) * pw) + ss01 / ((nw - 1) * nw);
        return new DeLongAuc(auc, variance, pw, nw, List.of());
    }

    /** DeLong variance of the AUC of double scores; weights may be null (see class notes). */
    public static DeLongAuc auc(double[] scores, boolean[] labels, double[] weights) {
        return auc(OperatingPoints.of(scores, labels, weights));
    }

    /** DeLong variance of the AUC of float scores; weights may be null (see class notes). */
    public static DeLongAuc auc(float[] scores, boolean[] labels, double[] weights) {
        return auc(OperatingPoints.of(scores, labels, weights));
    }

    /**
     * DeLong variance of every one-vs-rest AUC of a multi-class problem: class {@code c} is
     * positive, every other class negative, scored by column {@code c}.
     *
     * @param scores n rows of k scores ({@code scores[i][c]}), all rows of length k
     * @param labels class of each row, in [0, k)
     * @param weights sample weights or null
     * @return k results; a class absent from the labels has AUC NaN and a warning
     */
    public static List<DeLongAuc> oneVsRest(double[][] scores, int[] labels, double[] weights) {
        Checks.notNull(scores, "scores");
        Checks.notNull(labels, "labels");
        Checks.nonEmpty(scores.length, "scores");
        Checks.sameLength(scores.length, labels.length, "scores", "labels");
        int k = scores[0].length;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i].length != k) {
                throw new IllegalArgumentException("scores[" + i + "] must have " + k + " columns, got "
                        + scores[i].length);
            }
            if (labels[i] < 0 || labels[i] >= k) {
                throw new IllegalArgumentException("labels[" + i + "] must be in [0, " + k + "), got " + labels[i]);
            }
        }
        List<DeLongAuc> out = new ArrayList<>(k);
        double[] column = new double[scores.length];
        boolean[] positive = new boolean[scores.length];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < scores.length; i++) {
                column[i] = scores[i][c];
                positive[i] = labels[i] == c;
            }
            out.add(auc(column, positive, weights));
        }
        return out;
    }

    /**
     * DeLong variance of every one-vs-rest AUC of a multi-class evaluation, from its per-class
     * operating-point tables (no further sort). Classes absent from the data (or holding every
     * sample) have AUC NaN and a warning, as in the evaluation.
     */
    public static List<DeLongAuc> oneVsRest(MulticlassEvaluation evaluation) {
        Checks.notNull(evaluation, "evaluation");
        List<DeLongAuc> out = new ArrayList<>(evaluation.classCount());
        for (int c = 0; c < evaluation.classCount(); c++) {
            out.add(auc(evaluation.classEvaluation(c).operatingPoints()));
        }
        return out;
    }

    // ---------------------------------------------------------------- comparisons

    /**
     * Paired DeLong test of two score columns on the same samples, named "a" and "b"; see
     * {@link #compare(List, List, boolean[], double[], double)}.
     */
    public static AucComparison paired(double[] scoresA, double[] scoresB, boolean[] labels,
            double[] weights, double level) {
        return compare(List.of("a", "b"), List.of(scoresA, scoresB), labels, weights, level).get(0);
    }

    /**
     * Paired DeLong tests of every pair of score columns on the same samples (pROC's
     * {@code roc.test(method = "delong", paired = TRUE)}): for i &lt; j, in the order (0,1),
     * (0,2), ..., (1,2), ..., the difference {@code auc_i - auc_j}, its Wald interval, the
     * covariance of the two AUCs, z and the two-sided p-value, and the p-value adjusted by
     * Holm's method over all the pairs. Each column is sorted once. Two columns holding the same
     * scores (the same column given twice) give difference 0, z = 0 and p = 1, as pROC answers,
     * with a warning.
     *
     * @param names one name per column
     * @param columns at least two score columns, each as long as {@code labels}, finite
     * @param labels true for positives
     * @param weights frequency weights or null (see class notes)
     * @param level confidence level of the difference intervals, in (0, 1)
     */
    public static List<AucComparison> compare(List<String> names, List<double[]> columns,
            boolean[] labels, double[] weights, double level) {
        Checks.notNull(names, "names");
        Checks.notNull(columns, "columns");
        Checks.notNull(labels, "labels");
        ConfidenceInterval.checkLevel(level);
        if (columns.size() < 2) {
            throw new IllegalArgumentException("columns must hold at least 2 score columns, got " + columns.size());
        }
        Checks.sameLength(columns.size(), names.size(), "columns", "names");
        int n = labels.length;
        Checks.nonEmpty(n, "labels");
        for (int c = 0; c < columns.size(); c++) {
            double[] s = columns.get(c);
            Checks.notNull(s, "columns[" + c + "]");
            Checks.sameLength(n, s.length, "labels", "columns[" + c + "]");
            Checks.finiteScores(s, "columns[" + c + "]");
        }
        Checks.weights(weights, n);
        int[] kept = Weights.keptRows(weights);
        if (kept != null) {
            columns = columns.stream().map(c -> Weights.select(c, kept)).toList();
            labels = Weights.select(labels, kept);
            weights = Weights.select(weights, kept);
        }
        weights = Weights.scaled(weights);
        Placements[] pl = new Placements[columns.size()];
        for (int c = 0; c < pl.length; c++) {
            pl[c] = Placements.of(columns.get(c), labels, weights);
        }
        List<AucComparison> out = new ArrayList<>();
        for (int i = 0; i < pl.length; i++) {
            for (int j = i + 1; j < pl.length; j++) {
                out.add(pairedTest(names.get(i), pl[i], names.get(j), pl[j], level)
                        .flagIdentical(columns.get(i), columns.get(j)));
            }
        }
        return holm(out);
    }

    /**
     * Paired DeLong tests of two multi-class models class by class: for each class c, the
     * one-vs-rest AUC of column c of model a against that of model b on the same samples, named
     * {@code nameA + "[" + class + "]"}; p-values Holm-adjusted over the classes. A class absent
     * from the labels gives NaN values and a warning.
     *
     * @param scoresA n rows of K scores of model a
     * @param scoresB n rows of K scores of model b
     * @param labels class of each row, in [0, K)
     */
    public static List<AucComparison> compareOneVsRest(String nameA, double[][] scoresA, String nameB,
            double[][] scoresB, int[] labels, List<String> classes, double[] weights, double level) {
        Checks.notNull(classes, "classes");
        // validates shapes, labels and weights with the evaluation's messages
        MulticlassEvaluation.of(labels, scoresA, classes, weights);
        MulticlassEvaluation.of(labels, scoresB, classes, weights);
        int[] kept = Weights.keptRows(weights);
        if (kept != null) {
            scoresA = Weights.select(scoresA, kept);
            scoresB = Weights.select(scoresB, kept);
            labels = Weights.select(labels, kept);
            weights = Weights.select(weights, kept);
        }
        weights = Weights.scaled(weights);
        int n = labels.length;
        List<AucComparison> out = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            double[] a = new double[n];
            double[] b = new double[n];
            boolean[] y = new boolean[n];
            for (int i = 0; i < n; i++) {
                a[i] = scoresA[i][c];
                b[i] = scoresB[i][c];
                y[i] = labels[i] == c;
            }
            String cls = "[" + classes.get(c) + "]";
            out.add(pairedTest(nameA + cls, Placements.of(a, y, weights), nameB + cls,
                    Placements.of(b, y, weights), level).flagIdentical(a, b));
        }
        return holm(out);
    }

    /**
     * Unpaired DeLong test of two AUCs from independent samples, as pROC's {@code roc.test(paired
     * = FALSE, method = "delong")}: the statistic {@code D = (a - b) / sqrt(var_a + var_b)}
     * (covariance 0) is referred to Student's t with the Welch-Satterthwaite degrees of freedom
     * of pROC's {@code delong.unpaired.test}, {@code df = (var_a + var_b)^2 / (var_a^2 / (N_a - 1)
     * + var_b^2 / (N_b - 1))}, N the size of each sample (positives plus negatives; with
     * frequency weights their total weight). The interval of the difference uses the same t
     * critical value. The statistic is in {@code z}, the df in
     * {@link AucComparison#degreesOfFreedom()}; the AUCs, the variances and the statistic are
     * those of the normal-theory test, only the reference distribution differs (p is a little
     * larger: 0.1528 instead of 0.1513 for aSAH's wfns against s100b).
     */
    public static AucComparison unpaired(String nameA, DeLongAuc a, String nameB, DeLongAuc b, double level) {
        Checks.notNull(a, "a");
        Checks.notNull(b, "b");
        ConfidenceInterval.checkLevel(level);
        List<String> warnings = new ArrayList<>();
        a.warnings().forEach(w -> warnings.add(nameA + ": " + w));
        b.warnings().forEach(w -> warnings.add(nameB + ": " + w));
        double d = a.auc() - b.auc();
        double va = a.variance();
        double vb = b.variance();
        double df = welchSatterthwaite(va, a.positives() + a.negatives(), vb, b.positives() + b.negatives());
        double[] t = AucComparison.test(d, Math.sqrt(va + vb), df, level);
        if (d != 0 && va + vb == 0) {
            warnings.add("the AUC difference has variance 0: the statistic is infinite and p is 0");
        }
        return new AucComparison(nameA, nameB, a.auc(), b.auc(), d, t[2], t[3], level, va, vb, 0, t[0], t[1], t[1],
                false, ConfidenceInterval.DELONG, warnings, df);
    }

    /**
     * Welch-Satterthwaite degrees of freedom of a sum of two independent variance estimates from
     * samples of sizes na and nb (pROC's formula); NaN when a variance is undefined or both are 0.
     */
    static double welchSatterthwaite(double va, double na, double vb, double nb) {
        double sum = va + vb;
        if (!(sum > 0)) {
            return Double.NaN;
        }
        return sum * sum / (va * va / (na - 1) + vb * vb / (nb - 1));
    }

    /** Replaces each comparison's {@code pValueHolm} by the Holm adjustment over the list. */
    static List<AucComparison> holm(List<AucComparison> comparisons) {
        double[] p = new double[comparisons.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = comparisons.get(i).pValue();
        }
        double[] adjusted = PValues.holm(p);
        List<AucComparison> out = new ArrayList<>(p.length);
        for (int i = 0; i < p.length; i++) {
            out.add(comparisons.get(i).withHolm(adjusted[i]));
        }
        return List.copyOf(out);
    }

    private static AucComparison pairedTest(String nameA, Placements a, String nameB, Placements b, double level) {
        return pairedTest(nameA, new DeLongAuc(a.auc, a.variance, a.pw, a.nw, a.warnings), nameB,
                new DeLongAuc(b.auc, b.variance, b.pw, b.nw, b.warnings), Placements.covariance(a, b), level);
    }

    /**
     * Paired DeLong test of two score columns on the same samples from sums made elsewhere (a
     * distributed job that joins each sample's placement values of both columns): the two AUCs
     * with their variances, and the cross sums of placement deviations
     * {@code s10 = sum over positives of w (V10a - aucA)(V10b - aucB)} and {@code s01}, the same
     * over negatives with V01. The covariance is {@code s10 / ((m - 1) m) + s01 / ((n - 1) n)},
     * as in {@link #compare}; the result is that of {@link #paired} on the same samples (Holm's
     * p-value is the plain one).
     *
     * @param a AUC and variance of column a ({@link #auc(OperatingPoints)} or {@link SweepSums#deLong()})
     * @param b AUC and variance of column b, on the same samples
     * @param level confidence level of the difference interval, in (0, 1)
     */
    public static AucComparison pairedFromSums(String nameA, DeLongAuc a, String nameB, DeLongAuc b, double s10,
            double s01, double level) {
        Checks.notNull(a, "a");
        Checks.notNull(b, "b");
        ConfidenceInterval.checkLevel(level);
        double cov = a.warnings().isEmpty() && b.warnings().isEmpty()
                ? s10 / ((a.positives() - 1) * a.positives()) + s01 / ((a.negatives() - 1) * a.negatives())
                : Double.NaN;
        return pairedTest(nameA, a, nameB, b, cov, level);
    }

    private static AucComparison pairedTest(String nameA, DeLongAuc a, String nameB, DeLongAuc b, double cov,
            double level) {
        List<String> warnings = new ArrayList<>();
        a.warnings().forEach(w -> warnings.add(nameA + ": " + w));
        b.warnings().forEach(w -> warnings.add(nameB + ": " + w));
        double d = a.auc() - b.auc();
        // identical columns: the variance of the difference is 0 up to rounding
        double varD = Math.max(0, a.variance() + b.variance() - 2 * cov);
        if (Double.isNaN(cov)) {
            varD = Double.NaN;
        }
        double[] t = AucComparison.zTest(d, Math.sqrt(varD), level);
        if (d != 0 && varD == 0) {
            warnings.add("the AUC difference has variance 0: z is infinite and p is 0");
        }
        return new AucComparison(nameA, nameB, a.auc(), b.auc(), d, t[2], t[3], level, a.variance(),
                b.variance(), cov, t[0], t[1], t[1], true, ConfidenceInterval.DELONG, warnings);
    }

    /**
     * Warnings when a class has a total weight not above 1 (without weights: fewer than two
     * rows). Frequency weights count as rows: one row of weight 3 is three positives.
     */
    static List<String> shortness(int positiveRows, int negativeRows, double pw, double nw) {
        List<String> w = new ArrayList<>(2);
        if (!(pw > 1)) {
            w.add("DeLong variance undefined (NaN): needs positives of total weight > 1 (at least 2 without weights), got "
                    + positiveRows + " with weight " + pw);
        }
        if (!(nw > 1)) {
            w.add("DeLong variance undefined (NaN): needs negatives of total weight > 1 (at least 2 without weights), got "
                    + negativeRows + " with weight " + nw);
        }
        return w;
    }

    /** Per-sample placement values of one column, for covariances between columns. */
    static final class Placements {
        // v10[k]: placement of the k-th positive row (in row order); v01[k]: of the k-th negative
        final double[] v10;
        final double[] v01;
        final double[] w10; // weights of the positives (null: all 1)
        final double[] w01;
        final double pw;
        final double nw;
        final double auc;
        final double variance;
        final List<String> warnings;

        private Placements(double[] v10, double[] v01, double[] w10, double[] w01, double pw,
                double nw, double auc, double variance, List<String> warnings) {
            this.v10 = v10;
            this.v01 = v01;
            this.w10 = w10;
            this.w01 = w01;
            this.pw = pw;
            this.nw = nw;
            this.auc = auc;
            this.variance = variance;
            this.warnings = warnings;
        }

        static Placements of(double[] scores, boolean[] labels, double[] weights) {
            int n = scores.length;
            int m = 0;
            for (boolean y : labels) {
                if (y) {
                    m++;
                }
            }
            int[] slot = new int[n];
            double[] w10 = weights == null ? null : new double[m];
            double[] w01 = weights == null ? null : new double[n - m];
            double pw = 0;
            double nw = 0;
            int pi = 0;
            int ni = 0;
            for (int r = 0; r < n; r++) {
                double w = weights == null ? 1 : weights[r];
                if (labels[r]) {
                    if (w10 != null) {
                        w10[pi] = w;
                    }
                    slot[r] = pi++;
                    pw += w;
                } else {
                    if (w01 != null) {
                        w01[ni] = w;
                    }
                    slot[r] = ni++;
                    nw += w;
                }
            }
            double[] v10 = new double[m];
            double[] v01 = new double[n - m];
            int[] order = Sorting.argsort(scores);
            double negBelow = 0;
            double posBelow = 0;
            int start = 0;
            while (start < n) {
                double s = scores[order[start]];
                int end = start;
                double wp = 0;
                double wn = 0;
                while (end < n && scores[order[end]] == s) {
                    int r = order[end];
                    double w = weights == null ? 1 : weights[r];
                    if (labels[r]) {
                        wp += w;
                    } else {
                        wn += w;
                    }
                    end++;
                }
                double vPos = (negBelow + 0.5 * wn) / nw;
                double vNeg = (pw - posBelow - 0.5 * wp) / pw;
                for (int k = start; k < end; k++) {
                    int r = order[k];
                    if (labels[r]) {
                        v10[slot[r]] = vPos;
                    } else {
                        v01[slot[r]] = vNeg;
                    }
                }
                negBelow += wn;
                posBelow += wp;
                start = end;
            }
            double auc = pw > 0 && nw > 0 ? weightedMean(v10, w10) : Double.NaN;
            List<String> warnings = shortness(m, n - m, pw, nw);
            Placements p = new Placements(v10, v01, w10, w01, pw, nw, auc, Double.NaN, warnings);
            double variance = warnings.isEmpty() ? covariance(p, p) : Double.NaN;
            return new Placements(v10, v01, w10, w01, pw, nw, auc, variance, warnings);
        }

        private static double weightedMean(double[] v, double[] w) {
            double sum = 0;
            double total = 0;
            for (int k = 0; k < v.length; k++) {
                double wk = w == null ? 1 : w[k];
                sum += wk * v[k];
                total += wk;
            }
            return sum / total;
        }

        /** DeLong covariance of the AUCs of two columns on the same samples. */
        static double covariance(Placements a, Placements b) {
            if (!a.warnings.isEmpty() || !b.warnings.isEmpty()) {
                return Double.NaN;
            }
            double s10 = 0;
            for (int k = 0; k < a.v10.length; k++) {
                double w = a.w10 == null ? 1 : a.w10[k];
                s10 += w * (a.v10[k] - a.auc) * (b.v10[k] - b.auc);
            }
            double s01 = 0;
            for (int k = 0; k < a.v01.length; k++) {
                double w = a.w01 == null ? 1 : a.w01[k];
                s01 += w * (a.v01[k] - a.auc) * (b.v01[k] - b.auc);
            }
            return s10 / ((a.pw - 1) * a.pw) + s01 / ((a.nw - 1) * a.nw);
        }
    }
}

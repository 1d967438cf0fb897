package org.discern.metrics;

import org.discern.metrics.internal.Weights;

/**
 * A binary confusion matrix and every metric derived from it. Counts are (weighted) sums, so they
 * are {@code double}; without weights they are exact integers.
 *
 * <p>Every ratio whose denominator is zero is {@code NaN} (undefined), never silently 0: for
 * example {@link #precision()} when nothing is predicted positive, or {@link #mcc()} when a row or
 * column of the matrix is empty. scikit-learn reports 0 in these cases (with a warning); callers
 * that need that convention can map NaN to 0.
 *
 * @param tp true positives (weighted)
 * @param fp false positives (weighted)
 * @param tn true negatives (weighted)
 * @param fn false negatives (weighted)
 */
public record ConfusionMatrix(double tp, double fp, double tn, double fn) {

    /** Validates: every count finite and &gt;= 0. */
    public ConfusionMatrix {
        check(tp, "tp");
        check(fp, "fp");
        check(tn, "tn");
        check(fn, "fn");
    }

    private static void check(double v, String name) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
        }
    }

    /** Factory in the order tp, fp, tn, fn; tiny negative rounding residues are clamped to 0. */
    public static ConfusionMatrix of(double tp, double fp, double tn, double fn) {
        return new ConfusionMatrix(clamp(tp), clamp(fp), clamp(tn), clamp(fn));
    }

    private static double clamp(double v) {
        // weighted totals minus cumulative sums can be -1e-13 instead of 0
        return v < 0 && v > -1e-9 ? 0 : v;
    }

    /** tp + fp + tn + fn. */
    public double total() {
        return tp + fp + tn + fn;
    }

    /** Actual positives: tp + fn. */
    public double positives() {
        return tp + fn;
    }

    /** Actual negatives: tn + fp. */
    public double negatives() {
        return tn + fp;
    }

    /** Predicted positives: tp + fp. */
    public double predictedPositives() {
        return tp + fp;
    }

    /** (tp + tn) / total. */
    public double accuracy() {
        return ratio(tp + tn, total());
    }

    /** tp / (tp + fp); NaN when nothing is predicted positive. */
    public double precision() {
        return ratio(tp, tp + fp);
    }

    /** Recall, sensitivity, true-positive rate: tp / (tp + fn); NaN without positives. */
    public double recall() {
        return ratio(tp, tp + fn);
    }

    /** Same as {@link #recall()}. */
    public double sensitivity() {
        return recall();
    }

    /** Same as {@link #recall()}. */
    public double truePositiveRate() {
        return recall();
    }

    /** Specificity, true-negative rate: tn / (tn + fp); NaN without negatives. */
    public double specificity() {
        return ratio(tn, tn + fp);
    }

    /** Negative predictive value: tn / (tn + fn); NaN when nothing is predicted negative. */
    public double npv() {
        return ratio(tn, tn + fn);
    }

    /** False-positive rate: fp / (fp + tn); NaN without negatives. */
    public double falsePositiveRate() {
        return ratio(fp, fp + tn);
    }

    /** False-negative rate (miss rate): fn / (fn + tp); NaN without positives. */
    public double falseNegativeRate() {
        return ratio(fn, fn + tp);
    }

    /** False discovery rate: fp / (tp + fp); NaN when nothing is predicted positive. */
    public double falseDiscoveryRate() {
        return ratio(fp, tp + fp);
    }

    /** F1 = 2 tp / (2 tp + fp + fn); NaN when tp + fp + fn = 0. */
    public double f1() {
        return ratio(2 * tp, 2 * tp + fp + fn);
    }

    /**
     * F-beta = (1 + b^2) tp / ((1 + b^2) tp + b^2 fn + fp); NaN when the denominator is 0.
     *
     * @param beta weight of recall relative to precision, finite and &gt; 0
     */
    public double fBeta(double beta) {
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be finite and > 0, got " + beta);
        }
        double b2 = beta * beta;
        return ratio((1 + b2) * tp, (1 + b2) * tp + b2 * fn + fp);
    }

    /**
     * Matthews correlation coefficient, in [-1, 1]; NaN when a row or column of the matrix is
     * empty (scikit-learn reports 0 there).
     */
    public double mcc() {
        // counts near 1e200 or 1e-200 are brought home by a power of two (exact) so that the
        // products neither overflow nor underflow; ordinary counts are used as they are
        double f = Weights.scaleFor(total());
        double a = tp * f;
        double b = fp * f;
        double c = tn * f;
        double d = fn * f;
        double num = a * c - b * d;
        double den = Math.sqrt((a + b) * (a + d)) * Math.sqrt((c + b) * (c + d));
        return ratio(num, den);
    }

    /**
     * Balanced accuracy: the mean recall over the classes present in the labels, as
     * scikit-learn's {@code balanced_accuracy_score}: (recall + specificity) / 2 with both
     * classes; with one class only, that class's recall (scikit-learn warns "y_pred contains
     * classes not in y_true" when some samples are predicted in the absent class; see
     * {@link BinaryEvaluation#warningsAt(double)}); NaN only for an empty matrix. This is the
     * value the multi-class evaluation gives for the same data as two classes.
     */
    public double balancedAccuracy() {
        double r = recall();
        double s = specificity();
        if (Double.isNaN(r)) {
            return s;
        }
        return Double.isNaN(s) ? r : (r + s) / 2;
    }

    /**
     * Cohen's kappa: agreement beyond chance between predictions and labels; NaN when chance
     * agreement is 1 (all samples and predictions in one class).
     */
    public double cohenKappa() {
        double n = total();
        if (n == 0) {
            return Double.NaN;
        }
        // as in mcc(): an exact power-of-two rescaling of extreme counts
        double f = Weights.scaleFor(n);
        double a = tp * f;
        double b = fp * f;
        double c = tn * f;
        double d = fn * f;
        double m = n * f;
        double po = (a + c) / m;
        double pe = ((a + b) * (a + d) + (d + c) * (b + c)) / (m * m);
        return ratio(po - pe, 1 - pe);
    }

    /** Youden's J = recall + specificity - 1. */
    public double youdenJ() {
        return recall() + specificity() - 1;
    }

    /** Prevalence: (tp + fn) / total. */
    public double prevalence() {
        return ratio(tp + fn, total());
    }

    private static double ratio(double num, double den) {
        return den == 0 ? Double.NaN : num / den;
    }
}

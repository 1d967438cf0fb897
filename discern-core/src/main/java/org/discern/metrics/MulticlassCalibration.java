package org.discern.metrics;

import java.util.ArrayList;
import java.util.List;

import org.discern.metrics.internal.Checks;

/**
 * Calibration of multi-class probabilities, two ways:
 * <ul>
 * <li><b>per class</b> (one-vs-rest): for class c, the probabilities in column c against
 *     "label == c", each a binary {@link Calibration};</li>
 * <li><b>top label</b>: the largest probability of each row (the first one on ties, as the
 *     arg-max rule of the fixtures) against "the arg-max class is the label" (the confidence
 *     calibration of Guo et al. 2017, whose ECE is the usual "ECE" of a neural network).</li>
 * </ul>
 * {@link #classwiseExpectedCalibrationError()} is the unweighted mean of the per-class ECEs.
 *
 * <p>Input is a row-major {@code n x k} matrix ({@code probabilities[i * k + c]}) and labels in
 * [0, k). Rows need not sum to exactly 1 (rounded probabilities rarely do), but every entry must
 * be in [0, 1]. Immutable.
 */
public final class MulticlassCalibration {
    private final int classes;
    private final List<Calibration> perClass;
    private final Calibration topLabel;

    private MulticlassCalibration(int classes, List<Calibration> perClass, Calibration topLabel) {
        this.classes = classes;
        this.perClass = List.copyOf(perClass);
        this.topLabel = topLabel;
    }

    /**
     * Per-class and top-label calibration.
     *
     * @param probabilities row-major n x k matrix, entries in [0, 1]
     * @param k number of classes, &gt;= 2
     * @param labels n labels in [0, k)
     * @param weights n non-negative weights, or null
     * @param bins number of bins, &gt;= 1
     * @param binning bin placement (per class and for the top label)
     * @throws IllegalArgumentException on a shape mismatch, a label outside [0, k) or an entry
     *     outside [0, 1], with its index
     */
    public static MulticlassCalibration of(double[] probabilities, int k, int[] labels, double[] weights, int bins,
            CalibrationBinning binning) {
        Checks.notNull(probabilities, "probabilities");
        Checks.notNull(labels, "labels");
        if (k < 2) {
            throw new IllegalArgumentException("k must be >= 2, got " + k);
        }
        if (probabilities.length % k != 0) {
            throw new IllegalArgumentException("probabilities length must be a multiple of k = " + k + ", got "
                    + probabilities.length);
        }
        int n = probabilities.length / k;
        Checks.nonEmpty(n, "probabilities");
        Checks.sameLength(n, labels.length, "probability rows", "labels");
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= k) {
                throw new IllegalArgumentException("labels[" + i + "] must be in [0, " + k + "), got " + labels[i]);
            }
        }
        for (int j = 0; j < probabilities.length; j++) {
            double p = probabilities[j];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probabilities[" + (j / k) + "][" + (j % k)
                        + "] must be in [0, 1], got " + p);
            }
        }
        List<Calibration> per = new ArrayList<>(k);
        double[] column = new double[n];
        boolean[] isClass = new boolean[n];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                column[i] = probabilities[i * k + c];
                isClass[i] = labels[i] == c;
            }
            per.add(Calibration.of(column, isClass, weights, bins, binning));
        }
        double[] confidence = new double[n];
        boolean[] correct = new boolean[n];
        for (int i = 0; i < n; i++) {
            int arg = 0;
            double max = probabilities[i * k];
            for (int c = 1; c < k; c++) {
                double p = probabilities[i * k + c];
                if (p > max) {
                    max = p;
                    arg = c;
                }
            }
            confidence[i] = max;
            correct[i] = arg == labels[i];
        }
        return new MulticlassCalibration(k, per, Calibration.of(confidence, correct, weights, bins, binning));
    }

    /** Number of classes k. */
    public int classes() {
        return classes;
    }

    /** One-vs-rest calibration of class c. */
    public Calibration perClass(int c) {
        return perClass.get(c);
    }

    /** All per-class calibrations, in class order (unmodifiable). */
    public List<Calibration> perClass() {
        return perClass;
    }

    /** Calibration of the top-label confidence against correctness. */
    public Calibration topLabel() {
        return topLabel;
    }

    /** Mean over classes of the per-class expected calibration error. */
    public double classwiseExpectedCalibrationError() {
        double s = 0;
        for (Calibration c : perClass) {
            s += c.expectedCalibrationError();
        }
        return s / classes;
    }

    @Override
    public String toString() {
        return "MulticlassCalibration[k=" + classes + ", topLabelEce=" + topLabel.expectedCalibrationError() + "]";
    }
}

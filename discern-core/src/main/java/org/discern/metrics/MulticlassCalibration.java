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
     * Read access to an n x k probability matrix without copying it (a reader's row-major
     * storage, for instance): the probability of row {@code row} for class {@code column}. Must
     * return the same value for the same cell on every call.
     */
    @FunctionalInterface
    public interface Matrix {
        /** The probability of row {@code row} (0 .. n-1) for class {@code column} (0 .. k-1). */
        double get(int row, int column);
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
        if (k < 2) {
            throw new IllegalArgumentException("k must be >= 2, got " + k);
        }
        if (probabilities.length % k != 0) {
            throw new IllegalArgumentException("probabilities length must be a multiple of k = " + k + ", got "
                    + probabilities.length);
        }
        return of(probabilities.length / k, k, (i, c) -> probabilities[i * k + c], labels, weights, bins, binning);
    }

    /**
     * Per-class and top-label calibration of a matrix read cell by cell, one column at a time:
     * besides the results (O(k x bins)) it holds O(n) scratch, never an n x k copy.
     *
     * @param n number of rows, &gt;= 1
     * @param k number of classes, &gt;= 2
     * @param probabilities the matrix, entries in [0, 1]
     * @param labels n labels in [0, k)
     * @param weights n non-negative weights, or null
     * @param bins number of bins, &gt;= 1
     * @param binning bin placement (per class and for the top label)
     * @throws IllegalArgumentException on a shape mismatch, a label outside [0, k) or an entry
     *     outside [0, 1], with its index
     */
    public static MulticlassCalibration of(int n, int k, Matrix probabilities, int[] labels, double[] weights,
            int bins, CalibrationBinning binning) {
        Checks.notNull(probabilities, "probabilities");
        Checks.notNull(labels, "labels");
        if (k < 2) {
            throw new IllegalArgumentException("k must be >= 2, got " + k);
        }
        Checks.nonEmpty(n, "probabilities");
        Checks.sameLength(n, labels.length, "probability rows", "labels");
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= k) {
                throw new IllegalArgumentException("labels[" + i + "] must be in [0, " + k + "), got " + labels[i]);
            }
        }
        List<Calibration> per = new ArrayList<>(k);
        double[] column = new double[n];
        boolean[] isClass = new boolean[n];
        double[] confidence = new double[n];
        int[] arg = new int[n];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                double p = probabilities.get(i, c);
                if (!(p >= 0 && p <= 1)) {
                    throw new IllegalArgumentException("probabilities[" + i + "][" + c + "] must be in [0, 1], got " + p);
                }
                column[i] = p;
                isClass[i] = labels[i] == c;
                // the first largest probability of the row on ties, as the arg-max rule of the fixtures
                if (c == 0 || p > confidence[i]) {
                    confidence[i] = p;
                    arg[i] = c;
                }
            }
            per.add(Calibration.of(column, isClass, weights, bins, binning));
        }
        boolean[] correct = new boolean[n];
        for (int i = 0; i < n; i++) {
            correct[i] = arg[i] == labels[i];
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

package org.discern.metrics.internal;

/**
 * The two rules every weighted entry point applies to its (already checked) sample weights, kept
 * in one place:
 * <ol>
 *   <li><b>A sample of weight 0 is the same as no sample.</b> {@link #keptRows} lists the rows of
 *       positive weight; the entry point keeps only those rows (of every array), so zero-weight
 *       rows make no curve point, no threshold and no count anywhere, and are not counted as
 *       rows.</li>
 *   <li><b>The scale of the weights does not matter.</b> Ratios of weighted sums do not depend on
 *       it, but products of sums (P N in the AUC, the terms of MCC and kappa) overflow for
 *       weights near 1e200 and underflow for weights near 1e-200. {@link #scaled} multiplies
 *       weights whose largest value lies outside [2^-64, 2^64] by the power of two that brings
 *       it into [1, 2): exact (every ratio is bit for bit the same as with the unscaled weights,
 *       while those are representable), and weights in the ordinary range are left untouched, so
 *       their weighted counts are reported as they are.</li>
 * </ol>
 */
public final class Weights {
    /** Weights whose largest value lies in [2^-LIMIT, 2^LIMIT] are left as they are. */
    private static final int LIMIT = 64;

    private Weights() {
    }

    /**
     * The rows of positive weight, ascending, or {@code null} when every row has positive weight
     * (or there are no weights): then nothing needs to be dropped.
     *
     * @throws IllegalArgumentException when every weight is 0 (nothing is left to evaluate)
     */
    public static int[] keptRows(double[] weights) {
        if (weights == null) {
            return null;
        }
        int zeros = 0;
        for (double w : weights) {
            if (w == 0) {
                zeros++;
            }
        }
        if (zeros == 0) {
            return null;
        }
        if (zeros == weights.length) {
            throw new IllegalArgumentException("weights must not all be 0 (a sample of weight 0 is the same as no "
                    + "sample: nothing is left to evaluate)");
        }
        int[] rows = new int[weights.length - zeros];
        int k = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] != 0) {
                rows[k++] = i;
            }
        }
        return rows;
    }

    /**
     * The weights, for entry points that skip rows of weight 0 as they go.
     *
     * @throws IllegalArgumentException when every weight is 0 (see {@link #keptRows})
     */
    public static double[] notAllZero(double[] weights) {
        if (weights != null) {
            for (double w : weights) {
                if (w != 0) {
                    return weights;
                }
            }
            keptRows(weights);
        }
        return weights;
    }

    /** The elements at {@code rows} (a new array). */
    public static double[] select(double[] a, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = a[rows[i]];
        }
        return out;
    }

    /** The elements at {@code rows} (a new array). */
    public static float[] select(float[] a, int[] rows) {
        float[] out = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = a[rows[i]];
        }
        return out;
    }

    /** The elements at {@code rows} (a new array). */
    public static boolean[] select(boolean[] a, int[] rows) {
        boolean[] out = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = a[rows[i]];
        }
        return out;
    }

    /** The elements at {@code rows} (a new array). */
    public static int[] select(int[] a, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = a[rows[i]];
        }
        return out;
    }

    /** The row arrays at {@code rows} (a new outer array; the rows themselves are shared). */
    public static double[][] select(double[][] a, int[] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = a[rows[i]];
        }
        return out;
    }

    /** The rows {@code rows} of a row-major matrix with {@code k} columns (a new array). */
    public static boolean[] selectRows(boolean[] matrix, int k, int[] rows) {
        boolean[] out = new boolean[Math.multiplyExact(rows.length, k)];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(matrix, rows[i] * k, out, i * k, k);
        }
        return out;
    }

    /**
     * The power of two by which values whose largest is {@code max} are scaled: 1 when
     * {@code max} lies in [2^-64, 2^64] (or is 0), else {@code 2^-e} with e the binary exponent of
     * max, which brings max into [1, 2).
     */
    public static double scaleFor(double max) {
        if (max == 0 || (max >= 0x1p-64 && max <= 0x1p64)) {
            return 1;
        }
        return Math.scalb(1.0, -Math.getExponent(max));
    }

    /**
     * The weights, or when their largest value lies outside [2^-64, 2^64] a copy multiplied by
     * {@link #scaleFor} of it (exact: a power of two). Null stays null.
     */
    public static double[] scaled(double[] weights) {
        if (weights == null) {
            return null;
        }
        double max = 0;
        for (double w : weights) {
            max = Math.max(max, w);
        }
        double f = scaleFor(max);
        if (f == 1) {
            return weights;
        }
        double[] out = new double[weights.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = weights[i] * f;
        }
        return out;
    }
}

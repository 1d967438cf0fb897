package org.discern.metrics.internal;

import java.util.Locale;

/** Argument checks that fail fast with the parameter, the constraint and the offending value. */
public final class Checks {
    private Checks() {
    }

    public static void notNull(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }

    public static void nonEmpty(int length, String name) {
        if (length == 0) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
    }

    public static void sameLength(int expected, int actual, String first, String second) {
        if (expected != actual) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s and %s must have the same length, got %d and %d",
                    first, second, expected, actual));
        }
    }

    public static void finiteScores(double[] scores, String name) {
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite, got " + scores[i]);
            }
        }
    }

    public static void finiteScores(float[] scores, String name) {
        for (int i = 0; i < scores.length; i++) {
            if (!Float.isFinite(scores[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite, got " + scores[i]);
            }
        }
    }

    /** Weights may be null (all 1); otherwise each must be finite and at least 0. */
    public static void weights(double[] weights, int n) {
        if (weights == null) {
            return;
        }
        sameLength(n, weights.length, "scores", "weights");
        for (int i = 0; i < weights.length; i++) {
            double w = weights[i];
            if (!(w >= 0) || w == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("weights[" + i + "] must be finite and >= 0, got " + w);
            }
        }
    }

    /** Converts 0/1 labels to booleans, rejecting any other value with its index. */
    public static boolean[] binaryLabels(int[] labels) {
        notNull(labels, "labels");
        boolean[] out = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            int y = labels[i];
            if (y != 0 && y != 1) {
                throw new IllegalArgumentException("labels[" + i + "] must be 0 or 1, got " + y);
            }
            out[i] = y == 1;
        }
        return out;
    }

    public static void probability(double p, String name) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + p);
        }
    }
}

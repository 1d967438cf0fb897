package org.discern.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Argument checks shared by the data holders; messages name the parameter, constraint and value. */
final class Checks {
    private Checks() {
    }

    /** An unmodifiable copy of non-null, non-empty, distinct names. */
    static List<String> names(List<String> names, String what, int expected) {
        if (names == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        if (names.size() != expected) {
            throw new IllegalArgumentException(what + " must hold " + expected + " names (one per score column), got "
                    + names.size());
        }
        Set<String> seen = new HashSet<>();
        List<String> copy = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (n == null || n.isEmpty()) {
                throw new IllegalArgumentException(what + "[" + i + "] must be a non-empty name, got "
                        + (n == null ? "null" : "''"));
            }
            if (!seen.add(n)) {
                throw new IllegalArgumentException(what + "[" + i + "] must be unique, got '" + n + "' again");
            }
            copy.add(n);
        }
        return Collections.unmodifiableList(copy);
    }

    /**
     * Index of {@code name} in {@code names}.
     *
     * @param what "class" or "label", for the message
     * @throws IllegalArgumentException when absent, listing the names and suggesting the closest
     */
    static int nameIndex(List<String> names, String name, String what, String source) {
        int k = names.indexOf(name);
        if (k < 0) {
            String plural = what.endsWith("s") ? what + "es" : what + "s";
            throw new IllegalArgumentException("no " + what + " '" + name + "' in " + source + "; " + plural + ": "
                    + DidYouMean.list(names, 30) + DidYouMean.hint(name, names));
        }
        return k;
    }

    /** Null, or a copy of finite weights >= 0 of length n. */
    static double[] weights(double[] weights, int n) {
        double[] checked = checkedWeights(weights, n);
        return checked == null ? null : checked.clone();
    }

    /** As {@link #weights}, the array itself returned (not copied). */
    static double[] checkedWeights(double[] weights, int n) {
        if (weights == null) {
            return null;
        }
        if (weights.length != n) {
            throw new IllegalArgumentException("weights must have one element per sample (" + n + "), got "
                    + weights.length);
        }
        for (int i = 0; i < weights.length; i++) {
            double w = weights[i];
            if (!(w >= 0) || w == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("weights[" + i + "] must be finite and >= 0, got " + w);
            }
        }
        return weights;
    }
}

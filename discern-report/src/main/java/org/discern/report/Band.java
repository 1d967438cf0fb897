package org.discern.report;

import java.util.Arrays;
import java.util.Objects;

/**
 * A confidence band around a curve: at each x, a lower and an upper y (e.g. a bootstrap band of
 * TPR over a grid of FPR values). Drawn as a shaded polygon. Immutable; arrays are copied.
 */
public final class Band {
    private final String name;
    private final double[] x;
    private final double[] lower;
    private final double[] upper;

    private Band(String name, double[] x, double[] lower, double[] upper) {
        this.name = name;
        this.x = x;
        this.lower = lower;
        this.upper = upper;
    }

    /**
     * A band from its parts (copied).
     *
     * @param name legend name
     * @param x ascending x values
     * @param lower lower y at each x
     * @param upper upper y at each x, &gt;= lower
     * @throws IllegalArgumentException when lengths differ or are zero, or lower[i] &gt; upper[i]
     */
    public static Band of(String name, double[] x, double[] lower, double[] upper) {
        Objects.requireNonNull(name, "name");
        if (x.length != lower.length || x.length != upper.length || x.length == 0) {
            throw new IllegalArgumentException("x, lower and upper must have one equal, non-zero length, got "
                    + x.length + ", " + lower.length + ", " + upper.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!(lower[i] <= upper[i])) {
                throw new IllegalArgumentException("lower[" + i + "] must be <= upper[" + i + "], got "
                        + lower[i] + " > " + upper[i]);
            }
        }
        return new Band(name, x.clone(), lower.clone(), upper.clone());
    }

    /** Legend name. */
    public String name() {
        return name;
    }

    /** Number of x values. */
    public int size() {
        return x.length;
    }

    /** Copy of the x values. */
    public double[] x() {
        return x.clone();
    }

    /** Copy of the lower bounds. */
    public double[] lower() {
        return lower.clone();
    }

    /** Copy of the upper bounds. */
    public double[] upper() {
        return upper.clone();
    }

    /** The closed polygon: x ascending along the upper bound, then back along the lower. */
    double[][] polygon() {
        int n = x.length;
        double[] px = new double[2 * n];
        double[] py = new double[2 * n];
        for (int i = 0; i < n; i++) {
            px[i] = x[i];
            py[i] = upper[i];
            px[2 * n - 1 - i] = x[i];
            py[2 * n - 1 - i] = lower[i];
        }
        return new double[][] {px, py};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Band b && name.equals(b.name) && Arrays.equals(x, b.x)
                && Arrays.equals(lower, b.lower) && Arrays.equals(upper, b.upper);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(x), Arrays.hashCode(lower), Arrays.hashCode(upper));
    }

    @Override
    public String toString() {
        return "Band[" + name + ", size=" + size() + "]";
    }
}

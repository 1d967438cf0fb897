package org.discern.report;

import java.util.Arrays;
import java.util.Objects;

import org.discern.metrics.DetCurve;
import org.discern.metrics.PrecisionRecallCurve;
import org.discern.metrics.RocCurve;
import org.discern.report.internal.Fmt;

/**
 * A named curve to draw: x and y coordinates of equal length, plus an optional summary area
 * (an AUC or average precision) and its interval, shown in the legend. The plain input of every
 * line chart in {@link Charts}; the factories adapt Discern's curve types and reduce them to their
 * corner points first (thousands of collinear points draw slowly and add nothing).
 *
 * <p>Immutable; arrays are copied in and out.
 */
public final class Curve {
    private final String name;
    private final double[] x;
    private final double[] y;
    // NaN when not given
    private final double area;
    // both NaN, or lower <= upper
    private final double lower;
    private final double upper;

    private Curve(String name, double[] x, double[] y, double area, double lower, double upper) {
        this.name = name;
        this.x = x;
        this.y = y;
        this.area = area;
        this.lower = lower;
        this.upper = upper;
    }

    /**
     * A curve from its coordinates (copied), drawn as given.
     *
     * @param name legend name, not null (any text: it is escaped wherever it is written)
     * @param x x coordinates
     * @param y y coordinates, same non-zero length as x
     * @throws IllegalArgumentException when the lengths differ or are zero
     */
    public static Curve of(String name, double[] x, double[] y) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("x and y must have one equal, non-zero length, got "
                    + x.length + " and " + y.length);
        }
        return new Curve(name, x.clone(), y.clone(), Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * A ROC curve (x = false-positive rate, y = true-positive rate) reduced to its corners, with
     * its trapezoidal area as the legend's AUC (equal to the exact AUC for a curve from
     * {@code BinaryEvaluation}). Points with an undefined rate (NaN) are dropped.
     */
    public static Curve roc(String name, RocCurve curve) {
        RocCurve c = curve.corners();
        Curve raw = finite(name, c.fpr(), c.tpr());
        return raw.withArea(curve.area());
    }

    /**
     * A precision-recall curve (x = recall, y = precision) reduced to its corners, with the given
     * average precision as its legend summary (NaN for none).
     */
    public static Curve precisionRecall(String name, PrecisionRecallCurve curve, double averagePrecision) {
        PrecisionRecallCurve c = curve.corners();
        return finite(name, c.recall(), c.precision()).withArea(averagePrecision);
    }

    /** A DET curve (x = false-positive rate, y = false-negative rate) reduced to its corners. */
    public static Curve det(String name, DetCurve curve) {
        DetCurve c = curve.corners();
        return finite(name, c.fpr(), c.fnr());
    }

    private static Curve finite(String name, double[] x, double[] y) {
        int m = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                m++;
            }
        }
        double[] fx = new double[m];
        double[] fy = new double[m];
        int j = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                fx[j] = x[i];
                fy[j] = y[i];
                j++;
            }
        }
        if (m == 0) {
            // a curve of a sample with one class only: nothing defined to draw
            return new Curve(Objects.requireNonNull(name, "name"), new double[0], new double[0],
                    Double.NaN, Double.NaN, Double.NaN);
        }
        return of(name, fx, fy);
    }

    /** This curve with a summary area (AUC, AP) for the legend; NaN removes it. */
    public Curve withArea(double area) {
        return new Curve(name, x, y, area, lower, upper);
    }

    /**
     * This curve with an interval for its area (e.g. a 95% DeLong interval), shown in the legend.
     *
     * @throws IllegalArgumentException unless lower &lt;= upper (both NaN removes the interval)
     */
    public Curve withInterval(double lower, double upper) {
        boolean none = Double.isNaN(lower) && Double.isNaN(upper);
        if (!none && !(lower <= upper)) {
            throw new IllegalArgumentException("interval must have lower <= upper, got ["
                    + lower + ", " + upper + "]");
        }
        return new Curve(name, x, y, area, lower, upper);
    }

    /** The name shown in the legend (without the summary). */
    public String name() {
        return name;
    }

    /** Number of points (0 only for a curve with nothing defined to draw). */
    public int size() {
        return x.length;
    }

    /** x of point i. */
    public double x(int i) {
        return x[i];
    }

    /** y of point i. */
    public double y(int i) {
        return y[i];
    }

    /** Copy of the x coordinates. */
    public double[] x() {
        return x.clone();
    }

    /** Copy of the y coordinates. */
    public double[] y() {
        return y.clone();
    }

    /** The summary area, NaN when none was given. */
    public double area() {
        return area;
    }

    /** Lower end of the area's interval, NaN when none. */
    public double lower() {
        return lower;
    }

    /** Upper end of the area's interval, NaN when none. */
    public double upper() {
        return upper;
    }

    /**
     * The legend text: the name, then the area with four decimals and its interval when given,
     * e.g. {@code "model (AUC 0.9123 [0.8940, 0.9301])"} for {@code summaryName = "AUC"} (three
     * decimals said AUC 1.000 for 15 of 25 classes that were not perfect).
     * Formatting is locale-independent.
     */
    public String label(String summaryName) {
        StringBuilder sb = new StringBuilder(name);
        if (!Double.isNaN(area)) {
            sb.append(" (").append(summaryName).append(' ').append(Fmt.fixed(area, 4));
            if (!Double.isNaN(lower)) {
                sb.append(" [").append(Fmt.fixed(lower, 4)).append(", ")
                        .append(Fmt.fixed(upper, 4)).append(']');
            }
            sb.append(')');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Curve c && name.equals(c.name) && Arrays.equals(x, c.x)
                && Arrays.equals(y, c.y) && Double.compare(area, c.area) == 0
                && Double.compare(lower, c.lower) == 0 && Double.compare(upper, c.upper) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(x), Arrays.hashCode(y), area, lower, upper);
    }

    @Override
    public String toString() {
        return "Curve[" + name + ", size=" + size() + ", area=" + area + "]";
    }
}

package org.discern.metrics;

/** Shared point selection for curves. */
final class Curves {
    private Curves() {
    }

    /**
     * Marks the points where a polyline changes direction; collinear middle points are dropped.
     * First and last points are always kept. The test is exact (cross product zero).
     */
    static boolean[] corners(double[] x, double[] y) {
        int n = x.length;
        boolean[] keep = new boolean[n];
        if (n == 0) {
            return keep;
        }
        keep[0] = true;
        keep[n - 1] = true;
        int last = 0;
        for (int i = 1; i < n - 1; i++) {
            double ax = x[i] - x[last];
            double ay = y[i] - y[last];
            double bx = x[i + 1] - x[i];
            double by = y[i + 1] - y[i];
            boolean same = ax == 0 && ay == 0;
            boolean collinear = ax * by - ay * bx == 0 && ax * bx + ay * by >= 0;
            if (!same && !collinear) {
                keep[i] = true;
                last = i;
            }
        }
        return keep;
    }

    /** The values whose {@code keep} flag is set, in order. */
    static double[] select(double[] v, boolean[] keep) {
        int m = 0;
        for (boolean k : keep) {
            if (k) {
                m++;
            }
        }
        double[] out = new double[m];
        int j = 0;
        for (int i = 0; i < v.length; i++) {
            if (keep[i]) {
                out[j++] = v[i];
            }
        }
        return out;
    }
}

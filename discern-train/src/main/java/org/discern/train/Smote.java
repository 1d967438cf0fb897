package org.discern.train;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * SMOTE (Chawla et al. 2002) on the positives of a training split: each synthetic row lies on
 * the segment between a positive and one of its k nearest other positives (squared Euclidean
 * distance, brute force: positives are few), at a uniform random position. Positives are used as
 * seeds in turn (row {@code s mod n1} for the s-th synthetic row), the neighbour is drawn
 * uniformly among the k. Synthetic rows are added until both classes have the same size.
 */
final class Smote {
    private Smote() {
    }

    /** The training rows followed by the synthetic positives. */
    record Augmented(float[] x, boolean[] y, int synthetic) {
    }

    static Augmented augment(float[] x, boolean[] y, int d, int k, SplittableRandom random) {
        int n = y.length;
        int[] pos = java.util.stream.IntStream.range(0, n).filter(i -> y[i]).toArray();
        int n1 = pos.length;
        int n0 = n - n1;
        if (n1 < 2) {
            throw new IllegalArgumentException("SMOTE needs at least 2 positives in the training split, got " + n1);
        }
        int kk = Math.min(k, n1 - 1);
        int[][] neighbours = nearest(x, pos, d, kk);
        int extra = Math.max(0, n0 - n1);
        float[] xa = Arrays.copyOf(x, (n + extra) * d);
        boolean[] ya = Arrays.copyOf(y, n + extra);
        for (int s = 0; s < extra; s++) {
            int a = s % n1;
            int b = neighbours[a][random.nextInt(kk)];
            float u = (float) random.nextDouble();
            int ra = pos[a] * d;
            int rb = pos[b] * d;
            int out = (n + s) * d;
            for (int j = 0; j < d; j++) {
                xa[out + j] = x[ra + j] + u * (x[rb + j] - x[ra + j]);
            }
            ya[n + s] = true;
        }
        return new Augmented(xa, ya, extra);
    }

    /** For each positive (index into pos), the indices into pos of its k nearest other positives. */
    static int[][] nearest(float[] x, int[] pos, int d, int k) {
        int m = pos.length;
        int[][] out = new int[m][];
        double[] dist = new double[m];
        Integer[] idx = new Integer[m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    double t = x[pos[a] * d + j] - x[pos[b] * d + j];
                    s += t * t;
                }
                dist[b] = b == a ? Double.POSITIVE_INFINITY : s;
                idx[b] = b;
            }
            // ties broken by index, so the result is deterministic
            Arrays.sort(idx, (p, q) -> dist[p] != dist[q] ? Double.compare(dist[p], dist[q]) : Integer.compare(p, q));
            out[a] = new int[k];
            for (int i = 0; i < k; i++) {
                out[a][i] = idx[i];
            }
        }
        return out;
    }
}

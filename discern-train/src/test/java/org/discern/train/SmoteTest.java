package org.discern.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SmoteTest {

    @Test
    void neighboursAreTheNearestOtherPositives() {
        // positives on a line at 0, 1, 3, 7 (rows 0, 2, 3, 5); negatives elsewhere
        float[] x = {0, 100, 1, 3, 100, 7};
        int[] pos = {0, 2, 3, 5};
        int[][] nn = Smote.nearest(x, pos, 1, 2);
        assertArrayEquals(new int[] {1, 2}, nn[0]); // 0 -> 1 (d 1), 3 (d 3)
        assertArrayEquals(new int[] {0, 2}, nn[1]); // 1 -> 0 (1), 3 (2)
        assertArrayEquals(new int[] {1, 0}, nn[2]); // 3 -> 1 (2), 0 (3)
        assertArrayEquals(new int[] {2, 1}, nn[3]); // 7 -> 3 (4), 1 (6)
    }

    @Test
    void balancesClassesWithPointsOnSegmentsToNeighbours() {
        // 2-d: positives at (0,0), (1,0), (0,1), (10,10); 20 negatives
        int n = 24;
        float[] x = new float[2 * n];
        boolean[] y = new boolean[n];
        float[][] p = {{0, 0}, {1, 0}, {0, 1}, {10, 10}};
        for (int i = 0; i < 4; i++) {
            x[2 * i] = p[i][0];
            x[2 * i + 1] = p[i][1];
            y[i] = true;
        }
        for (int i = 4; i < n; i++) {
            x[2 * i] = -5;
            x[2 * i + 1] = -5;
        }
        Smote.Augmented a = Smote.augment(x, y, 2, 1, new SplittableRandom(1));
        assertEquals(16, a.synthetic());
        assertEquals(40, a.y().length);
        int positives = 0;
        for (boolean b : a.y()) {
            positives += b ? 1 : 0;
        }
        assertEquals(20, positives);
        // k = 1: (10,10)'s nearest is (0,1) or (1,0) (both at distance sqrt(181)); ties -> lower index (1,0)
        for (int s = 0; s < 16; s++) {
            float sx = a.x()[2 * (n + s)];
            float sy = a.x()[2 * (n + s) + 1];
            int seed = s % 4;
            float[] from = p[seed];
            float[] to = p[seed == 0 ? 1 : seed == 1 ? 0 : seed == 2 ? 0 : 1];
            // collinear with the segment and between its ends
            float cross = (to[0] - from[0]) * (sy - from[1]) - (to[1] - from[1]) * (sx - from[0]);
            assertEquals(0, cross, 1e-4);
            assertTrue(Math.min(from[0], to[0]) - 1e-6 <= sx && sx <= Math.max(from[0], to[0]) + 1e-6);
            assertTrue(Math.min(from[1], to[1]) - 1e-6 <= sy && sy <= Math.max(from[1], to[1]) + 1e-6);
        }
    }
}

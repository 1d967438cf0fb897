package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The sums of log loss and Brier score in blocks of {@link ProbabilityMetrics#SUM_BLOCK} rows:
 * the definition written out here by hand, the array functions, the row-by-row {@code Sums},
 * weights of 1, and sums joined at a block's end, all the same double.
 */
class BlockSumsTest {
    private static final int B = ProbabilityMetrics.SUM_BLOCK;

    private static double[] scores(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = r.nextInt(20) == 0 ? r.nextInt(3) / 2.0 : r.nextDouble(); // 0, 0.5, 1 among them
        }
        return p;
    }

    private static boolean[] labels(int n, long seed) {
        SplittableRandom r = new SplittableRandom(~seed);
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(10) < 3;
        }
        return y;
    }

    /** The definition: each block's terms summed in row order, the block sums in block order, over n. */
    private static double[] byDefinition(double[] p, boolean[] y) {
        double loss = 0;
        double brier = 0;
        for (int start = 0; start < p.length; start += B) {
            double blockLoss = 0;
            double blockBrier = 0;
            for (int i = start; i < Math.min(p.length, start + B); i++) {
                blockLoss += ProbabilityMetrics.lossTerm(p[i], y[i]);
                double d = p[i] - (y[i] ? 1 : 0);
                blockBrier += d * d;
            }
            loss += blockLoss;
            brier += blockBrier;
        }
        return new double[] {loss / p.length, brier / p.length};
    }

    @Test
    void everyFormIsTheDefinition() {
        for (int n : new int[] {1, 7, B - 1, B, B + 1, 3 * B, 3 * B + 5, 100_003}) {
            double[] p = scores(n, n);
            boolean[] y = labels(n, n);
            double[] expected = byDefinition(p, y);
            double[] ones = new double[n];
            Arrays.fill(ones, 1);
            ProbabilityMetrics.Sums rowByRow = ProbabilityMetrics.unweightedSums(p, y);
            String at = n + " rows";
            assertEquals(expected[0], ProbabilityMetrics.logLoss(p, y, null), 0, at);
            assertEquals(expected[0], ProbabilityMetrics.logLoss(p, y, ones), 0, at + ", weights 1");
            assertEquals(expected[0], rowByRow.logLoss(), 0, at + ", row by row");
            assertEquals(expected[1], ProbabilityMetrics.brierScore(p, y, null), 0, at);
            assertEquals(expected[1], ProbabilityMetrics.brierScore(p, y, ones), 0, at + ", weights 1");
            assertEquals(expected[1], rowByRow.brierScore(), 0, at + ", row by row");
        }
    }

    @Test
    void upToOneBlockItIsTheRunningSum() {
        double[] p = scores(B, 3);
        boolean[] y = labels(B, 3);
        double loss = 0;
        for (int i = 0; i < B; i++) {
            loss += ProbabilityMetrics.lossTerm(p[i], y[i]);
        }
        assertEquals(loss / B, ProbabilityMetrics.logLoss(p, y, null), 0);
    }

    @Test
    void sumsJoinedAtABlocksEndAreTheSumsOfAllRows() {
        int n = 5 * B + 321;
        double[] p = scores(n, 9);
        boolean[] y = labels(n, 9);
        ProbabilityMetrics.Sums all = ProbabilityMetrics.unweightedSums(p, y);
        for (int blocks = 0; blocks <= 5; blocks++) {
            int h = blocks * B;
            ProbabilityMetrics.Sums earlier = new ProbabilityMetrics.Sums();
            ProbabilityMetrics.Sums later = ProbabilityMetrics.Sums.joinable();
            for (int i = 0; i < n; i++) {
                (i < h ? earlier : later).add(p[i], y[i]);
            }
            earlier.addAll(later);
            assertEquals(all.logLoss(), earlier.logLoss(), 0, "joined at " + h);
            assertEquals(all.brierScore(), earlier.brierScore(), 0, "joined at " + h);
        }
        // a score that is not a probability on either side: both NaN
        for (int bad : new int[] {5, 3 * B + 7}) {
            double[] q = p.clone();
            q[bad] = 1.5;
            ProbabilityMetrics.Sums earlier = new ProbabilityMetrics.Sums();
            ProbabilityMetrics.Sums later = ProbabilityMetrics.Sums.joinable();
            for (int i = 0; i < n; i++) {
                (i < 2 * B ? earlier : later).add(q[i], y[i]);
            }
            earlier.addAll(later);
            assertTrue(Double.isNaN(earlier.logLoss()) && Double.isNaN(earlier.brierScore()), "1.5 at " + bad);
        }
    }

    @Test
    void joinedOnlyAtABlocksEnd() {
        ProbabilityMetrics.Sums earlier = new ProbabilityMetrics.Sums();
        earlier.add(0.5, true);
        assertThrows(IllegalStateException.class, () -> earlier.addAll(ProbabilityMetrics.Sums.joinable()));
        ProbabilityMetrics.Sums empty = new ProbabilityMetrics.Sums();
        assertThrows(IllegalStateException.class, () -> empty.addAll(new ProbabilityMetrics.Sums()));
    }
}

package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.discern.metrics.internal.Sorting;
import org.junit.jupiter.api.Test;

/**
 * From {@link Sorting#PARALLEL} unweighted rows on, {@link BinaryEvaluation#of(double[], boolean[])}
 * makes log loss and Brier score on another thread, in one pass, while it builds the table: the
 * same doubles as {@link ProbabilityMetrics} makes alone, the same table, and the same refusals.
 */
class TwoThreadEvaluationTest {
    private static final int N = Sorting.PARALLEL + 21;

    private static double[] scores(long seed, boolean[] y) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] s = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextInt(10) < 3;
            s[i] = 1 / (1 + Math.exp(-(r.nextGaussian() + (y[i] ? 1.1 : 0))));
        }
        s[5] = 0.0;
        s[6] = 1.0;
        return s;
    }

    @Test
    void doubleScores() {
        boolean[] y = new boolean[N];
        double[] s = scores(1, y);
        BinaryEvaluation ev = BinaryEvaluation.of(s, y);
        assertEquals(ProbabilityMetrics.logLoss(s, y, null), ev.logLoss(), 0);
        assertEquals(ProbabilityMetrics.brierScore(s, y, null), ev.brierScore(), 0);
        assertTrue(ev.scoresAreProbabilities());
        // the table: the same as the weighted path's with weights 1 (another build), row by row
        double[] ones = new double[N];
        java.util.Arrays.fill(ones, 1);
        OperatingPoints w = OperatingPoints.of(s, y, ones);
        OperatingPoints u = ev.operatingPoints();
        assertEquals(w.size(), u.size());
        for (int i = 0; i < u.size(); i += 97) {
            assertEquals(w.threshold(i), u.threshold(i), "threshold " + i);
            assertEquals(w.truePositives(i), u.truePositives(i), "tp " + i);
        }
        // one score above 1: no log loss or Brier score, and the warning
        s[N / 2] = 1.5;
        BinaryEvaluation notProbabilities = BinaryEvaluation.of(s, y);
        assertTrue(Double.isNaN(notProbabilities.logLoss()));
        assertTrue(Double.isNaN(notProbabilities.brierScore()));
        assertFalse(notProbabilities.scoresAreProbabilities());
        assertEquals(BinaryEvaluation.inputWarnings(false, 0), notProbabilities.warnings());
    }

    @Test
    void floatScores() {
        boolean[] y = new boolean[N];
        double[] d = scores(2, y);
        float[] s = new float[N];
        for (int i = 0; i < N; i++) {
            s[i] = (float) d[i];
        }
        BinaryEvaluation ev = BinaryEvaluation.of(s, y);
        assertEquals(ProbabilityMetrics.logLoss(s, y, null), ev.logLoss(), 0);
        assertEquals(ProbabilityMetrics.brierScore(s, y, null), ev.brierScore(), 0);
        s[7] = -0.25f;
        assertTrue(Double.isNaN(BinaryEvaluation.of(s, y).logLoss()));
    }

    /**
     * Every row of the table as {@link OperatingPoints#of} builds it, and the sums as
     * {@link ProbabilityMetrics} makes them alone: double scores, double scores that are all
     * floats (the table's float keys), one class only, ties.
     */
    @Test
    void theTableAndTheSumsOfTheOneThreadPath() {
        for (int kind = 0; kind < 5; kind++) {
            boolean[] y = new boolean[N];
            double[] s = scores(10 + kind, y);
            for (int i = 0; i < N; i++) {
                switch (kind) {
                    case 1 -> s[i] = (float) s[i];
                    case 2 -> y[i] = true;
                    case 3 -> y[i] = false;
                    case 4 -> s[i] = Math.round(s[i] * 1000) / 1000.0;
                    default -> { }
                }
            }
            BinaryEvaluation ev = BinaryEvaluation.of(s, y);
            OperatingPoints expected = OperatingPoints.of(s, y);
            OperatingPoints u = ev.operatingPoints();
            assertEquals(expected.size(), u.size(), "kind " + kind);
            for (int i = 0; i < u.size(); i++) {
                assertEquals(expected.threshold(i), u.threshold(i), "kind " + kind + " threshold " + i);
                assertEquals(expected.truePositives(i), u.truePositives(i), "kind " + kind + " tp " + i);
                assertEquals(expected.falsePositives(i), u.falsePositives(i), "kind " + kind + " fp " + i);
            }
            assertEquals(ProbabilityMetrics.logLoss(s, y, null), ev.logLoss(), 0, "kind " + kind);
            assertEquals(ProbabilityMetrics.brierScore(s, y, null), ev.brierScore(), 0, "kind " + kind);
            assertEquals(N, ev.rows(), "kind " + kind);
        }
    }

    @Test
    void refusesAsTheTableDoes() {
        for (int at : new int[] {10, N - 3}) { // in each half
            for (double bad : new double[] {Double.NaN, Double.NEGATIVE_INFINITY}) {
                boolean[] y = new boolean[N];
                double[] s = scores(3, y);
                s[at] = bad;
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BinaryEvaluation.of(s, y));
                IllegalArgumentException table = assertThrows(IllegalArgumentException.class, () -> OperatingPoints.of(s, y));
                assertEquals(table.getMessage(), e.getMessage());
            }
        }
        assertThrows(IllegalArgumentException.class, () -> BinaryEvaluation.of(new double[N], new boolean[N - 1]));
    }
}

package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CostDecisionTest {
    private static final List<String> ABC = List.of("a", "b", "c");

    @Test
    void handDerivedThreeClasses() {
        // missing a 'c' costs 10, everything else wrong costs 1
        CostMatrix costs = CostMatrix.of(ABC, new double[][] {{0, 1, 1}, {1, 0, 1}, {10, 10, 0}});
        // row 0: p = (0.6, 0.3, 0.1): E[a] = 0.3 + 1.0 = 1.3, E[b] = 0.6 + 1.0 = 1.6, E[c] = 0.9 -> c
        // row 1: p = (0.1, 0.85, 0.05): E[a] = 0.85 + 0.5 = 1.35, E[b] = 0.1 + 0.5 = 0.6, E[c] = 0.95 -> b
        // row 2: p = (0.5, 0.5, 0): E[a] = 0.5 = E[b], E[c] = 1.0 -> a (first minimum)
        double[] p = {0.6, 0.3, 0.1, 0.1, 0.85, 0.05, 0.5, 0.5, 0};
        int[] y = {0, 1, 1};
        CostDecision d = CostDecision.of(y, p, null, costs);
        assertArrayEquals(new int[] {2, 1, 0}, d.decisions());
        // realised: row 0 true a decided c: 1; row 1: 0; row 2 true b decided a: 1 -> 2
        assertEquals(2.0, d.totalCost());
        assertEquals(2.0 / 3, d.meanCost(), 1e-15);
        // argmax: a, b, a (first maximum) -> 0 + 0 + 1
        assertEquals(1.0, d.argmaxTotalCost());
        assertEquals(1.0, d.confusion().count(0, 2));
        assertEquals(1.0, d.confusion().count(1, 1));
        assertEquals(1.0, d.confusion().count(1, 0));
        assertEquals(1.0, d.argmaxConfusion().count(0, 0));
        assertTrue(d.warnings().isEmpty());
    }

    /** Expected cost of deciding j, summed the other way round from CostMatrix.decide. */
    private static int bruteForce(double[] p, int row, double[][] c) {
        int k = c.length;
        double[] e = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            for (int j = 0; j < k; j++) {
                e[j] += c[i][j] * p[row * k + i];
            }
        }
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (e[j] < e[best]) {
                best = j;
            }
        }
        for (int j = 0; j < k; j++) {
            assertTrue(e[best] <= e[j]);
        }
        return best;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 8})
    void bayesDecisionIsTheBruteForceMinimumOverClasses(int k) {
        Random r = new Random(k);
        int n = 300;
        double[][] c = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                c[i][j] = i == j ? 0 : r.nextInt(5) + (r.nextBoolean() ? 0.5 : 0); // ties in costs
            }
        }
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < k; i++) {
            names.add("k" + i);
        }
        int[] y = new int[n];
        double[] p = new double[n * k];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(k);
            for (int j = 0; j < k; j++) {
                // small integers, not normalised (the decision is the same for any positive
                // multiple): every expected cost is exact, so mathematical ties are real ties
                p[i * k + j] = r.nextInt(4);
            }
            w[i] = r.nextDouble() * 2;
        }
        CostDecision d = CostDecision.of(y, p, w, CostMatrix.of(names, c));
        double total = 0;
        double cost = 0;
        double[][] cm = new double[k][k];
        for (int i = 0; i < n; i++) {
            int b = bruteForce(p, i, c);
            assertEquals(b, d.decision(i), "row " + i);
            cost += w[i] * c[y[i]][b];
            total += w[i];
            cm[y[i]][b] += w[i];
        }
        assertEquals(cost, d.totalCost(), 1e-9);
        assertEquals(cost / total, d.meanCost(), 1e-12);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                assertEquals(cm[i][j], d.confusion().count(i, j), 1e-9);
            }
        }
        // the Bayes decision never costs more in expectation than argmax; with 0-1 costs it is argmax
        double[][] zeroOne = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                zeroOne[i][j] = i == j ? 0 : 1;
            }
        }
        CostDecision z = CostDecision.of(y, p, w, CostMatrix.of(names, zeroOne));
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                assertEquals(z.argmaxConfusion().count(i, j), z.confusion().count(i, j), 1e-12);
            }
        }
        assertEquals(z.argmaxTotalCost(), z.totalCost(), 1e-9);
    }

    @Test
    void priorCorrectionIsBayesRuleOnTheRatios() {
        double[] training = {0.5, 0.3, 0.2};
        double[] target = {0.8, 0.15, 0.05};
        double[] p = {0.3, 0.4, 0.3, 0.2, 0.2, 0.6};
        int[] y = {1, 2};
        CostMatrix costs = CostMatrix.of(ABC, new double[][] {{0, 1, 2}, {1, 0, 1}, {3, 1, 0}});
        CostDecision d = CostDecision.of(y, p, null, costs, PriorShiftCalibrator.of(training, target));
        double[] corrected = new double[p.length];
        for (int row = 0; row < 2; row++) {
            double s = 0;
            for (int c = 0; c < 3; c++) {
                corrected[row * 3 + c] = p[row * 3 + c] * target[c] / training[c];
                s += corrected[row * 3 + c];
            }
            for (int c = 0; c < 3; c++) {
                corrected[row * 3 + c] /= s;
            }
        }
        CostDecision byHand = CostDecision.of(y, corrected, null, costs);
        assertArrayEquals(byHand.decisions(), d.decisions());
        assertEquals(byHand.totalCost(), d.totalCost(), 1e-12);
        assertEquals(byHand.argmaxTotalCost(), d.argmaxTotalCost(), 1e-12);
        // and the correction changes something here: row 0 goes from b to a
        assertEquals(1, CostDecision.of(y, p, null, costs).decision(0));
        assertEquals(0, d.decision(0));
    }

    @Test
    void nonZeroDiagonalIsAWarning() {
        CostMatrix m = CostMatrix.of(List.of("x", "y"), new double[][] {{0, 1}, {1, 0.5}});
        assertEquals(List.of("a correct decision of 'y' costs 0.5 (non-zero diagonal)"), m.warnings());
        assertEquals(m.warnings(), CostDecision.of(new int[] {0}, new double[] {1, 0}, null, m).warnings());
    }

    @Test
    void badInputFailsFast() {
        assertEquals("cost of deciding 'b' for true 'a' must be finite and >= 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> CostMatrix.of(List.of("a", "b"),
                        new double[][] {{0, -1}, {1, 0}})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CostMatrix.of(List.of("a", "b"), new double[][] {{0, 1}}));
        assertThrows(IllegalArgumentException.class, () -> CostMatrix.of(List.of("a", "b"),
                new double[][] {{0, 1}, {1, 0, 2}}));
        assertThrows(IllegalArgumentException.class, () -> CostMatrix.of(List.of("a"), new double[][] {{0}}));
        CostMatrix m = CostMatrix.of(List.of("a", "b"), new double[][] {{0, 1}, {1, 0}});
        assertEquals("labels[0] must be in [0, 2), got 2", assertThrows(IllegalArgumentException.class,
                () -> CostDecision.of(new int[] {2}, new double[] {0.5, 0.5}, null, m)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CostDecision.of(new int[] {0}, new double[] {0.5}, null, m));
        assertEquals("probabilities[0][1] must be finite and >= 0, got NaN", assertThrows(IllegalArgumentException.class,
                () -> CostDecision.of(new int[] {0}, new double[] {0.5, Double.NaN}, null, m)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CostDecision.of(new int[] {0}, new double[] {0.5, 0.5},
                null, m, PriorShiftCalibrator.of(new double[] {0.2, 0.3, 0.5}, new double[] {0.2, 0.3, 0.5})));
    }
}

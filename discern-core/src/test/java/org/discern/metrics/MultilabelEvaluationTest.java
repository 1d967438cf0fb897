package org.discern.metrics;

import static org.discern.metrics.Approx.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Multi-label evaluation on a small case derived by hand. */
class MultilabelEvaluationTest {
    private static final int[][] Y = {
        {1, 0, 0},
        {0, 1, 0},
        {1, 1, 0},
        {0, 0, 0},
    };
    private static final double[][] S = {
        {0.9, 0.65, 0.2},
        {0.3, 0.8, 0.9},
        {0.7, 0.6, 0.5},
        {0.1, 0.2, 0.3},
    };

    @Test
    void smallCaseDerivedByHand() {
        MultilabelEvaluation ev = MultilabelEvaluation.of(Y, S, List.of("x", "y", "z"), null);
        assertClose(1.0, ev.rocAuc(0), "x: 0.9, 0.7 above 0.3, 0.1");
        assertClose(0.75, ev.rocAuc(1), "y: 0.8 above both, 0.6 above 0.2 only");
        assertTrue(Double.isNaN(ev.rocAuc(2)), "z has no positive");
        assertTrue(Double.isNaN(ev.averagePrecision(2)));
        assertClose(0.875, ev.rocAucMacro(), "macro over x, y");
        assertClose(0.875, ev.rocAucWeighted(), "weighted: x and y have 2 positives each");
        // pooled: positives 0.9, 0.8, 0.7, 0.6 against 8 negatives (one of them 0.9):
        // 7.5 + 7 + 7 + 6 of 32
        assertClose(27.5 / 32, ev.rocAucMicro(), "micro");
        // per row: row 0 AUC 1, AP 1; row 1: 0.8 below 0.9, above 0.3: AUC 1/2, AP 1/2;
        // row 2: AUC 1, AP 1; row 3 has no positive label and is left out
        assertClose(2.5 / 3, ev.rocAucSamples(), "samples auc");
        assertClose(2.5 / 3, ev.averagePrecisionSamples(), "samples ap");
        // LRAP counts row 3 as 1
        assertClose(3.5 / 4, ev.labelRankingAveragePrecision(), "lrap");
        // coverage: 1, 2, 2, 0
        assertClose(5.0 / 4, ev.coverageError(), "coverage");
        List<String> w = ev.warnings();
        assertEquals(3, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("label 'z' has no positive samples"), w.toString());
        assertTrue(w.get(1).startsWith("1 sample(s) have all labels 0 or all 1 (first: row 3)"), w.toString());
        assertTrue(w.get(2).startsWith("1 sample(s) have no positive label (first: row 3)"), w.toString());
        assertEquals(Double.POSITIVE_INFINITY, ev.rocCurveMicro().threshold(0));
    }

    @Test
    void weightsScaleRowsOfTheSampleAverages() {
        double[] w = {2, 1, 1, 5};
        MultilabelEvaluation ev = MultilabelEvaluation.of(Y, S, List.of("x", "y", "z"), w);
        assertClose((2 * 1 + 1 * 0.5 + 1 * 1) / 4.0, ev.rocAucSamples(), "samples auc, weights of rows 0-2");
        assertClose((2 * 1 + 1 * 0.5 + 1 * 1 + 5 * 1) / 9.0, ev.labelRankingAveragePrecision(), "lrap");
        assertClose((2 * 1 + 1 * 2 + 1 * 2 + 5 * 0) / 9.0, ev.coverageError(), "coverage");
        // x: positives rows 0 (w 2), 2 (w 1) both above the negatives: still 1
        assertClose(1.0, ev.rocAuc(0), "x");
        // y: positives 0.8 (w 1), 0.6 (w 1); negatives 0.65 (w 2), 0.2 (w 5): (1*7 + 1*5) / (2 * 7)
        assertClose(12.0 / 14, ev.rocAuc(1), "y weighted");
        assertClose(ev.rocAucMacro(), (1.0 + 12.0 / 14) / 2, "macro");
    }

    @Test
    void invalidIndicatorFailsFast() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MultilabelEvaluation.of(new int[][] {{1, 2}}, new double[][] {{0.1, 0.2}}, List.of("a", "b"), null));
        assertEquals("indicator[0][1] must be 0 or 1, got 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MultilabelEvaluation.of(new boolean[5], new double[5], List.of("a", "b"), null));
        assertEquals("indicator must hold n x L values with L = 2, got 5", e.getMessage());
    }
}

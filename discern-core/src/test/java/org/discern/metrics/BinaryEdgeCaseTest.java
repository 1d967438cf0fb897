package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Small cases whose expected values are derived by hand from the counts. */
class BinaryEdgeCaseTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void allPositiveHasUndefinedAucAndAWarning() {
        BinaryEvaluation ev = BinaryEvaluation.of(new double[] {0.1, 0.7, 0.4}, new boolean[] {true, true, true});
        assertTrue(Double.isNaN(ev.rocAuc()));
        // every precision is 1: average precision and both PR areas are 1 (scikit-learn's AP too)
        assertEquals(1.0, ev.averagePrecision());
        assertEquals(1.0, ev.prAucTrapezoid());
        assertEquals(1.0, ev.prAucInterpolated());
        assertTrue(Double.isNaN(ev.ks()));
        assertEquals(1, ev.warnings().stream().filter(w -> w.contains("only positive")).count());
        // threshold metrics still defined: at 0.5 one of three positives is found
        ConfusionMatrix cm = ev.confusionAt(0.5);
        assertEquals(new ConfusionMatrix(1, 0, 0, 2), cm);
        assertEquals(1.0 / 3, cm.recall(), 1e-15);
        assertTrue(Double.isNaN(cm.specificity()));
        // balanced accuracy: the mean recall over the classes present, here the recall alone
        assertEquals(1.0 / 3, cm.balancedAccuracy(), 1e-15);
        assertEquals(ev.warnings().size() + 1, ev.warningsAt(0.5).size());
        assertEquals(ev.warnings(), ev.warningsAt(0.05), "all predicted positive: nothing absent is predicted");
        // ROC: FPR undefined everywhere, TPR 0, 1/3, 2/3, 1
        RocCurve roc = ev.rocCurveAllThresholds();
        assertArrayEquals(new double[] {0, 1.0 / 3, 2.0 / 3, 1}, roc.tpr(), 1e-15);
        assertTrue(Double.isNaN(roc.fpr(2)));
    }

    @Test
    void allNegativeHasUndefinedAucAndAWarning() {
        BinaryEvaluation ev = BinaryEvaluation.of(new double[] {0.1, 0.7}, new boolean[] {false, false});
        assertTrue(Double.isNaN(ev.rocAuc()));
        assertTrue(Double.isNaN(ev.partialRocAuc(0.5)));
        assertTrue(Double.isNaN(ev.averagePrecision()), "recall is 0/0 without positives");
        assertTrue(Double.isNaN(ev.prAucTrapezoid()));
        assertTrue(ev.warnings().get(0).contains("only negative"));
        assertEquals(0.5, ev.confusionAt(0.5).balancedAccuracy(), "the specificity alone");
        assertEquals(new ConfusionMatrix(0, 1, 1, 0), ev.confusionAt(0.5));
        assertTrue(Double.isNaN(ev.confusionAt(0.5).precision()) == false);
        assertEquals(0.0, ev.confusionAt(0.5).precision());
        assertTrue(Double.isNaN(ev.confusionAt(0.9).precision()), "nothing predicted positive: 0/0");
    }

    @Test
    void oneRow() {
        BinaryEvaluation ev = BinaryEvaluation.of(new double[] {0.3}, new boolean[] {true});
        assertEquals(1, ev.operatingPoints().size());
        assertTrue(Double.isNaN(ev.rocAuc()));
        assertEquals(new ConfusionMatrix(0, 0, 0, 1), ev.confusionAt(0.5));
        assertEquals(new ConfusionMatrix(1, 0, 0, 0), ev.confusionAt(0.3), "score >= threshold is positive");
        assertEquals(0.0, ev.logLoss() - (-Math.log(0.3)), 1e-15);
        assertEquals(0.49, ev.brierScore(), 1e-15);
    }

    @Test
    void allTiedScoresGiveAucOneHalfAndOneOperatingPoint() {
        double[] s = {0.5, 0.5, 0.5, 0.5, 0.5};
        boolean[] y = {true, false, false, true, false};
        BinaryEvaluation ev = BinaryEvaluation.of(s, y);
        assertEquals(1, ev.operatingPoints().size());
        assertEquals(0.5, ev.rocAuc(), 0);
        // one step from (0,0) to (1,1): precision 2/5 at recall 1
        assertEquals(0.4, ev.averagePrecision(), 1e-15);
        RocCurve roc = ev.rocCurve();
        assertArrayEquals(new double[] {INF, 0.5}, roc.thresholds());
        assertArrayEquals(new double[] {0, 1}, roc.fpr());
        assertEquals(0.0, ev.ks());
        // gain is linear inside the tie: half the population holds half the positives
        assertEquals(0.5, ev.gain(0.5), 1e-15);
        assertEquals(1.0, ev.lift(0.5), 1e-15);
    }

    @Test
    void handComputedAucWithTies() {
        // positives 0.9, 0.5, 0.3 ; negatives 0.5, 0.2, 0.1
        // pairs: (0.9 > all 3) = 3; (0.5 vs 0.5 tie = .5, > 0.2, > 0.1) = 2.5; (0.3 > 0.2, 0.1) = 2
        double[] s = {0.9, 0.5, 0.3, 0.5, 0.2, 0.1};
        boolean[] y = {true, true, true, false, false, false};
        BinaryEvaluation ev = BinaryEvaluation.of(s, y);
        assertEquals(7.5 / 9, ev.rocAuc(), 1e-15);
        // AP: thresholds 0.9 (R 1/3, P 1), 0.5 (R 2/3, P 2/3), 0.3 (R 1, P 3/4)
        assertEquals(1.0 / 3 * 1 + 1.0 / 3 * (2.0 / 3) + 1.0 / 3 * 0.75, ev.averagePrecision(), 1e-15);
        // KS: max |TPR - FPR|: at 0.3: 1 - 1/3
        assertEquals(2.0 / 3, ev.ks(), 1e-15);
        assertEquals(0.3, ev.ksThreshold());
        // trapezoid PR: (0,1) -> (1/3,1) -> (2/3,2/3) -> (1,3/4)
        double trap = 1.0 / 3 * 1 + 1.0 / 3 * (1 + 2.0 / 3) / 2 + 1.0 / 3 * (2.0 / 3 + 0.75) / 2;
        assertEquals(trap, ev.prAucTrapezoid(), 1e-15);
    }

    @Test
    void interpolatedPrAreaMatchesNumericIntegration() {
        // one step from (tp, fp) = (1, 0) to (3, 4): fp grows 2 per tp, precision (1 + x) / (1 + 3x)
        double[] s = {0.9, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
        boolean[] y = {true, true, true, false, false, false, false};
        BinaryEvaluation ev = BinaryEvaluation.of(s, y);
        double integral = 0;
        int steps = 2_000_000;
        for (int k = 0; k < steps; k++) {
            double x = (k + 0.5) * 2.0 / steps;
            integral += (1 + x) / (1 + 3 * x) * (2.0 / steps);
        }
        // first segment (0,0) -> (1,0): precision 1 over recall 1/3
        double expected = (1.0 + integral) / 3;
        assertEquals(expected, ev.prAucInterpolated(), 1e-9);
    }

    @Test
    void zeroWeightsRemoveSamples() {
        double[] s = {0.9, 0.8, 0.7, 0.6, 0.1};
        boolean[] y = {false, true, false, true, false};
        double[] w = {0, 1, 1, 1, 0};
        BinaryEvaluation weighted = BinaryEvaluation.of(s, y, w);
        BinaryEvaluation dropped = BinaryEvaluation.of(new double[] {0.8, 0.7, 0.6}, new boolean[] {true, false, true});
        assertEquals(dropped.rocAuc(), weighted.rocAuc(), 1e-15);
        assertEquals(dropped.averagePrecision(), weighted.averagePrecision(), 1e-15);
        assertEquals(0.5, weighted.rocAuc(), 1e-15);
        // a row of weight 0 is no row: not counted, no curve point, no threshold
        assertEquals(3, weighted.rows());
        assertEquals(dropped.rocCurveAllThresholds(), weighted.rocCurveAllThresholds());
        assertEquals(dropped.precisionRecallCurve(), weighted.precisionRecallCurve());
        assertEquals(List.of("2 rows have weight 0 and are left out everywhere (a sample of weight 0 is the same as "
                + "no sample)"), weighted.warnings());
        // at 0.85 nothing is predicted positive: precision 0/0
        assertTrue(Double.isNaN(weighted.confusionAt(0.85).precision()));
    }

    @Test
    void integerWeightsEqualRepeatedRows() {
        double[] s = {0.9, 0.4, 0.4, 0.2};
        boolean[] y = {true, false, true, false};
        double[] w = {2, 3, 1, 2};
        double[] rs = {0.9, 0.9, 0.4, 0.4, 0.4, 0.4, 0.2, 0.2};
        boolean[] ry = {true, true, false, false, false, true, false, false};
        BinaryEvaluation a = BinaryEvaluation.of(s, y, w);
        BinaryEvaluation b = BinaryEvaluation.of(rs, ry);
        assertEquals(b.rocAuc(), a.rocAuc(), 1e-15);
        assertEquals(b.averagePrecision(), a.averagePrecision(), 1e-15);
        assertEquals(b.prAucInterpolated(), a.prAucInterpolated(), 1e-15);
        assertEquals(b.logLoss(), a.logLoss(), 1e-15);
        assertEquals(b.confusionAt(0.4), a.confusionAt(0.4));
    }

    @Test
    void gainAndLiftAtDepths() {
        // 10 rows, distinct scores, positives at ranks 1, 2, 5
        double[] s = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        boolean[] y = {true, true, false, false, true, false, false, false, false, false};
        BinaryEvaluation ev = BinaryEvaluation.of(s, y);
        assertEquals(2.0 / 3, ev.gain(0.2), 1e-15);
        assertEquals(10.0 / 3, ev.lift(0.2), 1e-15);
        assertEquals(1.0, ev.gain(0.5), 1e-15);
        assertEquals(1.0 / 3, ev.gain(0.1), 1e-15);
        assertEquals(0.0, ev.gain(0), 0);
        assertEquals(1.0, ev.gain(1), 0);
    }

    @Test
    void partialAucOfPerfectAndRandomClassifiers() {
        BinaryEvaluation perfect = BinaryEvaluation.of(new double[] {0.9, 0.8, 0.2, 0.1},
                new boolean[] {true, true, false, false});
        assertEquals(1.0, perfect.partialRocAuc(0.1), 1e-15);
        assertEquals(1.0, perfect.rocAuc(), 0);
        BinaryEvaluation tied = BinaryEvaluation.of(new double[] {0.5, 0.5}, new boolean[] {true, false});
        assertEquals(0.5, tied.partialRocAuc(0.3), 1e-15);
        assertEquals(tied.rocAuc(), tied.partialRocAuc(1.0), 0);
    }

    @Test
    void confusionMetricsFromCounts() {
        ConfusionMatrix cm = new ConfusionMatrix(30, 10, 50, 10);
        assertEquals(0.8, cm.accuracy(), 1e-15);
        assertEquals(0.75, cm.precision(), 1e-15);
        assertEquals(0.75, cm.recall(), 1e-15);
        assertEquals(50.0 / 60, cm.specificity(), 1e-15);
        assertEquals(50.0 / 60, cm.npv(), 1e-15);
        assertEquals(10.0 / 60, cm.falsePositiveRate(), 1e-15);
        assertEquals(0.25, cm.falseNegativeRate(), 1e-15);
        assertEquals(0.75, cm.f1(), 1e-15);
        assertEquals(0.75, cm.fBeta(2), 1e-15);
        assertEquals((30.0 * 50 - 10 * 10) / Math.sqrt(40.0 * 40 * 60 * 60), cm.mcc(), 1e-15);
        assertEquals(0.4, cm.prevalence(), 1e-15);
        assertEquals(0.75 + 50.0 / 60 - 1, cm.youdenJ(), 1e-15);
        double pe = (40.0 * 40 + 60.0 * 60) / (100.0 * 100);
        assertEquals((0.8 - pe) / (1 - pe), cm.cohenKappa(), 1e-15);
        assertTrue(Double.isNaN(new ConfusionMatrix(0, 0, 5, 5).mcc()));
        assertFalse(Double.isNaN(new ConfusionMatrix(1, 0, 5, 5).mcc()));
    }

    @Test
    void dropIntermediateKeepsCornersOnly() {
        // scores 4..1: labels 1, 1, 0, 0 -> (0,.5) and (0,1) collinear with (0,0)? first kept always
        double[] s = {4, 3, 2, 1};
        boolean[] y = {true, true, false, false};
        BinaryEvaluation ev = BinaryEvaluation.of(s, y);
        RocCurve all = ev.rocCurveAllThresholds();
        assertEquals(5, all.size());
        RocCurve dropped = ev.rocCurve();
        // distinct points: (0,.5),(0,1),(.5,1),(1,1): (0,1) is a corner; (.5,1) collinear -> dropped
        assertArrayEquals(new double[] {INF, 4, 3, 1}, dropped.thresholds());
        assertArrayEquals(new double[] {INF, 3, 1}, all.corners().thresholds());
    }

    @Test
    void floatAndDoubleThresholdsAreTheScores() {
        float[] f = {0.1f, 0.7f, 0.7f, 0.3f};
        boolean[] y = {false, true, false, true};
        OperatingPoints op = OperatingPoints.of(f, y);
        assertArrayEquals(new double[] {0.7f, 0.3f, 0.1f}, op.thresholds());
        assertArrayEquals(new double[] {1, 2, 2}, op.truePositives());
        assertArrayEquals(new double[] {1, 1, 2}, op.falsePositives());
    }

    @Test
    void negativeZeroTiesWithZero() {
        OperatingPoints op = OperatingPoints.of(new double[] {-0.0, 0.0, 1e-300}, new boolean[] {true, false, true});
        assertEquals(2, op.size());
        // every path names that threshold 0.0, weighted or not (found by a property)
        OperatingPoints w = OperatingPoints.of(new double[] {-0.0, -0.0, 1e-300}, new boolean[] {true, false, true},
                new double[] {1, 2, 1});
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(w.threshold(1)));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(
                OperatingPoints.of(new double[] {-0.0, -0.0}, new boolean[] {true, false}).threshold(0)));
    }
}

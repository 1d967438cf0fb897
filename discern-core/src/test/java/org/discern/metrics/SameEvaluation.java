package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Asserts that two evaluations of the same sample, computed by different paths (one pass, merged
 * summaries, a distributed job), give the same numbers and curves, within a relative tolerance
 * (0 = bit for bit). Shared with other modules through the core test-jar.
 */
public final class SameEvaluation {
    private SameEvaluation() {
    }

    /** Every number and curve of a binary evaluation. */
    public static void binary(BinaryEvaluation expected, BinaryEvaluation actual, double rel, String what) {
        assertEquals(expected.rows(), actual.rows(), what + " rows");
        assertEquals(expected.positiveRows(), actual.positiveRows(), what + " positive rows");
        assertEquals(expected.operatingPoints().weighted(), actual.operatingPoints().weighted(), what + " weighted");
        assertEquals(expected.warnings(), actual.warnings(), what + " warnings");
        assertEquals(expected.scoresAreProbabilities(), actual.scoresAreProbabilities(), what + " probabilities");
        close(expected.rocAuc(), actual.rocAuc(), rel, what + " rocAuc");
        close(expected.averagePrecision(), actual.averagePrecision(), rel, what + " averagePrecision");
        close(expected.prAucInterpolated(), actual.prAucInterpolated(), rel, what + " prAucInterpolated");
        close(expected.prAucTrapezoid(), actual.prAucTrapezoid(), rel, what + " prAucTrapezoid");
        close(expected.ks(), actual.ks(), rel, what + " ks");
        close(expected.ksThreshold(), actual.ksThreshold(), rel, what + " ksThreshold");
        close(expected.logLoss(), actual.logLoss(), Math.max(rel, 1e-13), what + " logLoss");
        close(expected.brierScore(), actual.brierScore(), Math.max(rel, 1e-13), what + " brier");
        for (double maxFpr : new double[] {0.05, 0.3, 1}) {
            close(expected.partialRocAuc(maxFpr), actual.partialRocAuc(maxFpr), rel, what + " partial " + maxFpr);
        }
        for (double t : new double[] {Double.NEGATIVE_INFINITY, 0.1, 0.5, 0.9, Double.POSITIVE_INFINITY}) {
            confusion(expected.confusionAt(t), actual.confusionAt(t), rel, what + " confusion at " + t);
        }
        OperatingPoints a = expected.operatingPoints();
        OperatingPoints b = actual.operatingPoints();
        arrays(a.thresholds(), b.thresholds(), 0, what + " thresholds");
        arrays(a.truePositives(), b.truePositives(), rel, what + " tp");
        arrays(a.falsePositives(), b.falsePositives(), rel, what + " fp");
        RocCurve ra = expected.rocCurve();
        RocCurve rb = actual.rocCurve();
        arrays(ra.fpr(), rb.fpr(), rel, what + " roc fpr");
        arrays(ra.tpr(), rb.tpr(), rel, what + " roc tpr");
        arrays(ra.thresholds(), rb.thresholds(), 0, what + " roc thresholds");
        PrecisionRecallCurve pa = expected.precisionRecallCurve();
        PrecisionRecallCurve pb = actual.precisionRecallCurve();
        arrays(pa.precision(), pb.precision(), rel, what + " precision");
        arrays(pa.recall(), pb.recall(), rel, what + " recall");
    }

    /** Every number of a multi-class evaluation, and its one-vs-rest and micro curves. */
    public static void multiclass(MulticlassEvaluation expected, MulticlassNumbers actual, double rel,
            String what) {
        assertEquals(expected.weighted(), actual.weighted(), what + " weighted");
        assertEquals(expected.warnings(), actual.warnings(), what + " warnings");
        multiclassNumbers(expected, actual, rel, what);
    }

    /** {@link #multiclass} without the warnings (whose log-loss row number depends on the row order). */
    public static void multiclassNumbers(MulticlassEvaluation expected, MulticlassNumbers actual, double rel,
            String what) {
        assertEquals(expected.classes(), actual.classes(), what + " classes");
        assertEquals(expected.rows(), actual.rows(), what + " rows");
        int k = expected.classCount();
        close(expected.rocAucOvrMacro(), actual.rocAucOvrMacro(), rel, what + " ovr macro");
        close(expected.rocAucOvrWeighted(), actual.rocAucOvrWeighted(), rel, what + " ovr weighted");
        close(expected.rocAucOvrMicro(), actual.rocAucOvrMicro(), rel, what + " ovr micro");
        close(expected.rocAucOvoMacro(), actual.rocAucOvoMacro(), rel, what + " ovo macro");
        close(expected.rocAucOvoWeighted(), actual.rocAucOvoWeighted(), rel, what + " ovo weighted");
        close(expected.averagePrecisionMacro(), actual.averagePrecisionMacro(), rel, what + " ap macro");
        close(expected.averagePrecisionWeighted(), actual.averagePrecisionWeighted(), rel, what + " ap weighted");
        close(expected.averagePrecisionMicro(), actual.averagePrecisionMicro(), rel, what + " ap micro");
        close(expected.accuracy(), actual.accuracy(), rel, what + " accuracy");
        close(expected.balancedAccuracy(), actual.balancedAccuracy(), rel, what + " balanced accuracy");
        close(expected.cohenKappa(), actual.cohenKappa(), rel, what + " kappa");
        close(expected.mcc(), actual.mcc(), rel, what + " mcc");
        close(expected.logLoss(), actual.logLoss(), Math.max(rel, 1e-13), what + " log loss");
        for (int t = 1; t <= k; t++) {
            close(expected.topKAccuracy(t), actual.topKAccuracy(t), rel, what + " top " + t);
        }
        MulticlassConfusionMatrix ca = expected.confusionMatrix();
        MulticlassConfusionMatrix cb = actual.confusionMatrix();
        for (int c = 0; c < k; c++) {
            arrays(ca.counts()[c], cb.counts()[c], rel, what + " confusion row " + c);
            close(expected.support(c), actual.support(c), rel, what + " support " + c);
            close(expected.rocAuc(c), actual.rocAuc(c), rel, what + " auc " + c);
            close(expected.averagePrecision(c), actual.averagePrecision(c), rel, what + " ap " + c);
            if (actual instanceof MulticlassEvaluation a) {
                assertEquals(expected.supportRows(c), a.supportRows(c), what + " support rows " + c);
                RocCurve ra = expected.rocCurve(c);
                RocCurve rb = a.rocCurve(c);
                arrays(ra.fpr(), rb.fpr(), rel, what + " roc fpr " + c);
                arrays(ra.tpr(), rb.tpr(), rel, what + " roc tpr " + c);
                arrays(ra.thresholds(), rb.thresholds(), 0, what + " roc thresholds " + c);
            } else {
                // the table was summed run by run: the other areas of the class from its sums
                BinaryEvaluation e = expected.classEvaluation(c);
                SweepSums sums = ((MulticlassSweep) actual).classSums(c);
                close(e.prAucInterpolated(), sums.prAucInterpolated(), rel, what + " pr interpolated " + c);
                close(e.prAucTrapezoid(), sums.prAucTrapezoid(), rel, what + " pr trapezoid " + c);
                close(e.ks(), sums.ks(), rel, what + " ks " + c);
            }
            for (int b = 0; b < k; b++) {
                if (b != c) {
                    close(expected.rocAucOneVsOne(c, b), actual.rocAucOneVsOne(c, b), rel, what + " ovo " + c + "|" + b);
                }
            }
        }
        if (!(actual instanceof MulticlassEvaluation a)) {
            return;
        }
        RocCurve ma = expected.rocCurveMicro();
        RocCurve mb = a.rocCurveMicro();
        arrays(ma.fpr(), mb.fpr(), rel, what + " micro fpr");
        arrays(ma.tpr(), mb.tpr(), rel, what + " micro tpr");
        arrays(ma.thresholds(), mb.thresholds(), 0, what + " micro thresholds");
    }

    static void confusion(ConfusionMatrix a, ConfusionMatrix b, double rel, String what) {
        close(a.tp(), b.tp(), rel, what + " tp");
        close(a.fp(), b.fp(), rel, what + " fp");
        close(a.tn(), b.tn(), rel, what + " tn");
        close(a.fn(), b.fn(), rel, what + " fn");
    }

    /** Equal within {@code rel} relative (plus 1e-15 absolute when rel > 0); NaN equals NaN. */
    public static void close(double expected, double actual, double rel, String what) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            assertEquals(expected, actual, what);
        } else if (rel == 0) {
            assertTrue(expected == actual, () -> what + ": expected " + expected + " but was " + actual + " (exactly)");
        } else {
            Approx.assertClose(expected, actual, rel, what);
        }
    }

    /** Element-wise {@link #close}. */
    public static void arrays(double[] expected, double[] actual, double rel, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            close(expected[i], actual[i], rel, what + "[" + i + "]");
        }
    }
}

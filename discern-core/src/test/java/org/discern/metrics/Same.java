package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/**
 * Assertions that two evaluations agree on every number and every curve: bit for bit where the
 * arithmetic is the same, within {@code rel} (relative) otherwise. Shared by the properties that
 * compare an evaluation with an equivalent one (repeated rows, dropped rows, rescaled weights,
 * merged parts, other threads).
 */
final class Same {
    private Same() {
    }

    /** Every curve and number of two binary evaluations, and their weighted counts, compared exactly. */
    static void binary(BinaryEvaluation a, BinaryEvaluation b, String what) {
        binaryRates(a, b, what);
        binaryNumbers(a, b, 0, what);
    }

    /** Every curve and number, exactly, but not the counts (the weights may differ in scale). */
    static void binaryRates(BinaryEvaluation a, BinaryEvaluation b, String what) {
        assertEquals(a.rocCurve(), b.rocCurve(), what + ": roc curve");
        assertEquals(a.rocCurveAllThresholds(), b.rocCurveAllThresholds(), what + ": roc all thresholds");
        assertEquals(a.precisionRecallCurve(), b.precisionRecallCurve(), what + ": pr curve");
        assertEquals(a.detCurve(), b.detCurve(), what + ": det curve");
        binaryNumbers(a, b, -1, what);
    }

    /**
     * The threshold-free numbers and the metrics of the confusion matrix at every operating point
     * (and at +Infinity), within {@code rel} (0: exactly, with the counts; -1: exactly, without
     * the counts); the operating points' thresholds exactly.
     */
    static void binaryNumbers(BinaryEvaluation a, BinaryEvaluation b, double rel, String what) {
        boolean counts = rel == 0;
        rel = Math.max(rel, 0);
        // from here rel == 0 means exactly (counts or not)
        close(a.rocAuc(), b.rocAuc(), rel, what + ": roc auc");
        close(a.partialRocAuc(0.3), b.partialRocAuc(0.3), rel, what + ": partial auc");
        close(a.averagePrecision(), b.averagePrecision(), rel, what + ": ap");
        close(a.prAucTrapezoid(), b.prAucTrapezoid(), rel, what + ": pr trapezoid");
        close(a.prAucInterpolated(), b.prAucInterpolated(), rel, what + ": pr interpolated");
        close(a.ks(), b.ks(), rel, what + ": ks");
        if (rel == 0) {
            // an argmax: rounding may break exact ties differently when the arithmetic differs
            assertEquals(a.ksThreshold(), b.ksThreshold(), what + ": ks threshold");
        }
        close(a.gain(0.3), b.gain(0.3), rel, what + ": gain");
        close(a.lift(0.6), b.lift(0.6), rel, what + ": lift");
        close(a.logLoss(), b.logLoss(), Math.max(rel, 1e-12), what + ": log loss");
        close(a.brierScore(), b.brierScore(), Math.max(rel, 1e-12), what + ": brier");
        OperatingPoints pa = a.operatingPoints();
        OperatingPoints pb = b.operatingPoints();
        assertEquals(pa.size(), pb.size(), what + ": operating points");
        for (int i = -1; i < pa.size(); i++) {
            if (i >= 0) {
                assertEquals(pa.threshold(i), pb.threshold(i), what + ": threshold " + i);
            }
            ConfusionMatrix ca = pa.confusionAtIndex(i);
            ConfusionMatrix cb = pb.confusionAtIndex(i);
            if (counts) {
                assertEquals(ca, cb, what + ": confusion at " + i);
            }
            close(ca.mcc(), cb.mcc(), Math.max(rel, 1e-12), what + ": mcc at " + i);
            close(ca.cohenKappa(), cb.cohenKappa(), Math.max(rel, 1e-12), what + ": kappa at " + i);
            close(ca.balancedAccuracy(), cb.balancedAccuracy(), Math.max(rel, 1e-12), what + ": balanced at " + i);
            close(ca.f1(), cb.f1(), Math.max(rel, 1e-12), what + ": f1 at " + i);
        }
        if (rel == 0) {
            for (ThresholdCriterion c : List.of(new ThresholdCriterion.Youden(), new ThresholdCriterion.MaxMcc(),
                    ThresholdCriterion.MinCost.of(1, 5))) {
                assertEquals(Thresholds.best(a, c).threshold(), Thresholds.best(b, c).threshold(), what + ": best " + c);
            }
        }
    }

    /** Every number and curve of two multi-class evaluations, within {@code rel}. */
    static void multiclass(MulticlassEvaluation a, MulticlassEvaluation b, double rel, String what) {
        for (int c = 0; c < a.classCount(); c++) {
            if (rel == 0) {
                binary(a.classEvaluation(c), b.classEvaluation(c), what + ": class " + c);
            } else {
                binaryNumbers(a.classEvaluation(c), b.classEvaluation(c), rel, what + ": class " + c);
            }
            close(a.rocAuc(c), b.rocAuc(c), rel, what + ": auc " + c);
            close(a.averagePrecision(c), b.averagePrecision(c), rel, what + ": ap " + c);
            for (int d = 0; d < a.classCount(); d++) {
                if (c != d) {
                    close(a.rocAucOneVsOne(c, d), b.rocAucOneVsOne(c, d), Math.max(rel, 1e-12), what + ": ovo");
                }
            }
        }
        if (rel == 0) {
            assertEquals(a.rocCurveMicro(), b.rocCurveMicro(), what + ": micro curve");
            assertEquals(a.confusionMatrix(), b.confusionMatrix(), what + ": confusion matrix");
        }
        close(a.rocAucOvrMacro(), b.rocAucOvrMacro(), rel, what + ": ovr macro");
        close(a.rocAucOvrWeighted(), b.rocAucOvrWeighted(), Math.max(rel, 1e-12), what + ": ovr weighted");
        close(a.rocAucOvrMicro(), b.rocAucOvrMicro(), rel, what + ": ovr micro");
        close(a.rocAucOvoMacro(), b.rocAucOvoMacro(), Math.max(rel, 1e-12), what + ": ovo macro");
        close(a.rocAucOvoWeighted(), b.rocAucOvoWeighted(), Math.max(rel, 1e-12), what + ": ovo weighted");
        close(a.averagePrecisionMacro(), b.averagePrecisionMacro(), rel, what + ": ap macro");
        close(a.averagePrecisionWeighted(), b.averagePrecisionWeighted(), Math.max(rel, 1e-12), what + ": ap weighted");
        close(a.averagePrecisionMicro(), b.averagePrecisionMicro(), rel, what + ": ap micro");
        close(a.accuracy(), b.accuracy(), Math.max(rel, 1e-12), what + ": accuracy");
        close(a.balancedAccuracy(), b.balancedAccuracy(), Math.max(rel, 1e-12), what + ": balanced accuracy");
        close(a.mcc(), b.mcc(), Math.max(rel, 1e-12), what + ": mcc");
        close(a.cohenKappa(), b.cohenKappa(), Math.max(rel, 1e-12), what + ": kappa");
        close(a.logLoss(), b.logLoss(), Math.max(rel, 1e-12), what + ": log loss");
        for (int k = 1; k <= a.classCount(); k++) {
            close(a.topKAccuracy(k), b.topKAccuracy(k), Math.max(rel, 1e-12), what + ": top " + k);
        }
    }

    /** Exactly when rel is 0; else within rel relative, 1e-14 absolute (values near 0 cancel). */
    private static void close(double expected, double actual, double rel, String what) {
        if (rel == 0 || Double.isNaN(expected) || Double.isInfinite(expected)) {
            assertEquals(expected, actual, what);
        } else if (!(Math.abs(expected - actual) <= rel * Math.abs(expected) + 1e-14)) {
            assertEquals(expected, actual, what + " (tolerance " + rel + " relative)");
        }
    }
}

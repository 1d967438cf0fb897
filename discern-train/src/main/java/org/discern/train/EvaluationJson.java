package org.discern.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.ConfusionMatrix;

/**
 * The binary metrics of {@code discern evaluate --format json} as a JSON-ready map, keys in
 * snake_case with scikit-learn's names (as in the golden fixtures): {@code rows},
 * {@code positives}, {@code roc_auc}, {@code average_precision}, {@code pr_auc_interpolated},
 * {@code log_loss}, {@code brier}, {@code threshold}, {@code confusion} {tn, fp, fn, tp},
 * {@code accuracy}, {@code precision}, {@code recall}, {@code specificity}, {@code f1}, {@code f2},
 * {@code mcc}, {@code balanced_accuracy}, {@code cohen_kappa}, {@code warnings}. NaN and
 * infinities are written as null.
 */
final class EvaluationJson {
    private EvaluationJson() {
    }

    static Map<String, Object> binary(BinaryEvaluation ev, double threshold) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", ev.rows());
        m.put("positives", ev.positiveRows());
        m.put("roc_auc", num(ev.rocAuc()));
        m.put("average_precision", num(ev.averagePrecision()));
        m.put("pr_auc_interpolated", num(ev.prAucInterpolated()));
        m.put("log_loss", num(ev.logLoss()));
        m.put("brier", num(ev.brierScore()));
        m.putAll(atThreshold(ev.confusionAt(threshold), threshold));
        m.put("warnings", List.copyOf(ev.warnings()));
        return m;
    }

    /** Threshold, confusion and the threshold metrics of a confusion matrix. */
    static Map<String, Object> atThreshold(ConfusionMatrix c, double threshold) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("threshold", num(threshold));
        m.put("confusion", confusion(c));
        m.put("accuracy", num(c.accuracy()));
        m.put("precision", num(c.precision()));
        m.put("recall", num(c.recall()));
        m.put("specificity", num(c.specificity()));
        m.put("f1", num(c.f1()));
        m.put("f2", num(c.fBeta(2)));
        m.put("mcc", num(c.mcc()));
        m.put("balanced_accuracy", num(c.balancedAccuracy()));
        m.put("cohen_kappa", num(c.cohenKappa()));
        return m;
    }

    static Map<String, Object> confusion(ConfusionMatrix c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tn", c.tn());
        m.put("fp", c.fp());
        m.put("fn", c.fn());
        m.put("tp", c.tp());
        return m;
    }

    /** A finite double, or null. */
    static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }
}

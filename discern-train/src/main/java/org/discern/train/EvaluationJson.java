package org.discern.train;

import org.discern.io.BinaryJson;
import org.discern.io.Json;
import org.discern.metrics.ConfusionMatrix;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Threshold metrics at a chosen threshold, with the keys and conventions of
 * {@link BinaryJson} ({@code discern evaluate --format json}): threshold, confusion {tp, fp, tn,
 * fn}, accuracy, precision, recall, specificity, npv, f1, mcc, balanced_accuracy, cohen_kappa;
 * undefined values null.
 */
final class EvaluationJson {
    private EvaluationJson() {
    }

    static ObjectNode atThreshold(ConfusionMatrix cm, double threshold) {
        ObjectNode o = Json.object();
        Json.number(o, "threshold", threshold);
        o.set("confusion", BinaryJson.confusion(cm));
        Json.number(o, "accuracy", cm.accuracy());
        Json.number(o, "precision", cm.precision());
        Json.number(o, "recall", cm.recall());
        Json.number(o, "specificity", cm.specificity());
        Json.number(o, "npv", cm.npv());
        Json.number(o, "f1", cm.f1());
        Json.number(o, "mcc", cm.mcc());
        Json.number(o, "balanced_accuracy", cm.balancedAccuracy());
        Json.number(o, "cohen_kappa", cm.cohenKappa());
        return o;
    }

    /** A finite double, or null (for maps serialised by Jackson). */
    static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }
}

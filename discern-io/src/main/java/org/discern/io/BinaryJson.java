package org.discern.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.ConfusionMatrix;

/**
 * The JSON object of {@code discern evaluate --format json} for a binary task. Keys, in order:
 * task, n, n_positive, n_negative, positive_label, weighted, roc_auc, average_precision,
 * pr_auc_interpolated, pr_auc_trapezoid, ks, log_loss, brier, threshold, confusion {tp, fp, tn,
 * fn}, accuracy, precision, recall, specificity, npv, f1, mcc, balanced_accuracy, cohen_kappa,
 * [partial_roc_auc {max_fpr, standardized}], warnings. Undefined values are null.
 */
public final class BinaryJson {
    private BinaryJson() {
    }

    /**
     * Builds the object.
     *
     * @param ev the evaluation
     * @param positiveLabel the label value taken as positive, as in the input
     * @param threshold the decision threshold of the confusion matrix
     * @param maxFpr the max FPR of the partial AUC, or NaN for none
     */
    public static ObjectNode of(BinaryEvaluation ev, String positiveLabel, double threshold, double maxFpr) {
        ObjectNode o = Json.object();
        o.put("task", "binary");
        o.put("n", ev.rows());
        o.put("n_positive", ev.positiveRows());
        o.put("n_negative", ev.negativeRows());
        o.put("positive_label", positiveLabel);
        o.put("weighted", ev.operatingPoints().weighted());
        Json.number(o, "roc_auc", ev.rocAuc());
        Json.number(o, "average_precision", ev.averagePrecision());
        Json.number(o, "pr_auc_interpolated", ev.prAucInterpolated());
        Json.number(o, "pr_auc_trapezoid", ev.prAucTrapezoid());
        Json.number(o, "ks", ev.ks());
        Json.number(o, "log_loss", ev.logLoss());
        Json.number(o, "brier", ev.brierScore());
        Json.number(o, "threshold", threshold);
        ConfusionMatrix cm = ev.confusionAt(threshold);
        o.set("confusion", confusion(cm));
        Json.number(o, "accuracy", cm.accuracy());
        Json.number(o, "precision", cm.precision());
        Json.number(o, "recall", cm.recall());
        Json.number(o, "specificity", cm.specificity());
        Json.number(o, "npv", cm.npv());
        Json.number(o, "f1", cm.f1());
        Json.number(o, "mcc", cm.mcc());
        Json.number(o, "balanced_accuracy", cm.balancedAccuracy());
        Json.number(o, "cohen_kappa", cm.cohenKappa());
        if (!Double.isNaN(maxFpr)) {
            ObjectNode p = Json.object();
            p.put("max_fpr", maxFpr);
            Json.number(p, "standardized", ev.partialRocAuc(maxFpr));
            o.set("partial_roc_auc", p);
        }
        ArrayNode w = o.putArray("warnings");
        ev.warningsAt(threshold).forEach(w::add);
        return o;
    }

    /** {tp, fp, tn, fn}: integers without weights, weighted sums otherwise. */
    public static ObjectNode confusion(ConfusionMatrix cm) {
        ObjectNode c = Json.object();
        Json.count(c, "tp", cm.tp());
        Json.count(c, "fp", cm.fp());
        Json.count(c, "tn", cm.tn());
        Json.count(c, "fn", cm.fn());
        return c;
    }
}

package org.discern.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.discern.metrics.MultilabelEvaluation;

/**
 * The JSON object of {@code discern evaluate --format json} for a multi-label task. Keys, in
 * order: task ("multilabel"), n, labels, roc_auc_macro, roc_auc_weighted, roc_auc_micro,
 * roc_auc_samples, average_precision_macro, average_precision_weighted, average_precision_micro,
 * average_precision_samples, label_ranking_average_precision, coverage_error, per_label (objects
 * with label, support, roc_auc, average_precision), warnings. Undefined values (NaN) are null.
 */
public final class MultilabelJson {
    private MultilabelJson() {
    }

    /** Builds the object. */
    public static ObjectNode of(MultilabelEvaluation ev) {
        ObjectNode o = Json.object();
        o.put("task", "multilabel");
        o.put("n", ev.rows());
        ArrayNode labels = o.putArray("labels");
        ev.labels().forEach(labels::add);
        Json.number(o, "roc_auc_macro", ev.rocAucMacro());
        Json.number(o, "roc_auc_weighted", ev.rocAucWeighted());
        Json.number(o, "roc_auc_micro", ev.rocAucMicro());
        Json.number(o, "roc_auc_samples", ev.rocAucSamples());
        Json.number(o, "average_precision_macro", ev.averagePrecisionMacro());
        Json.number(o, "average_precision_weighted", ev.averagePrecisionWeighted());
        Json.number(o, "average_precision_micro", ev.averagePrecisionMicro());
        Json.number(o, "average_precision_samples", ev.averagePrecisionSamples());
        Json.number(o, "label_ranking_average_precision", ev.labelRankingAveragePrecision());
        Json.number(o, "coverage_error", ev.coverageError());
        ArrayNode per = o.putArray("per_label");
        for (int c = 0; c < ev.labelCount(); c++) {
            ObjectNode pl = per.addObject();
            pl.put("label", ev.labels().get(c));
            Json.count(pl, "support", ev.support(c));
            Json.number(pl, "roc_auc", ev.rocAuc(c));
            Json.number(pl, "average_precision", ev.averagePrecision(c));
        }
        ArrayNode w = o.putArray("warnings");
        ev.warnings().forEach(w::add);
        return o;
    }
}

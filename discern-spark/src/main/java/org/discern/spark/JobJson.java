package org.discern.spark;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.discern.io.BinaryJson;
import org.discern.io.IntervalJson;
import org.discern.io.Json;
import org.discern.io.MulticlassJson;
import org.discern.metrics.ConfusionMatrix;
import org.discern.metrics.DeLong;
import org.discern.metrics.DeLongAuc;
import org.discern.metrics.MulticlassEvaluation;

/**
 * The JSON of {@link EvaluatePredictions}: the object {@code discern evaluate --format json}
 * prints for the same rows and options. When the table reached the driver it is io's own writer
 * ({@link BinaryJson}, {@link MulticlassJson}) on the core's evaluation; when the table stayed on
 * the cluster, the same keys in the same order from the summed numbers (the keys come from
 * {@link MetricNames}; a test holds both paths equal). DeLong intervals are added as
 * {@code evaluate --ci delong} adds them.
 */
final class JobJson {
    /** The warning {@code evaluate --ci delong} adds for weighted data. */
    static final String DELONG_WEIGHTS = "DeLong treats sample weights as frequency weights (a row of weight 2 counts"
            + " as two rows); for other weights use --ci bootstrap";

    private JobJson() {
    }

    /**
     * The binary object.
     *
     * @param level the DeLong interval's level, or NaN for no interval
     */
    static ObjectNode binary(SparkBinaryEvaluation e, String positiveLabel, double threshold, double maxFpr,
            double level) {
        ObjectNode o = e.evaluation().isPresent()
                ? BinaryJson.of(e.evaluation().get(), positiveLabel, threshold, maxFpr)
                : binaryFromSums(e, positiveLabel, threshold, maxFpr);
        if (Double.isNaN(level)) {
            return o;
        }
        ArrayNode warnings = (ArrayNode) o.get("warnings");
        DeLongAuc d = e.deLong();
        ObjectNode out = IntervalJson.insertAfter(o, "roc_auc", "roc_auc_ci", IntervalJson.interval(d.interval(level)));
        out = IntervalJson.insertAfter(out, "roc_auc_ci", "roc_auc_variance",
                Json.number(Json.object(), "v", d.variance()).get("v"));
        d.warnings().forEach(warnings::add);
        if (e.weighted()) {
            warnings.add(DELONG_WEIGHTS);
        }
        return out;
    }

    /** {@link BinaryJson}'s keys, from the sums of a table kept on the cluster. */
    static ObjectNode binaryFromSums(SparkBinaryEvaluation e, String positiveLabel, double threshold, double maxFpr) {
        ObjectNode o = Json.object();
        o.put("task", "binary");
        o.put("n", e.rows());
        o.put("n_positive", e.positiveRows());
        o.put("n_negative", e.negativeRows());
        o.put("positive_label", positiveLabel);
        o.put("weighted", e.weighted());
        for (MetricNames.Binary m : MetricNames.Binary.values()) {
            if (!m.atThreshold() && m != MetricNames.Binary.PARTIAL_AREA_UNDER_ROC) {
                Json.number(o, m.jsonKey(), m.of(e, threshold));
            }
        }
        Json.number(o, "threshold", threshold);
        ConfusionMatrix cm = e.confusionAt(threshold);
        o.set("confusion", BinaryJson.confusion(cm));
        for (MetricNames.Binary m : MetricNames.Binary.values()) {
            if (m.atThreshold()) {
                Json.number(o, m.jsonKey(), m.of(e, threshold));
            }
        }
        if (!Double.isNaN(maxFpr)) {
            ObjectNode p = Json.object();
            p.put("max_fpr", maxFpr);
            Json.number(p, "standardized", e.partialRocAuc());
            o.set(MetricNames.Binary.PARTIAL_AREA_UNDER_ROC.jsonKey(), p);
        }
        ArrayNode w = o.putArray("warnings");
        e.warnings().forEach(w::add);
        return o;
    }

    /**
     * The multi-class object: io's writer, with DeLong's interval and variance in every
     * {@code per_class[i]} when {@code level} is not NaN.
     */
    static ObjectNode multiclass(MulticlassEvaluation ev, int[] topK, boolean weighted, double level) {
        ObjectNode json = MulticlassJson.of(ev, topK);
        if (Double.isNaN(level)) {
            return json;
        }
        ArrayNode warnings = (ArrayNode) json.get("warnings");
        ArrayNode perClass = (ArrayNode) json.get("per_class");
        List<DeLongAuc> d = DeLong.oneVsRest(ev);
        for (int c = 0; c < ev.classCount(); c++) {
            ObjectNode pc = (ObjectNode) perClass.get(c);
            ObjectNode with = IntervalJson.insertAfter(pc, "roc_auc", "roc_auc_ci",
                    IntervalJson.interval(d.get(c).interval(level)));
            with = IntervalJson.insertAfter(with, "roc_auc_ci", "roc_auc_variance",
                    Json.number(Json.object(), "v", d.get(c).variance()).get("v"));
            perClass.set(c, with);
            String cls = ev.classes().get(c);
            d.get(c).warnings().forEach(x -> warnings.add("class " + cls + ": " + x));
        }
        if (weighted) {
            warnings.add(DELONG_WEIGHTS);
        }
        return json;
    }
}

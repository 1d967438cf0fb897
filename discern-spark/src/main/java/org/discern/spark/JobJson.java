package org.discern.spark;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.discern.io.Json;
import org.discern.io.SummaryJson;
import org.discern.metrics.ConfusionMatrix;
import org.discern.metrics.DeLong;
import org.discern.metrics.DeLongAuc;
import org.discern.metrics.EvaluationSummary;
import org.discern.metrics.Field;
import org.discern.metrics.MetricKey;
import org.discern.metrics.MulticlassEvaluation;
import org.discern.metrics.MulticlassNumbers;
import org.discern.metrics.MulticlassSweep;
import org.discern.metrics.SummaryOptions;

/**
 * The JSON of {@link EvaluatePredictions}: the object {@code discern evaluate --format json}
 * prints for the same rows and options. When the table reached the driver it is core's
 * {@link EvaluationSummary} written by io's {@link SummaryJson}, as the CLI does; when the table
 * stayed on the cluster, the same keys (the registry's, through {@link MetricNames} and
 * {@link Field}) in the same order from the summed numbers (a test holds both paths equal).
 * DeLong intervals are added as {@code evaluate --ci delong} adds them.
 */
final class JobJson {
    private JobJson() {
    }

    /** The summary options of {@code discern evaluate} for these option values (NaN: none). */
    static SummaryOptions options(String positiveLabel, double threshold, double maxFpr, int[] topK, double level) {
        SummaryOptions o = SummaryOptions.defaults().withThreshold(threshold).withMaxFpr(maxFpr).withTopK(topK);
        if (positiveLabel != null) {
            o = o.withPositiveLabel(positiveLabel);
        }
        return Double.isNaN(level) ? o : o.withLevel(level);
    }

    /**
     * The binary object.
     *
     * @param level the DeLong interval's level, or NaN for no interval
     */
    static ObjectNode binary(SparkBinaryEvaluation e, String positiveLabel, double threshold, double maxFpr,
            double level) {
        SummaryOptions options = options(positiveLabel, threshold, maxFpr, new int[0], level);
        DeLongAuc d = Double.isNaN(level) ? null : e.deLong();
        if (e.evaluation().isPresent()) {
            return SummaryJson.of(d == null ? EvaluationSummary.binary(e.evaluation().get(), options)
                    : EvaluationSummary.binary(e.evaluation().get(), options, d));
        }
        return binaryFromSums(e, options, d);
    }

    /** {@link SummaryJson}'s binary keys, from the sums of a table kept on the cluster. */
    static ObjectNode binaryFromSums(SparkBinaryEvaluation e, SummaryOptions options, DeLongAuc d) {
        double threshold = options.threshold();
        ObjectNode o = Json.object();
        o.put(Field.TASK.key(), EvaluationSummary.Task.BINARY.key());
        o.put(Field.N.key(), e.rows());
        o.put(Field.N_POSITIVE.key(), e.positiveRows());
        o.put(Field.N_NEGATIVE.key(), e.negativeRows());
        o.put(Field.POSITIVE_LABEL.key(), options.positiveLabel());
        o.put(Field.WEIGHTED.key(), e.weighted());
        for (MetricNames.Binary m : MetricNames.Binary.values()) {
            if (!m.atThreshold() && m != MetricNames.Binary.PARTIAL_AREA_UNDER_ROC) {
                Json.number(o, m.jsonKey(), m.of(e, threshold));
                if (m == MetricNames.Binary.AREA_UNDER_ROC && d != null) {
                    MetricKey auc = MetricKey.parse(m.jsonKey()).orElseThrow();
                    o.set(Field.ci(auc), SummaryJson.interval(d.interval(options.level())));
                    Json.number(o, Field.variance(auc), d.variance());
                }
            }
        }
        Json.number(o, Field.THRESHOLD.key(), threshold);
        ConfusionMatrix cm = e.confusionAt(threshold);
        o.set(Field.CONFUSION.key(), SummaryJson.confusion(cm));
        for (MetricNames.Binary m : MetricNames.Binary.values()) {
            if (m.atThreshold()) {
                Json.number(o, m.jsonKey(), m.of(e, threshold));
            }
        }
        if (!Double.isNaN(options.maxFpr())) {
            ObjectNode p = o.putObject(MetricNames.Binary.PARTIAL_AREA_UNDER_ROC.jsonKey());
            p.put(Field.MAX_FPR.key(), options.maxFpr());
            Json.number(p, Field.STANDARDIZED.key(), e.partialRocAuc());
        }
        ArrayNode w = o.putArray(Field.WARNINGS.key());
        e.warnings().forEach(w::add);
        if (d != null) {
            d.warnings().forEach(w::add);
            if (e.weighted()) {
                w.add(EvaluationSummary.DELONG_WEIGHTS);
            }
        }
        return o;
    }

    /**
     * The multi-class object, with DeLong's interval and variance of every class's one-vs-rest
     * ROC AUC when {@code level} is not NaN.
     */
    static ObjectNode multiclass(MulticlassNumbers ev, int[] topK, double level) {
        SummaryOptions options = options(null, SummaryOptions.DEFAULT_THRESHOLD, Double.NaN, topK, level);
        if (Double.isNaN(level)) {
            return SummaryJson.of(EvaluationSummary.multiclass(ev, options));
        }
        List<DeLongAuc> delong;
        if (ev instanceof MulticlassEvaluation e) {
            delong = DeLong.oneVsRest(e);
        } else {
            delong = new ArrayList<>();
            for (int c = 0; c < ev.classCount(); c++) {
                delong.add(((MulticlassSweep) ev).classSums(c).deLong());
            }
        }
        return SummaryJson.of(EvaluationSummary.multiclass(ev, options, delong));
    }
}

package org.discern.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.discern.io.BinaryPredictions;
import org.discern.io.IntervalJson;
import org.discern.io.Json;
import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.BinaryStatistic;
import org.discern.metrics.Bootstrap;
import org.discern.metrics.BootstrapOptions;
import org.discern.metrics.BootstrapResult;
import org.discern.metrics.DeLong;
import org.discern.metrics.DeLongAuc;

/**
 * The intervals {@code evaluate --ci} adds to the binary JSON: {@code roc_auc_ci} (and
 * {@code roc_auc_variance} with DeLong) right after {@code roc_auc}; with the bootstrap also
 * {@code average_precision_ci} after {@code average_precision} and {@code bootstrap:
 * {replicates, seed}}. Interval warnings join the {@code warnings} array.
 */
final class EvaluationIntervals {
    private EvaluationIntervals() {
    }

    static ObjectNode add(ObjectNode json, BinaryEvaluation ev, BinaryPredictions p, IntervalMethod method,
            IntervalOptions options) {
        ArrayNode warnings = (ArrayNode) json.get("warnings");
        ObjectNode out = json;
        if (method == IntervalMethod.DELONG) {
            double level = options.level();
            DeLongAuc d = DeLong.auc(ev.operatingPoints());
            out = IntervalJson.insertAfter(out, "roc_auc", "roc_auc_ci", IntervalJson.interval(d.interval(level)));
            ObjectNode v = Json.number(Json.object(), "v", d.variance());
            out = IntervalJson.insertAfter(out, "roc_auc_ci", "roc_auc_variance", v.get("v"));
            d.warnings().forEach(warnings::add);
            if (p.weighted()) {
                warnings.add("DeLong treats sample weights as frequency weights (a row of weight 2 counts as"
                        + " two rows); for other weights use --ci bootstrap");
            }
        } else {
            BootstrapOptions o = options.bootstrap();
            BootstrapResult r = Bootstrap.binary(p.scores(), p.labels(), p.weights(), o,
                    BinaryStatistic.rocAuc(), BinaryStatistic.averagePrecision());
            out = IntervalJson.insertAfter(out, "roc_auc", "roc_auc_ci", IntervalJson.interval(r.interval(0)));
            out = IntervalJson.insertAfter(out, "average_precision", "average_precision_ci",
                    IntervalJson.interval(r.interval(1)));
            ObjectNode b = Json.object();
            b.put("replicates", r.replicates());
            b.put("seed", r.seed());
            out = IntervalJson.insertAfter(out, "average_precision_ci", "bootstrap", b);
            r.warnings().forEach(w -> warnings.add("bootstrap: " + w));
        }
        return out;
    }
}

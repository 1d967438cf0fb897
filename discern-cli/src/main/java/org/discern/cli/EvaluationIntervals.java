package org.discern.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.discern.io.BinaryPredictions;
import org.discern.io.MultiClassPredictions;
import org.discern.io.ScoreMatrix;
import org.discern.io.IntervalJson;
import org.discern.io.Json;
import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.BinaryStatistic;
import org.discern.metrics.Bootstrap;
import org.discern.metrics.BootstrapOptions;
import org.discern.metrics.BootstrapResult;
import org.discern.metrics.DeLong;
import org.discern.metrics.DeLongAuc;
import org.discern.metrics.MulticlassEvaluation;

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

    /**
     * Multi-class: DeLong adds {@code roc_auc_ci} and {@code roc_auc_variance} to every
     * {@code per_class[i]} (from the evaluation's one-vs-rest tables); the bootstrap (classes
     * resampled separately, columns sorted once) adds {@code roc_auc_ci} and
     * {@code average_precision_ci} per class, and {@code roc_auc_ovr_macro_ci},
     * {@code roc_auc_ovr_weighted_ci}, {@code roc_auc_ovr_micro_ci},
     * {@code roc_auc_ovo_macro_ci}, {@code roc_auc_ovo_weighted_ci},
     * {@code average_precision_macro_ci}, {@code average_precision_weighted_ci},
     * {@code average_precision_micro_ci} after their values, plus {@code bootstrap: {replicates,
     * seed}}.
     */
    static ObjectNode addMulticlass(ObjectNode json, MulticlassEvaluation ev, MultiClassPredictions p,
            IntervalMethod method, IntervalOptions options) {
        ArrayNode warnings = (ArrayNode) json.get("warnings");
        ArrayNode perClass = (ArrayNode) json.get("per_class");
        int k = ev.classCount();
        ObjectNode out = json;
        if (method == IntervalMethod.DELONG) {
            double level = options.level();
            java.util.List<DeLongAuc> d = DeLong.oneVsRest(ev);
            for (int c = 0; c < k; c++) {
                ObjectNode pc = (ObjectNode) perClass.get(c);
                ObjectNode with = IntervalJson.insertAfter(pc, "roc_auc", "roc_auc_ci",
                        IntervalJson.interval(d.get(c).interval(level)));
                with = IntervalJson.insertAfter(with, "roc_auc_ci", "roc_auc_variance",
                        Json.number(Json.object(), "v", d.get(c).variance()).get("v"));
                perClass.set(c, with);
                String cls = ev.classes().get(c);
                d.get(c).warnings().forEach(w -> warnings.add("class " + cls + ": " + w));
            }
            if (p.weights() != null) {
                warnings.add("DeLong treats sample weights as frequency weights (a row of weight 2 counts as"
                        + " two rows); for other weights use --ci bootstrap");
            }
            return out;
        }
        BootstrapOptions o = options.bootstrap();
        ScoreMatrix m = p.scores();
        double[][] rows = new double[m.rows()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[m.columns()];
            for (int c = 0; c < m.columns(); c++) {
                rows[i][c] = m.get(i, c);
            }
        }
        BootstrapResult r = Bootstrap.multiclassOneVsRest(p.labels(), rows, p.classNames(), p.weights(), o);
        for (int j = 0; j < Bootstrap.ONE_VS_REST_AVERAGES.size(); j++) {
            String key = Bootstrap.ONE_VS_REST_AVERAGES.get(j);
            out = IntervalJson.insertAfter(out, key, key + "_ci", IntervalJson.interval(r.interval(j)));
        }
        out = IntervalJson.insertAfter(out, "roc_auc_ovo_macro", "roc_auc_ovo_macro_ci",
                IntervalJson.interval(r.interval(6 + 2 * k)));
        out = IntervalJson.insertAfter(out, "roc_auc_ovo_weighted", "roc_auc_ovo_weighted_ci",
                IntervalJson.interval(r.interval(7 + 2 * k)));
        ArrayNode per = (ArrayNode) out.get("per_class");
        for (int c = 0; c < k; c++) {
            ObjectNode pc = (ObjectNode) per.get(c);
            ObjectNode with = IntervalJson.insertAfter(pc, "roc_auc", "roc_auc_ci", IntervalJson.interval(r.interval(6 + c)));
            with = IntervalJson.insertAfter(with, "average_precision", "average_precision_ci",
                    IntervalJson.interval(r.interval(6 + k + c)));
            per.set(c, with);
        }
        ObjectNode b = Json.object();
        b.put("replicates", r.replicates());
        b.put("seed", r.seed());
        out = IntervalJson.insertAfter(out, "average_precision_micro_ci", "bootstrap", b);
        ArrayNode w = (ArrayNode) out.get("warnings");
        r.warnings().forEach(x -> w.add("bootstrap: " + x));
        return out;
    }
}

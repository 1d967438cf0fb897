package org.discern.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleBiFunction;

import org.discern.metrics.Average;
import org.discern.metrics.Metric;
import org.discern.metrics.MetricKey;
import org.discern.metrics.MulticlassNumbers;

/**
 * The one place where the Spark ML metric names ({@code metricName}, camelCase, as Spark's own
 * evaluators spell them) meet Discern's JSON keys ({@code discern evaluate --format json},
 * snake_case, spelled by core's registry {@link Metric} and {@link Average}) and the values
 * they name. Whether larger is better (what {@code CrossValidator} maximises) and whether a metric
 * is read at the threshold come from the registry too.
 */
public final class MetricNames {
    private MetricNames() {
    }

    /**
     * One entry of the mapping: a Spark ML name and the registry metric and average it stands
     * for.
     *
     * @param sparkName the Spark ML name ({@code metricName} param value)
     * @param metric the registry metric
     * @param average the average, or null when the metric is not averaged
     */
    public record Entry(String sparkName, Metric metric, Average average) {
    }

    /**
     * A metric name of either evaluator: its {@link Entry}, and from it the Spark name, the JSON
     * key and the direction.
     */
    public sealed interface SparkMetric permits Binary, Multiclass {
        /** The Spark name and the registry metric and average it stands for. */
        Entry entry();

        /** The Spark ML name ({@code metricName} param value). */
        default String sparkName() {
            return entry().sparkName();
        }

        /** The key of the value in Discern's JSON ({@code top_k_accuracy} stands for {@code top_<k>_accuracy}). */
        default String jsonKey() {
            return MetricNames.jsonKey(entry().metric(), entry().average());
        }

        /** Whether a larger value is a better model. */
        default boolean largerIsBetter() {
            return entry().metric().higherIsBetter();
        }
    }

    /** Metrics of {@link DiscernBinaryEvaluator}; none is averaged. */
    public enum Binary implements SparkMetric {
        /** Exact ROC AUC, ties one half (JSON {@code roc_auc}). */
        AREA_UNDER_ROC("areaUnderROC", Metric.ROC_AUC, (e, t) -> e.rocAuc()),
        /** Step-wise average precision, scikit-learn's ({@code average_precision}). */
        AVERAGE_PRECISION("averagePrecision", Metric.AVERAGE_PRECISION, (e, t) -> e.averagePrecision()),
        /** Area under Davis and Goadrich's interpolated PR curve ({@code pr_auc_interpolated}). */
        AREA_UNDER_PR_INTERPOLATED("areaUnderPRInterpolated", Metric.PR_AUC_INTERPOLATED,
                (e, t) -> e.prAucInterpolated()),
        /** Trapezoid area under the PR points, optimistic ({@code pr_auc_trapezoid}). */
        AREA_UNDER_PR_TRAPEZOID("areaUnderPRTrapezoid", Metric.PR_AUC_TRAPEZOID, (e, t) -> e.prAucTrapezoid()),
        /** Standardized partial ROC AUC up to {@code maxFpr} ({@code partial_roc_auc.standardized}). */
        PARTIAL_AREA_UNDER_ROC("partialAreaUnderROC", Metric.PARTIAL_ROC_AUC, (e, t) -> e.partialRocAuc()),
        /** Kolmogorov-Smirnov statistic ({@code ks}). */
        KS("ks", Metric.KS, (e, t) -> e.ks()),
        /** Log loss, scores taken as probabilities ({@code log_loss}). */
        LOG_LOSS("logLoss", Metric.LOG_LOSS, (e, t) -> e.logLoss()),
        /** Brier score ({@code brier}). */
        BRIER("brier", Metric.BRIER, (e, t) -> e.brierScore()),
        /** Accuracy at {@code threshold} ({@code accuracy}). */
        ACCURACY("accuracy", Metric.ACCURACY, (e, t) -> e.confusionAt(t).accuracy()),
        /** Precision at {@code threshold} ({@code precision}). */
        PRECISION("precision", Metric.PRECISION, (e, t) -> e.confusionAt(t).precision()),
        /** Recall at {@code threshold} ({@code recall}). */
        RECALL("recall", Metric.RECALL, (e, t) -> e.confusionAt(t).recall()),
        /** Specificity at {@code threshold} ({@code specificity}). */
        SPECIFICITY("specificity", Metric.SPECIFICITY, (e, t) -> e.confusionAt(t).specificity()),
        /** Negative predictive value at {@code threshold} ({@code npv}). */
        NPV("npv", Metric.NPV, (e, t) -> e.confusionAt(t).npv()),
        /** F1 at {@code threshold} ({@code f1}). */
        F1("f1", Metric.F1, (e, t) -> e.confusionAt(t).f1()),
        /** Matthews correlation at {@code threshold} ({@code mcc}). */
        MCC("mcc", Metric.MCC, (e, t) -> e.confusionAt(t).mcc()),
        /** Balanced accuracy at {@code threshold} ({@code balanced_accuracy}). */
        BALANCED_ACCURACY("balancedAccuracy", Metric.BALANCED_ACCURACY,
                (e, t) -> e.confusionAt(t).balancedAccuracy()),
        /** Cohen's kappa at {@code threshold} ({@code cohen_kappa}). */
        COHEN_KAPPA("cohenKappa", Metric.COHEN_KAPPA, (e, t) -> e.confusionAt(t).cohenKappa());

        private final Entry entry;
        private final ToDoubleBiFunction<SparkBinaryEvaluation, Double> value;

        Binary(String sparkName, Metric metric, ToDoubleBiFunction<SparkBinaryEvaluation, Double> value) {
            this.entry = new Entry(sparkName, metric, null);
            this.value = value;
        }

        @Override
        public Entry entry() {
            return entry;
        }

        /** Whether the metric is read off the confusion matrix at the threshold. */
        public boolean atThreshold() {
            return entry.metric().decision();
        }

        /** The value of an evaluation, at {@code threshold} for a threshold metric. */
        public double of(SparkBinaryEvaluation e, double threshold) {
            return value.applyAsDouble(e, threshold);
        }

        /** The metric of a Spark name. */
        public static Binary of(String sparkName) {
            return lookup(values(), sparkName, "binary");
        }

        /** Every Spark name. */
        public static List<String> names() {
            return sparkNames(values());
        }
    }

    /** Metrics of {@link DiscernMulticlassEvaluator}; every average is named. */
    public enum Multiclass implements SparkMetric {
        ROC_AUC_OVR_MACRO("rocAucOvrMacro", Metric.ROC_AUC, Average.OVR_MACRO, (e, k) -> e.rocAucOvrMacro()),
        ROC_AUC_OVR_WEIGHTED("rocAucOvrWeighted", Metric.ROC_AUC, Average.OVR_WEIGHTED, (e, k) -> e.rocAucOvrWeighted()),
        ROC_AUC_OVR_MICRO("rocAucOvrMicro", Metric.ROC_AUC, Average.OVR_MICRO, (e, k) -> e.rocAucOvrMicro()),
        ROC_AUC_OVO_MACRO("rocAucOvoMacro", Metric.ROC_AUC, Average.OVO_MACRO, (e, k) -> e.rocAucOvoMacro()),
        ROC_AUC_OVO_WEIGHTED("rocAucOvoWeighted", Metric.ROC_AUC, Average.OVO_WEIGHTED, (e, k) -> e.rocAucOvoWeighted()),
        AVERAGE_PRECISION_MACRO("averagePrecisionMacro", Metric.AVERAGE_PRECISION, Average.MACRO,
                (e, k) -> e.averagePrecisionMacro()),
        AVERAGE_PRECISION_WEIGHTED("averagePrecisionWeighted", Metric.AVERAGE_PRECISION, Average.WEIGHTED,
                (e, k) -> e.averagePrecisionWeighted()),
        AVERAGE_PRECISION_MICRO("averagePrecisionMicro", Metric.AVERAGE_PRECISION, Average.MICRO,
                (e, k) -> e.averagePrecisionMicro()),
        ACCURACY("accuracy", Metric.ACCURACY, null, (e, k) -> e.accuracy()),
        BALANCED_ACCURACY("balancedAccuracy", Metric.BALANCED_ACCURACY, null, (e, k) -> e.balancedAccuracy()),
        COHEN_KAPPA("cohenKappa", Metric.COHEN_KAPPA, null, (e, k) -> e.cohenKappa()),
        MCC("mcc", Metric.MCC, null, (e, k) -> e.mcc()),
        LOG_LOSS("logLoss", Metric.LOG_LOSS, null, (e, k) -> e.logLoss()),
        /** Top-k accuracy at the evaluator's {@code k} (JSON {@code top_<k>_accuracy}). */
        TOP_K_ACCURACY("topKAccuracy", Metric.TOP_K_ACCURACY, null, (e, k) -> e.topKAccuracy(k)),
        PRECISION_MACRO("precisionMacro", Metric.PRECISION, Average.MACRO, (e, k) -> e.confusionMatrix().precisionMacro()),
        RECALL_MACRO("recallMacro", Metric.RECALL, Average.MACRO, (e, k) -> e.confusionMatrix().recallMacro()),
        F1_MACRO("f1Macro", Metric.F1, Average.MACRO, (e, k) -> e.confusionMatrix().f1Macro()),
        PRECISION_WEIGHTED("precisionWeighted", Metric.PRECISION, Average.WEIGHTED,
                (e, k) -> e.confusionMatrix().precisionWeighted()),
        RECALL_WEIGHTED("recallWeighted", Metric.RECALL, Average.WEIGHTED, (e, k) -> e.confusionMatrix().recallWeighted()),
        F1_WEIGHTED("f1Weighted", Metric.F1, Average.WEIGHTED, (e, k) -> e.confusionMatrix().f1Weighted()),
        PRECISION_MICRO("precisionMicro", Metric.PRECISION, Average.MICRO, (e, k) -> e.confusionMatrix().precisionMicro()),
        RECALL_MICRO("recallMicro", Metric.RECALL, Average.MICRO, (e, k) -> e.confusionMatrix().recallMicro()),
        F1_MICRO("f1Micro", Metric.F1, Average.MICRO, (e, k) -> e.confusionMatrix().f1Micro());

        private final Entry entry;
        private final ToDoubleBiFunction<MulticlassNumbers, Integer> value;

        Multiclass(String sparkName, Metric metric, Average average, ToDoubleBiFunction<MulticlassNumbers, Integer> value) {
            this.entry = new Entry(sparkName, metric, average);
            this.value = value;
        }

        @Override
        public Entry entry() {
            return entry;
        }

        /** The value of an evaluation ({@code k} is used by top-k accuracy only). */
        public double of(MulticlassNumbers e, int k) {
            return value.applyAsDouble(e, k);
        }

        /** The metric of a Spark name. */
        public static Multiclass of(String sparkName) {
            return lookup(values(), sparkName, "multi-class");
        }

        /** Every Spark name. */
        public static List<String> names() {
            return sparkNames(values());
        }
    }

    /** The registry's key ({@link MetricKey}); top-k accuracy's key without its k. */
    private static String jsonKey(Metric metric, Average average) {
        if (metric == Metric.TOP_K_ACCURACY) {
            return metric.key();
        }
        return (average == null ? MetricKey.of(metric) : MetricKey.of(metric, average)).key();
    }

    private static <M extends SparkMetric> M lookup(M[] metrics, String wanted, String kind) {
        for (M m : metrics) {
            if (m.sparkName().equals(wanted)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown " + kind + " metric '" + wanted + "'; expected one of "
                + String.join(", ", sparkNames(metrics)));
    }

    private static List<String> sparkNames(SparkMetric[] metrics) {
        List<String> out = new ArrayList<>();
        for (SparkMetric m : metrics) {
            out.add(m.sparkName());
        }
        return out;
    }
}

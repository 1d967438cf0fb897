package org.discern.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;

import org.discern.metrics.MulticlassEvaluation;

/**
 * The one place where the Spark ML metric names ({@code metricName}, camelCase, as Spark's own
 * evaluators spell them) meet Discern's JSON keys ({@code discern evaluate --format json},
 * snake_case) and the values they name. Each metric says whether larger is better (what
 * {@code CrossValidator} maximises).
 */
public final class MetricNames {
    private MetricNames() {
    }

    /** Metrics of {@link DiscernBinaryEvaluator}. */
    public enum Binary {
        /** Exact ROC AUC, ties one half (JSON {@code roc_auc}). */
        AREA_UNDER_ROC("areaUnderROC", "roc_auc", true, (e, t) -> e.rocAuc()),
        /** Step-wise average precision, scikit-learn's ({@code average_precision}). */
        AVERAGE_PRECISION("averagePrecision", "average_precision", true, (e, t) -> e.averagePrecision()),
        /** Area under Davis and Goadrich's interpolated PR curve ({@code pr_auc_interpolated}). */
        AREA_UNDER_PR_INTERPOLATED("areaUnderPRInterpolated", "pr_auc_interpolated", true,
                (e, t) -> e.prAucInterpolated()),
        /** Trapezoid area under the PR points, optimistic ({@code pr_auc_trapezoid}). */
        AREA_UNDER_PR_TRAPEZOID("areaUnderPRTrapezoid", "pr_auc_trapezoid", true, (e, t) -> e.prAucTrapezoid()),
        /** Standardized partial ROC AUC up to {@code maxFpr} ({@code partial_roc_auc.standardized}). */
        PARTIAL_AREA_UNDER_ROC("partialAreaUnderROC", "partial_roc_auc", true, (e, t) -> e.partialRocAuc()),
        /** Kolmogorov-Smirnov statistic ({@code ks}). */
        KS("ks", "ks", true, (e, t) -> e.ks()),
        /** Log loss, scores taken as probabilities ({@code log_loss}). */
        LOG_LOSS("logLoss", "log_loss", false, (e, t) -> e.logLoss()),
        /** Brier score ({@code brier}). */
        BRIER("brier", "brier", false, (e, t) -> e.brierScore()),
        /** Accuracy at {@code threshold} ({@code accuracy}). */
        ACCURACY("accuracy", "accuracy", true, (e, t) -> e.confusionAt(t).accuracy()),
        /** Precision at {@code threshold} ({@code precision}). */
        PRECISION("precision", "precision", true, (e, t) -> e.confusionAt(t).precision()),
        /** Recall at {@code threshold} ({@code recall}). */
        RECALL("recall", "recall", true, (e, t) -> e.confusionAt(t).recall()),
        /** Specificity at {@code threshold} ({@code specificity}). */
        SPECIFICITY("specificity", "specificity", true, (e, t) -> e.confusionAt(t).specificity()),
        /** Negative predictive value at {@code threshold} ({@code npv}). */
        NPV("npv", "npv", true, (e, t) -> e.confusionAt(t).npv()),
        /** F1 at {@code threshold} ({@code f1}). */
        F1("f1", "f1", true, (e, t) -> e.confusionAt(t).f1()),
        /** Matthews correlation at {@code threshold} ({@code mcc}). */
        MCC("mcc", "mcc", true, (e, t) -> e.confusionAt(t).mcc()),
        /** Balanced accuracy at {@code threshold} ({@code balanced_accuracy}). */
        BALANCED_ACCURACY("balancedAccuracy", "balanced_accuracy", true,
                (e, t) -> e.confusionAt(t).balancedAccuracy()),
        /** Cohen's kappa at {@code threshold} ({@code cohen_kappa}). */
        COHEN_KAPPA("cohenKappa", "cohen_kappa", true, (e, t) -> e.confusionAt(t).cohenKappa());

        private final String sparkName;
        private final String jsonKey;
        private final boolean largerIsBetter;
        private final ToDoubleBiFunction<SparkBinaryEvaluation, Double> value;

        Binary(String sparkName, String jsonKey, boolean largerIsBetter,
                ToDoubleBiFunction<SparkBinaryEvaluation, Double> value) {
            this.sparkName = sparkName;
            this.jsonKey = jsonKey;
            this.largerIsBetter = largerIsBetter;
            this.value = value;
        }

        /** The Spark ML name ({@code metricName} param value). */
        public String sparkName() {
            return sparkName;
        }

        /** The key of the value in Discern's JSON. */
        public String jsonKey() {
            return jsonKey;
        }

        /** Whether a larger value is a better model. */
        public boolean largerIsBetter() {
            return largerIsBetter;
        }

        /** Whether the metric is read off the confusion matrix at the threshold. */
        public boolean atThreshold() {
            return ordinal() >= ACCURACY.ordinal();
        }

        /** The value of an evaluation, at {@code threshold} for a threshold metric. */
        public double of(SparkBinaryEvaluation e, double threshold) {
            return value.applyAsDouble(e, threshold);
        }

        /** The metric of a Spark name. */
        public static Binary of(String sparkName) {
            return lookup(values(), Binary::sparkName, sparkName, "binary");
        }

        /** Every Spark name. */
        public static List<String> names() {
            return sparkNames(values(), Binary::sparkName);
        }
    }

    /** Metrics of {@link DiscernMulticlassEvaluator}; every average is named. */
    public enum Multiclass {
        ROC_AUC_OVR_MACRO("rocAucOvrMacro", "roc_auc_ovr_macro", true, (e, k) -> e.rocAucOvrMacro()),
        ROC_AUC_OVR_WEIGHTED("rocAucOvrWeighted", "roc_auc_ovr_weighted", true, (e, k) -> e.rocAucOvrWeighted()),
        ROC_AUC_OVR_MICRO("rocAucOvrMicro", "roc_auc_ovr_micro", true, (e, k) -> e.rocAucOvrMicro()),
        ROC_AUC_OVO_MACRO("rocAucOvoMacro", "roc_auc_ovo_macro", true, (e, k) -> e.rocAucOvoMacro()),
        ROC_AUC_OVO_WEIGHTED("rocAucOvoWeighted", "roc_auc_ovo_weighted", true, (e, k) -> e.rocAucOvoWeighted()),
        AVERAGE_PRECISION_MACRO("averagePrecisionMacro", "average_precision_macro", true,
                (e, k) -> e.averagePrecisionMacro()),
        AVERAGE_PRECISION_WEIGHTED("averagePrecisionWeighted", "average_precision_weighted", true,
                (e, k) -> e.averagePrecisionWeighted()),
        AVERAGE_PRECISION_MICRO("averagePrecisionMicro", "average_precision_micro", true,
                (e, k) -> e.averagePrecisionMicro()),
        ACCURACY("accuracy", "accuracy", true, (e, k) -> e.accuracy()),
        BALANCED_ACCURACY("balancedAccuracy", "balanced_accuracy", true, (e, k) -> e.balancedAccuracy()),
        COHEN_KAPPA("cohenKappa", "cohen_kappa", true, (e, k) -> e.cohenKappa()),
        MCC("mcc", "mcc", true, (e, k) -> e.mcc()),
        LOG_LOSS("logLoss", "log_loss", false, (e, k) -> e.logLoss()),
        /** Top-k accuracy at the evaluator's {@code k} (JSON {@code top_<k>_accuracy}). */
        TOP_K_ACCURACY("topKAccuracy", "top_k_accuracy", true, (e, k) -> e.topKAccuracy(k)),
        PRECISION_MACRO("precisionMacro", "precision_macro", true, (e, k) -> e.confusionMatrix().precisionMacro()),
        RECALL_MACRO("recallMacro", "recall_macro", true, (e, k) -> e.confusionMatrix().recallMacro()),
        F1_MACRO("f1Macro", "f1_macro", true, (e, k) -> e.confusionMatrix().f1Macro()),
        PRECISION_WEIGHTED("precisionWeighted", "precision_weighted", true,
                (e, k) -> e.confusionMatrix().precisionWeighted()),
        RECALL_WEIGHTED("recallWeighted", "recall_weighted", true, (e, k) -> e.confusionMatrix().recallWeighted()),
        F1_WEIGHTED("f1Weighted", "f1_weighted", true, (e, k) -> e.confusionMatrix().f1Weighted()),
        PRECISION_MICRO("precisionMicro", "precision_micro", true, (e, k) -> e.confusionMatrix().precisionMicro()),
        RECALL_MICRO("recallMicro", "recall_micro", true, (e, k) -> e.confusionMatrix().recallMicro()),
        F1_MICRO("f1Micro", "f1_micro", true, (e, k) -> e.confusionMatrix().f1Micro());

        private final String sparkName;
        private final String jsonKey;
        private final boolean largerIsBetter;
        private final ToDoubleBiFunction<MulticlassEvaluation, Integer> value;

        Multiclass(String sparkName, String jsonKey, boolean largerIsBetter,
                ToDoubleBiFunction<MulticlassEvaluation, Integer> value) {
            this.sparkName = sparkName;
            this.jsonKey = jsonKey;
            this.largerIsBetter = largerIsBetter;
            this.value = value;
        }

        /** The Spark ML name ({@code metricName} param value). */
        public String sparkName() {
            return sparkName;
        }

        /** The key of the value in Discern's JSON ({@code top_k_accuracy} stands for {@code top_<k>_accuracy}). */
        public String jsonKey() {
            return jsonKey;
        }

        /** Whether a larger value is a better model. */
        public boolean largerIsBetter() {
            return largerIsBetter;
        }

        /** The value of an evaluation ({@code k} is used by top-k accuracy only). */
        public double of(MulticlassEvaluation e, int k) {
            return value.applyAsDouble(e, k);
        }

        /** The metric of a Spark name. */
        public static Multiclass of(String sparkName) {
            return lookup(values(), Multiclass::sparkName, sparkName, "multi-class");
        }

        /** Every Spark name. */
        public static List<String> names() {
            return sparkNames(values(), Multiclass::sparkName);
        }
    }
    private static <M> M lookup(M[] metrics, Function<M, String> name, String wanted, String kind) {
        for (M m : metrics) {
            if (name.apply(m).equals(wanted)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown " + kind + " metric '" + wanted + "'; expected one of "
                + String.join(", ", sparkNames(metrics, name)));
    }

    private static <M> List<String> sparkNames(M[] metrics, Function<M, String> name) {
        List<String> out = new ArrayList<>();
        for (M m : metrics) {
            out.add(name.apply(m));
        }
        return out;
    }
}

package org.discern.spark;

import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.discern.metrics.MulticlassNumbers;

/**
 * A Spark ML {@link Evaluator} of multi-class classifiers with Discern's exact numbers: the ROC
 * AUC averages Spark's {@code MulticlassClassificationEvaluator} does not have (one-vs-rest
 * macro, weighted and micro, one-vs-one Hand &amp; Till), average precision averages, top-k
 * accuracy, log loss and the argmax metrics, each average named. Metric names:
 * {@link MetricNames.Multiclass}.
 *
 * <p>Params: {@code labelCol} (default "label": the class index 0..K-1, Spark ML's convention),
 * {@code probabilityCol} (default "probability": a vector or array of K scores; a
 * {@code rawPrediction} column works too for the ranking metrics), {@code weightCol} (optional),
 * {@code metricName} (default "rocAucOvrMacro"), {@code k} (for "topKAccuracy", default 3).
 * Saved and loaded with Spark ML persistence.
 */
public final class DiscernMulticlassEvaluator
        extends DiscernEvaluator<DiscernMulticlassEvaluator, MetricNames.Multiclass> {
    private static final long serialVersionUID = 1L;

    private final IntParam k;

    /** An evaluator with a random uid and the defaults. */
    public DiscernMulticlassEvaluator() {
        this(Identifiable.randomUID("discernMulticlassEval"));
    }

    /** An evaluator with this uid and the defaults (used by ML persistence). */
    public DiscernMulticlassEvaluator(String uid) {
        super(uid, "label column: the class index 0..K-1", "score column: a vector or array of K scores",
                MetricNames.Multiclass.names(), MetricNames.Multiclass.ROC_AUC_OVR_MACRO);
        k = new IntParam(this, "k", "k of topKAccuracy (>= 1)", ParamValidators.gtEq(1));
        setDefault(probabilityCol(), "probability");
        setDefault(k, 3);
    }

    @Override
    MetricNames.Multiclass metricOf(String sparkName) {
        return MetricNames.Multiclass.of(sparkName);
    }

    /** Param: k of the top-k accuracy. */
    public IntParam k() {
        return k;
    }

    public DiscernMulticlassEvaluator setK(int value) {
        set(k, value);
        return this;
    }

    public String getProbabilityCol() {
        return $(probabilityCol());
    }

    public int getK() {
        return (Integer) $(k);
    }

    /** The options of {@link DiscernSpark#multiclass} these params stand for. */
    public MulticlassOptions options() {
        MulticlassOptions o = MulticlassOptions.ofVector(getLabelCol(), getProbabilityCol());
        String weight = weightColumnOrNull();
        return weight != null ? o.withWeight(weight) : o;
    }

    @Override
    public double evaluate(Dataset<?> dataset) {
        MulticlassNumbers e = DiscernSpark.multiclass(dataset, options());
        return metric().of(e, getK());
    }

    /** The reader of saved evaluators. */
    public static MLReader<DiscernMulticlassEvaluator> read() {
        return new DefaultParamsReader<>();
    }

    /** Loads an evaluator saved with {@code write().save(path)}. */
    public static DiscernMulticlassEvaluator load(String path) {
        return read().load(path);
    }
}

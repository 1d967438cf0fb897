package org.discern.spark;

import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
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
public final class DiscernMulticlassEvaluator extends Evaluator implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Param<String> labelCol;
    private final Param<String> probabilityCol;
    private final Param<String> weightCol;
    private final Param<String> metricName;
    private final IntParam k;

    /** An evaluator with a random uid and the defaults. */
    public DiscernMulticlassEvaluator() {
        this(Identifiable.randomUID("discernMulticlassEval"));
    }

    /** An evaluator with this uid and the defaults (used by ML persistence). */
    public DiscernMulticlassEvaluator(String uid) {
        this.uid = uid;
        labelCol = new Param<>(this, "labelCol", "label column: the class index 0..K-1");
        probabilityCol = new Param<>(this, "probabilityCol", "score column: a vector or array of K scores");
        weightCol = new Param<>(this, "weightCol", "sample weight column (>= 0); unset for unweighted");
        metricName = new Param<>(this, "metricName", "metric: one of " + MetricNames.Multiclass.names(),
                ParamValidators.inArray(MetricNames.Multiclass.names().toArray(new String[0])));
        k = new IntParam(this, "k", "k of topKAccuracy (>= 1)", ParamValidators.gtEq(1));
        setDefault(labelCol, "label");
        setDefault(probabilityCol, "probability");
        setDefault(metricName, MetricNames.Multiclass.ROC_AUC_OVR_MACRO.sparkName());
        setDefault(k, 3);
    }

    @Override
    public String uid() {
        return uid;
    }

    /** Param: the label column. */
    public Param<String> labelCol() {
        return labelCol;
    }

    /** Param: the score vector column. */
    public Param<String> probabilityCol() {
        return probabilityCol;
    }

    /** Param: the weight column (unset: unweighted). */
    public Param<String> weightCol() {
        return weightCol;
    }

    /** Param: the metric. */
    public Param<String> metricName() {
        return metricName;
    }

    /** Param: k of the top-k accuracy. */
    public IntParam k() {
        return k;
    }

    public DiscernMulticlassEvaluator setLabelCol(String value) {
        set(labelCol, value);
        return this;
    }

    public DiscernMulticlassEvaluator setProbabilityCol(String value) {
        set(probabilityCol, value);
        return this;
    }

    public DiscernMulticlassEvaluator setWeightCol(String value) {
        set(weightCol, value);
        return this;
    }

    public DiscernMulticlassEvaluator setMetricName(String value) {
        set(metricName, value);
        return this;
    }

    public DiscernMulticlassEvaluator setK(int value) {
        set(k, value);
        return this;
    }

    public String getLabelCol() {
        return $(labelCol);
    }

    public String getProbabilityCol() {
        return $(probabilityCol);
    }

    public String getMetricName() {
        return $(metricName);
    }

    public int getK() {
        return (Integer) $(k);
    }

    /** The options of {@link DiscernSpark#multiclass} these params stand for. */
    public MulticlassOptions options() {
        MulticlassOptions o = MulticlassOptions.ofVector(getLabelCol(), getProbabilityCol());
        return isDefined(weightCol) ? o.withWeight($(weightCol)) : o;
    }

    @Override
    public double evaluate(Dataset<?> dataset) {
        MulticlassNumbers e = DiscernSpark.multiclass(dataset, options());
        return MetricNames.Multiclass.of(getMetricName()).of(e, getK());
    }

    @Override
    public boolean isLargerBetter() {
        return MetricNames.Multiclass.of(getMetricName()).largerIsBetter();
    }

    @Override
    public DiscernMulticlassEvaluator copy(ParamMap extra) {
        return (DiscernMulticlassEvaluator) defaultCopy(extra);
    }

    /** The reader of saved evaluators. */
    public static MLReader<DiscernMulticlassEvaluator> read() {
        return new DefaultParamsReader<>();
    }

    /** Loads an evaluator saved with {@code write().save(path)}. */
    public static DiscernMulticlassEvaluator load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "DiscernMulticlassEvaluator: uid=" + uid + ", metricName=" + getMetricName();
    }
}

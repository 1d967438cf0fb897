package org.discern.spark;

import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;

/**
 * A Spark ML {@link Evaluator} of binary classifiers with Discern's exact numbers, for
 * {@code CrossValidator} and {@code TrainValidationSplit}: the exact ROC AUC (where Spark's
 * {@code BinaryClassificationEvaluator} bins to 1000 points by default), average precision, the
 * PR areas each under its own name, partial AUC, KS, log loss, Brier score, and any threshold
 * metric at a threshold. Metric names: {@link MetricNames.Binary}.
 *
 * <p>Params: {@code labelCol} (default "label": 0/1 or boolean), {@code rawPredictionCol}
 * (default "rawPrediction") or, when set, {@code probabilityCol} (a number, or a vector or array
 * whose element 1 is the score, as Spark classifiers write both), {@code weightCol} (optional),
 * {@code metricName} (default "areaUnderROC"), {@code maxFpr} (for "partialAreaUnderROC", default
 * 1), {@code threshold} (for the threshold metrics, default 0.5; positive iff score &gt;=
 * threshold). Saved and loaded with Spark ML persistence ({@link #write()}, {@link #load}).
 *
 * <pre>{@code
 * DiscernBinaryEvaluator auc = new DiscernBinaryEvaluator().setMetricName("averagePrecision");
 * CrossValidator cv = new CrossValidator().setEstimator(lr).setEvaluator(auc)
 *         .setEstimatorParamMaps(grid).setNumFolds(3);
 * }</pre>
 */
public final class DiscernBinaryEvaluator
        extends DiscernEvaluator<DiscernBinaryEvaluator, MetricNames.Binary> {
    private static final long serialVersionUID = 1L;

    private final Param<String> rawPredictionCol;
    private final DoubleParam maxFpr;
    private final DoubleParam threshold;

    /** An evaluator with a random uid and the defaults. */
    public DiscernBinaryEvaluator() {
        this(Identifiable.randomUID("discernBinaryEval"));
    }

    /** An evaluator with this uid and the defaults (used by ML persistence). */
    public DiscernBinaryEvaluator(String uid) {
        super(uid, "label column: 0/1 or boolean",
                "score column used instead of rawPredictionCol when set (element 1 of a vector or array)",
                MetricNames.Binary.names(), MetricNames.Binary.AREA_UNDER_ROC);
        rawPredictionCol = new Param<>(this, "rawPredictionCol",
                "score column: a number, or a vector or array whose element 1 is the score");
        maxFpr = new DoubleParam(this, "maxFpr", "FPR limit of partialAreaUnderROC, in (0, 1]",
                ParamValidators.inRange(0, 1, false, true));
        threshold = new DoubleParam(this, "threshold", "decision threshold of the threshold metrics "
                + "(positive iff score >= threshold)");
        setDefault(rawPredictionCol, "rawPrediction");
        setDefault(maxFpr, 1.0);
        setDefault(threshold, 0.5);
    }

    @Override
    MetricNames.Binary metricOf(String sparkName) {
        return MetricNames.Binary.of(sparkName);
    }

    /** Param: the raw prediction (score) column. */
    public Param<String> rawPredictionCol() {
        return rawPredictionCol;
    }

    /** Param: the FPR limit of the partial AUC. */
    public DoubleParam maxFpr() {
        return maxFpr;
    }

    /** Param: the decision threshold of the threshold metrics. */
    public DoubleParam threshold() {
        return threshold;
    }

    public DiscernBinaryEvaluator setRawPredictionCol(String value) {
        set(rawPredictionCol, value);
        return this;
    }

    public DiscernBinaryEvaluator setMaxFpr(double value) {
        set(maxFpr, value);
        return this;
    }

    public DiscernBinaryEvaluator setThreshold(double value) {
        set(threshold, value);
        return this;
    }

    public String getRawPredictionCol() {
        return $(rawPredictionCol);
    }

    public double getMaxFpr() {
        return (Double) $(maxFpr);
    }

    public double getThreshold() {
        return (Double) $(threshold);
    }

    /** The score column: {@code probabilityCol} when set, else {@code rawPredictionCol}. */
    public String scoreColumn() {
        return isDefined(probabilityCol()) ? $(probabilityCol()) : $(rawPredictionCol);
    }

    /** The options of {@link DiscernSpark#binary} these params stand for. */
    public BinaryOptions options() {
        BinaryOptions o = BinaryOptions.of(getLabelCol(), scoreColumn()).withThresholds(getThreshold());
        String weight = weightColumnOrNull();
        if (weight != null) {
            o = o.withWeight(weight);
        }
        if (metric() == MetricNames.Binary.PARTIAL_AREA_UNDER_ROC) {
            o = o.withMaxFpr(getMaxFpr());
        }
        return o;
    }

    @Override
    public double evaluate(Dataset<?> dataset) {
        SparkBinaryEvaluation e = DiscernSpark.binary(dataset, options());
        return metric().of(e, getThreshold());
    }

    /** The reader of saved evaluators. */
    public static MLReader<DiscernBinaryEvaluator> read() {
        return new DefaultParamsReader<>();
    }

    /** Loads an evaluator saved with {@code write().save(path)}. */
    public static DiscernBinaryEvaluator load(String path) {
        return read().load(path);
    }
}

package org.discern.spark;

import java.util.List;

import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsWritable;

/**
 * What the two Spark ML evaluators share: the uid, the params {@code labelCol} (default
 * "label"), {@code probabilityCol}, {@code weightCol} (unset: unweighted) and {@code metricName}
 * (one of the evaluator's {@link MetricNames.SparkMetric} names), their setters and getters,
 * {@link #isLargerBetter()}, {@link #copy} and {@link #toString()}. Each evaluator adds its own
 * params, {@code evaluate} and the static {@code read}/{@code load} of ML persistence, which
 * saves the params by name and loads the concrete class.
 *
 * <p>Package-private: the public methods declared here are the evaluators' own (javac gives each
 * public subclass a public bridge to them, which is also what Spark's reflective
 * {@code Params.params} finds).
 *
 * @param <E> the evaluator itself, what the fluent setters and {@link #copy} return
 * @param <M> its metric names
 */
abstract class DiscernEvaluator<E extends DiscernEvaluator<E, M>, M extends MetricNames.SparkMetric>
        extends Evaluator implements DefaultParamsWritable {
    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Param<String> labelCol;
    private final Param<String> probabilityCol;
    private final Param<String> weightCol;
    private final Param<String> metricName;

    /**
     * The shared params with their defaults; {@code probabilityCol} without one.
     *
     * @param uid the evaluator's uid
     * @param labelDoc what the label column holds
     * @param probabilityDoc what the probability column holds
     * @param metricNames every allowed {@code metricName}
     * @param defaultMetric the default {@code metricName}
     */
    DiscernEvaluator(String uid, String labelDoc, String probabilityDoc, List<String> metricNames,
            M defaultMetric) {
        this.uid = uid;
        labelCol = new Param<>(this, "labelCol", labelDoc);
        probabilityCol = new Param<>(this, "probabilityCol", probabilityDoc);
        weightCol = new Param<>(this, "weightCol", "sample weight column (>= 0); unset for unweighted");
        metricName = new Param<>(this, "metricName", "metric: one of " + metricNames,
                ParamValidators.inArray(metricNames.toArray(new String[0])));
        setDefault(labelCol, "label");
        setDefault(metricName, defaultMetric.sparkName());
    }

    /** The metric of a {@code metricName} value. */
    abstract M metricOf(String sparkName);

    /** This evaluator as its own type, for the fluent setters. */
    @SuppressWarnings("unchecked")
    private E self() {
        return (E) this;
    }

    @Override
    public String uid() {
        return uid;
    }

    /** Param: the label column. */
    public Param<String> labelCol() {
        return labelCol;
    }

    /**
     * Param: the probability column (binary: the score column used instead of the raw prediction
     * when set; multi-class: the vector of K scores).
     */
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

    public E setLabelCol(String value) {
        set(labelCol, value);
        return self();
    }

    public E setProbabilityCol(String value) {
        set(probabilityCol, value);
        return self();
    }

    public E setWeightCol(String value) {
        set(weightCol, value);
        return self();
    }

    public E setMetricName(String value) {
        set(metricName, value);
        return self();
    }

    public String getLabelCol() {
        return $(labelCol);
    }

    public String getMetricName() {
        return $(metricName);
    }

    /** The weight column, or null when {@code weightCol} is unset. */
    String weightColumnOrNull() {
        return isDefined(weightCol) ? $(weightCol) : null;
    }

    /** The metric {@code metricName} names. */
    M metric() {
        return metricOf(getMetricName());
    }

    @Override
    public boolean isLargerBetter() {
        return metric().largerIsBetter();
    }

    /** A copy with the same uid and params, {@code extra} set on it. */
    @Override
    @SuppressWarnings("unchecked")
    public E copy(ParamMap extra) {
        return (E) defaultCopy(extra); // defaultCopy makes an instance of this very class
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + ": uid=" + uid + ", metricName=" + getMetricName();
    }
}

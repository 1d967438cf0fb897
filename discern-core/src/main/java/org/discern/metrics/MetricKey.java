package org.discern.metrics;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.discern.metrics.internal.Checks;

/**
 * One metric as it appears in an output: a {@link Metric}, optionally composed with an
 * {@link Average}, and for {@link Metric#TOP_K_ACCURACY} its k and for
 * {@link Metric#PARTIAL_ROC_AUC} its maximum false-positive rate. The key is composed by code,
 * never spelled per combination: {@code roc_auc} + {@code ovr_macro} is
 * {@code roc_auc_ovr_macro}, top-k accuracy with k = 3 is {@code top_3_accuracy}. The label
 * composes the same way: "ROC AUC (one-vs-rest, macro)", "top-3 accuracy".
 *
 * <p>Two keys are equal when they name the same metric, averaging and parameter. Immutable.
 */
public final class MetricKey {
    private static final Pattern TOP_K = Pattern.compile("top_([1-9][0-9]{0,8})_accuracy");

    private final Metric metric;
    private final Average average;
    // k of top-k accuracy, max FPR of the partial AUC; NaN otherwise (or unknown after parse)
    private final double parameter;
    private final String key;

    private MetricKey(Metric metric, Average average, double parameter) {
        this.metric = metric;
        this.average = average;
        this.parameter = parameter;
        if (metric == Metric.TOP_K_ACCURACY) {
            this.key = "top_" + (long) parameter + "_accuracy";
        } else {
            this.key = average == null ? metric.key() : metric.key() + "_" + average.key();
        }
    }

    /**
     * A metric without averaging, e.g. {@code roc_auc}.
     *
     * @throws IllegalArgumentException for {@link Metric#TOP_K_ACCURACY} (use
     *     {@link #topKAccuracy(int)})
     */
    public static MetricKey of(Metric metric) {
        Checks.notNull(metric, "metric");
        if (metric == Metric.TOP_K_ACCURACY) {
            throw new IllegalArgumentException("top-k accuracy needs its k: use MetricKey.topKAccuracy(k)");
        }
        return new MetricKey(metric, null, Double.NaN);
    }

    /** A metric with its averaging, e.g. {@code roc_auc_ovr_macro}. */
    public static MetricKey of(Metric metric, Average average) {
        MetricKey base = of(metric);
        Checks.notNull(average, "average");
        return new MetricKey(base.metric, average, Double.NaN);
    }

    /**
     * {@code top_<k>_accuracy}.
     *
     * @param k at least 1
     */
    public static MetricKey topKAccuracy(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        return new MetricKey(Metric.TOP_K_ACCURACY, null, k);
    }

    /**
     * {@code partial_roc_auc} up to {@code maxFpr} (the key does not carry the rate; the label
     * does).
     *
     * @param maxFpr in (0, 1]
     */
    public static MetricKey partialRocAuc(double maxFpr) {
        if (!(maxFpr > 0 && maxFpr <= 1)) {
            throw new IllegalArgumentException("maxFpr must be in (0, 1], got " + maxFpr);
        }
        return new MetricKey(Metric.PARTIAL_ROC_AUC, null, maxFpr);
    }

    /**
     * The metric a key names, if any: {@code parse(k.key())} gives back {@code k}'s metric and
     * averaging (and k of top-k accuracy; a partial AUC's rate is not in its key).
     */
    public static Optional<MetricKey> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher m = TOP_K.matcher(key);
        if (m.matches()) {
            return Optional.of(topKAccuracy(Integer.parseInt(m.group(1))));
        }
        for (Metric metric : Metric.values()) {
            if (metric == Metric.TOP_K_ACCURACY || !key.startsWith(metric.key())) {
                continue;
            }
            if (key.equals(metric.key())) {
                return Optional.of(new MetricKey(metric, null, Double.NaN));
            }
            for (Average a : Average.values()) {
                if (key.equals(metric.key() + "_" + a.key())) {
                    return Optional.of(new MetricKey(metric, a, Double.NaN));
                }
            }
        }
        return Optional.empty();
    }

    /** The base metric. */
    public Metric metric() {
        return metric;
    }

    /** The averaging, if any. */
    public Optional<Average> average() {
        return Optional.ofNullable(average);
    }

    /** The snake_case key of the outputs, e.g. {@code roc_auc_ovr_macro}. */
    public String key() {
        return key;
    }

    /**
     * k of a top-k accuracy.
     *
     * @throws IllegalStateException for any other metric
     */
    public int k() {
        if (metric != Metric.TOP_K_ACCURACY) {
            throw new IllegalStateException(key + " has no k");
        }
        return (int) parameter;
    }

    /** The maximum false-positive rate of a partial ROC AUC; NaN for other metrics or when unknown. */
    public double maxFpr() {
        return metric == Metric.PARTIAL_ROC_AUC ? parameter : Double.NaN;
    }

    /**
     * The human label: the metric's, with its averaging in parentheses ("ROC AUC (one-vs-rest,
     * macro)"), its k ("top-3 accuracy") or its rate ("partial ROC AUC (FPR &lt;= 0.1, McClish)").
     */
    public String label() {
        if (metric == Metric.TOP_K_ACCURACY) {
            return "top-" + (long) parameter + " accuracy";
        }
        if (metric == Metric.PARTIAL_ROC_AUC) {
            return metric.label() + (Double.isNaN(parameter) ? " (McClish)"
                    : " (FPR <= " + Double.toString(parameter) + ", McClish)");
        }
        return average == null ? metric.label() : metric.label() + " (" + average.label() + ")";
    }

    /** Whether a higher value is better (as the base metric). */
    public boolean higherIsBetter() {
        return metric.higherIsBetter();
    }

    /** The kind of value (as the base metric). */
    public Metric.Kind kind() {
        return metric.kind();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricKey k && metric == k.metric && average == k.average
                && Double.compare(parameter, k.parameter) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(metric, average, parameter);
    }

    /** The key. */
    @Override
    public String toString() {
        return key;
    }
}

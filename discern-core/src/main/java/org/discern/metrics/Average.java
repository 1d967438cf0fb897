package org.discern.metrics;

import java.util.Locale;

/**
 * How a per-class (per-label) metric is averaged; composed with a {@link Metric} into a
 * {@link MetricKey} whose key is {@code <metric>_<average>} ({@code roc_auc_ovr_macro},
 * {@code average_precision_micro}, {@code precision_weighted}, {@code roc_auc_samples}). The
 * key is the constant's name in lower case, as scikit-learn's {@code average} and
 * {@code multi_class} arguments spell them.
 */
public enum Average {
    /** Multi-class ROC AUC: unweighted mean of the one-vs-rest AUCs. */
    OVR_MACRO("one-vs-rest, macro"),
    /** Multi-class ROC AUC: one-vs-rest AUCs weighted by class support. */
    OVR_WEIGHTED("one-vs-rest, weighted"),
    /** Multi-class ROC AUC: the AUC of all (sample, class) decisions pooled. */
    OVR_MICRO("one-vs-rest, micro"),
    /** Multi-class ROC AUC: Hand and Till's mean over class pairs. */
    OVO_MACRO("one-vs-one, macro, Hand & Till"),
    /** Multi-class ROC AUC: class pairs weighted by prevalence. */
    OVO_WEIGHTED("one-vs-one, weighted"),
    /** Unweighted mean over the classes (labels) that are defined. */
    MACRO("macro"),
    /** Mean weighted by support. */
    WEIGHTED("weighted"),
    /** The metric of all (sample, class) decisions pooled. */
    MICRO("micro"),
    /** Multi-label: mean over the samples of the per-sample metric. */
    SAMPLES("samples");

    private final String key;
    private final String label;

    Average(String label) {
        this.key = name().toLowerCase(Locale.ROOT);
        this.label = label;
    }

    /** The snake_case key, e.g. {@code ovr_macro}. */
    public String key() {
        return key;
    }

    /** The human label, e.g. "one-vs-rest, macro". */
    public String label() {
        return label;
    }
}

package org.discern.metrics;

import java.util.Locale;
import java.util.Optional;

/**
 * The structural keys of Discern's JSON outputs, beside the metric keys of {@link MetricKey}:
 * what is not a metric (the task, counts, the confusion matrix, per-class rows, intervals, the
 * bootstrap settings, the keys of {@code compare}, {@code threshold} and {@code calibrate} and
 * of a saved calibrator). A key is the constant's name in lower case ({@code N_POSITIVE} is
 * {@code n_positive}). Together with {@link MetricKey} this is the one place where a key of an
 * output is spelled; {@link #isKey(String)} tells whether a string is one of them.
 */
public enum Field {
    // ---- evaluation summary
    /** "binary", "multiclass" or "multilabel". */
    TASK,
    /** Number of rows. */
    N,
    /** Binary: positive rows. */
    N_POSITIVE,
    /** Binary: negative rows. */
    N_NEGATIVE,
    /** Binary: the label value taken as positive, as in the input. */
    POSITIVE_LABEL,
    /** Whether sample weights were given. */
    WEIGHTED,
    /** Multi-class: the class names, in column order. */
    CLASSES,
    /** Multi-label: the label names, in column order. */
    LABELS,
    /** Binary: the decision threshold (positive iff score &gt;= threshold). */
    THRESHOLD,
    /** Binary: the confusion matrix at the threshold, {tp, fp, tn, fn}. */
    CONFUSION,
    /** True positives. */
    TP,
    /** False positives. */
    FP,
    /** True negatives. */
    TN,
    /** False negatives. */
    FN,
    /** Multi-class: the K x K matrix, rows = true class, columns = predicted class. */
    CONFUSION_MATRIX,
    /**
     * Multi-class with more classes than a whole matrix is written for: the non-zero cells, each
     * [true class index, predicted class index, count], row-major.
     */
    CONFUSION_MATRIX_NONZERO,
    /** Multi-class: one object per class. */
    PER_CLASS,
    /** Multi-label: one object per label. */
    PER_LABEL,
    /** The class of a per-class row (or of a per-class comparison). */
    CLASS,
    /** The label of a per-label row. */
    LABEL,
    /** Rows (or weight) of a class or label. */
    SUPPORT,
    /** The maximum false-positive rate of the partial ROC AUC. */
    MAX_FPR,
    /** The McClish-standardized partial ROC AUC. */
    STANDARDIZED,
    /** Warnings, in the order they were found. */
    WARNINGS,
    // ---- intervals
    /** How an interval (or a test) was computed: "delong", "delong_logit", "bootstrap". */
    METHOD,
    /** Confidence level. */
    LEVEL,
    /** Lower bound. */
    LOWER,
    /** Upper bound. */
    UPPER,
    /** The bootstrap's settings, {replicates, seed}. */
    BOOTSTRAP,
    /** Bootstrap replicates. */
    REPLICATES,
    /** Seed of the random draws. */
    SEED,
    // ---- compare
    /** The list of comparisons. */
    COMPARISONS,
    /** Name of model a. */
    A,
    /** Name of model b. */
    B,
    /** ROC AUC of model a. */
    ROC_AUC_A,
    /** ROC AUC of model b. */
    ROC_AUC_B,
    /** AUC of a minus AUC of b. */
    DIFFERENCE,
    /** Interval of the difference, [lower, upper]. */
    DIFFERENCE_CI,
    /** Covariance of the two AUCs. */
    COVARIANCE,
    /** Test statistic. */
    Z,
    /**
     * Degrees of freedom of Student's t the statistic is referred to (the unpaired DeLong test,
     * Welch-Satterthwaite as pROC); absent when the statistic is referred to the normal.
     */
    DF,
    /** Two-sided p-value. */
    P_VALUE,
    /** Holm-adjusted p-value. */
    P_VALUE_HOLM,
    /** Whether the samples were paired. */
    PAIRED,
    // ---- threshold
    /** The chosen thresholds, one per criterion. */
    CRITERIA,
    /** A threshold criterion's spec, e.g. "youden", "cost". */
    CRITERION,
    /** The criterion's own value at the chosen threshold. */
    VALUE,
    // ---- calibrate
    /** "uniform" or "quantile". */
    BINNING,
    /** Number of bins. */
    BINS,
    /** The reliability curve, arrays over the non-empty bins. */
    CURVE,
    /** Index of a bin. */
    BIN,
    /** Rows in a bin. */
    COUNT,
    /** Weight in a bin. */
    WEIGHT,
    /** Mean predicted probability of a bin. */
    MEAN_PREDICTED,
    /** Observed frequency of positives in a bin. */
    OBSERVED_FREQUENCY,
    /** Lower bound of the interval of a bin's observed frequency. */
    OBSERVED_LOWER,
    /** Upper bound of the interval of a bin's observed frequency. */
    OBSERVED_UPPER,
    /** How the bins' intervals were computed: {method, level}. */
    OBSERVED_INTERVAL,
    /** Multi-class calibration of the top-label confidence. */
    TOP_LABEL,
    // ---- decision
    /** The decision curve: one object per threshold probability. */
    DECISION_CURVE,
    /** Net benefit of treating everyone at a threshold probability. */
    NET_BENEFIT_ALL,
    /** Net benefit of treating no one (0). */
    NET_BENEFIT_NONE,
    /** (Weighted) share of positives. */
    PREVALENCE,
    /** The rule a decision follows, in words. */
    RULE,
    // ---- decisions by cost (threshold --cost-matrix)
    /** The K x K costs, rows = true class, columns = decided class. */
    COST_MATRIX,
    /** The least-expected-cost decisions: their cost, accuracy and confusion matrix. */
    COST_DECISION,
    /** The argmax decisions (first maximum), judged by the same costs. */
    ARGMAX,
    /** Realised total (weighted) cost of a set of decisions. */
    TOTAL_COST,
    /** Realised cost per (weighted) row: the total cost over the total weight. */
    MEAN_COST,
    // ---- a saved calibrator
    /** "platt", "isotonic" or "prior_shift". */
    TYPE,
    /** Format version. */
    VERSION,
    /** Isotonic: knot inputs; an averaged curve: the name of its x axis ("fpr", "recall"). */
    X,
    /** Isotonic: knot outputs; an averaged curve: the name of its y axis ("tpr", "precision"). */
    Y,
    /** Prior shift: the priors of the training data. */
    TRAINING_PRIORS,
    /** Prior shift: the priors to shift to. */
    TARGET_PRIORS,
    // ---- slices and folds (evaluate --group, --fold)
    /** One object per slice of every --group, beside the whole sample's summary. */
    SLICES,
    /** A slice's name: column=value for each group column, joined by commas. */
    SLICE,
    /** The group columns of a slice. */
    COLUMNS,
    /** A slice's value of each group column. */
    VALUES,
    /** The unpaired DeLong test of a slice's ROC AUC against that of every other row. */
    VERSUS_REST,
    /** The cross-validation object of --fold. */
    FOLDS,
    /** The fold column. */
    COLUMN,
    /** One object per fold: its summary. */
    PER_FOLD,
    /** A fold's value of the fold column. */
    FOLD,
    /** Mean over the folds, per metric key. */
    MEAN,
    /** Standard deviation (population) over the folds, per metric key. */
    SD,
    /** The vertically averaged ROC curve over the folds. */
    AVERAGED_ROC,
    /** The recall-averaged precision-recall curve over the folds. */
    AVERAGED_PR,
    /** Number of curves averaged. */
    CURVES,
    /** The grid of x values a curve is averaged on. */
    GRID,
    /** Least value over the folds at each grid point. */
    MIN,
    /** Greatest value over the folds at each grid point. */
    MAX;

    /** Suffix of a value's interval: {@code roc_auc_ci}. */
    public static final String CI_SUFFIX = "_ci";
    /** Suffix of a value's DeLong variance: {@code roc_auc_variance}. */
    public static final String VARIANCE_SUFFIX = "_variance";
    /** Suffix of a value computed on every row of cross-validated predictions at once: {@code roc_auc_pooled}. */
    public static final String POOLED_SUFFIX = "_pooled";
    /** Suffix of the mean of a value over the folds: {@code roc_auc_mean_of_folds}. */
    public static final String MEAN_OF_FOLDS_SUFFIX = "_mean_of_folds";
    private static final String[] SUFFIXES = {CI_SUFFIX, VARIANCE_SUFFIX, POOLED_SUFFIX, MEAN_OF_FOLDS_SUFFIX};

    private final String key;

    Field() {
        this.key = name().toLowerCase(Locale.ROOT);
    }

    /** The snake_case key, e.g. {@code n_positive}. */
    public String key() {
        return key;
    }

    /** The key of a metric's interval: {@code roc_auc} gives {@code roc_auc_ci}. */
    public static String ci(MetricKey metric) {
        return metric.key() + CI_SUFFIX;
    }

    /** The key of a metric's DeLong variance: {@code roc_auc} gives {@code roc_auc_variance}. */
    public static String variance(MetricKey metric) {
        return metric.key() + VARIANCE_SUFFIX;
    }

    /** The key of a value computed on all folds' rows at once: {@code roc_auc} gives {@code roc_auc_pooled}. */
    public static String pooled(MetricKey metric) {
        return metric.key() + POOLED_SUFFIX;
    }

    /** The key of the mean of a value over the folds: {@code roc_auc} gives {@code roc_auc_mean_of_folds}. */
    public static String meanOfFolds(MetricKey metric) {
        return metric.key() + MEAN_OF_FOLDS_SUFFIX;
    }

    /** The field of a key, if it is one. */
    public static Optional<Field> of(String key) {
        for (Field f : values()) {
            if (f.key.equals(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code key} is a key of Discern's outputs: a field, a metric key
     * ({@link MetricKey#parse(String)}), or a metric key with {@link #CI_SUFFIX},
     * {@link #VARIANCE_SUFFIX}, {@link #POOLED_SUFFIX} or {@link #MEAN_OF_FOLDS_SUFFIX}.
     */
    public static boolean isKey(String key) {
        if (key == null) {
            return false;
        }
        if (of(key).isPresent() || MetricKey.parse(key).isPresent()) {
            return true;
        }
        for (String suffix : SUFFIXES) {
            if (key.endsWith(suffix) && MetricKey.parse(key.substring(0, key.length() - suffix.length())).isPresent()) {
                return true;
            }
        }
        return false;
    }
}

package org.discern.metrics;

import java.util.Locale;

/**
 * The base metrics of Discern's outputs: the one place where a metric's key is spelled. A key is
 * the constant's name in lower case ({@code ROC_AUC} is {@code roc_auc}), scikit-learn's name
 * where one exists ({@code roc_auc}, {@code average_precision}, {@code balanced_accuracy},
 * {@code cohen_kappa}); Discern keeps its own short names where its JSON contract has them
 * ({@code mcc}, {@code brier}, {@code ks}, {@code npv}, {@code ece}). An averaged metric is a
 * {@link MetricKey}: a base metric composed with an {@link Average} ({@code roc_auc_ovr_macro});
 * top-k accuracy is a base metric with its k ({@code top_3_accuracy}).
 *
 * <p>Each metric carries a human label for tables and pages, whether a higher value is better,
 * and the kind of value it takes.
 */
public enum Metric {
    /** Area under the ROC curve, ties counted one half. */
    ROC_AUC("ROC AUC", Better.HIGHER, Kind.PROPORTION, false),
    /** Step-wise average precision (scikit-learn's). */
    AVERAGE_PRECISION("average precision", Better.HIGHER, Kind.PROPORTION, false),
    /** Area under Davis and Goadrich's interpolated PR curve. */
    PR_AUC_INTERPOLATED("PR AUC (interpolated)", Better.HIGHER, Kind.PROPORTION, false),
    /** Trapezoid area under the PR points. */
    PR_AUC_TRAPEZOID("PR AUC (trapezoid)", Better.HIGHER, Kind.PROPORTION, false),
    /** Kolmogorov-Smirnov statistic: the largest TPR - FPR. */
    KS("KS statistic", Better.HIGHER, Kind.PROPORTION, false),
    /** Log loss (cross-entropy). */
    LOG_LOSS("log loss", Better.LOWER, Kind.NON_NEGATIVE, false),
    /** Brier score: mean squared error of the probabilities. */
    BRIER("Brier score", Better.LOWER, Kind.PROPORTION, false),
    /** Share of correct decisions. */
    ACCURACY("accuracy", Better.HIGHER, Kind.PROPORTION, true),
    /** Positive predictive value. */
    PRECISION("precision", Better.HIGHER, Kind.PROPORTION, true),
    /** True-positive rate (sensitivity). */
    RECALL("recall (sensitivity)", Better.HIGHER, Kind.PROPORTION, true),
    /** True-negative rate. */
    SPECIFICITY("specificity", Better.HIGHER, Kind.PROPORTION, true),
    /** Negative predictive value. */
    NPV("negative predictive value", Better.HIGHER, Kind.PROPORTION, true),
    /** Harmonic mean of precision and recall. */
    F1("F1", Better.HIGHER, Kind.PROPORTION, true),
    /** Matthews correlation coefficient. */
    MCC("MCC", Better.HIGHER, Kind.CORRELATION, true),
    /** Mean recall over the classes. */
    BALANCED_ACCURACY("balanced accuracy", Better.HIGHER, Kind.PROPORTION, true),
    /** Cohen's kappa: agreement beyond chance. */
    COHEN_KAPPA("Cohen's kappa", Better.HIGHER, Kind.CORRELATION, true),
    /** McClish-standardized partial ROC AUC up to a maximum false-positive rate. */
    PARTIAL_ROC_AUC("partial ROC AUC", Better.HIGHER, Kind.PROPORTION, false),
    /** Share of samples whose true class is among the k highest scores; key {@code top_<k>_accuracy}. */
    TOP_K_ACCURACY("top-k accuracy", Better.HIGHER, Kind.PROPORTION, false),
    /** Multi-label: scikit-learn's label ranking average precision. */
    LABEL_RANKING_AVERAGE_PRECISION("label ranking average precision", Better.HIGHER, Kind.PROPORTION, false),
    /** Multi-label: how far down the ranking all true labels are covered, on average. */
    COVERAGE_ERROR("coverage error", Better.LOWER, Kind.NON_NEGATIVE, false),
    /** Expected calibration error (weighted mean gap per bin). */
    ECE("expected calibration error", Better.LOWER, Kind.PROPORTION, false),
    /**
     * Multi-class: expected calibration error of the top-label confidence (the largest
     * probability of a row against "its class is the label"; Guo et al. 2017).
     */
    ECE_TOP_LABEL("top-label expected calibration error", Better.LOWER, Kind.PROPORTION, false),
    /** Multi-class: unweighted mean over classes of the one-vs-rest expected calibration errors. */
    ECE_CLASSWISE("class-wise expected calibration error", Better.LOWER, Kind.PROPORTION, false),
    /** Maximum calibration error (largest gap of a bin). */
    MCE("maximum calibration error", Better.LOWER, Kind.PROPORTION, false),
    /** Reliability term of the Brier score decomposition. */
    RELIABILITY("reliability (REL)", Better.LOWER, Kind.PROPORTION, false),
    /** Resolution term of the Brier score decomposition. */
    RESOLUTION("resolution (RES)", Better.HIGHER, Kind.PROPORTION, false),
    /** Uncertainty term of the Brier score decomposition (a property of the labels). */
    UNCERTAINTY("uncertainty (UNC)", Better.NEITHER, Kind.PROPORTION, false),
    /** Within-bin variance term of the Brier score decomposition. */
    WITHIN_BIN_VARIANCE("within-bin variance (WBV)", Better.NEITHER, Kind.PROPORTION, false),
    /** Within-bin covariance term of the Brier score decomposition. */
    WITHIN_BIN_COVARIANCE("within-bin covariance (WBC)", Better.NEITHER, Kind.OTHER, false),
    /** Expected cost per case of a decision rule. */
    EXPECTED_COST("expected cost per case", Better.LOWER, Kind.NON_NEGATIVE, true),
    /** Share of the (weighted) samples flagged positive. */
    FLAGGED_FRACTION("flagged fraction", Better.NEITHER, Kind.PROPORTION, true),
    /** Decision curve: net benefit of the model at a threshold probability (Vickers &amp; Elkin). */
    NET_BENEFIT("net benefit", Better.HIGHER, Kind.OTHER, true),
    /** Decision curve: net benefit divided by the prevalence. */
    STANDARDIZED_NET_BENEFIT("standardized net benefit", Better.HIGHER, Kind.OTHER, true);

    /** Which direction of a metric is the better one. */
    public enum Better {
        /** Higher values are better (AUC, F1). */
        HIGHER,
        /** Lower values are better (log loss, calibration error). */
        LOWER,
        /** Neither (a property of the data, or a term of a decomposition). */
        NEITHER
    }

    /** The kind of value a metric takes, for checks and formatting. */
    public enum Kind {
        /** A rate, share or area in [0, 1]. */
        PROPORTION,
        /** A correlation-like value in [-1, 1]. */
        CORRELATION,
        /** A non-negative, unbounded value (log loss, coverage error). */
        NON_NEGATIVE,
        /** Any real value. */
        OTHER
    }

    private final String key;
    private final String label;
    private final Better better;
    private final Kind kind;
    private final boolean decision;

    Metric(String label, Better better, Kind kind, boolean decision) {
        this.key = name().toLowerCase(Locale.ROOT);
        this.label = label;
        this.better = better;
        this.kind = kind;
        this.decision = decision;
    }

    /**
     * The snake_case key, e.g. {@code roc_auc}. For {@link #TOP_K_ACCURACY} this is the pattern
     * {@code top_k_accuracy}; a concrete key needs its k ({@link MetricKey#topKAccuracy(int)}).
     */
    public String key() {
        return key;
    }

    /** The human label for tables and pages, e.g. "ROC AUC", "Brier score". */
    public String label() {
        return label;
    }

    /**
     * The column header of narrow plain-text tables (the terminal's per-class report): the key,
     * but {@code avg_prec} for {@link #AVERAGE_PRECISION} and scikit-learn's
     * {@code classification_report} spelling {@code f1-score} for {@link #F1}.
     */
    public String header() {
        return switch (this) {
            case AVERAGE_PRECISION -> "avg_prec";
            case F1 -> "f1-score";
            default -> key;
        };
    }

    /** Which direction is better. */
    public Better better() {
        return better;
    }

    /** Whether a higher value is better. */
    public boolean higherIsBetter() {
        return better == Better.HIGHER;
    }

    /** The kind of value. */
    public Kind kind() {
        return kind;
    }

    /**
     * Whether the metric judges decisions (a threshold, or the argmax of a multi-class row)
     * rather than the ranking or the probabilities: the metrics of a confusion matrix.
     */
    public boolean decision() {
        return decision;
    }
}

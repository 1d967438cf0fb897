package org.discern.metrics;

import java.util.List;

/**
 * The numbers of a multi-class evaluation, however they were computed: by
 * {@link MulticlassEvaluation} (one pass over the samples, or merged {@link MulticlassCounts}:
 * every curve and number) or by {@link MulticlassSweep} (tables too large for one place, summed
 * run by run: every number, no full curve). Both give the same values for the same samples
 * (to rounding); {@link EvaluationSummary#multiclass(MulticlassNumbers, SummaryOptions)} reads
 * either.
 */
public sealed interface MulticlassNumbers permits MulticlassEvaluation, MulticlassSweep {
    /** The K class names, in column order. */
    List<String> classes();

    /** Number of classes K. */
    int classCount();

    /** Number of samples of positive weight. */
    int rows();

    /** Whether sample weights were given. */
    boolean weighted();

    /** Support of class c: its number of samples, or with weights their summed weight. */
    double support(int c);

    /** One-vs-rest ROC AUC of class c; NaN when the class is absent (or holds every sample). */
    double rocAuc(int c);

    /** One-vs-rest average precision of class c; NaN when the class is absent, 1 when it holds every sample. */
    double averagePrecision(int c);

    /** Mean of the defined per-class one-vs-rest ROC AUCs; NaN when none is defined. */
    double rocAucOvrMacro();

    /** Support-weighted mean of the defined per-class one-vs-rest ROC AUCs. */
    double rocAucOvrWeighted();

    /** ROC AUC of the pooled n*K decisions (micro average). */
    double rocAucOvrMicro();

    /** Hand &amp; Till's M over the pairs of present classes. */
    double rocAucOvoMacro();

    /** Prevalence-weighted one-vs-one AUC. */
    double rocAucOvoWeighted();

    /**
     * AUC of score column a separating class a from class b, among the samples of those two
     * classes; NaN when either class is absent.
     */
    double rocAucOneVsOne(int a, int b);

    /** Mean of the defined per-class average precisions. */
    double averagePrecisionMacro();

    /** Support-weighted mean of the defined per-class average precisions. */
    double averagePrecisionWeighted();

    /** Average precision of the pooled n*K decisions (micro average). */
    double averagePrecisionMicro();

    /** The confusion matrix of the argmax predictions (first maximum of a row). */
    MulticlassConfusionMatrix confusionMatrix();

    /** Accuracy of the argmax predictions. */
    double accuracy();

    /** Balanced accuracy of the argmax predictions. */
    double balancedAccuracy();

    /** Cohen's kappa of the argmax predictions. */
    double cohenKappa();

    /** Multi-class Matthews correlation coefficient of the argmax predictions. */
    double mcc();

    /** Top-k accuracy (k &gt;= 1), ties broken as scikit-learn's {@code top_k_accuracy_score}. */
    double topKAccuracy(int k);

    /** Multi-class log loss; NaN, with a warning, unless the scores are probabilities. */
    double logLoss();

    /** Warnings about undefined values; never null. */
    List<String> warnings();
}

/**
 * Classifier evaluation: operating points, curves, areas, threshold metrics.
 *
 * <p>Conventions that hold everywhere in this package:
 * <ul>
 *   <li>A sample is predicted positive iff {@code score >= threshold}. Curve thresholds are
 *       strictly descending; ROC and PR curves start at {@code +Infinity}.</li>
 *   <li>Invalid input (unequal lengths, NaN or infinite score, negative or NaN weight, empty
 *       input, a label outside the declared classes) throws {@link IllegalArgumentException}
 *       naming the index and the value.</li>
 *   <li>An undefined metric on valid input (0/0, a class absent from the data) is
 *       {@code NaN}, and the result that computed it carries a warning saying why.</li>
 *   <li>Arrays passed in are not kept; arrays returned are copies.</li>
 *   <li>A sample of weight 0 is the same as no sample, everywhere (no curve point, threshold or
 *       count; not counted in {@code rows()}); all weights 0 is invalid input. The scale of the
 *       weights changes no rate, area or coefficient: weights near 1e200 or 1e-200 are rescaled by
 *       a power of two first (see {@link org.discern.metrics.OperatingPoints}).</li>
 * </ul>
 *
 * <p>Start at {@link org.discern.metrics.BinaryEvaluation}. Decisions: choose a threshold with
 * {@link org.discern.metrics.Thresholds} and a {@link org.discern.metrics.ThresholdCriterion}, list
 * every metric at every threshold with {@link org.discern.metrics.ThresholdSweep}, check
 * probabilities with {@link org.discern.metrics.Calibration} (multi-class:
 * {@link org.discern.metrics.MulticlassCalibration}) and fix them with a
 * {@link org.discern.metrics.Calibrator}.
 *
 * <p>Many classes: {@link org.discern.metrics.MulticlassEvaluation} (one-vs-rest curves and areas
 * per class, ovr macro/weighted/micro and one-vs-one Hand &amp; Till averages, micro- and
 * macro-average ROC curves, and the argmax predictions' {@link
 * org.discern.metrics.MulticlassConfusionMatrix}, top-k accuracy and log loss) and
 * {@link org.discern.metrics.MultilabelEvaluation} (per-label curves, macro/weighted/micro/samples
 * averages, label ranking average precision, coverage error).
 *
 * <p>Mergeable summaries, for samples held in parts (partitions, batches, files) or too large
 * for one table: {@link org.discern.metrics.ScoreCounts} (binary: counts per distinct score),
 * {@link org.discern.metrics.MulticlassCounts} (per score column a
 * {@link org.discern.metrics.ClassScoreCounts}: counts per distinct score and class, plus the argmax
 * sums, {@link org.discern.metrics.ArgmaxCounts}), both merging into the evaluation of the whole;
 * {@link org.discern.metrics.SweepSums} (every binary number summed over runs of the table, for
 * tables held in ranges) and {@link org.discern.metrics.MulticlassSweep} (the same for the K
 * columns of a multi-class sample; {@link org.discern.metrics.MulticlassNumbers} is the view it
 * shares with {@link org.discern.metrics.MulticlassEvaluation}); and
 * {@link org.discern.metrics.ScoreHistogram} (fixed bins: the ROC AUC with proven bounds).
 *
 * <p>Outputs: {@link org.discern.metrics.EvaluationSummary} holds every number of an evaluation
 * as the outputs show it, under the keys of the registry ({@link org.discern.metrics.Metric},
 * {@link org.discern.metrics.Average}, {@link org.discern.metrics.MetricKey} for metrics,
 * {@link org.discern.metrics.Field} for everything else), with its intervals read by name.
 *
 * <p>Intervals and tests:
 * {@link org.discern.metrics.DeLong} (variance, interval and paired/unpaired tests of the ROC
 * AUC, as pROC; the unpaired test on {@link org.discern.metrics.StudentT}) and {@link org.discern.metrics.Bootstrap} (stratified, seeded, parallel bootstrap
 * of any {@link org.discern.metrics.BinaryStatistic} or
 * {@link org.discern.metrics.WeightedStatistic}); random results carry their seed.
 */
package org.discern.metrics;

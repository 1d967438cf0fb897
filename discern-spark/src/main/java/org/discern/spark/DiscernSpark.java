package org.discern.spark;

import java.util.Objects;

import org.apache.spark.sql.Dataset;
import org.discern.metrics.AucComparison;
import org.discern.metrics.MulticlassEvaluation;
import org.discern.metrics.MulticlassNumbers;
import org.discern.metrics.MulticlassSweep;
import org.discern.metrics.ScoreHistogram;

/**
 * Exact evaluation of classifier predictions held in a Spark {@code Dataset}: the numbers and
 * curves of Discern's single-machine evaluation, computed on the cluster from counts per
 * distinct score (see {@link SparkBinaryEvaluation} for what reaches the driver).
 *
 * <pre>{@code
 * SparkBinaryEvaluation ev = DiscernSpark.binary(predictions,
 *         BinaryOptions.of("label", "probability").withMaxFpr(0.1));
 * double auc = ev.rocAuc();                          // exact, ties one half
 * ConfidenceInterval ci = ev.deLong().interval(0.95);
 * BinaryEvaluation all = ev.evaluation().orElseThrow(); // curves, any threshold
 * }</pre>
 */
public final class DiscernSpark {
    private DiscernSpark() {
    }

    /**
     * The exact evaluation of binary predictions.
     *
     * @param data rows with a label column (0/1 or boolean), a score column (a number, or a Spark
     *     ML vector or numeric array whose element 1 is the score) and optionally a weight column
     * @param options the columns and what to compute
     * @throws IllegalArgumentException when a column is missing or of the wrong type, a label is
     *     not 0/1, a score is null, NaN or infinite, a weight is null, negative, NaN or infinite
     *     (the message names the column), or the data is empty
     */
    public static SparkBinaryEvaluation binary(Dataset<?> data, BinaryOptions options) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(options, "options");
        return ExactBinary.run(data, options);
    }

    /**
     * The exact multi-class evaluation of the rows: per-class one-vs-rest areas, macro, weighted
     * and micro averages, one-vs-one Hand &amp; Till, and the argmax metrics. Two ways to the same
     * numbers, chosen by the number of (score, class) entries of the partitions' summaries:
     * <ul>
     *   <li>within {@link MulticlassOptions#withMaxDriverEntries} (the usual case): the core's
     *       {@link MulticlassEvaluation}, from the summaries merged on the driver: every curve
     *       too;</li>
     *   <li>above: the core's {@link MulticlassSweep}: the tables stay on the cluster,
     *       range-partitioned by score, and only sums reach the driver; every number (and per
     *       class {@link MulticlassSweep#classSums} for the other areas and DeLong's variance),
     *       no curve.</li>
     * </ul>
     *
     * <pre>{@code
     * MulticlassNumbers ev = DiscernSpark.multiclass(predictions, MulticlassOptions.ofVector("label", "probability"));
     * double m = ev.rocAucOvoMacro();
     * if (ev instanceof MulticlassEvaluation all) {
     *     RocCurve macro = all.rocCurveMacro(); // curves when the tables reached the driver
     * }
     * }</pre>
     *
     * @throws IllegalArgumentException for a missing or mistyped column, a label that is not a
     *     class, a null, NaN or infinite score, a score vector of the wrong length, a bad weight
     *     (the message names the column), or empty data
     */
    public static MulticlassNumbers multiclass(Dataset<?> data, MulticlassOptions options) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(options, "options");
        return ExactMulticlass.run(data, options);
    }

    /**
     * The paired DeLong test of two score columns on the same rows (pROC's
     * {@code roc.test(paired = TRUE, method = "delong")}): AUC of {@code options}' score column
     * minus that of {@code scoreB}, its interval, z and p. Placements come from each column's
     * counts per distinct score and are joined back to the rows by score value (see
     * {@link SparkIntervals}); no row reaches the driver.
     *
     * @param options label, first score and weight columns (weights are frequency weights)
     * @param scoreB the second score column
     * @param level confidence level of the difference's interval, in (0, 1)
     */
    public static AucComparison pairedDeLong(Dataset<?> data, BinaryOptions options, String scoreB, double level) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(scoreB, "scoreB");
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        return SparkIntervals.paired(data, options, scoreB, level);
    }

    /**
     * The bounded mode, for scores too many and too distinct to count exactly: a fixed-resolution
     * histogram of the positives' and negatives' scores, built per partition without sorting and
     * merged; its {@link ScoreHistogram#rocAuc()} gives the AUC estimate and proven bounds.
     *
     * @param options label, score and weight columns
     * @param lower lower edge of the first bin (scores below fall in it)
     * @param upper upper edge of the last bin (scores at or above fall in it)
     * @param bins number of equal-width bins
     */
    public static ScoreHistogram histogram(Dataset<?> data, BinaryOptions options, double lower, double upper,
            int bins) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(options, "options");
        return SparkIntervals.histogram(data, options, lower, upper, bins);
    }
}

package org.discern.spark;

import java.util.Objects;

import org.apache.spark.sql.Dataset;
import org.discern.metrics.MulticlassEvaluation;

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
     * The exact multi-class evaluation: the core's {@link MulticlassEvaluation} of the rows
     * (per-class one-vs-rest curves and areas, macro, weighted and micro averages, one-vs-one
     * Hand &amp; Till, and the argmax metrics), from per-partition summaries merged on the driver.
     *
     * @throws IllegalArgumentException for a missing or mistyped column, a label that is not a
     *     class, a null, NaN or infinite score, a score vector of the wrong length, a bad weight
     *     (the message names the column), empty data, or more summary entries than the options'
     *     driver limit
     */
    public static MulticlassEvaluation multiclass(Dataset<?> data, MulticlassOptions options) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(options, "options");
        return ExactMulticlass.run(data, options);
    }
}

package org.discern.spark;

import java.util.List;
import java.util.Optional;

import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.ConfusionMatrix;
import org.discern.metrics.DeLong;
import org.discern.metrics.DeLongAuc;
import org.discern.metrics.OperatingPoints;
import org.discern.metrics.SweepSums;

/**
 * The exact evaluation of a binary classifier's scores held in a Spark {@code Dataset}.
 *
 * <p>Two ways to the same numbers, chosen by the number of distinct scores (see
 * {@link BinaryOptions#withMaxDriverScores}):
 * <ul>
 *   <li><b>table on the driver</b> (the usual case): the counts per distinct score, aggregated
 *       on the cluster, are merged on the driver into the core's operating points, and
 *       {@link #evaluation()} is the core's {@link BinaryEvaluation}: every curve, every number,
 *       any threshold, identical to a single-machine evaluation of the same rows;</li>
 *   <li><b>table on the cluster</b> (more distinct scores than the limit): each range of distinct
 *       scores is summed in its partition ({@link SweepSums}) and only the sums reach the driver.
 *       The numbers are as exact; the confusion matrix is known at the thresholds given in the
 *       options; {@link #operatingPoints()} is thinned to at most
 *       {@link BinaryOptions#withMaxCurvePoints} rows (every k-th distinct score and the last),
 *       for drawing curves only.</li>
 * </ul>
 *
 * <p>Instances are immutable.
 */
public final class SparkBinaryEvaluation {
    private final BinaryEvaluation evaluation;
    private final SweepSums sums;
    private final OperatingPoints points;
    private final long rows;
    private final long positiveRows;
    private final boolean weighted;
    private final long distinctScores;
    private final double[] thresholds;
    private final double maxFpr;
    private final long zeroWeightRows;

    private SparkBinaryEvaluation(BinaryEvaluation evaluation, SweepSums sums, OperatingPoints points, long rows,
            long positiveRows, boolean weighted, long distinctScores, double[] thresholds, double maxFpr,
            long zeroWeightRows) {
        this.zeroWeightRows = zeroWeightRows;
        this.evaluation = evaluation;
        this.sums = sums;
        this.points = points;
        this.rows = rows;
        this.positiveRows = positiveRows;
        this.weighted = weighted;
        this.distinctScores = distinctScores;
        this.thresholds = thresholds;
        this.maxFpr = maxFpr;
    }

    static SparkBinaryEvaluation onDriver(BinaryEvaluation ev, BinaryOptions o) {
        OperatingPoints op = ev.operatingPoints();
        return new SparkBinaryEvaluation(ev, null, op, op.rows(), op.positiveRows(), op.weighted(), op.size(),
                o.thresholds, o.maxFpr, 0);
    }

    static SparkBinaryEvaluation onCluster(SweepSums sums, OperatingPoints thinned, long rows, long positiveRows,
            boolean weighted, long distinctScores, long zeroWeightRows, BinaryOptions o) {
        return new SparkBinaryEvaluation(null, sums, thinned, rows, positiveRows, weighted, distinctScores,
                o.thresholds, o.maxFpr, zeroWeightRows);
    }

    /** The core's evaluation, when the whole table reached the driver. */
    public Optional<BinaryEvaluation> evaluation() {
        return Optional.ofNullable(evaluation);
    }

    /** Whether the whole table reached the driver (then curves and thresholds are unrestricted). */
    public boolean tableOnDriver() {
        return evaluation != null;
    }

    /** Number of rows evaluated (of positive weight: rows of weight 0 are left out, as in the core). */
    public long rows() {
        return rows;
    }

    /** Number of positive rows. */
    public long positiveRows() {
        return positiveRows;
    }

    /** Number of negative rows. */
    public long negativeRows() {
        return rows - positiveRows;
    }

    /** Whether a weight column was given. */
    public boolean weighted() {
        return weighted;
    }

    /** Number of distinct scores (rows of the full operating-point table). */
    public long distinctScores() {
        return distinctScores;
    }

    /** Exact ROC AUC (ties one half); NaN when a class is absent. */
    public double rocAuc() {
        return evaluation != null ? evaluation.rocAuc() : sums.rocAuc();
    }

    /** Step-wise average precision (scikit-learn's). */
    public double averagePrecision() {
        return evaluation != null ? evaluation.averagePrecision() : sums.averagePrecision();
    }

    /** Area under Davis and Goadrich's interpolated PR curve. */
    public double prAucInterpolated() {
        return evaluation != null ? evaluation.prAucInterpolated() : sums.prAucInterpolated();
    }

    /** Trapezoid area under the PR points. */
    public double prAucTrapezoid() {
        return evaluation != null ? evaluation.prAucTrapezoid() : sums.prAucTrapezoid();
    }

    /** Kolmogorov-Smirnov statistic. */
    public double ks() {
        return evaluation != null ? evaluation.ks() : sums.ks();
    }

    /** The threshold where {@link #ks()} is reached. */
    public double ksThreshold() {
        return evaluation != null ? evaluation.ksThreshold() : sums.ksThreshold();
    }

    /** Log loss; NaN unless every score is in [0, 1]. */
    public double logLoss() {
        return evaluation != null ? evaluation.logLoss() : sums.logLoss();
    }

    /** Brier score; NaN unless every score is in [0, 1]. */
    public double brierScore() {
        return evaluation != null ? evaluation.brierScore() : sums.brierScore();
    }

    /**
     * The standardized partial ROC AUC at the options' FPR limit.
     *
     * @throws IllegalStateException when the options gave no limit
     */
    public double partialRocAuc() {
        if (Double.isNaN(maxFpr)) {
            throw new IllegalStateException("no maxFpr was given in the options");
        }
        return evaluation != null ? evaluation.partialRocAuc(maxFpr) : sums.partialRocAuc();
    }

    /** The partial-AUC FPR limit of the options, NaN for none. */
    public double maxFpr() {
        return maxFpr;
    }

    /**
     * The confusion matrix at {@code threshold}: any threshold when the table is on the driver,
     * else one of the options' thresholds.
     *
     * @throws IllegalArgumentException for another threshold when the table stayed on the cluster
     */
    public ConfusionMatrix confusionAt(double threshold) {
        if (evaluation != null) {
            return evaluation.confusionAt(threshold);
        }
        for (int j = 0; j < thresholds.length; j++) {
            if (Double.compare(thresholds[j], threshold) == 0) {
                return sums.confusionAt(j);
            }
        }
        throw new IllegalArgumentException("the table stayed on the cluster: confusion matrices are known at the "
                + "options' thresholds " + java.util.Arrays.toString(thresholds) + " only, not at " + threshold);
    }

    /** DeLong's variance of the ROC AUC and its interval. */
    public DeLongAuc deLong() {
        return evaluation != null ? DeLong.auc(evaluation.operatingPoints()) : sums.deLong();
    }

    /**
     * The operating points: the full table when it is on the driver, else at most the options'
     * {@code maxCurvePoints} rows of it (every k-th distinct score and the lowest), whose curves
     * are drawn through true operating points but are not used for any number. Empty when the
     * table stayed on the cluster and holds more than {@link Integer#MAX_VALUE} rows.
     */
    public Optional<OperatingPoints> operatingPoints() {
        return Optional.ofNullable(points);
    }

    /** Warnings about undefined values, as the core's evaluation gives them. */
    public List<String> warnings() {
        return evaluation != null ? evaluation.warnings() : sums.warnings(zeroWeightRows);
    }

    @Override
    public String toString() {
        return "SparkBinaryEvaluation[rows=" + rows + ", distinctScores=" + distinctScores + ", tableOnDriver="
                + tableOnDriver() + ", rocAuc=" + rocAuc() + "]";
    }
}

package org.discern.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * What {@link DiscernSpark#binary} reads and computes. Immutable; each {@code with...} returns a
 * copy. Defaults: columns {@code label} and {@code score}, no weights, the confusion matrix at
 * threshold 0.5, no partial AUC, the full table on the driver up to
 * {@value #DEFAULT_MAX_DRIVER_SCORES} distinct scores, curves of at most
 * {@value #DEFAULT_MAX_CURVE_POINTS} points beyond that.
 *
 * <p>The label column holds 0/1 (any numeric type) or booleans; the score column a number, or a
 * Spark ML vector or {@code array<double>} whose element 1 is the score (as Spark classifiers
 * write {@code rawPrediction} and {@code probability}); the weight column numbers &gt;= 0.
 */
public final class BinaryOptions implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Default limit of distinct scores whose full table is brought to the driver. */
    public static final long DEFAULT_MAX_DRIVER_SCORES = 1L << 22;
    /** Default number of points of a curve thinned out of a table too large for the driver. */
    public static final int DEFAULT_MAX_CURVE_POINTS = 10_000;
    /** Default number of distinct scores per range when the table is range-partitioned. */
    static final int DEFAULT_SCORES_PER_RANGE = 1 << 20;

    final String labelColumn;
    final String scoreColumn;
    final String weightColumn;
    final double[] thresholds;
    final double maxFpr;
    final long maxDriverScores;
    final int maxCurvePoints;
    final int scoresPerRange;

    private BinaryOptions(String labelColumn, String scoreColumn, String weightColumn, double[] thresholds,
            double maxFpr, long maxDriverScores, int maxCurvePoints, int scoresPerRange) {
        this.labelColumn = labelColumn;
        this.scoreColumn = scoreColumn;
        this.weightColumn = weightColumn;
        this.thresholds = thresholds;
        this.maxFpr = maxFpr;
        this.maxDriverScores = maxDriverScores;
        this.maxCurvePoints = maxCurvePoints;
        this.scoresPerRange = scoresPerRange;
    }

    /** The defaults with these label and score columns. */
    public static BinaryOptions of(String labelColumn, String scoreColumn) {
        Objects.requireNonNull(labelColumn, "labelColumn");
        Objects.requireNonNull(scoreColumn, "scoreColumn");
        return new BinaryOptions(labelColumn, scoreColumn, null, new double[] {0.5}, Double.NaN,
                DEFAULT_MAX_DRIVER_SCORES, DEFAULT_MAX_CURVE_POINTS, DEFAULT_SCORES_PER_RANGE);
    }

    /** The defaults: columns {@code label} and {@code score}. */
    public static BinaryOptions defaults() {
        return of("label", "score");
    }

    /** With sample weights from this column (null: unweighted). */
    public BinaryOptions withWeight(String column) {
        return new BinaryOptions(labelColumn, scoreColumn, column, thresholds, maxFpr, maxDriverScores, maxCurvePoints,
                scoresPerRange);
    }

    /**
     * The decision thresholds whose confusion matrices are wanted (positive iff score &gt;=
     * threshold); any threshold can be asked later only when the table is on the driver.
     */
    public BinaryOptions withThresholds(double... values) {
        Objects.requireNonNull(values, "values");
        for (int j = 0; j < values.length; j++) {
            if (Double.isNaN(values[j])) {
                throw new IllegalArgumentException("thresholds[" + j + "] must not be NaN");
            }
        }
        return new BinaryOptions(labelColumn, scoreColumn, weightColumn, values.clone(), maxFpr, maxDriverScores,
                maxCurvePoints, scoresPerRange);
    }

    /** Also compute the standardized partial ROC AUC up to this FPR, in (0, 1]. */
    public BinaryOptions withMaxFpr(double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException("maxFpr must be in (0, 1], got " + value);
        }
        return new BinaryOptions(labelColumn, scoreColumn, weightColumn, thresholds, value, maxDriverScores,
                maxCurvePoints, scoresPerRange);
    }

    /**
     * Up to this many distinct scores the whole table is brought to the driver and every number
     * comes from the core's {@code BinaryEvaluation}; above it, the areas are summed in the
     * partitions and only partial sums and a thinned curve reach the driver. At least 1.
     */
    public BinaryOptions withMaxDriverScores(long value) {
        if (value < 1) {
            throw new IllegalArgumentException("maxDriverScores must be >= 1, got " + value);
        }
        return new BinaryOptions(labelColumn, scoreColumn, weightColumn, thresholds, maxFpr, value, maxCurvePoints,
                scoresPerRange);
    }

    /** Points of the curves thinned out of a table kept on the cluster (at least 2). */
    public BinaryOptions withMaxCurvePoints(int value) {
        if (value < 2) {
            throw new IllegalArgumentException("maxCurvePoints must be >= 2, got " + value);
        }
        return new BinaryOptions(labelColumn, scoreColumn, weightColumn, thresholds, maxFpr, maxDriverScores, value,
                scoresPerRange);
    }

    /**
     * About how many distinct scores each range holds when the table is range-partitioned (tests
     * use a few to exercise many ranges on small data).
     */
    BinaryOptions withScoresPerRange(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("scoresPerRange must be >= 1, got " + value);
        }
        return new BinaryOptions(labelColumn, scoreColumn, weightColumn, thresholds, maxFpr, maxDriverScores,
                maxCurvePoints, value);
    }

    /** The label column. */
    public String labelColumn() {
        return labelColumn;
    }

    /** The score column. */
    public String scoreColumn() {
        return scoreColumn;
    }

    /** The weight column, or null. */
    public String weightColumn() {
        return weightColumn;
    }

    /** Copy of the thresholds. */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** The partial-AUC FPR limit, or NaN for none. */
    public double maxFpr() {
        return maxFpr;
    }

    @Override
    public String toString() {
        return "BinaryOptions[label=" + labelColumn + ", score=" + scoreColumn + ", weight=" + weightColumn
                + ", thresholds=" + Arrays.toString(thresholds) + ", maxFpr=" + maxFpr + ", maxDriverScores="
                + maxDriverScores + ", maxCurvePoints=" + maxCurvePoints + ", scoresPerRange=" + scoresPerRange + "]";
    }
}

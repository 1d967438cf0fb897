package org.discern.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discern.metrics.AucComparison;
import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.DeLong;
import org.discern.metrics.MulticlassEvaluation;
import org.discern.metrics.MulticlassNumbers;
import org.discern.metrics.SameEvaluation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Edges of the Spark path: weights near 1e200 or 1e-200 give the numbers of the same weights at
 * unit scale (on the driver and with the table kept on the cluster, binary and multi-class);
 * {@code -0.0} and {@code 0.0} are one distinct score, in the per-score aggregation and in the
 * paired DeLong join; a null, NaN or infinite weight is an error naming the column.
 */
class EdgeCasesOnSparkTest {

    private static double[] times(double[] w, double scale) {
        return Arrays.stream(w).map(v -> v * scale).toArray();
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-200, 1e200})
    void extremeWeightScalesGiveTheUnitScaleNumbers(double scale) {
        SparkData.Binary b = SparkData.Binary.fixture("binary_breast_cancer");
        double[] w = new double[b.scores().length];
        for (int i = 0; i < w.length; i++) {
            w[i] = 1 + (i % 3) * 0.75;
        }
        BinaryEvaluation unit = BinaryEvaluation.of(b.scores(), b.labels(), w);
        Dataset<Row> ds = new SparkData.Binary(b.scores(), b.labels(), times(w, scale), null).dataset(3);
        BinaryOptions o = BinaryOptions.defaults().withWeight("weight").withThresholds(0.5).withMaxFpr(0.2);
        String at = " at scale " + scale;
        for (SparkBinaryEvaluation e : new SparkBinaryEvaluation[] {DiscernSpark.binary(ds, o),
            DiscernSpark.binary(ds, o.withMaxDriverScores(1).withScoresPerRange(20))}) {
            String where = at + (e.tableOnDriver() ? " on the driver" : " on the cluster");
            SameEvaluation.close(unit.rocAuc(), e.rocAuc(), 1e-12, "auc" + where);
            SameEvaluation.close(unit.averagePrecision(), e.averagePrecision(), 1e-12, "ap" + where);
            SameEvaluation.close(unit.prAucInterpolated(), e.prAucInterpolated(), 1e-12, "interpolated" + where);
            SameEvaluation.close(unit.prAucTrapezoid(), e.prAucTrapezoid(), 1e-12, "trapezoid" + where);
            SameEvaluation.close(unit.ks(), e.ks(), 1e-12, "ks" + where);
            SameEvaluation.close(unit.partialRocAuc(0.2), e.partialRocAuc(), 1e-12, "partial" + where);
            SameEvaluation.close(unit.logLoss(), e.logLoss(), 1e-12, "log loss" + where);
            SameEvaluation.close(unit.brierScore(), e.brierScore(), 1e-12, "brier" + where);
            SameEvaluation.close(unit.confusionAt(0.5).mcc(), e.confusionAt(0.5).mcc(), 1e-12, "mcc" + where);
            SameEvaluation.close(unit.confusionAt(0.5).f1(), e.confusionAt(0.5).f1(), 1e-12, "f1" + where);
            assertEquals(unit.rows(), e.rows(), "rows" + where);
        }

        SparkData.Multiclass m = SparkData.Multiclass.fixture("multiclass_weighted");
        MulticlassEvaluation mUnit = MulticlassEvaluation.of(m.labels(), m.scores(), m.classes(), m.weights());
        MulticlassNumbers mBig = DiscernSpark.multiclass(
                new SparkData.Multiclass(m.labels(), m.scores(), m.classes(), times(m.weights(), scale)).vectors(3),
                MulticlassOptions.ofVector("label", "probability").withClasses(m.classes()).withWeight("weight"));
        SameEvaluation.close(mUnit.rocAucOvrMacro(), mBig.rocAucOvrMacro(), 1e-12, "ovr macro" + at);
        SameEvaluation.close(mUnit.rocAucOvrWeighted(), mBig.rocAucOvrWeighted(), 1e-12, "ovr weighted" + at);
        SameEvaluation.close(mUnit.rocAucOvrMicro(), mBig.rocAucOvrMicro(), 1e-12, "ovr micro" + at);
        SameEvaluation.close(mUnit.rocAucOvoMacro(), mBig.rocAucOvoMacro(), 1e-12, "ovo macro" + at);
        SameEvaluation.close(mUnit.averagePrecisionMacro(), mBig.averagePrecisionMacro(), 1e-12, "ap macro" + at);
        SameEvaluation.close(mUnit.mcc(), mBig.mcc(), 1e-12, "mcc" + at);
        SameEvaluation.close(mUnit.logLoss(), mBig.logLoss(), 1e-12, "log loss" + at);
    }

    /** Scores at -0.0, 0.0 and a few others, both signs of zero in both classes and columns. */
    private static final double[] S = {0.0, -0.0, 0.5, -0.0, 0.0, -0.5, 0.5, -0.0, 0.25, 0.0, -0.25, -0.0};
    private static final double[] SB = {-0.0, 0.25, 0.0, 0.0, -0.0, -0.5, 0.75, 0.0, -0.0, 0.5, -0.0, -0.25};
    private static final boolean[] Y = {true, false, true, true, false, false, true, false, true, true, false, false};

    @Test
    void negativeZeroIsTheSameScoreAsZero() {
        Dataset<Row> ds = new SparkData.Binary(S, Y, null, SB).dataset(4);
        BinaryEvaluation core = BinaryEvaluation.of(S, Y);
        // 0.5, 0.25, 0, -0.25, -0.5: five distinct scores, as the core's sort counts them
        assertEquals(5, core.operatingPoints().size());
        SparkBinaryEvaluation onDriver = DiscernSpark.binary(ds, BinaryOptions.defaults());
        SameEvaluation.binary(core, onDriver.evaluation().orElseThrow(), 0, "-0.0 on the driver");
        SparkBinaryEvaluation onCluster = DiscernSpark.binary(ds,
                BinaryOptions.defaults().withMaxDriverScores(1).withScoresPerRange(2));
        assertEquals(5, onCluster.distinctScores());
        assertEquals(core.rocAuc(), onCluster.rocAuc(), "-0.0 on the cluster");
        // the paired test joins each row to its score's placements: a -0.0 row finds the 0.0 entry
        AucComparison expected = DeLong.paired(S, SB, Y, null, 0.95);
        for (BinaryOptions o : new BinaryOptions[] {BinaryOptions.defaults(),
            BinaryOptions.defaults().withMaxDriverScores(1).withScoresPerRange(2)}) {
            AucComparison c = DiscernSpark.pairedDeLong(ds, o, "score_b", 0.95);
            SameEvaluation.close(expected.z(), c.z(), 1e-12, "paired z");
            SameEvaluation.close(expected.covariance(), c.covariance(), 1e-12, "paired covariance");
        }
    }

    private static Dataset<Row> weighted(Double bad) {
        List<Row> rows = new ArrayList<>();
        rows.add(RowFactory.create(1.0, 0.9, 0.1, 0.8, 0.1, 1.0));
        rows.add(RowFactory.create(0.0, 0.1, 0.7, 0.2, 0.1, 2.0));
        rows.add(RowFactory.create(1.0, 0.5, 0.2, 0.3, 0.5, bad));
        StructType schema = new StructType().add("label", DataTypes.DoubleType, true)
                .add("score", DataTypes.DoubleType, true).add("a", DataTypes.DoubleType, true)
                .add("b", DataTypes.DoubleType, true).add("c", DataTypes.DoubleType, true)
                .add("w", DataTypes.DoubleType, true);
        return SparkSessions.get().createDataFrame(rows, schema).repartition(2);
    }

    @Test
    void nullNaNOrInfiniteWeightIsAnErrorNamingTheColumn() {
        Double[] bad = {null, Double.NaN, Double.POSITIVE_INFINITY};
        String[] expected = {"weight column 'w' has a null value",
            "weight column 'w' must hold finite weights >= 0, found NaN",
            "weight column 'w' must hold finite weights >= 0, found Infinity"};
        for (int i = 0; i < bad.length; i++) {
            Dataset<Row> ds = weighted(bad[i]);
            BinaryOptions o = BinaryOptions.defaults().withWeight("w");
            assertEquals(expected[i], assertThrows(IllegalArgumentException.class,
                    () -> DiscernSpark.binary(ds, o)).getMessage(), "binary");
            assertEquals(expected[i], assertThrows(IllegalArgumentException.class,
                    () -> DiscernSpark.pairedDeLong(ds, o, "a", 0.95)).getMessage(), "paired");
            assertEquals(expected[i], assertThrows(IllegalArgumentException.class,
                    () -> DiscernSpark.histogram(ds, o, 0, 1, 10)).getMessage(), "histogram");
            assertEquals(expected[i], assertThrows(IllegalArgumentException.class,
                    () -> DiscernSpark.multiclass(ds, MulticlassOptions.ofColumns("label", List.of("a", "b", "c"))
                            .withWeight("w"))).getMessage(), "multi-class");
        }
    }
}

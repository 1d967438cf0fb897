package org.discern.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.DeLong;
import org.discern.metrics.DeLongAuc;
import org.discern.metrics.Fixtures;
import org.discern.metrics.OperatingPoints;
import org.discern.metrics.SameEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The binary fixtures through Spark give the core's numbers, with the table on the driver and
 * kept on the cluster (about 20 ranges of at least 7 distinct scores, so that offsets are carried
 * across many ranges), whatever the partitioning: 1, 2, 7 and 200 partitions (most of the 200 empty), and
 * partitions holding one class only.
 */
class BinaryOnSparkTest {

    static Stream<String> fixtures() {
        return Fixtures.BINARY.stream();
    }

    static Stream<Arguments> partitionings() {
        return Stream.of("binary_breast_cancer", "binary_weighted")
                .flatMap(n -> Stream.of(1, 2, 7, 200).map(p -> Arguments.of(n, p)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyFixtureGivesTheCoreNumbers(String name) {
        check(name, SparkData.Binary.fixture(name).dataset(3), name);
    }

    @ParameterizedTest(name = "{0} in {1} partitions")
    @MethodSource("partitionings")
    void resultsDoNotDependOnThePartitioning(String name, int partitions) {
        check(name, SparkData.Binary.fixture(name).dataset(partitions), name + " in " + partitions + " partitions");
    }

    @Test
    void partitionsHoldingOneClassOnly() {
        String name = "binary_breast_cancer";
        Dataset<Row> ds = SparkData.Binary.fixture(name).dataset(1).repartitionByRange(2, functions.col("label"));
        List<Long> classesPerPartition = ds.javaRDD().mapPartitions(it -> {
            java.util.Set<Double> seen = new java.util.HashSet<>();
            it.forEachRemaining(r -> seen.add(r.getDouble(0)));
            return Collections.singletonList((long) seen.size()).iterator();
        }).collect();
        assertEquals(List.of(1L, 1L), classesPerPartition, "the premise: each partition holds one class");
        check(name, ds, name + " one class per partition");
    }

    @Test
    void rowsOfWeightZeroAreNoRows() {
        // a fixture with weights 0 (every 4th row) and 0.5/1/1.5 otherwise; one partition holds only the weight-0 rows
        SparkData.Binary f = SparkData.Binary.fixture("binary_breast_cancer");
        double[] w = new double[f.scores().length];
        for (int i = 0; i < w.length; i++) {
            w[i] = i % 4 == 0 ? 0 : (i % 3 + 1) * 0.5;
        }
        SparkData.Binary b = new SparkData.Binary(f.scores(), f.labels(), w, null);
        Dataset<Row> ds = b.dataset(1).repartitionByRange(3,
                functions.when(functions.col("weight").equalTo(0), 0).otherwise(functions.col("score")));
        check(b, ds, "weight 0 rows");
        assertTrue(BinaryEvaluation.of(b.scores(), b.labels(), w).warnings().get(0).contains("have weight 0"));
        // every weight 0: refused, naming the column
        double[] none = new double[w.length];
        Dataset<Row> zeros = new SparkData.Binary(f.scores(), f.labels(), none, null).dataset(2);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DiscernSpark.binary(zeros, BinaryOptions.defaults().withWeight("weight")));
        assertEquals("weights in column 'weight' must not all be 0 (a sample of weight 0 is the same as no sample: "
                + "nothing is left to evaluate)", e.getMessage());
    }

    /** Both paths against the core's single-pass evaluation of the same rows. */
    static void check(String name, Dataset<Row> ds, String what) {
        check(SparkData.Binary.fixture(name), ds, what);
    }

    /** Both paths against the core's single-pass evaluation of the same rows. */
    static void check(SparkData.Binary b, Dataset<Row> ds, String what) {
        BinaryEvaluation core = BinaryEvaluation.of(b.scores(), b.labels(), b.weights());
        BinaryOptions o = BinaryOptions.defaults().withWeight(b.weights() == null ? null : "weight")
                .withThresholds(0.5, 0.1).withMaxFpr(0.1);
        double rel = b.weights() == null ? 0 : 1e-12;

        SparkBinaryEvaluation onDriver = DiscernSpark.binary(ds, o);
        assertTrue(onDriver.tableOnDriver());
        SameEvaluation.binary(core, onDriver.evaluation().orElseThrow(), rel, what + " on the driver");

        // ranges of at least 7 distinct scores, at most about 20 ranges
        int perRange = Math.max(7, core.operatingPoints().size() / 20);
        SparkBinaryEvaluation onCluster = DiscernSpark.binary(ds,
                o.withMaxDriverScores(1).withMaxCurvePoints(5).withScoresPerRange(perRange));
        assertFalse(onCluster.tableOnDriver());
        double sums = b.weights() == null ? 1e-14 : 1e-12;
        SameEvaluation.close(core.rocAuc(), onCluster.rocAuc(), rel, what + " auc");
        SameEvaluation.close(core.averagePrecision(), onCluster.averagePrecision(), sums, what + " ap");
        SameEvaluation.close(core.prAucInterpolated(), onCluster.prAucInterpolated(), sums, what + " interp");
        SameEvaluation.close(core.prAucTrapezoid(), onCluster.prAucTrapezoid(), sums, what + " trapezoid");
        SameEvaluation.close(core.ks(), onCluster.ks(), rel, what + " ks");
        SameEvaluation.close(core.ksThreshold(), onCluster.ksThreshold(), 0, what + " ks threshold");
        SameEvaluation.close(core.partialRocAuc(0.1), onCluster.partialRocAuc(), 1e-12, what + " partial");
        SameEvaluation.close(core.logLoss(), onCluster.logLoss(), 1e-13, what + " log loss");
        SameEvaluation.close(core.brierScore(), onCluster.brierScore(), 1e-13, what + " brier");
        for (double t : new double[] {0.5, 0.1}) {
            SameEvaluation.close(core.confusionAt(t).tp(), onCluster.confusionAt(t).tp(), rel, what + " tp at " + t);
            SameEvaluation.close(core.confusionAt(t).fp(), onCluster.confusionAt(t).fp(), rel, what + " fp at " + t);
        }
        assertEquals(core.warnings(), onCluster.warnings(), what + " warnings");
        assertEquals(core.rows(), onCluster.rows());
        assertEquals(core.positiveRows(), onCluster.positiveRows());
        assertEquals(core.operatingPoints().size(), onCluster.distinctScores());
        DeLongAuc d = DeLong.auc(core.operatingPoints());
        SameEvaluation.close(d.variance(), onCluster.deLong().variance(), 1e-12, what + " DeLong");
        // the thinned table: at most 5 true operating points, the last one included
        OperatingPoints full = core.operatingPoints();
        OperatingPoints thin = onCluster.operatingPoints().orElseThrow();
        assertTrue(thin.size() <= 5, what + " thinned size " + thin.size());
        assertEquals(full.threshold(full.size() - 1), thin.threshold(thin.size() - 1));
        for (int i = 0; i < thin.size(); i++) {
            int at = full.indexAt(thin.threshold(i));
            assertEquals(full.threshold(at), thin.threshold(i), what + " thinned threshold " + i);
            SameEvaluation.close(full.truePositives(at), thin.truePositives(i), rel, what + " thinned tp " + i);
        }
    }
}

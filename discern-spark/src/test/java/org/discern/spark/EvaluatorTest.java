package org.discern.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.ConfusionMatrix;
import org.discern.metrics.MulticlassEvaluation;
import org.discern.metrics.MulticlassNumbers;
import org.discern.metrics.SameEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark ML evaluators: every metric name against the core, params, copy, persistence. */
class EvaluatorTest {

    /** breast_cancer with the score also as a rawPrediction-like vector [-s, s] (element 1 = s). */
    static Dataset<Row> binaryData() {
        Dataset<Row> ds = SparkData.Binary.fixture("binary_breast_cancer").dataset(2);
        org.apache.spark.sql.api.java.UDF1<Double, org.apache.spark.ml.linalg.Vector> toVector =
                s -> Vectors.dense(-s, s);
        return ds.withColumn("rawPrediction", functions.udf(toVector, new org.apache.spark.ml.linalg.VectorUDT())
                .apply(functions.col("score")));
    }

    @Test
    void everyBinaryMetricIsTheCoreValue() {
        SparkData.Binary b = SparkData.Binary.fixture("binary_breast_cancer");
        BinaryEvaluation core = BinaryEvaluation.of(b.scores(), b.labels());
        Dataset<Row> ds = binaryData().cache();
        DiscernBinaryEvaluator ev = new DiscernBinaryEvaluator().setThreshold(0.3).setMaxFpr(0.2);
        // every name through the one mapping, on one evaluation with the evaluator's options
        SparkBinaryEvaluation e = DiscernSpark.binary(ds, ev.setMetricName("partialAreaUnderROC").options());
        ConfusionMatrix cm = core.confusionAt(0.3);
        for (MetricNames.Binary m : MetricNames.Binary.values()) {
            double expected;
            switch (m) {
                case AREA_UNDER_ROC: expected = core.rocAuc(); break;
                case AVERAGE_PRECISION: expected = core.averagePrecision(); break;
                case AREA_UNDER_PR_INTERPOLATED: expected = core.prAucInterpolated(); break;
                case AREA_UNDER_PR_TRAPEZOID: expected = core.prAucTrapezoid(); break;
                case PARTIAL_AREA_UNDER_ROC: expected = core.partialRocAuc(0.2); break;
                case KS: expected = core.ks(); break;
                case LOG_LOSS: expected = core.logLoss(); break;
                case BRIER: expected = core.brierScore(); break;
                case ACCURACY: expected = cm.accuracy(); break;
                case PRECISION: expected = cm.precision(); break;
                case RECALL: expected = cm.recall(); break;
                case SPECIFICITY: expected = cm.specificity(); break;
                case NPV: expected = cm.npv(); break;
                case F1: expected = cm.f1(); break;
                case MCC: expected = cm.mcc(); break;
                case BALANCED_ACCURACY: expected = cm.balancedAccuracy(); break;
                case COHEN_KAPPA: expected = cm.cohenKappa(); break;
                default: throw new AssertionError(m);
            }
            SameEvaluation.close(expected, m.of(e, 0.3), 1e-13, m.sparkName());
            assertEquals(m != MetricNames.Binary.LOG_LOSS && m != MetricNames.Binary.BRIER,
                    ev.setMetricName(m.sparkName()).isLargerBetter(), m.sparkName());
        }
        // through evaluate(): rawPrediction vectors (element 1), a threshold metric, the partial AUC
        assertEquals(core.rocAuc(), ev.setMetricName("areaUnderROC").evaluate(ds));
        assertEquals(cm.f1(), ev.setMetricName("f1").evaluate(ds));
        SameEvaluation.close(core.partialRocAuc(0.2), ev.setMetricName("partialAreaUnderROC").evaluate(ds), 1e-13,
                "partial");
        // the probability column, when set, is read instead of rawPrediction
        assertEquals(core.rocAuc(), new DiscernBinaryEvaluator().setProbabilityCol("score").evaluate(ds));
        ds.unpersist();
    }

    @Test
    void binaryParamsCopyAndPersistence(@TempDir Path dir) throws Exception {
        SparkSessions.get();
        DiscernBinaryEvaluator ev = new DiscernBinaryEvaluator().setMetricName("f1").setThreshold(0.4)
                .setLabelCol("label").setWeightCol("weight");
        DiscernBinaryEvaluator copy = ev.copy(new ParamMap().put(ev.metricName(), "averagePrecision"));
        assertEquals("averagePrecision", copy.getMetricName());
        assertEquals("f1", ev.getMetricName());
        assertEquals(ev.uid(), copy.uid());
        assertEquals(0.4, copy.getThreshold());

        String path = dir.resolve("binary-evaluator").toString();
        ev.write().save(path);
        DiscernBinaryEvaluator loaded = DiscernBinaryEvaluator.load(path);
        assertEquals(ev.uid(), loaded.uid());
        assertEquals("f1", loaded.getMetricName());
        assertEquals(0.4, loaded.getThreshold());
        assertEquals("weight", loaded.options().weightColumn());
        assertTrue(loaded.isLargerBetter());

        Dataset<Row> ds = SparkData.Binary.fixture("binary_weighted").dataset(2)
                .withColumnRenamed("score", "rawPrediction");
        assertEquals(ev.evaluate(ds), loaded.evaluate(ds));
        assertThrows(IllegalArgumentException.class, () -> ev.setMetricName("areaUnderRoc"));
        assertThrows(IllegalArgumentException.class, () -> ev.setMaxFpr(0));
    }

    @Test
    void everyMulticlassMetricIsTheCoreValue(@TempDir Path dir) throws Exception {
        SparkData.Multiclass m = SparkData.Multiclass.fixture("multiclass_digits");
        // without class names the evaluator names the classes by index
        java.util.List<String> byIndex = java.util.stream.IntStream.range(0, m.classes().size())
                .mapToObj(Integer::toString).toList();
        MulticlassEvaluation core = MulticlassEvaluation.of(m.labels(), m.rowMajor(), byIndex, null);
        Dataset<Row> ds = m.vectors(3).cache();
        DiscernMulticlassEvaluator ev = new DiscernMulticlassEvaluator().setK(2);
        MulticlassNumbers e = DiscernSpark.multiclass(ds, ev.options());
        SameEvaluation.multiclass(core, e, 0, "digits");
        for (MetricNames.Multiclass metric : MetricNames.Multiclass.values()) {
            assertEquals(metric != MetricNames.Multiclass.LOG_LOSS, ev.setMetricName(metric.sparkName())
                    .isLargerBetter(), metric.sparkName());
        }
        assertEquals(core.rocAucOvrMacro(), MetricNames.Multiclass.ROC_AUC_OVR_MACRO.of(e, 2));
        assertEquals(core.confusionMatrix().f1Weighted(), MetricNames.Multiclass.F1_WEIGHTED.of(e, 2));
        assertEquals(core.rocAucOvoMacro(), ev.setMetricName("rocAucOvoMacro").evaluate(ds));
        assertEquals(core.topKAccuracy(2), ev.setMetricName("topKAccuracy").evaluate(ds));

        String path = dir.resolve("multiclass-evaluator").toString();
        ev.setMetricName("averagePrecisionWeighted").write().save(path);
        DiscernMulticlassEvaluator loaded = DiscernMulticlassEvaluator.load(path);
        assertEquals("averagePrecisionWeighted", loaded.getMetricName());
        assertEquals(2, loaded.getK());
        assertEquals(core.averagePrecisionWeighted(), loaded.evaluate(ds));
        DiscernMulticlassEvaluator copy = loaded.copy(new ParamMap().put(loaded.metricName(), "logLoss"));
        assertFalse(copy.isLargerBetter());
        assertNotEquals(loaded.getMetricName(), copy.getMetricName());
        ds.unpersist();
    }
}

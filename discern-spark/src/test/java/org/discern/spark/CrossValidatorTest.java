package org.discern.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.ml.tuning.TrainValidationSplit;
import org.apache.spark.ml.tuning.TrainValidationSplitModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.SameEvaluation;
import org.junit.jupiter.api.Test;

/**
 * Model selection by Discern's evaluator over a small logistic-regression grid. A CrossValidator
 * maximising the exact AUC: each grid point's average metric equals a manual evaluation (the
 * core's, on the collected predictions of each fold's sub-model) and the chosen point is the
 * best of them. A TrainValidationSplit minimising log loss (smaller is better): the chosen point
 * has the smallest validation metric.
 */
class CrossValidatorTest {

    /** 300 rows, two noisy features of which the second is weak; fixed folds 0 and 1. */
    static Dataset<Row> data() {
        SplittableRandom r = new SplittableRandom(2026);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            double y = r.nextDouble() < 0.3 ? 1 : 0;
            double a = y + r.nextGaussian(0, 1.2);
            double b = 0.3 * y + r.nextGaussian(0, 1);
            rows.add(RowFactory.create(y, Vectors.dense(a, b), i % 2));
        }
        StructType schema = new StructType()
                .add("label", DataTypes.DoubleType, false)
                .add("features", new VectorUDT(), false)
                .add("fold", DataTypes.IntegerType, false);
        return SparkSessions.get().createDataFrame(rows, schema).repartition(2);
    }

    static final LogisticRegression LR = new LogisticRegression().setMaxIter(10);
    static final ParamMap[] GRID = new ParamGridBuilder().addGrid(LR.regParam(), new double[] {0.0, 0.5, 5.0}).build();

    @Test
    void crossValidatorPicksTheBestExactAuc() {
        Dataset<Row> data = data().cache();
        DiscernBinaryEvaluator ev = new DiscernBinaryEvaluator().setProbabilityCol("probability");
        CrossValidator cv = new CrossValidator().setEstimator(LR).setEvaluator(ev).setEstimatorParamMaps(GRID)
                .setFoldCol("fold").setNumFolds(2).setCollectSubModels(true);
        CrossValidatorModel model = cv.fit(data);
        double[] manual = new double[GRID.length];
        for (int fold = 0; fold < 2; fold++) {
            Dataset<Row> validation = data.filter(functions.col("fold").equalTo(fold));
            for (int p = 0; p < GRID.length; p++) {
                LogisticRegressionModel sub = (LogisticRegressionModel) model.subModels()[fold][p];
                manual[p] += coreValue(sub.transform(validation), false) / 2;
            }
        }
        int best = 0;
        for (int p = 0; p < GRID.length; p++) {
            SameEvaluation.close(manual[p], model.avgMetrics()[p], 1e-12, "grid point " + p);
            best = manual[p] > manual[best] ? p : best;
        }
        assertEquals(GRID[best].apply(LR.regParam()), ((LogisticRegressionModel) model.bestModel()).getRegParam());
        data.unpersist();
    }

    @Test
    void trainValidationSplitMinimisesLogLoss() {
        Dataset<Row> data = data();
        DiscernBinaryEvaluator ev = new DiscernBinaryEvaluator().setProbabilityCol("probability")
                .setMetricName("logLoss");
        TrainValidationSplit tvs = new TrainValidationSplit().setEstimator(LR).setEvaluator(ev)
                .setEstimatorParamMaps(GRID).setTrainRatio(0.7).setSeed(7);
        TrainValidationSplitModel model = tvs.fit(data);
        double[] m = model.validationMetrics();
        int best = 0;
        for (int p = 1; p < m.length; p++) {
            best = m[p] < m[best] ? p : best;
        }
        assertEquals(GRID[best].apply(LR.regParam()), ((LogisticRegressionModel) model.bestModel()).getRegParam());
        // the grid's log losses differ, so the choice is a real one
        assertEquals(3, java.util.Arrays.stream(m).distinct().count());
    }

    /** The metric of collected predictions, by the core alone: log loss or ROC AUC. */
    static double coreValue(Dataset<Row> predictions, boolean logLoss) {
        List<Row> rows = predictions.select("label", "probability").collectAsList();
        double[] s = new double[rows.size()];
        boolean[] y = new boolean[rows.size()];
        for (int i = 0; i < s.length; i++) {
            y[i] = rows.get(i).getDouble(0) == 1;
            s[i] = ((Vector) rows.get(i).get(1)).apply(1);
        }
        BinaryEvaluation e = BinaryEvaluation.of(s, y);
        return logLoss ? e.logLoss() : e.rocAuc();
    }
}

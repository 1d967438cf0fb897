package org.discern.spark;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.discern.metrics.Fixtures;

/** Test data as Spark datasets: the golden fixtures and generated samples. */
final class SparkData {
    private SparkData() {
    }

    /** A binary sample held in arrays (weights may be null). */
    record Binary(double[] scores, boolean[] labels, double[] weights, double[] scoresB) {
        static Binary fixture(String name) {
            JsonNode in = Fixtures.json(name).get("input");
            double[] w = in.get("weights").isNull() ? null : Fixtures.doubles(in.get("weights"));
            double[] b = in.has("scores_b") && !in.get("scores_b").isNull() ? Fixtures.doubles(in.get("scores_b")) : null;
            return new Binary(Fixtures.doubles(in.get("scores")), Fixtures.booleans(in.get("labels")), w, b);
        }

        /** Columns label (double 0/1), score, weight (if any), score_b (if any). */
        Dataset<Row> dataset(int partitions) {
            List<StructField> fields = new ArrayList<>();
            fields.add(DataTypes.createStructField("label", DataTypes.DoubleType, false));
            fields.add(DataTypes.createStructField("score", DataTypes.DoubleType, false));
            if (weights != null) {
                fields.add(DataTypes.createStructField("weight", DataTypes.DoubleType, false));
            }
            if (scoresB != null) {
                fields.add(DataTypes.createStructField("score_b", DataTypes.DoubleType, false));
            }
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < scores.length; i++) {
                List<Object> v = new ArrayList<>();
                v.add(labels[i] ? 1.0 : 0.0);
                v.add(scores[i]);
                if (weights != null) {
                    v.add(weights[i]);
                }
                if (scoresB != null) {
                    v.add(scoresB[i]);
                }
                rows.add(RowFactory.create(v.toArray()));
            }
            return SparkSessions.get().createDataFrame(rows, new StructType(fields.toArray(new StructField[0])))
                    .repartition(partitions);
        }
    }

    /** A multi-class sample: class indices, n x K scores, class names, weights (may be null). */
    record Multiclass(int[] labels, double[][] scores, List<String> classes, double[] weights) {
        static Multiclass fixture(String name) {
            JsonNode in = Fixtures.json(name).get("input");
            double[] w = in.get("weights").isNull() ? null : Fixtures.doubles(in.get("weights"));
            return new Multiclass(Fixtures.ints(in.get("labels")), Fixtures.matrix(in.get("scores")),
                    Fixtures.strings(in.get("classes")), w);
        }

        double[] rowMajor() {
            int k = classes.size();
            double[] out = new double[labels.length * k];
            for (int i = 0; i < labels.length; i++) {
                System.arraycopy(scores[i], 0, out, i * k, k);
            }
            return out;
        }

        /** Columns label (double class index), probability (Spark ML vector), weight (if any). */
        Dataset<Row> vectors(int partitions) {
            List<StructField> fields = new ArrayList<>();
            fields.add(DataTypes.createStructField("label", DataTypes.DoubleType, false));
            fields.add(DataTypes.createStructField("probability", new org.apache.spark.ml.linalg.VectorUDT(), false));
            if (weights != null) {
                fields.add(DataTypes.createStructField("weight", DataTypes.DoubleType, false));
            }
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                List<Object> v = new ArrayList<>();
                v.add((double) labels[i]);
                v.add(org.apache.spark.ml.linalg.Vectors.dense(scores[i]));
                if (weights != null) {
                    v.add(weights[i]);
                }
                rows.add(RowFactory.create(v.toArray()));
            }
            return SparkSessions.get().createDataFrame(rows, new StructType(fields.toArray(new StructField[0])))
                    .repartition(partitions);
        }

        /** The CSV layout: label (class name), one double column per class, weight (if any). */
        Dataset<Row> columns(int partitions) {
            List<StructField> fields = new ArrayList<>();
            fields.add(DataTypes.createStructField("label", DataTypes.StringType, false));
            for (String c : classes) {
                fields.add(DataTypes.createStructField(c, DataTypes.DoubleType, false));
            }
            if (weights != null) {
                fields.add(DataTypes.createStructField("weight", DataTypes.DoubleType, false));
            }
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                List<Object> v = new ArrayList<>();
                v.add(classes.get(labels[i]));
                for (double x : scores[i]) {
                    v.add(x);
                }
                if (weights != null) {
                    v.add(weights[i]);
                }
                rows.add(RowFactory.create(v.toArray()));
            }
            return SparkSessions.get().createDataFrame(rows, new StructType(fields.toArray(new StructField[0])))
                    .repartition(partitions);
        }
    }
}

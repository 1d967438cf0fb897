package org.discern.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.MulticlassEvaluation;
import org.discern.metrics.SameEvaluation;
import org.junit.jupiter.api.Test;

/**
 * The committed Parquet samples of discern-io's tests (written by {@link ParquetSamples}) hold
 * what their README says: read back with Spark, each evaluates to its fixture's numbers.
 */
class ParquetSamplesTest {
    static final String DIR = "../discern-io/src/test/resources/parquet/";

    static Dataset<Row> read(String name) {
        return SparkSessions.get().read().parquet(DIR + name);
    }

    @Test
    void binarySamples() {
        SparkData.Binary ties = SparkData.Binary.fixture("binary_small_ties");
        Dataset<Row> a = read("binary_small_ties.snappy.parquet");
        assertEquals("struct<label:int,score:double>", a.schema().simpleString());
        SameEvaluation.binary(BinaryEvaluation.of(ties.scores(), ties.labels()),
                DiscernSpark.binary(a, BinaryOptions.defaults()).evaluation().orElseThrow(), 0, "small ties");

        Dataset<Row> v2 = read("binary_small_ties_pagev2.snappy.parquet");
        assertEquals("struct<label:int,score:double>", v2.schema().simpleString());
        SameEvaluation.binary(BinaryEvaluation.of(ties.scores(), ties.labels()),
                DiscernSpark.binary(v2, BinaryOptions.defaults()).evaluation().orElseThrow(), 0, "data pages v2");

        SparkData.Binary w = SparkData.Binary.fixture("binary_weighted");
        // the float scores, widened to double as Spark reads them
        double[] f = new double[w.scores().length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) w.scores()[i];
        }
        Dataset<Row> b = read("binary_weighted_float_boolean.zstd.parquet");
        assertEquals("struct<label:boolean,score:float,weight:double>", b.schema().simpleString());
        SameEvaluation.binary(BinaryEvaluation.of(f, w.labels(), w.weights()),
                DiscernSpark.binary(b, BinaryOptions.defaults().withWeight("weight")).evaluation().orElseThrow(),
                1e-12, "weighted float boolean");
    }

    @Test
    void multiclassSamples() {
        SparkData.Multiclass small = SparkData.Multiclass.fixture("multiclass_small_ties");
        Dataset<Row> a = read("multiclass_small_ties_vector.snappy.parquet");
        SameEvaluation.multiclass(MulticlassEvaluation.of(small.labels(), small.rowMajor(), small.classes(), null),
                DiscernSpark.multiclass(a, MulticlassOptions.ofVector("label", "probability")
                        .withClasses(small.classes())), 0, "vector");

        SparkData.Multiclass w = SparkData.Multiclass.fixture("multiclass_weighted");
        Dataset<Row> b = read("multiclass_weighted_array.zstd.parquet");
        assertEquals("struct<label:string,scores:array<double>,weight:double>", b.schema().simpleString());
        SameEvaluation.multiclass(MulticlassEvaluation.of(w.labels(), w.rowMajor(), w.classes(), w.weights()),
                DiscernSpark.multiclass(b, MulticlassOptions.ofVector("label", "scores").withClasses(w.classes())
                        .withWeight("weight")), 1e-12, "array");
    }
}

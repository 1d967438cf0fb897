package org.discern.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Writes the small Parquet files of {@code discern-io/src/test/resources/parquet/} (test inputs
 * written by another library than the Parquet reader that reads them: Spark 4.1.0's, that is
 * parquet-java), from the golden fixtures. Run from the repository root:
 *
 * <pre>
 * mvn -q -pl discern-spark -am -P spark-local process-test-classes \
 *     -Dmain=org.discern.spark.ParquetSamples -Dargs=discern-io/src/test/resources/parquet
 * </pre>
 *
 * Each file is one part file of a single-partition write, copied to its name. See the README.md
 * beside the files for their columns; {@code ParquetSamplesTest} checks them in every build.
 */
public final class ParquetSamples {
    private ParquetSamples() {
    }

    /** The files: name, rows, compression codec. */
    static List<Sample> samples(SparkSession spark) {
        List<Sample> out = new ArrayList<>();

        SparkData.Binary ties = SparkData.Binary.fixture("binary_small_ties");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ties.scores().length; i++) {
            rows.add(RowFactory.create(ties.labels()[i] ? 1 : 0, ties.scores()[i]));
        }
        out.add(new Sample("binary_small_ties.snappy.parquet", spark.createDataFrame(rows, new StructType()
                .add("label", DataTypes.IntegerType, false).add("score", DataTypes.DoubleType, false)), "snappy"));

        // the same rows in nullable columns (definition levels) and data pages of version 2
        // (parquet-java's v2 writer: DATA_PAGE_V2 headers, levels outside the compressed data)
        out.add(new Sample("binary_small_ties_pagev2.snappy.parquet", spark.createDataFrame(rows, new StructType()
                .add("label", DataTypes.IntegerType, true).add("score", DataTypes.DoubleType, true)), "snappy",
                "v2"));

        SparkData.Binary weighted = SparkData.Binary.fixture("binary_weighted");
        rows = new ArrayList<>();
        for (int i = 0; i < weighted.scores().length; i++) {
            rows.add(RowFactory.create(weighted.labels()[i], (float) weighted.scores()[i], weighted.weights()[i]));
        }
        out.add(new Sample("binary_weighted_float_boolean.zstd.parquet", spark.createDataFrame(rows, new StructType()
                .add("label", DataTypes.BooleanType, false).add("score", DataTypes.FloatType, false)
                .add("weight", DataTypes.DoubleType, false)), "zstd"));

        SparkData.Multiclass small = SparkData.Multiclass.fixture("multiclass_small_ties");
        rows = new ArrayList<>();
        for (int i = 0; i < small.labels().length; i++) {
            rows.add(RowFactory.create((double) small.labels()[i], Vectors.dense(small.scores()[i])));
        }
        out.add(new Sample("multiclass_small_ties_vector.snappy.parquet", spark.createDataFrame(rows, new StructType()
                .add("label", DataTypes.DoubleType, false).add("probability", new VectorUDT(), false)), "snappy"));

        SparkData.Multiclass w = SparkData.Multiclass.fixture("multiclass_weighted");
        rows = new ArrayList<>();
        for (int i = 0; i < w.labels().length; i++) {
            List<Double> scores = new ArrayList<>();
            for (double v : w.scores()[i]) {
                scores.add(v);
            }
            rows.add(RowFactory.create(w.classes().get(w.labels()[i]), scores, w.weights()[i]));
        }
        out.add(new Sample("multiclass_weighted_array.zstd.parquet", spark.createDataFrame(rows, new StructType()
                .add("label", DataTypes.StringType, false)
                .add("scores", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
                .add("weight", DataTypes.DoubleType, false)), "zstd"));
        return out;
    }

    /** A file: its name, rows, compression codec and parquet-java writer version ("v1" or "v2"). */
    record Sample(String name, Dataset<Row> rows, String codec, String writerVersion) {
        Sample(String name, Dataset<Row> rows, String codec) {
            this(name, rows, codec, "v1");
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "discern-io/src/test/resources/parquet");
        Files.createDirectories(dir);
        SparkSession spark = SparkSession.builder().appName("parquet-samples").getOrCreate();
        try {
            for (Sample s : samples(spark)) {
                Path tmp = Files.createTempDirectory("parquet-sample");
                Path written = tmp.resolve("out");
                s.rows().coalesce(1).write().option("compression", s.codec())
                        .option("parquet.writer.version", s.writerVersion()).parquet(written.toString());
                try (Stream<Path> files = Files.list(written)) {
                    Path part = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst()
                            .orElseThrow();
                    Files.copy(part, dir.resolve(s.name()), StandardCopyOption.REPLACE_EXISTING);
                }
                try (Stream<Path> all = Files.walk(tmp)) {
                    for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                        Files.delete(p);
                    }
                }
                System.out.println(dir.resolve(s.name()) + " " + Files.size(dir.resolve(s.name())) + " bytes");
            }
        } finally {
            spark.stop();
        }
    }
}

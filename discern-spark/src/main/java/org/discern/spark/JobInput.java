package org.discern.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.discern.io.InputSpec;
import org.discern.io.Layout;
import org.discern.io.InputException;
import org.discern.io.PositiveLabel;
import org.discern.io.PredictionReader;

/**
 * The input of {@link EvaluatePredictions}: a Parquet file or directory, or CSV/TSV files with a
 * header row (optionally gzip-compressed, by the {@code .gz} extension; TSV when the header line
 * has tabs and no commas), and its layout.
 */
final class JobInput {
    /** The column the job puts the 0/1 binary label in. */
    static final String LABEL = "__discern_label";

    private JobInput() {
    }

    /** Whether the input is Parquet: its name ends in .parquet, or it is a directory holding such files. */
    static boolean parquet(SparkSession spark, String input) throws IOException {
        if (input.endsWith(".parquet") || input.endsWith(".parquet/")) {
            return true;
        }
        Path p = new Path(input);
        FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(p)) {
            throw new InputException(input, 0, null, "no such file or directory");
        }
        if (fs.getFileStatus(p).isDirectory()) {
            for (FileStatus f : fs.listStatus(p)) {
                if (f.getPath().getName().endsWith(".parquet")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The rows: Parquet as written; CSV with every column as text (numbers are parsed and checked later). */
    static Dataset<Row> read(SparkSession spark, String input) throws IOException {
        if (parquet(spark, input)) {
            return spark.read().parquet(input);
        }
        List<Row> first = spark.read().text(input).limit(1).collectAsList();
        if (first.isEmpty()) {
            throw new InputException(input, 1, null, "expected a header row, found an empty input");
        }
        String header = first.get(0).getString(0);
        String sep = header.indexOf('\t') >= 0 && header.indexOf(',') < 0 ? "\t" : ",";
        return spark.read().option("header", "true").option("sep", sep).option("inferSchema", "false")
                .option("ignoreLeadingWhiteSpace", "true").option("ignoreTrailingWhiteSpace", "true")
                .option("mode", "FAILFAST").csv(input);
    }

    /**
     * The layout: as given, or a vector/array score column (two elements: binary, more:
     * multi-class), or detected from the column names as {@code discern evaluate} does.
     */
    static Layout layout(Dataset<Row> data, String input, String layout, String label, String score, String weight)
            throws InputException {
        if (layout != null) {
            return Layout.parse(layout);
        }
        List<String> header = List.of(data.columns());
        if (header.contains(score)) {
            ColumnReader r = ColumnReader.of(data.schema(), score, "score");
            if (!r.scalar()) {
                Row row = data.select(ColumnReader.named(score)).filter(ColumnReader.named(score).isNotNull()).first();
                int k = ColumnReader.of(data.select(ColumnReader.named(score)).schema(), score, "score").length(row);
                return k <= 2 ? Layout.BINARY : Layout.MULTICLASS;
            }
        }
        InputSpec.Builder spec = InputSpec.builder().file(java.nio.file.Path.of(input)).labelColumn(label)
                .weightColumn(weight);
        if (!InputSpec.DEFAULT_SCORE_COLUMN.equals(score)) {
            spec.scoreColumn(score);
        }
        return PredictionReader.layoutOf(input, header, spec.build());
    }

    /**
     * The binary label as 0/1 in column {@link #LABEL}, and the positive label value (by
     * {@link PositiveLabel}'s rule over the distinct label values, read as text).
     *
     * @throws InputException when the labels do not tell a positive value, or a label is null
     */
    static Map.Entry<Dataset<Row>, String> binaryLabels(Dataset<Row> data, String input, String label,
            String positive) throws InputException {
        Column text = functions.trim(ColumnReader.named(label).cast("string"));
        List<Row> distinct = data.select(text).distinct().limit(1001).collectAsList();
        List<String> values = new ArrayList<>();
        for (Row r : distinct) {
            if (r.isNullAt(0)) {
                throw new InputException(input, 0, label, "expected a label, found an empty or null value");
            }
            values.add(r.getString(0));
        }
        values.sort(null);
        String pos = PositiveLabel.resolve(input, label, values, Map.of(), positive);
        List<String> positives = new ArrayList<>();
        for (String v : values) {
            if (PositiveLabel.matches(v, pos)) {
                positives.add(v);
            }
        }
        Column y = functions.when(text.isin(positives.toArray()), 1.0).otherwise(0.0);
        return Map.entry(data.withColumn(LABEL, y), pos);
    }

    /** Multi-class score columns: as given, or every column but the label and weight columns. */
    static List<String> classColumns(Dataset<Row> data, String label, String weight, List<String> classes) {
        if (classes != null) {
            return classes;
        }
        List<String> out = new ArrayList<>();
        String w = weight == null ? "weight" : weight;
        for (String c : data.columns()) {
            if (!c.equals(label) && !c.equals(w)) {
                out.add(c);
            }
        }
        return out;
    }
}

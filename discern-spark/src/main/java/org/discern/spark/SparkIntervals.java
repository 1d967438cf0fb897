package org.discern.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.discern.metrics.AucComparison;
import org.discern.metrics.DeLong;
import org.discern.metrics.DeLongAuc;
import org.discern.metrics.ScoreCounts;
import org.discern.metrics.ScoreHistogram;
import org.discern.metrics.SweepSums;
import scala.Tuple2;

/**
 * The paired DeLong test of two score columns and the bounded (histogram) AUC on Spark.
 *
 * <p><b>Paired test.</b> Each column's counts per distinct score give, per distinct score, the
 * DeLong placement values (the share of the other class below or above it, ties one half); they
 * depend on a row's score only, so they are computed once per distinct score (on the driver, or in
 * each range of a table kept on the cluster) and joined back to the rows by score value. One pass
 * over the joined rows sums the cross products of the two columns' placement deviations; the
 * core's {@link DeLong#pairedFromSums} turns them into the test. No row is collected.
 */
final class SparkIntervals {
    private SparkIntervals() {
    }

    private static final StructType PLACEMENTS = new StructType()
            .add("score", DataTypes.DoubleType, false)
            .add("v10", DataTypes.DoubleType, false)
            .add("v01", DataTypes.DoubleType, false);

    static AucComparison paired(Dataset<?> data, BinaryOptions a, String scoreB, double level) {
        BinaryOptions b = BinaryOptions.of(a.labelColumn, scoreB).withWeight(a.weightColumn)
                .withMaxDriverScores(a.maxDriverScores);
        SparkSession spark = data.sparkSession();
        try (ExactBinary.Table ta = ExactBinary.table(data, a); ExactBinary.Table tb = ExactBinary.table(data, b)) {
            DeLongAuc da = ta.evaluate().deLong();
            DeLongAuc db = tb.evaluate().deLong();
            Dataset<Row> pa = placements(ta, spark);
            Dataset<Row> pb = placements(tb, spark);
            Column y = ColumnReader.named(a.labelColumn).cast("double");
            Dataset<Row> rows = data.select(y.as("y"), score(data, a.scoreColumn).as("sa"), score(data, scoreB).as("sb"),
                    (a.weightColumn == null ? functions.lit(1.0) : number(data, a.weightColumn)).as("w"))
                    // a row of weight 0 is no row: it has no placement (and adds nothing)
                    .where(functions.col("w").gt(0));
            Dataset<Row> joined = rows
                    .join(pa.toDF("sa_", "va10", "va01"), functions.col("sa").equalTo(functions.col("sa_")))
                    .join(pb.toDF("sb_", "vb10", "vb01"), functions.col("sb").equalTo(functions.col("sb_")));
            Column positive = functions.col("y").equalTo(1.0);
            Column s10 = functions.col("w").multiply(functions.col("va10").minus(da.auc()))
                    .multiply(functions.col("vb10").minus(db.auc()));
            Column s01 = functions.col("w").multiply(functions.col("va01").minus(da.auc()))
                    .multiply(functions.col("vb01").minus(db.auc()));
            Row sums = joined.agg(functions.sum(functions.when(positive, s10).otherwise(0.0)),
                    functions.sum(functions.when(positive, 0.0).otherwise(s01)), functions.count(functions.lit(1)))
                    .first();
            long matched = sums.getLong(2);
            if (matched != ta.rows) {
                throw new IllegalStateException("joined " + matched + " of " + ta.rows + " rows to their placements");
            }
            return DeLong.pairedFromSums(a.scoreColumn, da, scoreB, db, sums.getDouble(0), sums.getDouble(1), level);
        }
    }

    /** Per distinct score: the score and the placements of a positive and of a negative there. */
    static Dataset<Row> placements(ExactBinary.Table t, SparkSession spark) {
        if (t.all != null) {
            ScoreCounts all = t.all;
            SweepSums.Totals totals = new SweepSums.Totals(all.positives(), all.negatives(), all.positiveRows(),
                    all.rows() - all.positiveRows());
            return spark.createDataFrame(rows(all, SweepSums.Start.FIRST, totals), PLACEMENTS);
        }
        SweepSums.Start[] starts = t.starts;
        SweepSums.Totals totals = t.totals;
        JavaRDD<Row> rows = t.ranges.filter(r -> r.counts() != null)
                .flatMap(r -> rows(r.counts(), starts[r.index()], totals).iterator());
        return spark.createDataFrame(rows, PLACEMENTS);
    }

    private static List<Row> rows(ScoreCounts run, SweepSums.Start start, SweepSums.Totals totals) {
        double[][] v = SweepSums.placements(run, start, totals);
        List<Row> out = new ArrayList<>(run.size());
        for (int i = 0; i < run.size(); i++) {
            out.add(RowFactory.create(run.score(i), v[0][i], v[1][i]));
        }
        return out;
    }

    /** The score as a double column: a number, or element 1 of a vector or array. */
    static Column score(Dataset<?> data, String name) {
        ColumnReader r = ColumnReader.of(data.schema(), name, "score");
        Column c = ColumnReader.named(name);
        switch (r.kind) {
            case VECTOR:
                return org.apache.spark.ml.functions.vector_to_array(c, "float64").getItem(1);
            case ARRAY:
                return c.getItem(1).cast("double");
            default:
                return c.cast("double");
        }
    }

    private static Column number(Dataset<?> data, String name) {
        ColumnReader.of(data.schema(), name, "weight");
        return ColumnReader.named(name).cast("double");
    }

    /** The histogram of the rows: per partition (no sort), merged. */
    static ScoreHistogram histogram(Dataset<?> data, BinaryOptions o, double lower, double upper, int bins) {
        ScoreHistogram.empty(lower, upper, bins);
        Tuple2<Dataset<Row>, ExactBinary.Input> in = ExactBinary.select(data, o);
        ExactBinary.Input input = in._2();
        List<Tuple2<ScoreHistogram, String>> parts = in._1().javaRDD().mapPartitions(it -> {
            ExactBinary.Rows r = input.arrays(it);
            ScoreHistogram h = r.problem() != null ? null
                    : ScoreHistogram.of(r.scores(), r.labels(), r.weights(), lower, upper, bins);
            return Collections.singletonList(new Tuple2<>(h, r.problem())).iterator();
        }).collect();
        ScoreHistogram all = ScoreHistogram.empty(lower, upper, bins);
        for (Tuple2<ScoreHistogram, String> p : parts) {
            if (p._2() != null) {
                throw new IllegalArgumentException(p._2());
            }
            all = all.merge(p._1());
        }
        if (all.rows() == 0) {
            throw new IllegalArgumentException("no rows to evaluate: the dataset is empty");
        }
        return all;
    }
}

package org.discern.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.discern.metrics.OperatingPoints;
import org.discern.metrics.ScoreCounts;
import org.discern.metrics.SweepSums;
import scala.Tuple2;

/**
 * The exact binary evaluation on Spark: what runs where.
 *
 * <ol>
 *   <li><b>Executors, one pass over the rows:</b> each partition reads its rows into primitive
 *       arrays, checks them, and sorts them once into a {@link ScoreCounts} (counts per distinct
 *       score, the core's radix sort). The driver receives per partition only its size, its row
 *       counts, the first problem found and a 64-entry sketch of its distinct scores.</li>
 *   <li><b>Few distinct scores</b> (all partitions' sizes together at most the limit): the
 *       partitions' counts are collected and merged on the driver into the core's table.</li>
 *   <li><b>Otherwise, a range-partitioned sort:</b> each partition's counts are split at score
 *       boundaries chosen from the sketches and shuffled by range; each range merges its slices
 *       (sorted inputs: a linear merge). The driver receives per range its size and its positive
 *       and negative totals, and computes each range's start offsets (a prefix sum). If the
 *       merged distinct scores now fit the limit, the ranges are collected in order; else each
 *       range sums every area over its rows from its offsets ({@link SweepSums}) and emits every
 *       k-th row for the curves, and the driver combines the R sums.</li>
 * </ol>
 *
 * The driver never holds more than the limit of distinct scores, R sketches, sums and ranges'
 * totals, and the thinned curve.
 */
final class ExactBinary {
    private ExactBinary() {
    }

    /** One input partition's counts and what the driver needs to know of them. */
    static final class Part implements Serializable {
        private static final long serialVersionUID = 1L;
        final ScoreCounts counts;
        final String problem;
        // rows of weight 0, skipped (a sample of weight 0 is the same as no sample)
        final long zeros;

        Part(ScoreCounts counts, String problem, long zeros) {
            this.counts = counts;
            this.problem = problem;
            this.zeros = zeros;
        }

        /** What the driver receives: the counts themselves when they are at most {@code share} entries. */
        Info info(long share) {
            return new Info(counts == null ? 0 : counts.size(), counts == null ? 0 : counts.rows(), zeros, problem,
                    counts == null ? new double[0] : RangePlan.sketch(counts.scores()),
                    counts != null && counts.size() <= share ? counts : null);
        }
    }

    /**
     * A partition's size, rows, first problem and sketch, and its counts when they are small
     * enough (its share of the driver limit): small data is then evaluated in one job.
     */
    record Info(long size, long rows, long zeros, String problem, double[] sketch, ScoreCounts counts)
            implements Serializable {
    }

    /** The selected columns (label, score, weight) and their readers. */
    static final class Input implements Serializable {
        private static final long serialVersionUID = 1L;
        final ColumnReader label;
        final ColumnReader score;
        final ColumnReader weight;

        Input(ColumnReader label, ColumnReader score, ColumnReader weight) {
            this.label = label;
            this.score = score;
            this.weight = weight;
        }

        /** The counts of one partition's rows, or its first problem. */
        Part read(Iterator<Row> rows) {
            Rows r = arrays(rows);
            if (r.problem != null || r.n == 0) {
                return new Part(null, r.problem, r.zeros);
            }
            return new Part(ScoreCounts.of(r.scores(), r.labels(), r.weights()), null, r.zeros);
        }

        /**
         * One partition's rows in primitive arrays, checked (reading stops at the first problem);
         * rows of weight 0 are checked, counted and left out.
         */
        Rows arrays(Iterator<Row> rows) {
            double[] s = new double[1024];
            boolean[] y = new boolean[1024];
            double[] w = weight == null ? null : new double[1024];
            int n = 0;
            long zeros = 0;
            while (rows.hasNext()) {
                Row r = rows.next();
                String problem = label.binaryLabelProblem(r);
                if (problem == null) {
                    problem = score.scoreProblem(r, 1);
                }
                if (problem == null && weight != null) {
                    problem = weight.weightProblem(r);
                }
                if (problem != null) {
                    return new Rows(s, y, w, 0, zeros, problem);
                }
                if (weight != null && weight.number(r) == 0) {
                    zeros++;
                    continue;
                }
                if (n == s.length) {
                    int cap = Math.addExact(n, n);
                    s = Arrays.copyOf(s, cap);
                    y = Arrays.copyOf(y, cap);
                    if (w != null) {
                        w = Arrays.copyOf(w, cap);
                    }
                }
                s[n] = score.element(r, 1);
                y[n] = label.number(r) == 1;
                if (w != null) {
                    w[n] = weight.number(r);
                }
                n++;
            }
            return new Rows(s, y, w, n, zeros, null);
        }
    }

    /** The first n rows of a partition as arrays (or its first problem). */
    record Rows(double[] s, boolean[] y, double[] w, int n, long zeros, String problem) {
        double[] scores() {
            return Arrays.copyOf(s, n);
        }

        boolean[] labels() {
            return Arrays.copyOf(y, n);
        }

        double[] weights() {
            return w == null ? null : Arrays.copyOf(w, n);
        }
    }

    /** Selects the three columns of {@code options} from {@code data} and makes their readers. */
    static Tuple2<Dataset<Row>, Input> select(Dataset<?> data, BinaryOptions o) {
        List<Column> cols = new ArrayList<>();
        cols.add(ColumnReader.named(o.labelColumn));
        cols.add(ColumnReader.named(o.scoreColumn));
        if (o.weightColumn != null) {
            cols.add(ColumnReader.named(o.weightColumn));
        }
        // check the names first, for a message listing the columns
        ColumnReader.of(data.schema(), o.labelColumn, "label");
        ColumnReader.of(data.schema(), o.scoreColumn, "score");
        if (o.weightColumn != null) {
            ColumnReader.of(data.schema(), o.weightColumn, "weight");
        }
        Dataset<Row> sel = data.select(cols.toArray(new Column[0]));
        ColumnReader label = ColumnReader.of(sel.schema(), o.labelColumn, "label");
        if (!label.scalar()) {
            throw new IllegalArgumentException("label column '" + o.labelColumn + "' must hold numbers (0 or 1) or "
                    + "booleans, not vectors or arrays");
        }
        ColumnReader score = ColumnReader.of(sel.schema(), o.scoreColumn, "score");
        ColumnReader weight = o.weightColumn == null ? null : ColumnReader.of(sel.schema(), o.weightColumn, "weight");
        if (weight != null && !weight.scalar()) {
            throw new IllegalArgumentException("weight column '" + o.weightColumn + "' must hold numbers");
        }
        return new Tuple2<>(sel, new Input(label, score, weight));
    }

    static SparkBinaryEvaluation run(Dataset<?> data, BinaryOptions o) {
        try (Table t = table(data, o)) {
            return t.evaluate();
        }
    }

    /**
     * The counts per distinct score of a dataset: the whole table on the driver when it fits the
     * options' limit, else range-partitioned on the cluster (persisted until {@link #close()})
     * with each range's start offsets.
     */
    static final class Table implements AutoCloseable {
        final BinaryOptions options;
        // the whole table, on the driver; or null when it is held in ranges
        final ScoreCounts all;
        // ranges of the table (one per partition, in score order) and where each starts
        final JavaRDD<Ranged> ranges;
        final SweepSums.Start[] starts;
        final SweepSums.Totals totals;
        final long size;
        final long rows;
        // rows of weight 0 left out
        final long zeros;
        private final JavaRDD<Part> parts;

        private Table(BinaryOptions options, ScoreCounts all, JavaRDD<Ranged> ranges, SweepSums.Start[] starts,
                SweepSums.Totals totals, long size, long rows, long zeros, JavaRDD<Part> parts) {
            this.options = options;
            this.all = all;
            this.ranges = ranges;
            this.starts = starts;
            this.totals = totals;
            this.size = size;
            this.rows = rows;
            this.zeros = zeros;
            this.parts = parts;
        }

        /** The evaluation: the core's on the driver, or the sums of the ranges. */
        SparkBinaryEvaluation evaluate() {
            return all != null ? SparkBinaryEvaluation.onDriver(all.plusZeroWeightRows(zeros).toEvaluation(), options)
                    : sweep(this);
        }

        @Override
        public void close() {
            parts.unpersist(false);
            if (ranges != null) {
                ranges.unpersist(false);
            }
        }
    }

    static Table table(Dataset<?> data, BinaryOptions o) {
        Tuple2<Dataset<Row>, Input> in = select(data, o);
        Input input = in._2();
        JavaRDD<Part> parts = in._1().javaRDD().mapPartitions(it -> Collections.singletonList(input.read(it)).iterator());
        parts.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long share = o.maxDriverScores / Math.max(1, parts.getNumPartitions());
            List<Info> infos = parts.map(p -> p.info(share)).collect();
            return table(parts, infos, o);
        } catch (RuntimeException e) {
            parts.unpersist(false);
            throw e;
        }
    }

    /** The table of the partitions' counts, after checking the partitions' problems. */
    private static Table table(JavaRDD<Part> parts, List<Info> infos, BinaryOptions o) {
        long size = 0;
        long rows = 0;
        long zeros = 0;
        List<double[]> sketches = new ArrayList<>();
        for (Info i : infos) {
            if (i.problem() != null) {
                throw new IllegalArgumentException(i.problem());
            }
            size += i.size();
            rows += i.rows();
            zeros += i.zeros();
            sketches.add(i.sketch());
        }
        if (rows == 0 && zeros > 0) {
            throw ColumnReader.allWeightsZero(o.weightColumn);
        }
        if (rows == 0) {
            throw new IllegalArgumentException("no rows to evaluate: the dataset is empty");
        }
        if (size <= o.maxDriverScores) {
            List<ScoreCounts> all = new ArrayList<>();
            boolean collected = true;
            for (Info i : infos) {
                if (i.size() > 0) {
                    collected &= i.counts() != null;
                    all.add(i.counts());
                }
            }
            if (!collected) {
                all = parts.filter(p -> p.counts != null).map(p -> p.counts).collect();
            }
            return new Table(o, ScoreCounts.mergeAll(all), null, null, null, size, rows, zeros, parts);
        }
        RangePlan plan = RangePlan.from(sketches, (int) Math.min(1 << 16, Math.max(1, size / o.scoresPerRange)));
        JavaRDD<Ranged> ranges = rangePartition(parts.filter(p -> p.counts != null).map(p -> p.counts), plan);
        ranges.persist(StorageLevel.MEMORY_AND_DISK());
        List<RangeTotals> totals = new ArrayList<>(ranges.map(Ranged::totals).collect());
        totals.sort((a, b) -> Integer.compare(a.index(), b.index()));
        long distinct = 0;
        long positiveRows = 0;
        SweepSums.Start[] starts = new SweepSums.Start[totals.size()];
        SweepSums.Start at = SweepSums.Start.FIRST;
        for (RangeTotals t : totals) {
            starts[t.index()] = at;
            at = new SweepSums.Start(at.index() + t.size(), at.truePositives() + t.positives(),
                    at.falsePositives() + t.negatives());
            distinct += t.size();
            positiveRows += t.positiveRows();
        }
        if (distinct <= o.maxDriverScores) {
            // the partitions overlapped: the merged ranges fit on the driver after all
            List<ScoreCounts> all = ranges.filter(r -> r.counts() != null).map(Ranged::counts).collect();
            ranges.unpersist(false);
            return new Table(o, ScoreCounts.mergeAll(all), null, null, null, distinct, rows, zeros, parts);
        }
        SweepSums.Totals sumTotals = new SweepSums.Totals(at.truePositives(), at.falsePositives(), positiveRows,
                rows - positiveRows);
        return new Table(o, null, ranges, starts, sumTotals, distinct, rows, zeros, parts);
    }

    /** A range of the table: its index and its merged counts (null when empty). */
    record Ranged(int index, ScoreCounts counts) implements Serializable {
        RangeTotals totals() {
            if (counts == null) {
                return new RangeTotals(index, 0, 0, 0, 0, 0);
            }
            SweepSums.Start s = SweepSums.Start.FIRST.after(counts);
            return new RangeTotals(index, counts.size(), s.truePositives(), s.falsePositives(), counts.rows(),
                    counts.positiveRows());
        }
    }

    /** What the driver needs of a range to place the next: its size and totals. */
    record RangeTotals(int index, long size, double positives, double negatives, long rows, long positiveRows)
            implements Serializable {
    }

    /** Splits each partition's counts at the plan's boundaries and merges the slices of each range. */
    static JavaRDD<Ranged> rangePartition(JavaRDD<ScoreCounts> counts, RangePlan plan) {
        int ranges = plan.ranges();
        JavaPairRDD<Integer, ScoreCounts> slices = counts.flatMapToPair(c -> {
            ScoreCounts[] split = c.split(plan.boundaries);
            List<Tuple2<Integer, ScoreCounts>> out = new ArrayList<>();
            for (int r = 0; r < split.length; r++) {
                if (split[r] != null) {
                    out.add(new Tuple2<>(r, split[r]));
                }
            }
            return out.iterator();
        });
        return slices.partitionBy(new RangePlan.ByIndex(ranges)).mapPartitionsWithIndex((r, it) -> {
            List<ScoreCounts> mine = new ArrayList<>();
            it.forEachRemaining(t -> mine.add(t._2()));
            return Collections.singletonList(new Ranged(r, mine.isEmpty() ? null : ScoreCounts.mergeAll(mine)))
                    .iterator();
        }, true);
    }

    /** The evaluation of a table held in ranges: each range summed from its offsets, the sums combined. */
    static SparkBinaryEvaluation sweep(Table t) {
        BinaryOptions o = t.options;
        long size = t.size;
        long rows = t.rows;
        long positiveRows = t.totals.positiveRows();
        long stride = (size + o.maxCurvePoints - 2) / (o.maxCurvePoints - 1);
        long last = size - 1;
        double[] thresholds = o.thresholds;
        double maxFpr = o.maxFpr;
        SweepSums.Start[] starts = t.starts;
        SweepSums.Totals sumTotals = t.totals;
        List<Swept> swept = new ArrayList<>(t.ranges.filter(r -> r.counts() != null)
                .map(r -> Swept.of(r, starts[r.index()], sumTotals, maxFpr, thresholds, stride, last)).collect());
        swept.sort((a, b) -> Integer.compare(a.index, b.index));
        SweepSums sums = null;
        int points = 0;
        for (Swept s : swept) {
            sums = sums == null ? s.sums : sums.combine(s.sums);
            points += s.thresholds.length;
        }
        double[] thr = new double[points];
        double[] tp = new double[points];
        double[] fp = new double[points];
        int k = 0;
        for (Swept s : swept) {
            System.arraycopy(s.thresholds, 0, thr, k, s.thresholds.length);
            System.arraycopy(s.tp, 0, tp, k, s.tp.length);
            System.arraycopy(s.fp, 0, fp, k, s.fp.length);
            k += s.thresholds.length;
        }
        // range offsets and running sums may round differently: keep the thinned counts monotone
        for (int i = 1; i < points; i++) {
            tp[i] = Math.max(tp[i], tp[i - 1]);
            fp[i] = Math.max(fp[i], fp[i - 1]);
        }
        boolean weighted = o.weightColumn != null;
        OperatingPoints thinned = rows > Integer.MAX_VALUE ? null
                : OperatingPoints.fromCumulative(thr, tp, fp, (int) rows, (int) positiveRows, weighted);
        return SparkBinaryEvaluation.onCluster(sums, thinned, rows, positiveRows, weighted, size, t.zeros, o);
    }

    /** One range's sums and its rows kept for the thinned curve. */
    static final class Swept implements Serializable {
        private static final long serialVersionUID = 1L;
        final int index;
        final SweepSums sums;
        final double[] thresholds;
        final double[] tp;
        final double[] fp;

        private Swept(int index, SweepSums sums, double[] thresholds, double[] tp, double[] fp) {
            this.index = index;
            this.sums = sums;
            this.thresholds = thresholds;
            this.tp = tp;
            this.fp = fp;
        }

        static Swept of(Ranged r, SweepSums.Start start, SweepSums.Totals totals, double maxFpr, double[] thresholds,
                long stride, long last) {
            ScoreCounts c = r.counts();
            SweepSums sums = SweepSums.of(c, start, totals, maxFpr, thresholds);
            double[] thr = new double[c.size()];
            double[] tp = new double[c.size()];
            double[] fp = new double[c.size()];
            int k = 0;
            double t = start.truePositives();
            double f = start.falsePositives();
            for (int i = 0; i < c.size(); i++) {
                t += c.positiveWeight(i);
                f += c.negativeWeight(i);
                long row = start.index() + i;
                if (row % stride == 0 || row == last) {
                    thr[k] = c.score(i);
                    tp[k] = t;
                    fp[k] = f;
                    k++;
                }
            }
            return new Swept(r.index(), sums, Arrays.copyOf(thr, k), Arrays.copyOf(tp, k), Arrays.copyOf(fp, k));
        }
    }
}

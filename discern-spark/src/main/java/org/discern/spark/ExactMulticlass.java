package org.discern.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.discern.metrics.ArgmaxCounts;
import org.discern.metrics.ClassScoreCounts;
import org.discern.metrics.MulticlassCounts;
import org.discern.metrics.MulticlassNumbers;
import org.discern.metrics.MulticlassSweep;
import scala.Tuple2;

/**
 * The exact multi-class evaluation on Spark. Executors: each partition reads its rows into a
 * row-major score matrix, checks them, and summarises them into a {@link MulticlassCounts} (one
 * sort per score column: counts per distinct score and true class, plus the argmax sums). The
 * driver receives per partition its number of entries, first problem and a sketch of its
 * columns' scores.
 *
 * <ul>
 *   <li><b>Entries within the limit:</b> the partitions' summaries are merged on the driver, in
 *       partition order, into the core's {@code MulticlassEvaluation} (every curve).</li>
 *   <li><b>Otherwise, range-partitioned:</b> score boundaries common to the K columns come from
 *       the sketches; each partition's columns are cut there and shuffled by range (primitive
 *       arrays, not rows); each range merges its slices per column. The driver receives per
 *       range its totals (per column and for the pooled table) and computes every range's start
 *       offsets; each range then sums its one-vs-rest, pooled (micro) and one-vs-one numbers from
 *       them, and the driver combines R sums with the argmax sums of the partitions (confusion
 *       matrix, top-k, log loss: plain sums, no sort) into the core's {@link MulticlassSweep}.</li>
 * </ul>
 */
final class ExactMulticlass {
    private ExactMulticlass() {
    }

    /** One partition's summary (null when empty) or its first problem. */
    record Part(MulticlassCounts counts, String problem, long zeros) implements Serializable {
        long entries() {
            if (counts == null) {
                return 0;
            }
            long e = 0;
            for (int c = 0; c < counts.classes().size(); c++) {
                e += counts.column(c).size();
            }
            return e;
        }

        /**
         * What the driver receives: entries, first problem, a sketch of every column's entry
         * scores, and the summary itself when it is at most {@code share} entries.
         */
        Info info(long share) {
            long entries = entries();
            double[] sketch = new double[0];
            if (counts != null) {
                List<double[]> columns = new ArrayList<>();
                int length = 0;
                for (int c = 0; c < counts.classes().size(); c++) {
                    ClassScoreCounts col = counts.column(c);
                    double[] s = RangePlan.sketch(col.size(), col::score);
                    columns.add(s);
                    length += s.length;
                }
                sketch = new double[length];
                int at = 0;
                for (double[] s : columns) {
                    System.arraycopy(s, 0, sketch, at, s.length);
                    at += s.length;
                }
            }
            return new Info(entries, zeros, problem, sketch, entries <= share ? counts : null);
        }
    }

    /**
     * A partition's entries, first problem, sketch of its columns' scores, and summary when small
     * enough (its share of the driver limit).
     */
    record Info(long entries, long zeros, String problem, double[] sketch, MulticlassCounts counts)
            implements Serializable {
    }

    /** The selected columns and their readers. */
    static final class Input implements Serializable {
        private static final long serialVersionUID = 1L;
        final ColumnReader label;
        final ColumnReader vector;
        final ColumnReader[] columns;
        final ColumnReader weight;
        final List<String> classes;
        final Map<String, Integer> classIndex;

        Input(ColumnReader label, ColumnReader vector, ColumnReader[] columns, ColumnReader weight,
                List<String> classes) {
            this.label = label;
            this.vector = vector;
            this.columns = columns;
            this.weight = weight;
            this.classes = classes;
            this.classIndex = new HashMap<>();
            for (int c = 0; c < classes.size(); c++) {
                classIndex.put(classes.get(c), c);
            }
        }

        Part read(Iterator<Row> rows) {
            int k = classes.size();
            int[] y = new int[1024];
            double[] s = new double[1024 * k];
            double[] w = weight == null ? null : new double[1024];
            int n = 0;
            long zeros = 0;
            while (rows.hasNext()) {
                Row r = rows.next();
                String problem = label.classLabelProblem(r, classIndex, classes);
                if (problem == null && vector != null) {
                    problem = r.isNullAt(vector.index) ? "score column '" + vector.name + "' has a null value"
                            : vector.length(r) != k ? "score column '" + vector.name + "' must hold " + k
                                    + " scores per row (one per class), found " + vector.length(r) : null;
                }
                for (int c = 0; problem == null && c < k; c++) {
                    problem = vector != null ? vector.scoreProblem(r, c) : columns[c].scoreProblem(r, -1);
                }
                if (problem == null && weight != null) {
                    problem = weight.weightProblem(r);
                }
                if (problem != null) {
                    return new Part(null, problem, zeros);
                }
                if (weight != null && weight.number(r) == 0) {
                    zeros++; // a sample of weight 0 is the same as no sample: checked, counted, left out
                    continue;
                }
                if (n == y.length) {
                    int cap = Math.addExact(n, n);
                    y = Arrays.copyOf(y, cap);
                    s = Arrays.copyOf(s, Math.multiplyExact(cap, k));
                    if (w != null) {
                        w = Arrays.copyOf(w, cap);
                    }
                }
                y[n] = label.classIndex(r, classIndex, k);
                for (int c = 0; c < k; c++) {
                    s[n * k + c] = vector != null ? vector.element(r, c) : columns[c].number(r);
                }
                if (w != null) {
                    w[n] = weight.number(r);
                }
                n++;
            }
            if (n == 0) {
                return new Part(null, null, zeros);
            }
            return new Part(MulticlassCounts.of(Arrays.copyOf(y, n), Arrays.copyOf(s, n * k), classes,
                    w == null ? null : Arrays.copyOf(w, n)), null, zeros);
        }
    }

    static Input input(Dataset<?> data, MulticlassOptions o, List<Column> selected) {
        ColumnReader.of(data.schema(), o.labelColumn, "label");
        selected.add(ColumnReader.named(o.labelColumn));
        List<String> classes = o.classes;
        if (o.vectorColumn != null) {
            ColumnReader v = ColumnReader.of(data.schema(), o.vectorColumn, "score");
            if (v.scalar()) {
                throw new IllegalArgumentException("score column '" + o.vectorColumn + "' must hold a vector or an array"
                        + " of K scores per row, found one number");
            }
            selected.add(ColumnReader.named(o.vectorColumn));
        } else {
            for (String c : o.scoreColumns) {
                ColumnReader.of(data.schema(), c, "score");
                selected.add(ColumnReader.named(c));
            }
        }
        if (o.weightColumn != null) {
            ColumnReader.of(data.schema(), o.weightColumn, "weight");
            selected.add(ColumnReader.named(o.weightColumn));
        }
        Dataset<Row> sel = data.select(selected.toArray(new Column[0]));
        ColumnReader label = ColumnReader.of(sel.schema(), o.labelColumn, "label");
        if (!label.scalar() && !label.text()) {
            throw new IllegalArgumentException("label column '" + o.labelColumn + "' must hold class names or class"
                    + " indices, not vectors or arrays");
        }
        ColumnReader vector = null;
        ColumnReader[] columns = null;
        if (o.vectorColumn != null) {
            vector = ColumnReader.of(sel.schema(), o.vectorColumn, "score");
            if (classes == null) {
                Row first = sel.select(ColumnReader.named(o.vectorColumn)).filter(ColumnReader.named(o.vectorColumn).isNotNull()).first();
                int k = ColumnReader.of(sel.select(ColumnReader.named(o.vectorColumn)).schema(), o.vectorColumn, "score").length(first);
                List<String> names = new ArrayList<>();
                for (int c = 0; c < k; c++) {
                    names.add(Integer.toString(c));
                }
                classes = List.copyOf(names);
            }
        } else {
            columns = new ColumnReader[o.scoreColumns.size()];
            for (int c = 0; c < columns.length; c++) {
                columns[c] = ColumnReader.of(sel.schema(), o.scoreColumns.get(c), "score");
                if (!columns[c].scalar()) {
                    throw new IllegalArgumentException("score column '" + o.scoreColumns.get(c) + "' must hold numbers");
                }
            }
        }
        if (classes.size() < 2) {
            throw new IllegalArgumentException("a multi-class evaluation needs at least 2 classes, got " + classes);
        }
        ColumnReader weight = o.weightColumn == null ? null : ColumnReader.of(sel.schema(), o.weightColumn, "weight");
        return new Input(label, vector, columns, weight, classes);
    }

    static MulticlassNumbers run(Dataset<?> data, MulticlassOptions o) {
        List<Column> selected = new ArrayList<>();
        Input input = input(data, o, selected);
        Dataset<Row> sel = data.select(selected.toArray(new Column[0]));
        JavaRDD<Part> parts = sel.javaRDD().mapPartitions(it -> Collections.singletonList(input.read(it)).iterator());
        parts.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long share = o.maxDriverEntries / Math.max(1, parts.getNumPartitions());
            List<Info> infos = parts.map(p -> p.info(share)).collect();
            long entries = 0;
            long zeros = 0;
            List<double[]> sketches = new ArrayList<>();
            for (Info i : infos) {
                if (i.problem() != null) {
                    throw new IllegalArgumentException(i.problem());
                }
                entries += i.entries();
                zeros += i.zeros();
                sketches.add(i.sketch());
            }
            if (entries == 0 && zeros > 0) {
                throw ColumnReader.allWeightsZero(o.weightColumn);
            }
            if (entries == 0) {
                throw new IllegalArgumentException("no rows to evaluate: the dataset is empty");
            }
            if (entries > o.maxDriverEntries) {
                return onCluster(parts, sketches, entries, zeros, input.classes.size(), o);
            }
            List<MulticlassCounts> all = new ArrayList<>();
            for (Info i : infos) {
                if (i.entries() > 0) {
                    all.add(i.counts());
                }
            }
            if (all.contains(null)) {
                all = parts.filter(p -> p.counts() != null).map(Part::counts).collect();
            }
            // the summaries are on the driver: release the executors' copies before merging
            parts.unpersist(false);
            MulticlassCounts merged = MulticlassCounts.mergeAll(all);
            all = null;
            infos = null;
            return merged.plusZeroWeightRows(zeros).toEvaluation();
        } finally {
            parts.unpersist(false);
        }
    }

    /**
     * The tables kept on the cluster: every partition's K columns cut at score boundaries common
     * to all columns (from the sketches) and shuffled by range; each range merges its slices per
     * column; the driver receives per range its totals (K + 1 per column and the pooled table),
     * computes the ranges' start offsets, and then per range the sums of {@link MulticlassSweep};
     * the argmax sums (confusion matrix, top-k, log loss) are merged per partition, with no sort.
     */
    private static MulticlassSweep onCluster(JavaRDD<Part> parts, List<double[]> sketches, long entries, long zeros,
            int k, MulticlassOptions o) {
        RangePlan ranges = RangePlan.from(sketches, (int) Math.min(1 << 16, Math.max(1, entries / o.entriesPerRange)));
        JavaRDD<Part> counted = parts.filter(p -> p.counts() != null);
        List<ArgmaxCounts> argmax = counted.map(p -> p.counts().argmax()).collect();
        JavaRDD<Ranged> ranged = rangePartition(counted.map(Part::counts), ranges, k);
        ranged.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            List<Ranged> totals = new ArrayList<>(ranged.map(Ranged::totalsOnly).collect());
            totals.sort((a, b) -> Integer.compare(a.index(), b.index()));
            List<MulticlassSweep.RunTotals> runTotals = new ArrayList<>();
            for (Ranged t : totals) {
                runTotals.add(t.totals());
            }
            MulticlassSweep.Plan plan = MulticlassSweep.Plan.of(runTotals);
            List<Ranged> swept = new ArrayList<>(ranged.map(r -> r.swept(plan)).collect());
            swept.sort((a, b) -> Integer.compare(a.index(), b.index()));
            List<MulticlassSweep.Run> runs = new ArrayList<>();
            for (Ranged r : swept) {
                runs.add(r.run());
            }
            return MulticlassSweep.of(plan, runs, ArgmaxCounts.mergeAll(argmax).plusZeroWeightRows(zeros));
        } finally {
            ranged.unpersist(false);
        }
    }

    /**
     * One score range of the K tables: per column its merged entries (null where none); then
     * only its totals, or only its sums (what reaches the driver).
     */
    record Ranged(int index, ClassScoreCounts[] columns, MulticlassSweep.RunTotals totals, MulticlassSweep.Run run)
            implements Serializable {
        Ranged totalsOnly() {
            return new Ranged(index, null, MulticlassSweep.RunTotals.of(columns), null);
        }

        Ranged swept(MulticlassSweep.Plan plan) {
            return new Ranged(index, null, null, MulticlassSweep.sweep(columns, index, plan));
        }
    }

    /** Splits each partition's columns at the plan's boundaries and merges each range's slices per column. */
    static JavaRDD<Ranged> rangePartition(JavaRDD<MulticlassCounts> counts, RangePlan plan, int k) {
        int ranges = plan.ranges();
        JavaPairRDD<Integer, Tuple2<Integer, ClassScoreCounts>> slices = counts.flatMapToPair(m -> {
            List<Tuple2<Integer, Tuple2<Integer, ClassScoreCounts>>> out = new ArrayList<>();
            for (int j = 0; j < m.classes().size(); j++) {
                ClassScoreCounts[] split = m.column(j).split(plan.boundaries);
                for (int r = 0; r < split.length; r++) {
                    if (split[r] != null) {
                        out.add(new Tuple2<>(r, new Tuple2<>(j, split[r])));
                    }
                }
            }
            return out.iterator();
        });
        return slices.partitionBy(new RangePlan.ByIndex(ranges)).mapPartitionsWithIndex((r, it) -> {
            Map<Integer, List<ClassScoreCounts>> byColumn = new HashMap<>();
            while (it.hasNext()) {
                Tuple2<Integer, ClassScoreCounts> t = it.next()._2();
                byColumn.computeIfAbsent(t._1(), j -> new ArrayList<>()).add(t._2());
            }
            ClassScoreCounts[] columns = new ClassScoreCounts[k];
            for (Map.Entry<Integer, List<ClassScoreCounts>> e : byColumn.entrySet()) {
                columns[e.getKey()] = ClassScoreCounts.mergeAll(e.getValue());
            }
            return Collections.singletonList(new Ranged(r, columns, null, null)).iterator();
        }, true);
    }
}

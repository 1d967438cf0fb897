package org.discern.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.discern.metrics.DeLong;
import org.discern.metrics.DeLongAuc;
import org.discern.metrics.Fixtures;
import org.discern.metrics.MulticlassEvaluation;
import org.discern.metrics.MulticlassNumbers;
import org.discern.metrics.MulticlassSweep;
import org.discern.metrics.SameEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The multi-class tables kept on the cluster (a driver limit of one entry, a few hundred entries
 * per score range): every number equals the core's single-pass evaluation of the same rows.
 */
class MulticlassRangeOnSparkTest {

    /** The range path, with about {@code perRange} entries per score range. */
    static MulticlassSweep onCluster(Dataset<Row> ds, MulticlassOptions o, int perRange) {
        MulticlassNumbers e = DiscernSpark.multiclass(ds, o.withMaxDriverEntries(1).withEntriesPerRange(perRange));
        assertTrue(e instanceof MulticlassSweep, "the tables stayed on the cluster");
        return (MulticlassSweep) e;
    }

    static Stream<Arguments> cases() {
        return Fixtures.MULTICLASS.stream().flatMap(n -> Stream.of(Arguments.of(n, 1), Arguments.of(n, 2),
                Arguments.of(n, 7)));
    }

    @ParameterizedTest(name = "{0} in {1} partitions")
    @MethodSource("cases")
    void everyFixtureGivesTheCoreEvaluation(String name, int partitions) {
        SparkData.Multiclass m = SparkData.Multiclass.fixture(name);
        MulticlassEvaluation core = MulticlassEvaluation.of(m.labels(), m.rowMajor(), m.classes(), m.weights());
        String weight = m.weights() == null ? null : "weight";
        // about 10 ranges; small_ties: 80 rows x 5 classes on a coarse grid, so range boundaries
        // fall between tied entries
        MulticlassSweep s = onCluster(m.vectors(partitions),
                MulticlassOptions.ofVector("label", "probability").withClasses(m.classes()).withWeight(weight),
                Math.max(20, m.labels().length * m.classes().size() / 10));
        assertTrue(s.runs() > 4, s.runs() + " ranges");
        SameEvaluation.multiclass(core, s, 1e-12, name + " in " + partitions);
        // DeLong's variance per class from the sums, as the core's from the full table
        List<DeLongAuc> d = DeLong.oneVsRest(core);
        for (int c = 0; c < core.classCount(); c++) {
            SameEvaluation.close(d.get(c).variance(), s.classSums(c).deLong().variance(), 1e-9, name + " variance " + c);
        }
    }

    @Test
    void emptyPartitionsOneClassPartitionsWeightsAndAnAbsentClass() {
        // class 3 of multiclass_small_ties relabelled 2: class 3 is absent; weights 0 .. 2 by halves;
        // hashing the label into 7 partitions leaves some empty and some with a single class
        SparkData.Multiclass f = SparkData.Multiclass.fixture("multiclass_small_ties");
        int[] y = f.labels().clone();
        double[] w = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = y[i] == 3 ? 2 : y[i];
            w[i] = (i % 5) * 0.5;
        }
        SparkData.Multiclass m = new SparkData.Multiclass(y, f.scores(), f.classes(), w);
        Dataset<Row> ds = m.vectors(1).repartition(7, functions.col("label"));
        List<Long> classesPerPartition = ds.javaRDD().mapPartitions(it -> {
            java.util.Set<Double> seen = new java.util.HashSet<>();
            it.forEachRemaining(r -> seen.add(r.getDouble(0)));
            return List.of((long) seen.size()).iterator();
        }).collect();
        assertTrue(classesPerPartition.contains(0L) && classesPerPartition.contains(1L), classesPerPartition.toString());
        MulticlassEvaluation core = MulticlassEvaluation.of(y, m.rowMajor(), m.classes(), w);
        MulticlassSweep s = onCluster(ds, MulticlassOptions.ofVector("label", "probability").withClasses(m.classes())
                .withWeight("weight"), 40);
        SameEvaluation.multiclassNumbers(core, s, 1e-12, "hashed partitions");
        assertEquals(Double.NaN, s.rocAuc(3));
        assertTrue(s.warnings().stream().anyMatch(x -> x.contains("'" + m.classes().get(3) + "' is absent")),
                s.warnings().toString());
        assertTrue(s.warnings().stream().anyMatch(x -> x.contains("have weight 0")), s.warnings().toString());
    }
}

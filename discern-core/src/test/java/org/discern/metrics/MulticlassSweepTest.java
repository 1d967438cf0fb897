package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The multi-class evaluation summed run by run (score ranges common to all columns) against the
 * single-pass evaluation: every number, for several cuts (one run, few, many, an empty run, cuts
 * on tied scores), weights, and a class absent from the data.
 */
class MulticlassSweepTest {

    /** The parts' columns cut at the boundaries, each run summed from the plan, the sums combined. */
    static MulticlassSweep sweep(List<MulticlassCounts> parts, double[] boundaries) {
        int k = parts.get(0).classes().size();
        int runs = boundaries.length + 1;
        List<List<List<ClassScoreCounts>>> slices = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            List<List<ClassScoreCounts>> columns = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                columns.add(new ArrayList<>());
            }
            slices.add(columns);
        }
        List<ArgmaxCounts> argmax = new ArrayList<>();
        for (MulticlassCounts p : parts) {
            argmax.add(p.argmax());
            for (int j = 0; j < k; j++) {
                ClassScoreCounts[] split = p.column(j).split(boundaries);
                for (int r = 0; r < runs; r++) {
                    if (split[r] != null) {
                        slices.get(r).get(j).add(split[r]);
                    }
                }
            }
        }
        List<ClassScoreCounts[]> run = new ArrayList<>();
        List<MulticlassSweep.RunTotals> totals = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            ClassScoreCounts[] columns = new ClassScoreCounts[k];
            for (int j = 0; j < k; j++) {
                List<ClassScoreCounts> mine = slices.get(r).get(j);
                columns[j] = mine.isEmpty() ? null : ClassScoreCounts.mergeAll(mine);
            }
            run.add(columns);
            totals.add(MulticlassSweep.RunTotals.of(columns));
        }
        MulticlassSweep.Plan plan = MulticlassSweep.Plan.of(totals);
        List<MulticlassSweep.Run> sums = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            sums.add(MulticlassSweep.sweep(run.get(r), r, plan));
        }
        return MulticlassSweep.of(plan, sums, ArgmaxCounts.mergeAll(argmax));
    }

    /** Every {@code step}-th distinct score of all columns, descending (cuts fall on tied scores). */
    static double[] boundaries(double[] scores, int step, boolean emptyFirst) {
        double[] d = Arrays.stream(scores).map(s -> s + 0.0).distinct().sorted().toArray();
        List<Double> b = new ArrayList<>();
        if (emptyFirst) {
            b.add(d[d.length - 1] + 1);
        }
        for (int i = d.length - 1 - step; i > 0; i -= step) {
            b.add(d[i]);
        }
        return b.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @SuppressWarnings("unchecked")
    static <T extends java.io.Serializable> T roundTrip(T value) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                out.writeObject(value);
            }
            try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                    new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                return (T) in.readObject();
            }
        } catch (java.io.IOException | ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    static List<MulticlassCounts> parts(MulticlassCountsTest.Data d, int size) {
        int n = d.labels().length;
        List<MulticlassCounts> parts = new ArrayList<>();
        for (int from = 0; from < n; from += size) {
            parts.add(d.part(from, Math.min(n, from + size)));
        }
        return parts;
    }

    @ParameterizedTest
    @MethodSource("org.discern.metrics.Fixtures#multiclassNames")
    void everyCutGivesTheSinglePass(String name) {
        MulticlassCountsTest.Data d = MulticlassCountsTest.Data.of(name);
        MulticlassEvaluation single = MulticlassEvaluation.of(d.labels(), d.scores(), d.classes(), d.weights());
        List<MulticlassCounts> parts = parts(d, 11);
        for (int step : new int[] {1, 3, 17, 1_000_000}) {
            for (boolean emptyFirst : new boolean[] {false, true}) {
                double[] b = boundaries(d.scores(), step, emptyFirst);
                MulticlassSweep s = sweep(parts, b);
                SameEvaluation.multiclass(single, s, 1e-12, name + " cut every " + step + " (" + b.length + ")");
            }
        }
    }

    @Test
    void weightsAbsentClassAndTiesAcrossRuns() {
        // 300 rows, 5 classes, class 3 absent, scores on a grid of 0.05 (ties in every column), weights 0..2
        Random rnd = new Random(13);
        int n = 300;
        int k = 5;
        int[] y = new int[n];
        double[] s = new double[n * k];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            int c = rnd.nextInt(k - 1);
            y[i] = c >= 3 ? c + 1 : c;
            for (int j = 0; j < k; j++) {
                s[i * k + j] = Math.round(rnd.nextDouble() * 20) / 20.0 + (j == y[i] ? 0.2 : 0);
            }
            w[i] = rnd.nextInt(5) * 0.5;
        }
        List<String> classes = List.of("a", "b", "c", "d", "e");
        for (double[] weights : new double[][] {null, w}) {
            MulticlassEvaluation single = MulticlassEvaluation.of(y, s, classes, weights);
            MulticlassCountsTest.Data d = new MulticlassCountsTest.Data(y, s, classes, weights);
            for (int step : new int[] {1, 2, 5}) {
                MulticlassSweep sweep = sweep(parts(d, 37), boundaries(s, step, false));
                SameEvaluation.multiclass(single, sweep, 1e-12, "step " + step + " weighted " + (weights != null));
                assertTrue(sweep.warnings().stream().anyMatch(x -> x.contains("'d' is absent")), sweep.warnings()
                        .toString());
                assertEquals(Double.NaN, sweep.rocAuc(3));
            }
        }
    }

    @Test
    void extremeWeightsGiveTheMergedSummarysNumbers() {
        // weights near 1e200 and 1e-200: the sums take the merged summary's power of two (from the
        // total weight), so even the support agrees with MulticlassCounts.toEvaluation
        MulticlassCountsTest.Data d = MulticlassCountsTest.Data.of("multiclass_weighted");
        for (double scale : new double[] {1e200, 1e-200}) {
            double[] w = d.weights().clone();
            for (int i = 0; i < w.length; i++) {
                w[i] *= scale;
            }
            MulticlassCountsTest.Data big = new MulticlassCountsTest.Data(d.labels(), d.scores(), d.classes(), w);
            List<MulticlassCounts> parts = parts(big, 53);
            MulticlassEvaluation merged = MulticlassCounts.mergeAll(parts).toEvaluation();
            MulticlassSweep s = sweep(parts, boundaries(d.scores(), 7, false));
            SameEvaluation.multiclassNumbers(merged, s, 1e-12, "weights x " + scale);
            assertTrue(Double.isFinite(s.rocAucOvoMacro()) && s.rocAucOvoMacro() > 0.5, "ovo " + s.rocAucOvoMacro());
        }
    }

    @Test
    void runsThatDoNotFitThePlanAreRefused() {
        MulticlassCountsTest.Data d = MulticlassCountsTest.Data.of("multiclass_small_ties");
        MulticlassCounts all = d.part(0, d.labels().length);
        int k = d.classes().size();
        ClassScoreCounts[] run = new ClassScoreCounts[k];
        for (int j = 0; j < k; j++) {
            run[j] = all.column(j);
        }
        MulticlassSweep.Plan plan = MulticlassSweep.Plan.of(List.of(MulticlassSweep.RunTotals.of(run)));
        assertThrows(IllegalArgumentException.class, () -> MulticlassSweep.sweep(run, 1, plan));
        // what a distributed engine ships between processes survives serialization
        MulticlassSweep.Run sums = MulticlassSweep.sweep(run, 0, roundTrip(plan));
        MulticlassSweep s = MulticlassSweep.of(roundTrip(plan), List.of(roundTrip(sums)), roundTrip(all.argmax()));
        assertEquals(all.toEvaluation().rocAucOvoMacro(), s.rocAucOvoMacro(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> MulticlassSweep.of(plan, List.of(), all.argmax()));
    }
}

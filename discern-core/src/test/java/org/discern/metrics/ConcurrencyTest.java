package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The public entry points are thread-safe and their results do not depend on threads: 8 threads
 * evaluating the same and different inputs at once get the serial results (and share one
 * evaluation whose micro curve is computed lazily); every bootstrap gives identical replicates on
 * 1, 2, 3 and 8 threads.
 */
class ConcurrencyTest {

    /** A sample: binary scores with ties and weights, and a multi-class matrix large enough for the parallel paths. */
    private record Data(double[] scores, double[] other, boolean[] labels, double[] weights, int[] classes,
            double[][] matrix) {
        static Data of(long seed, int n, int k) {
            SplittableRandom r = new SplittableRandom(seed);
            double[] s = new double[n];
            double[] o = new double[n];
            boolean[] y = new boolean[n];
            double[] w = new double[n];
            int[] c = new int[n];
            double[][] m = new double[n][k];
            for (int i = 0; i < n; i++) {
                y[i] = r.nextInt(4) == 0;
                s[i] = Math.rint((r.nextGaussian() + (y[i] ? 1 : 0)) * 20) / 20;
                o[i] = Math.rint((r.nextGaussian() + (y[i] ? 0.5 : 0)) * 50) / 50;
                w[i] = r.nextInt(4);
                c[i] = r.nextInt(k);
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    m[i][j] = r.nextInt(8) + (j == c[i] ? 4 : 0);
                    sum += m[i][j];
                }
                for (int j = 0; j < k; j++) {
                    m[i][j] /= sum;
                }
            }
            w[0] = 1;
            return new Data(s, o, y, w, c, m);
        }
    }

    /** Everything one thread computes from one sample, as comparable values. */
    private static List<Object> work(Data d, List<String> names) {
        List<Object> out = new ArrayList<>();
        BinaryEvaluation b = BinaryEvaluation.of(d.scores(), d.labels(), d.weights());
        out.add(b.rocCurve());
        out.add(b.precisionRecallCurve());
        out.add(b.detCurve());
        out.add(List.of(b.rocAuc(), b.averagePrecision(), b.prAucInterpolated(), b.ks(), b.logLoss()));
        out.add(b.confusionAt(0.5));
        out.add(Thresholds.best(b, new ThresholdCriterion.MaxMcc()).threshold());
        out.add(ThresholdSweep.grid(b.operatingPoints(), 50, ThresholdSweep.Grid.parse("quantile")).mcc().length);
        out.add(DeLong.auc(d.scores(), d.labels(), d.weights()));
        out.add(DeLong.compare(List.of("a", "b"), List.of(d.scores(), d.other()), d.labels(), d.weights(), 0.95));
        out.add(BinaryMetrics.rocAuc(d.other(), d.labels()));
        MulticlassEvaluation m = MulticlassEvaluation.of(d.classes(), d.matrix(), names, d.weights());
        out.add(List.of(m.rocAucOvrMacro(), m.rocAucOvrMicro(), m.rocAucOvoWeighted(), m.averagePrecisionMicro(),
                m.mcc(), m.logLoss(), m.topKAccuracy(2)));
        out.add(m.rocCurveMicro());
        out.add(m.rocCurveMacro());
        out.add(m.confusionMatrix());
        MulticlassEvaluation u = MulticlassEvaluation.of(d.classes(), d.matrix(), names, null);
        out.add(u.rocCurveMicro());
        out.add(List.of(u.rocAucOvrMicro(), u.averagePrecisionMicro()));
        return out;
    }

    @Test
    void eightThreadsOnTheSameAndOnDifferentInputsGetTheSerialResults() throws Exception {
        List<String> names = List.of("a", "b", "c", "d");
        // 40,000 x 4 scores: the multi-class columns run in parallel inside each evaluation too
        Data[] data = {Data.of(1, 40_000, 4), Data.of(2, 3_000, 4), Data.of(3, 500, 4)};
        List<List<Object>> serial = new ArrayList<>();
        for (Data d : data) {
            serial.add(work(d, names));
        }
        List<Callable<List<Object>>> tasks = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            Data d = data[t % 2 == 0 ? 0 : t % 3];
            tasks.add(() -> work(d, names));
        }
        List<List<Object>> parallel = InParallel.run(8, tasks);
        for (int t = 0; t < tasks.size(); t++) {
            assertEquals(serial.get(t % 2 == 0 ? 0 : t % 3), parallel.get(t), "task " + t);
        }
    }

    @Test
    void oneEvaluationSharedByEightThreads() throws Exception {
        Data d = Data.of(4, 20_000, 5);
        List<String> names = List.of("a", "b", "c", "d", "e");
        MulticlassEvaluation shared = MulticlassEvaluation.of(d.classes(), d.matrix(), names, null);
        BinaryEvaluation binary = BinaryEvaluation.of(d.scores(), d.labels());
        RocCurve micro = MulticlassEvaluation.of(d.classes(), d.matrix(), names, null).rocCurveMicro();
        List<Callable<List<Object>>> tasks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            // the micro curve is built on first request: all threads ask at once
            tasks.add(() -> List.of(shared.rocCurveMicro(), shared.rocCurveMacro(), binary.rocCurve(),
                    binary.confusionAt(0.3), Thresholds.best(binary, new ThresholdCriterion.Youden()).threshold()));
        }
        for (List<Object> r : InParallel.run(8, tasks)) {
            assertEquals(micro, r.get(0));
            assertEquals(shared.rocCurveMacro(), r.get(1));
            assertEquals(binary.rocCurve(), r.get(2));
            assertEquals(binary.confusionAt(0.3), r.get(3));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 8})
    void everyBootstrapIsTheSameOnAnyNumberOfThreads(int threads) {
        Data d = Data.of(5, 400, 3);
        List<String> names = List.of("a", "b", "c");
        BootstrapOptions one = BootstrapOptions.defaults().withReplicates(40).withSeed(17).withThreads(1);
        BootstrapOptions many = one.withThreads(threads);
        Function<BootstrapOptions, List<Object>> all = o -> List.of(
                Bootstrap.binary(d.scores(), d.labels(), d.weights(), o, BinaryStatistic.rocAuc(),
                        BinaryStatistic.averagePrecision(), BinaryStatistic.sensitivityAtSpecificity(0.9)),
                Bootstrap.binary(d.scores(), d.labels(), null, o, BinaryStatistic.rocAuc()),
                Bootstrap.compare(List.of("a", "b"), List.of(d.scores(), d.other()), d.labels(), d.weights(), o),
                Bootstrap.compareUnpaired("a", d.scores(), d.labels(), d.weights(), "b", d.other(), d.labels(), null, o),
                Bootstrap.rocBand(d.scores(), d.labels(), d.weights(), new double[] {0.5, 0.9}, o),
                Bootstrap.multiclass(d.classes(), d.matrix(), names, d.weights(), o),
                Bootstrap.multiclassOneVsRest(d.classes(), d.matrix(), names, d.weights(), o),
                Bootstrap.compareMulticlassMacro("a", d.matrix(), "b", d.matrix(), d.classes(), names, null, o),
                Bootstrap.stratified(d.classes(), d.weights(), o, rw -> new double[] {
                    BinaryEvaluation.of(d.scores(), d.labels(), rw).rocAuc()}));
        List<Object> a = all.apply(one);
        List<Object> b = all.apply(many);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i), b.get(i), "bootstrap " + i + " on " + threads + " threads");
        }
    }

    /**
     * The entry points merged with slices, folds and cost decisions: slices (DeLong and bootstrap
     * intervals), folds and least-cost decisions, on 8 threads at once, equal the serial results;
     * the slices' bootstrap runs on 1 thread serially and on 3 threads inside each task.
     */
    @Test
    void slicesFoldsAndCostDecisionsOnEightThreadsGetTheSerialResults() throws Exception {
        List<String> names = List.of("a", "b", "c");
        Data[] data = {Data.of(6, 6_000, 3), Data.of(7, 900, 3)};
        CostMatrix costs = CostMatrix.of(names, new double[][] {{0, 1, 4}, {2, 0, 1}, {8, 3, 0}});
        Function<Data, Slices> slicesOf = d -> {
            String[] group = new String[d.scores().length];
            String[] fold = new String[group.length];
            for (int i = 0; i < group.length; i++) {
                group[i] = "g" + (i * 7 % 5);
                fold[i] = "f" + (i % 4);
            }
            return Slices.of(List.of("group", "fold"), List.of(group, fold));
        };
        Function<Data, Slices> foldsOf = d -> {
            String[] fold = new String[d.scores().length];
            for (int i = 0; i < fold.length; i++) {
                fold[i] = "f" + (i % 4);
            }
            return Slices.of(List.of("fold"), List.<String[]>of(fold));
        };
        java.util.function.BiFunction<Data, Integer, List<Object>> work = (d, threads) -> {
            BootstrapOptions boot = BootstrapOptions.defaults().withReplicates(30).withSeed(5).withThreads(threads);
            double[] flat = new double[d.matrix().length * 3];
            for (int i = 0; i < d.matrix().length; i++) {
                System.arraycopy(d.matrix()[i], 0, flat, i * 3, 3);
            }
            SliceEvaluation delong = SliceEvaluation.binary(d.scores(), d.labels(), d.weights(), slicesOf.apply(d),
                    SummaryOptions.defaults(), new SliceEvaluation.Intervals.DeLongIntervals(), 0);
            SliceEvaluation bootstrap = SliceEvaluation.binary(d.scores(), d.labels(), d.weights(), slicesOf.apply(d),
                    SummaryOptions.defaults(), new SliceEvaluation.Intervals.BootstrapIntervals(boot), 0);
            SliceEvaluation multi = SliceEvaluation.multiclass(d.classes(), d.matrix(), names, d.weights(),
                    slicesOf.apply(d), SummaryOptions.defaults(), new SliceEvaluation.Intervals.None(), 0);
            FoldEvaluation folds = FoldEvaluation.binary(d.scores(), d.labels(), d.weights(), foldsOf.apply(d),
                    SummaryOptions.defaults(), AveragedCurve.linearGrid(20));
            FoldEvaluation multiFolds = FoldEvaluation.multiclass(d.classes(), d.matrix(), names, d.weights(),
                    foldsOf.apply(d), SummaryOptions.defaults());
            CostDecision decision = CostDecision.of(d.classes(), flat, d.weights(), costs);
            return List.of(delong.slices(), delong.warnings(), bootstrap.slices(), multi.slices(), folds.folds(),
                    folds.pooled(), folds.statistics(), folds.roc(), folds.curves(), multiFolds.folds(),
                    multiFolds.statistics(), List.of(decision.decisions().length, decision.totalCost(),
                            decision.argmaxTotalCost(), decision.warnings()),
                    java.util.Arrays.stream(decision.decisions()).boxed().toList(), decision.confusion(),
                    decision.argmaxConfusion());
        };
        List<List<Object>> serial = new ArrayList<>();
        for (Data d : data) {
            serial.add(work.apply(d, 1));
        }
        List<Callable<List<Object>>> tasks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Data d = data[t % 2];
            tasks.add(() -> work.apply(d, 3));
        }
        List<List<Object>> parallel = InParallel.run(8, tasks);
        for (int t = 0; t < tasks.size(); t++) {
            assertEquals(serial.get(t % 2), parallel.get(t), "task " + t);
        }
    }
}

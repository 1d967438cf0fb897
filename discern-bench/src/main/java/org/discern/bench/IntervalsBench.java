package org.discern.bench;

import java.util.concurrent.TimeUnit;

import org.discern.metrics.AucComparison;
import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.BinaryStatistic;
import org.discern.metrics.Bootstrap;
import org.discern.metrics.BootstrapOptions;
import org.discern.metrics.ConfidenceInterval;
import org.discern.metrics.DeLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 4's speed targets: the DeLong interval of 1e7 scores against the AUC alone (target: at
 * most twice), the paired DeLong test, and 2000 stratified bootstrap replicates of the AUC of
 * 1e5 scores (target: at most 5 s). Each invocation is a whole computation from the raw arrays
 * (sort included), timed once: single-shot mode.
 *
 * <p>The data are the deterministic sequence of {@code scripts/proc_timing.R}, so pROC can be
 * timed on exactly the same numbers: for i = 0 .. n-1, label = (i mod 10) &lt; 3, score =
 * frac(i * 0.6180339887498949) + 0.25 * label, score_b = frac(i * 0.7548776662466927) + 0.2 *
 * label.
 *
 * <pre>
 * mvn -q -o package -pl discern-bench -am -DskipTests
 * java -jar discern-bench/target/benchmarks.jar IntervalsBench
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
public class IntervalsBench {

    /** The shared deterministic data set (see the class comment). */
    static void fill(double[] s, double[] sb, boolean[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 10 < 3;
            s[i] = (i * 0.6180339887498949) % 1.0 + (y[i] ? 0.25 : 0);
            sb[i] = (i * 0.7548776662466927) % 1.0 + (y[i] ? 0.2 : 0);
        }
    }

    /** 1e7 scores for the DeLong benchmarks. */
    @State(Scope.Benchmark)
    public static class Large {
        @Param({"10000000"})
        int n;
        double[] scores;
        double[] scoresB;
        boolean[] labels;

        @Setup(Level.Trial)
        public void setUp() {
            scores = new double[n];
            scoresB = new double[n];
            labels = new boolean[n];
            fill(scores, scoresB, labels);
        }
    }

    /** 1e5 scores for the bootstrap. */
    @State(Scope.Benchmark)
    public static class Medium {
        @Param({"100000"})
        int n;
        @Param({"1", "2"})
        int threads;
        double[] scores;
        double[] scoresB;
        boolean[] labels;

        @Setup(Level.Trial)
        public void setUp() {
            scores = new double[n];
            scoresB = new double[n];
            labels = new boolean[n];
            fill(scores, scoresB, labels);
        }
    }

    /** The ROC AUC alone: operating points (one sort) and the trapezoid sum. */
    @Benchmark
    public double aucAlone(Large d) {
        return BinaryEvaluation.of(d.scores, d.labels).rocAuc();
    }

    /** AUC, DeLong variance and 95% interval from the same table. */
    @Benchmark
    public ConfidenceInterval deLongInterval(Large d) {
        return DeLong.auc(d.scores, d.labels, null).interval(0.95);
    }

    /** Paired DeLong test of two columns (two sorts, per-sample placement values). */
    @Benchmark
    public AucComparison deLongPaired(Large d) {
        return DeLong.paired(d.scores, d.scoresB, d.labels, null, 0.95);
    }

    /** 2000 stratified bootstrap replicates of the AUC, percentile interval. */
    @Benchmark
    public ConfidenceInterval bootstrapAuc2000(Medium d) {
        BootstrapOptions o = BootstrapOptions.defaults().withThreads(d.threads);
        return Bootstrap.binary(d.scores, d.labels, null, o, BinaryStatistic.rocAuc()).interval(0);
    }
}

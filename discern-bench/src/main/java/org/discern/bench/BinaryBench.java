package org.discern.bench;

import java.util.concurrent.TimeUnit;

import org.discern.io.SummaryJson;
import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.BinaryMetrics;
import org.discern.metrics.EvaluationSummary;
import org.discern.metrics.OperatingPoints;
import org.discern.metrics.RocCurve;
import org.discern.metrics.SummaryOptions;
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
 * Binary core on fraud-like float scores ({@link BinaryData}: 0.2% positives, ties), one call
 * per operation, inputs excluded. Run with {@code -prof gc}: {@code gc.alloc.rate.norm / n} is
 * the memory per sample beyond the input arrays.
 *
 * <p>{@code rocAuc} and {@code averagePrecision} are the one-shot {@link BinaryMetrics} paths;
 * {@code rocCurve} builds the operating-point table and the curve with collinear points dropped
 * (scikit-learn's {@code roc_curve} default); the {@code *Table} benchmarks compute the two
 * summaries through that table, for comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class BinaryBench {
    @Param({"1000000", "10000000"})
    public int n;

    private float[] scores;
    private double[] doubleScores;
    private boolean[] labels;

    @Setup(Level.Trial)
    public void setUp() {
        BinaryData d = BinaryData.generate(n, BinaryData.SEED);
        scores = d.scores;
        labels = d.labels;
        doubleScores = BinaryData.doubleScores(n, BinaryData.SEED);
    }

    @Benchmark
    public double rocAuc() {
        return BinaryMetrics.rocAuc(scores, labels);
    }

    @Benchmark
    public double averagePrecision() {
        return BinaryMetrics.averagePrecision(scores, labels);
    }

    @Benchmark
    public double rocAucTable() {
        return BinaryEvaluation.of(OperatingPoints.of(scores, labels)).rocAuc();
    }

    @Benchmark
    public RocCurve rocCurve() {
        return BinaryEvaluation.of(OperatingPoints.of(scores, labels)).rocCurve();
    }

    @Benchmark
    public double averagePrecisionTable() {
        return BinaryEvaluation.of(OperatingPoints.of(scores, labels)).averagePrecision();
    }

    /**
     * {@code discern evaluate --format json} after parsing: the evaluation, its summary (every
     * metric, the confusion matrix at 0.5) and the JSON text.
     */
    @Benchmark
    public String evaluateJson() {
        BinaryEvaluation ev = BinaryEvaluation.of(scores, labels);
        return SummaryJson.toText(EvaluationSummary.binary(ev, SummaryOptions.defaults()));
    }

    /**
     * As {@link #evaluateJson()} for double scores ({@link BinaryData#doubleScores}: what a CSV of
     * 17-digit scores, a float64 Parquet column or NumPy array gives), which the table sorts as
     * 64-bit keys.
     */
    @Benchmark
    public String evaluateJsonDoubles() {
        BinaryEvaluation ev = BinaryEvaluation.of(doubleScores, labels);
        return SummaryJson.toText(EvaluationSummary.binary(ev, SummaryOptions.defaults()));
    }
}

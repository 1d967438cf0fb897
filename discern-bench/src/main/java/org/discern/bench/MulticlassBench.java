package org.discern.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.discern.io.SummaryJson;
import org.discern.metrics.EvaluationSummary;
import org.discern.metrics.MulticlassEvaluation;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Multi-class evaluation at the malware-question scale: n = 1e6 samples, K = 25 classes, float32
 * softmax probabilities. The measured operation is the one scikit-learn is timed on by
 * {@code scripts/sklearn_multiclass.py}: all 25 one-vs-rest ROC curves plus every ROC AUC average
 * (ovr macro, weighted, micro; ovo macro, weighted). Target: at most 1 s on the 2-core machine.
 *
 * <p>Data: the file written by {@code /usr/bin/python3 discern-bench/scripts/sklearn_multiclass.py}
 * (default {@code /tmp/discern-multiclass-1e6x25.bin}: int32 n, int32 K, n int32 labels, n*K
 * float32 scores, little-endian), so both tools see the same numbers. Without the file, a
 * synthetic sample of the same shape and distribution is generated (seeded), and the figures are
 * then not comparable one to one.
 *
 * <pre>
 * mvn -q -o package -pl discern-bench -am -DskipTests
 * java -jar discern-bench/target/benchmarks.jar MulticlassBench
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class MulticlassBench {
    @Param({"/tmp/discern-multiclass-1e6x25.bin"})
    public String dataFile;

    int[] labels;
    float[] scores;
    List<String> classes;

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path p = Path.of(dataFile);
        if (Files.isReadable(p)) {
            try (FileChannel ch = FileChannel.open(p)) {
                ByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN);
                int n = b.getInt();
                int k = b.getInt();
                labels = new int[n];
                b.asIntBuffer().get(labels);
                b.position(8 + 4 * n);
                scores = new float[n * k];
                b.asFloatBuffer().get(scores);
                classes = names(k);
            }
        } else {
            synthetic(1_000_000, 25, 25);
        }
    }

    /** Same shape as the Python generator: Zipf-like class prior, logits N(0,1) + 2 on the true class. */
    private void synthetic(int n, int k, long seed) {
        Random r = new Random(seed);
        double[] cum = new double[k];
        double total = 0;
        for (int c = 0; c < k; c++) {
            total += 1 / Math.pow(c + 1, 0.8);
            cum[c] = total;
        }
        labels = new int[n];
        scores = new float[n * k];
        float[] z = new float[k];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble() * total;
            int y = 0;
            while (cum[y] < u) {
                y++;
            }
            labels[i] = y;
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                z[c] = (float) r.nextGaussian() + (c == y ? 2f : 0f);
                max = Math.max(max, z[c]);
            }
            float sum = 0;
            for (int c = 0; c < k; c++) {
                z[c] = (float) Math.exp(z[c] - max);
                sum += z[c];
            }
            for (int c = 0; c < k; c++) {
                scores[i * k + c] = z[c] / sum;
            }
        }
        classes = names(k);
    }

    private static List<String> names(int k) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            out.add("family_" + c);
        }
        return out;
    }

    /**
     * Wall and process CPU time per operation outside JMH, for a loaded machine where wall time
     * says little: {@code java -Xmx6g -cp discern-bench/target/benchmarks.jar
     * org.discern.bench.MulticlassBench [dataFile] [repetitions]}.
     */
    public static void main(String[] args) throws IOException {
        MulticlassBench b = new MulticlassBench();
        b.dataFile = args.length > 0 ? args[0] : "/tmp/discern-multiclass-1e6x25.bin";
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        b.load();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(java.util.Locale.ROOT, "n=%d K=%d, %d cores, common pool parallelism %d%n", b.labels.length,
                b.classes.size(), Runtime.getRuntime().availableProcessors(),
                java.util.concurrent.ForkJoinPool.getCommonPoolParallelism());
        for (int r = 0; r < reps; r++) {
            long c0 = os.getProcessCpuTime();
            long w0 = System.nanoTime();
            MulticlassEvaluation ev = MulticlassEvaluation.of(b.labels, b.scores, b.classes, null);
            long points = 0;
            for (int c = 0; c < ev.classCount(); c++) {
                points += ev.rocCurve(c).size();
            }
            double sum = ev.rocAucOvrMacro() + ev.rocAucOvrWeighted() + ev.rocAucOvrMicro() + ev.rocAucOvoMacro()
                    + ev.rocAucOvoWeighted();
            long w1 = System.nanoTime();
            long c1 = os.getProcessCpuTime();
            System.out.printf(java.util.Locale.ROOT,
                    "run %2d: wall %6.3f s, cpu %6.3f s  (%d curve points; ovr macro %.12f, ovo macro %.12f, micro %.12f, sum %.6f)%n",
                    r, (w1 - w0) / 1e9, (c1 - c0) / 1e9, points, ev.rocAucOvrMacro(), ev.rocAucOvoMacro(),
                    ev.rocAucOvrMicro(), sum);
        }
    }

    /** The target: 25 per-class ROC curves and every ROC AUC average. */
    @Benchmark
    public double allCurvesAndAucAverages(Blackhole bh) {
        MulticlassEvaluation ev = MulticlassEvaluation.of(labels, scores, classes, null);
        for (int c = 0; c < ev.classCount(); c++) {
            bh.consume(ev.rocCurve(c));
        }
        return ev.rocAucOvrMacro() + ev.rocAucOvrWeighted() + ev.rocAucOvrMicro() + ev.rocAucOvoMacro()
                + ev.rocAucOvoWeighted();
    }

    /**
     * {@code discern evaluate --format json} after parsing: the evaluation, its summary (every
     * average, top-2 and top-3 accuracy, the per-class rows, the confusion matrix) and the JSON text.
     */
    @Benchmark
    public String evaluateJson() {
        MulticlassEvaluation ev = MulticlassEvaluation.of(labels, scores, classes, null);
        return SummaryJson.toText(EvaluationSummary.multiclass(ev, SummaryOptions.defaults()));
    }

    /**
     * Everything else as well: average precision averages, the 25 PR curves, the micro-average ROC
     * curve (which sorts the 25e6 pooled scores) and the macro-average ROC curve.
     */
    @Benchmark
    public double everything(Blackhole bh) {
        MulticlassEvaluation ev = MulticlassEvaluation.of(labels, scores, classes, null);
        for (int c = 0; c < ev.classCount(); c++) {
            bh.consume(ev.rocCurve(c));
            bh.consume(ev.precisionRecallCurve(c));
        }
        bh.consume(ev.rocCurveMicro());
        bh.consume(ev.rocCurveMacro());
        bh.consume(ev.confusionMatrix());
        return ev.rocAucOvrMacro() + ev.rocAucOvrWeighted() + ev.rocAucOvrMicro() + ev.rocAucOvoMacro()
                + ev.rocAucOvoWeighted() + ev.averagePrecisionMacro() + ev.averagePrecisionWeighted()
                + ev.averagePrecisionMicro() + ev.topKAccuracy(3) + ev.logLoss();
    }
}

package org.discern.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.discern.io.InputSpec;
import org.discern.io.PredictionReader;
import org.discern.io.Predictions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse throughput of a plain binary CSV ({@code label,score}, scores with up to 17 significant
 * digits) through the one input path, {@code PredictionReader.read} (the parallel chunked reader
 * on all cores), page cache warm. The file is written once (seeded) under {@code dir} and kept;
 * throughput is its size divided by the score (MB/s = bytes / 1e6 / seconds):
 *
 * <pre>
 * java -jar discern-bench/target/benchmarks.jar ParseBench -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class ParseBench {
    @Param({"10000000"})
    public int rows;

    @Param({"/tmp/discern-parse-bench"})
    public String dir;

    InputSpec spec;

    @Setup
    public void setUp() throws IOException {
        Path file = Path.of(dir, "binary_" + rows + ".csv");
        if (!Files.isRegularFile(file)) {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "parse", ".tmp");
            SplittableRandom r = new SplittableRandom(20261206L);
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
                out.write("label,score\n".getBytes(StandardCharsets.US_ASCII));
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < rows; i++) {
                    boolean y = r.nextDouble() < 0.3;
                    double s = 1 / (1 + Math.exp(-(r.nextGaussian() + (y ? 1.2 : 0))));
                    sb.append(y ? '1' : '0').append(',').append(s).append('\n');
                    if (sb.length() > 1 << 16) {
                        out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
                        sb.setLength(0);
                    }
                }
                out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
            }
            Files.move(tmp, file);
        }
        System.out.println("\nParseBench file: " + file + ", " + Files.size(file) + " bytes");
        spec = InputSpec.builder().file(file).build();
    }

    @Benchmark
    public Predictions read() throws IOException {
        return PredictionReader.read(spec);
    }
}

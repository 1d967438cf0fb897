package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import org.discern.metrics.Fixtures;
import org.discern.metrics.InParallel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The readers merged with Parquet and the parallel chunked CSV reader are thread-safe: 8 threads
 * reading the same files at once (Parquet files of every codec and layout, CSV files through the
 * chunked reader with its own worker threads) get exactly the serial result.
 */
class ConcurrentReadTest {
    @TempDir
    Path tmp;

    /** A reading as a comparable value (binary predictions hold arrays; the others compare by content). */
    private static Object fingerprint(Predictions p) {
        if (p instanceof BinaryPredictions b) {
            return List.of(b.layout(), Arrays.toString(b.labels()), Arrays.toString(b.scores()),
                    String.valueOf(Arrays.toString(b.weights())), String.valueOf(b.positiveLabel()),
                    String.valueOf(b.labelValues()));
        }
        return p;
    }

    /** Reads every input serially, then 16 times on 8 threads, and compares. */
    private static void sameOnEightThreads(List<Callable<Object>> reads) throws Exception {
        List<Object> serial = new ArrayList<>();
        for (Callable<Object> r : reads) {
            serial.add(r.call());
        }
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            tasks.add(reads.get(t % reads.size()));
        }
        List<Object> parallel = InParallel.run(8, tasks);
        for (int t = 0; t < tasks.size(); t++) {
            assertEquals(serial.get(t % reads.size()), parallel.get(t), "task " + t);
        }
    }

    @Test
    void parquetFilesReadOnEightThreadsEqualTheSerialReading() throws Exception {
        List<Callable<Object>> reads = new ArrayList<>();
        for (String name : List.of("binary_breast_cancer_bigint.gzip.parquet", "binary_fraudlike_5000_v2.gzip.parquet",
                "binary_weighted_float_boolean.zstd.parquet", "multiclass_digits_v2.zstd.parquet",
                "multiclass_small_ties_vector.snappy.parquet", "multilabel_small.snappy.parquet")) {
            Path file = ParquetReaderTest.parquet(name);
            reads.add(() -> fingerprint(PredictionReader.read(InputSpec.builder().file(file).build())));
        }
        sameOnEightThreads(reads);
    }

    @Test
    void chunkedCsvReadOnEightThreadsEqualsTheSerialReading() throws Exception {
        // 60,000 weighted binary rows with quoted labels: many chunks of 4 KB, 3 workers per reading
        SplittableRandom r = new SplittableRandom(11);
        StringBuilder csv = new StringBuilder("label,score,weight\n");
        for (int i = 0; i < 60_000; i++) {
            csv.append(r.nextInt(5) == 0 ? "\"1\"" : String.valueOf(r.nextInt(2))).append(',')
                    .append(r.nextInt(1000) / 1000.0).append(',').append(r.nextInt(4)).append('\n');
        }
        Path binary = tmp.resolve("binary.csv");
        Files.write(binary, csv.toString().getBytes(StandardCharsets.UTF_8));
        InputSpec binarySpec = InputSpec.builder().file(binary).weightColumn("weight").build();
        Path multi = Fixtures.csv("multiclass_digits", tmp);
        InputSpec multiSpec = InputSpec.builder().file(multi).build();
        Path multiLabel = Fixtures.csv("multilabel_small", tmp);
        InputSpec multiLabelSpec = InputSpec.builder().file(multiLabel).build();
        for (InputSpec spec : List.of(binarySpec, multiSpec, multiLabelSpec)) {
            assertNotNull(ChunkedCsv.read(spec.file(), spec, 4096, 3), "the chunked reader takes " + spec.file());
        }
        List<Callable<Object>> reads = new ArrayList<>();
        for (InputSpec spec : List.of(binarySpec, multiSpec, multiLabelSpec)) {
            reads.add(() -> fingerprint(ChunkedCsv.read(spec.file(), spec, 4096, 3)));
            reads.add(() -> fingerprint(PredictionReader.read(spec)));
        }
        sameOnEightThreads(reads);
        // and the chunked reading is the sequential reader's
        assertEquals(fingerprint(BinaryCsvReader.of(binarySpec).read(binary)),
                fingerprint(ChunkedCsv.read(binary, binarySpec, 4096, 3)));
        assertEquals(fingerprint(MultiClassCsvReader.of(multiSpec).read(multi)),
                fingerprint(ChunkedCsv.read(multi, multiSpec, 4096, 3)));
    }
}

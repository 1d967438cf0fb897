package org.discern.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.discern.metrics.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line run in-process from 8 threads at once prints exactly what it prints alone. */
class ConcurrentCliTest {
    @TempDir
    Path dir;

    /** 400 binary rows with a group and a fold column (deterministic). */
    private Path grouped() throws java.io.IOException {
        StringBuilder b = new StringBuilder("label,score,g,fold\n");
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < 400; i++) {
            int y = r.nextInt(3) == 0 ? 1 : 0;
            b.append(y).append(',').append(Math.rint((r.nextGaussian() + y) * 20) / 20).append(',')
                    .append("abc".charAt(i % 3)).append(',').append(i % 4).append('\n');
        }
        return java.nio.file.Files.writeString(dir.resolve("grouped.csv"), b);
    }

    private Path animals() throws java.io.IOException {
        return java.nio.file.Files.writeString(dir.resolve("animals.csv"),
                "label,cat,dog,fox\ncat,0.6,0.3,0.1\ndog,0.1,0.85,0.05\ndog,0.5,0.5,0\nfox,0.2,0.3,0.5\n");
    }

    private Path costs() throws java.io.IOException {
        return java.nio.file.Files.writeString(dir.resolve("costs.csv"),
                "true\\decided,cat,dog,fox\ncat,0,1,1\ndog,1,0,1\nfox,10,10,0\n");
    }

    @Test
    void eightThreadsPrintTheSerialOutput() throws Exception {
        List<String[]> lines = List.of(
                new String[] {"evaluate", Fixtures.csv("binary_breast_cancer", dir).toString(), "--format", "json"},
                new String[] {"evaluate", Fixtures.csv("multiclass_digits", dir).toString(), "--format", "json"},
                new String[] {"evaluate", Fixtures.csv("binary_weighted", dir).toString(), "--weight", "weight",
                    "--ci", "bootstrap", "--replicates", "50", "--threads", "3", "--format", "json"},
                new String[] {"threshold", Fixtures.csv("binary_small_ties", dir).toString(), "--format", "json"},
                // slices with bootstrap intervals, folds, least-cost decisions (merged later)
                new String[] {"evaluate", grouped().toString(), "--group", "g", "--ci", "bootstrap", "--replicates", "30",
                    "--threads", "2", "--format", "json"},
                new String[] {"evaluate", grouped().toString(), "--fold", "fold", "--format", "json"},
                new String[] {"threshold", animals().toString(), "--cost-matrix", costs().toString(), "--format", "json"});
        List<CliRunner.Result> serial = new ArrayList<>();
        for (String[] l : lines) {
            serial.add(CliRunner.run(l));
            assertEquals(0, serial.get(serial.size() - 1).code(), serial.get(serial.size() - 1).err());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<CliRunner.Result>> futures = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                String[] l = lines.get(t % lines.size());
                futures.add(pool.submit(() -> CliRunner.run(l)));
            }
            for (int t = 0; t < futures.size(); t++) {
                CliRunner.Result r = futures.get(t).get();
                CliRunner.Result s = serial.get(t % lines.size());
                assertEquals(0, r.code(), r.err());
                assertEquals(s.out(), r.out(), "run " + t);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

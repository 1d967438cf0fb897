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

    @Test
    void eightThreadsPrintTheSerialOutput() throws Exception {
        List<String[]> lines = List.of(
                new String[] {"evaluate", Fixtures.csv("binary_breast_cancer", dir).toString(), "--format", "json"},
                new String[] {"evaluate", Fixtures.csv("multiclass_digits", dir).toString(), "--format", "json"},
                new String[] {"evaluate", Fixtures.csv("binary_weighted", dir).toString(), "--weight", "weight",
                    "--ci", "bootstrap", "--replicates", "50", "--threads", "3", "--format", "json"},
                new String[] {"threshold", Fixtures.csv("binary_small_ties", dir).toString(), "--format", "json"});
        List<CliRunner.Result> serial = new ArrayList<>();
        for (String[] l : lines) {
            serial.add(CliRunner.run(l));
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

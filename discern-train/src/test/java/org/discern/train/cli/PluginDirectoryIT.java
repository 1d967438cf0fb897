package org.discern.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.discern.cli.CliRunner;
import org.discern.cli.DiscernProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed plug-in as the launcher uses it: {@code java -cp discern.jar:target/plugin/*}.
 * The directory holds what training needs beyond the evaluation jar, and nothing the jar has.
 */
class PluginDirectoryIT {

    private static String classPath() {
        return DiscernProcess.builtFile("discern.jar") + java.io.File.pathSeparator
                + DiscernProcess.builtFile("discern.plugin.dir").resolve("*");
    }

    @Test
    void trainRunsFromThePluginDirectory(@TempDir Path dir) throws Exception {
        String cp = classPath();
        CliRunner.Result h = DiscernProcess.run(cp, List.of("--help"), dir);
        assertEquals(0, h.code(), h.err());
        assertTrue(h.out().contains("\n  train      Train a small network under imbalance strategies"), h.out());

        CliRunner.Result s = DiscernProcess.run(cp, List.of("train", "synth-fraud", "--rows", "600", "--positives",
                "30", "--out", "f.csv"), dir);
        assertEquals(0, s.code(), s.err());
        // PyTorch natives, DJL and the SLF4J no-op provider all come from the directory
        CliRunner.Result t = DiscernProcess.run(cp, List.of("train", "f.csv", "--strategies", "baseline", "--epochs",
                "1", "--batch-size", "128", "--quiet", "--out", "run"), dir);
        assertEquals(0, t.code(), t.err());
        assertTrue(Files.isRegularFile(dir.resolve("run").resolve("baseline").resolve("network.params")));
    }

    @Test
    void holdsNoClassOfTheEvaluationJar() throws IOException {
        Set<String> evaluation = classes(DiscernProcess.builtFile("discern.jar"));
        List<Path> jars;
        try (Stream<Path> s = Files.list(DiscernProcess.builtFile("discern.plugin.dir"))) {
            jars = s.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        }
        assertTrue(jars.stream().anyMatch(j -> j.getFileName().toString().equals("discern-train.jar")), jars::toString);
        assertTrue(jars.stream().anyMatch(j -> j.getFileName().toString().startsWith("pytorch-native-cpu-")),
                jars::toString);
        List<String> both = new ArrayList<>();
        for (Path j : jars) {
            for (String c : classes(j)) {
                if (evaluation.contains(c)) {
                    both.add(j.getFileName() + ": " + c);
                }
            }
        }
        assertEquals(List.of(), both.subList(0, Math.min(5, both.size())));
    }

    private static Set<String> classes(Path jar) throws IOException {
        Set<String> out = new HashSet<>();
        try (ZipFile z = new ZipFile(jar.toFile())) {
            z.stream().map(ZipEntry::getName)
                    .filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class") && !n.startsWith("META-INF/"))
                    .forEach(out::add);
        }
        return out;
    }
}

package org.discern.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded evaluation jar ({@code discern-cli/target/discern.jar}): small, without the
 * deep-learning engine, and without the training plug-in it says how to get train and predict.
 */
class EvaluationJarIT {
    /** The size the evaluation jar must stay under (issue 12: under 15 MB). */
    private static final long MAX_BYTES = 15_000_000;

    @Test
    void isUnder15MbAndHoldsNoDeepLearningEngine() throws Exception {
        Path jar = DiscernProcess.builtFile("discern.jar");
        long size = Files.size(jar);
        assertTrue(size < MAX_BYTES, jar + " is " + size + " bytes");
        try (ZipFile z = new ZipFile(jar.toFile())) {
            Set<String> names = z.stream().map(ZipEntry::getName).collect(Collectors.toSet());
            List<String> engine = names.stream().filter(n -> n.startsWith("ai/djl/") || n.startsWith("pytorch")
                    || n.startsWith("org/pytorch/") || n.startsWith("jnilib/") || n.startsWith("native/lib/")
                    || n.contains("libtorch") || n.startsWith("org/discern/train/")).sorted().toList();
            assertEquals(List.of(), engine);
            // Parquet is read by io's own reader: no Hadoop, no parquet-java, no native codecs
            List<String> heavy = names.stream().filter(n -> n.startsWith("org/apache/hadoop/")
                    || n.startsWith("org/apache/parquet/") || n.startsWith("org/xerial/snappy/")
                    || n.startsWith("com/github/luben/")).sorted().toList();
            assertEquals(List.of(), heavy);
            // what it must hold: every evaluation module and the plug-in interface
            for (String c : List.of("org/discern/cli/Main.class", "org/discern/metrics/BinaryEvaluation.class",
                    "org/discern/io/InputException.class", "org/discern/report/HtmlReport.class",
                    "org/discern/plugin/CommandPlugin.class", "picocli/CommandLine.class",
                    "org/discern/io/ParquetFormat.class", "io/airlift/compress/snappy/SnappyDecompressor.class",
                    "io/airlift/compress/zstd/ZstdDecompressor.class")) {
                assertTrue(names.contains(c), c);
            }
        }
    }

    @Test
    void withoutThePluginTrainAndPredictSayHowToGetIt(@TempDir Path dir) throws Exception {
        Path jar = DiscernProcess.builtFile("discern.jar");
        CliRunner.Result v = DiscernProcess.runJar(jar, List.of("--version"), dir);
        assertEquals(0, v.code(), v.err());
        assertTrue(v.out().startsWith("discern " + System.getProperty("discern.version") + "\n"), v.out());

        CliRunner.Result h = DiscernProcess.run(jar.toString(), List.of("--help"), dir);
        assertEquals(0, h.code(), h.err());
        assertTrue(h.out().contains("\n  train      Not installed: comes with the training plug-in"), h.out());
        assertTrue(h.out().contains("\n  predict    Not installed: comes with the training plug-in"), h.out());

        CliRunner.Result t = DiscernProcess.run(jar.toString(), List.of("train", "data.csv", "--out", "run"), dir);
        assertEquals(ExitCodes.USAGE, t.code());
        assertEquals("", t.out());
        assertTrue(t.err().startsWith("discern: 'train' comes with the training plug-in (Deep Java Library and "
                + "PyTorch, about 120 MB), which is not installed; build it in the Discern checkout with"), t.err());
    }
}

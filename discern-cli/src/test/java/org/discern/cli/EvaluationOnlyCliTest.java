package org.discern.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code discern evaluate} of a binary file large enough for the chunked reader, which then
 * evaluates the rows as it reads them and keeps none ({@code InputSpec.evaluationOnly}): its
 * output is byte for byte the output of the same rows read and kept by the sequential reader (a
 * quoted header sends the file there), with every option that keeps the evaluation-only path.
 */
class EvaluationOnlyCliTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 3.0})
    void sameOutputAsTheRowsKept(double scale) throws IOException {
        writeRows(11, scale);
        Path plain = dir.resolve("plain.csv");
        Path quoted = dir.resolve("quoted.csv");
        List<List<String>> optionSets = List.of(List.of("--format", "json"),
                List.of("--format", "json", "--threshold", "0.3", "--max-fpr", "0.2"),
                List.of("--format", "json", "--ci", "delong"),
                List.of("--positive", "0"),
                List.of());
        for (List<String> options : optionSets) {
            CliRunner.Result a = CliRunner.run(args(plain, options));
            CliRunner.Result b = CliRunner.run(args(quoted, options));
            assertEquals(0, a.code(), a.err());
            assertEquals(0, b.code(), b.err());
            assertEquals(b.out().replace(quoted.toString(), plain.toString()), a.out(), options.toString());
        }
    }

    /**
     * {@code discern curves} reads binary input evaluation-only too and streams the curves from
     * the table: the files are byte for byte those of the rows read and kept.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void curvesSameAsTheRowsKept(boolean allThresholds) throws IOException {
        writeRows(12, 1.0);
        Path plain = dir.resolve("plain.csv");
        Path quoted = dir.resolve("quoted.csv");
        for (Path in : List.of(plain, quoted)) {
            List<String> a = new ArrayList<>(List.of("curves", in.toString(), "--out", dir.resolve("out-" + in.getFileName()).toString()));
            if (allThresholds) {
                a.add("--all-thresholds");
            }
            CliRunner.Result res = CliRunner.run(a.toArray(String[]::new));
            assertEquals(0, res.code(), res.err());
        }
        for (String f : List.of("roc.csv", "pr.csv", "det.csv")) {
            assertEquals(Files.readString(dir.resolve("out-quoted.csv").resolve(f)),
                    Files.readString(dir.resolve("out-plain.csv").resolve(f)), f);
        }
    }

    /**
     * A NumPy pair is evaluated as it is read too (no array of its scores): 2.5 million rows run in
     * a 96 MB heap, where arrays of them would need about 114 MB, which the heap check refuses
     * before reading when the rows are kept ({@code --ci bootstrap}). The JSON is that of the same
     * rows read from a CSV file.
     */
    @Test
    void numpyPairEvaluatedInTheHeapItNeeds() throws Exception {
        int n = 2_500_000;
        SplittableRandom r = new SplittableRandom(13);
        ByteBuffer y = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer p = ByteBuffer.allocate(8 * n).order(ByteOrder.LITTLE_ENDIAN);
        StringBuilder csv = new StringBuilder("label,score\n");
        for (int i = 0; i < n; i++) {
            boolean positive = r.nextInt(10) < 2;
            double s = r.nextInt(1000) / 1000.0 + (positive ? 0.05 : 0);
            y.put((byte) (positive ? 1 : 0));
            p.putDouble(s);
            if (i < 20_000) {
                csv.append(positive ? 1 : 0).append(',').append(s).append('\n');
            }
        }
        Path labels = dir.resolve("y.npy");
        Path scores = dir.resolve("p.npy");
        MulticlassCliTest.writeNpy(labels, "|i1", false, y.array(), n);
        MulticlassCliTest.writeNpy(scores, "<f8", false, p.array(), n);
        List<String> args = List.of("evaluate", "--labels", labels.toString(), "--scores", scores.toString(),
                "--format", "json");
        CliRunner.Result fits = ChildJvm.run(dir, List.of("-Xmx96m"), args);
        assertEquals(0, fits.code(), fits.err());
        assertTrue(fits.out().contains("\"n\" : 2500000,"), fits.out());
        List<String> kept = new ArrayList<>(args);
        kept.addAll(List.of("--ci", "bootstrap"));
        CliRunner.Result refused = ChildJvm.run(dir, List.of("-Xmx96m"), kept);
        assertEquals(ExitCodes.INTERNAL, refused.code(), refused.err());
        assertTrue(refused.err().contains("2,500,000 rows of float64 scores need about 114 MB of Java heap"),
                refused.err());
        // the same rows as text and as arrays give the same JSON (the first 20,000, in process)
        Path small = dir.resolve("small.csv");
        Files.writeString(small, csv);
        MulticlassCliTest.writeNpy(labels, "|i1", false, java.util.Arrays.copyOf(y.array(), 20_000), 20_000);
        MulticlassCliTest.writeNpy(scores, "<f8", false, java.util.Arrays.copyOf(p.array(), 8 * 20_000), 20_000);
        CliRunner.Result text = CliRunner.run("evaluate", small.toString(), "--format", "json");
        CliRunner.Result arrays = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, arrays.code(), arrays.err());
        assertEquals(text.out(), arrays.out());
    }

    /**
     * Writes the same 12,000 seeded rows as plain.csv and as quoted.csv (a quoted header: the
     * sequential reader, which keeps the rows): mostly distinct doubles, some ties on a grid, both
     * zeros, each score times {@code scale}.
     */
    private void writeRows(long seed, double scale) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 12_000; i++) {
            boolean y = r.nextInt(10) < 3;
            double s = switch (r.nextInt(8)) {
                case 0 -> r.nextInt(20) / 19.0;
                case 1 -> r.nextBoolean() ? -0.0 : 0.0;
                default -> Math.min(1, Math.max(0, r.nextGaussian() * 0.2 + (y ? 0.6 : 0.4)));
            };
            rows.append(y ? "1" : "0").append(',').append(s * scale).append('\n');
        }
        Path plain = dir.resolve("plain.csv");
        Files.writeString(plain, "label,score\n" + rows);
        Files.writeString(dir.resolve("quoted.csv"), "\"label\",\"score\"\n" + rows);
        assertTrue(Files.size(plain) > 1 << 17, "large enough for the chunked reader");
    }

    private static String[] args(Path file, List<String> options) {
        List<String> a = new ArrayList<>(List.of("evaluate", file.toString()));
        a.addAll(options);
        return a.toArray(String[]::new);
    }
}

package org.discern.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

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

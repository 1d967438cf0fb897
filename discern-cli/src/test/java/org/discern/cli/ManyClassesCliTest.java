package org.discern.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Many classes and few rows (issue 10: 16,000 classes x 200 rows ran out of memory and hung):
 * memory linear in the number of classes, and outputs that stay usable: the confusion matrix as
 * its non-zero cells in JSON beyond 1,000 classes, not printed on the terminal beyond 50, no curve
 * files for classes absent from the labels.
 */
class ManyClassesCliTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    /**
     * A multi-class CSV: n rows of k classes named c0..c(k-1), labels among the first
     * {@code labelled} classes; the score of row i peaks at class (i * 7) % labelled. Returns the
     * argmax prediction of each row (the label is row i's label).
     */
    static int[][] write(Path file, int n, int k, int labelled, long seed) throws IOException {
        Random r = new Random(seed);
        int[] y = new int[n];
        int[] predicted = new int[n];
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("label");
            for (int c = 0; c < k; c++) {
                w.write(",c" + c);
            }
            w.write('\n');
            for (int i = 0; i < n; i++) {
                y[i] = r.nextInt(labelled);
                predicted[i] = (i * 7) % labelled;
                w.write("c" + y[i]);
                for (int c = 0; c < k; c++) {
                    w.write(c == predicted[i] ? ",0.9" : String.format(Locale.ROOT, ",%.3f", r.nextInt(800) / 1000.0));
                }
                w.write('\n');
            }
        }
        return new int[][] {y, predicted};
    }

    @ParameterizedTest(name = "{0} classes")
    @CsvSource({"1000", "1001"})
    void beyond1000ClassesTheJsonHoldsTheNonZeroCellsOfTheConfusionMatrix(int k) throws IOException {
        Path in = dir.resolve("in.csv");
        int[][] yp = write(in, 60, k, 12, 1);
        CliRunner.Result r = CliRunner.run("evaluate", in.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = MAPPER.readTree(r.out());
        long[][] counts = new long[12][12];
        for (int i = 0; i < 60; i++) {
            counts[yp[0][i]][yp[1][i]]++;
        }
        if (k <= 1000) {
            assertNull(j.get("confusion_matrix_nonzero"));
            assertEquals(k, j.get("confusion_matrix").size());
            assertEquals(counts[3][5], j.get("confusion_matrix").get(3).get(5).asLong());
            return;
        }
        assertNull(j.get("confusion_matrix"));
        JsonNode cells = j.get("confusion_matrix_nonzero");
        int at = 0;
        for (int t = 0; t < 12; t++) {
            for (int p = 0; p < 12; p++) {
                if (counts[t][p] != 0) {
                    assertEquals(List.of(t, p), List.of(cells.get(at).get(0).asInt(), cells.get(at).get(1).asInt()));
                    assertEquals(counts[t][p], cells.get(at).get(2).asLong());
                    assertTrue(cells.get(at).get(2).isIntegralNumber());
                    at++;
                }
            }
        }
        assertEquals(at, cells.size());
        String warning = "the confusion matrix of 1,001 classes is written as confusion_matrix_nonzero, its " + at
                + " non-zero cells as [true class index, predicted class index, count] (whole, it would have "
                + "1,002,001 cells)";
        assertTrue(j.get("warnings").toString().contains(warning), j.get("warnings").toString());
    }

    @ParameterizedTest(name = "{0} classes")
    @CsvSource({"50", "51"})
    void theTerminalShowsTheConfusionMatrixUpTo50Classes(int k) throws IOException {
        Path in = dir.resolve("in.csv");
        write(in, 80, k, k, 2);
        CliRunner.Result r = CliRunner.run("evaluate", in.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(k <= 50, r.out().contains("confusion matrix (rows = true class, columns = predicted class):"));
        assertEquals(k > 50, r.out().contains("confusion matrix: 51 x 51, not shown for more than 50 classes "
                + "(see --format json)"));
        for (String line : r.out().split("\n")) {
            assertFalse(line.endsWith(" "), "trailing blanks: '" + line + "'");
        }
    }

    @Test
    void classesAbsentFromTheLabelsHaveNoCurveFiles() throws IOException {
        Path in = dir.resolve("in.csv");
        write(in, 40, 5, 3, 3);
        Path out = dir.resolve("curves");
        CliRunner.Result r = CliRunner.run("curves", in.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("curve,class,file", "roc,c0,roc_c0.csv", "pr,c0,pr_c0.csv", "roc,c1,roc_c1.csv",
                "pr,c1,pr_c1.csv", "roc,c2,roc_c2.csv", "pr,c2,pr_c2.csv", "roc,c3,", "pr,c3,", "roc,c4,", "pr,c4,",
                "roc_micro,,roc_micro.csv", "roc_macro,,roc_macro.csv"), Files.readAllLines(out.resolve("index.csv")));
        assertFalse(Files.exists(out.resolve("roc_c3.csv")));
        assertTrue(r.out().contains("wrote 9 files into"), r.out());
    }

    /**
     * 16,000 classes x 200 rows in a JVM of 512 MB: the one-vs-one sums and the confusion matrix
     * as K x K tables alone needed 4 GB. Every command finishes (exit 0), the report within its
     * limits.
     */
    @Test
    void sixteenThousandClassesOf200RowsFitInHalfAGigabyte() throws Exception {
        Path in = dir.resolve("k16000.csv");
        write(in, 200, 16_000, 200, 4);
        String heap = "-Xmx512m";
        for (List<String> args : List.of(List.of("evaluate", in.toString()),
                List.of("curves", in.toString(), "--out", dir.resolve("curves").toString()),
                List.of("report", in.toString(), "--out", dir.resolve("report").toString(), "--no-images"))) {
            CliRunner.Result r = ChildJvm.run(dir, List.of(heap), args);
            assertEquals(0, r.code(), args + ": " + r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
        String html = Files.readString(dir.resolve("report").resolve("report.html"));
        assertTrue(html.contains("Curves of the 50 most frequent of the 16,000 classes"));
        assertTrue(html.contains("16000 x 16000: not drawn for more than 50 classes"));
    }
}

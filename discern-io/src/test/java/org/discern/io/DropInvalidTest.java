package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --drop-invalid} on every reader path: the predictions read equal those of the input with
 * the rows deleted (number for number), and the warning names how many rows and where, in file
 * order: 1-based lines for text, 1-based rows for Parquet, 0-based indices for NumPy. Invalid
 * labels stay errors, dropped row or not; without the setting an invalid score is the located
 * error it always was.
 */
class DropInvalidTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static Predictions read(Path p, boolean drop) throws IOException {
        return PredictionReader.read(InputSpec.builder().file(p).dropInvalid(drop).build());
    }

    private static void assertSame(Predictions expected, Predictions actual) {
        assertEquals(expected.getClass(), actual.getClass());
        assertEquals(expected.size(), actual.size());
        assertArrayEquals(expected.weights(), actual.weights(), 0.0);
        if (expected instanceof BinaryPredictions e) {
            BinaryPredictions a = (BinaryPredictions) actual;
            assertArrayEquals(e.scores(), a.scores(), 0.0);
            assertArrayEquals(e.labels(), a.labels());
            assertEquals(e.positiveLabel(), a.positiveLabel());
        } else if (expected instanceof MultiClassPredictions e) {
            MultiClassPredictions a = (MultiClassPredictions) actual;
            assertArrayEquals(e.labels(), a.labels());
            assertArrayEquals(e.scores().toDoubleArray(), a.scores().toDoubleArray(), 0.0);
            assertEquals(e.classNames(), a.classNames());
        } else {
            MultiLabelPredictions e = (MultiLabelPredictions) expected;
            MultiLabelPredictions a = (MultiLabelPredictions) actual;
            assertArrayEquals(e.indicator(), a.indicator());
            assertArrayEquals(e.scores().toDoubleArray(), a.scores().toDoubleArray(), 0.0);
        }
    }

    /** A binary file: the rows of {@code bad} (0-based data rows) get an invalid score each. */
    private static String binary(int rows, int[] bad, String[] invalid, boolean blankLines) {
        StringBuilder sb = new StringBuilder("label,score\n");
        for (int i = 0, b = 0; i < rows; i++) {
            String score = b < bad.length && bad[b] == i ? invalid[b++ % invalid.length] : "0." + (i * 37 % 100);
            sb.append(i % 3 == 0 ? 1 : 0).append(',').append(score).append('\n');
            if (blankLines && i % 4 == 1) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String withoutRows(String csv, int[] bad) {
        List<String> lines = new ArrayList<>(csv.lines().toList());
        List<String> out = new ArrayList<>();
        int row = -1;
        int b = 0;
        for (String line : lines) {
            if (line.isEmpty() || out.isEmpty()) {
                out.add(line);
                continue;
            }
            row++;
            if (b < bad.length && bad[b] == row) {
                b++;
                continue;
            }
            out.add(line);
        }
        return String.join("\n", out) + "\n";
    }

    @Test
    void textFilesOfEveryLayoutEqualTheFileWithTheRowsDeleted() throws IOException {
        String[] invalid = {"nan", "", "inf", "abc", "-Infinity", "NaN", "1e400", " "};
        int[] bad = {1, 4, 5, 9, 10, 17, 30};
        for (boolean blank : new boolean[] {false, true}) {
            String csv = binary(40, bad, invalid, blank);
            Path in = write("in.csv", csv);
            Path clean = write("clean.csv", withoutRows(csv, bad));
            Predictions p = read(in, true);
            assertSame(read(clean, false), p);
            // lines: header 1, data row i on line i + 2 (plus the blank lines before it)
            long[] lines = new long[bad.length];
            for (int i = 0; i < bad.length; i++) {
                lines[i] = bad[i] + 2 + (blank ? (bad[i] + 2) / 4 : 0);
            }
            assertEquals(List.of(in + ": dropped 7 rows whose score is not a finite number (NaN, infinite, empty or"
                    + " not a number; --drop-invalid): lines " + lines[0] + ", " + lines[1] + ", " + lines[2] + ", "
                    + lines[3] + ", " + lines[4] + " and 2 more"), p.inputRows().droppedWarning(p.source()));
            assertEquals(7, p.inputRows().droppedRows());
            // the rows kept are named by their own lines: row 1 of the result is data row 2, on line 4 (+ blanks)
            assertEquals(2 + 2 + (blank ? 1 : 0), p.inputRows().line(1));
            // by default the first invalid score is the error it always was
            InputException e = assertThrows(InputException.class, () -> read(in, false));
            assertEquals(lines[0], e.line());
            assertEquals("score", e.column());
            // gzip: the same
            Path gz = dir.resolve("in.csv.gz");
            try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
                o.write(csv.getBytes(StandardCharsets.UTF_8));
            }
            assertSame(p, read(gz, true));
            assertEquals(p.inputRows().droppedWarning("x"), read(gz, true).inputRows().droppedWarning("x"));
            // the chunked reader, whatever its chunks, declines a file with an invalid score: the
            // sequential reader drops the rows, so lines are reported in file order
            for (int chunk : new int[] {7, 64, 1 << 20}) {
                assertNull(ChunkedCsv.read(in, InputSpec.builder().file(in).dropInvalid(true).build(), chunk, 3));
            }
        }
        // multi-class: a row with any invalid score is dropped
        String mc = "label,a,b,c\na,0.7,0.2,0.1\nb,nan,0.5,0.5\nc,0.1,0.1,0.8\na,0.3,,0.3\nb,0.2,0.6,0.2\n";
        Path m = write("mc.csv", mc);
        Predictions pm = read(m, true);
        assertSame(read(write("mc_clean.csv", "label,a,b,c\na,0.7,0.2,0.1\nc,0.1,0.1,0.8\nb,0.2,0.6,0.2\n"), false),
                pm);
        assertTrue(pm.inputRows().droppedWarning("mc.csv").get(0).endsWith("): lines 3, 5"));
        // multi-label
        String ml = "label_x,score_x,label_y,score_y\n1,0.9,0,0.2\n0,inf,1,0.8\n1,0.4,1,0.6\n";
        Predictions pl = read(write("ml.csv", ml), true);
        assertSame(read(write("ml_clean.csv", "label_x,score_x,label_y,score_y\n1,0.9,0,0.2\n1,0.4,1,0.6\n"), false),
                pl);
        assertTrue(pl.inputRows().droppedWarning("ml.csv").get(0).endsWith("): line 3"));
    }

    @Test
    void invalidLabelsStayErrorsOnDroppedRowsToo() throws IOException {
        // an unknown class on a row whose score is invalid
        Path mc = write("mc.csv", "label,a,b\na,0.7,0.3\nzebra,nan,0.5\nb,0.1,0.9\n");
        InputException e = assertThrows(InputException.class, () -> read(mc, true));
        assertTrue(e.getMessage().contains("'zebra' (first on line 3)"), e.getMessage());
        // an empty label, a label that is not 0/1
        InputException empty = assertThrows(InputException.class,
                () -> read(write("b.csv", "label,score\n1,0.5\n,nan\n0,0.2\n"), true));
        assertEquals(3, empty.line());
        InputException indicator = assertThrows(InputException.class,
                () -> read(write("ml.csv", "label_x,score_x\n1,0.5\n2,nan\n0,0.2\n"), true));
        assertEquals(3, indicator.line());
        // a weight that is not valid is no score: still an error
        InputException weight = assertThrows(InputException.class, () -> PredictionReader.read(InputSpec.builder()
                .file(write("w.csv", "label,score,w\n1,0.5,1\n0,0.2,nan\n")).weightColumn("w").dropInvalid(true).build()));
        assertEquals("w", weight.column());
        // every row dropped: no data, said so
        InputException none = assertThrows(InputException.class,
                () -> read(write("none.csv", "label,score\n1,nan\n0,\n"), true));
        assertEquals("expected at least one data row with a valid score, found none (--drop-invalid left out all 2)",
                none.problem());
    }

    @Test
    void numpyRowsAreNamedByTheirIndex() throws IOException {
        byte[] y = NpyBytes.file(1, "<i8", false, NpyBytes.longs(ByteOrder.LITTLE_ENDIAN, 1, 0, 1, 0, 1), 5);
        byte[] s = NpyBytes.file(1, "<f8", false,
                NpyBytes.doubles(ByteOrder.LITTLE_ENDIAN, 0.9, Double.NaN, 0.4, Double.NEGATIVE_INFINITY, 0.7), 5);
        Path ly = NpyBytes.write(dir, "y.npy", y);
        Path ls = NpyBytes.write(dir, "s.npy", s);
        Predictions pair = PredictionReader.read(InputSpec.builder().numpy(ly, ls, null).dropInvalid(true).build());
        BinaryPredictions b = (BinaryPredictions) pair;
        assertArrayEquals(new double[] {0.9, 0.4, 0.7}, b.scores(), 0.0);
        assertArrayEquals(new boolean[] {true, true, true}, b.labels());
        assertTrue(pair.inputRows().droppedWarning("s.npy").get(0).endsWith("): rows [1], [3]"),
                pair.inputRows().droppedWarning("s.npy").toString());
        assertEquals("row [2]", pair.inputRows().where(1)); // the third row of the arrays
        InputException e = assertThrows(InputException.class,
                () -> PredictionReader.read(InputSpec.builder().numpy(ly, ls, null).build()));
        assertTrue(e.problem().contains("is NaN"), e.getMessage());
        // the same arrays in an .npz archive; multi-class rows with one NaN
        Path npz = dir.resolve("p.npz");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(npz))) {
            z.putNextEntry(new ZipEntry("y_true.npy"));
            z.write(NpyBytes.file(1, "<i8", false, NpyBytes.longs(ByteOrder.LITTLE_ENDIAN, 0, 1, 2), 3));
            z.putNextEntry(new ZipEntry("y_score.npy"));
            z.write(NpyBytes.file(1, "<f4", false, NpyBytes.floats(ByteOrder.LITTLE_ENDIAN, 0.6f, 0.3f, 0.1f,
                    0.2f, Float.NaN, 0.3f, 0.1f, 0.1f, 0.8f), 3, 3));
        }
        MultiClassPredictions m = (MultiClassPredictions) read(npz, true);
        assertArrayEquals(new int[] {0, 2}, m.labels());
        assertArrayEquals(new float[] {0.6f, 0.3f, 0.1f, 0.1f, 0.1f, 0.8f}, m.scores().toFloatArray(), 0f);
        assertTrue(m.inputRows().droppedWarning("p.npz").get(0).endsWith("): row [1]"));
    }

    @Test
    void parquetRowsAreNamedOneBasedAndANullScoreIsDropped() throws IOException {
        // the same 5000 rows; the score of row 2060 (1-based) is null in one file
        BinaryPredictions all = (BinaryPredictions) read(ParquetReaderTest.parquet("binary_fraudlike_5000_v2.gzip.parquet"),
                false);
        BinaryPredictions p = (BinaryPredictions) read(ParquetReaderTest.parquet("binary_fraudlike_null.snappy.parquet"),
                true);
        assertEquals(4999, p.size());
        double[] expected = new double[4999];
        boolean[] labels = new boolean[4999];
        for (int i = 0, j = 0; i < 5000; i++) {
            if (i != 2059) {
                expected[j] = all.score(i);
                labels[j++] = all.label(i);
            }
        }
        assertArrayEquals(expected, p.scores(), 0.0);
        assertArrayEquals(labels, p.labels());
        assertTrue(p.inputRows().droppedWarning("f").get(0).endsWith("): row 2060"),
                p.inputRows().droppedWarning("f").toString());
        assertEquals("row 2061", p.inputRows().where(2059));
        assertEquals("row 7", all.inputRows().where(6));
    }

    @Test
    void coreRowIndicesAreRenamedAsTheInputNamesThem() throws IOException {
        // blank lines and a quoted field spanning two lines: lines are not rows + 2
        Path f = write("mc.csv", "label,a,b\n\na,0.7,0.3\n\"b\",0.1,0.9\n\nb,\"0.5\n\",0.5\na,0.6,0.4\n");
        Predictions p = read(f, false);
        assertEquals(3, p.inputRows().line(0));
        assertEquals(4, p.inputRows().line(1));
        assertEquals(6, p.inputRows().line(2));
        assertEquals(8, p.inputRows().line(3));
        assertEquals("log loss not computed: line 6 sums to 1.2", p.inputRows().renameRows(
                "log loss not computed: row 2 sums to 1.2"));
        assertEquals("2 sample(s) have no positive label (first: line 8): no per-sample",
                p.inputRows().renameRows("2 sample(s) have no positive label (first: row 3): no per-sample"));
        // a row named inside a quoted name, and counts of rows, are left alone
        assertEquals("class 'row 2' has no positive samples; 3 rows have weight 0",
                p.inputRows().renameRows("class 'row 2' has no positive samples; 3 rows have weight 0"));
        // a slice of rows {1, 3} (a --group value): its row 1 is input row 3, line 8; its row 2
        // is no row of the slice and is left as it is
        assertEquals(List.of("log loss not computed: line 8 sums to 1.2", "first: line 4", "row 2 of 2"),
                p.inputRows().renameRows(List.of("log loss not computed: row 1 sums to 1.2", "first: row 0",
                        "row 2 of 2"), new int[] {1, 3}));
        // a file the chunked reader read is scanned again for the line, only when asked
        StringBuilder big = new StringBuilder("label,a,b\n");
        for (int i = 0; i < 50; i++) {
            big.append(i % 2 == 0 ? "a" : "b").append(",0.25,0.75\n").append(i == 10 ? "\n\n" : "");
        }
        Path chunked = write("big.csv", big.toString());
        MultiClassPredictions fast = (MultiClassPredictions) ChunkedCsv.read(chunked,
                InputSpec.builder().file(chunked).build(), 16, 2);
        Predictions viaReader = read(chunked, false);
        assertEquals(50, fast.size());
        assertEquals("line 12", viaReader.inputRows().where(10));
        assertEquals("line 17", viaReader.inputRows().where(13)); // after the two blank lines
    }

    @Test
    void aGzipOfTheSameBytesDropsTheSameRows() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream o = new GZIPOutputStream(bytes)) {
            o.write("label,score\n1,0.9\n0,NaN\n1,0.3\n".getBytes(StandardCharsets.UTF_8));
        }
        Path gz = dir.resolve("x.gz");
        Files.write(gz, bytes.toByteArray());
        Predictions p = read(gz, true);
        assertEquals(2, p.size());
        assertTrue(p.inputRows().droppedWarning("x.gz").get(0).endsWith("): line 3"));
    }
}

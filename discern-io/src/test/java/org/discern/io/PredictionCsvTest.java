package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.discern.metrics.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Layout detection from a header, MultiClassCsvReader and MultiLabelCsvReader. */
class PredictionCsvTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /** The layout {@link PredictionReader} detects for a file read with the defaults. */
    static Layout layoutOf(Path file) throws IOException {
        return PredictionReader.read(InputSpec.builder().file(file).build()).layout();
    }

    private static Layout detect(String header) throws InputException {
        return LayoutDetector.fromColumns("f.csv", List.of(header.split(",")),
                InputSpec.builder().file(Path.of("f.csv")).build());
    }

    static List<String> multiclass() {
        return Fixtures.MULTICLASS;
    }

    @ParameterizedTest
    @MethodSource("multiclass")
    void multiClassFixturesReadExactly(String name) throws IOException {
        JsonNode in = Fixtures.json(name).get("input");
        Path csv = Fixtures.csv(name, dir);
        assertEquals(Layout.MULTICLASS, layoutOf(csv));
        MultiClassPredictions m = MultiClassCsvReader.create().read(csv);
        assertEquals(Fixtures.strings(in.get("classes")), m.classNames());
        assertArrayEquals(Fixtures.ints(in.get("labels")), m.labels());
        double[][] scores = Fixtures.matrix(in.get("scores"));
        assertEquals(scores.length, m.size());
        assertFalse(m.scores().isFloat());
        for (int i = 0; i < scores.length; i++) {
            for (int k = 0; k < scores[i].length; k++) {
                assertEquals(scores[i][k], m.score(i, k), 0.0, name + "[" + i + ", " + k + "]");
            }
        }
        if (in.get("weights").isNull()) {
            assertNull(m.weights());
        } else {
            assertArrayEquals(Fixtures.doubles(in.get("weights")), m.weights(), 0.0);
        }
        // the same numbers as the .npy copies of the fixture
        Path npy = FixtureNpyTest.dir();
        Path w = npy.resolve(name + "_weights.npy");
        assertEquals(NpyInput.multiClass(NpyArray.read(npy.resolve(name + "_y.npy")),
                NpyArray.read(npy.resolve(name + "_scores.npy")), ClassNames.read(npy.resolve(name + "_names.txt")),
                Files.exists(w) ? NpyArray.read(w) : null), m);
    }

    @Test
    void multiLabelFixtureReadsExactly() throws IOException {
        JsonNode in = Fixtures.json("multilabel_small").get("input");
        Path csv = Fixtures.csv("multilabel_small", dir);
        assertEquals(Layout.MULTILABEL, layoutOf(csv));
        MultiLabelPredictions m = MultiLabelCsvReader.create().read(csv);
        assertEquals(Fixtures.strings(in.get("labels_names")), m.labelNames());
        double[][] labels = Fixtures.matrix(in.get("labels"));
        double[][] scores = Fixtures.matrix(in.get("scores"));
        assertEquals(labels.length, m.size());
        for (int i = 0; i < labels.length; i++) {
            for (int j = 0; j < labels[i].length; j++) {
                assertEquals(labels[i][j] == 1, m.isPositive(i, j), "labels[" + i + ", " + j + "]");
                assertEquals(scores[i][j], m.score(i, j), 0.0, "scores[" + i + ", " + j + "]");
            }
        }
        Path npy = FixtureNpyTest.dir();
        assertEquals(NpyInput.multiLabel(NpyArray.read(npy.resolve("multilabel_small_y.npy")),
                NpyArray.read(npy.resolve("multilabel_small_scores.npy")),
                ClassNames.read(npy.resolve("multilabel_small_names.txt")), null), m);
    }

    @Test
    void binaryFixturesAreDetectedAsBinary() throws IOException {
        for (String name : Fixtures.BINARY) {
            assertEquals(Layout.BINARY, layoutOf(Fixtures.csv(name, dir)), name);
        }
    }

    static Stream<Arguments> headers() {
        return Stream.of(
                Arguments.of("label,score", Layout.BINARY),
                Arguments.of("id,label,score,score_b", Layout.BINARY),
                Arguments.of("label,a,b", Layout.MULTICLASS),
                Arguments.of("label,a,b,weight", Layout.MULTICLASS),
                Arguments.of("label_x,score_x", Layout.MULTILABEL),
                Arguments.of("label_x,label_y,score_x,score_y,weight", Layout.MULTILABEL));
    }

    @ParameterizedTest
    @MethodSource("headers")
    void detectsLayoutFromHeader(String header, Layout expected) throws InputException {
        assertEquals(expected, detect(header));
    }

    @Test
    void undetectableLayouts() {
        InputException one = assertThrows(InputException.class,
                () -> detect("label,a,weight"));
        assertEquals("cannot tell the layout from the header label,a,weight; expected 'label,score' (binary),"
                + " 'label' plus one score column per class (multi-class) or label_<name> and score_<name> columns"
                + " (multi-label)", one.problem());
        assertEquals(1, one.line());
        InputException unpaired = assertThrows(InputException.class,
                () -> detect("label_a,label_b,score_a,score_c"));
        assertEquals("expected label_<name> and score_<name> columns in pairs; unpaired: label_b (no score_b),"
                + " score_c (no label_c)", unpaired.problem());
    }

    @Test
    void layoutOption() {
        assertEquals(Layout.MULTICLASS, Layout.parse("Multi-Class"));
        assertEquals(Layout.MULTILABEL, Layout.parse("multilabel"));
        assertEquals(Layout.BINARY, Layout.parse("BINARY"));
        assertEquals("multiclass", Layout.MULTICLASS.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Layout.parse("ovr"));
        assertEquals("layout must be binary, multiclass or multilabel, got 'ovr'", e.getMessage());
    }

    @Test
    void classesOptionSelectsAndOrders() throws IOException {
        Path p = write("m.csv", "id,label,a,b,c\n1,c,0.1,0.2,0.7\n2,a,0.6,0.3,0.1\n");
        MultiClassPredictions m = MultiClassCsvReader.create().classes(List.of("c", "a", "b")).read(p);
        assertEquals(List.of("c", "a", "b"), m.classNames());
        assertArrayEquals(new int[] {0, 1}, m.labels());
        assertArrayEquals(new double[] {0.7, 0.1, 0.2, 0.1, 0.6, 0.3}, m.scores().toDoubleArray(), 0.0);
        // without the option the non-numeric id column is taken as a class and fails with its location
        InputException id = assertThrows(InputException.class,
                () -> MultiClassCsvReader.create().read(write("id.csv", "id,label,a,b\nx1,a,0.1,0.9\n")));
        assertEquals("id.csv", Path.of(id.file()).getFileName().toString());
        assertEquals(2, id.line());
        assertEquals("id", id.column());
        assertEquals("expected a number, found 'x1'", id.problem());
        InputException missing = assertThrows(InputException.class,
                () -> MultiClassCsvReader.create().classes(List.of("a", "z", "label")).read(p));
        assertEquals("expected a score column for every class; no column for z, label (found: id, label, a, b, c)",
                missing.problem());
    }

    @Test
    void unknownLabelsAreListedWithTheirFirstLines() throws IOException {
        Path p = write("u.csv", "label,a,b\na,0.9,0.1\nx,0.5,0.5\nb,0.2,0.8\ny,0.1,0.9\nx,0.3,0.7\n");
        InputException e = assertThrows(InputException.class, () -> MultiClassCsvReader.create().read(p));
        assertEquals("label", e.column());
        assertEquals("2 labels that are not classes: 'x' (first on line 3), 'y' (first on line 5); expected one of"
                + " the classes: a, b", e.problem());
        InputException one = assertThrows(InputException.class,
                () -> MultiClassCsvReader.create().classes(List.of("b", "a")).read(write("v.csv",
                        "label,a,b\na,0.9,0.1\nc,0.5,0.5\n")));
        assertEquals("a label that is not a class: 'c' (first on line 3); expected one of the classes: b, a",
                one.problem());
    }

    @Test
    void indexLabelsGetAHint() throws IOException {
        InputException e = assertThrows(InputException.class, () -> MultiClassCsvReader.create().read(
                write("idx.csv", "label,p0,p1,p2\n2,0.1,0.2,0.7\n0,0.8,0.1,0.1\n")));
        assertEquals("2 labels that are not classes: '2' (first on line 2), '0' (first on line 3); expected one of"
                + " the classes: p0, p1, p2 (these look like 0-based class indices: the label column must hold the"
                + " class names used as score column headers)", e.problem());
        // no hint when a label is not an index
        InputException no = assertThrows(InputException.class, () -> MultiClassCsvReader.create().read(
                write("idx2.csv", "label,p0,p1,p2\n3,0.1,0.2,0.7\n")));
        assertEquals("a label that is not a class: '3' (first on line 2); expected one of the classes: p0, p1, p2",
                no.problem());
    }

    @Test
    void manyUnknownLabelsAreAbbreviated() throws IOException {
        StringBuilder sb = new StringBuilder("label,a,b\n");
        for (int i = 0; i < 13; i++) {
            sb.append("u").append(i).append(",0.5,0.5\n");
        }
        InputException e = assertThrows(InputException.class,
                () -> MultiClassCsvReader.create().read(write("many.csv", sb.toString())));
        assertTrue(e.problem().startsWith("13 labels that are not classes: 'u0' (first on line 2), 'u1' (first on"
                + " line 3)"), e.problem());
        assertTrue(e.problem().contains("'u9' (first on line 11), ... (3 more); expected"), e.problem());
    }

    static Stream<Arguments> badMultiClassFiles() {
        return Stream.of(
                Arguments.of("", 1, null, "expected a header row, found an empty file"),
                Arguments.of("label,a,b\n", 2, null, "expected at least one data row, found none"),
                Arguments.of("label,a,b\na,0.5,0.5\nb,0.5\n", 3, null, "expected 3 fields as in the header, found 2"),
                Arguments.of("label,a,b\na,0.5,0.5,0.1\n", 2, null, "expected 3 fields as in the header, found 4"),
                Arguments.of("label,a,b\na,0.5,abc\n", 2, "b", "expected a number, found 'abc'"),
                Arguments.of("label,a,b\na,0.5,NaN\n", 2, "b", "expected a finite number, found 'NaN'"),
                Arguments.of("label,a,b\na,,0.5\n", 2, "a", "expected a number, found an empty field"),
                Arguments.of("label,a,b\n,0.5,0.5\n", 2, "label", "expected a class name, found an empty field"),
                Arguments.of("label,a,b,weight\na,0.5,0.5,-1\n", 2, "weight", "expected a weight >= 0, found '-1'"),
                Arguments.of("lbl,a,b\na,0.5,0.5\n", 1, null, "no column 'label' for the labels; columns:"
                        + " lbl, a, b; did you mean 'lbl'?"),
                Arguments.of("label,a\na,0.5\n", 1, null, "expected the label column 'label' and at least two score"
                        + " columns (one per class), found: label, a"));
    }

    @ParameterizedTest
    @MethodSource("badMultiClassFiles")
    void badMultiClassFilesAreLocated(String content, long line, String column, String problem) throws IOException {
        Path p = write("bad.csv", content);
        InputException e = assertThrows(InputException.class, () -> MultiClassCsvReader.create().read(p));
        assertEquals(p.toString(), e.file());
        assertEquals(line, e.line());
        assertEquals(column, e.column());
        assertEquals(problem, e.problem());
    }

    @Test
    void weightColumn() throws IOException {
        Path p = write("w.csv", "label,a,b,w\na,0.5,0.5,2\nb,0.1,0.9,0.5\n");
        MultiClassPredictions m = MultiClassCsvReader.create().weightColumn("w").read(p);
        assertEquals(List.of("a", "b"), m.classNames());
        assertArrayEquals(new double[] {2, 0.5}, m.weights(), 0.0);
        // without the option, w is a class
        assertEquals(List.of("a", "b", "w"), MultiClassCsvReader.create().read(p).classNames());
        InputException e = assertThrows(InputException.class,
                () -> MultiClassCsvReader.create().weightColumn("weight").read(p));
        assertEquals("no column 'weight' for the weights; columns: label, a, b, w; did you mean 'w'?", e.problem());
    }

    @Test
    void gzipTsvAndManyRows() throws IOException {
        Path gz = dir.resolve("m.tsv.gz");
        int n = 2500; // more than the first capacity
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            StringBuilder sb = new StringBuilder("label\tx\ty\tz\n");
            for (int i = 0; i < n; i++) {
                sb.append("xyz".charAt(i % 3)).append('\t').append(i).append('\t').append(i + 0.5).append('\t')
                        .append(-i).append('\n');
            }
            o.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        MultiClassPredictions m = MultiClassCsvReader.create().read(gz);
        assertEquals(n, m.size());
        assertEquals(List.of("x", "y", "z"), m.classNames());
        assertEquals(2, m.label(2498)); // row i has label "xyz".charAt(i % 3)
        assertEquals(1, m.label(1000));
        assertEquals(1000, m.score(1000, 0));
        assertEquals(2499.5, m.score(2499, 1));
        assertEquals(-2499, m.score(2499, 2));
    }

    @Test
    void twoClassesAHundredClassesAndARowOfZeros() throws IOException {
        Path two = write("two.csv", "label,neg,pos\npos,0.25,0.75\nneg,0,0\n");
        assertEquals(Layout.MULTICLASS, layoutOf(two));
        MultiClassPredictions m2 = MultiClassCsvReader.create().read(two);
        assertArrayEquals(new int[] {1, 0}, m2.labels());
        assertArrayEquals(new double[] {0.25, 0.75, 0, 0}, m2.scores().toDoubleArray(), 0.0);
        StringBuilder sb = new StringBuilder("label");
        for (int k = 0; k < 100; k++) {
            sb.append(",c").append(k);
        }
        sb.append('\n');
        for (int i = 0; i < 300; i++) {
            sb.append('c').append((i * 7) % 100);
            for (int k = 0; k < 100; k++) {
                sb.append(',').append(k == (i * 7) % 100 ? "0.505" : "0.005");
            }
            sb.append('\n');
        }
        MultiClassPredictions m = MultiClassCsvReader.create().read(write("hundred.csv", sb.toString()));
        assertEquals(100, m.classCount());
        assertEquals(300, m.size());
        assertEquals("c99", m.className(99));
        assertEquals(93, m.label(299)); // 299 * 7 = 2093
        assertEquals(0.505, m.score(299, 93));
        assertEquals(0.005, m.score(299, 92));
    }

    @Test
    void progressIsReported() throws IOException {
        int n = 70000; // one progress call at 65,536 rows, then done
        StringBuilder ml = new StringBuilder("label_a,score_a\n");
        StringBuilder mc = new StringBuilder("label,a,b\n");
        for (int i = 0; i < n; i++) {
            ml.append(i % 2).append(",0.5\n");
            mc.append(i % 2 == 0 ? "a" : "b").append(",0.5,0.5\n");
        }
        Path pl = write("ml.csv", ml.toString());
        Path pc = write("mc.csv", mc.toString());
        List<String> calls = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void progress(String file, long bytesRead, long totalBytes, long rows) {
                calls.add(Path.of(file).getFileName() + " " + rows + " of " + totalBytes + " bytes");
            }

            @Override
            public void done(String file, long rows) {
                calls.add(Path.of(file).getFileName() + " done " + rows);
            }
        };
        assertEquals(n, MultiLabelCsvReader.create().progress(listener).read(pl).size());
        assertEquals(n, MultiClassCsvReader.create().progress(listener).read(pc).size());
        assertEquals(List.of("ml.csv 65536 of " + Files.size(pl) + " bytes", "ml.csv done 70000",
                "mc.csv 65536 of " + Files.size(pc) + " bytes", "mc.csv done 70000"), calls);
    }

    @Test
    void multiLabelErrors() throws IOException {
        InputException notBinary = assertThrows(InputException.class, () -> MultiLabelCsvReader.create().read(
                write("ml.csv", "label_a,score_a\n1,0.5\n2,0.5\n")));
        assertEquals(3, notBinary.line());
        assertEquals("label_a", notBinary.column());
        assertEquals("expected 0 or 1, found '2'", notBinary.problem());
        InputException ragged = assertThrows(InputException.class, () -> MultiLabelCsvReader.create().read(
                write("ml2.csv", "label_a,score_a\n1\n")));
        assertEquals("expected 2 fields as in the header, found 1", ragged.problem());
        InputException none = assertThrows(InputException.class, () -> MultiLabelCsvReader.create().read(
                write("ml3.csv", "label,score\n1,0.5\n")));
        assertEquals("expected label_<name> and score_<name> columns, found: label, score", none.problem());
        MultiLabelPredictions w = MultiLabelCsvReader.create().read(
                write("ml4.csv", "id,label_a,label_b,score_b,score_a,weight\nq,1.0,0,0.25,0.75,3\n"));
        assertEquals(List.of("a", "b"), w.labelNames());
        assertArrayEquals(new int[] {1, 0}, w.indicator());
        assertArrayEquals(new double[] {0.75, 0.25}, w.scores().toDoubleArray(), 0.0);
        assertArrayEquals(new double[] {3}, w.weights(), 0.0);
    }

    @Test
    void malwareExampleCsvHoldsTheSameNumbersAsTheNpy() throws IOException {
        Path csv = ExampleDataTest.DIR.resolve("predictions.csv");
        assertEquals(Layout.MULTICLASS, layoutOf(csv));
        MultiClassPredictions fromCsv = MultiClassCsvReader.create().read(csv);
        MultiClassPredictions fromNpy = ExampleDataTest.npy();
        assertEquals(fromNpy.classNames(), fromCsv.classNames());
        assertArrayEquals(fromNpy.labels(), fromCsv.labels());
        float[] npy = fromNpy.scores().toFloatArray();
        double[] text = fromCsv.scores().toDoubleArray();
        for (int i = 0; i < npy.length; i++) {
            assertEquals(npy[i], (float) text[i], 0f, "score " + i);
        }
    }
}

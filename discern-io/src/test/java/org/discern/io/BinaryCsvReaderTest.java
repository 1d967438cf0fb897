package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

class BinaryCsvReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @ParameterizedTest
    @MethodSource("org.discern.metrics.Fixtures#binaryNames")
    void readsEveryBinaryFixtureExactly(String name) throws IOException {
        JsonNode in = Fixtures.json(name).get("input");
        Path csv = Fixtures.csv(name, dir);
        BinaryCsvReader r = BinaryCsvReader.create();
        if (!in.get("weights").isNull()) {
            r.weightColumn("weight");
        }
        BinaryPredictions p = r.read(csv);
        assertArrayEquals(Fixtures.doubles(in.get("scores")), p.scores());
        assertArrayEquals(Fixtures.booleans(in.get("labels")), p.labels());
        if (!in.get("weights").isNull()) {
            assertArrayEquals(Fixtures.doubles(in.get("weights")), p.weights());
        } else {
            assertNull(p.weights());
        }
        assertEquals("1", p.positiveLabel());
    }

    @Test
    void readsGzipAndTsvWhateverTheirNames() throws IOException {
        Path gz = dir.resolve("data.txt");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write("y\tp\n1\t0.9\n0\t0.2\n".getBytes(StandardCharsets.UTF_8));
        }
        BinaryPredictions p = BinaryCsvReader.create().labelColumn("y").scoreColumn("p").read(gz);
        assertArrayEquals(new double[] {0.9, 0.2}, p.scores());
        assertArrayEquals(new boolean[] {true, false}, p.labels());
    }

    @Test
    void acceptsByteOrderMarkQuotesAndCrlf() throws IOException {
        Path p = write("bom.csv", "\uFEFF\"label\",\"score\"\r\n\"1\",\"0.5\"\r\n0,0.25\r\n");
        BinaryPredictions b = BinaryCsvReader.create().read(p);
        assertArrayEquals(new double[] {0.5, 0.25}, b.scores());
    }

    @Test
    void positiveLabelRules() throws IOException {
        assertEquals("TRUE", BinaryCsvReader.create().read(write("a.csv", "label,score\nTRUE,1\nFALSE,0\n")).positiveLabel());
        assertEquals("yes", BinaryCsvReader.create().read(write("b.csv", "label,score\nno,1\nyes,0\n")).positiveLabel());
        assertEquals("1.0", BinaryCsvReader.create().read(write("c.csv", "label,score\n1.0,1\n0.0,0\n")).positiveLabel());
        assertEquals("1", BinaryCsvReader.create().read(write("d.csv", "label,score\n-1,1\n1,0\n")).positiveLabel());
        BinaryPredictions onlyNeg = BinaryCsvReader.create().read(write("e.csv", "label,score\n0,1\n0,0\n"));
        assertArrayEquals(new boolean[] {false, false}, onlyNeg.labels());
        BinaryPredictions given = BinaryCsvReader.create().positive("fraud")
                .read(write("f.csv", "label,score\nfraud,1\nlegit,0\n"));
        assertArrayEquals(new boolean[] {true, false}, given.labels());
        assertEquals(List.of("fraud", "legit"), given.labelValues());
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("label,score\n1,0.5\n0,abc\n",
                        "bad.csv:3: column 'score': expected a number, found 'abc'"),
                Arguments.of("label,score\n1,0.5\n0,nan\n",
                        "bad.csv:3: column 'score': expected a finite number, found 'nan'"),
                Arguments.of("label,score\n1,0.5\n0,\n",
                        "bad.csv:3: column 'score': expected a number, found an empty field"),
                Arguments.of("label,score\n1,0.5\n0,0.1,7\n",
                        "bad.csv:3: expected 2 fields as in the header, found 3"),
                Arguments.of("label,score\n1,0.5\n0\n",
                        "bad.csv:3: expected 2 fields as in the header, found 1"),
                Arguments.of("label,prob\n1,0.5\n",
                        "bad.csv:1: no column 'score' for the scores; columns: label, prob; did you mean 'prob'?"),
                Arguments.of("", "bad.csv:1: expected a header row, found an empty file"),
                Arguments.of("label,score\n", "bad.csv:2: expected at least one data row, found none"),
                Arguments.of("label,score\n,0.5\n", "bad.csv:2: column 'label': expected a label, found an empty field"),
                Arguments.of("label,score\n1,0.5\n2,0.1\n3,0.3\n",
                        "bad.csv: column 'label': expected two label values for a binary evaluation, found 3: "
                                + "'1' (first on line 2), '2' (first on line 3), '3' (first on line 4) "
                                + "(for multi-class data give one score column per class)"),
                Arguments.of("label,score\ncat,0.5\ndog,0.1\n",
                        "bad.csv: column 'label': cannot tell which label is positive: found 'cat' (first on line 2), "
                                + "'dog' (first on line 3); give --positive VALUE"),
                Arguments.of("label,score,score\n1,0.5,0.3\n",
                        "bad.csv:1: column 'score': expected unique column names, found this name in columns 2 and 3"),
                Arguments.of("label,score\n1,0.5\n0,1d\n",
                        "bad.csv:3: column 'score': expected a number, found '1d'"),
                Arguments.of("label,score\n1,\"0.5\"x\n", "bad.csv:2: malformed CSV: "));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void badInputNamesFileLineColumnExpectedAndFound(String content, String message) throws IOException {
        Path p = write("bad.csv", content);
        InputException e = assertThrows(InputException.class, () -> BinaryCsvReader.create().read(p));
        String actual = e.getMessage().replace(p.toString(), "bad.csv");
        if (message.endsWith(": ")) {
            assertEquals(message, actual.substring(0, Math.min(actual.length(), message.length())));
        } else {
            assertEquals(message, actual);
        }
    }

    @Test
    void negativeWeightIsAnError() throws IOException {
        Path p = write("w.csv", "label,score,w\n1,0.5,1\n0,0.1,-2\n");
        InputException e = assertThrows(InputException.class,
                () -> BinaryCsvReader.create().weightColumn("w").read(p));
        assertEquals(p + ":3: column 'w': expected a weight >= 0, found '-2'", e.getMessage());
        assertEquals(3, e.line());
        assertEquals("w", e.column());
    }

    @Test
    void missingFileIsAnInputError() {
        InputException e = assertThrows(InputException.class,
                () -> BinaryCsvReader.create().read(dir.resolve("nope.csv")));
        assertEquals(dir.resolve("nope.csv") + ": no such file", e.getMessage());
    }

    @Test
    void atomicWriteRefusesToOverwriteAnInput() throws IOException {
        Path in = write("in.csv", "label,score\n1,0.5\n");
        OutputException e = assertThrows(OutputException.class, () -> AtomicFiles.writeString(in, "x", in));
        org.junit.jupiter.api.Assertions.assertTrue(e.refused());
        assertEquals("label,score\n1,0.5\n", Files.readString(in));
        assertEquals(in + ": refusing to write over the input file " + in, e.getMessage());
        Path out = dir.resolve("sub/out.txt");
        AtomicFiles.writeString(out, "hello", in);
        assertEquals("hello", Files.readString(out));
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(out)));
        try (Stream<Path> s = Files.list(out.getParent())) {
            assertEquals(1, s.count(), "no temporary file left behind");
        }
    }
}

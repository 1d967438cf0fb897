package org.discern.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.discern.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TableReaderTest {
    private static final TableReader DEFAULT = TableReader.builder().build();

    @Test
    void readsTheCreditCardLayoutWithQuotedHeaderAndLabels(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("cc.csv");
        Files.writeString(f, "\"Time\",\"V1\",\"V2\",\"Amount\",\"Class\"\n"
                + "0,-1.5,0.25,149.62,\"0\"\n"
                + "1,2.0,-0.5,2.69,\"1\"\n"
                + "2,0.125,1e-3,0,\"0\"\n");
        Table t = DEFAULT.read(f);
        assertEquals(List.of("Time", "V1", "V2", "Amount"), t.columns());
        assertEquals(3, t.rows());
        assertArrayEquals(new boolean[] {false, true, false}, t.labels());
        assertEquals("1", t.positiveValue());
        assertEquals("0", t.negativeValue());
        assertEquals(-1.5f, t.value(0, 1));
        assertEquals(149.62f, t.value(0, 3));
        assertEquals(0.001f, t.value(2, 2));
        assertEquals("Class", t.labelColumn());
    }

    @Test
    void dropAndLogTransform() throws Exception {
        TableReader r = TableReader.builder().drop(List.of("Time")).log(List.of("Amount")).logEpsilon(0.5).build();
        Table t = r.read("Time,V1,Amount,Class\n0,1,0.5,0\n1,2,9.5,1\n", "x.csv");
        assertEquals(List.of("V1", "Amount"), t.columns());
        assertEquals((float) Math.log(1.0), t.value(0, 1));
        assertEquals((float) Math.log(10.0), t.value(1, 1));
    }

    @Test
    void positiveLabelByConventionOrMinorityOrOption() throws Exception {
        Table yes = DEFAULT.read("a,Class\n1,no\n2,YES\n3,no\n", "x");
        assertEquals("YES", yes.positiveValue());
        // neither 1/true/yes: the less frequent value is positive
        Table minority = DEFAULT.read("a,Class\n1,legit\n2,fraud\n3,legit\n", "x");
        assertEquals("fraud", minority.positiveValue());
        assertArrayEquals(new boolean[] {false, true, false}, minority.labels());
        Table chosen = TableReader.builder().positive("legit").build().read("a,Class\n1,legit\n2,fraud\n3,legit\n", "x");
        assertArrayEquals(new boolean[] {true, false, true}, chosen.labels());
    }

    @Test
    void medianImputationKeepsMissingCellsAsNaN() throws Exception {
        TableReader r = TableReader.builder().impute(TableReader.Impute.MEDIAN).build();
        Table t = r.read("a,b,Class\n1,,0\n2,NA,1\n3,4,0\n", "x");
        assertTrue(Float.isNaN(t.value(0, 1)));
        assertTrue(Float.isNaN(t.value(1, 1)));
        assertEquals(4f, t.value(2, 1));
    }

    @Test
    void optionalLabelReadsDataToScore() throws Exception {
        Table t = TableReader.builder().labelOptional(true).build().read("a,b\n1,2\n3,4\n", "new.csv");
        assertFalse(t.labelled());
        assertEquals(2, t.rows());
        assertEquals(4f, t.value(1, 1));
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("a,Class\n1,0\nabc,1\n", 3L, "a", "x.csv:3: column 'a': 'abc' is not a number"),
                Arguments.of("a,b,Class\n1,2,0\n1,,1\n", 3L, "b",
                        "x.csv:3: column 'b': missing value (use --impute median to fill missing values)"),
                Arguments.of("a,Class\n1,0\n2,1\n3,2\n", 4L, "Class",
                        "x.csv:4: column 'Class': binary classification needs exactly 2 label values, found a third:"
                                + " '2' after '0' and '1'"),
                Arguments.of("a,Class\n1,0\n2,0\n", 0L, "Class",
                        "x.csv: column 'Class': binary classification needs exactly 2 label values, found 1: [0]"),
                Arguments.of("a,b\n1,0\n", 1L, "Class",
                        "x.csv:1: column 'Class': label column not found in the header [a, b] (choose it with --label)"),
                Arguments.of("a,Class\n1,0\n2\n", 3L, null, "x.csv:3: expected 2 fields as in the header, found 1"),
                Arguments.of("a,Class\nInfinity,0\n", 2L, "a", "x.csv:2: column 'a': 'Infinity' is not a finite number"),
                Arguments.of("a,Class\n1,\n", 2L, "Class", "x.csv:2: column 'Class': missing label"),
                Arguments.of("a,Class\n", 2L, null, "x.csv:2: no data rows after the header"));
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void badInputNamesFileLineAndColumn(String csv, long line, String column, String message) {
        InputException e = assertThrows(InputException.class, () -> DEFAULT.read(csv, "x.csv"));
        assertEquals(line, e.line());
        assertEquals(column, e.column());
        assertEquals(message, e.getMessage());
    }

    @Test
    void logOfNonPositiveValueAndUnknownColumnsAreErrors() {
        TableReader r = TableReader.builder().log(List.of("a")).build();
        InputException e = assertThrows(InputException.class, () -> r.read("a,Class\n1,0\n-5,1\n", "x.csv"));
        assertEquals("x.csv:3: column 'a': log transform needs value + 0.001 > 0, found -5", e.getMessage());
        TableReader d = TableReader.builder().drop(List.of("zz")).build();
        InputException e2 = assertThrows(InputException.class, () -> d.read("a,Class\n1,0\n", "x.csv"));
        assertEquals("zz", e2.column());
        assertEquals(1, e2.line());
    }
}

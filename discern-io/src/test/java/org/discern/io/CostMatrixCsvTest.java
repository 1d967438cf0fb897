package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.discern.metrics.CostMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CostMatrixCsvTest {
    private static final List<String> CLASSES = List.of("cat", "dog", "fox");
    private static final double[][] COSTS = {{0, 1, 2}, {3, 0, 4}, {10, 20, 0}};

    @TempDir
    Path dir;

    @Test
    void readsRowsAsTrueClassAndColumnsAsDecidedClass() throws IOException {
        Path f = dir.resolve("costs.csv");
        Files.writeString(f, "true\\decided,cat,dog,fox\ncat,0,1,2\ndog,3,0,4\nfox,10,20,0\n", StandardCharsets.UTF_8);
        CostMatrix m = CostMatrixCsv.read(f, CLASSES);
        assertEquals(CLASSES, m.classes());
        assertArrayEquals(COSTS, m.costs());
        assertEquals(20.0, m.cost(2, 1), "deciding dog when the truth is fox");
        assertTrue(m.warnings().isEmpty());
    }

    @Test
    void classesInAnyOrderAreMatchedByName() throws InputException {
        // columns fox, cat, dog and rows dog, fox, cat: the same matrix as above
        String text = ",fox,cat,dog\ndog,4,3,0\nfox,0,10,20\ncat,2,0,1\n";
        assertArrayEquals(COSTS, CostMatrixCsv.parse(text, "c.csv", CLASSES).costs());
    }

    @Test
    void tabsBomQuotesBlankLinesAndSpaces() throws InputException {
        String text = "\uFEFFtrue\tcat\tdog\t\"fox\"\n\ncat\t0\t1\t 2\ndog\t3\t0\t4.0e0\n\"fox\"\t1E1\t+20\t0.0\n\n";
        assertArrayEquals(COSTS, CostMatrixCsv.parse(text, "c.tsv", CLASSES).costs());
    }

    @Test
    void nonZeroDiagonalIsAllowedAndWarned() throws InputException {
        CostMatrix m = CostMatrixCsv.parse(",cat,dog\ncat,0.5,1\ndog,1,0\n", "c.csv", List.of("cat", "dog"));
        assertEquals(0.5, m.cost(0, 0));
        assertEquals(List.of("a correct decision of 'cat' costs 0.5 (non-zero diagonal)"), m.warnings());
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("", "c.csv:1: expected a header row of class names, found an empty file"),
                Arguments.of("\n\n", "c.csv:1: expected a header row of class names, found an empty file"),
                Arguments.of("costs\n", "c.csv:1: expected a header of a corner cell and the 3 classes (cat, dog, fox), "
                        + "found 1 cell"),
                Arguments.of(",cat,dgo,fox\n", "c.csv:1: expected a class of the predictions in the header, column 3 "
                        + "(cat, dog, fox), found 'dgo'; did you mean 'dog'?"),
                Arguments.of(",cat,dog,cat\n", "c.csv:1: column 'cat': expected each class once in the header, found "
                        + "'cat' in columns 2 and 4"),
                Arguments.of(",cat,dog\n", "c.csv:1: expected a column for every class of the predictions, found none "
                        + "for 'fox'"),
                Arguments.of(",cat,dog,fox\ncat,0,1,2\nemu,1,0,1\n", "c.csv:3: expected a class of the predictions in "
                        + "the first column (cat, dog, fox), found 'emu'"),
                Arguments.of(",cat,dog,fox\ncat,0,1,2\ncat,0,1,2\n", "c.csv:3: expected one row per true class, found a "
                        + "second row of 'cat'"),
                Arguments.of(",cat,dog,fox\ncat,0,1\n", "c.csv:2: expected 4 cells (the class, then 3 costs), found 3"),
                Arguments.of(",cat,dog,fox\ncat,0,1,2,3\n", "c.csv:2: expected 4 cells (the class, then 3 costs), found 5"),
                Arguments.of(",cat,dog,fox\ncat,0,one,2\n", "c.csv:2: column 'dog': expected a number, found 'one'"),
                Arguments.of(",cat,dog,fox\ncat,0,,2\n", "c.csv:2: column 'dog': expected a number, found an empty field"),
                Arguments.of(",cat,dog,fox\ncat,0,NaN,2\n", "c.csv:2: column 'dog': expected a number, found 'NaN'"),
                Arguments.of(",cat,dog,fox\ncat,0,Infinity,2\n", "c.csv:2: column 'dog': expected a number, found "
                        + "'Infinity'"),
                Arguments.of(",cat,dog,fox\ncat,0,1e999,2\n", "c.csv:2: column 'dog': expected a finite number, found "
                        + "'1e999'"),
                Arguments.of(",cat,dog,fox\ncat,0,0x1p3,2\n", "c.csv:2: column 'dog': expected a number, found '0x1p3'"),
                Arguments.of(",cat,dog,fox\ncat,0,1d,2\n", "c.csv:2: column 'dog': expected a number, found '1d'"),
                Arguments.of(",cat,dog,fox\ncat,0,-1,2\n", "c.csv:2: column 'dog': expected a cost >= 0, found '-1'"),
                Arguments.of(",cat,dog,fox\ncat,0,1,2\ndog,1,0,1\n", "c.csv:3: expected a row for every true class, "
                        + "found none for 'fox'"),
                Arguments.of(",fox,cat,dog\ncat,0,1,2\n\n\ndog,1,0,1\n", "c.csv:5: expected a row for every true class, "
                        + "found none for 'fox'"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void invalidFilesAreLocated(String text, String message) {
        InputException e = assertThrows(InputException.class, () -> CostMatrixCsv.parse(text, "c.csv", CLASSES));
        assertEquals(message, e.getMessage());
    }

    @Test
    void tooManyClassesAreRefusedBeforeReading() {
        List<String> many = java.util.stream.IntStream.range(0, CostMatrixCsv.MAX_CLASSES + 1).mapToObj(i -> "c" + i)
                .toList();
        InputException e = assertThrows(InputException.class, () -> CostMatrixCsv.parse("", "c.csv", many));
        assertEquals("c.csv: a cost matrix takes at most 1000 classes, the predictions have 1001", e.getMessage());
    }

    @Test
    void fileErrorsAreInputErrors() throws IOException {
        assertEquals(dir.resolve("none.csv") + ": no such file", assertThrows(InputException.class,
                () -> CostMatrixCsv.read(dir.resolve("none.csv"), CLASSES)).getMessage());
        assertEquals(dir + ": expected a file, found a directory", assertThrows(InputException.class,
                () -> CostMatrixCsv.read(dir, CLASSES)).getMessage());
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, new byte[] {',', 'c', (byte) 0xe9, '\n'});
        assertEquals(latin1 + ": expected UTF-8 text, found bytes that are not", assertThrows(InputException.class,
                () -> CostMatrixCsv.read(latin1, CLASSES)).getMessage());
    }
}

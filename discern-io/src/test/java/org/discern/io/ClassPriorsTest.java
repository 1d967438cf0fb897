package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassPriorsTest {
    private static final List<String> CLASSES = List.of("cat", "dog", "fox");

    @TempDir
    Path dir;

    @Test
    void inlineInAnyOrderNormalised() {
        assertArrayEquals(new double[] {0.2, 0.7, 0.1}, ClassPriors.parse("dog=0.7, fox=0.1,cat=0.2", CLASSES), 1e-15);
        // counts work as shares: 2 + 7 + 1 = 10
        assertArrayEquals(new double[] {0.2, 0.7, 0.1}, ClassPriors.parse("cat=2,dog=7,fox=1", CLASSES), 1e-15);
        // a name holding '=': the last '=' separates the value
        assertArrayEquals(new double[] {0.25, 0.75}, ClassPriors.parse("a=b=1,c=3", List.of("a=b", "c")), 1e-15);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cat=0.2,dog=0.7|expected a prior for every class, found none for 'fox'",
        "cat=0.2,dog=0.7,fox=0.1,cat=0.1|class 'cat' is given twice",
        "cat=0.2,dgo=0.7,fox=0.1|expected a class of the predictions (cat, dog, fox), found 'dgo'; did you mean 'dog'?",
        "cat=0.2,dog=0,fox=0.1|the prior of 'dog' must be > 0, got 0",
        "cat=0.2,dog=-1,fox=0.1|the prior of 'dog' must be > 0, got -1",
        "cat=0.2,dog=x,fox=0.1|the prior of 'dog': expected a number, found 'x'",
        "cat=0.2,dog=NaN,fox=0.1|the prior of 'dog': expected a number, found 'NaN'",
        "cat=0.2,dog,fox=0.1|expected NAME=VALUE, found 'dog'",
        "cat=1e308,dog=1e308,fox=1|the priors must have a finite sum, got Infinity"})
    void invalidInline(String spec, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> ClassPriors.parse(spec, CLASSES))
                .getMessage());
    }

    @Test
    void fromFile() throws IOException {
        Path f = dir.resolve("priors.csv");
        Files.writeString(f, "class,prior\nfox,1\ncat,2\ndog,7\n", StandardCharsets.UTF_8);
        assertArrayEquals(new double[] {0.2, 0.7, 0.1}, ClassPriors.read(f, CLASSES), 1e-15);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "class,prior\\ncat,1\\ndog,1\\n|:3: expected a row for every class, found none for 'fox'",
        "class,prior\\ncat,1\\ncat,1\\n|:3: expected each class once, found 'cat' again (first on line 2)",
        "class,prior\\ncat,1,2\\n|:2: expected 2 cells (the class, its prior), found 3",
        "class,prior\\ncat,one\\n|:2: column 'prior': expected a number, found 'one'",
        "class,prior\\ncat,0\\n|:2: expected a prior > 0 for 'cat', found '0'",
        "class,prior\\nemu,1\\n|:2: expected a class of the predictions (cat, dog, fox), found 'emu'",
        "|:1: expected a header row and one row per class, found an empty file"})
    void invalidFile(String text, String located) throws IOException {
        Path f = dir.resolve("p.csv");
        Files.writeString(f, text == null ? "" : text.replace("\\n", "\n"), StandardCharsets.UTF_8);
        assertEquals(f + located, assertThrows(InputException.class, () -> ClassPriors.read(f, CLASSES)).getMessage());
    }
}

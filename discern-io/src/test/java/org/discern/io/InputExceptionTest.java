package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input echoed in a message is bounded and has its control characters escaped. */
class InputExceptionTest {
    @TempDir
    Path dir;

    @Test
    void aLongQuotedValueIsCutToItsPrefixAndLength() {
        String big = "x".repeat(10_000_000);
        InputException e = new InputException("p.csv", 7, "score", "expected a number, found '" + big + "'");
        assertEquals("p.csv:7: column 'score': expected a number, found '" + "x".repeat(40)
                + "\u2026 (10000000 chars)'", e.getMessage());
        assertEquals("expected a number, found '" + "x".repeat(40) + "\u2026 (10000000 chars)'", e.problem());
    }

    @Test
    void shortValuesAndUnquotedTextStayAsTheyAre() {
        InputException e = new InputException("p.csv", 2, null, "expected 0 or 1, found '2'");
        assertEquals("p.csv:2: expected 0 or 1, found '2'", e.getMessage());
    }

    @Test
    void controlCharactersAndAnsiEscapesAreEscaped() {
        InputException e = new InputException("a\tb.csv", 3, null, "found '\u001b[31mred\u0000\r\n\u007f'");
        assertEquals("a\\tb.csv:3: found '\\x1b[31mred\\0\\r\\n\\x7f'", e.getMessage());
        assertFalse(e.getMessage().chars().anyMatch(Character::isISOControl));
    }

    @Test
    void anUnquotedRunIsBoundedToo() {
        InputException e = new InputException("p.csv", 0, null, "found " + "y".repeat(5000));
        assertTrue(e.getMessage().length() < InputException.PROBLEM_LIMIT + 40, e.getMessage().length() + "");
        assertTrue(e.getMessage().endsWith("\u2026 (5006 chars)"), e.getMessage());
    }

    @Test
    void aReaderInheritsTheBoundForAHugeFieldWithAnAnsiSequence() throws Exception {
        Path p = dir.resolve("huge.csv");
        String field = "\u001b[2J" + "9".repeat(10_000_000) + "z";
        Files.writeString(p, "label,score\n1,0.5\n0," + field + "\n", StandardCharsets.UTF_8);
        InputException e = assertThrows(InputException.class,
                () -> PredictionReader.read(InputSpec.builder().file(p).build()));
        assertTrue(e.getMessage().length() < 300, e.getMessage().length() + "");
        assertTrue(e.getMessage().contains("found '\\x1b[2J" + "9".repeat(36) + "\u2026 ("), e.getMessage());
        assertEquals(3, e.line());
    }
}

package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CsvChunk#parse} sizes its arrays from the bytes (no counting pass) and grows them: every
 * row is kept, however much shorter the rows are than the first; a reused chunk grows too. A number
 * read where it stands gives the value {@link FastNumber#number} gives on its field.
 */
class CsvChunkRowsTest {
    /** label,score: the label coded per chunk. */
    private static final CsvChunk.Plan BINARY = new CsvChunk.Plan((byte) ',',
            new byte[] {CsvChunk.LABEL, CsvChunk.NUMBER}, new int[] {0, 0}, 1, 0, null);
    /** note,w,score,y: a skipped text, a weight, a score and a 0/1 indicator. */
    private static final CsvChunk.Plan MIXED = new CsvChunk.Plan((byte) '\t',
            new byte[] {CsvChunk.SKIP, CsvChunk.WEIGHT, CsvChunk.NUMBER, CsvChunk.INDICATOR}, new int[] {0, 1, 0, 0},
            2, 1, null);

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keepsEveryRowWhenTheRowsAreShorterThanTheFirst() {
        StringBuilder sb = new StringBuilder("0,0.12345678901234567890123456789012345678901234567890\n");
        List<Double> scores = new ArrayList<>();
        scores.add(0.12345678901234567890123456789012345678901234567890);
        SplittableRandom r = new SplittableRandom(14);
        for (int i = 0; i < 5000; i++) {
            int v = r.nextInt(10);
            sb.append(i % 2).append(',').append(v).append(i % 3 == 0 ? "\r\n" : "\n");
            scores.add((double) v);
        }
        byte[] b = bytes("xx" + sb + "yy");
        CsvChunk c = CsvChunk.parse(b, 2, b.length - 2, BINARY, null);
        assertNotNull(c);
        assertEquals(scores.size(), c.rows);
        for (int i = 0; i < c.rows; i++) {
            assertEquals(scores.get(i), c.numbers[i], "row " + i);
            assertEquals(i == 0 ? 0 : (i - 1) % 2 == 0 ? 0 : 1, c.labels[i], "row " + i);
        }
        // a reused chunk (sized for these rows) grows for more rows, and keeps them all
        byte[] more = bytes(sb.toString().repeat(3));
        CsvChunk again = CsvChunk.parse(more, 0, more.length, BINARY, c);
        assertNotNull(again);
        assertEquals(3 * scores.size(), again.rows);
        for (int i = 0; i < again.rows; i++) {
            assertEquals(scores.get(i % scores.size()), again.numbers[i], "row " + i);
        }
    }

    @Test
    void growsEveryColumnOfARow() {
        StringBuilder sb = new StringBuilder("a long note to make the first line long,0.5,0.25,1\n");
        for (int i = 0; i < 3000; i++) {
            sb.append(",").append(i).append(",-").append(i).append(".5e-1,").append(i % 2).append('\n');
        }
        byte[] b = bytes(sb.toString().replace(',', '\t'));
        CsvChunk c = CsvChunk.parse(b, 0, b.length, MIXED, null);
        assertNotNull(c);
        assertEquals(3001, c.rows);
        assertEquals(0.25, c.numbers[0]);
        assertEquals(0.5, c.numbers[1]);
        assertEquals(1, c.indicators[0]);
        for (int i = 0; i < 3000; i++) {
            assertEquals(Double.parseDouble("-" + i + ".5e-1"), c.numbers[2 * (i + 1)], "row " + i);
            assertEquals(i, c.numbers[2 * (i + 1) + 1], "row " + i);
            assertEquals(i % 2, c.indicators[i + 1], "row " + i);
        }
    }

    /** A score field however it is written: the chunk takes it exactly when FastNumber.number takes the field. */
    @ParameterizedTest
    @ValueSource(strings = {"0.35718421795863376", "+.5", "-0", "1E-3", " 0.25", "0.75 ", "\"0.5\"", "\" 0.5\"",
        "1e", "1e+", "1.", ".", "-", "0.5x", "0.5e3.1", "1..2", "0x10", "1e400", "nan", "", "12345678901234567890123",
        "0.5\"", "1 2", "\t3"})
    void readsANumberWhereItStandsAsTheFieldWouldBeRead(String score) {
        for (String end : new String[] {"", "\n", "\r\n", "\n1,2\n"}) {
            byte[] b = bytes("1," + score + end);
            CsvChunk c = CsvChunk.parse(b, 0, b.length, BINARY, null);
            String field = score.startsWith("\"") && score.endsWith("\"") && score.length() > 1
                    ? score.substring(1, score.length() - 1) : score;
            byte[] f = bytes(field);
            double expected = FastNumber.number(f, 0, f.length);
            if (Double.isNaN(expected) || score.indexOf('"') >= 0 && !score.equals("\"" + field + "\"")) {
                assertNull(c, () -> "[" + score + "]");
            } else {
                assertNotNull(c, () -> "[" + score + "]");
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(c.numbers[0]),
                        () -> "[" + score + "]");
            }
        }
    }
}

package org.discern.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticFraudTest {

    @Test
    void writesTheKaggleLayoutWithExactCountsAndIncreasingTime(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("fraud.csv");
        SyntheticFraud.of(5000, 40, 3).write(f);
        String first = Files.readAllLines(f).get(0);
        StringBuilder expected = new StringBuilder("\"Time\"");
        for (int j = 1; j <= 28; j++) {
            expected.append(",\"V").append(j).append('"');
        }
        expected.append(",\"Amount\",\"Class\"");
        assertEquals(expected.toString(), first);
        String row = Files.readAllLines(f).get(1);
        assertTrue(row.endsWith(",\"0\"") || row.endsWith(",\"1\""), row);

        Table t = TableReader.builder().build().read(f);
        assertEquals(5000, t.rows());
        assertEquals(40, t.positives());
        assertEquals(30, t.width());
        for (int i = 1; i < t.rows(); i++) {
            assertTrue(t.value(i, 0) >= t.value(i - 1, 0), "Time decreases at row " + i);
        }
        assertTrue(t.value(t.rows() - 1, 0) < 172800);
        for (int i = 0; i < t.rows(); i++) {
            assertTrue(t.value(i, 29) > 0 && t.value(i, 29) <= 25000, "Amount " + t.value(i, 29));
        }
        // the file reads back exactly as the in-memory table
        Table mem = SyntheticFraud.of(5000, 40, 3).table();
        assertArrayEquals(mem.values(), t.values());
        assertArrayEquals(mem.labels(), t.labels());
    }

    @Test
    void seededAndLocaleIndependent() throws Exception {
        StringWriter a = new StringWriter();
        StringWriter b = new StringWriter();
        StringWriter c = new StringWriter();
        SyntheticFraud.of(300, 5, 9).write(a);
        SyntheticFraud.of(300, 5, 9).write(b);
        SyntheticFraud.of(300, 5, 10).write(c);
        assertEquals(a.toString(), b.toString());
        assertTrue(!a.toString().equals(c.toString()));
        // no locale decimal commas: 31 fields per line
        for (String line : a.toString().split("\n")) {
            assertEquals(31, line.split(",", -1).length, line);
        }
    }

    @Test
    void documentedShiftsShowInTheClassMeans() {
        Table t = SyntheticFraud.of(40000, 4000, 5).table();
        // V14 (column 14): negatives N(0, s^2), positives mean s * (0.75 * -2.4 + 0.25 * 0.25 * -2.4)
        double s14 = 2 * Math.pow(0.94, 13);
        double expectedPos = s14 * -2.4 * (0.75 + 0.25 * 0.25);
        double[] sum = new double[2];
        int[] n = new int[2];
        for (int i = 0; i < t.rows(); i++) {
            int c = t.label(i) ? 1 : 0;
            sum[c] += t.value(i, 14);
            n[c]++;
        }
        assertEquals(0, sum[0] / n[0], 0.03);
        // standard error of the positive mean is about s14 * 1.6 / sqrt(4000) = 0.02
        assertEquals(expectedPos, sum[1] / n[1], 0.1);
        // V1 carries no shift: both class means near 0 (scale 2)
        double v1p = 0;
        for (int i = 0; i < t.rows(); i++) {
            if (t.label(i)) {
                v1p += t.value(i, 1);
            }
        }
        assertEquals(0, v1p / 4000, 0.1);
    }

    @Test
    void appendFixedIsPlainDecimal() {
        StringBuilder sb = new StringBuilder();
        SyntheticFraud.appendFixed(sb, -1.23456789, 6);
        sb.append(' ');
        SyntheticFraud.appendFixed(sb, 0.0000004, 6);
        sb.append(' ');
        SyntheticFraud.appendFixed(sb, 12.5, 2);
        sb.append(' ');
        SyntheticFraud.appendFixed(sb, -0.05, 2);
        assertEquals("-1.234568 0.000000 12.50 -0.05", sb.toString());
    }

    @Test
    void rejectsImpossibleCounts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyntheticFraud.of(10, 10, 1));
        assertEquals("positives must be in [1, rows - 1] = [1, 9], got 10", e.getMessage());
    }
}

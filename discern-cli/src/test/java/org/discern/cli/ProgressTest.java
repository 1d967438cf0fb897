package org.discern.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void plainLinesEndWithOneLineCarryingTheTrueTotal() {
        StringWriter out = new StringWriter();
        Progress p = new Progress(new PrintWriter(out), false, 0);
        p.progress("f.csv", 500, 1000, 983_040);
        p.done("f.csv", 1_000_000);
        String[] lines = out.toString().split("\\R");
        assertEquals(2, lines.length, out.toString());
        assertEquals("reading f.csv:  50%, 983,040 rows", lines[0]);
        assertTrue(lines[1].startsWith("read f.csv: 1,000,000 rows in "), lines[1]);
    }

    @Test
    void theRowCountIsSetApartFromTheRate() {
        // the bar prints its rate and then this text: "33.2 MB/s" + " (983,040 rows)"
        assertEquals(" (983,040 rows)", Progress.rowsText(983_040));
    }

    @Test
    void reportStepsStartAndEndAtTheirTrueTotal() {
        StringWriter out = new StringWriter();
        Progress p = new Progress(new PrintWriter(out), false, 0);
        p.step("computing the evaluation", 0, 1);
        p.step("computing the evaluation", 1, 1);
        p.step("drawing charts", 0, 9);
        // within 2 s of the last line: not repeated
        p.step("drawing charts", 3, 9);
        p.step("drawing charts", 9, 9);
        String[] lines = out.toString().split("\\R");
        assertEquals(4, lines.length, out.toString());
        assertTrue(lines[0].startsWith("computing the evaluation: started ("), lines[0]);
        assertTrue(lines[1].startsWith("computing the evaluation: done ("), lines[1]);
        assertTrue(lines[2].startsWith("drawing charts: 0 of 9 ("), lines[2]);
        assertTrue(lines[3].startsWith("drawing charts: 9 of 9 ("), lines[3]);
        assertEquals("writing curves: 1,200 of 25,000 (3.5 s)", Progress.stepText("writing curves", 1200, 25_000, 3.5));
    }

    @Test
    void quickReportsSayNothing() {
        StringWriter out = new StringWriter();
        Progress p = new Progress(new PrintWriter(out), false, 60_000_000_000L);
        p.step("drawing charts", 0, 9);
        p.step("drawing charts", 9, 9);
        assertEquals("", out.toString());
    }
}

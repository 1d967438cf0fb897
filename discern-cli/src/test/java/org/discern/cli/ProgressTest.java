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
}

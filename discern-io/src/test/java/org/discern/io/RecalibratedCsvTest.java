package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.discern.metrics.OperatingPoints;
import org.discern.metrics.PriorShiftCalibrator;
import org.discern.metrics.ThresholdSweep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecalibratedCsvTest {
    @TempDir
    Path dir;

    @Test
    void replacesOnlyTheScoreColumn() throws IOException {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "id,label,score,note\n1,1,0.5,\"a, b\"\n2,0,0.9,x\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out.csv");
        // training 1/2 -> target 1/10: 0.5 -> 0.1, 0.9 -> 0.5 (see PriorShiftCalibrator's tests)
        PriorShiftCalibrator c = PriorShiftCalibrator.binary(0.5, 0.1);
        assertEquals(2, RecalibratedCsv.write(in, "score", c, out));
        assertEquals("id,label,score,note\n1,1," + c.apply(0.5) + ",\"a, b\"\n2,0," + c.apply(0.9) + ",x\n",
                Files.readString(out));
    }

    @Test
    void keepsTabs() throws IOException {
        Path in = dir.resolve("in.tsv");
        Files.writeString(in, "label\tscore\n1\t0.5\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out.tsv");
        RecalibratedCsv.write(in, "score", PriorShiftCalibrator.binary(0.5, 0.5), out);
        assertEquals("label\tscore\n1\t0.5\n", Files.readString(out));
    }

    @Test
    void refusesToOverwriteTheInput() throws IOException {
        Path in = dir.resolve("in.csv");
        String content = "label,score\n1,0.5\n";
        Files.writeString(in, content, StandardCharsets.UTF_8);
        OutputException e = assertThrows(OutputException.class,
                () -> RecalibratedCsv.write(in, "score", PriorShiftCalibrator.binary(0.5, 0.1), dir.resolve("./in.csv")));
        assertTrue(e.refused());
        assertTrue(e.getMessage().contains("refusing to write over the input file"), e.getMessage());
        assertEquals(content, Files.readString(in));
    }

    @Test
    void badScoreNamesLineAndColumnAndLeavesNoFile() throws IOException {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "label,score\n1,0.5\n0,1.5\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out.csv");
        InputException e = assertThrows(InputException.class,
                () -> RecalibratedCsv.write(in, "score", PriorShiftCalibrator.binary(0.5, 0.1), out));
        assertEquals(in + ":3: column 'score': cannot recalibrate: probability must be in [0, 1], got 1.5", e.getMessage());
        assertFalse(Files.exists(out));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count()); // no temporary file left behind
        }
    }

    @Test
    void sweepCsv() throws IOException {
        OperatingPoints op = OperatingPoints.of(new double[] {0.9, 0.2}, new boolean[] {true, false});
        StringWriter w = new StringWriter();
        SweepCsv.write(ThresholdSweep.all(op), w);
        String[] lines = w.toString().split("\n");
        assertEquals("threshold,tp,fp,tn,fn,flagged_fraction,precision,recall,specificity,fpr,fnr,npv,accuracy,"
                + "balanced_accuracy,f1,mcc,youden_j,cohen_kappa", lines[0]);
        assertEquals("inf,0.0,0.0,1.0,1.0,0.0,nan,0.0,1.0,0.0,1.0,0.5,0.5,0.5,0.0,nan,0.0,0.0", lines[1]);
        assertEquals("0.9,1.0,0.0,1.0,0.0,0.5,1.0,1.0,1.0,0.0,0.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0", lines[2]);
        assertEquals(4, lines.length);
    }
}

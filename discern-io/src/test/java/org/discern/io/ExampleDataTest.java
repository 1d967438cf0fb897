package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** examples/malware25 (written by make_malware25.py) reads as its README describes it. */
class ExampleDataTest {
    static final Path DIR = Path.of("..", "examples", "malware25");

    static final List<String> FAMILIES = List.of("Adialer.C", "Agent.FYI", "Allaple.A", "Allaple.L",
            "Alueron.gen!J", "Autorun.K", "C2LOP.P", "C2LOP.gen!g", "Dialplatform.B", "Dontovo.A", "Fakerean",
            "Instantaccess", "Lolyda.AA1", "Lolyda.AA2", "Lolyda.AA3", "Lolyda.AT", "Malex.gen!J", "Obfuscator.AD",
            "Rbot!gen", "Skintrim.N", "Swizzor.gen!E", "Swizzor.gen!I", "VB.AT", "Wintrim.BX", "Yuner.A");
    static final int[] COUNTS = {122, 116, 2949, 1591, 198, 106, 146, 200, 177, 162, 381, 431, 213, 184, 123, 159,
        136, 142, 158, 80, 128, 132, 408, 97, 800};

    static MultiClassPredictions npy() throws IOException {
        return NpyInput.multiClass(NpyArray.read(DIR.resolve("y_true.npy")), NpyArray.read(DIR.resolve("y_score.npy")),
                ClassNames.read(DIR.resolve("class_names.txt")), null);
    }

    @Test
    void npyFilesHoldMalimgShapedPredictions() throws IOException {
        NpyArray y = NpyArray.read(DIR.resolve("y_true.npy"));
        NpyArray s = NpyArray.read(DIR.resolve("y_score.npy"));
        assertEquals(NpyType.INT64, y.type());
        assertEquals(NpyType.FLOAT32, s.type());
        MultiClassPredictions m = npy();
        assertEquals(9339, m.size());
        assertEquals(FAMILIES, m.classNames());
        assertTrue(m.scores().isFloat());
        int[] counts = new int[25];
        int correct = 0;
        double worstSum = 0;
        for (int i = 0; i < m.size(); i++) {
            counts[m.label(i)]++;
            int best = 0;
            double sum = 0;
            for (int k = 0; k < 25; k++) {
                double v = m.score(i, k);
                assertTrue(v >= 0 && v <= 1, "score in [0, 1]");
                sum += v;
                if (v > m.score(i, best)) {
                    best = k;
                }
            }
            worstSum = Math.max(worstSum, Math.abs(sum - 1));
            correct += best == m.label(i) ? 1 : 0;
        }
        assertEquals(Arrays.toString(COUNTS), Arrays.toString(counts));
        // README: accuracy 96.3% (347 errors), rows sum to 1 within 1.6e-6
        assertEquals(9339 - 347, correct);
        assertTrue(worstSum < 1.6e-6, "row sums within 1.6e-6 of 1, worst " + worstSum);
    }
}

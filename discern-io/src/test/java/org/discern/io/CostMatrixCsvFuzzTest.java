package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.discern.metrics.CostMatrix;

/**
 * Fuzz target of the cost-matrix reader ({@code discern threshold FILE --cost-matrix FILE}):
 * whatever the text, parsing either gives a cost matrix for the three classes or fails with an
 * {@link InputException}; a matrix that was read holds finite costs {@code >= 0} and decides
 * every probability row as a class in range. Regression inputs in
 * {@code src/test/resources/org/discern/io/CostMatrixCsvFuzzTestInputs/parse}; fuzz for real with
 * {@code JAZZER_FUZZ=1 mvn -pl discern-io -am test -Dtest=CostMatrixCsvFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CostMatrixCsvFuzzTest {
    private static final List<String> CLASSES = List.of("a", "b", "c");
    private static final double[] ROWS = {1, 0, 0, 0, 1, 0, 0, 0, 1, 0.2, 0.3, 0.5, 0, 0, 0};

    @FuzzTest(maxDuration = "5m")
    void parse(byte[] data) {
        CostMatrix m;
        try {
            m = CostMatrixCsv.parse(new String(data, StandardCharsets.UTF_8), "fuzz.csv", CLASSES);
        } catch (InputException expected) {
            return;
        }
        assertEquals(CLASSES, m.classes());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double c = m.cost(i, j);
                if (!(c >= 0 && c < Double.POSITIVE_INFINITY)) {
                    throw new AssertionError("cost(" + i + ", " + j + ") = " + c);
                }
            }
        }
        for (int r = 0; r < ROWS.length / 3; r++) {
            int d = m.decide(ROWS, r * 3);
            if (d < 0 || d >= 3) {
                throw new AssertionError("decided " + d);
            }
        }
    }
}

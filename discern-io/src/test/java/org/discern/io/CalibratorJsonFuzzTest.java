package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.discern.metrics.Calibrator;
import org.discern.metrics.PriorShiftCalibrator;

/**
 * Fuzz target of the calibrator JSON reader ({@code discern calibrate --apply FILE}): whatever the
 * text, parsing either gives a calibrator or fails with an {@link InputException}; a calibrator
 * that was read maps every score of its domain to a number in [0, 1] (outside the domain: the
 * documented IllegalArgumentException) and survives a write and a read unchanged. Regression inputs in {@code src/test/resources/org/discern/io/CalibratorJsonFuzzTestInputs/parse};
 * fuzz for real with {@code JAZZER_FUZZ=1 mvn -pl discern-io -am test -Dtest=CalibratorJsonFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CalibratorJsonFuzzTest {
    private static final double[] PROBES = {-1e300, -3, 0, 1e-300, 0.25, 0.5, 0.999, 1, 7, 1e300};

    @FuzzTest(maxDuration = "5m")
    void parse(byte[] data) throws InputException {
        Calibrator c;
        try {
            c = CalibratorJson.parse(new String(data, StandardCharsets.UTF_8), "fuzz.json");
        } catch (InputException expected) {
            return;
        }
        Calibrator again = CalibratorJson.parse(CalibratorJson.toText(c), "again.json");
        for (double s : PROBES) {
            double p;
            try {
                p = c.apply(s);
            } catch (IllegalArgumentException | IllegalStateException e) {
                // the documented domain: a prior shift maps probabilities only, and a binary
                // probability only with 2 classes; Platt and isotonic map every finite score
                boolean allowed = c instanceof PriorShiftCalibrator
                        && (e instanceof IllegalStateException || !(s >= 0 && s <= 1));
                if (!allowed) {
                    throw e;
                }
                continue;
            }
            if (!(p >= 0 && p <= 1)) {
                throw new AssertionError(c + " maps " + s + " to " + p + ", not a probability");
            }
            assertEquals(p, again.apply(s), c + " after a write and a read, at " + s);
        }
    }
}

package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.discern.metrics.Calibrator;
import org.discern.metrics.IsotonicCalibrator;
import org.discern.metrics.PlattCalibrator;
import org.discern.metrics.PriorShiftCalibrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CalibratorJsonTest {
    @TempDir
    Path dir;

    static Stream<Calibrator> calibrators() {
        return Stream.of(
                new PlattCalibrator(-1.0138689947643036, 1.1272252806352359),
                PlattCalibrator.fit(new double[] {-1, -1, -1, 1, 1, 1}, new boolean[] {true, false, false, true, true, false},
                        null),
                IsotonicCalibrator.of(new double[] {0.1, 0.35, 0.9}, new double[] {0.0, 1.0 / 3, 1}),
                PriorShiftCalibrator.binary(0.5, 0.013),
                PriorShiftCalibrator.of(new double[] {0.2, 0.3, 0.5}, new double[] {0.4, 0.3, 0.3}));
    }

    @ParameterizedTest
    @MethodSource("calibrators")
    void roundTripsExactly(Calibrator c) throws IOException {
        Path f = dir.resolve("cal.json");
        CalibratorJson.write(c, f);
        Calibrator back = CalibratorJson.read(f);
        assertEquals(c, back);
        if (!(c instanceof PriorShiftCalibrator s) || s.classes() == 2) {
            assertEquals(c.apply(0.37), back.apply(0.37));
        }
        String text = Files.readString(f);
        assertTrue(text.contains("\"type\" : \"" + c.type() + "\""), text);
        assertTrue(text.contains("\"version\" : 1"), text);
    }

    @Test
    void writesTheDocumentedShape() {
        assertEquals("{\"type\":\"platt\",\"version\":1,\"a\":-2.5,\"b\":0.25}",
                CalibratorJson.toJson(new PlattCalibrator(-2.5, 0.25)).toString());
        assertEquals("{\"type\":\"prior_shift\",\"version\":1,\"training_priors\":[0.5,0.5],\"target_priors\":[0.75,0.25]}",
                CalibratorJson.toJson(PriorShiftCalibrator.binary(0.5, 0.25)).toString());
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of("{\"type\":\"platt\",\"a\":1,\"b\":2}", "expected \"version\": 1, found none"),
                Arguments.of("{\"type\":\"platt\",\"version\":2,\"a\":1,\"b\":2}", "expected \"version\": 1, found 2"),
                Arguments.of("{\"type\":\"svm\",\"version\":1}", "expected \"type\" platt, isotonic or prior_shift, found \"svm\""),
                Arguments.of("{\"type\":\"platt\",\"version\":1,\"a\":\"x\",\"b\":2}", "expected a number in \"a\", found \"x\""),
                Arguments.of("{\"type\":\"isotonic\",\"version\":1,\"x\":[2,1],\"y\":[0,1]}", "invalid isotonic calibrator: x[1] must be > x[0] = 2.0, got 1.0"),
                // found by fuzzing: an isotonic map must give probabilities
                Arguments.of("{\"type\":\"isotonic\",\"version\":1,\"x\":[0.1,0.5,0.8],\"y\":[0,0.5,12]}",
                        "invalid isotonic calibrator: y[2] must be a probability in [0, 1], got 12.0"),
                Arguments.of("[1]", "expected a JSON object with \"type\" and \"version\""));
    }

    @ParameterizedTest
    @MethodSource("bad")
    void rejectsWithAClearMessage(String json, String problem) {
        InputException e = assertThrows(InputException.class, () -> CalibratorJson.parse(json, "cal.json"));
        assertEquals("cal.json: " + problem, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "not json"})
    void rejectsMalformedJson(String json) {
        InputException e = assertThrows(InputException.class, () -> CalibratorJson.parse(json, "cal.json"));
        assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
    }

    @Test
    void missingFile() {
        InputException e = assertThrows(InputException.class, () -> CalibratorJson.read(dir.resolve("none.json")));
        assertTrue(e.getMessage().endsWith("none.json: no such file"), e.getMessage());
    }
}

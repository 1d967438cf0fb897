package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;

import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Invalid input throws at once, naming the index and the value (STYLE rule 7). */
class InvalidInputTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("unequal lengths", (Executable) () -> BinaryEvaluation.of(
                        new double[] {1, 2}, new boolean[] {true}),
                        "scores and labels must have the same length, got 2 and 1"),
                Arguments.of("empty", (Executable) () -> BinaryEvaluation.of(new double[0], new boolean[0]),
                        "scores must not be empty"),
                Arguments.of("NaN score", (Executable) () -> BinaryEvaluation.of(
                        new double[] {0.1, Double.NaN}, new boolean[] {true, false}),
                        "scores[1] must be finite, got NaN"),
                Arguments.of("infinite score", (Executable) () -> BinaryEvaluation.of(
                        new double[] {Double.POSITIVE_INFINITY, 0}, new boolean[] {true, false}),
                        "scores[0] must be finite, got Infinity"),
                Arguments.of("NaN float score", (Executable) () -> BinaryEvaluation.of(
                        new float[] {0, 1, Float.NaN}, new boolean[] {true, false, true}),
                        "scores[2] must be finite, got NaN"),
                Arguments.of("negative weight", (Executable) () -> BinaryEvaluation.of(
                        new double[] {0.1, 0.2}, new boolean[] {true, false}, new double[] {1, -0.5}),
                        "weights[1] must be finite and >= 0, got -0.5"),
                Arguments.of("NaN weight", (Executable) () -> BinaryEvaluation.of(
                        new double[] {0.1, 0.2}, new boolean[] {true, false}, new double[] {Double.NaN, 1}),
                        "weights[0] must be finite and >= 0, got NaN"),
                Arguments.of("weights length", (Executable) () -> BinaryEvaluation.of(
                        new double[] {0.1, 0.2}, new boolean[] {true, false}, new double[] {1}),
                        "scores and weights must have the same length, got 2 and 1"),
                Arguments.of("label 2", (Executable) () -> BinaryEvaluation.of(
                        new double[] {0.1, 0.2}, new int[] {1, 2}, null),
                        "labels[1] must be 0 or 1, got 2"),
                Arguments.of("max fpr 0", (Executable) () -> BinaryEvaluation.of(
                        new double[] {0.1, 0.2}, new boolean[] {true, false}).partialRocAuc(0),
                        "maxFpr must be in (0, 1], got 0.0"),
                Arguments.of("depth", (Executable) () -> BinaryEvaluation.of(
                        new double[] {0.1, 0.2}, new boolean[] {true, false}).gain(1.5),
                        "depth must be in [0, 1], got 1.5"),
                Arguments.of("beta", (Executable) () -> new ConfusionMatrix(1, 1, 1, 1).fBeta(0),
                        "beta must be finite and > 0, got 0.0"),
                Arguments.of("negative count", (Executable) () -> new ConfusionMatrix(1, -1, 1, 1),
                        "fp must be finite and >= 0, got -1.0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void throwsWithIndexAndValue(String name, Executable call, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }
}

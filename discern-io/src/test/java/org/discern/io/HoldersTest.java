package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ScoreMatrix, LabelArray, MultiClassPredictions, MultiLabelPredictions and ClassNames. */
class HoldersTest {
    @TempDir
    Path dir;

    private static final ScoreMatrix S = ScoreMatrix.of(new double[] {0.5, 0.2, 0.3, 0.1, 0.8, 0.1}, 2, 3);

    interface Call {
        void run();
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of((Call) () -> ScoreMatrix.of(new float[] {1, 2, 3}, 2, 2),
                        "scores must hold rows * columns = 4 elements, got 3"),
                Arguments.of((Call) () -> ScoreMatrix.of(new double[] {1, 2}, 2, 0),
                        "rows must be >= 0 and columns >= 1, got 2 and 0"),
                Arguments.of((Call) () -> ScoreMatrix.of(new float[] {1, 2, 3, Float.NaN}, 2, 2),
                        "scores[1, 1] must be finite, got NaN"),
                Arguments.of((Call) () -> ScoreMatrix.of(new double[] {1, Double.POSITIVE_INFINITY}, 1, 2),
                        "scores[0, 1] must be finite, got Infinity"),
                Arguments.of((Call) () -> LabelArray.ofIndicator(new int[] {0, 1, 2, 0}, 2, 2),
                        "indicator[1, 0] must be 0 or 1, got 2"),
                Arguments.of((Call) () -> MultiClassPredictions.of(new int[] {0, 3}, List.of("a", "b", "c"), S, null),
                        "labels[1] must be in 0..2, got 3"),
                Arguments.of((Call) () -> MultiClassPredictions.of(new int[] {0}, List.of("a", "b", "c"), S, null),
                        "labels and scores must have the same number of samples, got 1 and 2"),
                Arguments.of((Call) () -> MultiClassPredictions.of(new int[] {0, 1}, List.of("a", "b"), S, null),
                        "classNames must hold 3 names (one per score column), got 2"),
                Arguments.of((Call) () -> MultiClassPredictions.of(new int[] {0, 1}, List.of("a", "b", "a"), S, null),
                        "classNames[2] must be unique, got 'a' again"),
                Arguments.of((Call) () -> MultiClassPredictions.of(new int[] {0, 1}, List.of("a", "", "c"), S, null),
                        "classNames[1] must be a non-empty name, got ''"),
                Arguments.of((Call) () -> MultiClassPredictions.of(new int[] {0, 1}, List.of("a", "b", "c"), S,
                        new double[] {1, -0.5}), "weights[1] must be finite and >= 0, got -0.5"),
                Arguments.of((Call) () -> MultiClassPredictions.of(new int[] {0, 1}, List.of("a", "b", "c"), S,
                        new double[] {1}), "weights must have one element per sample (2), got 1"),
                Arguments.of((Call) () -> MultiClassPredictions.of(new int[] {0, 0},
                        List.of("a"), ScoreMatrix.of(new double[] {1, 1}, 2, 1), null),
                        "scores must have at least 2 columns (classes), got 1"),
                Arguments.of((Call) () -> MultiLabelPredictions.of(new int[] {0, 1, 0, 1, 2, 0}, List.of("a", "b", "c"),
                        S, null), "indicator[1, 1] must be 0 or 1, got 2"),
                Arguments.of((Call) () -> MultiLabelPredictions.of(new boolean[5], List.of("a", "b", "c"), S, null),
                        "indicator must have the shape of the scores, 2 x 3 = 6 elements, got 5"));
    }

    @ParameterizedTest
    @MethodSource("badArguments")
    void badArgumentsFailFast(Call call, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(message, e.getMessage());
    }

    @Test
    void scoreMatrixCopiesInAndOut() {
        float[] f = {0.25f, 0.75f, 0.5f, 0.5f};
        ScoreMatrix m = ScoreMatrix.of(f, 2, 2);
        f[0] = 9;
        assertEquals(0.25, m.get(0, 0));
        float[] out = m.toFloatArray();
        out[1] = 9;
        assertEquals(0.75, m.get(0, 1));
        assertArrayEquals(new double[] {0.75, 0.5}, m.column(1), 0.0);
        assertArrayEquals(new float[] {0.25f, 0.5f}, m.floatColumn(0), 0f);
        assertArrayEquals(new double[] {0.25, 0.75, 0.5, 0.5}, m.toDoubleArray(), 0.0);
        assertThrows(IllegalStateException.class, S::toFloatArray);
        assertThrows(IllegalStateException.class, () -> S.floatColumn(0));
        assertThrows(IndexOutOfBoundsException.class, () -> m.get(2, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> m.column(2));
        assertEquals(ScoreMatrix.of(new float[] {0.25f, 0.75f, 0.5f, 0.5f}, 2, 2), m);
        assertNotEquals(ScoreMatrix.of(new double[] {0.25, 0.75, 0.5, 0.5}, 2, 2), m);
        assertEquals("ScoreMatrix[2 x 2 float]", m.toString());
    }

    @Test
    void multiClassCopiesInAndOut() {
        int[] labels = {2, 0};
        double[] w = {1, 2};
        MultiClassPredictions m = MultiClassPredictions.of(labels, List.of("a", "b", "c"), S, w);
        labels[0] = 1;
        w[0] = 5;
        assertEquals(2, m.label(0));
        assertEquals(1.0, m.weight(0));
        m.labels()[0] = 1;
        m.weights()[0] = 5;
        assertArrayEquals(new int[] {2, 0}, m.labels());
        assertArrayEquals(new double[] {1, 2}, m.weights(), 0.0);
        assertEquals(3, m.classCount());
        assertEquals(0.8, m.score(1, 1));
        assertThrows(UnsupportedOperationException.class, () -> m.classNames().set(0, "z"));
        assertEquals(m, MultiClassPredictions.of(new int[] {2, 0}, List.of("a", "b", "c"), S, new double[] {1, 2}));
        assertEquals("MultiClassPredictions[n=2, classes=[a, b, c], double scores, weighted]", m.toString());
    }

    @Test
    void multiLabelIntAndBooleanAgree() {
        MultiLabelPredictions a = MultiLabelPredictions.of(new int[] {1, 0, 1, 0, 0, 1}, List.of("x", "y", "z"), S,
                null);
        MultiLabelPredictions b = MultiLabelPredictions.of(new boolean[] {true, false, true, false, false, true},
                List.of("x", "y", "z"), S, null);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertArrayEquals(new boolean[] {true, false, true, false, false, true}, a.indicatorBooleans());
        assertArrayEquals(new int[] {1, 0, 1, 0, 0, 1}, b.indicator());
        assertEquals(0.1, a.score(1, 2));
    }

    @Test
    void classNamesFile() throws IOException {
        Path p = dir.resolve("names.txt");
        Files.writeString(p, "\uFEFFAdialer.C\r\nAgent.FYI\n  Alueron.gen!J \n\n\n");
        assertEquals(List.of("Adialer.C", "Agent.FYI", "Alueron.gen!J"), ClassNames.read(p));
        assertEquals(List.of("0", "1", "2"), ClassNames.defaults(3));
        Files.writeString(p, "a\n\nb\n");
        InputException blank = assertThrows(InputException.class, () -> ClassNames.read(p));
        assertEquals(2, blank.line());
        assertEquals("expected a class name, found a blank line", blank.problem());
        Files.writeString(p, "a\nb\na\n");
        InputException repeat = assertThrows(InputException.class, () -> ClassNames.read(p));
        assertEquals(3, repeat.line());
        assertEquals("class name 'a' repeats line 1; expected distinct names", repeat.problem());
        Files.writeString(p, "\n \n");
        assertEquals("expected one class name per line, found no names",
                assertThrows(InputException.class, () -> ClassNames.read(p)).problem());
        Files.write(p, new byte[] {'a', (byte) 0xFF, '\n'});
        assertEquals("expected UTF-8 text, one class name per line",
                assertThrows(InputException.class, () -> ClassNames.read(p)).problem());
    }
}

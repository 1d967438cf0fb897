package org.discern.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.discern.metrics.BinaryEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CurveTest {
    static Stream<Arguments> badArguments() {
        double[] two = {0, 1};
        return Stream.of(
                Arguments.of((Executable) () -> Curve.of("a", two, new double[] {0}), "x and y must have one equal, non-zero length, got 2 and 1"),
                Arguments.of((Executable) () -> Curve.of("a", new double[0], new double[0]), "x and y must have one equal, non-zero length, got 0 and 0"),
                Arguments.of((Executable) () -> Curve.of("a", two, two).withInterval(0.9, 0.8), "interval must have lower <= upper, got [0.9, 0.8]"),
                Arguments.of((Executable) () -> Band.of("b", two, new double[] {0, 0.5}, new double[] {0.1, 0.4}), "lower[1] must be <= upper[1], got 0.5 > 0.4"),
                Arguments.of((Executable) () -> Charts.scoreDistributions(java.util.Map.of("a", new double[] {Double.NaN}), 3), "scores of class a [0] must be finite, got NaN"),
                Arguments.of((Executable) () -> Charts.confusionMatrix(List.of("a", "b"), new double[][] {{1, 2}}, false), "counts must be 2 x 2 for 2 classes (and k >= 1), got 1 rows"),
                Arguments.of((Executable) () -> ChartFiles.writeGridPng(List.of(), 2, java.nio.file.Path.of("x.png")), "panels must not be empty"),
                Arguments.of((Executable) () -> HtmlReport.builder().maxEmbeddedRows(5), "rows must be >= 10, got 5"));
    }

    @ParameterizedTest
    @MethodSource("badArguments")
    void badArgumentsFailFastWithAMessage(Executable call, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }

    @Test
    void arraysAreCopiedInAndOut() {
        double[] x = {0, 0.5, 1};
        double[] y = {0, 0.7, 1};
        Curve c = Curve.of("c", x, y);
        x[1] = 0.9;
        c.y()[1] = 0.1;
        assertArrayEquals(new double[] {0, 0.5, 1}, c.x());
        assertArrayEquals(new double[] {0, 0.7, 1}, c.y());
        assertEquals(Curve.of("c", new double[] {0, 0.5, 1}, new double[] {0, 0.7, 1}), c);
    }

    @Test
    void adaptersReduceToCornersAndDropUndefinedPoints() {
        // tied scores: the PR and DET curves of a small sample, hand-derived
        double[] s = {0.9, 0.8, 0.8, 0.3};
        boolean[] y = {true, true, false, false};
        BinaryEvaluation ev = BinaryEvaluation.of(s, y);
        Curve pr = Curve.precisionRecall("m", ev.precisionRecallCurve(), ev.averagePrecision());
        // points: (0, 1) at +inf, (0.5, 1) at 0.9, (1, 2/3) at 0.8, (1, 0.5) at 0.3
        assertArrayEquals(new double[] {0, 0.5, 1, 1}, pr.x());
        assertArrayEquals(new double[] {1, 1, 2.0 / 3, 0.5}, pr.y(), 1e-15);
        // AP = 0.5 * 1 + 0.5 * 2/3
        assertEquals(0.5 + 1.0 / 3, pr.area(), 1e-15);
        assertEquals("m (AP 0.8333)", pr.label("AP"));
        Curve det = Curve.det("m", ev.detCurve());
        assertTrue(det.size() >= 1);
        BinaryEvaluation oneClass = BinaryEvaluation.of(new double[] {0.1, 0.2}, new boolean[] {true, true});
        // no negatives: FPR undefined everywhere, nothing to draw
        assertEquals(0, Curve.roc("x", oneClass.rocCurve()).size());
    }
}

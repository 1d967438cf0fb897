package org.discern.metrics;

import static org.discern.metrics.Approx.assertClose;
import static org.discern.metrics.Fixtures.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one-shot summaries against the golden fixtures, hand-derived cases and the table. */
class BinaryMetricsTest {

    static Stream<String> binary() {
        return Fixtures.BINARY.stream();
    }

    @ParameterizedTest
    @MethodSource("binary")
    void matchesScikitLearnAndTheTable(String name) {
        JsonNode fx = Fixtures.json(name);
        JsonNode in = fx.get("input");
        JsonNode ex = fx.get("expected");
        double[] scores = doubles(in.get("scores"));
        boolean[] labels = Fixtures.booleans(in.get("labels"));
        double[] weights = in.get("weights").isNull() ? null : doubles(in.get("weights"));

        assertClose(ex.get("roc_auc").asDouble(), BinaryMetrics.rocAuc(scores, labels, weights), name + " auc");
        assertClose(ex.get("average_precision").asDouble(),
                BinaryMetrics.averagePrecision(scores, labels, weights), name + " ap");

        BinaryEvaluation ev = BinaryEvaluation.of(scores, labels, weights);
        assertEquals(ev.rocAuc(), BinaryMetrics.rocAuc(scores, labels, weights), name + " auc vs table");
        assertEquals(ev.averagePrecision(), BinaryMetrics.averagePrecision(scores, labels, weights),
                name + " ap vs table");

        float[] f = new float[scores.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) scores[i];
        }
        BinaryEvaluation evf = BinaryEvaluation.of(f, labels, weights);
        assertEquals(evf.rocAuc(), BinaryMetrics.rocAuc(f, labels, weights), name + " float auc");
        assertEquals(evf.averagePrecision(), BinaryMetrics.averagePrecision(f, labels, weights),
                name + " float ap");
        if (weights == null) {
            assertEquals(evf.rocAuc(), BinaryMetrics.rocAuc(f, labels), name + " float auc 2-arg");
        }
    }

    @Test
    void handDerivedSmallCases() {
        // positives 0.9, 0.5; negatives 0.5, 0.1: pairs (0.9>0.5) (0.9>0.1) (0.5=0.5 half) (0.5>0.1)
        float[] s = {0.9f, 0.5f, 0.5f, 0.1f};
        boolean[] y = {true, true, false, false};
        assertEquals(3.5 / 4, BinaryMetrics.rocAuc(s, y));
        // thresholds 0.9: P=1/1, R=1/2; 0.5: P=2/3, R=2/2 -> AP = 0.5 * 1 + 0.5 * 2/3
        assertEquals(0.5 + 0.5 * (2.0 / 3), BinaryMetrics.averagePrecision(s, y), 1e-15);

        float[] tied = {0.3f, 0.3f, 0.3f, 0.3f, 0.3f};
        boolean[] two = {true, false, false, true, false};
        assertEquals(0.5, BinaryMetrics.rocAuc(tied, two));
        assertEquals(0.4, BinaryMetrics.averagePrecision(tied, two), 1e-15);

        assertEquals(1.0, BinaryMetrics.rocAuc(new float[] {2f, 1f}, new boolean[] {true, false}));
        assertEquals(0.0, BinaryMetrics.rocAuc(new float[] {1f, 2f}, new boolean[] {true, false}));
        // -0.0 and +0.0 tie
        assertEquals(0.5, BinaryMetrics.rocAuc(new float[] {-0.0f, 0.0f}, new boolean[] {true, false}));
    }

    @Test
    void oneClassIsNaN() {
        float[] s = {0.1f, 0.2f, 0.3f};
        assertTrue(Double.isNaN(BinaryMetrics.rocAuc(s, new boolean[] {true, true, true})));
        assertTrue(Double.isNaN(BinaryMetrics.rocAuc(s, new boolean[3])));
        assertTrue(Double.isNaN(BinaryMetrics.averagePrecision(s, new boolean[3])));
        assertTrue(Double.isNaN(BinaryMetrics.rocAuc(new float[] {0.5f}, new boolean[] {true})));
        assertTrue(Double.isNaN(BinaryMetrics.rocAuc(new double[] {0.5}, new boolean[] {false})));
        assertTrue(Double.isNaN(BinaryMetrics.rocAuc(s, new boolean[] {true, false, true},
                new double[] {1, 0, 1})), "zero negative weight");
    }

    /** Large inputs exercise the radix sorts and both the counting and the merging path. */
    @ParameterizedTest
    @ValueSource(doubles = {0.0005, 0.002, 0.05, 0.5, 0.97, 0.9995})
    void largeInputsAgreeWithTheTable(double prevalence) {
        SplittableRandom rnd = new SplittableRandom(42);
        int n = 300_000;
        float[] s = new float[n];
        double[] d = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextDouble() < prevalence;
            double z = (y[i] ? 1.0 : -1.0) + rnd.nextGaussian() * 1.5;
            d[i] = 1 / (1 + Math.exp(-z));
            if (rnd.nextInt(10) == 0) {
                d[i] = Math.round(d[i] * 100) / 100.0;
            } else if (rnd.nextInt(10) == 0 && i > 0) {
                d[i] = d[rnd.nextInt(i)];
            }
            s[i] = (float) d[i];
        }
        BinaryEvaluation ev = BinaryEvaluation.of(OperatingPoints.of(s, y));
        assertEquals(ev.rocAuc(), BinaryMetrics.rocAuc(s, y), "auc at prevalence " + prevalence);
        assertEquals(ev.averagePrecision(), BinaryMetrics.averagePrecision(s, y), "ap at prevalence " + prevalence);
        BinaryEvaluation evd = BinaryEvaluation.of(OperatingPoints.of(d, y));
        assertEquals(evd.rocAuc(), BinaryMetrics.rocAuc(d, y), "double auc at prevalence " + prevalence);
        assertEquals(evd.averagePrecision(), BinaryMetrics.averagePrecision(d, y),
                "double ap at prevalence " + prevalence);
    }

    /** Above 2^21 samples the counting pass runs on two threads; the result must not change. */
    @Test
    void twoThreadCountingAgreesWithTheTable() {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = (1 << 21) + 7;
        float[] s = new float[n];
        double[] d = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextInt(500) == 0;
            d[i] = Math.rint(((y[i] ? 1.5 : 0) + rnd.nextGaussian()) * 1000) / 1000;
            s[i] = (float) d[i];
        }
        BinaryEvaluation ev = BinaryEvaluation.of(OperatingPoints.of(s, y));
        assertEquals(ev.rocAuc(), BinaryMetrics.rocAuc(s, y));
        assertEquals(ev.averagePrecision(), BinaryMetrics.averagePrecision(s, y));
        BinaryEvaluation evd = BinaryEvaluation.of(OperatingPoints.of(d, y));
        assertEquals(evd.rocAuc(), BinaryMetrics.rocAuc(d, y));
        assertEquals(evd.averagePrecision(), BinaryMetrics.averagePrecision(d, y));
        // a NaN in the half counted by the other thread is still reported with its index
        int at = n - 3;
        y[at] = false;
        s[at] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BinaryMetrics.rocAuc(s, y));
        assertEquals("scores[" + at + "] must be finite, got NaN", e.getMessage());
    }

    static Stream<Arguments> badArguments() {
        float[] nanNeg = {0.1f, 0.2f, Float.NaN, 0.4f, 0.5f};
        float[] infPos = {0.1f, Float.POSITIVE_INFINITY, 0.3f, 0.4f, 0.5f};
        float[] ninf = {0.1f, 0.2f, 0.3f, Float.NEGATIVE_INFINITY, 0.5f};
        boolean[] y = {false, true, false, false, false};
        boolean[] balanced = {false, true, false, true, true};
        double[] manyDoubles = new double[40];
        boolean[] onePositive = new boolean[40];
        onePositive[3] = true;
        manyDoubles[30] = Double.POSITIVE_INFINITY;
        return Stream.of(
                Arguments.of("null scores", (Supplier<Double>) () -> BinaryMetrics.rocAuc((float[]) null, y),
                        "scores must not be null"),
                Arguments.of("null labels", (Supplier<Double>) () -> BinaryMetrics.rocAuc(new float[5], null),
                        "labels must not be null"),
                Arguments.of("empty", (Supplier<Double>) () -> BinaryMetrics.rocAuc(new float[0], new boolean[0]),
                        "scores must not be empty"),
                Arguments.of("lengths", (Supplier<Double>) () -> BinaryMetrics.rocAuc(new float[4], y),
                        "got 4 and 5"),
                Arguments.of("NaN negative", (Supplier<Double>) () -> BinaryMetrics.rocAuc(nanNeg, y),
                        "scores[2] must be finite, got NaN"),
                Arguments.of("inf positive", (Supplier<Double>) () -> BinaryMetrics.rocAuc(infPos, y),
                        "scores[1] must be finite, got Infinity"),
                Arguments.of("-inf negative", (Supplier<Double>) () -> BinaryMetrics.averagePrecision(ninf, y),
                        "scores[3] must be finite, got -Infinity"),
                Arguments.of("NaN, merging path", (Supplier<Double>) () -> BinaryMetrics.rocAuc(nanNeg, balanced),
                        "scores[2] must be finite, got NaN"),
                Arguments.of("NaN, one class", (Supplier<Double>) () -> BinaryMetrics.rocAuc(nanNeg, new boolean[5]),
                        "scores[2] must be finite, got NaN"),
                Arguments.of("NaN double", (Supplier<Double>) () -> BinaryMetrics.rocAuc(
                        new double[] {0.1, Double.NaN, 0.3}, new boolean[] {true, false, false}),
                        "scores[1] must be finite, got NaN"),
                Arguments.of("inf double, counting path", (Supplier<Double>) () -> BinaryMetrics.averagePrecision(
                        manyDoubles, onePositive), "scores[30] must be finite, got Infinity"),
                Arguments.of("negative weight", (Supplier<Double>) () -> BinaryMetrics.rocAuc(
                        new float[5], y, new double[] {1, 1, -0.5, 1, 1}),
                        "weights[2] must be finite and >= 0, got -0.5"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArguments")
    void invalidInputThrowsNamingIndexAndValue(String what, Supplier<Double> call, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::get, what);
        assertTrue(e.getMessage().contains(message), what + ": " + e.getMessage());
    }
}

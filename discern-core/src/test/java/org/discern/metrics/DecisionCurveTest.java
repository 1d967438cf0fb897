package org.discern.metrics;

import static org.discern.metrics.Fixtures.doubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DecisionCurveTest {
    private static final double TOL = 1e-12;

    /** Net benefit brute-forced from the confusion matrix counted row by row (no sort, no table). */
    private static double[] bruteForce(double[] s, boolean[] y, double[] w, double pt) {
        double tp = 0;
        double fp = 0;
        double tn = 0;
        double fn = 0;
        for (int i = 0; i < s.length; i++) {
            double wi = w == null ? 1 : w[i];
            boolean treat = s[i] >= pt;
            if (treat && y[i]) {
                tp += wi;
            } else if (treat) {
                fp += wi;
            } else if (y[i]) {
                fn += wi;
            } else {
                tn += wi;
            }
        }
        double n = tp + fp + tn + fn;
        double odds = pt / (1 - pt);
        double p = (tp + fn) / n;
        double nb = tp / n - fp / n * odds;
        return new double[] {nb, p - (1 - p) * odds, nb / p};
    }

    private static void close(double expected, double actual, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NaN, got " + actual);
            return;
        }
        assertEquals(expected, actual, TOL * Math.max(1, Math.abs(expected)), what);
    }

    @Test
    void handDerivedSmallCase() {
        // scores 0.9 0.7 0.7 0.4 0.2, labels 1 0 1 0 1; at pt = 0.7 (>=): TP = 2, FP = 1, n = 5
        double[] s = {0.9, 0.7, 0.7, 0.4, 0.2};
        boolean[] y = {true, false, true, false, true};
        DecisionCurve c = DecisionCurve.of(OperatingPoints.of(s, y), 0.7, 0.25, 0.95);
        close(2.0 / 5 - 1.0 / 5 * (0.7 / 0.3), c.netBenefit(0), "nb at 0.7");
        close(0.6 - 0.4 * (0.7 / 0.3), c.netBenefitAll(0), "all at 0.7");
        close((2.0 / 5 - 1.0 / 5 * (0.7 / 0.3)) / 0.6, c.standardizedNetBenefit(0), "snb at 0.7");
        // at 0.25: TP = 2, FP = 2 -> 0.4 - 0.4 / 3
        close(0.4 - 0.4 / 3, c.netBenefit(1), "nb at 0.25");
        // at 0.95: nobody treated
        assertEquals(0.0, c.netBenefit(2));
        assertEquals(0.0, c.netBenefitNone(2));
        assertEquals(2.0, c.truePositives(0));
        assertEquals(1.0, c.falsePositives(0));
        assertEquals(0.6, c.prevalence(), 1e-15);
        assertFalse(c.hasIntervals());
        assertTrue(c.interval(0).isEmpty());
    }

    static Stream<Arguments> randomCases() {
        return Stream.of(Arguments.of(1L, false), Arguments.of(2L, true), Arguments.of(3L, true), Arguments.of(4L, false));
    }

    @ParameterizedTest
    @MethodSource("randomCases")
    void equalsBruteForceFromTheConfusionMatrixAtEveryThreshold(long seed, boolean weighted) {
        Random r = new Random(seed);
        int n = 50 + r.nextInt(200);
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        double[] w = weighted ? new double[n] : null;
        for (int i = 0; i < n; i++) {
            s[i] = Math.round(r.nextDouble() * 20) / 20.0; // many ties, scores on the grid itself
            y[i] = r.nextDouble() < 0.3;
            if (w != null) {
                w[i] = r.nextInt(4) == 0 ? 0 : r.nextDouble() * 3;
            }
        }
        double[] grid = DecisionCurve.grid("0.01:0.99:0.01");
        DecisionCurve c = DecisionCurve.of(OperatingPoints.of(s, y, w), grid);
        assertEquals(99, c.size());
        for (int i = 0; i < c.size(); i++) {
            double[] b = bruteForce(s, y, w, grid[i]);
            close(b[0], c.netBenefit(i), "nb at " + grid[i]);
            close(b[1], c.netBenefitAll(i), "all at " + grid[i]);
            close(b[2], c.standardizedNetBenefit(i), "snb at " + grid[i]);
            close(b[0], DecisionCurve.netBenefit(OperatingPoints.of(s, y, w), grid[i]), "static nb");
        }
    }

    static Stream<String> referenceNames() {
        return Stream.of("binary_small_ties", "binary_weighted", "binary_breast_cancer", "binary_fraudlike");
    }

    /** Against make_decision_reference.py (numpy, independent of Discern), stored beside it. */
    @ParameterizedTest
    @MethodSource("referenceNames")
    void equalsTheNumpyReference(String name) throws IOException {
        JsonNode ref;
        try (InputStream in = getClass().getResourceAsStream("/decision/decision_reference.json")) {
            ref = new ObjectMapper().readTree(in);
        }
        JsonNode input = Fixtures.json(name).get("input");
        double[] s = doubles(input.get("scores"));
        boolean[] y = Fixtures.booleans(input.get("labels"));
        double[] w = input.get("weights") == null || input.get("weights").isNull() ? null : doubles(input.get("weights"));
        DecisionCurve c = DecisionCurve.of(OperatingPoints.of(s, y, w), DecisionCurve.grid(ref.get("grid").asText()));
        JsonNode rows = ref.get("curves").get(name);
        assertEquals(rows.size(), c.size());
        for (int i = 0; i < c.size(); i++) {
            JsonNode row = rows.get(i);
            assertEquals(row.get("threshold").asDouble(), c.threshold(i), name);
            close(row.get("tp").asDouble(), c.truePositives(i), name + " tp " + i);
            close(row.get("fp").asDouble(), c.falsePositives(i), name + " fp " + i);
            close(row.get("net_benefit").asDouble(), c.netBenefit(i), name + " nb " + i);
            close(row.get("net_benefit_all").asDouble(), c.netBenefitAll(i), name + " all " + i);
            close(row.get("standardized_net_benefit").asDouble(), c.standardizedNetBenefit(i), name + " snb " + i);
        }
    }

    @Test
    void oneClassOnly() {
        double[] s = {0.2, 0.5, 0.8};
        DecisionCurve neg = DecisionCurve.of(OperatingPoints.of(s, new boolean[3]), 0.5);
        close(-2.0 / 3, neg.netBenefit(0), "all negative");
        close(-1.0, neg.netBenefitAll(0), "treat all, no positive");
        assertTrue(Double.isNaN(neg.standardizedNetBenefit(0)));
        DecisionCurve pos = DecisionCurve.of(OperatingPoints.of(s, new boolean[] {true, true, true}), 0.5);
        close(2.0 / 3, pos.netBenefit(0), "all positive");
        close(2.0 / 3, pos.standardizedNetBenefit(0), "snb all positive");
        close(1.0, pos.netBenefitAll(0), "treat all, all positive");
    }

    @Test
    void gridIsExactInDecimal() {
        double[] g = DecisionCurve.grid("0.01:0.5:0.01");
        assertEquals(50, g.length);
        for (int i = 0; i < g.length; i++) {
            assertEquals(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.2f", (i + 1) / 100.0)), g[i]);
        }
        assertArrayEquals(new double[] {0.1, 0.35, 0.6}, DecisionCurve.grid(" 0.1 : 0.7 : 0.25 "));
        assertArrayEquals(new double[] {0.5}, DecisionCurve.grid("0.5:0.5:0.1"));
        assertEquals(9999, DecisionCurve.grid("0.0001:0.9999:0.0001").length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.01:0.5", "0:0.5:0.01", "0.01:1:0.01", "0.5:0.1:0.01", "0.01:0.5:0", "0.01:0.5:-0.1",
        "a:0.5:0.1", "0.01:0.5:0.01:1", "0.00001:0.99999:0.00001", "", "1e-9:0.5:1e-9"})
    void badGridsAreRefusedWithAMessage(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DecisionCurve.grid(spec));
        assertTrue(e.getMessage().startsWith("grid"), e.getMessage());
    }

    @Test
    void badThresholdsAreRefused() {
        OperatingPoints op = OperatingPoints.of(new double[] {0.1, 0.9}, new boolean[] {false, true});
        assertEquals("thresholds[1] must be in (0, 1), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> DecisionCurve.of(op, 0.5, 1.0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> DecisionCurve.of(op));
        assertThrows(IllegalArgumentException.class, () -> DecisionCurve.of(op, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> DecisionCurve.of(op, new double[DecisionCurve.MAX_THRESHOLDS + 1]));
        // all-zero weights are refused where the operating points are built (issue 11: weight 0 = no row)
        assertEquals("weights must not all be 0 (a sample of weight 0 is the same as no sample: nothing is left to"
                + " evaluate)", assertThrows(IllegalArgumentException.class,
                () -> DecisionCurve.of(OperatingPoints.of(new double[] {0.1, 0.9}, new boolean[] {false, true},
                        new double[] {0, 0}), 0.5)).getMessage());
        BootstrapOptions big = BootstrapOptions.defaults().withReplicates(10_000);
        assertThrows(IllegalArgumentException.class, () -> DecisionCurve.bootstrap(new double[] {0.1, 0.9},
                new boolean[] {false, true}, null, big, DecisionCurve.grid("0.0001:0.9999:0.0001")));
    }

    /**
     * Scores distinct and given in descending order: the binary bootstrap's row space is then the
     * input order, so the generic row-weight bootstrap with the same seed draws the same rows, and
     * a brute-force net benefit over its row weights must give the same replicates.
     */
    @Test
    void bootstrapEqualsTheGenericBootstrapOfTheBruteForceNetBenefit() {
        Random r = new Random(11);
        int n = 120;
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        int[] strata = new int[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = 1 - (i + 0.5) / n;
            y[i] = r.nextDouble() < s[i] * 0.8;
            strata[i] = y[i] ? 1 : 0;
            w[i] = 0.5 + r.nextDouble();
        }
        double[] grid = DecisionCurve.grid("0.05:0.6:0.05");
        BootstrapOptions o = BootstrapOptions.defaults().withReplicates(300).withSeed(5).withLevel(0.9);
        DecisionCurve c = DecisionCurve.bootstrap(s, y, w, o, grid);
        BootstrapResult generic = Bootstrap.stratified(strata, w, o, rw -> {
            double[] out = new double[grid.length];
            for (int j = 0; j < grid.length; j++) {
                out[j] = bruteForce(s, y, rw, grid[j])[0];
            }
            return out;
        });
        assertTrue(c.hasIntervals());
        assertEquals(300, c.replicates());
        assertEquals(5, c.seed());
        for (int j = 0; j < grid.length; j++) {
            ConfidenceInterval ci = c.interval(j).orElseThrow();
            assertEquals(ConfidenceInterval.BOOTSTRAP, ci.method());
            assertEquals(0.9, ci.level());
            close(c.netBenefit(j), ci.estimate(), "estimate " + j);
            close(generic.lower(j), ci.lower(), "lower " + j);
            close(generic.upper(j), ci.upper(), "upper " + j);
            assertTrue(ci.lower() < ci.upper(), "a real interval at " + grid[j]);
        }
        DecisionCurve again = DecisionCurve.bootstrap(s, y, w, o.withThreads(1), grid);
        for (int j = 0; j < grid.length; j++) {
            assertEquals(c.interval(j), again.interval(j), "same seed, any threads");
        }
    }
}

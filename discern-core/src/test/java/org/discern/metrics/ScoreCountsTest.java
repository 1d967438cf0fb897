package org.discern.metrics;

import static org.discern.metrics.Fixtures.doubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The mergeable binary summary: hand-derived cases, the golden fixtures, bad arguments. */
class ScoreCountsTest {

    /**
     * Hand-derived: scores 0.9 (pos), 0.5 (pos), 0.5 (neg), 0.5 (neg), 0.1 (neg), -0.0 (pos).
     * Distinct descending: 0.9 {1, 0}, 0.5 {1, 2}, 0.1 {0, 1}, 0 {1, 0}.
     */
    @Test
    void countsPerDistinctScore() {
        double[] s = {0.5, 0.9, 0.1, 0.5, -0.0, 0.5};
        boolean[] y = {true, true, false, false, true, false};
        ScoreCounts c = ScoreCounts.of(s, y);
        assertArrayEquals(new double[] {0.9, 0.5, 0.1, 0.0}, c.scores());
        assertArrayEquals(new double[] {1, 1, 0, 1}, c.positiveWeights());
        assertArrayEquals(new double[] {0, 2, 1, 0}, c.negativeWeights());
        assertEquals(6, c.rows());
        assertEquals(3, c.positiveRows());
        assertEquals(3.0, c.positives());
        assertEquals(3.0, c.negatives());
        assertEquals(false, c.weighted());
        // +0.0, not -0.0: -0.0 and 0.0 are one score
        assertEquals(0L, Double.doubleToRawLongBits(c.score(3)));
        // AUC by hand: 0.9 beats 3 negatives; 0.5 beats 1 and ties 2 (2); 0 beats none: 5 / 9
        assertEquals(5.0 / 9, c.toEvaluation().rocAuc(), 1e-15);
    }

    @Test
    void weightedCountsKeepRows() {
        double[] s = {0.2, 0.2, 0.7, 0.2};
        boolean[] y = {true, false, true, false};
        double[] w = {0.5, 2, 0, 1.5};
        ScoreCounts c = ScoreCounts.of(s, y, w);
        // the row of weight 0 is no row: no entry at 0.7, not counted, only named in the warning
        assertArrayEquals(new double[] {0.2}, c.scores());
        assertArrayEquals(new double[] {0.5}, c.positiveWeights());
        assertArrayEquals(new double[] {3.5}, c.negativeWeights());
        assertEquals(1, c.positiveRows(0));
        assertEquals(2, c.negativeRows(0));
        assertEquals(3, c.rows());
        assertEquals(1, c.zeroWeightRows());
        assertTrue(c.weighted());
        BinaryEvaluation single = BinaryEvaluation.of(s, y, w);
        assertEquals(single.warnings(), c.toEvaluation().warnings());
        assertEquals("1 row has weight 0 and is left out everywhere (a sample of weight 0 is the same as no sample)",
                c.toEvaluation().warnings().get(0));
        SameEvaluation.binary(single, c.toEvaluation(), 0, "zero weight");
        // a builder skips them the same way; a part of weight-0 rows only is refused as the core refuses it
        ScoreCounts.Builder b = ScoreCounts.builder();
        for (int i = 0; i < s.length; i++) {
            b.add(s[i], y[i], w[i]);
        }
        assertEquals(c, b.build());
        assertThrows(IllegalArgumentException.class, () -> ScoreCounts.of(new double[] {0.1}, new boolean[] {true},
                new double[] {0}));
        assertThrows(IllegalStateException.class, () -> ScoreCounts.builder().add(0.1, true, 0).build());
    }

    @Test
    void mergingPartsGivesTheWhole() {
        double[] s = {0.5, 0.9, 0.1, 0.5, 0.3, 0.5, 0.9};
        boolean[] y = {true, true, false, false, true, false, false};
        ScoreCounts whole = ScoreCounts.of(s, y);
        ScoreCounts a = ScoreCounts.of(new double[] {0.5, 0.9, 0.1}, new boolean[] {true, true, false});
        ScoreCounts b = ScoreCounts.of(new double[] {0.5, 0.3}, new boolean[] {false, true});
        ScoreCounts c = ScoreCounts.of(new double[] {0.5, 0.9}, new boolean[] {false, false});
        assertEquals(whole, a.merge(b).merge(c));
        assertEquals(whole, c.merge(a.merge(b)));
        assertEquals(whole, ScoreCounts.mergeAll(List.of(b, c, a)));
        SameEvaluation.binary(BinaryEvaluation.of(s, y), a.merge(c).merge(b).toEvaluation(), 0, "merged");
    }

    @Test
    void splitAtBoundariesThenMergeGivesItBack() {
        double[] s = {0.5, 0.9, 0.1, 0.5, 0.3, 0.5, 0.9};
        boolean[] y = {true, true, false, false, true, false, false};
        double[] w = {1, 2, 3, 4, 5, 6, 7};
        ScoreCounts whole = ScoreCounts.of(s, y, w);
        // parts: [0.95, inf), [0.6, 0.95), [0.5, 0.6), [0.4, 0.5), (-inf, 0.4)
        ScoreCounts[] parts = whole.split(new double[] {0.95, 0.6, 0.5, 0.4});
        assertEquals(5, parts.length);
        assertNull(parts[0]);
        assertArrayEquals(new double[] {0.9}, parts[1].scores());
        assertArrayEquals(new double[] {0.5}, parts[2].scores());
        assertNull(parts[3]);
        assertArrayEquals(new double[] {0.3, 0.1}, parts[4].scores());
        assertEquals(3, parts[2].rows());
        assertEquals(1, parts[2].positiveRows());
        assertArrayEquals(new double[] {1}, parts[2].positiveWeights());
        assertArrayEquals(new double[] {10}, parts[2].negativeWeights());
        assertEquals(whole, parts[4].merge(parts[2]).merge(parts[1]));
        assertSame(whole, whole.split(new double[0])[0]);
    }

    @Test
    void builderTakesSamplesOneAtATime() {
        double[] s = {0.5, 0.9, 0.1, 0.5};
        boolean[] y = {true, true, false, false};
        ScoreCounts.Builder b = ScoreCounts.builder();
        for (int i = 0; i < s.length; i++) {
            b.add(s[i], y[i]);
        }
        assertEquals(ScoreCounts.of(s, y), b.build());
        ScoreCounts.Builder wb = ScoreCounts.builder();
        double[] w = {1, 2, 0.5, 3};
        for (int i = 0; i < s.length; i++) {
            wb.add(s[i], y[i], w[i]);
        }
        assertEquals(ScoreCounts.of(s, y, w), wb.build());
        assertThrows(IllegalStateException.class, () -> ScoreCounts.builder().build());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> wb.add(Double.NaN, true));
        assertEquals("score of sample 4 must be finite, got NaN", e.getMessage());
    }

    /** More samples than one chunk of the builder: chunks are summarised and merged. */
    @Test
    void builderMergesItsChunks() {
        int n = (1 << 20) + 12345;
        java.util.SplittableRandom r = new java.util.SplittableRandom(13);
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        ScoreCounts.Builder b = ScoreCounts.builder();
        for (int i = 0; i < n; i++) {
            s[i] = r.nextInt(50_000) / 50_000.0;
            y[i] = r.nextInt(10) == 0;
            b.add(s[i], y[i]);
        }
        assertEquals(ScoreCounts.of(s, y), b.build());
    }

    @ParameterizedTest
    @MethodSource("org.discern.metrics.Fixtures#binaryNames")
    void fixturesThroughMergedBatchesEqualTheSinglePass(String name) {
        JsonNode in = Fixtures.json(name).get("input");
        double[] s = doubles(in.get("scores"));
        boolean[] y = Fixtures.booleans(in.get("labels"));
        double[] w = in.get("weights").isNull() ? null : doubles(in.get("weights"));
        BinaryEvaluation single = BinaryEvaluation.of(s, y, w);
        List<ScoreCounts> batches = new ArrayList<>();
        for (int from = 0; from < s.length; from += 7) {
            int to = Math.min(s.length, from + 7);
            batches.add(ScoreCounts.of(java.util.Arrays.copyOfRange(s, from, to), java.util.Arrays.copyOfRange(y, from, to),
                    w == null ? null : java.util.Arrays.copyOfRange(w, from, to)));
        }
        java.util.Collections.reverse(batches);
        BinaryEvaluation merged = ScoreCounts.mergeAll(batches).toEvaluation();
        SameEvaluation.binary(single, merged, w == null ? 0 : 1e-12, name);
        // the golden values themselves
        JsonNode ex = Fixtures.json(name).get("expected");
        Approx.assertClose(ex.get("roc_auc").asDouble(), merged.rocAuc(), name + " roc_auc");
        Approx.assertClose(ex.get("average_precision").asDouble(), merged.averagePrecision(), name + " ap");
    }

    @Test
    void deLongFromMergedCountsMatchesPRoc() {
        JsonNode fx = Fixtures.json("binary_asah_s100b_vs_wfns");
        JsonNode proc = fx.get("expected").get("proc");
        double[] s = doubles(fx.get("input").get("scores"));
        boolean[] y = Fixtures.booleans(fx.get("input").get("labels"));
        int half = s.length / 2;
        ScoreCounts c = ScoreCounts.of(java.util.Arrays.copyOfRange(s, half, s.length),
                java.util.Arrays.copyOfRange(y, half, s.length))
                .merge(ScoreCounts.of(java.util.Arrays.copyOfRange(s, 0, half), java.util.Arrays.copyOfRange(y, 0, half)));
        DeLongAuc d = DeLong.auc(c.toOperatingPoints());
        Approx.assertClose(proc.get("roc_auc_variance_delong").asDouble(), d.variance(), "variance");
        Approx.assertClose(proc.get("roc_auc_ci_delong_95").get(0).asDouble(), d.interval(0.95).lower(), "lower");
        Approx.assertClose(proc.get("roc_auc_ci_delong_95").get(1).asDouble(), d.interval(0.95).upper(), "upper");
    }

    static Stream<Arguments> badDistinct() {
        double[] one = {1};
        return Stream.of(
                Arguments.of(new double[] {0.5, 0.5}, new double[] {1, 1}, new double[] {0, 0}, null, null,
                        "descendingScores must be strictly descending, got 0.5 then 0.5 at index 1"),
                Arguments.of(new double[] {Double.NaN}, one, one, null, null,
                        "descendingScores[0] must be finite, got NaN"),
                Arguments.of(new double[] {1}, new double[] {-1}, one, null, null,
                        "positiveWeights[0] must be finite and >= 0, got -1.0"),
                Arguments.of(new double[] {1}, new double[] {0.5}, one, null, null,
                        "unweighted counts must be whole numbers, got 0.5 and 1.0 at index 0"),
                Arguments.of(new double[] {1}, new double[] {0}, new double[] {0}, null, null,
                        "no sample counted at descendingScores[0] = 1.0"),
                Arguments.of(new double[] {1}, one, one, new long[] {1}, null,
                        "positiveRows and negativeRows must both be given or both be null"),
                Arguments.of(new double[] {1, 0}, one, one, null, null,
                        "descendingScores and positiveWeights must have the same length, got 2 and 1"));
    }

    @ParameterizedTest
    @MethodSource("badDistinct")
    void fromDistinctRejectsBadCounts(double[] s, double[] p, double[] q, long[] pr, long[] qr, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScoreCounts.fromDistinct(s, p, q, pr, qr));
        assertEquals(message, e.getMessage());
    }

    @Test
    void badSamplesAreRejectedWithTheirIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScoreCounts.of(new double[] {0.1, Double.NaN}, new boolean[] {true, false}));
        assertEquals("scores[1] must be finite, got NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ScoreCounts.of(new double[] {0.1, 0.2}, new boolean[] {true, false}, new double[] {1, -2}));
        assertEquals("weights[1] must be finite and >= 0, got -2.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ScoreCounts.of(new double[] {0.1}, new boolean[] {true}).split(new double[] {0.1, 0.2}));
        assertTrue(e.getMessage().startsWith("boundaries must be finite and strictly descending"));
    }

    @Test
    void fromDistinctRoundTrips() {
        ScoreCounts c = ScoreCounts.of(new double[] {0.2, 0.2, 0.7, 0.2}, new boolean[] {true, false, true, false},
                new double[] {0.5, 2, 0, 1.5});
        long[] pr = new long[c.size()];
        long[] qr = new long[c.size()];
        for (int i = 0; i < c.size(); i++) {
            pr[i] = c.positiveRows(i);
            qr[i] = c.negativeRows(i);
        }
        assertEquals(c, ScoreCounts.fromDistinct(c.scores(), c.positiveWeights(), c.negativeWeights(), pr, qr)
                .plusZeroWeightRows(c.zeroWeightRows()));
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        ScoreCounts c = ScoreCounts.of(new double[] {0.2, 0.2, 0.7}, new boolean[] {true, false, true},
                new double[] {0.5, 2, 1});
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(c);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(c, in.readObject());
        }
    }
}

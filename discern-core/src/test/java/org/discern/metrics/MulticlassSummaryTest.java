package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link MulticlassEvaluation#summaryOf} (row-major scores read in place, one column at a time,
 * no table kept) gives every number of {@link MulticlassEvaluation#of} bit for bit.
 */
class MulticlassSummaryTest {

    /** Every number both evaluations share, compared as bits (assertEquals on doubles does). */
    static void assertSameNumbers(MulticlassEvaluation expected, MulticlassEvaluation actual) {
        int k = expected.classCount();
        assertEquals(expected.classes(), actual.classes());
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.weighted(), actual.weighted());
        for (int c = 0; c < k; c++) {
            assertEquals(expected.rocAuc(c), actual.rocAuc(c), "roc auc " + c);
            assertEquals(expected.averagePrecision(c), actual.averagePrecision(c), "ap " + c);
            assertEquals(expected.support(c), actual.support(c), "support " + c);
            assertEquals(expected.supportRows(c), actual.supportRows(c), "support rows " + c);
            assertEquals(expected.defined(c), actual.defined(c), "defined " + c);
            for (int b = 0; b < k; b++) {
                if (b != c) {
                    assertEquals(expected.rocAucOneVsOne(c, b), actual.rocAucOneVsOne(c, b), "ovo " + c + "|" + b);
                }
            }
        }
        assertEquals(expected.rocAucOvrMacro(), actual.rocAucOvrMacro());
        assertEquals(expected.rocAucOvrWeighted(), actual.rocAucOvrWeighted());
        assertEquals(expected.rocAucOvrMicro(), actual.rocAucOvrMicro(), "micro auc");
        assertEquals(expected.rocAucOvoMacro(), actual.rocAucOvoMacro());
        assertEquals(expected.rocAucOvoWeighted(), actual.rocAucOvoWeighted());
        assertEquals(expected.averagePrecisionMacro(), actual.averagePrecisionMacro());
        assertEquals(expected.averagePrecisionWeighted(), actual.averagePrecisionWeighted());
        assertEquals(expected.averagePrecisionMicro(), actual.averagePrecisionMicro(), "micro ap");
        assertEquals(expected.confusionMatrix(), actual.confusionMatrix());
        assertEquals(expected.accuracy(), actual.accuracy());
        assertEquals(expected.logLoss(), actual.logLoss());
        for (int t = 1; t <= k; t++) {
            assertEquals(expected.topKAccuracy(t), actual.topKAccuracy(t), "top " + t);
        }
        assertEquals(expected.warnings(), actual.warnings());
    }

    private static List<String> names(int k) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            out.add("c" + c);
        }
        return out;
    }

    /**
     * n x k row-major scores of three kinds: a dyadic grid (exact floats, many ties), the grid plus
     * 1e-12 steps (doubles that collide as floats) and random doubles; labels may leave classes out.
     */
    record Sample(int k, int[] labels, double[] scores, double[] weights) {
    }

    @Provide
    Arbitrary<Sample> samples() {
        return Combinators.combine(Arbitraries.integers().between(1, 60), Arbitraries.integers().between(2, 6),
                Arbitraries.integers().between(0, 2), Arbitraries.of(true, false), Arbitraries.longs())
                .as((n, k, kind, weighted, seed) -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    int present = 1 + r.nextInt(k); // classes 0..present-1 occur
                    int[] y = new int[n];
                    double[] s = new double[n * k];
                    double[] w = weighted ? new double[n] : null;
                    for (int i = 0; i < n; i++) {
                        y[i] = r.nextInt(present);
                        if (w != null) {
                            w[i] = r.nextInt(4);
                        }
                        for (int j = 0; j < k; j++) {
                            double grid = r.nextInt(9) / 8.0;
                            s[i * k + j] = switch (kind) {
                                case 0 -> grid;
                                case 1 -> grid + r.nextInt(3) * 1e-12;
                                default -> r.nextDouble();
                            };
                        }
                    }
                    if (w != null && w[0] == 0) {
                        w[0] = 1; // not all weights 0
                    }
                    return new Sample(k, y, s, w);
                });
    }

    @Property(seed = "14")
    void summaryEqualsTheFullEvaluation(@ForAll("samples") Sample x) {
        MulticlassEvaluation full = MulticlassEvaluation.of(x.labels(), x.scores(), names(x.k()), x.weights());
        MulticlassEvaluation summary = MulticlassEvaluation.summaryOf(x.labels(), x.scores(), names(x.k()), x.weights());
        assertSameNumbers(full, summary);
        int perBlock = 1 + x.labels().length / 3;
        assertSameNumbers(full, MulticlassEvaluation.summaryOf(x.labels(), blocks(x.scores(), x.k(), perBlock), perBlock,
                names(x.k()), x.weights()));
    }

    /**
     * Row-major scores cut into blocks of {@code perBlock} rows; every block has the full length,
     * so the last one has room beyond its rows (filled with NaN, which must not be read).
     */
    static double[][] blocks(double[] scores, int k, int perBlock) {
        int n = scores.length / k;
        double[][] out = new double[(n + perBlock - 1) / perBlock][];
        for (int b = 0; b < out.length; b++) {
            out[b] = new double[perBlock * k];
            java.util.Arrays.fill(out[b], Double.NaN);
            int from = b * perBlock * k;
            System.arraycopy(scores, from, out[b], 0, Math.min(perBlock * k, scores.length - from));
        }
        return out;
    }

    @Property(seed = "15")
    void floatSummaryEqualsTheFullEvaluation(@ForAll("samples") Sample x) {
        float[] f = new float[x.scores().length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) x.scores()[i];
        }
        MulticlassEvaluation full = MulticlassEvaluation.of(x.labels(), f, names(x.k()), x.weights());
        MulticlassEvaluation summary = MulticlassEvaluation.summaryOf(x.labels(), f, names(x.k()), x.weights());
        assertSameNumbers(full, summary);
    }

    /**
     * Large enough for the parallel paths (columns on two threads, the row pass forked), with
     * float-exact, colliding and random doubles, and as floats.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void largeInputsGiveTheSameNumbers(int kind) {
        int n = 40_000;
        int k = 7;
        SplittableRandom r = new SplittableRandom(kind);
        int[] y = new int[n];
        double[] s = new double[n * k];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(k - 1); // the last class is absent
            double sum = 0;
            for (int j = 0; j < k; j++) {
                double e = Math.exp(r.nextGaussian() + (j == y[i] ? 1.5 : 0));
                s[i * k + j] = kind == 1 ? Math.round(e * 64) / 64.0 + r.nextInt(2) * 1e-13 : e;
                sum += e;
            }
            if (kind != 1) {
                for (int j = 0; j < k; j++) {
                    s[i * k + j] /= sum;
                    if (kind == 0) {
                        s[i * k + j] = (float) s[i * k + j];
                    }
                }
            }
        }
        if (kind == 3) {
            float[] f = new float[s.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) s[i];
            }
            assertSameNumbers(MulticlassEvaluation.of(y, f, names(k), null),
                    MulticlassEvaluation.summaryOf(y, f, names(k), null));
            return;
        }
        MulticlassEvaluation full = MulticlassEvaluation.of(y, s, names(k), null);
        assertSameNumbers(full, MulticlassEvaluation.summaryOf(y, s, names(k), null));
        assertSameNumbers(full, MulticlassEvaluation.summaryOf(y, blocks(s, k, 4096), 4096, names(k), null));
        assertTrue(full.rocAucOvrMicro() > 0.5 && full.rocAucOvrMicro() < 1, "a real micro AUC: " + full.rocAucOvrMicro());
    }

    /** A double column of {@link ClassColumn#GATHER_LIMIT} rows is sorted on its 64-bit keys: the same numbers. */
    @Test
    void columnsBeyondTheGatherLimitGiveTheSameNumbers() {
        int n = ClassColumn.GATHER_LIMIT;
        int k = 3;
        SplittableRandom r = new SplittableRandom(21);
        int[] y = new int[n];
        double[] s = new double[n * k];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(k);
            for (int j = 0; j < k; j++) {
                // ties (a coarse grid) and doubles that are not floats, some colliding as floats
                s[i * k + j] = r.nextInt(1000) / 999.0 + (j == y[i] ? 0.1 : 0) + r.nextInt(2) * 1e-13;
            }
        }
        assertSameNumbers(MulticlassEvaluation.of(y, s, names(k), null), MulticlassEvaluation.summaryOf(y, s, names(k), null));
    }

    @Test
    void summaryKeepsNoCurve() {
        int[] y = {0, 1, 2, 1};
        double[] s = {0.7, 0.2, 0.1, 0.3, 0.5, 0.2, 0.1, 0.1, 0.8, 0.2, 0.6, 0.2};
        MulticlassEvaluation ev = MulticlassEvaluation.summaryOf(y, s, names(3), null);
        assertEquals(1.0, ev.rocAuc(0));
        for (Runnable curve : List.<Runnable>of(() -> ev.classEvaluation(0), () -> ev.rocCurve(1),
                () -> ev.precisionRecallCurve(2), ev::rocCurveMacro, ev::rocCurveMicro)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, curve::run);
            assertTrue(e.getMessage().contains("summaryOf"), e.getMessage());
        }
        MulticlassEvaluation weighted = MulticlassEvaluation.summaryOf(y, s, names(3), new double[] {1, 2, 1, 0});
        assertThrows(IllegalStateException.class, () -> weighted.rocCurve(0));
        assertThrows(IllegalStateException.class, weighted::rocCurveMicro);
    }

    @Test
    void badInputIsRefusedAsByOf() {
        int[] y = {0, 1};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MulticlassEvaluation.summaryOf(y, new double[] {0.5, 0.5, Double.NaN, 1}, names(2), null));
        assertEquals("scores[1][0] must be finite, got NaN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MulticlassEvaluation.summaryOf(y, new float[] {0.5f, 0.5f, 1}, names(2), null));
        assertEquals("scores must hold n x K = 2 x 2 = 4 values, got 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MulticlassEvaluation.summaryOf(new int[] {0, 2}, new double[4], names(2), null));
        assertEquals("labels[1] must be in [0, 2), got 2", e.getMessage());
        int[] three = {0, 1, 1};
        e = assertThrows(IllegalArgumentException.class, () -> MulticlassEvaluation.summaryOf(three,
                new double[][] {{0.5, 0.5, 0.4, 0.6}, {0.3}}, 2, names(2), null));
        assertEquals("scores[1] must hold 1 x 2 = 2 values, got 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MulticlassEvaluation.summaryOf(three,
                new double[][] {{0.5, 0.5, 0.4, 0.6}}, 2, names(2), null));
        assertEquals("scores must hold 2 blocks of 2 rows for 3 rows, got 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MulticlassEvaluation.summaryOf(three,
                new double[][] {{0.5, 0.5, 0.4, 0.6}, {0.3, Double.POSITIVE_INFINITY}}, 2, names(2), null));
        assertEquals("scores[2][1] must be finite, got Infinity", e.getMessage());
    }
}

package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Seeded property tests of the multi-class evaluation's invariants, against independent paths. */
class MulticlassProperties {

    /**
     * n samples over k classes; scores on a coarse dyadic grid (many ties; exact floats, so the
     * float-column paths run), weights 0..3 or none.
     */
    record Sample(int k, int[] labels, double[][] scores, double[] weights) {
        List<String> names() {
            List<String> out = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                out.add("c" + c);
            }
            return out;
        }
    }

    @Provide
    Arbitrary<Sample> samples() {
        return Combinators.combine(Arbitraries.integers().between(1, 50), Arbitraries.integers().between(2, 6),
                Arbitraries.of(true, false)).flatAs((n, k, weighted) -> Combinators.combine(
                        Arbitraries.integers().between(0, k - 1).array(int[].class).ofSize(n),
                        Arbitraries.integers().between(0, 8).array(int[].class).ofSize(n * k),
                        Arbitraries.integers().between(0, 3).array(int[].class).ofSize(n))
                .as((y, s, w) -> {
                    double[][] m = new double[n][k];
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < k; j++) {
                            m[i][j] = s[i * k + j] / 8.0;
                        }
                    }
                    double[] weights = weighted ? BinaryProperties.weights(w) : null;
                    return new Sample(k, y, m, weights);
                }));
    }

    private static double[] column(double[][] s, int c) {
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = s[i][c];
        }
        return out;
    }

    @Property(seed = "3")
    void perClassEqualsTheBinaryEvaluationOfItsColumn(@ForAll("samples") Sample x) {
        MulticlassEvaluation ev = MulticlassEvaluation.of(x.labels(), x.scores(), x.names(), x.weights());
        for (int c = 0; c < x.k(); c++) {
            boolean[] pos = new boolean[x.labels().length];
            for (int i = 0; i < pos.length; i++) {
                pos[i] = x.labels()[i] == c;
            }
            BinaryEvaluation b = BinaryEvaluation.of(column(x.scores(), c), pos, x.weights());
            assertEquals(b.rocCurveAllThresholds(), ev.classEvaluation(c).rocCurveAllThresholds());
            assertEquals(b.rocCurve(), ev.rocCurve(c));
            assertEquals(b.precisionRecallCurve(), ev.precisionRecallCurve(c));
            assertEquals(b.rocAuc(), ev.rocAuc(c));
            assertEquals(b.averagePrecision(), ev.averagePrecision(c));
        }
    }

    @Property(seed = "4")
    void oneVsOneFromOneWalkEqualsPairwiseMannWhitney(@ForAll("samples") Sample x) {
        MulticlassEvaluation ev = MulticlassEvaluation.of(x.labels(), x.scores(), x.names(), x.weights());
        for (int a = 0; a < x.k(); a++) {
            for (int b = 0; b < x.k(); b++) {
                if (a == b) {
                    continue;
                }
                double expected = MulticlassEvaluationTest.bruteAuc(x.scores(), x.labels(), x.weights(), a, a, b);
                double actual = ev.rocAucOneVsOne(a, b);
                if (Double.isNaN(expected)) {
                    assertTrue(Double.isNaN(actual), "pair " + a + " " + b);
                } else {
                    Approx.assertClose(expected, actual, 1e-12, "pair " + a + " " + b);
                }
            }
        }
    }

    @Property(seed = "5")
    void microEqualsTheBinaryEvaluationOfThePooledDecisions(@ForAll("samples") Sample x) {
        MulticlassEvaluation ev = MulticlassEvaluation.of(x.labels(), x.scores(), x.names(), x.weights());
        int n = x.labels().length;
        int k = x.k();
        double[] pooled = new double[n * k];
        boolean[] pos = new boolean[n * k];
        double[] w = x.weights() == null ? null : new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                pooled[i * k + j] = x.scores()[i][j];
                pos[i * k + j] = x.labels()[i] == j;
                if (w != null) {
                    w[i * k + j] = x.weights()[i];
                }
            }
        }
        BinaryEvaluation b = BinaryEvaluation.of(pooled, pos, w);
        assertEquals(b.rocAuc(), ev.rocAucOvrMicro());
        assertEquals(b.averagePrecision(), ev.averagePrecisionMicro());
        assertEquals(b.rocCurve(), ev.rocCurveMicro());
    }

    @Property(seed = "6")
    void rankingMetricsAreInvariantUnderAStrictlyIncreasingTransform(@ForAll("samples") Sample x) {
        MulticlassEvaluation a = MulticlassEvaluation.of(x.labels(), x.scores(), x.names(), x.weights());
        double[][] t = new double[x.scores().length][];
        for (int i = 0; i < t.length; i++) {
            t[i] = Arrays.stream(x.scores()[i]).map(v -> 3 * v * v * v + 7).toArray();
        }
        MulticlassEvaluation b = MulticlassEvaluation.of(x.labels(), t, x.names(), x.weights());
        assertEquals(a.rocAucOvrMacro(), b.rocAucOvrMacro());
        assertEquals(a.rocAucOvoMacro(), b.rocAucOvoMacro());
        assertEquals(a.rocAucOvoWeighted(), b.rocAucOvoWeighted());
        assertEquals(a.averagePrecisionMicro(), b.averagePrecisionMicro());
        assertEquals(a.confusionMatrix(), b.confusionMatrix());
        for (int top = 1; top <= x.k(); top++) {
            assertEquals(a.topKAccuracy(top), b.topKAccuracy(top));
        }
    }

    @Property(seed = "7")
    void aucsAreInTheUnitIntervalOrUndefined(@ForAll("samples") Sample x) {
        MulticlassEvaluation ev = MulticlassEvaluation.of(x.labels(), x.scores(), x.names(), x.weights());
        for (double v : new double[] {ev.rocAucOvrMacro(), ev.rocAucOvrWeighted(), ev.rocAucOvrMicro(),
                ev.rocAucOvoMacro(), ev.rocAucOvoWeighted(), ev.averagePrecisionMacro(), ev.averagePrecisionMicro(),
                ev.topKAccuracy(1)}) {
            assertTrue(Double.isNaN(v) || (v >= 0 && v <= 1 + 1e-12), Double.toString(v));
        }
    }

    @Provide
    Arbitrary<BinaryProperties.Sample> binary() {
        return new BinaryProperties().samples();
    }

    /**
     * One-vs-rest with K = 2 is the binary evaluation: columns (-s, s), class 1 positive. The
     * argmax picks class 1 iff s &gt; 0 (a tie goes to class 0), the binary rule "s &gt;= t" with
     * t the smallest positive double.
     */
    @Property(seed = "8")
    void oneVsRestWithTwoClassesIsTheBinaryEvaluation(@ForAll("binary") BinaryProperties.Sample x,
            @ForAll boolean weighted) {
        int n = x.n();
        double[][] m = new double[n][];
        int[] y = new int[n];
        double[] neg = new double[n];
        boolean[] notY = new boolean[n];
        for (int i = 0; i < n; i++) {
            m[i] = new double[] {-x.scores()[i], x.scores()[i]};
            y[i] = x.labels()[i] ? 1 : 0;
            neg[i] = -x.scores()[i];
            notY[i] = !x.labels()[i];
        }
        double[] w = weighted ? x.weights() : null;
        MulticlassEvaluation mc = MulticlassEvaluation.of(y, m, List.of("0", "1"), w);
        // (from the table: a class evaluation has no log loss, see classEvaluation)
        BinaryEvaluation b = BinaryEvaluation.of(OperatingPoints.of(x.scores(), x.labels(), w));
        Same.binary(b, mc.classEvaluation(1), "class 1");
        Same.binary(BinaryEvaluation.of(OperatingPoints.of(neg, notY, w)), mc.classEvaluation(0), "class 0");
        assertEquals(b.rocAuc(), mc.rocAuc(1));
        assertEquals(b.averagePrecision(), mc.averagePrecision(1));
        assertEquals(b.rocCurve(), mc.rocCurve(1));
        if (!Double.isNaN(b.rocAuc())) {
            Approx.assertClose(b.rocAuc(), mc.rocAucOvrMacro(), 1e-12, "ovr macro");
            Approx.assertClose(b.rocAuc(), mc.rocAucOvoMacro(), 1e-12, "ovo macro");
            Approx.assertClose(b.rocAuc(), mc.rocAucOvoWeighted(), 1e-12, "ovo weighted");
        }
        ConfusionMatrix cm = b.confusionAt(Double.MIN_VALUE);
        assertEquals(cm, mc.confusionMatrix().oneVsRest(1));
        for (double[] v : new double[][] {{cm.accuracy(), mc.accuracy()}, {cm.balancedAccuracy(), mc.balancedAccuracy()},
                {cm.mcc(), mc.mcc()}, {cm.cohenKappa(), mc.cohenKappa()}}) {
            if (Double.isNaN(v[0])) {
                assertTrue(Double.isNaN(v[1]), "NaN expected, got " + v[1]);
            } else {
                Approx.assertClose(v[0], v[1], 1e-12, "argmax metric");
            }
        }
    }
}

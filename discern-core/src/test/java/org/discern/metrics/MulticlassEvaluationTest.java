package org.discern.metrics;

import static org.discern.metrics.Approx.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Multi-class evaluation on small cases whose values are derived by hand in each test. */
class MulticlassEvaluationTest {
    private static final List<String> ABC = List.of("a", "b", "c");

    @Test
    void smallCaseDerivedByHand() {
        int[] y = {0, 0, 1, 1, 2, 2};
        double[][] s = {
            {0.7, 0.2, 0.1},
            {0.3, 0.4, 0.3},
            {0.2, 0.6, 0.2},
            {0.5, 0.3, 0.2},
            {0.1, 0.2, 0.7},
            {0.2, 0.2, 0.6},
        };
        MulticlassEvaluation ev = MulticlassEvaluation.of(y, s, ABC, null);
        // class a: positives 0.7, 0.3 against 0.2, 0.5, 0.1, 0.2: 4 + 3 of 8 pairs
        assertClose(7.0 / 8, ev.rocAuc(0), "auc a");
        // class b: positives 0.6, 0.3 against 0.2, 0.4, 0.2, 0.2: 4 + 3 of 8
        assertClose(7.0 / 8, ev.rocAuc(1), "auc b");
        assertClose(1.0, ev.rocAuc(2), "auc c");
        assertClose((7.0 / 8 + 7.0 / 8 + 1) / 3, ev.rocAucOvrMacro(), "ovr macro");
        assertClose((7.0 / 8 + 7.0 / 8 + 1) / 3, ev.rocAucOvrWeighted(), "ovr weighted (equal supports)");
        // one-vs-one: A(a,b) = (3/4 + 3/4) / 2, A(a,c) = A(b,c) = 1
        assertClose(0.75, ev.rocAucPair(0, 1), "pair a b");
        assertClose(1.0, ev.rocAucPair(0, 2), "pair a c");
        assertClose(2.75 / 3, ev.rocAucOvoMacro(), "ovo macro");
        assertClose(2.75 / 3, ev.rocAucOvoWeighted(), "ovo weighted (equal prevalences)");
        // micro: positives 0.7, 0.3, 0.6, 0.3, 0.7, 0.6 against 12 negatives
        // (0.1 x2, 0.2 x7, 0.3, 0.4, 0.5): 12 + 9.5 + 12 + 9.5 + 12 + 12 = 67 of 72
        assertClose(67.0 / 72, ev.rocAucOvrMicro(), "ovr micro");

        // argmax: a, b, b, a, c, c
        MulticlassConfusionMatrix cm = ev.confusionMatrix();
        assertEquals(List.of(List.of(1.0, 1.0, 0.0), List.of(1.0, 1.0, 0.0), List.of(0.0, 0.0, 2.0)), rows(cm.counts()));
        assertClose(4.0 / 6, ev.accuracy(), "accuracy");
        assertClose(0.5, cm.precision(0), "precision a");
        assertClose(1.0, cm.recall(2), "recall c");
        assertClose(0.5, ev.cohenKappa(), "kappa: po 2/3, pe 1/3");
        assertClose(0.5, ev.mcc(), "mcc: (4*6 - 12) / sqrt(24 * 24)");
        assertClose(0.5, cm.rowNormalized()[0][1], "row normalised");
        assertClose(0.5, cm.columnNormalized()[1][0], "column normalised");
        // row 1 (0.3, 0.4, 0.3), true a: b scores higher, c ties and ranks first -> position 2
        assertClose(4.0 / 6, ev.topKAccuracy(1), "top 1");
        assertClose(5.0 / 6, ev.topKAccuracy(2), "top 2");
        assertClose(1.0, ev.topKAccuracy(3), "top 3");
        assertClose(1.0, ev.topKAccuracy(10), "top 10 > K");
        double expectedLoss = -(Math.log(0.7) + Math.log(0.3) + Math.log(0.6) + Math.log(0.3) + Math.log(0.7)
                + Math.log(0.6)) / 6;
        assertClose(expectedLoss, ev.logLoss(), 1e-12, "log loss");
        assertEquals(List.of(), ev.warnings());
    }

    @Test
    void absentClassIsNaNLeftOutOfAveragesAndNamed() {
        int[] y = {0, 0, 1, 1};
        double[][] s = {
            {0.6, 0.3, 0.1},
            {0.4, 0.4, 0.2},
            {0.3, 0.5, 0.2},
            {0.5, 0.2, 0.3},
        };
        MulticlassEvaluation ev = MulticlassEvaluation.of(y, s, ABC, null);
        assertTrue(Double.isNaN(ev.rocAuc(2)));
        assertTrue(Double.isNaN(ev.averagePrecision(2)));
        assertClose(0.75, ev.rocAuc(0), "a: 0.6 beats both, 0.4 beats 0.3");
        assertClose(0.5, ev.rocAuc(1), "b: 0.5 beats both, 0.2 beats none");
        assertClose(0.625, ev.rocAucOvrMacro(), "macro over a, b");
        assertClose(0.625, ev.rocAucOvrWeighted(), "weighted over a, b");
        assertClose(0.625, ev.rocAucOvoMacro(), "only the pair (a, b): (3/4 + 2/4) / 2");
        // a: 0.6 pos, 0.5 neg, 0.4 pos, 0.3 neg -> AP = 1/2 * 1 + 1/2 * 2/3
        assertClose(0.5 + 1.0 / 3, ev.averagePrecision(0), "ap a");
        assertClose(Averaging.mean(new double[] {ev.averagePrecision(0), ev.averagePrecision(1)}),
                ev.averagePrecisionMacro(), "ap macro over a, b");
        MulticlassConfusionMatrix cm = ev.confusionMatrix();
        assertTrue(Double.isNaN(cm.recall(2)));
        // argmax a, a (first maximum), b, a: precision a 2/3, b 1
        assertClose((2.0 / 3 + 1) / 2, cm.precisionMacro(), "precision macro over a, b");
        assertClose(0.75, cm.recallMacro(), "recall macro");
        assertClose(0.75, ev.balancedAccuracy(), "balanced accuracy");
        assertTrue(ev.warnings().stream().anyMatch(w -> w.contains("class 'c' is absent")), ev.warnings().toString());
        assertEquals(1, ev.warnings().size(), ev.warnings().toString());
        assertThrows(IllegalArgumentException.class, () -> ev.rocAucPair(1, 1));
        assertTrue(Double.isNaN(ev.rocAucPair(0, 2)));
    }

    @Test
    void classWithASingleSample() {
        int[] y = {0, 1, 0, 1, 2};
        double[][] s = {
            {0.5, 0.3, 0.2},
            {0.2, 0.5, 0.3},
            {0.6, 0.1, 0.3},
            {0.3, 0.3, 0.4},
            {0.2, 0.4, 0.4},
        };
        MulticlassEvaluation ev = MulticlassEvaluation.of(y, s, ABC, null);
        // c: its one sample scores 0.4: above 0.2, 0.3, 0.3, tied with 0.4
        assertClose(3.5 / 4, ev.rocAuc(2), "auc c");
        // at threshold 0.4 one of two is positive and recall is already full
        assertClose(0.5, ev.averagePrecision(2), "ap c");
        assertEquals(1.0, ev.support(2));
        assertEquals(1, ev.supportRows(2));
        MulticlassConfusionMatrix cm = ev.confusionMatrix();
        // row 4 (0.2, 0.4, 0.4) is predicted b (first maximum); row 3 is predicted c
        assertEquals(1.0, cm.count(2, 1));
        assertEquals(0.0, cm.recall(2));
        assertEquals(0.0, cm.precision(2));
        assertEquals(0.0, cm.f1(2));
        RocCurve roc = ev.rocCurve(2);
        assertEquals(List.of(Double.POSITIVE_INFINITY, 0.4, 0.3, 0.2), boxed(roc.thresholds()));
        assertEquals(List.of(0.0, 0.25, 0.75, 1.0), boxed(roc.fpr()));
        assertEquals(List.of(0.0, 1.0, 1.0, 1.0), boxed(roc.tpr()));
    }

    @Test
    void twoClassesGivenAsMulticlassEqualTheBinaryResult() {
        Random r = new Random(7);
        int n = 200;
        int[] y = new int[n];
        double[] p = new double[n];
        double[][] s = new double[n][];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(2);
            // dyadic probabilities: 1 - p is exact, so the two columns rank identically
            p[i] = (Math.min(63, r.nextInt(50) + 10 * y[i]) + 0.5) / 64;
            s[i] = new double[] {1 - p[i], p[i]};
        }
        boolean[] positive = new boolean[n];
        for (int i = 0; i < n; i++) {
            positive[i] = y[i] == 1;
        }
        BinaryEvaluation bin = BinaryEvaluation.of(p, positive);
        MulticlassEvaluation ev = MulticlassEvaluation.of(y, s, List.of("neg", "pos"), null);
        assertEquals(bin.rocAuc(), ev.rocAuc(1));
        assertEquals(bin.rocAuc(), ev.rocAuc(0));
        assertEquals(bin.rocAuc(), ev.rocAucOvrMacro());
        assertEquals(bin.rocAuc(), ev.rocAucOvoMacro());
        assertEquals(bin.rocAuc(), ev.rocAucOvoWeighted());
        assertEquals(bin.rocCurve(), ev.rocCurve(1));
        assertEquals(bin.precisionRecallCurve(), ev.precisionRecallCurve(1));
        assertEquals(bin.averagePrecision(), ev.averagePrecision(1));
        assertEquals(bin.logLoss(), ev.logLoss());
        // no p is 0.5, so argmax is the 0.5 threshold rule
        ConfusionMatrix at = bin.confusionAt(0.5);
        assertEquals(at, ev.confusionMatrix().oneVsRest(1));
        assertEquals(at.accuracy(), ev.accuracy());
        assertClose(at.mcc(), ev.mcc(), "mcc");
        assertClose(at.cohenKappa(), ev.cohenKappa(), "kappa");
    }

    @Test
    void hundredClassesAgreeWithIndependentComputations() {
        int k = 100;
        int n = 1000;
        Random r = new Random(100);
        int[] y = new int[n];
        double[][] s = new double[n][k];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = (i * 7) % k;
            w[i] = 0.5 + r.nextInt(4);
            for (int j = 0; j < k; j++) {
                // a coarse grid so that ties are frequent
                s[i][j] = r.nextInt(20) + (j == y[i] ? 4 : 0);
            }
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            names.add("class " + j);
        }
        for (double[] weights : Arrays.asList(null, w)) {
            MulticlassEvaluation ev = MulticlassEvaluation.of(y, s, names, weights);
            double macro = 0;
            for (int c = 0; c < k; c++) {
                assertClose(bruteAuc(s, y, weights, c, c, -1), ev.rocAuc(c), "auc " + c);
                macro += ev.rocAuc(c);
            }
            assertClose(macro / k, ev.rocAucOvrMacro(), "ovr macro");
            double m = 0;
            double weightedSum = 0;
            double prevalenceSum = 0;
            double total = weights == null ? n : Arrays.stream(weights).sum();
            for (int a = 0; a < k; a++) {
                for (int b = a + 1; b < k; b++) {
                    double pair = (bruteAuc(s, y, weights, a, a, b) + bruteAuc(s, y, weights, b, b, a)) / 2;
                    assertClose(pair, ev.rocAucPair(a, b), "pair " + a + " " + b);
                    m += pair;
                    double prevalence = (classWeight(y, weights, a) + classWeight(y, weights, b)) / total;
                    weightedSum += prevalence * pair;
                    prevalenceSum += prevalence;
                }
            }
            assertClose(m / (k * (k - 1) / 2), ev.rocAucOvoMacro(), "ovo macro");
            assertClose(weightedSum / prevalenceSum, ev.rocAucOvoWeighted(), "ovo weighted");
            for (int top : new int[] {1, 5, 50}) {
                assertClose(bruteTopK(s, y, weights, top), ev.topKAccuracy(top), "top " + top);
            }
            assertTrue(Double.isNaN(ev.logLoss()), "scores are not probabilities");
        }
    }

    @Test
    void rowOfZerosKeepsRankingButHasNoLogLoss() {
        int[] y = {0, 1, 2, 2};
        double[][] s = {
            {0.8, 0.1, 0.1},
            {0.1, 0.7, 0.2},
            {0.0, 0.0, 0.0},
            {0.2, 0.2, 0.6},
        };
        MulticlassEvaluation ev = MulticlassEvaluation.of(y, s, ABC, null);
        assertTrue(Double.isNaN(ev.logLoss()));
        assertTrue(ev.warnings().stream().anyMatch(w -> w.startsWith("log loss not computed: row 2 sums to 0.0")),
                ev.warnings().toString());
        // the row is numbered among the rows as given: rows of weight 0 before it count
        MulticlassEvaluation weighted = MulticlassEvaluation.of(y, s, ABC, new double[] {0, 1, 1, 1});
        assertTrue(weighted.warnings().stream().anyMatch(w -> w.startsWith("log loss not computed: row 2 sums to")),
                weighted.warnings().toString());
        MulticlassCounts counts = MulticlassCounts.of(new int[] {0, 1}, new double[] {0.8, 0.1, 0.1, 0.1, 0.7, 0.2},
                ABC, new double[] {0, 1}).merge(MulticlassCounts.of(new int[] {2, 2},
                        new double[] {0.0, 0.0, 0.0, 0.2, 0.2, 0.6}, ABC, null));
        assertTrue(counts.toEvaluation().warnings().stream()
                .anyMatch(w -> w.startsWith("log loss not computed: row 2 sums to")), "merged, weight 0 counted");
        // c: positives 0.0 and 0.6 against 0.1, 0.2: 0 + 2 of 4
        assertClose(0.5, ev.rocAuc(2), "auc c");
        assertClose(1.0, ev.rocAuc(0), "auc a: 0.8 above 0.1, 0.0, 0.2");
        // the zero row is predicted a (first maximum); its true class c ranks first among ties
        assertEquals(1.0, ev.confusionMatrix().count(2, 0));
        assertClose(1.0, ev.topKAccuracy(1), "top 1: every true class ranks first");
        assertClose(3.0 / 4, ev.accuracy(), "accuracy");
    }

    @Test
    void floatAndDoubleInputAgree() {
        Random r = new Random(3);
        int n = 500;
        int k = 4;
        int[] y = new int[n];
        float[] f = new float[n * k];
        double[] d = new double[n * k];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(k);
            for (int j = 0; j < k; j++) {
                f[i * k + j] = r.nextInt(30) / 30f;
                d[i * k + j] = f[i * k + j];
            }
        }
        MulticlassEvaluation a = MulticlassEvaluation.of(y, f, List.of("p", "q", "r", "s"), null);
        MulticlassEvaluation b = MulticlassEvaluation.of(y, d, List.of("p", "q", "r", "s"), null);
        assertEquals(b.rocAucOvrMacro(), a.rocAucOvrMacro());
        assertEquals(b.rocAucOvoMacro(), a.rocAucOvoMacro());
        assertEquals(b.rocCurveMicro(), a.rocCurveMicro());
        assertEquals(b.rocCurveMacro(), a.rocCurveMacro());
        assertEquals(b.confusionMatrix(), a.confusionMatrix());
        // and every curve equals the binary evaluation of the column
        for (int c = 0; c < k; c++) {
            double[] col = new double[n];
            boolean[] pos = new boolean[n];
            for (int i = 0; i < n; i++) {
                col[i] = d[i * k + c];
                pos[i] = y[i] == c;
            }
            assertEquals(BinaryEvaluation.of(col, pos).rocCurveAllThresholds(), a.classEvaluation(c).rocCurveAllThresholds());
        }
    }

    static Stream<Arguments> badArguments() {
        double[][] ok = {{0.5, 0.5}, {0.1, 0.9}};
        List<String> two = List.of("x", "y");
        return Stream.of(
                Arguments.of("labels[1] must be in [0, 2), got 2",
                        (Executable) () -> MulticlassEvaluation.of(new int[] {0, 2}, ok, two, null)),
                Arguments.of("labels[0] must be in [0, 2), got -1",
                        (Executable) () -> MulticlassEvaluation.of(new int[] {-1, 0}, ok, two, null)),
                Arguments.of("scores[1][0] must be finite, got NaN",
                        (Executable) () -> MulticlassEvaluation.of(new int[] {0, 1}, new double[][] {{0.5, 0.5}, {Double.NaN, 1}}, two, null)),
                Arguments.of("scores[1] must have length 2, got 3",
                        (Executable) () -> MulticlassEvaluation.of(new int[] {0, 1}, new double[][] {{0.5, 0.5}, {0, 0, 1}}, two, null)),
                Arguments.of("labels and scores must have the same length, got 3 and 2",
                        (Executable) () -> MulticlassEvaluation.of(new int[] {0, 1, 1}, ok, two, null)),
                Arguments.of("scores must hold n x K = 2 x 2 = 4 values, got 3",
                        (Executable) () -> MulticlassEvaluation.of(new int[] {0, 1}, new double[3], two, null)),
                Arguments.of("weights[1] must be finite and >= 0, got -1.0",
                        (Executable) () -> MulticlassEvaluation.of(new int[] {0, 1}, ok, two, new double[] {1, -1})),
                Arguments.of("classes[1] must be distinct, got 'x' twice",
                        (Executable) () -> MulticlassEvaluation.of(new int[] {0, 1}, ok, List.of("x", "x"), null)),
                Arguments.of("classes must name at least 2 classes, got 1",
                        (Executable) () -> MulticlassEvaluation.of(new int[] {0, 0}, new double[][] {{1}, {1}}, List.of("x"), null)),
                Arguments.of("labels must not be empty",
                        (Executable) () -> MulticlassEvaluation.of(new int[0], new double[0][], two, null)),
                Arguments.of("scores[2][1] must be finite, got NaN",
                        (Executable) () -> MulticlassEvaluation.of(new int[] {0, 1, 1}, new double[] {0, 1, 1, 0, 0, Double.NaN},
                                two, null)),
                Arguments.of("scores[1][0] must be finite, got Infinity",
                        (Executable) () -> MulticlassEvaluation.of(new int[] {0, 1}, new float[] {0, 1, Float.POSITIVE_INFINITY, 0},
                                two, null)),
                Arguments.of("scores[70000][1] must be finite, got NaN (the first of two, in parallel blocks)",
                        (Executable) () -> MulticlassEvaluation.of(new int[100_000], large(70_000, 90_000), two, null)),
                Arguments.of("k must be >= 1, got 0",
                        (Executable) () -> MulticlassEvaluation.of(new int[] {0, 1}, ok, two, null).topKAccuracy(0)));
    }

    /** 100,000 x 2 row-major scores with NaN at rows a (column 1) and b (column 0). */
    private static double[] large(int a, int b) {
        double[] d = new double[200_000];
        d[2 * a + 1] = Double.NaN;
        d[2 * b] = Double.NaN;
        return d;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArguments")
    void invalidInputFailsFastNamingIndexAndValue(String message, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message.replace(" (the first of two, in parallel blocks)", ""), e.getMessage());
    }

    // ---------------------------------------------------------------- independent references

    /** Weighted Mann-Whitney of column col: class pos against class neg (neg = -1: every other). */
    static double bruteAuc(double[][] s, int[] y, double[] w, int col, int pos, int neg) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] != pos) {
                continue;
            }
            for (int j = 0; j < y.length; j++) {
                if (y[j] == pos || (neg >= 0 && y[j] != neg)) {
                    continue;
                }
                double ww = (w == null ? 1 : w[i]) * (w == null ? 1 : w[j]);
                den += ww;
                if (s[i][col] > s[j][col]) {
                    num += ww;
                } else if (s[i][col] == s[j][col]) {
                    num += ww / 2;
                }
            }
        }
        return num / den;
    }

    static double classWeight(int[] y, double[] w, int c) {
        double t = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == c) {
                t += w == null ? 1 : w[i];
            }
        }
        return t;
    }

    /** scikit-learn's rule: a stable ascending argsort of the row, reversed; hit if in the first k. */
    static double bruteTopK(double[][] s, int[] y, double[] w, int k) {
        double hits = 0;
        double total = 0;
        for (int i = 0; i < y.length; i++) {
            double[] row = s[i];
            Integer[] order = new Integer[row.length];
            for (int j = 0; j < row.length; j++) {
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> Double.compare(row[a], row[b]));
            double wi = w == null ? 1 : w[i];
            total += wi;
            for (int q = 0; q < Math.min(k, row.length); q++) {
                if (order[row.length - 1 - q] == y[i]) {
                    hits += wi;
                }
            }
        }
        return hits / total;
    }

    private static List<List<Double>> rows(double[][] m) {
        List<List<Double>> out = new ArrayList<>();
        for (double[] r : m) {
            out.add(boxed(r));
        }
        return out;
    }

    private static List<Double> boxed(double[] a) {
        List<Double> out = new ArrayList<>();
        for (double v : a) {
            out.add(v);
        }
        return out;
    }
}

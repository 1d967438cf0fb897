package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Many classes, few rows: thousands of classes of which only the labelled ones take part in the
 * one-vs-one sums and only the non-zero cells of the confusion matrix are held. Every value is
 * checked against a brute-force computation in the test (pairwise Mann-Whitney, a dense matrix
 * filled row by row and the textbook formulas over every cell).
 */
class ManyClassesTest {
    /** n rows of k classes, labels drawn from {@code labelled} classes, scores with ties. */
    private record Sample(int k, int[] y, double[][] s, double[] w) {
        static Sample of(long seed, int n, int k, int labelled, boolean weighted) {
            Random r = new Random(seed);
            int[] classes = r.ints(0, k).distinct().limit(labelled).toArray();
            int[] y = new int[n];
            double[][] s = new double[n][k];
            double[] w = weighted ? new double[n] : null;
            for (int i = 0; i < n; i++) {
                y[i] = classes[r.nextInt(labelled)];
                for (int j = 0; j < k; j++) {
                    s[i][j] = r.nextInt(16) / 16.0;
                }
                if (r.nextInt(3) == 0) {
                    s[i][y[i]] = 1; // a share of rows predicted right (argmax may still tie to a lower index)
                }
                if (w != null) {
                    w[i] = r.nextInt(4) == 0 ? 0 : 0.25 + r.nextInt(8) / 4.0;
                }
            }
            return new Sample(k, y, s, w);
        }

        List<String> names() {
            List<String> names = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                names.add("c" + c);
            }
            return names;
        }

        double weight(int i) {
            return w == null ? 1 : w[i];
        }
    }

    @ParameterizedTest(name = "n={1}, K={2}, {3} labelled, weighted={4}")
    @CsvSource({"1, 150, 3000, 40, false", "2, 150, 3000, 40, true", "3, 60, 1100, 60, true", "4, 300, 40, 30, true",
        "5, 200, 1500, 60, false"})
    void oneVsOneSumsOverTheLabelledClassesEqualPairwiseMannWhitney(long seed, int n, int k, int labelled,
            boolean weighted) {
        Sample x = Sample.of(seed, n, k, labelled, weighted);
        MulticlassEvaluation ev = MulticlassEvaluation.of(x.y(), x.s(), x.names(), x.w());
        double[] support = new double[k];
        for (int i = 0; i < n; i++) {
            support[x.y()[i]] += x.weight(i);
        }
        double macro = 0;
        double pairs = 0;
        double weightedSum = 0;
        double weights = 0;
        double total = 0;
        for (double v : support) {
            total += v;
        }
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) {
                if (support[a] == 0 || support[b] == 0) {
                    if (a < 50 && b < 50) {
                        assertTrue(Double.isNaN(ev.rocAucOneVsOne(a, b)), "absent pair " + a + " " + b);
                    }
                    continue;
                }
                double ab = MulticlassEvaluationTest.bruteAuc(x.s(), x.y(), x.w(), a, a, b);
                double ba = MulticlassEvaluationTest.bruteAuc(x.s(), x.y(), x.w(), b, b, a);
                Approx.assertClose(ab, ev.rocAucOneVsOne(a, b), 1e-12, "AUC(" + a + "|" + b + ")");
                Approx.assertClose(ba, ev.rocAucOneVsOne(b, a), 1e-12, "AUC(" + b + "|" + a + ")");
                double pair = (ab + ba) / 2;
                macro += pair;
                pairs++;
                double prevalence = (support[a] + support[b]) / total;
                weightedSum += prevalence * pair;
                weights += prevalence;
            }
        }
        Approx.assertClose(macro / pairs, ev.rocAucOvoMacro(), 1e-12, "Hand & Till M");
        Approx.assertClose(weightedSum / weights, ev.rocAucOvoWeighted(), 1e-12, "prevalence-weighted");
    }

    @ParameterizedTest(name = "n={1}, K={2}, {3} labelled, weighted={4}")
    @CsvSource({"11, 400, 2000, 300, false", "12, 400, 2000, 300, true", "13, 500, 30, 30, true",
        "14, 50, 1025, 50, false"})
    void theConfusionMatrixHoldsTheNonZeroCellsOfTheDenseOne(long seed, int n, int k, int labelled,
            boolean weighted) {
        Sample x = Sample.of(seed, n, k, labelled, weighted);
        MulticlassEvaluation ev = MulticlassEvaluation.of(x.y(), x.s(), x.names(), x.w());
        // the dense matrix, filled row by row with the first maximum of each row
        double[][] dense = new double[k][k];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (x.s()[i][j] > x.s()[i][best]) {
                    best = j;
                }
            }
            dense[x.y()[i]][best] += x.weight(i);
        }
        MulticlassConfusionMatrix cm = ev.confusionMatrix();
        int nonZero = 0;
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                if (dense[t][p] != 0) {
                    assertEquals(dense[t][p], cm.nonZeroCount(nonZero), "count " + t + " " + p);
                    assertEquals(t, cm.nonZeroActual(nonZero));
                    assertEquals(p, cm.nonZeroPredicted(nonZero));
                    nonZero++;
                }
                if (t < 40 && p < 40) {
                    assertEquals(dense[t][p], cm.count(t, p), "count(" + t + ", " + p + ")");
                }
            }
        }
        assertEquals(nonZero, cm.nonZeroCells());
        assertTrue(nonZero <= n);
        assertEquals(cm, MulticlassConfusionMatrix.of(dense, x.names()));
        assertEquals(cm.hashCode(), MulticlassConfusionMatrix.of(dense, x.names()).hashCode());

        // the textbook formulas over every cell of the dense matrix, summed in row-major order
        double[] rows = new double[k];
        double[] cols = new double[k];
        double total = 0;
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                rows[t] += dense[t][p];
                cols[p] += dense[t][p];
            }
            total += rows[t];
        }
        double observed = 0;
        double expected = 0;
        double correct = 0;
        double tp = 0;
        double pp = 0;
        double tt = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (i != j) {
                    observed += dense[i][j];
                    expected += cols[i] * rows[j] / total;
                }
            }
            correct += dense[i][i];
            tp += rows[i] * cols[i];
            pp += cols[i] * cols[i];
            tt += rows[i] * rows[i];
        }
        assertEquals(1 - observed / expected, cm.cohenKappa(), "kappa");
        assertEquals((correct * total - tp) / Math.sqrt((total * total - tt) * (total * total - pp)), cm.mcc(), "mcc");
        assertEquals(correct / total, cm.accuracy(), "accuracy");
        for (int c = 0; c < Math.min(k, 60); c++) {
            assertEquals(rows[c], cm.support(c), "support " + c);
            assertEquals(cols[c], cm.predicted(c), "predicted " + c);
        }
        double[][] copy = cm.counts();
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                if (copy[t][p] != dense[t][p]) {
                    assertEquals(dense[t][p], copy[t][p], "counts()[" + t + "][" + p + "]");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} classes, 5 labelled")
    @CsvSource({"25", "26", "16000"})
    void upTo20AbsentClassesAreNamedOneByOneMoreInOneWarning(int k) {
        int[] y = {0, 1, 2, 3, 4, 0, 1, 2, 3, 4};
        float[] s = new float[y.length * k];
        for (int i = 0; i < y.length; i++) {
            s[i * k + (y[i] == 1 || y[i] == 3 ? k - 1 : y[i])] = 1; // classes 1 and 3 predicted as the last class
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            names.add("c" + c);
        }
        MulticlassEvaluation ev = MulticlassEvaluation.of(y, s, names, null);
        List<String> absent = ev.warnings().stream().filter(w -> w.contains("absent")).toList();
        if (k - 5 <= ClassWarnings.LIMIT) {
            assertEquals(k - 5, absent.size());
            assertEquals("class 'c5' is absent from the labels: its ROC AUC, average precision and recall are NaN and "
                    + "it is left out of every average", absent.get(0));
        } else {
            assertEquals(List.of(String.format(java.util.Locale.ROOT, "%,d classes are absent from the labels (or all "
                    + "their samples have zero weight): 'c5', 'c6', 'c7', 'c8', 'c9', 'c10', 'c11', 'c12', 'c13', "
                    + "'c14' and %,d more; their ROC AUC, average precision and recall are NaN and they are left out "
                    + "of every average", k - 5, k - 15)), absent);
        }
        // classes 1 and 3 are never predicted: two classes, each named
        assertEquals(List.of("class 'c1' is never predicted: its precision is NaN and counts as 0 in the macro and "
                + "weighted precision", "class 'c3' is never predicted: its precision is NaN and counts as 0 in the "
                + "macro and weighted precision"), ev.warnings().stream().filter(w -> w.contains("never")).toList());
        assertTrue(ev.confusionMatrix().warnings().size() <= 2 * ClassWarnings.LIMIT + 2);
    }

    @ParameterizedTest
    @CsvSource({"-1, 0", "0, -1", "3, 0", "0, 3"})
    void countOutsideTheMatrixIsRefused(int actual, int predicted) {
        MulticlassConfusionMatrix cm = MulticlassConfusionMatrix.of(new double[][] {{1, 0, 2}, {0, 0, 0}, {3, 0, 1}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cm.count(actual, predicted));
        assertEquals("actual and predicted must be in [0, 3), got " + actual + " and " + predicted, e.getMessage());
        assertEquals(4, cm.nonZeroCells());
        assertEquals(2.0, cm.count(0, 2));
        assertEquals(0.0, cm.count(1, 1));
    }
}

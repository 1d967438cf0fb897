package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Fold averages by hand on a small case and against scikit-learn's cross-validated ROC example. */
class FoldEvaluationTest {
    private static final MetricKey AUC = MetricKey.of(Metric.ROC_AUC);

    /**
     * Fold A: positives 0.9, 0.7; negatives 0.8, 0.1: 3 of 4 pairs ordered, AUC 3/4. Fold B:
     * positives 0.6, 0.3; negatives 0.5, 0.4, 0.2: 4 of 6, AUC 2/3. Pooled: 15 of 20 pairs, 3/4.
     */
    @Test
    void smallCaseByHand() {
        double[] s = {0.9, 0.8, 0.6, 0.7, 0.5, 0.4, 0.1, 0.3, 0.2};
        boolean[] y = {true, false, true, true, false, false, false, true, false};
        String[] fold = {"A", "A", "B", "A", "B", "B", "A", "B", "B"};
        FoldEvaluation ev = FoldEvaluation.binary(s, y, null, Slices.of(List.of("fold"), List.<String[]>of(fold)),
                SummaryOptions.defaults(), new double[] {0, 0.5, 1});
        assertEquals(2, ev.folds().size());
        assertEquals(0.75, ev.folds().get(0).summary().value(AUC).value(), 1e-15);
        assertEquals(2.0 / 3, ev.folds().get(1).summary().value(AUC).value(), 1e-15);
        assertEquals(0.75, ev.rocAucPooled(), 1e-15);
        assertEquals((0.75 + 2.0 / 3) / 2, ev.rocAucMeanOfFolds(), 1e-15);
        FoldEvaluation.FoldStatistic auc = ev.statistic(AUC).orElseThrow();
        assertEquals((0.75 - 2.0 / 3) / 2, auc.sd(), 1e-15);
        assertEquals(2, auc.folds());
        // ROC A: (0,0) (0,.5) (.5,.5) (.5,1) (1,1): at FPR .5 the top of the vertical segment, 1.
        // ROC B: (0,0) (0,.5) (2/3,.5) (2/3,1) (1,1): at FPR .5, .5. At FPR 0 both are set to 0.
        AveragedCurve roc = ev.roc().orElseThrow();
        assertEquals(AveragedCurve.Axis.ROC, roc.axis());
        assertEquals(2, roc.curves());
        assertEquals(0, roc.mean(0));
        assertEquals(0.75, roc.mean(1), 1e-15);
        assertEquals(0.25, roc.sd(1), 1e-15);
        assertEquals(0.5, roc.lower(1), 1e-15);
        assertEquals(1, roc.upper(1), 1e-15);
        assertEquals(0.5, roc.min(1));
        assertEquals(1, roc.max(1));
        assertEquals(1, roc.mean(2));
        // PR A: recall .5 first reached at 0.9 (precision 1), recall 1 at 0.7 (2/3).
        // PR B: recall .5 at 0.6 (1), recall 1 at 0.3 (2/4).
        AveragedCurve pr = ev.precisionRecall().orElseThrow();
        assertEquals(1, pr.mean(0));
        assertEquals(1, pr.mean(1));
        assertEquals((2.0 / 3 + 0.5) / 2, pr.mean(2), 1e-15);
        assertEquals(0.5, pr.min(2));
        assertTrue(ev.warnings().isEmpty(), ev.warnings().toString());
        // the folds' own curves, as each fold alone gives them
        assertEquals(List.of("A", "B"), ev.curves().stream().map(FoldEvaluation.FoldCurves::fold).toList());
        Slices folds = Slices.of(List.of("fold"), List.<String[]>of(fold));
        for (int f = 0; f < 2; f++) {
            BinaryEvaluation alone = BinaryEvaluation.of(folds.select(f, s), folds.select(f, y), null);
            assertEquals(alone.rocCurve(), ev.curves().get(f).roc());
            assertEquals(alone.precisionRecallCurve(), ev.curves().get(f).precisionRecall());
        }
    }

    /** Multi-label folds: each fold's summary is the fold's rows evaluated; macro ROC AUC mean and sd by hand. */
    @Test
    void multilabelFolds() {
        int[][] ind = {{1, 0}, {0, 1}, {1, 1}, {0, 0}, {1, 0}, {0, 1}, {1, 1}, {0, 0}};
        double[][] sc = {{0.9, 0.2}, {0.1, 0.8}, {0.6, 0.7}, {0.3, 0.4}, {0.4, 0.6}, {0.5, 0.5}, {0.7, 0.9},
            {0.2, 0.1}};
        String[] fold = {"1", "1", "1", "1", "2", "2", "2", "2"};
        List<String> labels = List.of("x", "y");
        FoldEvaluation ev = FoldEvaluation.multilabel(ind, sc, labels, null,
                Slices.of(List.of("fold"), List.<String[]>of(fold)), SummaryOptions.defaults());
        MetricKey macro = MetricKey.of(Metric.ROC_AUC, Average.MACRO);
        assertEquals(macro, ev.aucKey());
        double a = MultilabelEvaluation.of(java.util.Arrays.copyOfRange(ind, 0, 4),
                java.util.Arrays.copyOfRange(sc, 0, 4), labels, null).rocAucMacro();
        double b = MultilabelEvaluation.of(java.util.Arrays.copyOfRange(ind, 4, 8),
                java.util.Arrays.copyOfRange(sc, 4, 8), labels, null).rocAucMacro();
        assertEquals(a, ev.folds().get(0).summary().value(macro).value(), 1e-15);
        assertEquals((a + b) / 2, ev.rocAucMeanOfFolds(), 1e-15);
        assertEquals(Math.abs(a - b) / 2, ev.statistic(macro).orElseThrow().sd(), 1e-15);
        assertEquals(MultilabelEvaluation.of(ind, sc, labels, null).rocAucMacro(), ev.rocAucPooled(), 1e-15);
        assertTrue(ev.roc().isEmpty());
        assertTrue(ev.curves().isEmpty());
    }

    /** A fold with one class: its AUC is NaN, left out of the mean and of the curves, with warnings. */
    @Test
    void oneClassFoldIsLeftOutWithAWarning() {
        double[] s = {0.9, 0.8, 0.7, 0.1, 0.5, 0.4};
        boolean[] y = {true, false, true, false, true, true};
        String[] fold = {"1", "1", "1", "1", "2", "2"};
        FoldEvaluation ev = FoldEvaluation.binary(s, y, null, Slices.of(List.of("fold"), List.<String[]>of(fold)),
                SummaryOptions.defaults(), AveragedCurve.linearGrid(11));
        assertTrue(Double.isNaN(ev.folds().get(1).summary().value(AUC).value()));
        assertEquals(0.75, ev.rocAucMeanOfFolds(), 1e-15);
        assertEquals(1, ev.statistic(AUC).orElseThrow().folds());
        assertEquals(1, ev.roc().orElseThrow().curves());
        assertTrue(ev.warnings().contains("fold fold=2 holds one class only: left out of the averaged curves"),
                ev.warnings().toString());
        assertTrue(ev.warnings().contains("roc_auc: 1 of 2 folds undefined, left out of the mean and sd"),
                ev.warnings().toString());
    }

    /** scikit-learn 1.2.1 (reference/folds_reference.py): 5 folds by row number, 100-point grid. */
    @ParameterizedTest
    @ValueSource(strings = {"breast_cancer", "fraudlike"})
    void equalsScikitLearnCrossValidatedRocExample(String name) throws IOException {
        List<String[]> data = SliceEvaluationTest.csvOf(read("/fixtures/binary_" + name + ".csv"));
        double[] s = SliceEvaluationTest.numbers(SliceEvaluationTest.column(data, "score"));
        String[] label = SliceEvaluationTest.column(data, "label");
        boolean[] y = new boolean[s.length];
        String[] fold = new String[s.length];
        for (int i = 0; i < s.length; i++) {
            y[i] = label[i].equals("1");
            fold[i] = Integer.toString(i % 5);
        }
        FoldEvaluation ev = FoldEvaluation.binary(s, y, null, Slices.of(List.of("fold"), List.<String[]>of(fold)),
                SummaryOptions.defaults(), AveragedCurve.linearGrid(100));
        List<String[]> ref = SliceEvaluationTest.csvOf(read("/reference/folds_" + name + ".csv"));
        double[] grid = SliceEvaluationTest.numbers(SliceEvaluationTest.column(ref, "grid"));
        AveragedCurve roc = ev.roc().orElseThrow();
        AveragedCurve pr = ev.precisionRecall().orElseThrow();
        assertEquals(grid.length, roc.size());
        String[][] checks = {{"mean_tpr"}, {"sd_tpr"}, {"min_tpr"}, {"max_tpr"}, {"mean_precision"},
            {"sd_precision"}, {"min_precision"}, {"max_precision"}};
        for (String[] c : checks) {
            double[] expected = SliceEvaluationTest.numbers(SliceEvaluationTest.column(ref, c[0]));
            for (int i = 0; i < grid.length; i++) {
                assertEquals(grid[i], roc.x(i), 1e-15);
                AveragedCurve curve = c[0].endsWith("tpr") ? roc : pr;
                double actual = switch (c[0].substring(0, c[0].indexOf('_'))) {
                    case "mean" -> curve.mean(i);
                    case "sd" -> curve.sd(i);
                    case "min" -> curve.min(i);
                    default -> curve.max(i);
                };
                assertEquals(expected[i], actual, 1e-12, name + " " + c[0] + " at " + grid[i]);
            }
        }
        double[] first = SliceEvaluationTest.numbers(ref.get(1));
        List<String> header = List.of(ref.get(0));
        assertEquals(first[header.indexOf("auc_mean_of_folds")], ev.rocAucMeanOfFolds(), 1e-12);
        assertEquals(first[header.indexOf("auc_sd_of_folds")], ev.statistic(AUC).orElseThrow().sd(), 1e-12);
        assertEquals(first[header.indexOf("auc_pooled")], ev.rocAucPooled(), 1e-12);
    }

    @Test
    void badGrid() {
        Slices f = Slices.of(List.of("fold"), List.<String[]>of(new String[] {"1", "1"}));
        double[] s = {0.1, 0.2};
        boolean[] y = {true, false};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FoldEvaluation.binary(s, y, null, f, SummaryOptions.defaults(), new double[] {0, 0.5, 0.5}));
        assertEquals("grid must be strictly ascending in [0, 1], got grid[2] = 0.5", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> FoldEvaluation.binary(s, y, null, f, SummaryOptions.defaults(), new double[] {1.5}));
        assertThrows(IllegalArgumentException.class, () -> AveragedCurve.linearGrid(1));
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = FoldEvaluationTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

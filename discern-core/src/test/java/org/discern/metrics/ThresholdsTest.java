package org.discern.metrics;

import static org.discern.metrics.Approx.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Threshold criteria on a hand-checked sample and on pROC's aSAH data.
 *
 * <p>The small sample (P = N = 4) has these operating points (threshold: cumulative tp, fp):
 * +Inf: 0,0; 0.9: 1,0; 0.8: 2,1; 0.7: 3,1; 0.6: 3,2; 0.5: 4,2; 0.4: 4,3; 0.3: 4,4. Every expected
 * value below is derived from that table in the comment beside it.
 */
class ThresholdsTest {
    private static final double[] S = {0.9, 0.8, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3};
    private static final boolean[] Y = {true, true, false, true, false, true, false, false};
    private static final OperatingPoints OP = OperatingPoints.of(S, Y);

    private static ThresholdChoice best(String spec) {
        return Thresholds.best(OP, ThresholdCriterion.parse(spec));
    }

    @Test
    void youdenOnAsahMatchesProc() {
        JsonNode in = Fixtures.json("binary_asah_s100b_vs_wfns").get("input");
        BinaryEvaluation ev = BinaryEvaluation.of(Fixtures.doubles(in.get("scores")),
                Fixtures.booleans(in.get("labels")), null);
        ThresholdChoice c = Thresholds.best(ev, ThresholdCriterion.parse("youden"));
        // pROC coords(r, "best"): sensitivity 0.6341463, specificity 0.8055556 at the midpoint 0.205
        assertClose(0.6341463, c.sensitivity(), 1e-7, "sensitivity");
        assertClose(0.8055556, c.specificity(), 1e-7, "specificity");
        // ours is the score itself: 26 of 41 positives and 14 of 72 negatives score >= 0.22
        assertEquals(0.22, c.threshold());
        ConfusionMatrix cm = c.confusion().orElseThrow();
        assertEquals(new ConfusionMatrix(26, 14, 58, 15), cm);
        assertClose(26.0 / 41 + 58.0 / 72 - 1, c.value(), "J");
        assertTrue(c.warnings().isEmpty());
    }

    @Test
    void youdenTieGoesToTheHighestThreshold() {
        // J = (tp - fp) / 4: 0.5 at both 0.7 (3,1) and 0.5 (4,2); the higher one wins
        ThresholdChoice c = best("youden");
        assertEquals(0.7, c.threshold());
        assertEquals(2, c.index()); // rows: 0.9, 0.8, 0.7
        assertEquals(0.5, c.value());
        assertEquals(new ConfusionMatrix(3, 1, 3, 1), c.confusion().orElseThrow());
        assertEquals(0.75, c.precision());
        assertEquals(0.75, c.recall());
        assertEquals(0.75, c.specificity());
        assertEquals(0.75, c.f1());
        assertEquals(0.5, c.mcc()); // (9 - 1) / sqrt(4 * 4 * 4 * 4)
        assertEquals(0.5, c.flaggedFraction());
        assertTrue(Double.isNaN(c.expectedCost()));
    }

    @Test
    void closestToTopLeft() {
        // squared distances: 1, .5625, .3125, .125 (0.7), .3125, .25, ...; min at 0.7
        ThresholdChoice c = best("closest");
        assertEquals(0.7, c.threshold());
        assertEquals(Math.sqrt(0.125), c.value());
    }

    @Test
    void maxF1AndFBetaAndMcc() {
        // F1 = 2tp / (2tp + fp + fn): .4, 4/7, .75, 2/3, .8 (0.5), 8/11, 2/3
        ThresholdChoice f1 = best("f1");
        assertEquals(0.5, f1.threshold());
        assertEquals(0.8, f1.value());
        // F-beta, beta = 0.5: 1.25tp / (1.25tp + .25fn + fp): 0.9: 1.25/2 = .625;
        // 0.7: 3.75/5 = .75; 0.5: 5/7 = .714; max at 0.7
        ThresholdChoice fhalf = best("fbeta:0.5");
        assertEquals(0.7, fhalf.threshold());
        assertClose(0.75, fhalf.value(), "f0.5");
        // MCC: 0.9: 4/sqrt(112), 0.8: 4/sqrt(240), 0.7: .5, 0.6: 4/sqrt(240), 0.5: 8/sqrt(192), 0.4: 4/sqrt(112)
        ThresholdChoice mcc = best("mcc");
        assertEquals(0.5, mcc.threshold());
        assertClose(8 / Math.sqrt(192), mcc.value(), "mcc");
    }

    @Test
    void minimumCostAtSampleAndDeploymentPrevalence() {
        // (fp + 5 fn) / 8: 20, 15, 11, 6, 7, 2 (0.5), 3, 4 (eighths)
        ThresholdChoice c = Thresholds.best(OP, ThresholdCriterion.MinCost.of(1, 5));
        assertEquals(0.5, c.threshold());
        assertEquals(0.25, c.expectedCost());
        // at prevalence 0.1: 5 * 0.1 * fn/4 + 1 * 0.9 * fp/4 = .125 fn + .225 fp:
        // .5, .375, .475, .35 (0.7), .575, .45, .675, .9
        ThresholdChoice d = Thresholds.best(OP, ThresholdCriterion.parse("cost:1:5:0.1"));
        assertEquals(0.7, d.threshold());
        assertClose(0.35, d.expectedCost(), "cost at prevalence 0.1");
        // at the sample's own prevalence both formulas agree
        ThresholdChoice e = Thresholds.best(OP, ThresholdCriterion.MinCost.of(1, 5, 0.5));
        assertEquals(0.5, e.threshold());
        assertClose(0.25, e.expectedCost(), "cost at prevalence 0.5");
        // free false negatives: flag nothing
        assertEquals(Double.POSITIVE_INFINITY, Thresholds.best(OP, ThresholdCriterion.MinCost.of(1, 0)).threshold());
        assertEquals(-1, Thresholds.best(OP, ThresholdCriterion.MinCost.of(1, 0)).index());
    }

    @Test
    void constrainedCriteria() {
        // precision: -, 1, 2/3, 3/4, 3/5, 2/3, 4/7, 1/2; >= .75 at 0.9 (recall .25) and 0.7 (recall .75)
        ThresholdChoice p = best("precision:0.75");
        assertEquals(0.7, p.threshold());
        assertEquals(0.75, p.recall());
        assertEquals(0.9, best("precision:1").threshold());
        // recall >= .9 at 0.5, 0.4, 0.3 with precision 2/3, 4/7, 1/2
        ThresholdChoice r = best("recall:0.9");
        assertEquals(0.5, r.threshold());
        assertClose(2.0 / 3, r.precision(), "precision");
        // specificity >= .75 at +Inf, 0.9, 0.8, 0.7 with sensitivity 0, .25, .5, .75
        ThresholdChoice sp = best("specificity:0.75");
        assertEquals(0.7, sp.threshold());
        assertEquals(0.75, sp.sensitivity());
        // sensitivity >= 1 at 0.5, 0.4, 0.3 with specificity .5, .25, 0
        ThresholdChoice se = best("sensitivity:1");
        assertEquals(0.5, se.threshold());
        assertEquals(0.5, se.specificity());
    }

    @Test
    void infeasibleConstraintGivesNaNAndAWarning() {
        // the top score is a negative: precision is 0 at 0.9 and 1/2 at 0.5, never 1
        OperatingPoints op = OperatingPoints.of(new double[] {0.9, 0.5}, new boolean[] {false, true});
        ThresholdChoice c = Thresholds.best(op, ThresholdCriterion.parse("precision:1"));
        assertFalse(c.feasible());
        assertTrue(Double.isNaN(c.threshold()));
        assertTrue(Double.isNaN(c.recall()));
        assertTrue(c.confusion().isEmpty());
        assertEquals(1, c.warnings().size());
        assertTrue(c.warnings().get(0).contains("precision:1"), c.warnings().get(0));
    }

    @Test
    void oneClassOnlyIsInfeasibleForYouden() {
        OperatingPoints op = OperatingPoints.of(new double[] {0.9, 0.5}, new boolean[] {false, false});
        ThresholdChoice c = Thresholds.best(op, new ThresholdCriterion.Youden());
        assertFalse(c.feasible());
        assertEquals(2, c.warnings().size());
        assertTrue(c.warnings().get(0).startsWith("only negative"), c.warnings().get(0));
    }

    @Test
    void alertBudgetNeverExceedsTheBudgetAndDropsTiesAtTheCut() {
        // flagged: +Inf 0, 0.9 1, 0.8 3, 0.7 4, 0.6 5, ...
        assertEquals(0.8, best("budget:3").threshold());
        assertEquals(3, best("budget:3").value());
        // two cases allowed, but 0.8 is tied (two cases) and would make three: stop at 0.9
        assertEquals(0.9, best("budget:2").threshold());
        assertEquals(0.9, best("budget:25%").threshold()); // 0.25 * 8 = 2
        assertEquals(0.7, best("budget:50%").threshold()); // 4
        assertEquals(0.7, best("budget:0.5").threshold());
        assertEquals(0.3, best("budget:100%").threshold());
        assertEquals(0.125, best("budget:1").flaggedFraction());
        // 0.29 * 100 is 28.999999999999996 in doubles; the budget still allows 29 of 100
        double[] s = new double[100];
        boolean[] y = new boolean[100];
        for (int i = 0; i < 100; i++) {
            s[i] = i;
            y[i] = i % 2 == 0;
        }
        ThresholdChoice c = Thresholds.best(OperatingPoints.of(s, y), ThresholdCriterion.parse("budget:29%"));
        assertEquals(29, c.confusion().orElseThrow().predictedPositives());
        assertEquals(71.0, c.threshold());
    }

    @Test
    void weightedCounts() {
        // weights 2 on the 0.5 positive: P = 5, N = 4; F1 at 0.5: 2*5 / (10 + 2 + 0) = 5/6
        double[] w = {1, 1, 1, 1, 1, 2, 1, 1};
        ThresholdChoice c = Thresholds.best(OperatingPoints.of(S, Y, w), ThresholdCriterion.parse("f1"));
        assertEquals(0.5, c.threshold());
        assertClose(5.0 / 6, c.value(), "weighted f1");
    }

    static Stream<Arguments> specs() {
        return Stream.of(
                Arguments.of("youden", new ThresholdCriterion.Youden()),
                Arguments.of("closest", new ThresholdCriterion.ClosestToTopLeft()),
                Arguments.of("f1", new ThresholdCriterion.MaxFBeta(1)),
                Arguments.of("fbeta:2", new ThresholdCriterion.MaxFBeta(2)),
                Arguments.of("fbeta:0.5", new ThresholdCriterion.MaxFBeta(0.5)),
                Arguments.of("mcc", new ThresholdCriterion.MaxMcc()),
                Arguments.of("cost:1:1", ThresholdCriterion.MinCost.of(1, 1)),
                Arguments.of("cost:1:10:0.01", ThresholdCriterion.MinCost.of(1, 10, 0.01)),
                Arguments.of("precision:0.9", new ThresholdCriterion.RecallAtPrecision(0.9)),
                Arguments.of("recall:0.8", new ThresholdCriterion.PrecisionAtRecall(0.8)),
                Arguments.of("specificity:0.95", new ThresholdCriterion.SensitivityAtSpecificity(0.95)),
                Arguments.of("sensitivity:0.99", new ThresholdCriterion.SpecificityAtSensitivity(0.99)),
                Arguments.of("budget:0.05", ThresholdCriterion.AlertBudget.topFraction(0.05)),
                Arguments.of("budget:100%", ThresholdCriterion.AlertBudget.topFraction(1)),
                Arguments.of("budget:200", ThresholdCriterion.AlertBudget.topCount(200)));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void parsesAndPrintsBack(String spec, ThresholdCriterion expected) {
        assertEquals(expected, ThresholdCriterion.parse(spec));
        assertEquals(spec, expected.spec());
        assertEquals(expected, ThresholdCriterion.parse(spec.toUpperCase(java.util.Locale.ROOT)));
    }

    @Test
    void parseDefaultsAndPercent() {
        assertEquals(ThresholdCriterion.MinCost.of(1, 1), ThresholdCriterion.parse("cost"));
        assertEquals(ThresholdCriterion.AlertBudget.topFraction(0.05), ThresholdCriterion.parse("budget:5%"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "best", "youden:1", "fbeta", "fbeta:x", "fbeta:0", "precision:1.5",
        "recall:-0.1", "specificity:", "budget:0", "budget:2.5", "budget:150%", "cost:1", "cost:1:2:3:4",
        "cost:-1:1", "cost:1:1:1.5"})
    void rejectsBadSpecs(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ThresholdCriterion.parse(spec));
        assertFalse(e.getMessage().isEmpty());
    }
}

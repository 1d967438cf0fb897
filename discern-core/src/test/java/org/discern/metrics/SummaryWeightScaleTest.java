package org.discern.metrics;

import static org.discern.metrics.Approx.assertClose;
import static org.discern.metrics.Fixtures.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scale of the weights changes nothing through the mergeable summaries either: the weighted
 * case of {@link WeightScaleTest} (scikit-learn 1.2.1, reference/numbers_reference.py,
 * weighted_ratios) with its weights times 1e-300 ... 1e300, summarised in three batches and
 * merged ({@link ScoreCounts}), summed in runs ({@link SweepSums}, the path of a table kept on a
 * cluster) and binned ({@link ScoreHistogram}), gives the unit-scale numbers; and a multi-class
 * sample merged from batches ({@link MulticlassCounts}) gives its unit-scale numbers.
 */
class SummaryWeightScaleTest {

    /** Rows {@code [from, to)} of each array. */
    private static ScoreCounts batch(double[] s, boolean[] y, double[] w, int from, int to) {
        return ScoreCounts.of(Arrays.copyOfRange(s, from, to), Arrays.copyOfRange(y, from, to),
                Arrays.copyOfRange(w, from, to));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-300, 1e-200, 1e-30, 1, 1e30, 1e200, 1e300})
    void mergedBinarySummariesMatchScikitLearnAtEveryScale(double scale) {
        JsonNode c = References.json("numbers_reference.json").get("weighted_ratios");
        JsonNode ex = c.get("expected");
        double[] s = doubles(c.get("scores"));
        boolean[] y = Fixtures.booleans(c.get("labels"));
        double[] w = Arrays.stream(doubles(c.get("weights"))).map(v -> v * scale).toArray();
        int n = s.length;
        ScoreCounts merged = batch(s, y, w, 0, n / 3).merge(batch(s, y, w, n / 3, 2 * n / 3))
                .merge(batch(s, y, w, 2 * n / 3, n));
        String at = " at scale " + scale;
        BinaryEvaluation ev = merged.toEvaluation();
        BinaryEvaluation single = BinaryEvaluation.of(s, y, w);
        WeightScaleTest.assertScikitLearnNumbers(ex, ev, at);
        assertClose(single.prAucInterpolated(), ev.prAucInterpolated(), 1e-12, "interpolated" + at);
        assertClose(single.ks(), ev.ks(), 1e-12, "ks" + at);
        assertClose(single.partialRocAuc(0.3), ev.partialRocAuc(0.3), 1e-12, "partial" + at);
        assertClose(single.logLoss(), ev.logLoss(), 1e-12, "log loss" + at);
        assertClose(single.brierScore(), ev.brierScore(), 1e-12, "brier" + at);
        // the weighted DeLong variance depends on the weights' scale (its (P - 1) P denominator) and the
        // summaries choose their power of two from the class totals rather than the largest weight:
        // the two summary paths agree with each other, and with the core in the ordinary range
        DeLongAuc d = DeLong.auc(ev.operatingPoints());
        if (scale == 1) {
            assertClose(DeLong.auc(single.operatingPoints()).variance(), d.variance(), 1e-12, "DeLong variance");
        }

        // the same summary summed in runs of 1, 2 and 5 distinct scores
        for (int size : new int[] {1, 2, 5}) {
            SweepSums sums = SweepSumsTest.inRuns(merged, size, 0.3);
            String in = at + " in runs of " + size;
            assertClose(ex.get("roc_auc").asDouble(), sums.rocAuc(), 1e-12, "roc_auc" + in);
            assertClose(ex.get("average_precision").asDouble(), sums.averagePrecision(), 1e-12, "ap" + in);
            assertClose(ex.get("pr_auc_trapezoid").asDouble(), sums.prAucTrapezoid(), 1e-12, "trapezoid" + in);
            assertClose(single.prAucInterpolated(), sums.prAucInterpolated(), 1e-12, "interpolated" + in);
            assertClose(single.ks(), sums.ks(), 1e-12, "ks" + in);
            assertClose(single.partialRocAuc(0.3), sums.partialRocAuc(), 1e-12, "partial" + in);
            assertClose(single.logLoss(), sums.logLoss(), 1e-12, "log loss" + in);
            assertClose(single.brierScore(), sums.brierScore(), 1e-12, "brier" + in);
            assertClose(d.variance(), sums.deLong().variance(), 1e-12, "DeLong variance" + in);
            ConfusionMatrix m = sums.confusionAt(0);
            ConfusionMatrix u = single.confusionAt(SweepSumsTest.THRESHOLDS[0]);
            assertClose(u.mcc(), m.mcc(), 1e-12, "mcc" + in);
            assertClose(u.f1(), m.f1(), 1e-12, "f1" + in);
        }

        // binned: the bounds and the estimate do not depend on the scale
        double[] unit = doubles(c.get("weights"));
        ScoreHistogram.AucBounds u = ScoreHistogram.of(s, y, unit, 0, 1, 4).rocAuc();
        ScoreHistogram.AucBounds h = ScoreHistogram.of(Arrays.copyOfRange(s, 0, n / 2),
                Arrays.copyOfRange(y, 0, n / 2), Arrays.copyOfRange(w, 0, n / 2), 0, 1, 4)
                .merge(ScoreHistogram.of(Arrays.copyOfRange(s, n / 2, n), Arrays.copyOfRange(y, n / 2, n),
                        Arrays.copyOfRange(w, n / 2, n), 0, 1, 4))
                .rocAuc();
        assertClose(u.estimate(), h.estimate(), 1e-12, "histogram estimate" + at);
        assertClose(u.lower(), h.lower(), 1e-12, "histogram lower" + at);
        assertClose(u.upper(), h.upper(), 1e-12, "histogram upper" + at);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-300, 1e-200, 1e-30, 1e30, 1e200, 1e300})
    void mergedMulticlassSummariesDoNotDependOnTheScale(double scale) {
        int[] y = {0, 1, 2, 2, 1, 0, 2, 1, 0, 0};
        double[] p = {0.6, 0.3, 0.1, 0.2, 0.5, 0.3, 0.1, 0.2, 0.7, 0.3, 0.3, 0.4, 0.5, 0.4, 0.1,
            0.4, 0.4, 0.2, 0.2, 0.6, 0.2, 0.3, 0.3, 0.4, 0.7, 0.2, 0.1, 0.1, 0.1, 0.8};
        double[] w = {1, 2, 0.5, 3, 1, 1.5, 2, 1, 0.25, 4};
        List<String> k = List.of("a", "b", "c");
        MulticlassEvaluation unit = MulticlassEvaluation.of(y, p, k, w);
        double[] big = Arrays.stream(w).map(v -> v * scale).toArray();
        List<MulticlassCounts> parts = new ArrayList<>();
        for (int[] r : new int[][] {{0, 4}, {4, 5}, {5, 10}}) {
            parts.add(MulticlassCounts.of(Arrays.copyOfRange(y, r[0], r[1]), Arrays.copyOfRange(p, 3 * r[0], 3 * r[1]),
                    k, Arrays.copyOfRange(big, r[0], r[1])));
        }
        MulticlassEvaluation merged = MulticlassCounts.mergeAll(parts).toEvaluation();
        String at = " at scale " + scale;
        assertEquals(unit.rows(), merged.rows(), "rows" + at);
        WeightScaleTest.assertSameMulticlassNumbers(unit, merged, at);
    }
}

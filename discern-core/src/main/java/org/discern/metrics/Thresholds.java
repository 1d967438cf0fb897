package org.discern.metrics;

import java.util.ArrayList;
import java.util.List;

import org.discern.metrics.internal.Checks;

/**
 * Chooses decision thresholds by a named {@link ThresholdCriterion}, in one linear scan over an
 * {@link OperatingPoints} table.
 *
 * <p><b>Candidates.</b> Every distinct score of the sample plus {@code +Infinity} (flag nothing).
 * With the rule "positive iff score &gt;= threshold" these are all the different classifications
 * the scores allow, so the best candidate is the best threshold overall.
 *
 * <p><b>Ties.</b> When several candidates have the same criterion value (compared exactly, in
 * double arithmetic), the <em>highest</em> threshold wins: the most conservative choice, flagging
 * fewest cases. Candidates whose value is NaN (undefined there, or a constraint not met) are
 * skipped; if every candidate is skipped the choice is infeasible (NaN threshold and a warning),
 * never an exception.
 *
 * <p><b>Thresholds are scores, not midpoints.</b> The chosen threshold is always one of the
 * sample's scores. pROC's {@code coords(roc, "best")} reports the midpoint between that score and
 * the next lower distinct one; both classify the sample identically. On pROC's aSAH data with
 * the s100b score, Youden's J is maximal at sensitivity 0.6341463 and specificity 0.8055556: pROC
 * reports the threshold 0.205, Discern the score 0.22 (0.205 is the midpoint of 0.19 and 0.22).
 * Note that pROC's default direction for this data is also "controls &lt; cases".
 */
public final class Thresholds {
    private Thresholds() {
    }

    /** The best threshold of the evaluation's operating points; see {@link #best(OperatingPoints, ThresholdCriterion)}. */
    public static ThresholdChoice best(BinaryEvaluation evaluation, ThresholdCriterion criterion) {
        Checks.notNull(evaluation, "evaluation");
        return best(evaluation.operatingPoints(), criterion);
    }

    /**
     * The best threshold by {@code criterion} among all candidates (see the class documentation
     * for the candidates and the tie rule). Linear in the number of distinct scores.
     *
     * @return the choice; infeasible (NaN threshold, with a warning) when no candidate is eligible
     */
    public static ThresholdChoice best(OperatingPoints points, ThresholdCriterion criterion) {
        Checks.notNull(points, "points");
        Checks.notNull(criterion, "criterion");
        return scan(points, List.of(criterion)).get(0);
    }

    /**
     * {@link #best(OperatingPoints, ThresholdCriterion)} for each criterion, in order, in one scan of
     * the table (each row's confusion matrix is made once for all criteria).
     */
    public static List<ThresholdChoice> best(OperatingPoints points, List<? extends ThresholdCriterion> criteria) {
        Checks.notNull(points, "points");
        Checks.notNull(criteria, "criteria");
        for (int c = 0; c < criteria.size(); c++) {
            Checks.notNull(criteria.get(c), "criteria[" + c + "]");
        }
        return scan(points, criteria);
    }

    private static List<ThresholdChoice> scan(OperatingPoints points, List<? extends ThresholdCriterion> criteria) {
        int k = criteria.size();
        ThresholdCriterion[] cs = criteria.toArray(new ThresholdCriterion[0]);
        boolean[] larger = new boolean[k];
        for (int c = 0; c < k; c++) {
            larger[c] = cs[c].largerIsBetter();
        }
        int[] bestIndex = new int[k];
        java.util.Arrays.fill(bestIndex, Integer.MIN_VALUE);
        double[] bestValue = new double[k];
        java.util.Arrays.fill(bestValue, Double.NaN);
        ConfusionMatrix[] bestCm = new ConfusionMatrix[k];
        for (int i = -1; i < points.size(); i++) {
            ConfusionMatrix cm = points.confusionAtIndex(i);
            for (int c = 0; c < k; c++) {
                double v = cs[c].value(cm);
                if (Double.isNaN(v)) {
                    continue;
                }
                // strict comparison: on equal values the earlier (higher) threshold stays
                if (bestCm[c] == null || (larger[c] ? v > bestValue[c] : v < bestValue[c])) {
                    bestValue[c] = v;
                    bestIndex[c] = i;
                    bestCm[c] = cm;
                }
            }
        }
        List<ThresholdChoice> out = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            out.add(choice(points, cs[c], bestIndex[c], bestValue[c], bestCm[c]));
        }
        return List.copyOf(out);
    }

    private static ThresholdChoice choice(OperatingPoints points, ThresholdCriterion criterion, int bestIndex,
            double bestValue, ConfusionMatrix bestCm) {
        List<String> warnings = new ArrayList<>();
        if (points.positives() == 0 || points.negatives() == 0) {
            warnings.add("only " + (points.positives() == 0 ? "negative" : "positive")
                    + " samples (with non-zero weight): threshold criteria that need both classes are undefined");
        }
        if (bestCm == null) {
            warnings.add("criterion '" + criterion.spec() + "': no threshold satisfies it or it is undefined "
                    + "at every threshold; threshold is NaN");
            return new ThresholdChoice(criterion, Double.NaN, Integer.MIN_VALUE, null, Double.NaN, warnings);
        }
        double t = bestIndex < 0 ? Double.POSITIVE_INFINITY : points.threshold(bestIndex);
        return new ThresholdChoice(criterion, t, bestIndex, bestCm, bestValue, warnings);
    }
}

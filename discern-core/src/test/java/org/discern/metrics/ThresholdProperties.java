package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every criterion against a brute-force search: for each candidate threshold (each distinct score
 * and +Infinity) the confusion matrix is counted from the raw samples, the criterion is evaluated
 * by the test's own formula, the optimum is taken over all eligible candidates, and the expected
 * answer is the highest threshold reaching it. Scores come from a coarse grid (many ties); weights
 * are small integers including 0 (so sums are exact and tied criterion values really occur).
 */
class ThresholdProperties {

    record Sample(double[] scores, boolean[] labels, double[] weights) {
    }

    @Provide
    Arbitrary<Sample> samples() {
        return Arbitraries.integers().between(1, 40).flatMap(n -> Combinators.combine(
                Arbitraries.integers().between(0, 12).array(int[].class).ofSize(n),
                Arbitraries.integers().between(0, 9).array(int[].class).ofSize(n),
                Arbitraries.integers().between(0, 3).array(int[].class).ofSize(n),
                Arbitraries.of(true, false)).as((s, y, w, weighted) -> {
                    double[] scores = new double[n];
                    boolean[] labels = new boolean[n];
                    double[] weights = weighted ? BinaryProperties.weights(w) : null;
                    for (int i = 0; i < n; i++) {
                        scores[i] = s[i] / 12.0;
                        // labels: mostly informative, sometimes all one class
                        labels[i] = y[i] < 3 + s[i] / 3;
                    }
                    return new Sample(scores, labels, weights);
                }));
    }

    @Provide
    Arbitrary<ThresholdCriterion> criteria() {
        Arbitrary<Double> level = Arbitraries.integers().between(0, 20).map(k -> k / 20.0);
        return Arbitraries.oneOf(
                Arbitraries.just(new ThresholdCriterion.Youden()),
                Arbitraries.just(new ThresholdCriterion.ClosestToTopLeft()),
                Arbitraries.of(0.5, 1.0, 2.0).map(ThresholdCriterion.MaxFBeta::new),
                Arbitraries.just(new ThresholdCriterion.MaxMcc()),
                Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 5))
                        .as((a, b) -> ThresholdCriterion.MinCost.of(a, b)),
                Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 5), level)
                        .as((a, b, p) -> ThresholdCriterion.MinCost.of(a, b, p)),
                level.map(ThresholdCriterion.RecallAtPrecision::new),
                level.map(ThresholdCriterion.PrecisionAtRecall::new),
                level.map(ThresholdCriterion.SensitivityAtSpecificity::new),
                level.map(ThresholdCriterion.SpecificityAtSensitivity::new),
                Arbitraries.integers().between(1, 20).map(k -> ThresholdCriterion.AlertBudget.topFraction(k / 20.0)),
                Arbitraries.integers().between(0, 45).map(k -> ThresholdCriterion.AlertBudget.topCount(k)));
    }

    /** The criterion written out again from the confusion matrix, independently of value(). */
    private static double objective(ThresholdCriterion c, double tp, double fp, double tn, double fn) {
        double p = tp + fn;
        double n = fp + tn;
        double tpr = tp / p;
        double tnr = tn / n;
        double precision = tp / (tp + fp);
        if (c instanceof ThresholdCriterion.Youden) {
            return tpr + tnr - 1;
        }
        if (c instanceof ThresholdCriterion.ClosestToTopLeft) {
            return Math.hypot(1 - tpr, 1 - tnr);
        }
        if (c instanceof ThresholdCriterion.MaxFBeta f) {
            double b2 = f.beta() * f.beta();
            double den = (1 + b2) * tp + b2 * fn + fp;
            return den == 0 ? Double.NaN : (1 + b2) * tp / den;
        }
        if (c instanceof ThresholdCriterion.MaxMcc) {
            double den = Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
            return den == 0 ? Double.NaN : (tp * tn - fp * fn) / den;
        }
        if (c instanceof ThresholdCriterion.MinCost m) {
            if (!m.hasPrevalence()) {
                return (m.costFp() * fp + m.costFn() * fn) / (p + n);
            }
            double pi = m.prevalence();
            double a = pi == 0 ? 0 : m.costFn() * pi * (fn / p);
            double b = pi == 1 ? 0 : m.costFp() * (1 - pi) * (fp / n);
            return a + b;
        }
        if (c instanceof ThresholdCriterion.RecallAtPrecision r) {
            return precision >= r.minPrecision() ? tpr : Double.NaN;
        }
        if (c instanceof ThresholdCriterion.PrecisionAtRecall r) {
            return tpr >= r.minRecall() ? precision : Double.NaN;
        }
        if (c instanceof ThresholdCriterion.SensitivityAtSpecificity r) {
            return tnr >= r.minSpecificity() ? tpr : Double.NaN;
        }
        if (c instanceof ThresholdCriterion.SpecificityAtSensitivity r) {
            return tpr >= r.minSensitivity() ? tnr : Double.NaN;
        }
        ThresholdCriterion.AlertBudget b = (ThresholdCriterion.AlertBudget) c;
        double flagged = tp + fp;
        double allowed = Double.isNaN(b.count()) ? b.fraction() * (p + n) * (1 + 1e-12) : b.count();
        return flagged <= allowed ? flagged : Double.NaN;
    }

    @Property(tries = 2000, seed = "20261122")
    void bestEqualsBruteForce(@ForAll("samples") Sample s, @ForAll("criteria") ThresholdCriterion c) {
        TreeSet<Double> set = new TreeSet<>();
        for (double v : s.scores()) {
            set.add(v);
        }
        set.add(Double.POSITIVE_INFINITY);
        List<double[]> rows = new ArrayList<>(); // threshold, value, tp, fp, tn, fn
        for (double t : set) {
            double tp = 0;
            double fp = 0;
            double tn = 0;
            double fn = 0;
            for (int i = 0; i < s.scores().length; i++) {
                double w = s.weights() == null ? 1 : s.weights()[i];
                boolean flagged = s.scores()[i] >= t;
                if (s.labels()[i]) {
                    if (flagged) {
                        tp += w;
                    } else {
                        fn += w;
                    }
                } else if (flagged) {
                    fp += w;
                } else {
                    tn += w;
                }
            }
            rows.add(new double[] {t, objective(c, tp, fp, tn, fn), tp, fp, tn, fn});
        }
        double opt = Double.NaN;
        for (double[] r : rows) {
            if (!Double.isNaN(r[1])) {
                opt = Double.isNaN(opt) ? r[1] : c.largerIsBetter() ? Math.max(opt, r[1]) : Math.min(opt, r[1]);
            }
        }
        ThresholdChoice got = Thresholds.best(OperatingPoints.of(s.scores(), s.labels(), s.weights()), c);
        if (Double.isNaN(opt)) {
            assertFalse(got.feasible(), c.spec());
            assertTrue(Double.isNaN(got.threshold()));
            assertFalse(got.warnings().isEmpty());
            return;
        }
        double[] expected = null;
        for (double[] r : rows) {
            if (r[1] == opt && (expected == null || r[0] > expected[0])) {
                expected = r;
            }
        }
        assertEquals(expected[0], got.threshold(), c.spec() + " threshold");
        assertEquals(opt, got.value(), 1e-12, c.spec() + " value");
        assertEquals(ConfusionMatrix.of(expected[2], expected[3], expected[4], expected[5]),
                got.confusion().orElseThrow(), c.spec() + " confusion");
    }

    /** Several criteria in one scan choose what each chooses alone (so the brute force above covers them). */
    @Property(tries = 500, seed = "20261206")
    void oneScanOfSeveralCriteriaIsEachAlone(@ForAll("samples") Sample s, @ForAll("criteria") ThresholdCriterion a,
            @ForAll("criteria") ThresholdCriterion b, @ForAll("criteria") ThresholdCriterion c) {
        OperatingPoints op = OperatingPoints.of(s.scores(), s.labels(), s.weights());
        List<ThresholdChoice> all = Thresholds.best(op, List.of(a, b, c));
        // equal: criterion, threshold, row, confusion matrix, value and warnings
        assertEquals(List.of(Thresholds.best(op, a), Thresholds.best(op, b), Thresholds.best(op, c)), all);
    }
}

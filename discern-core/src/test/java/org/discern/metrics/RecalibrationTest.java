package org.discern.metrics;

import static org.discern.metrics.Approx.assertArrayClose;
import static org.discern.metrics.Approx.assertClose;
import static org.discern.metrics.Fixtures.doubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Platt, isotonic and prior-shift recalibration: by hand and against scikit-learn 1.2.1. */
class RecalibrationTest {
    private static final JsonNode FX = CalibrationFixtures.json("calibration_binary");
    private static final JsonNode IN = FX.get("input");
    private static final JsonNode EX = FX.get("expected");

    @Test
    void isotonicMatchesScikitLearn() {
        double[] p = doubles(IN.get("fit_probabilities"));
        boolean[] y = Fixtures.booleans(IN.get("fit_labels"));
        IsotonicCalibrator iso = IsotonicCalibrator.fit(p, y, null);
        JsonNode e = EX.get("isotonic");
        assertArrayClose(doubles(e.get("X_thresholds")), iso.x(), "X_thresholds_");
        assertArrayClose(doubles(e.get("y_thresholds")), iso.y(), "y_thresholds_");
        assertArrayClose(doubles(e.get("predict_test")), iso.apply(doubles(IN.get("test_probabilities"))),
                "predict test");
        assertArrayClose(doubles(e.get("predict_fit")), iso.apply(p), "predict fit");
    }

    @Test
    void weightedIsotonicMatchesScikitLearn() {
        IsotonicCalibrator iso = IsotonicCalibrator.fit(doubles(IN.get("fit_probabilities")),
                Fixtures.booleans(IN.get("fit_labels")), doubles(IN.get("fit_weights")));
        JsonNode e = EX.get("isotonic_weighted");
        assertArrayClose(doubles(e.get("X_thresholds")), iso.x(), "X_thresholds_ weighted");
        assertArrayClose(doubles(e.get("y_thresholds")), iso.y(), "y_thresholds_ weighted");
        assertArrayClose(doubles(e.get("predict_test")), iso.apply(doubles(IN.get("test_probabilities"))),
                "predict test weighted");
    }

    @Test
    void isotonicByHand() {
        // labels 1, 0, 1, 1 at scores 1..4: the first two pool to 0.5
        IsotonicCalibrator iso = IsotonicCalibrator.fit(new double[] {3, 1, 4, 2},
                new boolean[] {true, true, true, false}, null);
        assertArrayEquals(new double[] {1, 2, 3, 4}, iso.x());
        assertArrayEquals(new double[] {0.5, 0.5, 1, 1}, iso.y());
        assertEquals(0.75, iso.apply(2.5));
        assertEquals(0.5, iso.apply(-10)); // clipped
        assertEquals(1.0, iso.apply(10));
        // ties: two rows at score 1 (one positive) make one point of value 1/2; a zero weight is dropped
        IsotonicCalibrator t = IsotonicCalibrator.fit(new double[] {1, 1, 2, 5}, new boolean[] {true, false, true, false},
                new double[] {1, 1, 1, 0});
        assertArrayEquals(new double[] {1, 2}, t.x());
        assertArrayEquals(new double[] {0.5, 1}, t.y());
        assertEquals(IsotonicCalibrator.of(new double[] {1, 2}, new double[] {0.5, 1}), t);
        assertThrows(IllegalArgumentException.class, () -> IsotonicCalibrator.of(new double[] {1, 1}, new double[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> IsotonicCalibrator.of(new double[] {1, 2}, new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> IsotonicCalibrator.of(new double[] {1, 2}, new double[] {0.5, 12}));
    }

    @Test
    void plattMatchesTheExactOptimumAndScikitLearn() {
        double[] f = doubles(IN.get("fit_scores"));
        boolean[] y = Fixtures.booleans(IN.get("fit_labels"));
        PlattCalibrator p = PlattCalibrator.fit(f, y, null);
        JsonNode e = EX.get("sigmoid");
        assertClose(e.get("a_tight").asDouble(), p.a(), "a (tight optimum)");
        assertClose(e.get("b_tight").asDouble(), p.b(), "b (tight optimum)");
        // scikit-learn's own answer stops at gtol 1e-5
        assertClose(e.get("a").asDouble(), p.a(), 1e-6, "a (sklearn)");
        assertClose(e.get("b").asDouble(), p.b(), 1e-6, "b (sklearn)");
        assertArrayClose(doubles(e.get("predict_test_tight")), p.apply(doubles(IN.get("test_scores"))), "predict");

        PlattCalibrator w = PlattCalibrator.fit(f, y, doubles(IN.get("fit_weights")));
        JsonNode ew = EX.get("sigmoid_weighted");
        assertClose(ew.get("a_tight").asDouble(), w.a(), "weighted a");
        assertClose(ew.get("b_tight").asDouble(), w.b(), "weighted b");
        assertClose(ew.get("a").asDouble(), w.a(), 1e-6, "weighted a (sklearn)");
        assertClose(ew.get("b").asDouble(), w.b(), 1e-6, "weighted b (sklearn)");
    }

    @Test
    void plattByHand() {
        // at score -1 one of three is positive, at +1 two of three
        double[] s = {-1, -1, -1, 1, 1, 1};
        boolean[] y = {true, false, false, true, true, false};
        // plain maximum likelihood reproduces the frequencies: 1/(1+e^(-a+b)) = 1/3, 1/(1+e^(a+b)) = 2/3
        PlattCalibrator plain = PlattCalibrator.fit(s, y, null, false);
        assertClose(-Math.log(2), plain.a(), 1e-12, "a");
        assertEquals(0, plain.b(), 1e-12);
        assertClose(1.0 / 3, plain.apply(-1), 1e-12, "p(-1)");
        // Platt's targets 4/5 and 1/5: mean targets .4 and .6, so a = -ln 1.5, b = 0
        PlattCalibrator smooth = PlattCalibrator.fit(s, y, null);
        assertClose(-Math.log(1.5), smooth.a(), 1e-12, "smoothed a");
        assertEquals(0, smooth.b(), 1e-12);
        // one class only: the smoothed target of all 10 negatives is 1/12, met by a = 0, b = ln 11
        PlattCalibrator neg = PlattCalibrator.fit(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, new boolean[10], null);
        assertEquals(0, neg.a(), 1e-12);
        assertClose(Math.log(11), neg.b(), 1e-12, "b with negatives only");
        assertThrows(IllegalArgumentException.class, () -> new PlattCalibrator(Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> smooth.apply(Double.POSITIVE_INFINITY));
    }

    @Test
    void priorShiftBinaryByHand() {
        // training 1/2, target 1/10: r1 = .2, r0 = 1.8
        PriorShiftCalibrator c = PriorShiftCalibrator.binary(0.5, 0.1);
        assertClose(0.1, c.apply(0.5), "p = training prior goes to the target");
        assertClose(0.5, c.apply(0.9), "0.18 / (0.18 + 0.18)");
        assertEquals(0.0, c.apply(0.0));
        assertEquals(1.0, c.apply(1.0));
        assertClose(0.9, c.inverse().apply(c.apply(0.9)), "inverse");
        assertThrows(IllegalArgumentException.class, () -> c.apply(1.2));
        assertThrows(IllegalArgumentException.class, () -> PriorShiftCalibrator.binary(0, 0.5));
        assertEquals(PriorShiftCalibrator.binary(0.5, 0.1), PriorShiftCalibrator.fit(new boolean[] {true, false}, null, 0.1));
        assertNotEquals(PriorShiftCalibrator.binary(0.5, 0.1), c.inverse());
    }

    @Test
    void priorShiftKeepsRocAucAndMovesTheMeanTowardTheTarget() {
        double[] p = doubles(IN.get("test_probabilities"));
        boolean[] y = Fixtures.booleans(IN.get("test_labels"));
        double mean = 0;
        for (double v : p) {
            mean += v;
        }
        mean /= p.length;
        for (double target : new double[] {0.01, 0.2, 0.6}) {
            PriorShiftCalibrator c = PriorShiftCalibrator.binary(mean, target);
            double[] q = c.apply(p);
            assertClose(BinaryEvaluation.of(p, y).rocAuc(), BinaryEvaluation.of(q, y).rocAuc(), 1e-15, "auc");
            double m = 0;
            for (double v : q) {
                m += v;
            }
            m /= q.length;
            // Jensen: the mean lies between the old mean and the target, strictly (p is not constant)
            double lo = Math.min(mean, target);
            double hi = Math.max(mean, target);
            org.junit.jupiter.api.Assertions.assertTrue(m > lo && m < hi, "mean " + m + " in (" + lo + ", " + hi + ")");
        }
        // constant probabilities at the training prior: the mean is exactly the target
        double[] flat = {0.3, 0.3, 0.3};
        double[] q = PriorShiftCalibrator.binary(0.3, 0.05).apply(flat);
        assertClose(0.05, (q[0] + q[1] + q[2]) / 3, 1e-15, "mean of constant p");
    }

    @Test
    void priorShiftMulticlass() {
        // ratios 2, 1, 0.6: row (.5, .25, .25) -> (1, .25, .15) / 1.4; the training priors go to the target
        PriorShiftCalibrator c = PriorShiftCalibrator.of(new double[] {0.2, 0.3, 0.5}, new double[] {0.4, 0.3, 0.3});
        double[] out = c.applyRows(new double[] {0.5, 0.25, 0.25, 1, 0, 0, 0.2, 0.3, 0.5});
        assertArrayClose(new double[] {1 / 1.4, 0.25 / 1.4, 0.15 / 1.4, 1, 0, 0, 0.4, 0.3, 0.3}, out, "rows");
        assertThrows(IllegalStateException.class, () -> c.apply(0.5));
        assertThrows(IllegalArgumentException.class, () -> c.applyRows(new double[] {0, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> c.applyRows(new double[] {0.5, 0.5}));
        // two classes: the row form agrees with the binary formula
        PriorShiftCalibrator b = PriorShiftCalibrator.binary(0.3, 0.6);
        double[] r = b.applyRows(new double[] {0.25, 0.75});
        assertClose(b.apply(0.75), r[1], 1e-15, "binary rows");
        assertThrows(IllegalArgumentException.class,
                () -> PriorShiftCalibrator.of(new double[] {0.2, 0.3}, new double[] {0.5, 0.5}));
    }
}

package org.discern.metrics;

import static org.discern.metrics.Approx.assertArrayClose;
import static org.discern.metrics.Approx.assertClose;
import static org.discern.metrics.Fixtures.doubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reliability curves and Brier decomposition: by hand and against scikit-learn 1.2.1. */
class CalibrationTest {
    private static final JsonNode BINARY = CalibrationFixtures.json("calibration_binary");

    static Stream<Arguments> curves() {
        return Stream.of(Arguments.of("uniform", 5), Arguments.of("uniform", 10), Arguments.of("quantile", 5),
                Arguments.of("quantile", 10));
    }

    @ParameterizedTest
    @MethodSource("curves")
    void curveMatchesScikitLearnCalibrationCurve(String strategy, int bins) {
        JsonNode in = BINARY.get("input");
        double[] p = doubles(in.get("fit_probabilities"));
        boolean[] y = Fixtures.booleans(in.get("fit_labels"));
        Calibration c = Calibration.of(p, y, null, bins, CalibrationBinning.parse(strategy));
        JsonNode ex = BINARY.get("expected").get("calibration_curve").get(strategy + "_" + bins);
        assertArrayClose(doubles(ex.get("prob_true")), c.observedFrequency(), strategy + bins + " prob_true");
        assertArrayClose(doubles(ex.get("prob_pred")), c.meanPredicted(), strategy + bins + " prob_pred");
        long rows = 0;
        for (long k : c.counts()) {
            rows += k;
        }
        assertEquals(p.length, rows);
        assertClose(BINARY.get("expected").get("brier_score_loss").asDouble(), c.brierScore(), "brier");
        // the extended decomposition is an identity
        assertClose(c.brierScore(), c.reliability() - c.resolution() + c.uncertainty() + c.withinBinVariance()
                - 2 * c.withinBinCovariance(), 1e-12, "BS = REL - RES + UNC + WBV - 2 WBC");
    }

    @Test
    void weightedBrierMatchesScikitLearn() {
        JsonNode in = BINARY.get("input");
        Calibration c = Calibration.of(doubles(in.get("fit_probabilities")), Fixtures.booleans(in.get("fit_labels")),
                doubles(in.get("fit_weights")), 10, CalibrationBinning.UNIFORM);
        assertClose(BINARY.get("expected").get("brier_score_loss_weighted").asDouble(), c.brierScore(), "brier w");
        assertClose(c.brierScore(), c.reliability() - c.resolution() + c.uncertainty() + c.withinBinVariance()
                - 2 * c.withinBinCovariance(), 1e-12, "weighted identity");
    }

    @Test
    void smallCaseByHand() {
        // two bins [0, .5] and (.5, 1]: bin 0 = {.1, .2, .3 (+)}, bin 1 = {.8 (+), .9 (+)}
        double[] p = {0.1, 0.2, 0.3, 0.8, 0.9};
        boolean[] y = {false, false, true, true, true};
        Calibration c = Calibration.of(p, y, 2);
        assertArrayEquals(new double[] {0, 0.5, 1}, c.edges());
        assertArrayEquals(new long[] {3, 2}, c.counts());
        assertClose(0.2, c.meanPredicted(0), "p0");
        assertClose(0.85, c.meanPredicted(1), "p1");
        assertClose(1.0 / 3, c.observedFrequency(0), "o0");
        assertEquals(1.0, c.observedFrequency(1));
        // ECE = 3/5 |1/3 - .2| + 2/5 |1 - .85| = .08 + .06
        assertClose(0.14, c.expectedCalibrationError(), "ece");
        assertClose(0.15, c.maximumCalibrationError(), "mce");
        // REL = (3 (2/15)^2 + 2 (.15)^2) / 5; RES = (3 (1/3 - .6)^2 + 2 (.4)^2) / 5; UNC = .6 * .4
        assertClose((3 * 4.0 / 225 + 2 * 0.0225) / 5, c.reliability(), "rel");
        assertClose((3 * (1.0 / 3 - 0.6) * (1.0 / 3 - 0.6) + 2 * 0.16) / 5, c.resolution(), "res");
        assertClose(0.24, c.uncertainty(), "unc");
        // Brier = (.01 + .04 + .49 + .04 + .01) / 5
        assertClose(0.118, c.brierScore(), "brier");
        assertTrue(c.warnings().isEmpty());
    }

    @Test
    void valueOnAnEdgeGoesToTheLowerBinAndEmptyBinsAreDropped() {
        Calibration c = Calibration.of(new double[] {0.5, 0.5000001, 0.0, 1.0}, new boolean[] {true, false, false, true},
                4);
        // edges 0, .25, .5, .75, 1: 0 -> bin 0, .5 -> bin 1, .5000001 -> bin 2, 1 -> bin 3
        assertArrayEquals(new int[] {0, 1, 2, 3}, c.binIndex());
        Calibration d = Calibration.of(new double[] {0.1, 0.2}, new boolean[] {true, false}, 4);
        assertArrayEquals(new int[] {0}, d.binIndex());
        assertEquals(1, d.size());
        assertEquals(1, d.warnings().size());
    }

    @Test
    void weightTwoEqualsADuplicatedRow() {
        double[] p = {0.1, 0.35, 0.6, 0.62, 0.9};
        boolean[] y = {false, true, false, true, true};
        Calibration w = Calibration.of(p, y, new double[] {1, 2, 1, 1, 3}, 3, CalibrationBinning.UNIFORM);
        Calibration d = Calibration.of(new double[] {0.1, 0.35, 0.35, 0.6, 0.62, 0.9, 0.9, 0.9},
                new boolean[] {false, true, true, false, true, true, true, true}, 3);
        assertArrayClose(d.meanPredicted(), w.meanPredicted(), "mean predicted");
        assertArrayClose(d.observedFrequency(), w.observedFrequency(), "observed");
        assertArrayClose(d.binWeights(), w.binWeights(), "bin weights");
        assertClose(d.expectedCalibrationError(), w.expectedCalibrationError(), "ece");
        assertClose(d.brierScore(), w.brierScore(), "brier");
        assertClose(d.reliability(), w.reliability(), "rel");
        assertClose(d.resolution(), w.resolution(), "res");
        assertArrayEquals(new long[] {1, 3, 1}, w.counts()); // rows, not weights: {.1}, {.35, .6, .62}, {.9}
    }

    @Test
    void multiclassPerClassAndTopLabelMatchScikitLearn() {
        JsonNode fx = CalibrationFixtures.json("calibration_multiclass");
        JsonNode in = fx.get("input");
        int k = in.get("classes").asInt();
        double[][] rows = Fixtures.matrix(in.get("probabilities"));
        double[] flat = new double[rows.length * k];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * k, k);
        }
        MulticlassCalibration mc = MulticlassCalibration.of(flat, k, Fixtures.ints(in.get("labels")), null, 10,
                CalibrationBinning.UNIFORM);
        JsonNode ex = fx.get("expected");
        double ece = 0;
        for (int c = 0; c < k; c++) {
            JsonNode e = ex.get("per_class_uniform_10").get(Integer.toString(c));
            Calibration cc = mc.perClass(c);
            assertArrayClose(doubles(e.get("prob_true")), cc.observedFrequency(), "class " + c + " prob_true");
            assertArrayClose(doubles(e.get("prob_pred")), cc.meanPredicted(), "class " + c + " prob_pred");
            assertClose(e.get("brier_score_loss").asDouble(), cc.brierScore(), "class " + c + " brier");
            ece += cc.expectedCalibrationError();
        }
        assertClose(ece / k, mc.classwiseExpectedCalibrationError(), "classwise ece");
        JsonNode t = ex.get("top_label_uniform_10");
        assertArrayClose(doubles(t.get("prob_true")), mc.topLabel().observedFrequency(), "top prob_true");
        assertArrayClose(doubles(t.get("prob_pred")), mc.topLabel().meanPredicted(), "top prob_pred");
        assertClose(t.get("brier_score_loss").asDouble(), mc.topLabel().brierScore(), "top brier");
    }

    @Test
    void aMatrixReadCellByCellGivesTheSameCalibrationAsTheArray() {
        // column-major storage read through the accessor: the same figures, bit for bit
        double[] rowMajor = {0.7, 0.2, 0.1, 0.3, 0.3, 0.4, 0.1, 0.8, 0.1, 0.25, 0.25, 0.5, 0.9, 0.05, 0.05};
        int k = 3;
        int n = 5;
        double[][] columns = new double[k][n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                columns[c][i] = rowMajor[i * k + c];
            }
        }
        int[] labels = {0, 2, 1, 0, 0};
        double[] w = {1, 2, 0.5, 1, 3};
        MulticlassCalibration a = MulticlassCalibration.of(rowMajor, k, labels, w, 4, CalibrationBinning.QUANTILE);
        MulticlassCalibration b = MulticlassCalibration.of(n, k, (i, c) -> columns[c][i], labels, w, 4,
                CalibrationBinning.QUANTILE);
        for (int c = 0; c < k; c++) {
            assertEquals(a.perClass(c).expectedCalibrationError(), b.perClass(c).expectedCalibrationError(), 0);
            assertArrayEquals(a.perClass(c).observedFrequency(), b.perClass(c).observedFrequency(), 0);
        }
        // top label: 0.7 ok, 0.4 ok, 0.8 ok, 0.5 wrong (class 2, label 0), 0.9 ok
        assertArrayEquals(a.topLabel().meanPredicted(), b.topLabel().meanPredicted(), 0);
        assertEquals(a.topLabel().expectedCalibrationError(), b.topLabel().expectedCalibrationError(), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MulticlassCalibration.of(2, 2, (i, c) -> i == 1 && c == 1 ? 1.5 : 0.5, new int[] {0, 1}, null, 2,
                        CalibrationBinning.UNIFORM));
        assertEquals("probabilities[1][1] must be in [0, 1], got 1.5", e.getMessage());
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Calibration.of(new double[] {1.5}, new boolean[] {true}, 2));
        assertThrows(IllegalArgumentException.class, () -> Calibration.of(new double[] {0.5}, new boolean[] {true}, 0));
        assertThrows(IllegalArgumentException.class,
                () -> Calibration.of(new double[] {0.5}, new boolean[] {true}, new double[] {0}, 2, CalibrationBinning.UNIFORM));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MulticlassCalibration.of(new double[] {0.5, 0.5, 0.2, 0.8}, 2, new int[] {0, 2}, null, 2,
                        CalibrationBinning.UNIFORM));
        assertEquals("labels[1] must be in [0, 2), got 2", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CalibrationBinning.parse("equal"));
    }
}

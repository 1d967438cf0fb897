package org.discern.metrics;

import static org.discern.metrics.Approx.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * What the report draws, computed in core: representative rows of an operating-point table and
 * the sweep at them, corner points of curves, and the macro-average of several ROC curves.
 */
class CurveReductionTest {

    private static OperatingPoints large(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble() < 0.1;
            s[i] = r.nextGaussian() + (y[i] ? 1 : 0);
        }
        return OperatingPoints.of(s, y, null);
    }

    @Test
    void representativeRowsKeepEveryRateStepSmall() {
        OperatingPoints op = large(200_000, 3);
        int max = 600;
        int[] rows = ThresholdSweep.representativeRows(op, max);
        assertTrue(rows.length <= 2 * max + 2, "rows: " + rows.length);
        assertEquals(0, rows[0]);
        assertEquals(op.size() - 1, rows[rows.length - 1]);
        double total = op.positives() + op.negatives();
        for (int j = 1; j < rows.length; j++) {
            assertTrue(rows[j] > rows[j - 1]);
            // between two kept rows each rate moves by at most one quantile step (3 / max) plus one row
            int a = rows[j - 1];
            int b = rows[j];
            double step = 3.0 / max;
            assertTrue((op.truePositives(b) - op.truePositives(a)) / op.positives() <= step + 1 / op.positives());
            assertTrue((op.falsePositives(b) - op.falsePositives(a)) / op.negatives() <= step + 1 / op.negatives());
            assertTrue((op.truePositives(b) + op.falsePositives(b) - op.truePositives(a) - op.falsePositives(a)) / total
                    <= step + 1 / total);
        }
        ThresholdSweep sweep = ThresholdSweep.representative(op, max);
        assertEquals(rows.length, sweep.size());
        for (int j = 0; j < rows.length; j += 97) {
            ConfusionMatrix cm = op.confusionAtIndex(rows[j]);
            assertEquals(op.threshold(rows[j]), sweep.value(j, ThresholdSweep.Column.THRESHOLD));
            assertEquals(cm.precision(), sweep.value(j, ThresholdSweep.Column.PRECISION));
            assertEquals(cm.f1(), sweep.value(j, ThresholdSweep.Column.F1));
        }
        // a small table is kept whole
        OperatingPoints small = OperatingPoints.of(new double[] {0.3, 0.1, 0.2}, new boolean[] {true, false, false}, null);
        assertArrayEquals(new int[] {0, 1, 2}, ThresholdSweep.representativeRows(small, 3));
        assertEquals("max must be >= 3, got 2",
                assertThrows(IllegalArgumentException.class, () -> ThresholdSweep.representativeRows(small, 2)).getMessage());
    }

    @Test
    void macroAverageOfAPerfectAndAChanceCurve() {
        RocCurve perfect = RocCurve.of(new double[] {0, 0, 1}, new double[] {0, 1, 1},
                new double[] {Double.POSITIVE_INFINITY, 0.5, 0.1});
        RocCurve chance = RocCurve.of(new double[] {0, 1}, new double[] {0, 1}, new double[] {Double.POSITIVE_INFINITY, 0.5});
        RocCurve macro = RocCurve.macroAverage(List.of(perfect, chance));
        // union of the FPRs {0, 1}: at 0 the perfect curve's step top (1) and chance's 0; at 1 both 1
        assertArrayEquals(new double[] {0, 1}, macro.fpr());
        assertArrayEquals(new double[] {0.5, 1}, macro.tpr());
        assertClose(0.75, macro.area(), "area");
        assertTrue(Double.isNaN(macro.threshold(0)));
        assertThrows(IllegalArgumentException.class, () -> RocCurve.macroAverage(List.of()));
        // the same as the multi-class evaluation's own macro curve
        var in = Fixtures.json("multiclass_small_ties").get("input");
        MulticlassEvaluation mc = MulticlassEvaluation.of(Fixtures.ints(in.get("labels")),
                Fixtures.matrix(in.get("scores")), Fixtures.strings(in.get("classes")), null);
        List<RocCurve> curves = new java.util.ArrayList<>();
        for (int c = 0; c < mc.classCount(); c++) {
            curves.add(mc.rocCurve(c));
        }
        assertEquals(mc.rocCurveMacro(), RocCurve.macroAverage(curves));
    }

    /**
     * The macro average at chosen rates is the whole average's points there, to the last bit; at the
     * hand example's rates 0.25 and 0.5 (not points of any curve) it is the mean of the curves'
     * interpolated TPRs there.
     */
    @Test
    void macroAverageAtChosenRatesIsTheWholeAveragesPoints() {
        List<RocCurve> curves = new java.util.ArrayList<>();
        for (long seed = 1; seed <= 5; seed++) {
            OperatingPoints op = large(2_000 + 500 * (int) seed, seed);
            curves.add(BinaryEvaluation.of(op).rocCurve());
        }
        RocCurve whole = RocCurve.macroAverage(curves);
        SplittableRandom r = new SplittableRandom(9);
        java.util.TreeSet<Integer> pick = new java.util.TreeSet<>();
        while (pick.size() < 300) {
            pick.add(r.nextInt(whole.size()));
        }
        double[] at = pick.stream().mapToDouble(whole::fpr).toArray();
        RocCurve part = RocCurve.macroAverage(curves, at);
        assertEquals(at.length, part.size());
        int k = 0;
        for (int i : pick) {
            assertEquals(whole.fpr(i), part.fpr(k));
            assertEquals(whole.tpr(i), part.tpr(k), "tpr at " + whole.fpr(i));
            assertTrue(Double.isNaN(part.threshold(k)));
            k++;
        }
        // by hand: perfect (0,0)-(0,1)-(1,1) and chance: at 0.25 (1 + 0.25) / 2, at 0.5 (1 + 0.5) / 2
        RocCurve perfect = RocCurve.of(new double[] {0, 0, 1}, new double[] {0, 1, 1},
                new double[] {Double.POSITIVE_INFINITY, 0.5, 0.1});
        RocCurve chance = RocCurve.of(new double[] {0, 1}, new double[] {0, 1}, new double[] {Double.POSITIVE_INFINITY, 0.5});
        assertArrayEquals(new double[] {0.5, 0.625, 0.75, 1}, RocCurve.macroAverage(List.of(perfect, chance),
                new double[] {0, 0.25, 0.5, 1}).tpr());
        assertEquals("fpr[1] must be in [0, 1] and above fpr[0], got 0.1", assertThrows(IllegalArgumentException.class,
                () -> RocCurve.macroAverage(List.of(chance), new double[] {0.2, 0.1})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> RocCurve.macroAverage(List.of(chance), new double[0]));
        assertThrows(IllegalArgumentException.class, () -> RocCurve.macroAverage(List.of(chance), new double[] {1.5}));
    }

    /**
     * The micro average at chosen thresholds, from the classes' tables, is the pooled table's ROC
     * point there, bit for bit: here against the n x K decisions pooled and sorted by hand, and the
     * whole micro curve of the multi-class evaluation passes through every point.
     */
    @Test
    void microAverageAtThresholdsIsThePooledTablesPoints() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 3_000;
        int k = 4;
        int[] y = new int[n];
        double[][] p = new double[n][k];
        double[] pooled = new double[n * k];
        boolean[] positive = new boolean[n * k];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(k);
            for (int c = 0; c < k; c++) {
                // two decimals: many ties within and across classes
                p[i][c] = Math.round(100 * (r.nextDouble() + (c == y[i] ? 0.4 : 0)) / 1.4) / 100.0;
                pooled[i * k + c] = p[i][c];
                positive[i * k + c] = c == y[i];
            }
        }
        MulticlassEvaluation mc = MulticlassEvaluation.of(y, p);
        List<OperatingPoints> tables = new java.util.ArrayList<>();
        for (int c = 0; c < k; c++) {
            tables.add(mc.classEvaluation(c).operatingPoints());
        }
        OperatingPoints all = OperatingPoints.of(pooled, positive, null);
        double[] at = {Double.POSITIVE_INFINITY, 0.99, 0.7, 0.5, 0.43, 0.2, 0.01, 0};
        RocCurve micro = RocCurve.microAverage(tables, at);
        RocCurve whole = mc.rocCurveMicro();
        for (int i = 0; i < at.length; i++) {
            int row = all.indexAt(at[i]);
            double fpr = row < 0 ? 0 : all.falsePositives(row) / all.negatives();
            double tpr = row < 0 ? 0 : all.truePositives(row) / all.positives();
            assertEquals(fpr, micro.fpr(i), "fpr at " + at[i]);
            assertEquals(tpr, micro.tpr(i), "tpr at " + at[i]);
            assertEquals(at[i], micro.threshold(i));
            // on the whole curve: between two of its points with the same rates or on their segment
            boolean on = false;
            for (int j = 0; j + 1 < whole.size() && !on; j++) {
                double x0 = whole.fpr(j);
                double x1 = whole.fpr(j + 1);
                double y0 = whole.tpr(j);
                double y1 = whole.tpr(j + 1);
                on = fpr >= x0 && fpr <= x1 && tpr >= y0 && tpr <= y1
                        && Math.abs((fpr - x0) * (y1 - y0) - (tpr - y0) * (x1 - x0)) < 1e-12;
            }
            assertTrue(on, "(" + fpr + ", " + tpr + ") on the micro curve");
        }
        assertEquals("thresholds[1] must be below thresholds[0], got 0.5", assertThrows(IllegalArgumentException.class,
                () -> RocCurve.microAverage(tables, new double[] {0.5, 0.5})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> RocCurve.microAverage(List.of(), at));
    }

    @Test
    void detCornersKeepTheShape() {
        BinaryEvaluation ev = BinaryEvaluation.of(new double[] {0.9, 0.8, 0.7, 0.6, 0.5, 0.4},
                new boolean[] {true, true, false, true, false, false});
        DetCurve det = ev.detCurve();
        DetCurve c = det.corners();
        assertTrue(c.size() <= det.size());
        assertEquals(det.fpr(0), c.fpr(0));
        assertEquals(det.fnr(det.size() - 1), c.fnr(c.size() - 1));
    }
}

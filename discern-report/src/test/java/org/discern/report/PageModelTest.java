package org.discern.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.RocCurve;
import org.junit.jupiter.api.Test;

/** What the page model draws: the averages as core computes them, at drawing resolution. */
class PageModelTest {

    /**
     * The macro-average curve on the page: every point drawn is a point of core's whole macro-average
     * curve (same rate, same TPR to the last bit), the first and last included, and the polyline
     * through them stays within a tenth of a percent of the whole curve at every one of its points
     * (what the eye sees at the page's deepest zoom is decided by the page's own reduction).
     */
    @Test
    void macroCurveDrawnIsMadeOfTheWholeAveragesPoints() {
        HtmlReportTest.MulticlassFixture f = HtmlReportTest.multiclass(60_000, 6, 3);
        PageModel m = PageModel.of(HtmlReport.builder().multiclass(f.names(), f.evs(), f.confusion()));
        PageModel.PageCurve macro = m.curves.stream().filter(c -> c.kind() == PageModel.Kind.MACRO).findFirst()
                .orElseThrow();
        List<RocCurve> all = new ArrayList<>();
        for (BinaryEvaluation ev : f.evs()) {
            all.add(ev.rocCurve());
        }
        RocCurve whole = RocCurve.macroAverage(all);
        RocCurve drawn = macro.roc();
        assertTrue(whole.size() > 5 * drawn.size(), whole.size() + " points reduced to " + drawn.size());
        double[] wx = whole.fpr();
        for (int i = 0; i < drawn.size(); i++) {
            int at = Arrays.binarySearch(wx, drawn.fpr(i));
            assertTrue(at >= 0, "fpr " + drawn.fpr(i) + " is a point of the whole average");
            assertEquals(whole.tpr(at), drawn.tpr(i), "tpr at " + drawn.fpr(i));
        }
        assertEquals(0, drawn.fpr(0));
        assertEquals(1, drawn.fpr(drawn.size() - 1));
        assertEquals(whole.tpr(whole.size() - 1), drawn.tpr(drawn.size() - 1));
        // the drawn polyline against the whole curve, at each of the whole curve's points
        int j = 0;
        for (int i = 0; i < whole.size(); i++) {
            double x = whole.fpr(i);
            while (j + 1 < drawn.size() && drawn.fpr(j + 1) < x) {
                j++;
            }
            if (j + 1 >= drawn.size() || drawn.fpr(j) == x) {
                continue;
            }
            double u = (x - drawn.fpr(j)) / (drawn.fpr(j + 1) - drawn.fpr(j));
            double y = drawn.tpr(j) + u * (drawn.tpr(j + 1) - drawn.tpr(j));
            assertTrue(Math.abs(y - whole.tpr(i)) < 1e-3, "at fpr " + x + ": drawn " + y + ", whole " + whole.tpr(i));
        }
        assertEquals(macro.auc(), f.evs().stream().mapToDouble(BinaryEvaluation::rocAuc).average().orElseThrow(), 1e-12);
    }

    /**
     * The micro-average curve of a multi-class evaluation, drawn from the classes' tables at the
     * drawn curves' thresholds: every point lies on core's whole pooled curve, the ends included,
     * and the polyline stays within 0.2% of it at each of its points.
     */
    @Test
    void microCurveDrawnLiesOnThePooledCurve() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        int n = 40_000;
        int k = 5;
        int[] y = new int[n];
        double[][] p = new double[n][k];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(k);
            for (int c = 0; c < k; c++) {
                p[i][c] = Math.round(1e6 * (r.nextDouble() + (c == y[i] ? 0.5 : 0)) / 1.5) / 1e6;
            }
        }
        org.discern.metrics.MulticlassEvaluation mc = org.discern.metrics.MulticlassEvaluation.of(y, p);
        PageModel m = PageModel.of(HtmlReport.builder().multiclass(mc));
        PageModel.PageCurve micro = m.curves.stream().filter(c -> c.kind() == PageModel.Kind.MICRO).findFirst()
                .orElseThrow();
        RocCurve whole = mc.rocCurveMicro();
        RocCurve drawn = micro.roc();
        assertTrue(whole.size() > 5 * drawn.size(), whole.size() + " points reduced to " + drawn.size());
        assertEquals(mc.rocAucOvrMicro(), micro.auc());
        int j = 0;
        for (int i = 0; i < drawn.size(); i++) {
            double x = drawn.fpr(i);
            double yv = drawn.tpr(i);
            while (j + 1 < whole.size() && whole.fpr(j + 1) < x) {
                j++;
            }
            boolean on = false;
            for (int q = j; q + 1 < whole.size() && whole.fpr(q) <= x && !on; q++) {
                double x0 = whole.fpr(q);
                double x1 = whole.fpr(q + 1);
                double y0 = whole.tpr(q);
                double y1 = whole.tpr(q + 1);
                on = x >= x0 && x <= x1 && yv >= y0 && yv <= y1 && Math.abs((x - x0) * (y1 - y0) - (yv - y0) * (x1 - x0)) < 1e-12;
            }
            assertTrue(on, "(" + x + ", " + yv + ") on the pooled curve");
        }
        assertEquals(0, drawn.fpr(0));
        assertEquals(0, drawn.tpr(0));
        assertEquals(1, drawn.fpr(drawn.size() - 1));
        assertEquals(1, drawn.tpr(drawn.size() - 1));
        int d = 0;
        for (int i = 0; i < whole.size(); i++) {
            double x = whole.fpr(i);
            while (d + 1 < drawn.size() && drawn.fpr(d + 1) < x) {
                d++;
            }
            if (d + 1 >= drawn.size() || drawn.fpr(d + 1) == drawn.fpr(d)) {
                continue;
            }
            double u = (x - drawn.fpr(d)) / (drawn.fpr(d + 1) - drawn.fpr(d));
            double yy = drawn.tpr(d) + u * (drawn.tpr(d + 1) - drawn.tpr(d));
            assertTrue(Math.abs(yy - whole.tpr(i)) < 2e-3, "at fpr " + x + ": drawn " + yy + ", whole " + whole.tpr(i));
        }
    }
}

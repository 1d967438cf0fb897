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
}

package org.discern.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.Calibration;
import org.discern.metrics.CalibrationBinning;
import org.discern.metrics.ConfidenceInterval;
import org.discern.metrics.OperatingPoints;
import org.discern.metrics.ThresholdSweep;
import org.knowm.xchart.XYChart;

/**
 * The report's chart images, from the page model: ONE {@link ChartSet} drives both their drawing
 * and the page's file index. Empty without images.
 */
final class ReportCharts {
    private ReportCharts() {
    }

    static ChartSet of(PageModel m) {
        ChartSet set = new ChartSet();
        HtmlReport.Builder b = m.b;
        if (!b.images) {
            return set;
        }
        List<PageModel.PageCurve> classes = m.classCurves();
        int k = classes.size();
        List<Curve> rocs = new ArrayList<>();
        List<Curve> prs = new ArrayList<>();
        for (PageModel.PageCurve t : classes) {
            Curve rc = Curve.roc(t.name(), t.roc());
            rocs.add(rc.size() == 0 ? Curve.of(t.name(), new double[] {0}, new double[] {0}).withArea(Double.NaN)
                    : rc.withArea(t.auc()));
            Curve pc = Curve.precisionRecall(t.name(), t.pr(), Double.NaN);
            prs.add(pc.size() == 0 ? Curve.of(t.name(), new double[] {0}, new double[] {1}) : pc.withArea(t.ap()));
        }
        // the averages are core's curves, already reduced in the model
        List<Curve> averages = new ArrayList<>();
        for (PageModel.PageCurve c : m.curves) {
            if (c.kind() != PageModel.Kind.CLASS) {
                Curve a = Curve.roc(c.kind() == PageModel.Kind.MICRO ? "micro-average" : "macro-average", c.roc());
                if (a.size() > 0) {
                    averages.add(a.withArea(c.auc()));
                }
            }
        }
        // legends carry the summary's AUC / AP intervals (--ci), per class for multi-class input
        List<Curve> shown = new ArrayList<>();
        for (int i = 0; i < rocs.size(); i++) {
            Curve c = rocs.get(i);
            PageModel.PageCurve t = classes.get(i);
            shown.add(withInterval(b.binary ? Curve.of(b.classes.get(1), c.x(), c.y()).withArea(c.area()) : c,
                    t.aucCi()));
            prs.set(i, withInterval(prs.get(i), t.apCi()));
        }
        set.add(charts -> {
            XYChart roc = Charts.roc(shown, averages, null);
            ChartFiles.write(roc, charts.resolve("roc.png"));
            ChartFiles.write(roc, charts.resolve("roc.svg"));
        }, "roc.png", "roc.svg");
        // rare positives: most operating points sit below 1% FPR, in the first pixels of roc.png
        double negatives = b.binary ? b.totalRows - b.support(1) : 0;
        if (b.binary && b.totalRows > 0 && b.support(1) / b.totalRows <= HtmlReport.RARE && negatives >= 100) {
            set.add(charts -> {
                XYChart log = Charts.rocLogFpr(shown, List.of(), 1 / negatives);
                ChartFiles.write(log, charts.resolve("roc_logfpr.png"));
                ChartFiles.write(log, charts.resolve("roc_logfpr.svg"));
            }, "roc_logfpr.png", "roc_logfpr.svg");
        }
        double prevalence = b.binary ? b.support(1) / b.totalRows : Double.NaN;
        double[] prevalences = new double[k];
        for (int i = 0; i < k; i++) {
            prevalences[i] = b.binary ? prevalence : b.support(classes.get(i).klass()) / b.totalRows;
        }
        set.add(charts -> {
            XYChart pr = b.binary ? Charts.precisionRecall(prs, prevalence) : Charts.precisionRecall(prs, prevalences);
            ChartFiles.write(pr, charts.resolve("pr.png"));
            ChartFiles.write(pr, charts.resolve("pr.svg"));
        }, "pr.png", "pr.svg");
        if (!b.binary && k > Charts.LEGEND_INSIDE_MAX) {
            set.add(charts -> {
                List<XYChart> panels = Charts.rocPanels(rocs);
                ChartFiles.writeGridPng(panels, 5, charts.resolve("roc-panels.png"));
                ChartFiles.writeGridVector(panels, 5, charts.resolve("roc-panels.svg"), ChartFiles.Format.SVG);
            }, "roc-panels.png", "roc-panels.svg");
        }
        if (b.binary) {
            BinaryEvaluation ev = b.evaluations.get(0);
            set.add(charts -> ChartFiles.write(Charts.det(List.of(Curve.det(b.classes.get(1), ev.detCurve()))),
                    charts.resolve("det.png")), "det.png");
            PageModel.PageCurve t = classes.get(0);
            // the threshold as given (0.5), not the operating point's score at or above it (0.5045)
            double chosen = !Double.isNaN(b.initialThreshold) ? b.initialThreshold
                    : t.initial() == 0 ? Double.NaN : t.op().threshold(t.rows()[t.initial() - 1]);
            set.add(charts -> ChartFiles.write(Charts.thresholdSweep(ThresholdSweep.representative(ev.operatingPoints(),
                    2000), chosen), charts.resolve("threshold-sweep.png")), "threshold-sweep.png");
            if (b.scores != null) {
                set.add(charts -> {
                    Map<String, double[]> by = new LinkedHashMap<>();
                    by.put(b.classes.get(0), pick(b.scores, b.labels, false));
                    by.put(b.classes.get(1), pick(b.scores, b.labels, true));
                    ChartFiles.write(Charts.scoreDistributions(by, 40), charts.resolve("score-distributions.png"));
                }, "score-distributions.png");
                OperatingPoints op = ev.operatingPoints();
                if (PageModel.probabilities(op)) {
                    set.add(charts -> ChartFiles.write(Charts.calibration(Calibration.of(b.scores, b.labels, null, 10,
                            CalibrationBinning.UNIFORM)), charts.resolve("calibration.png")), "calibration.png");
                }
            }
        } else if (b.confusion != null) {
            set.add(charts -> ChartFiles.write(Charts.confusionMatrix(b.classes, b.confusion, false),
                    charts.resolve("confusion-counts.png")), "confusion-counts.png");
            set.add(charts -> ChartFiles.write(Charts.confusionMatrix(b.classes, b.confusion, true),
                    charts.resolve("confusion-normalised.png")), "confusion-normalised.png");
        }
        return set;
    }

    /** The curve with its interval ({@code --ci}) for the legend, if it has one. */
    private static Curve withInterval(Curve c, ConfidenceInterval ci) {
        return ci == null ? c : c.withInterval(ci.lower(), ci.upper());
    }

    private static double[] pick(double[] scores, boolean[] labels, boolean positive) {
        int n = 0;
        for (boolean y : labels) {
            if (y == positive) {
                n++;
            }
        }
        double[] out = new double[n];
        int j = 0;
        for (int i = 0; i < scores.length; i++) {
            if (labels[i] == positive) {
                out[j++] = scores[i];
            }
        }
        return out;
    }
}

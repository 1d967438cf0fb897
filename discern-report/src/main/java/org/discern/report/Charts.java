package org.discern.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.discern.metrics.BootstrapOptions;
import org.discern.metrics.Calibration;
import org.discern.metrics.ConfidenceInterval;
import org.discern.metrics.DecisionCurve;
import org.discern.metrics.Normal;
import org.discern.metrics.ThresholdSweep;
import org.discern.report.internal.Fmt;
import org.discern.report.internal.Palette;
import org.discern.report.internal.TickedChart;
import org.discern.report.internal.Ticks;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.Styler.YAxisPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Evaluation charts as XChart objects, ready to show, customise or write with {@link ChartFiles}.
 * Each method takes plain, documented inputs ({@link Curve}, {@link Band}, arrays, Discern's core
 * types), so one chart can be drawn alone from a notebook or a service.
 *
 * <p>Charts are drawn headless: loading this class sets {@code java.awt.headless=true} unless the
 * property was set. Text is locale-independent; series keep the order documented per method;
 * colours and dash patterns repeat only after 104 series (no two of the first 26 share a colour).
 */
public final class Charts {
    /** Default width in pixels. */
    public static final int WIDTH = 640;
    /** Default height in pixels. */
    public static final int HEIGHT = 520;
    /** Curves on one ROC or PR figure before the legend moves outside the plot. */
    static final int LEGEND_INSIDE_MAX = 6;
    /** Smallest step between two drawn points of a curve, as a share of the unit axis. */
    static final double MIN_STEP = 0.0005;
    private static final Color GREY = new Color(0x88, 0x88, 0x88);
    private static final Color LIGHT_GREY = new Color(0xbb, 0xbb, 0xbb);

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts() {
    }

    // ---------------------------------------------------------------- ROC

    /** ROC figure of the curves (one model, several models, or classes); see {@link #roc(List, List, Band)}. */
    public static XYChart roc(List<Curve> curves) {
        return roc(curves, List.of(), null);
    }

    /**
     * ROC figure: the chance diagonal, an optional confidence band, the averages (e.g. micro and
     * macro, in the given order, drawn thick) and the curves. The legend lists the averages, then
     * the curves by AUC descending (curves without an AUC last, ties in input order); each entry
     * shows the AUC and its interval when the curve has them.
     *
     * @param curves curves with x = FPR, y = TPR, e.g. {@link Curve#roc}
     * @param averages average curves drawn on top, possibly empty
     * @param band confidence band, or null
     */
    public static XYChart roc(List<Curve> curves, List<Curve> averages, Band band) {
        Objects.requireNonNull(curves, "curves");
        Objects.requireNonNull(averages, "averages");
        XYChart chart = unitChart("ROC curve", "False positive rate (1 - specificity)",
                "True positive rate (sensitivity)", curves.size() + averages.size());
        Names names = new Names();
        if (band != null) {
            addBand(chart, names, band);
        }
        addLine(chart, names, "chance", new double[] {0, 1}, new double[] {0, 1}, GREY, dotted(1f), false);
        int k = 0;
        for (Curve a : averages) {
            addCurve(chart, names, a.label("AUC"), a.x(), a.y(), Color.BLACK,
                    k == 0 ? new BasicStroke(2.5f) : dashed(2.5f), true);
            k++;
        }
        addCurves(chart, names, byAreaDescending(curves), "AUC", 1.6f);
        chart.getStyler().setLegendPosition(curves.size() + averages.size() <= LEGEND_INSIDE_MAX
                ? LegendPosition.InsideSE : LegendPosition.OutsideE);
        return chart;
    }

    /**
     * Small multiples: one square ROC panel per curve (in input order), each with the diagonal and
     * the curve's AUC, for many classes where one figure is too crowded. Write them as one image
     * with {@link ChartFiles#writeGridPng}.
     */
    public static List<XYChart> rocPanels(List<Curve> curves) {
        List<XYChart> panels = new ArrayList<>();
        int i = 0;
        for (Curve c : curves) {
            XYChart chart = new XYChartBuilder().width(260).height(260).title(c.label("AUC"))
                    .xAxisTitle("FPR").yAxisTitle("TPR").build();
            style(chart.getStyler());
            unitAxes(chart.getStyler());
            chart.getStyler().setLegendVisible(false);
            chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
            Names names = new Names();
            addLine(chart, names, "chance", new double[] {0, 1}, new double[] {0, 1}, GREY, dotted(1f), false);
            if (c.size() > 0) {
                addCurve(chart, names, c.name(), c.x(), c.y(), Palette.colour(i), new BasicStroke(1.6f), false);
            }
            panels.add(chart);
            i++;
        }
        return panels;
    }

    /**
     * ROC figure with a logarithmic false-positive-rate axis, for rare positives or a low-FPR
     * operating region: the part below 1% FPR, a few pixels of the linear figure, gets most of
     * the width. The axis runs from the power of ten at or below {@code minFpr} (e.g. one false
     * positive: 1 / negatives) to 1, ticks at powers of ten; points at FPR 0 sit at the left
     * edge. The chance line is drawn as the curve TPR = FPR. Curves are not thinned (thinning
     * works in linear units); the painter simplifies them to a quarter pixel.
     *
     * @param curves curves with x = FPR, y = TPR, legend by AUC descending
     * @param averages average curves drawn thick first, possibly empty
     * @param minFpr smallest FPR to show, in (0, 1)
     */
    public static XYChart rocLogFpr(List<Curve> curves, List<Curve> averages, double minFpr) {
        Objects.requireNonNull(curves, "curves");
        Objects.requireNonNull(averages, "averages");
        if (!(minFpr > 0 && minFpr < 1)) {
            throw new IllegalArgumentException("minFpr must be in (0, 1), got " + minFpr);
        }
        XYChart chart = unitChart("ROC curve (logarithmic FPR axis)", "False positive rate (log scale)",
                "True positive rate (sensitivity)", curves.size() + averages.size());
        XYStyler s = chart.getStyler();
        double lo = Math.pow(10, Math.floor(Math.log10(minFpr) + 1e-9));
        s.setXAxisLogarithmic(true);
        s.setXAxisMin(lo);
        s.setXAxisMax(1.0);
        Names names = new Names();
        int n = 61;
        double[] cx = new double[n];
        for (int i = 0; i < n; i++) {
            cx[i] = Math.pow(10, Math.log10(lo) * (1 - i / (n - 1.0)));
        }
        addLine(chart, names, "chance", cx, cx.clone(), GREY, dotted(1f), false);
        int k = 0;
        for (Curve a : averages) {
            addLine(chart, names, a.label("AUC"), a.x(), a.y(), Color.BLACK,
                    k == 0 ? new BasicStroke(2.5f) : dashed(2.5f), true);
            k++;
        }
        int i = 0;
        for (Curve c : byAreaDescending(curves)) {
            if (c.size() > 0) {
                addLine(chart, names, c.label("AUC"), c.x(), c.y(), Palette.colour(i), Palette.stroke(i, 1.6f), true);
            }
            i++;
        }
        s.setLegendPosition(curves.size() + averages.size() <= LEGEND_INSIDE_MAX
                ? LegendPosition.InsideSE : LegendPosition.OutsideE);
        return chart;
    }

    // ---------------------------------------------------------------- PR

    /**
     * Precision-recall figure: iso-F1 lines (F1 = 0.2, 0.4, 0.6, 0.8), the prevalence baseline
     * (precision of a random classifier) and the curves, legend by AP descending.
     *
     * @param curves curves with x = recall, y = precision, e.g. {@link Curve#precisionRecall}
     * @param prevalence share of positives in [0, 1] for the baseline, NaN for none
     */
    public static XYChart precisionRecall(List<Curve> curves, double prevalence) {
        Objects.requireNonNull(curves, "curves");
        if (!Double.isNaN(prevalence) && !(prevalence >= 0 && prevalence <= 1)) {
            throw new IllegalArgumentException("prevalence must be in [0, 1] or NaN, got " + prevalence);
        }
        XYChart chart = unitChart("Precision-recall curve", "Recall (sensitivity)",
                "Precision (positive predictive value)", curves.size());
        Names names = new Names();
        boolean first = true;
        for (double f : new double[] {0.2, 0.4, 0.6, 0.8}) {
            int n = 60;
            double[] r = new double[n];
            double[] p = new double[n];
            double r0 = f / (2 - f);
            for (int i = 0; i < n; i++) {
                r[i] = r0 + (1 - r0) * i / (n - 1);
                p[i] = f * r[i] / (2 * r[i] - f);
            }
            addLine(chart, names, first ? "iso-F1 (0.2, 0.4, 0.6, 0.8)" : "iso-F1 " + Fmt.fixed(f, 1), r, p,
                    LIGHT_GREY, dotted(1f), first);
            first = false;
        }
        if (!Double.isNaN(prevalence)) {
            addLine(chart, names, "baseline (prevalence " + Fmt.fixed(prevalence, 3) + ")",
                    new double[] {0, 1}, new double[] {prevalence, prevalence}, GREY, dashed(1f), true);
        }
        addCurves(chart, names, byAreaDescending(curves), "AP", 1.6f);
        chart.getStyler().setLegendPosition(curves.size() <= LEGEND_INSIDE_MAX
                ? LegendPosition.InsideSW : LegendPosition.OutsideE);
        return chart;
    }

    /**
     * Multi-class precision-recall figure: as {@link #precisionRecall(List, double)}, with each
     * class's own baseline (its prevalence: the precision of a random ranking) drawn as a thin
     * dotted line in the colour of that class's curve, and one legend entry explaining them.
     *
     * @param curves one curve per class (x = recall, y = precision)
     * @param prevalences the prevalence of each class, in the order of {@code curves}, each in
     *     [0, 1] or NaN (no baseline drawn)
     */
    public static XYChart precisionRecall(List<Curve> curves, double[] prevalences) {
        Objects.requireNonNull(prevalences, "prevalences");
        if (prevalences.length != curves.size()) {
            throw new IllegalArgumentException("prevalences must have one value per curve, got "
                    + prevalences.length + " for " + curves.size() + " curves");
        }
        XYChart chart = precisionRecall(curves, Double.NaN);
        List<Curve> sorted = byAreaDescending(curves);
        Names names = new Names();
        chart.getSeriesMap().keySet().forEach(names::unique);
        boolean first = true;
        for (int i = 0; i < sorted.size(); i++) {
            // the colour index follows the order in which the curves were drawn (by area)
            double prevalence = prevalences[curves.indexOf(sorted.get(i))];
            if (Double.isNaN(prevalence)) {
                continue;
            }
            if (!(prevalence >= 0 && prevalence <= 1)) {
                throw new IllegalArgumentException("prevalences must be in [0, 1] or NaN, got " + prevalence);
            }
            addLine(chart, names, first ? "class baselines (prevalence, dotted)" : "baseline " + sorted.get(i).name(),
                    new double[] {0, 1}, new double[] {prevalence, prevalence}, Palette.colour(i), dotted(1f), first);
            first = false;
        }
        return chart;
    }

    // ---------------------------------------------------------------- DET

    /**
     * DET figure: false-negative against false-positive rate on normal-deviate (probit) axes, so
     * that normal score distributions give straight lines. Each axis spans the data's full range:
     * from the round percentage at or below the smallest rate above 0 to the one at or above the
     * largest below 1 (at least 1% to 50%); rates of exactly 0 or 1, which have no deviate, are
     * drawn at the axis's edge. Ticks sit at round percentages (0.01%, 0.1%, 1%, 5%, 20%, 50%,
     * 80%, 95%, 99%...) when drawn by {@link ChartFiles}.
     *
     * @param curves curves with x = FPR, y = FNR, e.g. {@link Curve#det}
     */
    public static XYChart det(List<Curve> curves) {
        Objects.requireNonNull(curves, "curves");
        double[][] xs = new double[curves.size()][];
        double[][] ys = new double[curves.size()][];
        for (int i = 0; i < curves.size(); i++) {
            xs[i] = curves.get(i).x();
            ys[i] = curves.get(i).y();
        }
        double[] rx = Ticks.probitRange(xs);
        double[] ry = Ticks.probitRange(ys);
        TickedChart chart = new TickedChart(WIDTH, HEIGHT);
        chart.setTitle("DET curve");
        chart.setXAxisTitle("False positive rate");
        chart.setYAxisTitle("False negative rate");
        chart.xTicks(Ticks.probitPercent(rx[0], rx[1])).yTicks(Ticks.probitPercent(ry[0], ry[1]));
        XYStyler s = chart.getStyler();
        style(s);
        s.setXAxisMin(Normal.quantile(rx[0]));
        s.setXAxisMax(Normal.quantile(rx[1]));
        s.setYAxisMin(Normal.quantile(ry[0]));
        s.setYAxisMax(Normal.quantile(ry[1]));
        // XChart's own painter (not used by ChartFiles) puts its ticks at round deviates
        s.setxAxisTickLabelsFormattingFunction(Charts::percentOfDeviate);
        s.setyAxisTickLabelsFormattingFunction(Charts::percentOfDeviate);
        Names names = new Names();
        for (int i = 0; i < curves.size(); i++) {
            double[] x = xs[i];
            double[] y = ys[i];
            for (int j = 0; j < x.length; j++) {
                x[j] = Normal.quantile(Math.min(rx[1], Math.max(rx[0], x[j])));
                y[j] = Normal.quantile(Math.min(ry[1], Math.max(ry[0], y[j])));
            }
            if (x.length > 0) {
                addLine(chart, names, curves.get(i).name(), x, y, Palette.colour(i), Palette.stroke(i, 1.6f), true);
            }
        }
        s.setLegendPosition(curves.size() <= LEGEND_INSIDE_MAX ? LegendPosition.InsideNE : LegendPosition.OutsideE);
        return chart;
    }

    private static String percentOfDeviate(double z) {
        // three significant digits of the rate or of its complement: distinct labels for distinct ticks
        double p = 100 * Normal.cdf(z);
        double q = Math.min(p, 100 - p);
        int decimals = q < 1 ? 3 : (q < 10 ? 2 : 1);
        return Fmt.fixed(p, decimals) + "%";
    }

    // ---------------------------------------------------------------- confusion matrix

    /**
     * Confusion-matrix heat map, true class per row (top to bottom in input order), predicted class
     * per column, each cell labelled with its count or, row-normalised, the share of the true
     * class (rows without samples are 0). The figure grows with the number of classes so that 25
     * classes stay readable.
     *
     * @param classes class names, k &gt;= 1
     * @param counts k x k counts, counts[true][predicted] &gt;= 0
     * @param rowNormalised whether to show each row as shares of its total
     */
    public static HeatMapChart confusionMatrix(List<String> classes, double[][] counts, boolean rowNormalised) {
        int k = classes.size();
        if (k == 0 || counts.length != k) {
            throw new IllegalArgumentException("counts must be " + k + " x " + k + " for " + k
                    + " classes (and k >= 1), got " + counts.length + " rows");
        }
        double max = 0;
        Number[][] cells = new Number[k][k];
        for (int t = 0; t < k; t++) {
            if (counts[t].length != k) {
                throw new IllegalArgumentException("counts[" + t + "] must have " + k + " columns, got "
                        + counts[t].length);
            }
            double row = 0;
            for (int p = 0; p < k; p++) {
                if (!(counts[t][p] >= 0) || Double.isInfinite(counts[t][p])) {
                    throw new IllegalArgumentException("counts[" + t + "][" + p + "] must be finite and >= 0, got "
                            + counts[t][p]);
                }
                row += counts[t][p];
            }
            for (int p = 0; p < k; p++) {
                double v = rowNormalised ? (row == 0 ? 0 : counts[t][p] / row) : counts[t][p];
                cells[t][p] = v;
                max = Math.max(max, v);
            }
        }
        int cell = k <= 10 ? 56 : (k <= 20 ? 40 : 34);
        int size = Math.max(WIDTH, cell * k + 260);
        HeatMapChart chart = new HeatMapChartBuilder().width(size + 120).height(size)
                .title(rowNormalised ? "Confusion matrix (share of each true class)" : "Confusion matrix (counts)")
                .xAxisTitle("Predicted class").yAxisTitle("True class").build();
        var s = chart.getStyler();
        s.setLocale(Locale.ROOT);
        s.setChartBackgroundColor(Color.WHITE);
        s.setShowValue(true);
        s.setMin(0);
        // shares run over [0, 1]; counts up to the largest cell
        s.setMax(rowNormalised || max == 0 ? 1 : max);
        // light enough at the top that the dark cell labels stay readable
        s.setRangeColors(new Color[] {new Color(0xf7, 0xfb, 0xff), new Color(0xc6, 0xdb, 0xef),
            new Color(0x6b, 0xae, 0xd6)});
        int fontSize = k <= 10 ? 12 : (k <= 20 ? 10 : 9);
        s.setValueFont(new Font(Font.SANS_SERIF, Font.PLAIN, fontSize));
        s.setValueFontColor(new Color(0x22, 0x22, 0x22));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, fontSize));
        s.setXAxisLabelRotation(k > 8 ? 60 : 0);
        // XChart 3.8.8 formats cells with the decimal pattern (the value formatter is not used for cells)
        s.setHeatMapValueDecimalPattern(rowNormalised ? "0.00" : "0.##");
        s.setHeatMapDecimalValueFormatter(v -> rowNormalised ? Fmt.fixed(v, 2) : Fmt.count(v));
        s.setDecimalPattern(rowNormalised ? "0.00" : "0.##");
        s.setLegendVisible(true);
        s.setLegendPosition(LegendPosition.OutsideE);
        List<String> x = new ArrayList<>(classes);
        // XChart draws the first y category at the bottom: reverse so the first class is on top
        List<String> y = new ArrayList<>();
        for (int t = k - 1; t >= 0; t--) {
            y.add(classes.get(t));
        }
        List<Number[]> heat = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                heat.add(new Number[] {p, k - 1 - t, cells[t][p]});
            }
        }
        chart.addSeries(rowNormalised ? "share" : "count", x, y, heat);
        return chart;
    }

    // ---------------------------------------------------------------- calibration

    /**
     * Reliability diagram of core's {@link Calibration}: observed fraction of positives against
     * mean predicted probability per non-empty bin (with markers), the diagonal of perfect
     * calibration, the histogram of scores (samples, or their weight, per bin) on a right-hand
     * axis, and each bin's 95% Wilson interval of the observed fraction as a vertical bar
     * ({@link Calibration#observedInterval}).
     */
    public static XYChart calibration(Calibration bins) {
        XYChart chart = unitChart("Calibration (reliability diagram)", "Mean predicted probability",
                "Observed fraction of positives", 1);
        XYStyler s = chart.getStyler();
        s.setYAxisGroupPosition(1, YAxisPosition.Right);
        chart.setYAxisGroupTitle(1, "Samples per bin");
        s.setLegendPosition(LegendPosition.InsideNW);
        Names names = new Names();
        int[] index = bins.binIndex();
        double[] edges = bins.edges();
        double[] lo = new double[index.length];
        double[] hi = new double[index.length];
        for (int i = 0; i < index.length; i++) {
            lo[i] = edges[index[i]];
            hi[i] = edges[index[i] + 1];
        }
        double[] cnt = bins.binWeights();
        double[] hx = new double[4 * lo.length];
        double[] hy = new double[4 * lo.length];
        for (int i = 0; i < lo.length; i++) {
            hx[4 * i] = lo[i];
            hx[4 * i + 1] = lo[i];
            hx[4 * i + 2] = hi[i];
            hx[4 * i + 3] = hi[i];
            hy[4 * i + 1] = cnt[i];
            hy[4 * i + 2] = cnt[i];
        }
        double maxCount = 0;
        for (double c : cnt) {
            maxCount = Math.max(maxCount, c);
        }
        // the unit range set for the reliability axis applies to every group unless set per group
        s.setYAxisMin(1, 0.0);
        s.setYAxisMax(1, maxCount == 0 ? 1.0 : maxCount * 1.05);
        s.setYAxisMin(0, 0.0);
        s.setYAxisMax(0, 1.0);
        if (lo.length > 0) {
            XYSeries h = chart.addSeries(names.unique("histogram of scores"), hx, hy);
            h.setXYSeriesRenderStyle(XYSeriesRenderStyle.Area);
            h.setYAxisGroup(1);
            h.setMarker(SeriesMarkers.NONE);
            h.setFillColor(new Color(0x1f, 0x77, 0xb4, 0x40));
            h.setLineColor(new Color(0x1f, 0x77, 0xb4, 0x80));
        }
        addLine(chart, names, "perfectly calibrated", new double[] {0, 1}, new double[] {0, 1}, GREY,
                dotted(1f), true);
        for (int i = 0; i < bins.size(); i++) {
            ConfidenceInterval ci = bins.observedInterval(i, BootstrapOptions.DEFAULT_LEVEL);
            double x = bins.meanPredicted(i);
            addLine(chart, names, "95% Wilson interval", new double[] {x, x}, new double[] {ci.lower(), ci.upper()},
                    Palette.colour(3), new BasicStroke(1f), i == 0);
        }
        if (bins.size() > 0) {
            XYSeries r = chart.addSeries(names.unique("model"), bins.meanPredicted(), bins.observedFrequency());
            r.setMarker(SeriesMarkers.CIRCLE);
            r.setMarkerColor(Palette.colour(3));
            r.setLineColor(Palette.colour(3));
            r.setLineStyle(new BasicStroke(1.8f));
        }
        return chart;
    }

    // ---------------------------------------------------------------- decision curve

    /**
     * Decision curve (Vickers and Elkin 2006) of core's {@link DecisionCurve}: net benefit of the
     * model, of treating all and of treating none against the threshold probability over the
     * curve's grid, with the model's bootstrap interval as a band when the curve has one. The y
     * axis runs from -15% to 110% of the largest net benefit shown (at least the prevalence, treat
     * all's value at pt = 0); treat all is drawn until it leaves the axis, and model values below
     * it are drawn on its lower edge.
     */
    public static XYChart decisionCurve(DecisionCurve c) {
        XYChart chart = unitChart("Decision curve", "Threshold probability", "Net benefit", 4);
        XYStyler s = chart.getStyler();
        s.setLegendPosition(LegendPosition.InsideNE);
        s.setDecimalPattern("0.00");
        int n = c.size();
        double[] x = c.thresholds();
        double[] range = decisionRange(c);
        double bottom = range[0];
        double top = range[1];
        s.setXAxisMin(x[0]);
        s.setXAxisMax(x[n - 1]);
        s.setYAxisMin(bottom);
        s.setYAxisMax(top);
        Names names = new Names();
        if (c.hasIntervals()) {
            double[] lo = new double[n];
            double[] hi = new double[n];
            for (int i = 0; i < n; i++) {
                ConfidenceInterval ci = c.interval(i).orElseThrow();
                lo[i] = Math.max(bottom, ci.lower());
                hi[i] = Math.max(bottom, ci.upper());
            }
            addBand(chart, names, Band.of("model, " + ConfidenceInterval.percent(c.interval(0).orElseThrow().level())
                    + "% bootstrap interval", x, lo, hi));
        }
        int shown = 0;
        while (shown < n && c.netBenefitAll(shown) >= bottom) {
            shown++;
        }
        if (shown > 0) {
            double[] ax = Arrays.copyOf(x, shown);
            double[] ay = new double[shown];
            for (int i = 0; i < shown; i++) {
                ay[i] = c.netBenefitAll(i);
            }
            addLine(chart, names, "treat all", ax, ay, Palette.colour(1), new BasicStroke(1.5f), true);
        }
        addLine(chart, names, "treat none", new double[] {x[0], x[n - 1]}, new double[] {0, 0}, GREY,
                new BasicStroke(1.5f), true);
        double[] my = new double[n];
        for (int i = 0; i < n; i++) {
            my[i] = Math.max(bottom, c.netBenefit(i));
        }
        addLine(chart, names, "model", x, my, Palette.colour(3), new BasicStroke(2f), true);
        return chart;
    }

    /**
     * The net benefit axis of a decision curve, {bottom, top}: up to 110% of the largest value
     * shown (at least the prevalence, treat all's value at pt = 0; 1 when none is positive), down
     * to -15% of that (the chart file's and the page's).
     */
    static double[] decisionRange(DecisionCurve c) {
        double top = Math.max(c.prevalence(), 0);
        for (int i = 0; i < c.size(); i++) {
            top = Math.max(top, c.netBenefit(i));
            if (c.interval(i).isPresent()) {
                top = Math.max(top, c.interval(i).get().upper());
            }
        }
        top = top > 0 ? top * 1.1 : 1;
        return new double[] {-0.15 * top, top};
    }

    // ---------------------------------------------------------------- threshold sweep

    /**
     * Precision, recall and F1 against the threshold, from core's sweep (e.g.
     * {@link ThresholdSweep#representative(org.discern.metrics.OperatingPoints, int)}: a few
     * thousand exact rows of any table), with a vertical line at the chosen threshold (NaN for
     * none), named in the legend as given (0.5 stays 0.5). Undefined values (nothing predicted positive) are left out.
     */
    public static XYChart thresholdSweep(ThresholdSweep sweep, double chosenThreshold) {
        return thresholdSweep(sweep.thresholds(), sweep.precision(), sweep.recall(), sweep.f1(), chosenThreshold);
    }

    /**
     * Precision, recall and F1 against the threshold from plain arrays of one length (NaN values
     * are left out), with a vertical line at the chosen threshold (NaN for none).
     */
    public static XYChart thresholdSweep(double[] thresholds, double[] precision, double[] recall,
            double[] f1, double chosenThreshold) {
        int n = thresholds.length;
        if (precision.length != n || recall.length != n || f1.length != n || n == 0) {
            throw new IllegalArgumentException("thresholds, precision, recall and f1 must have one non-zero length, got "
                    + n + ", " + precision.length + ", " + recall.length + ", " + f1.length);
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Metrics by threshold")
                .xAxisTitle("Threshold (positive iff score >= threshold)").yAxisTitle("Value").build();
        XYStyler s = chart.getStyler();
        style(s);
        s.setYAxisMin(0.0);
        s.setYAxisMax(1.0);
        s.setLegendPosition(LegendPosition.OutsideS);
        Names names = new Names();
        String[] labels = {"precision", "recall", "F1"};
        double[][] ys = {precision, recall, f1};
        for (int k = 0; k < 3; k++) {
            double[][] xy = finitePairs(thresholds, ys[k]);
            if (xy[0].length > 0) {
                addLine(chart, names, labels[k], xy[0], xy[1], Palette.colour(k), Palette.stroke(k, 1.8f), true);
            }
        }
        if (!Double.isNaN(chosenThreshold)) {
            // as given (0.5, not the operating point's 0.5045 nor 0.5000)
            addLine(chart, names, "chosen threshold " + Ticks.round(chosenThreshold),
                    new double[] {chosenThreshold, chosenThreshold}, new double[] {0, 1}, Color.BLACK,
                    dashed(1.2f), true);
        }
        return chart;
    }

    // ---------------------------------------------------------------- score distributions

    /**
     * Score distributions by class: one step line per class (in map order) giving the share of
     * that class's samples in each of {@code bins} equal-width bins over the range of all scores.
     *
     * @param scoresByClass finite scores per class name, e.g. {"negative": ..., "positive": ...}
     * @param bins number of bins, &gt;= 1
     */
    public static XYChart scoreDistributions(Map<String, double[]> scoresByClass, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, double[]> e : scoresByClass.entrySet()) {
            double[] v = e.getValue();
            for (int i = 0; i < v.length; i++) {
                if (!Double.isFinite(v[i])) {
                    throw new IllegalArgumentException("scores of class " + e.getKey() + " [" + i
                            + "] must be finite, got " + v[i]);
                }
                lo = Math.min(lo, v[i]);
                hi = Math.max(hi, v[i]);
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        } else if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Score distribution by class")
                .xAxisTitle("Score").yAxisTitle("Share of the class's samples").build();
        XYStyler s = chart.getStyler();
        style(s);
        s.setLegendPosition(scoresByClass.size() <= LEGEND_INSIDE_MAX ? LegendPosition.InsideN : LegendPosition.OutsideE);
        Names names = new Names();
        double width = (hi - lo) / bins;
        int c = 0;
        for (Map.Entry<String, double[]> e : scoresByClass.entrySet()) {
            double[] v = e.getValue();
            double[] h = new double[bins];
            for (double x : v) {
                h[Math.min(bins - 1, (int) ((x - lo) / width))]++;
            }
            double[] sx = new double[2 * bins + 2];
            double[] sy = new double[2 * bins + 2];
            sx[0] = lo;
            for (int b = 0; b < bins; b++) {
                double share = v.length == 0 ? 0 : h[b] / v.length;
                sx[2 * b + 1] = lo + b * width;
                sy[2 * b + 1] = share;
                sx[2 * b + 2] = lo + (b + 1) * width;
                sy[2 * b + 2] = share;
            }
            sx[2 * bins + 1] = hi;
            addLine(chart, names, e.getKey() + " (n=" + v.length + ")", sx, sy, Palette.colour(c),
                    Palette.stroke(c, 1.6f), true);
            c++;
        }
        return chart;
    }

    // ---------------------------------------------------------------- helpers

    private static List<Curve> byAreaDescending(List<Curve> curves) {
        List<Curve> sorted = new ArrayList<>(curves);
        // stable: ties keep input order; NaN (no summary) last
        sorted.sort(Comparator.comparingDouble((Curve c) -> Double.isNaN(c.area()) ? Double.NEGATIVE_INFINITY : c.area())
                .reversed());
        return sorted;
    }

    private static void addCurves(XYChart chart, Names names, List<Curve> curves, String summary, float width) {
        int i = 0;
        for (Curve c : curves) {
            if (c.size() > 0) {
                addCurve(chart, names, c.label(summary), c.x(), c.y(), Palette.colour(i), Palette.stroke(i, width), true);
            }
            i++;
        }
    }

    private static XYChart unitChart(String title, String xTitle, String yTitle, int series) {
        int width = series <= LEGEND_INSIDE_MAX ? WIDTH : WIDTH + 300;
        // an outside legend needs about 21 px per entry
        int height = series <= LEGEND_INSIDE_MAX ? HEIGHT : Math.max(HEIGHT, 21 * (series + 2) + 60);
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        unitAxes(chart.getStyler());
        return chart;
    }

    private static void unitAxes(XYStyler s) {
        s.setXAxisMin(0.0);
        s.setXAxisMax(1.0);
        s.setYAxisMin(0.0);
        s.setYAxisMax(1.0);
        s.setDecimalPattern("0.0");
    }

    private static void style(XYStyler s) {
        s.setLocale(Locale.ROOT);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0x44, 0x44, 0x44));
        s.setPlotGridLinesColor(new Color(0xe4, 0xe4, 0xe4));
        s.setLegendBorderColor(new Color(0xcc, 0xcc, 0xcc));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        s.setChartTitleBoxVisible(false);
        s.setAntiAlias(true);
        s.setMarkerSize(6);
        s.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
    }

    private static void addBand(XYChart chart, Names names, Band band) {
        double[][] poly = band.polygon();
        XYSeries s = chart.addSeries(names.unique(band.name()), poly[0], poly[1]);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
        s.setMarker(SeriesMarkers.NONE);
        s.setFillColor(new Color(0x1f, 0x77, 0xb4, 0x38));
        s.setLineColor(new Color(0x1f, 0x77, 0xb4, 0x00));
    }

    /** A curve on unit-range axes, thinned (see {@link #thin}). */
    private static void addCurve(XYChart chart, Names names, String name, double[] x, double[] y, Color colour,
            BasicStroke stroke, boolean legend) {
        double[][] xy = thin(x, y);
        addLine(chart, names, name, xy[0], xy[1], colour, stroke, legend);
    }

    private static void addLine(XYChart chart, Names names, String name, double[] x, double[] y, Color colour,
            BasicStroke stroke, boolean legend) {
        XYSeries s = chart.addSeries(names.unique(name), x, y);
        s.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setLineStyle(stroke);
        s.setShowInLegend(legend);
    }

    /**
     * Drops points closer than {@link #MIN_STEP} (in both x and y, relative to the unit axes) to
     * the last point kept; the first and last points stay. A curve of millions of corner points
     * (a micro-average over 25 classes) then draws as a few thousand, identical at any pixel size
     * up to 2000 px.
     */
    static double[][] thin(double[] x, double[] y) {
        int n = x.length;
        if (n <= 2) {
            return new double[][] {x, y};
        }
        boolean[] keep = new boolean[n];
        keep[0] = true;
        keep[n - 1] = true;
        int last = 0;
        for (int i = 1; i < n - 1; i++) {
            if (Math.abs(x[i] - x[last]) >= MIN_STEP || Math.abs(y[i] - y[last]) >= MIN_STEP) {
                keep[i] = true;
                last = i;
            }
        }
        int m = 0;
        for (boolean k : keep) {
            m += k ? 1 : 0;
        }
        double[] tx = new double[m];
        double[] ty = new double[m];
        for (int i = 0, j = 0; i < n; i++) {
            if (keep[i]) {
                tx[j] = x[i];
                ty[j++] = y[i];
            }
        }
        return new double[][] {tx, ty};
    }

    private static double[][] finitePairs(double[] x, double[] y) {
        int m = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                m++;
            }
        }
        double[] fx = new double[m];
        double[] fy = new double[m];
        int j = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                fx[j] = x[i];
                fy[j] = y[i];
                j++;
            }
        }
        return new double[][] {fx, fy};
    }

    private static BasicStroke dotted(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {2f, 3f}, 0f);
    }

    private static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 4f}, 0f);
    }

    /** XChart needs unique series names; a repeated name gets " (2)", " (3)"... */
    private static final class Names {
        private final Set<String> used = new HashSet<>();

        String unique(String name) {
            String n = name;
            int k = 2;
            while (!used.add(n)) {
                n = name + " (" + k++ + ")";
            }
            return n;
        }
    }
}

package org.discern.report;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.ConfidenceInterval;
import org.discern.metrics.EvaluationSummary;
import org.discern.metrics.Metric;
import org.discern.metrics.MetricKey;
import org.discern.metrics.MulticlassConfusionMatrix;
import org.discern.metrics.OperatingPoints;
import org.discern.metrics.PrecisionRecallCurve;
import org.discern.metrics.RocBand;
import org.discern.metrics.RocCurve;
import org.discern.metrics.ThresholdChoice;
import org.discern.metrics.ThresholdCriterion;
import org.discern.metrics.Thresholds;

/**
 * What the page shows, decided once from the builder's inputs: the sections' numbers (the summary,
 * the per-class rows, the confusion matrix), the curves (core's ROC and PR curves, their areas and
 * intervals, the threshold markers core's {@link Thresholds} chose) and, per curve, which exact
 * rows of core's operating-point table are embedded for the threshold readout. Nothing here
 * computes a metric: every number is read from core's objects; this class only chooses what to
 * show (which classes, which rows, which points).
 */
final class PageModel {
    /** Rows of one binary table embedded whole up to this many distinct scores. */
    static final int BINARY_ALL_ROWS = 100_000;
    /** Embedded rows of all curves of a multi-class or multi-label page together, about. */
    static final int MULTI_ROWS = 50_000;
    /** Points of core's curves embedded per curve, at most about (the page draws them). */
    static final int CURVE_POINTS = 6_000;
    /** Points of core's curves embedded for all curves of a multi-class page together, about. */
    static final int MULTI_CURVE_POINTS = 40_000;

    /** Which kind of curve: a class (or the binary positive class), or an average drawn only. */
    enum Kind {
        CLASS("class"), MICRO("micro"), MACRO("macro");

        final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    /** A threshold marker: the criterion's human name, its spec, and the embedded row it chose (1-based; 0 = +Infinity). */
    record Marker(String label, String spec, int position, double value) {
    }

    /**
     * One curve of the page.
     *
     * @param name display name
     * @param kind class, micro- or macro-average
     * @param klass class index in the report's classes (1 for binary), -1 for averages
     * @param style palette index (colour and dash)
     * @param op core's operating points of the curve, null for the macro-average (drawn only)
     * @param rows the embedded rows of {@code op}, ascending
     * @param initial the position (1-based row in {@code rows}, 0 = +Infinity) the slider starts at
     * @param roc core's ROC curve, reduced to at most about {@link #CURVE_POINTS} of its points (fewer for many classes)
     * @param pr core's precision-recall curve, reduced likewise; null for the macro-average
     * @param auc the ROC AUC, aucCi its interval or null
     * @param ap the average precision (NaN for the macro curve), apCi its interval or null
     * @param markers the criteria's thresholds (empty for averages)
     */
    record PageCurve(String name, Kind kind, int klass, int style, OperatingPoints op, int[] rows, int initial,
            RocCurve roc, PrecisionRecallCurve pr, double auc, ConfidenceInterval aucCi, double ap,
            ConfidenceInterval apCi, List<Marker> markers) {
        boolean selectable() {
            return op != null;
        }
    }

    final HtmlReport.Builder b;
    final EvaluationSummary summary;
    final MulticlassConfusionMatrix confusion;
    final List<PageCurve> curves;
    final int[] drawn;
    final RocBand band;
    final double maxFpr;
    final List<String> warnings;
    final Map<String, String> provenance;
    final String generated;
    // points of each embedded curve, at most about
    private int points;

    private PageModel(HtmlReport.Builder b) {
        this.b = b;
        this.summary = b.summary();
        this.confusion = b.confusion == null ? null : MulticlassConfusionMatrix.of(b.confusion, b.classes);
        this.drawn = b.drawnClasses();
        this.band = b.band;
        this.maxFpr = summary == null ? Double.NaN : summary.options().maxFpr();
        this.curves = curves();
        this.warnings = b.allWarnings(summary);
        this.provenance = b.provenance(summary);
        this.generated = b.clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static PageModel of(HtmlReport.Builder b) {
        return new PageModel(b);
    }

    boolean binary() {
        return b.binary;
    }

    boolean multilabel() {
        return b.multilabel != null;
    }

    List<String> classes() {
        return b.classes;
    }

    /** The curves a threshold applies to (classes and the micro-average of bare evaluations). */
    List<PageCurve> selectable() {
        return curves.stream().filter(PageCurve::selectable).toList();
    }

    /** The drawn class curves, without averages. */
    List<PageCurve> classCurves() {
        return curves.stream().filter(c -> c.kind() == Kind.CLASS).toList();
    }

    private List<PageCurve> curves() {
        List<PageCurve> out = new ArrayList<>();
        int selectable = drawn.length + (b.micro != null ? 1 : 0);
        int perCurve = b.binary ? BINARY_ALL_ROWS : Math.max(300, MULTI_ROWS / selectable);
        perCurve = Math.min(perCurve, b.maxRows);
        int curvesDrawn = drawn.length + (b.binary ? 0 : 2);
        this.points = b.binary ? CURVE_POINTS : Math.max(600, Math.min(CURVE_POINTS, MULTI_CURVE_POINTS / curvesDrawn));
        int budget = perCurve;
        // one class per task: each reads its own evaluation (curves, markers, rows), in class order
        out.addAll(java.util.stream.IntStream.range(0, drawn.length).parallel().mapToObj(i -> {
            int c = drawn[i];
            BinaryEvaluation ev = b.evaluations.get(b.binary ? 0 : c);
            return classCurve(b.classes.get(c), Kind.CLASS, c, i, ev, budget, classInterval(c, Metric.ROC_AUC),
                    classInterval(c, Metric.AVERAGE_PRECISION));
        }).toList());
        if (b.micro != null) {
            out.add(classCurve("micro-average (all classes pooled)", Kind.MICRO, -1, -1, b.micro, perCurve, null,
                    null));
        } else if (!b.binary) {
            RocCurve micro = microRoc(out);
            if (micro != null) {
                double auc = b.multiclass != null ? b.multiclass.rocAucOvrMicro() : b.multilabel.rocAucMicro();
                out.add(new PageCurve("micro-average", Kind.MICRO, -1, -1, null, new int[0], 0, reduce(micro, points), null,
                        auc, null, Double.NaN, null, List.of()));
            }
        }
        if (!b.binary) {
            RocCurve macro = macroRoc(out.stream().filter(c -> c.kind() == Kind.CLASS).toList());
            if (macro != null) {
                double auc = b.multiclass != null ? b.multiclass.rocAucOvrMacro()
                        : b.multilabel != null ? b.multilabel.rocAucMacro() : meanAuc();
                out.add(new PageCurve("macro-average", Kind.MACRO, -1, -2, null, new int[0], 0, reduce(macro, points), null,
                        auc, null, Double.NaN, null, List.of()));
            }
        }
        return out;
    }

    private PageCurve classCurve(String name, Kind kind, int klass, int style, BinaryEvaluation ev, int perCurve,
            ConfidenceInterval aucCi, ConfidenceInterval apCi) {
        OperatingPoints op = ev.operatingPoints();
        boolean[] keep = new boolean[op.size()];
        if (op.size() <= perCurve) {
            Arrays.fill(keep, true);
        } else {
            // representative rows: up to two per quantile, so half the budget each
            for (int r : org.discern.metrics.ThresholdSweep.representativeRows(op, Math.max(3, perCurve / 2))) {
                keep[r] = true;
            }
            // every threshold with two decimals (of the score range) is exact on the page
            roundRows(op, keep);
        }
        double t0 = !Double.isNaN(b.initialThreshold) ? b.initialThreshold
                : probabilities(op) ? 0.5 : ev.ksThreshold();
        int initialRow = Double.isNaN(t0) ? -1 : op.indexAt(t0);
        mark(keep, initialRow);
        List<ThresholdChoice> choices = new ArrayList<>();
        List<String[]> labels = new ArrayList<>();
        if (kind == Kind.CLASS && !b.criteria.isEmpty()) {
            // every criterion in one scan of the table
            List<Map.Entry<String, ThresholdCriterion>> named = List.copyOf(b.criteria.entrySet());
            List<ThresholdChoice> best = Thresholds.best(op, named.stream().map(Map.Entry::getValue).toList());
            for (int i = 0; i < best.size(); i++) {
                ThresholdChoice ch = best.get(i);
                if (ch.feasible()) {
                    choices.add(ch);
                    labels.add(new String[] {named.get(i).getKey(), named.get(i).getValue().spec()});
                    mark(keep, ch.index());
                }
            }
        }
        int[] rows = rows(keep);
        List<Marker> markers = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            ThresholdChoice ch = choices.get(i);
            markers.add(new Marker(labels.get(i)[0], labels.get(i)[1], position(rows, ch.index()), ch.value()));
        }
        return new PageCurve(name, kind, klass, style, op, rows, position(rows, initialRow), reduce(ev.rocCurve(), points),
                reduce(ev.precisionRecallCurve(), points), ev.rocAuc(), aucCi, ev.averagePrecision(), apCi, List.copyOf(markers));
    }

    private static void mark(boolean[] keep, int row) {
        if (row >= 0 && row < keep.length) {
            keep[row] = true;
        }
    }

    // the rows of thresholds at every hundredth of the score range (0.00, 0.01, ... for probabilities)
    private static void roundRows(OperatingPoints op, boolean[] keep) {
        double max = op.threshold(0);
        double min = op.threshold(op.size() - 1);
        double range = max - min;
        if (!(range > 0) || !Double.isFinite(range)) {
            return;
        }
        double step = Math.pow(10, Math.floor(Math.log10(range / 100)));
        long from = (long) Math.floor(min / step);
        long to = (long) Math.ceil(max / step);
        for (long k = from; k <= to && k - from <= 2_000; k++) {
            // k * step as the decimal the user types: 0.07, not 0.07000000000000001
            double t = Double.parseDouble(java.math.BigDecimal.valueOf(k).scaleByPowerOfTen(
                    (int) Math.round(Math.log10(step))).toPlainString());
            // and the row after it, so the page knows no score hides between t and its row
            int r = op.indexAt(t);
            mark(keep, r);
            mark(keep, r + 1);
        }
    }

    private static int[] rows(boolean[] keep) {
        int m = 0;
        for (boolean k : keep) {
            if (k) {
                m++;
            }
        }
        int[] rows = new int[m];
        int j = 0;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                rows[j++] = i;
            }
        }
        return rows;
    }

    /** The 1-based position of table row {@code row} among the embedded rows; 0 for +Infinity (row -1). */
    private static int position(int[] rows, int row) {
        if (row < 0) {
            return 0;
        }
        int p = Arrays.binarySearch(rows, row);
        if (p < 0) {
            throw new IllegalStateException("row " + row + " is not embedded");
        }
        return p + 1;
    }

    static boolean probabilities(OperatingPoints op) {
        return op.size() > 0 && op.threshold(0) <= 1 && op.threshold(op.size() - 1) >= 0;
    }

    /** The interval of a class's ROC AUC or AP in the summary's per-class rows (binary: the summary's own). */
    private ConfidenceInterval classInterval(int c, Metric metric) {
        if (summary == null) {
            return null;
        }
        MetricKey key = MetricKey.of(metric);
        if (b.binary) {
            return summary.find(key).flatMap(EvaluationSummary.Value::interval).orElse(null);
        }
        if (c >= summary.perClass().size()) {
            return null;
        }
        return summary.perClass().get(c).values().stream().filter(v -> v.key().equals(key)).findFirst()
                .flatMap(EvaluationSummary.Value::interval).orElse(null);
    }

    /**
     * Core's macro-average ROC curve (of the classes with both positives and negatives, as the
     * multi-class and multi-label evaluations define it) at the false-positive rates of the drawn
     * class curves' points: each point drawn is a point of the whole average, to the last bit
     * ({@link RocCurve#macroAverage(List, double[])}), without interpolating every curve at the
     * union of all their rates (25 classes of 1e6 rows: 7 million rates). Null when no class has
     * both positives and negatives.
     */
    RocCurve macroRoc(List<PageCurve> classCurves) {
        List<RocCurve> list = new ArrayList<>();
        for (BinaryEvaluation ev : b.evaluations) {
            if (!Double.isNaN(ev.rocAuc())) {
                list.add(ev.rocCurve());
            }
        }
        if (list.isEmpty()) {
            return null;
        }
        // distinct rates in [0, 1] (a class curve of undefined rates has none to give)
        double[] at = Arrays.stream(distinct(classCurves, false)).filter(x -> x >= 0 && x <= 1).toArray();
        return at.length == 0 ? null : RocCurve.macroAverage(list, at);
    }

    /** The distinct FPRs (or thresholds) of the curves' ROC points, ascending, without NaN. */
    private static double[] distinct(List<PageCurve> curves, boolean thresholds) {
        int total = 0;
        for (PageCurve c : curves) {
            total += c.roc().size();
        }
        double[] at = new double[total];
        int n = 0;
        for (PageCurve c : curves) {
            for (int i = 0; i < c.roc().size(); i++) {
                at[n++] = thresholds ? c.roc().threshold(i) : c.roc().fpr(i);
            }
        }
        // NaN sorts last
        Arrays.sort(at);
        int g = 0;
        for (int i = 0; i < n && !Double.isNaN(at[i]); i++) {
            if (g == 0 || at[i] != at[g - 1]) {
                at[g++] = at[i];
            }
        }
        return Arrays.copyOf(at, g);
    }

    /**
     * Core's micro-average (pooled) ROC curve of a multi-class or multi-label evaluation, null for
     * bare one-vs-rest evaluations. When every class is drawn, its points at the thresholds of the
     * drawn class curves' points ({@link RocCurve#microAverage(List, double[])}: sums of the classes'
     * counts, each a point of the pooled curve), at the resolution of the class curves, without
     * pooling and sorting the n x K decisions (25 million at 1e6 x 25); else the whole curve.
     */
    private RocCurve microRoc(List<PageCurve> classCurves) {
        if (b.multiclass == null && b.multilabel == null) {
            return null;
        }
        double p = 0;
        double n = 0;
        List<OperatingPoints> tables = new ArrayList<>();
        for (BinaryEvaluation ev : b.evaluations) {
            tables.add(ev.operatingPoints());
            p += ev.operatingPoints().positives();
            n += ev.operatingPoints().negatives();
        }
        if (drawn.length < b.classes.size() || !(p > 0) || !(n > 0)) {
            return b.multiclass != null ? b.multiclass.rocCurveMicro() : b.multilabel.rocCurveMicro();
        }
        double[] asc = distinct(classCurves, true);
        double[] desc = new double[asc.length];
        for (int i = 0; i < asc.length; i++) {
            desc[i] = asc[asc.length - 1 - i];
        }
        return desc.length == 0 ? null : RocCurve.microAverage(tables, desc);
    }

    /** The mean ROC AUC of the classes where it is defined (bare one-vs-rest evaluations: ovr macro). */
    private double meanAuc() {
        return b.evaluations.stream().mapToDouble(BinaryEvaluation::rocAuc).filter(a -> !Double.isNaN(a)).average()
                .orElse(Double.NaN);
    }

    /**
     * At most about {@code max} of a curve's corner points, chosen so that the drawing at any zoom
     * down to {@code 3 / max} of the unit square (and on a log axis down to the smallest rate)
     * looks like all of them: a point is kept when it is a step away from the last kept point in
     * x, in y or in log x (the corner before the step too); first and last always.
     */
    static RocCurve reduce(RocCurve curve, int max) {
        RocCurve c = curve.corners();
        boolean[] keep = keep(c.fpr(), c.tpr(), max);
        return keep == null ? c : select(c, keep);
    }

    static PrecisionRecallCurve reduce(PrecisionRecallCurve curve, int max) {
        PrecisionRecallCurve c = curve.corners();
        boolean[] keep = keep(c.recall(), c.precision(), max);
        if (keep == null) {
            return c;
        }
        double[] p = pick(c.precision(), keep);
        double[] r = pick(c.recall(), keep);
        double[] t = pick(c.thresholds(), keep);
        return PrecisionRecallCurve.of(p, r, t);
    }

    private static RocCurve select(RocCurve c, boolean[] keep) {
        return RocCurve.of(pick(c.fpr(), keep), pick(c.tpr(), keep), pick(c.thresholds(), keep));
    }

    private static boolean[] keep(double[] x, double[] y, int max) {
        int n = x.length;
        if (n <= max) {
            return null;
        }
        boolean[] keep = new boolean[n];
        double step = 3.0 / max;
        double logStep = Math.log(10) * 20 / max;
        int last = 0;
        keep[0] = true;
        keep[n - 1] = true;
        for (int i = 1; i < n - 1; i++) {
            boolean far = Math.abs(x[i] - x[last]) >= step || Math.abs(y[i] - y[last]) >= step
                    || (x[i] > 0 && x[last] > 0 && Math.abs(Math.log(x[i] / x[last])) >= logStep)
                    || (x[last] == 0 && x[i] > 0) || Double.isNaN(x[i]) != Double.isNaN(x[last])
                    || Double.isNaN(y[i]) != Double.isNaN(y[last]);
            if (far) {
                // keep the corner before the jump too, so no step is cut diagonally
                keep[i - 1] = true;
                keep[i] = true;
                last = i;
            }
        }
        return keep;
    }

    private static double[] pick(double[] v, boolean[] keep) {
        int[] at = rows(keep);
        double[] out = new double[at.length];
        for (int k = 0; k < at.length; k++) {
            out[k] = v[at[k]];
        }
        return out;
    }

    /**
     * Whether the ROC chart opens on a log FPR axis: when decisions are made at small FPRs, i.e.
     * rare positives (a binary report with under 2% positives) or many classes (10 or more, each
     * a small share against the rest). The toggle on the page switches it either way.
     */
    boolean logFprFirst() {
        if (b.binary) {
            double p = b.support(1);
            return p > 0 && p / b.totalRows < 0.02;
        }
        return b.classes.size() >= 10;
    }

    /** The summary's partial ROC AUC (standardized) value, if it has one. */
    EvaluationSummary.Value partialAuc() {
        if (summary == null || Double.isNaN(maxFpr)) {
            return null;
        }
        return summary.values().stream().filter(v -> v.key().metric() == Metric.PARTIAL_ROC_AUC).findFirst()
                .orElse(null);
    }
}

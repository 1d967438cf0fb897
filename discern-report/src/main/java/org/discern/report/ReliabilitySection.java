package org.discern.report;

import java.util.List;
import java.util.stream.IntStream;

import org.discern.metrics.Calibration;
import org.discern.metrics.ConfidenceInterval;
import org.discern.metrics.MulticlassCalibration;
import org.discern.report.internal.Fmt;
import org.discern.report.internal.Markup;

/**
 * The page's "Calibration per class" section (multi-class probabilities): the top-label ECE and
 * the class-wise ECE, then one small reliability diagram per class and one of the top-label
 * confidence, each bin a point at (mean predicted, observed frequency) with its Wilson interval as
 * a vertical bar, the diagonal of perfect calibration dashed. Inline SVG; every number from
 * core's {@link MulticlassCalibration} and {@link Calibration#observedInterval}; class names
 * escaped through {@link Markup}. Beyond {@link #MAX_CLASSES} classes only the diagrams of the
 * {@link #MAX_CLASSES} classes with the largest ECE are drawn (the page says so; the class-wise
 * ECE still covers every class), so the page stays small for thousands of classes.
 */
final class ReliabilitySection {
    /** Side of one diagram. */
    static final int SIZE = 220;
    /** Most per-class diagrams drawn: the classes with the largest ECE beyond it. */
    static final int MAX_CLASSES = 30;
    private static final int LEFT = 34;
    private static final int RIGHT = 14;
    private static final int TOP = 22;
    private static final int BOTTOM = 26;
    private static final int PW = SIZE - LEFT - RIGHT;
    private static final int PH = SIZE - TOP - BOTTOM;

    private ReliabilitySection() {
    }

    /** Appends the section. */
    static void render(Markup h, MulticlassCalibration m, List<String> classes, double level) {
        Calibration top = m.topLabel();
        h.raw("<h2 id=\"calibration-per-class\">Calibration per class</h2>\n<p class=\"sub\">")
                .append(top.bins() + " " + top.binning().label() + " bins. Top-label ECE (largest probability of a"
                        + " row against its class being the label) ")
                .raw("<b id=\"ece-top-label\" data-v=\"").raw(Fmt.json(top.expectedCalibrationError())).raw("\">")
                .raw(Fmt.fixed(top.expectedCalibrationError(), 4)).raw("</b>, class-wise ECE (mean over classes) ")
                .raw("<b id=\"ece-classwise\" data-v=\"").raw(Fmt.json(m.classwiseExpectedCalibrationError()))
                .raw("\">").raw(Fmt.fixed(m.classwiseExpectedCalibrationError(), 4))
                .raw("</b>. Each diagram: mean predicted probability (x) against observed frequency (y) per bin, the"
                        + " diagonal is perfect calibration. Bars: ")
                .append(ConfidenceInterval.percent(level) + "% Wilson interval of each bin's observed frequency"
                        + " (discern calibrate --ci bootstrap gives intervals of the ECEs).");
        int[] shown = shown(m);
        if (shown.length < m.classes()) {
            h.raw(" <span id=\"reliability-shown\">").append("Diagrams of the " + shown.length
                    + " classes with the largest ECE of the " + Fmt.grouped(m.classes()) + " classes, largest first.")
                    .raw("</span>");
        }
        h.raw("</p>\n<div class=\"cols\">\n");
        diagram(h, "reliability-top-label", "top label", top, level);
        for (int c : shown) {
            diagram(h, "reliability-class-" + c, classes.get(c), m.perClass(c), level);
        }
        h.raw("</div>\n");
    }

    /**
     * The classes whose diagrams are drawn: all in class order up to {@link #MAX_CLASSES}, else the
     * {@link #MAX_CLASSES} of largest ECE, largest first (the lower index first on ties; a NaN ECE
     * last).
     */
    static int[] shown(MulticlassCalibration m) {
        int k = m.classes();
        if (k <= MAX_CLASSES) {
            return IntStream.range(0, k).toArray();
        }
        double[] ece = new double[k];
        for (int c = 0; c < k; c++) {
            double e = m.perClass(c).expectedCalibrationError();
            ece[c] = Double.isNaN(e) ? Double.NEGATIVE_INFINITY : e;
        }
        return IntStream.range(0, k).boxed().sorted((a, b) -> a.equals(b) ? 0
                : ece[a] != ece[b] ? Double.compare(ece[b], ece[a]) : Integer.compare(a, b))
                .limit(MAX_CLASSES).mapToInt(Integer::intValue).toArray();
    }

    private static double px(double x) {
        return LEFT + x * PW;
    }

    private static double py(double y) {
        return TOP + (1 - y) * PH;
    }

    /** One reliability diagram with its interval bars. */
    static void diagram(Markup h, String id, String name, Calibration c, double level) {
        h.raw("<svg class=\"reliability\" id=\"").raw(id).raw("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(SIZE).raw(" ").append(SIZE).raw("\" width=\"").append(SIZE).raw("\" height=\"").append(SIZE)
                .raw("\" role=\"img\" aria-label=\"").append("reliability diagram of " + name)
                .raw("\" font-family=\"system-ui,sans-serif\" font-size=\"10\">\n<rect width=\"").append(SIZE)
                .raw("\" height=\"").append(SIZE).raw("\" fill=\"#fff\"/>\n<text x=\"").append(LEFT).raw("\" y=\"14\""
                        + " fill=\"#222\">").append(name + "  ECE " + Fmt.fixed(c.expectedCalibrationError(), 4))
                .raw("</text>\n");
        for (int k = 0; k <= 10; k += 5) {
            double v = k / 10.0;
            h.raw("<text x=\"").raw(Fmt.coord(px(v))).raw("\" y=\"").append(TOP + PH + 12)
                    .raw("\" text-anchor=\"middle\" fill=\"#444\">").raw(Fmt.fixed(v, 1)).raw("</text><text x=\"")
                    .append(LEFT - 4).raw("\" y=\"").raw(Fmt.coord(py(v) + 3)).raw("\" text-anchor=\"end\" fill=\"#444\">")
                    .raw(Fmt.fixed(v, 1)).raw("</text>\n");
        }
        h.raw("<line x1=\"").raw(Fmt.coord(px(0))).raw("\" y1=\"").raw(Fmt.coord(py(0))).raw("\" x2=\"")
                .raw(Fmt.coord(px(1))).raw("\" y2=\"").raw(Fmt.coord(py(1)))
                .raw("\" stroke=\"#999\" stroke-dasharray=\"3 3\"/>\n");
        StringBuilder line = new StringBuilder();
        long[] counts = c.counts();
        for (int i = 0; i < c.size(); i++) {
            double x = c.meanPredicted(i);
            double y = c.observedFrequency(i);
            ConfidenceInterval ci = c.observedInterval(i, level);
            h.raw("<line class=\"bar\" x1=\"").raw(Fmt.coord(px(x))).raw("\" y1=\"").raw(Fmt.coord(py(ci.lower())))
                    .raw("\" x2=\"").raw(Fmt.coord(px(x))).raw("\" y2=\"").raw(Fmt.coord(py(ci.upper())))
                    .raw("\" stroke=\"#d62728\" stroke-width=\"1\"/>");
            h.raw("<circle cx=\"").raw(Fmt.coord(px(x))).raw("\" cy=\"").raw(Fmt.coord(py(y)))
                    .raw("\" r=\"2.5\" fill=\"#d62728\"><title>").append("predicted " + Fmt.fixed(x, 4) + ", observed "
                            + Fmt.fixed(y, 4) + " [" + Fmt.fixed(ci.lower(), 4) + ", " + Fmt.fixed(ci.upper(), 4)
                            + "], " + counts[i] + " rows")
                    .raw("</title></circle>\n");
            line.append(i == 0 ? "M" : "L").append(Fmt.coord(px(x))).append(' ').append(Fmt.coord(py(y)));
        }
        if (c.size() > 1) {
            h.raw("<path fill=\"none\" stroke=\"#d62728\" stroke-width=\"1.2\" d=\"").raw(line.toString())
                    .raw("\"/>\n");
        }
        h.raw("<rect x=\"").append(LEFT).raw("\" y=\"").append(TOP).raw("\" width=\"").append(PW).raw("\" height=\"")
                .append(PH).raw("\" fill=\"none\" stroke=\"#444\"/>\n</svg>\n");
    }
}

package org.discern.report.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A unit-square chart ([0, 1] x [0, 1]) as inline SVG text for the HTML report: grid, ticks, axis
 * titles, reference lines, one path per curve and a marker the page's script moves. Every text is
 * escaped; coordinates have two decimals, so the same input gives the same bytes.
 */
public final class SvgPlot {
    static final int WIDTH = 440;
    static final int HEIGHT = 410;
    static final int LEFT = 56;
    static final int RIGHT = 14;
    static final int TOP = 14;
    static final int BOTTOM = 48;
    static final int PW = WIDTH - LEFT - RIGHT;
    static final int PH = HEIGHT - TOP - BOTTOM;

    private final String id;
    private final String label;
    private final String xTitle;
    private final String yTitle;
    private final List<String> layers = new ArrayList<>();

    /** A plot with the element id, accessible label and axis titles (all escaped here). */
    public SvgPlot(String id, String label, String xTitle, String yTitle) {
        this.id = id;
        this.label = label;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
    }

    static double px(double x) {
        return LEFT + x * PW;
    }

    static double py(double y) {
        return TOP + (1 - y) * PH;
    }

    /** A dashed reference line in data coordinates. */
    public SvgPlot reference(double x0, double y0, double x1, double y1) {
        layers.add("<line class=\"ref\" x1=\"" + Fmt.coord(px(x0)) + "\" y1=\"" + Fmt.coord(py(y0)) + "\" x2=\""
                + Fmt.coord(px(x1)) + "\" y2=\"" + Fmt.coord(py(y1)) + "\"/>");
        return this;
    }

    /** A horizontal baseline belonging to table {@code table}, shown only while it is selected. */
    public SvgPlot baseline(double y, int table) {
        layers.add("<line class=\"base\" data-table=\"" + table + "\" x1=\"" + Fmt.coord(px(0)) + "\" y1=\""
                + Fmt.coord(py(y)) + "\" x2=\"" + Fmt.coord(px(1)) + "\" y2=\"" + Fmt.coord(py(y)) + "\"/>");
        return this;
    }

    /**
     * A curve of table {@code table}: points outside [0, 1] or NaN are skipped; consecutive points
     * on the same tenth of a pixel are merged.
     */
    public SvgPlot curve(double[] x, double[] y, int table, String colour, String dash, String title) {
        StringBuilder d = new StringBuilder(x.length * 12);
        String lastX = null;
        String lastY = null;
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] >= 0 && x[i] <= 1 && y[i] >= 0 && y[i] <= 1)) {
                continue;
            }
            String sx = Fmt.fixed(px(x[i]), 1);
            String sy = Fmt.fixed(py(y[i]), 1);
            if (sx.equals(lastX) && sy.equals(lastY)) {
                continue;
            }
            d.append(lastX == null ? 'M' : 'L').append(sx).append(',').append(sy);
            lastX = sx;
            lastY = sy;
        }
        StringBuilder sb = new StringBuilder(d.length() + 200);
        sb.append("<path class=\"curve\" data-table=\"").append(table).append("\" stroke=\"").append(Html.escape(colour))
                .append('"');
        if (!dash.isEmpty()) {
            sb.append(" stroke-dasharray=\"").append(Html.escape(dash)).append('"');
        }
        sb.append(" d=\"").append(d).append("\"><title>").append(Html.escape(title)).append("</title></path>");
        layers.add(sb.toString());
        return this;
    }

    /** The SVG element. */
    public String render() {
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<svg class=\"chart\" id=\"").append(Html.escape(id)).append("\" xmlns=\"http://www.w3.org/2000/svg\"")
                .append(" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(Html.escape(label))
                .append("\" data-x0=\"").append(LEFT).append("\" data-y0=\"").append(TOP).append("\" data-w=\"").append(PW)
                .append("\" data-h=\"").append(PH).append("\">\n");
        for (int k = 0; k <= 10; k += 2) {
            double v = k / 10.0;
            String gx = Fmt.coord(px(v));
            String gy = Fmt.coord(py(v));
            sb.append("<line class=\"grid\" x1=\"").append(gx).append("\" y1=\"").append(TOP).append("\" x2=\"").append(gx)
                    .append("\" y2=\"").append(TOP + PH).append("\"/>");
            sb.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" y1=\"").append(gy).append("\" x2=\"")
                    .append(LEFT + PW).append("\" y2=\"").append(gy).append("\"/>");
            sb.append("<text x=\"").append(gx).append("\" y=\"").append(TOP + PH + 16).append("\" text-anchor=\"middle\">")
                    .append(Fmt.fixed(v, 1)).append("</text>");
            sb.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(Fmt.coord(py(v) + 4))
                    .append("\" text-anchor=\"end\">").append(Fmt.fixed(v, 1)).append("</text>\n");
        }
        sb.append("<rect class=\"axis\" x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(PW)
                .append("\" height=\"").append(PH).append("\"/>\n");
        sb.append("<text x=\"").append(LEFT + PW / 2).append("\" y=\"").append(HEIGHT - 10)
                .append("\" text-anchor=\"middle\">").append(Html.escape(xTitle)).append("</text>\n");
        sb.append("<text transform=\"translate(14 ").append(TOP + PH / 2).append(") rotate(-90)\" text-anchor=\"middle\">")
                .append(Html.escape(yTitle)).append("</text>\n");
        for (String layer : layers) {
            sb.append(layer).append('\n');
        }
        sb.append("<line class=\"cross cross-x\" visibility=\"hidden\" x1=\"0\" y1=\"").append(TOP).append("\" x2=\"0\" y2=\"")
                .append(TOP + PH).append("\"/>");
        sb.append("<line class=\"cross cross-y\" visibility=\"hidden\" x1=\"").append(LEFT).append("\" y1=\"0\" x2=\"")
                .append(LEFT + PW).append("\" y2=\"0\"/>");
        sb.append("<circle class=\"marker\" visibility=\"hidden\" r=\"5\" cx=\"0\" cy=\"0\"/>\n</svg>");
        return sb.toString();
    }
}

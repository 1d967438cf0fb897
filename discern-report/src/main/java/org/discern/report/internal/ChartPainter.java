package org.discern.report.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.None;

/**
 * Draws an {@link XYChart} (its series, colours, strokes, titles, axis ranges, legend position,
 * log axes and second y axis) onto any {@link Graphics2D}: a bitmap for PNG, VectorGraphics2D for
 * SVG and PDF. Unlike XChart's own painter, which fills text outlines, every text is drawn with
 * {@code drawString}, so an SVG holds real {@code <text>} elements; axis ticks sit at round values
 * ({@link Ticks}), or where a {@link TickedChart} puts them; curves are simplified to a quarter of
 * a pixel, so a curve of a million points draws as a few hundred.
 */
public final class ChartPainter {
    private static final int PAD = 10;
    private static final int TICK = 4;
    /** Largest distance, in pixels, of a dropped point from the simplified curve. */
    static final double TOLERANCE = 0.25;

    private final XYChart chart;
    private final XYStyler s;
    private final Graphics2D g;
    private final int width;
    private final int height;

    private ChartPainter(XYChart chart, Graphics2D g, int width, int height) {
        this.chart = chart;
        this.s = chart.getStyler();
        this.g = g;
        this.width = width;
        this.height = height;
    }

    /** Paints the chart into the area (0, 0, width, height) of {@code g}. */
    public static void paint(XYChart chart, Graphics2D g, int width, int height) {
        // no g.create(): VectorGraphics2D keeps a child's transform and clip open after dispose(),
        // so state is saved and restored on g itself
        java.awt.geom.AffineTransform transform = g.getTransform();
        java.awt.Shape clip = g.getClip();
        try {
            new ChartPainter(chart, g, width, height).paint();
        } finally {
            g.setTransform(transform);
            g.setClip(clip);
        }
    }

    /** One axis: its range (in data units), whether it is logarithmic, and its ticks. */
    private static final class Axis {
        final double lo;
        final double hi;
        final boolean log;
        final Ticks ticks;

        Axis(double lo, double hi, boolean log, Ticks ticks) {
            this.lo = lo;
            this.hi = hi;
            this.log = log;
            this.ticks = ticks;
        }

        /** Position in [0, 1] along the axis; values at or below 0 on a log axis sit at its start. */
        double unit(double v) {
            if (log) {
                double t = v > 0 ? Math.log10(v) : Math.log10(lo);
                return (t - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
            }
            return (v - lo) / (hi - lo);
        }

        /** Position in [0, 1] of a tick given in the axis's drawn coordinate. */
        double tickUnit(double t) {
            return log ? (Math.log10(t) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (t - lo) / (hi - lo);
        }
    }

    private void paint() {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(colour(s.getChartBackgroundColor(), Color.WHITE));
        g.fillRect(0, 0, width, height);

        List<XYSeries> series = new ArrayList<>(chart.getSeriesMap().values());
        boolean second = series.stream().anyMatch(x -> x.getYAxisGroup() == 1);
        Font tickFont = s.getAxisTickLabelsFont();
        Font axisFont = s.getAxisTitleFont();
        Font titleFont = s.getChartTitleFont();
        Font legendFont = s.getLegendFont();

        // legend size first: an outside legend takes room from the plot
        List<XYSeries> entries = new ArrayList<>();
        if (s.isLegendVisible()) {
            for (XYSeries x : series) {
                if (x.isShowInLegend()) {
                    entries.add(x);
                }
            }
        }
        FontMetrics lm = g.getFontMetrics(legendFont);
        int rowH = lm.getHeight() + 3;
        int textW = 0;
        for (XYSeries x : entries) {
            textW = Math.max(textW, lm.stringWidth(x.getName()));
        }
        int legendW = entries.isEmpty() ? 0 : 8 + 26 + 6 + textW + 8;
        int legendH = entries.isEmpty() ? 0 : 6 + entries.size() * rowH + 2;
        LegendPosition lp = s.getLegendPosition();
        boolean east = !entries.isEmpty() && lp == LegendPosition.OutsideE;
        boolean south = !entries.isEmpty() && lp == LegendPosition.OutsideS;

        String title = text(chart.getTitle());
        String xTitle = text(chart.getXAxisTitle());
        String yTitle = text(chart.getYAxisTitle());
        String y1Title = second ? text(chart.getYAxisGroupTitle(1)) : "";
        FontMetrics tm = g.getFontMetrics(titleFont);
        FontMetrics am = g.getFontMetrics(axisFont);
        FontMetrics km = g.getFontMetrics(tickFont);
        int titleH = title.isEmpty() || !s.isChartTitleVisible() ? 0 : tm.getHeight() + 6;
        int top = PAD + titleH;
        int bottom = PAD + km.getHeight() + TICK + 2 + (xTitle.isEmpty() ? 0 : am.getHeight() + 2)
                + (south ? legendH + PAD : 0);
        int roughPh = Math.max(40, height - top - bottom);

        Axis y = yAxis(series, 0, roughPh);
        Axis y1 = second ? yAxis(series, 1, roughPh) : null;
        int left = PAD + (yTitle.isEmpty() ? 0 : am.getHeight() + 4) + maxWidth(km, y.ticks) + TICK + 3;
        int right = PAD + (east ? legendW + PAD : 0)
                + (y1 == null ? 8 : maxWidth(km, y1.ticks) + TICK + 3 + (y1Title.isEmpty() ? 0 : am.getHeight() + 4));
        int pw = Math.max(40, width - left - right);
        int ph = roughPh;
        Axis x = xAxis(series, pw);
        Rectangle2D plot = new Rectangle2D.Double(left, top, pw, ph);

        if (titleH > 0) {
            g.setFont(titleFont);
            g.setColor(colour(s.getChartFontColor(), Color.BLACK));
            g.drawString(title, (float) (left + (pw - tm.stringWidth(title)) / 2.0), (float) (PAD + tm.getAscent()));
        }
        g.setColor(colour(s.getPlotBackgroundColor(), Color.WHITE));
        g.fill(plot);
        // grid at the ticks
        g.setStroke(new BasicStroke(1f));
        g.setColor(colour(s.getPlotGridLinesColor(), new Color(0xe4, 0xe4, 0xe4)));
        for (int i = 0; i < x.ticks.size(); i++) {
            double px = left + x.tickUnit(x.ticks.at(i)) * pw;
            g.draw(new Line2D.Double(px, top, px, top + ph));
        }
        for (int i = 0; i < y.ticks.size(); i++) {
            double py = top + (1 - y.tickUnit(y.ticks.at(i))) * ph;
            g.draw(new Line2D.Double(left, py, left + pw, py));
        }

        // clip on g itself and restore it (see paint)
        java.awt.Shape oldClip = g.getClip();
        g.clip(plot);
        int index = 0;
        for (XYSeries se : series) {
            drawSeries(g, se, x, se.getYAxisGroup() == 1 ? y1 : y, plot, index++);
        }
        g.setClip(oldClip);

        g.setStroke(new BasicStroke(1f));
        g.setColor(colour(s.getPlotBorderColor(), Color.DARK_GRAY));
        g.draw(plot);
        // ticks and their labels
        g.setFont(tickFont);
        Color tickColour = colour(s.getAxisTickLabelsColor(), Color.BLACK);
        for (int i = 0; i < x.ticks.size(); i++) {
            double px = left + x.tickUnit(x.ticks.at(i)) * pw;
            g.setColor(Color.DARK_GRAY);
            g.draw(new Line2D.Double(px, top + ph, px, top + ph + TICK));
            g.setColor(tickColour);
            String l = x.ticks.label(i);
            g.drawString(l, (float) (px - km.stringWidth(l) / 2.0), (float) (top + ph + TICK + 1 + km.getAscent()));
        }
        yTickLabels(y, km, left, top, ph, true, tickColour);
        if (y1 != null) {
            yTickLabels(y1, km, left + pw, top, ph, false, tickColour);
        }
        g.setFont(axisFont);
        g.setColor(colour(s.getChartFontColor(), Color.BLACK));
        if (!xTitle.isEmpty()) {
            g.drawString(xTitle, (float) (left + (pw - am.stringWidth(xTitle)) / 2.0),
                    (float) (top + ph + TICK + 2 + km.getHeight() + am.getAscent()));
        }
        if (!yTitle.isEmpty()) {
            rotated(yTitle, PAD + am.getAscent(), top + ph / 2.0, am, -1);
        }
        if (!y1Title.isEmpty()) {
            rotated(y1Title, width - PAD - (east ? legendW + PAD : 0) - am.getDescent(), top + ph / 2.0, am, 1);
        }
        if (!entries.isEmpty()) {
            double lx;
            double ly;
            switch (lp) {
                case OutsideE -> {
                    lx = width - PAD - legendW;
                    ly = top;
                }
                case OutsideS -> {
                    lx = left + (pw - legendW) / 2.0;
                    ly = height - PAD - legendH;
                }
                case InsideNW -> {
                    lx = left + 8;
                    ly = top + 8;
                }
                case InsideSW -> {
                    lx = left + 8;
                    ly = top + ph - legendH - 8;
                }
                case InsideSE -> {
                    lx = left + pw - legendW - 8;
                    ly = top + ph - legendH - 8;
                }
                case InsideN -> {
                    lx = left + (pw - legendW) / 2.0;
                    ly = top + 8;
                }
                case InsideS -> {
                    lx = left + (pw - legendW) / 2.0;
                    ly = top + ph - legendH - 8;
                }
                default -> {
                    lx = left + pw - legendW - 8;
                    ly = top + 8;
                }
            }
            legend(entries, lx, ly, legendW, legendH, rowH, lm, legendFont);
        }
    }

    private void yTickLabels(Axis a, FontMetrics km, double edge, double top, double ph, boolean leftSide,
            Color tickColour) {
        for (int i = 0; i < a.ticks.size(); i++) {
            double py = top + (1 - a.tickUnit(a.ticks.at(i))) * ph;
            g.setColor(Color.DARK_GRAY);
            g.draw(new Line2D.Double(edge, py, leftSide ? edge - TICK : edge + TICK, py));
            g.setColor(tickColour);
            String l = a.ticks.label(i);
            float tx = (float) (leftSide ? edge - TICK - 3 - km.stringWidth(l) : edge + TICK + 3);
            g.drawString(l, tx, (float) (py + km.getAscent() / 2.0 - 1));
        }
    }

    private void rotated(String t, double baselineX, double centreY, FontMetrics fm, int direction) {
        java.awt.geom.AffineTransform saved = g.getTransform();
        g.translate(baselineX, centreY);
        g.rotate(direction * Math.PI / 2);
        g.drawString(t, (float) (-fm.stringWidth(t) / 2.0), 0f);
        g.setTransform(saved);
    }

    private void legend(List<XYSeries> entries, double lx, double ly, int w, int h, int rowH, FontMetrics lm,
            Font font) {
        g.setColor(colour(s.getLegendBackgroundColor(), Color.WHITE));
        Rectangle2D box = new Rectangle2D.Double(lx, ly, w, h);
        g.fill(box);
        g.setColor(colour(s.getLegendBorderColor(), Color.LIGHT_GRAY));
        g.setStroke(new BasicStroke(1f));
        g.draw(box);
        g.setFont(font);
        double y = ly + 6;
        int i = 0;
        for (XYSeries se : entries) {
            double mid = y + rowH / 2.0 - 1;
            XYSeriesRenderStyle style = se.getXYSeriesRenderStyle();
            if (style == XYSeriesRenderStyle.Area || style == XYSeriesRenderStyle.PolygonArea) {
                g.setColor(colour(se.getFillColor(), Palette.colour(i)));
                g.fill(new Rectangle2D.Double(lx + 8, mid - 5, 26, 10));
            } else {
                g.setColor(colour(se.getLineColor(), Palette.colour(i)));
                g.setStroke(stroke(se));
                g.draw(new Line2D.Double(lx + 8, mid, lx + 34, mid));
                if (hasMarker(se)) {
                    g.setColor(colour(se.getMarkerColor(), colour(se.getLineColor(), Palette.colour(i))));
                    g.fill(new Ellipse2D.Double(lx + 21 - 3, mid - 3, 6, 6));
                }
            }
            g.setColor(colour(s.getChartFontColor(), Color.BLACK));
            g.drawString(se.getName(), (float) (lx + 40), (float) (mid + lm.getAscent() / 2.0 - 1));
            y += rowH;
            i++;
        }
    }

    private void drawSeries(Graphics2D c, XYSeries se, Axis x, Axis y, Rectangle2D plot, int index) {
        if (!se.isEnabled()) {
            return;
        }
        double[] xs = se.getXData();
        double[] ys = se.getYData();
        int n = Math.min(xs.length, ys.length);
        double[] px = new double[n];
        double[] py = new double[n];
        for (int i = 0; i < n; i++) {
            px[i] = plot.getX() + x.unit(xs[i]) * plot.getWidth();
            py[i] = plot.getY() + (1 - y.unit(ys[i])) * plot.getHeight();
        }
        Color line = colour(se.getLineColor(), Palette.colour(index));
        XYSeriesRenderStyle style = se.getXYSeriesRenderStyle();
        if (style == XYSeriesRenderStyle.PolygonArea || style == XYSeriesRenderStyle.Area) {
            Path2D.Double area = new Path2D.Double();
            boolean started = false;
            double firstX = 0;
            double lastX = 0;
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(px[i]) || !Double.isFinite(py[i])) {
                    continue;
                }
                if (!started) {
                    firstX = px[i];
                    area.moveTo(round(px[i]), round(py[i]));
                    started = true;
                } else {
                    area.lineTo(round(px[i]), round(py[i]));
                }
                lastX = px[i];
            }
            if (started) {
                if (style == XYSeriesRenderStyle.Area) {
                    double base = plot.getY() + (1 - y.unit(Math.max(y.lo, 0))) * plot.getHeight();
                    area.lineTo(round(lastX), round(base));
                    area.lineTo(round(firstX), round(base));
                }
                area.closePath();
                c.setColor(colour(se.getFillColor(), line));
                c.fill(area);
            }
            if (style == XYSeriesRenderStyle.PolygonArea) {
                return;
            }
        }
        if (style != XYSeriesRenderStyle.Scatter) {
            c.setColor(line);
            c.setStroke(stroke(se));
            c.draw(path(px, py));
        }
        if (hasMarker(se) || style == XYSeriesRenderStyle.Scatter) {
            c.setColor(colour(se.getMarkerColor(), line));
            double r = s.getMarkerSize() / 2.0;
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(px[i]) && Double.isFinite(py[i])) {
                    c.fill(new Ellipse2D.Double(round(px[i] - r), round(py[i] - r), 2 * r, 2 * r));
                }
            }
        }
    }

    /** The polyline through the finite points (a NaN breaks it), each run simplified. */
    static Path2D.Double path(double[] px, double[] py) {
        Path2D.Double p = new Path2D.Double();
        int n = px.length;
        int i = 0;
        while (i < n) {
            while (i < n && !(Double.isFinite(px[i]) && Double.isFinite(py[i]))) {
                i++;
            }
            int start = i;
            while (i < n && Double.isFinite(px[i]) && Double.isFinite(py[i])) {
                i++;
            }
            if (i > start) {
                boolean[] keep = simplify(px, py, start, i - 1, TOLERANCE);
                boolean first = true;
                double lx = Double.NaN;
                double ly = Double.NaN;
                for (int j = start; j < i; j++) {
                    if (!keep[j - start]) {
                        continue;
                    }
                    double rx = round(px[j]);
                    double ry = round(py[j]);
                    if (first) {
                        p.moveTo(rx, ry);
                        first = false;
                    } else if (rx != lx || ry != ly) {
                        p.lineTo(rx, ry);
                    }
                    lx = rx;
                    ly = ry;
                }
                if (i - start == 1) {
                    // a single point: a dot of zero length still shows with a round cap
                    p.lineTo(lx, ly);
                }
            }
        }
        return p;
    }

    /**
     * Ramer-Douglas-Peucker over points [from, to]: which points to keep so that no dropped point
     * lies farther than {@code tol} from the kept polyline. Iterative (no deep recursion on a
     * million points).
     */
    static boolean[] simplify(double[] x, double[] y, int from, int to, double tol) {
        boolean[] keep = new boolean[to - from + 1];
        keep[0] = true;
        keep[to - from] = true;
        int[] stack = new int[64];
        int sp = 0;
        stack[sp++] = from;
        stack[sp++] = to;
        double tol2 = tol * tol;
        while (sp > 0) {
            int b = stack[--sp];
            int a = stack[--sp];
            if (b - a < 2) {
                continue;
            }
            double dx = x[b] - x[a];
            double dy = y[b] - y[a];
            double len2 = dx * dx + dy * dy;
            double worst = -1;
            int at = -1;
            for (int i = a + 1; i < b; i++) {
                double d2;
                if (len2 == 0) {
                    double ex = x[i] - x[a];
                    double ey = y[i] - y[a];
                    d2 = ex * ex + ey * ey;
                } else {
                    // distance to the segment, not the line: a curve may turn back on itself
                    double t = Math.max(0, Math.min(1, ((x[i] - x[a]) * dx + (y[i] - y[a]) * dy) / len2));
                    double ex = x[a] + t * dx - x[i];
                    double ey = y[a] + t * dy - y[i];
                    d2 = ex * ex + ey * ey;
                }
                if (d2 > worst) {
                    worst = d2;
                    at = i;
                }
            }
            if (worst > tol2) {
                keep[at - from] = true;
                if (sp + 4 > stack.length) {
                    stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                }
                stack[sp++] = a;
                stack[sp++] = at;
                stack[sp++] = at;
                stack[sp++] = b;
            }
        }
        return keep;
    }

    private Axis xAxis(List<XYSeries> series, int pw) {
        boolean log = s.isXAxisLogarithmic();
        double[] r = range(series, -1, s.getXAxisMin(), s.getXAxisMax(), log, true);
        Ticks given = chart instanceof TickedChart tc ? tc.xTicks() : null;
        return axis(r, s.getXAxisMin() == null, s.getXAxisMax() == null, log, given, Math.max(2, Math.min(10, pw / 70)));
    }

    /**
     * An axis over the range r; a linear axis whose end was not set widens to the next round
     * tick (a sweep over thresholds 0.0003 to 0.99 is drawn from 0 to 1).
     */
    private static Axis axis(double[] r, boolean freeLo, boolean freeHi, boolean log, Ticks given, int target) {
        if (given != null) {
            return new Axis(r[0], r[1], log, given);
        }
        if (log) {
            return new Axis(r[0], r[1], true, Ticks.log(r[0], r[1]));
        }
        Ticks t = Ticks.linear(r[0], r[1], target);
        if (t.size() >= 2 && (freeLo || freeHi)) {
            double step = t.at(1) - t.at(0);
            double lo = freeLo && t.at(0) > r[0] ? t.at(0) - step : r[0];
            double hi = freeHi && t.at(t.size() - 1) < r[1] ? t.at(t.size() - 1) + step : r[1];
            r = new double[] {lo, hi};
            t = Ticks.linear(lo, hi, target);
        }
        return new Axis(r[0], r[1], false, t);
    }

    private Axis yAxis(List<XYSeries> series, int group, int ph) {
        boolean log = group == 0 && s.isYAxisLogarithmic();
        Double min = s.getYAxisMin(group);
        Double max = s.getYAxisMax(group);
        if (group == 0) {
            min = min != null ? min : s.getYAxisMin();
            max = max != null ? max : s.getYAxisMax();
        }
        double[] r = range(series, group, min, max, log, false);
        Ticks given = group == 0 && chart instanceof TickedChart tc ? tc.yTicks() : null;
        return axis(r, min == null, max == null, log, given, Math.max(2, Math.min(10, ph / 40)));
    }

    /** The axis range: the styler's bounds where set, else the data's (finite, positive on a log axis). */
    private static double[] range(List<XYSeries> series, int group, Double min, Double max, boolean log, boolean isX) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (XYSeries se : series) {
            if (!isX && se.getYAxisGroup() != group) {
                continue;
            }
            for (double v : isX ? se.getXData() : se.getYData()) {
                if (Double.isFinite(v) && (!log || v > 0)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (min != null) {
            lo = min;
        }
        if (max != null) {
            hi = max;
        }
        if (!(lo <= hi)) {
            lo = log ? 0.1 : 0;
            hi = 1;
        }
        if (lo == hi) {
            if (log) {
                lo /= 10;
                hi *= 10;
            } else {
                lo -= 0.5;
                hi += 0.5;
            }
        }
        return new double[] {lo, hi};
    }

    private static int maxWidth(FontMetrics fm, Ticks t) {
        int w = 0;
        for (int i = 0; i < t.size(); i++) {
            w = Math.max(w, fm.stringWidth(t.label(i)));
        }
        return w;
    }

    private static boolean hasMarker(XYSeries se) {
        return se.getMarker() != null && !(se.getMarker() instanceof None);
    }

    private static BasicStroke stroke(XYSeries se) {
        BasicStroke b = se.getLineStyle();
        return b != null ? b : new BasicStroke(1.5f);
    }

    private static Color colour(Color c, Color fallback) {
        return c != null ? c : fallback;
    }

    private static String text(String t) {
        return t == null ? "" : t;
    }

    /** A tenth of a pixel: shorter vector files, no visible difference. */
    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}

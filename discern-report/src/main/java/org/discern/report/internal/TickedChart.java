package org.discern.report.internal;

import org.knowm.xchart.XYChart;

/**
 * An {@link XYChart} whose axes carry ticks chosen by Discern ({@link Ticks}): round percentages
 * on a DET plot's probit axes, decades on a log axis. {@link ChartPainter} draws these ticks;
 * XChart's own painter (if a caller uses it) ignores them and computes its own.
 */
public final class TickedChart extends XYChart {
    private Ticks xTicks;
    private Ticks yTicks;

    /** A chart of the given pixel size with XChart's default style. */
    public TickedChart(int width, int height) {
        super(width, height);
    }

    /** Ticks of the x axis, or null for round ticks computed from the range. */
    public Ticks xTicks() {
        return xTicks;
    }

    /** Ticks of the (first) y axis, or null for round ticks computed from the range. */
    public Ticks yTicks() {
        return yTicks;
    }

    /** Sets the ticks of the x axis (positions in the drawn coordinate). */
    public TickedChart xTicks(Ticks ticks) {
        this.xTicks = ticks;
        return this;
    }

    /** Sets the ticks of the first y axis (positions in the drawn coordinate). */
    public TickedChart yTicks(Ticks ticks) {
        this.yTicks = ticks;
        return this;
    }
}

package org.discern.report.internal;

import java.awt.BasicStroke;
import java.awt.Color;

/**
 * Colours and dash patterns for many series, shared by the chart files and the page: 26
 * qualitative colours (Tableau 10, tones of Tableau 20b, ColorBrewer's Paired and Dark2, and three
 * chosen to be far from all others; no two closer than 42 in RGB distance) combined with 4 dash
 * patterns, so that 25 classes each get their own colour and series {@code i} and {@code j < 104}
 * never share both colour and dash (distinguishable in print and for colour-blind readers).
 */
public final class Palette {
    private static final String[] HEX = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#7b4173", "#6b6ecf",
        "#b5cf6b", "#e7ba52", "#d6616b", "#1b9e77", "#6a3d9a", "#b15928", "#a6cee3", "#fb9a99", "#cab2d6",
        "#800000", "#70e000", "#000080"};
    // SVG stroke-dasharray values; "" is solid
    private static final String[] DASH = {"", "7 4", "2 3", "9 3 2 3"};
    private static final float[][] DASH_ARRAY = {null, {7f, 4f}, {2f, 3f}, {9f, 3f, 2f, 3f}};

    private Palette() {
    }

    /** Number of distinct colours. */
    public static int colours() {
        return HEX.length;
    }

    /** Colour of series i as {@code #rrggbb}. */
    public static String hex(int i) {
        return HEX[Math.floorMod(i, HEX.length)];
    }

    /** Colour of series i. */
    public static Color colour(int i) {
        return Color.decode(hex(i));
    }

    private static int dashIndex(int i) {
        // shift the dash by one for each round of colours: (colour, dash) pairs repeat only at 104
        return Math.floorMod(i + i / HEX.length, DASH.length);
    }

    /** SVG {@code stroke-dasharray} of series i, empty for a solid line. */
    public static String dash(int i) {
        return DASH[dashIndex(i)];
    }

    /** A stroke of the given width with the dash pattern of series i. */
    public static BasicStroke stroke(int i, float width) {
        float[] d = DASH_ARRAY[dashIndex(i)];
        if (d == null) {
            return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
        }
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, d, 0f);
    }
}

package org.discern.report;

import org.discern.metrics.ConfidenceInterval;
import org.discern.metrics.OperatingPoints;
import org.discern.metrics.PrecisionRecallCurve;
import org.discern.metrics.RocBand;
import org.discern.metrics.RocCurve;
import org.discern.report.internal.Fmt;
import org.discern.report.internal.Html;
import org.discern.report.internal.Palette;

/**
 * The page model's data for the page's script, as JSON safe inside a {@code <script>} element.
 *
 * <p>Per curve: its name, style, area and interval; core's ROC and PR curve points (drawing only);
 * and the embedded rows of core's operating-point table: thresholds (descending), cumulative true
 * and false positives, and the totals P and N. The script's readout at a row shows these counts
 * and their ratios as {@code ConfusionMatrix} defines them (the same double arithmetic, so the same
 * digits as {@code evaluate --threshold}). Unweighted counts are written as differences from the
 * row before (small integers; exact when summed back), weighted ones as they are.
 */
final class PageData {
    private PageData() {
    }

    static String json(PageModel m) {
        StringBuilder j = new StringBuilder(1 << 16);
        j.append("{\"task\":\"").append(m.binary() ? "binary" : m.multilabel() ? "multilabel" : "multiclass")
                .append("\",\"maxFpr\":").append(Fmt.json(m.maxFpr)).append(",\"logFpr\":").append(m.logFprFirst()).append(",\"curves\":[");
        boolean first = true;
        for (PageModel.PageCurve c : m.curves) {
            if (!first) {
                j.append(',');
            }
            first = false;
            curve(j, c);
        }
        j.append("],\n\"band\":");
        band(j, m.band);
        j.append('}');
        return Html.scriptSafeJson(j.toString());
    }

    private static void curve(StringBuilder j, PageModel.PageCurve c) {
        String colour = c.kind() == PageModel.Kind.CLASS ? Palette.hex(c.style()) : "#000000";
        String dash = c.kind() == PageModel.Kind.MACRO ? "6 3" : c.kind() == PageModel.Kind.CLASS
                ? Palette.dash(c.style()) : "";
        j.append("\n{\"name\":").append(Html.jsonString(c.name())).append(",\"kind\":\"").append(c.kind().key)
                .append("\",\"cls\":").append(c.klass()).append(",\"colour\":\"").append(colour)
                .append("\",\"dash\":\"").append(dash).append("\",\"auc\":").append(Fmt.json(c.auc()))
                .append(",\"aucCi\":");
        interval(j, c.aucCi());
        j.append(",\"ap\":").append(Fmt.json(c.ap())).append(",\"apCi\":");
        interval(j, c.apCi());
        RocCurve roc = c.roc();
        j.append(",\n\"roc\":");
        points(j, roc.fpr(), roc.tpr());
        PrecisionRecallCurve pr = c.pr();
        j.append(",\n\"pr\":");
        if (pr == null) {
            j.append("null");
        } else {
            points(j, pr.recall(), pr.precision());
        }
        OperatingPoints op = c.op();
        if (op == null) {
            j.append(",\"ops\":null,\"markers\":[]}");
            return;
        }
        boolean delta = !op.weighted();
        int[] rows = c.rows();
        boolean f32 = floatThresholds(op, rows);
        j.append(",\n\"ops\":{\"P\":").append(Fmt.json(op.positives())).append(",\"N\":").append(Fmt.json(op.negatives()))
                .append(",\"delta\":").append(delta).append(",\"initial\":").append(c.initial()).append(",\"f32\":").append(f32)
                .append(",\"size\":").append(op.size())
                .append(",\n\"t\":[");
        for (int k = 0; k < rows.length; k++) {
            if (k > 0) {
                j.append(',');
            }
            // the exact value: JavaScript parses Java's shortest round-trip text back to the double
            // (or, for float scores, Math.fround of it back to the float)
            double t = op.threshold(rows[k]);
            j.append(f32 ? Float.toString((float) t) : threshold(t));
        }
        j.append("],\n\"tp\":[");
        counts(j, op, rows, true, delta);
        j.append("],\n\"fp\":[");
        counts(j, op, rows, false, delta);
        if (rows.length < op.size()) {
            // which table rows are embedded, as differences: the page knows where rows are hidden
            j.append("],\n\"rd\":[");
            for (int k = 0; k < rows.length; k++) {
                j.append(k > 0 ? "," : "").append(k == 0 ? rows[0] : rows[k] - rows[k - 1]);
            }
        }
        j.append("]},\n\"markers\":[");
        for (int i = 0; i < c.markers().size(); i++) {
            PageModel.Marker mk = c.markers().get(i);
            if (i > 0) {
                j.append(',');
            }
            j.append("{\"label\":").append(Html.jsonString(mk.label())).append(",\"spec\":")
                    .append(Html.jsonString(mk.spec())).append(",\"pos\":").append(mk.position()).append('}');
        }
        j.append("]}");
    }

    // float thresholds are written short; valid only if JavaScript's fround(parseFloat(s)) gives them back
    private static boolean floatThresholds(OperatingPoints op, int[] rows) {
        for (int r : rows) {
            double t = op.threshold(r);
            float f = (float) t;
            if (f != t || !Float.isFinite(f) || (float) Double.parseDouble(Float.toString(f)) != f) {
                return false;
            }
        }
        return true;
    }

    private static String threshold(double t) {
        if (Double.isNaN(t)) {
            return "null";
        }
        if (Double.isInfinite(t)) {
            return t > 0 ? "1e999" : "-1e999";
        }
        return Double.toString(t);
    }

    private static void counts(StringBuilder j, OperatingPoints op, int[] rows, boolean tp, boolean delta) {
        double prev = 0;
        for (int k = 0; k < rows.length; k++) {
            if (k > 0) {
                j.append(',');
            }
            double v = tp ? op.truePositives(rows[k]) : op.falsePositives(rows[k]);
            j.append(Fmt.json(delta ? v - prev : v));
            prev = v;
        }
    }

    private static void interval(StringBuilder j, ConfidenceInterval ci) {
        if (ci == null) {
            j.append("null");
        } else {
            j.append('[').append(Fmt.json(ci.lower())).append(',').append(Fmt.json(ci.upper())).append(",\"")
                    .append(ConfidenceInterval.percent(ci.level())).append("% ").append(ci.method()).append("\"]");
        }
    }

    // x and y as two arrays, 7 significant digits: enough to draw at any zoom the page allows
    private static void points(StringBuilder j, double[] x, double[] y) {
        j.append("{\"x\":[");
        for (int i = 0; i < x.length; i++) {
            if (i > 0) {
                j.append(',');
            }
            j.append(coordinate(x[i]));
        }
        j.append("],\"y\":[");
        for (int i = 0; i < y.length; i++) {
            if (i > 0) {
                j.append(',');
            }
            j.append(coordinate(y[i]));
        }
        j.append("]}");
    }

    private static final java.math.MathContext SEVEN = new java.math.MathContext(7, java.math.RoundingMode.HALF_UP);

    /**
     * {@code v} as {@code String.format(Locale.ROOT, "%.7g", v)} writes it, trailing zeros of the
     * fraction dropped ("1.2345e-05", "0.5"), without a Formatter per number (the page has a
     * hundred thousand of them): the same digits, the shortest representation rounded half up.
     */
    static String coordinate(double v) {
        if (!Double.isFinite(v)) {
            return "null";
        }
        if (v == 0 || v == 1) {
            return v == 0 ? "0" : "1";
        }
        java.math.BigDecimal d = java.math.BigDecimal.valueOf(v).round(SEVEN);
        double m = Math.abs(d.doubleValue());
        d = d.stripTrailingZeros();
        if (m >= 1e-4 && m < 1e7) {
            return d.toPlainString();
        }
        String digits = d.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - d.scale();
        StringBuilder out = new StringBuilder(16);
        if (d.signum() < 0) {
            out.append('-');
        }
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append(exp < 0 ? "e-" : "e+");
        int e = Math.abs(exp);
        if (e < 10) {
            out.append('0');
        }
        return out.append(e).toString();
    }

    private static void band(StringBuilder j, RocBand band) {
        if (band == null) {
            j.append("null");
            return;
        }
        j.append("{\"spec\":[");
        for (int i = 0; i < band.size(); i++) {
            j.append(i > 0 ? "," : "").append(Fmt.json(band.specificity(i)));
        }
        j.append("],\"lo\":[");
        for (int i = 0; i < band.size(); i++) {
            j.append(i > 0 ? "," : "").append(Fmt.json(band.lower(i)));
        }
        j.append("],\"hi\":[");
        for (int i = 0; i < band.size(); i++) {
            j.append(i > 0 ? "," : "").append(Fmt.json(band.upper(i)));
        }
        j.append("],\"level\":\"").append(ConfidenceInterval.percent(band.bootstrap().level())).append("%\"}");
    }
}

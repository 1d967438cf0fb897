package org.discern.train;

import java.awt.BasicStroke;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.discern.io.AtomicFiles;
import org.discern.metrics.ConfusionMatrix;
import org.discern.report.ChartFiles;
import org.discern.report.Charts;
import org.discern.report.Curve;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The comparison of a training run as charts and one self-contained HTML page, drawn with
 * {@code discern-report}: the strategies overlaid on the test ROC and PR curves, each strategy's
 * test confusion matrix at 0.5 and at the cost-optimal threshold, and the training histories
 * (loss, validation AUPRC, precision and recall per epoch; solid = validation, dashed = training).
 * Files in {@code DIR/report/}: {@code roc.svg}, {@code pr.svg}, {@code confusion-NAME.svg},
 * {@code confusion-cost-NAME.svg}, {@code history-METRIC.svg} and {@code report.html} (the SVGs
 * inlined).
 */
final class TrainingReport {
    private static final String[][] HISTORY = {
        {"loss", "Loss (training objective) / validation log loss"},
        {"auprc", "Average precision (AUPRC)"},
        {"precision", "Precision at 0.5"},
        {"recall", "Recall at 0.5"}};

    private TrainingReport() {
    }

    static Path write(Workbench.Comparison c, Table table, TrainOptions o, Path outDir) throws IOException {
        Path dir = outDir.resolve("report");
        Files.createDirectories(dir);
        List<StrategyResult> rs = c.strategies();
        List<Curve> roc = new ArrayList<>();
        List<Curve> pr = new ArrayList<>();
        for (StrategyResult r : rs) {
            roc.add(Curve.roc(r.strategy().id(), r.test().rocCurve()));
            pr.add(Curve.precisionRecall(r.strategy().id(), r.test().precisionRecallCurve(),
                    r.test().averagePrecision()));
        }
        double prevalence = (double) rs.get(0).test().positiveRows() / rs.get(0).test().rows();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape("discern train: " + table.source())).append("</title>\n<style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:1400px}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#f4f4f4}")
                .append(".charts{display:flex;flex-wrap:wrap;gap:12px}.charts div{flex:0 0 auto}")
                .append("</style></head><body>\n<h1>")
                .append(escape("Imbalanced-data recipe: " + table.source())).append("</h1>\n");
        html.append("<p>").append(escape(String.format(Locale.ROOT,
                "Test split: %d rows, %d positive (%.4f%%). Seed %d. Cost-optimal threshold chosen on the "
                        + "validation split with cost_fp = %s, cost_fn = %s.",
                rs.get(0).test().rows(), rs.get(0).test().positiveRows(), 100 * prevalence, o.seed(),
                o.costFalsePositive(), o.costFalseNegative()))).append("</p>\n");
        html.append("<table><tr><th>strategy</th><th>best epoch</th><th>ROC AUC</th><th>average precision</th>")
                .append("<th>precision@0.5</th><th>recall@0.5</th><th>cost threshold</th>")
                .append("<th>precision@cost</th><th>recall@cost</th></tr>\n");
        for (StrategyResult r : rs) {
            ConfusionMatrix half = r.test().confusionAt(0.5);
            double t = r.costChoice().threshold();
            ConfusionMatrix cost = r.test().confusionAt(t);
            html.append("<tr><th>").append(escape(r.strategy().id())).append("</th>")
                    .append(cell(r.bestEpoch())).append(cell(r.test().rocAuc()))
                    .append(cell(r.test().averagePrecision())).append(cell(half.precision()))
                    .append(cell(half.recall())).append(cell(t)).append(cell(cost.precision()))
                    .append(cell(cost.recall())).append("</tr>\n");
        }
        html.append("</table>\n<h2>Test curves</h2>\n<div class=\"charts\">");
        chart(html, Charts.roc(roc), dir.resolve("roc.svg"));
        chart(html, Charts.precisionRecall(pr, prevalence), dir.resolve("pr.svg"));
        html.append("</div>\n<h2>Confusion matrices on the test split</h2>\n<div class=\"charts\">");
        List<String> classes = List.of(table.negativeValue() + " (negative)", table.positiveValue() + " (positive)");
        for (StrategyResult r : rs) {
            String id = r.strategy().id();
            confusionChart(html, Charts.confusionMatrix(classes, counts(r.test().confusionAt(0.5)), false),
                    id + " at 0.5", dir.resolve("confusion-" + id + ".svg"));
            double t = r.costChoice().threshold();
            confusionChart(html, Charts.confusionMatrix(classes, counts(r.test().confusionAt(t)), false),
                    String.format(Locale.ROOT, "%s at the cost threshold %.4g", id, t),
                    dir.resolve("confusion-cost-" + id + ".svg"));
        }
        html.append("</div>\n<h2>Training histories</h2>\n<div class=\"charts\">");
        for (String[] h : HISTORY) {
            chart(html, history(rs, h[0], h[1]), dir.resolve("history-" + h[0] + ".svg"));
        }
        html.append("</div>\n</body></html>\n");
        Path page = dir.resolve("report.html");
        AtomicFiles.writeString(page, html.toString());
        return page;
    }

    /** Colour per strategy (Tableau 10, colour-blind-safe order). */
    private static final java.awt.Color[] COLOURS = {new java.awt.Color(0x1f77b4), new java.awt.Color(0xff7f0e),
        new java.awt.Color(0x2ca02c), new java.awt.Color(0xd62728), new java.awt.Color(0x9467bd)};

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static double[][] counts(ConfusionMatrix cm) {
        return new double[][] {{cm.tn(), cm.fp()}, {cm.fn(), cm.tp()}};
    }

    private static String cell(double v) {
        return "<td>" + (Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.4f", v)) + "</td>";
    }

    private static String cell(int v) {
        return "<td>" + v + "</td>";
    }

    private static void chart(StringBuilder html, org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, Path file)
            throws IOException {
        ChartFiles.write(chart, file);
        html.append("<div>").append(ChartFiles.svg(chart)).append("</div>");
    }

    private static void confusionChart(StringBuilder html, org.knowm.xchart.HeatMapChart chart, String title, Path file)
            throws IOException {
        chart.setTitle(title);
        chart(html, chart, file);
    }

    /** One line per strategy and split: validation solid, training dashed. */
    static XYChart history(List<StrategyResult> rs, String metric, String title) {
        XYChart chart = new XYChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT).title(title)
                .xAxisTitle("Epoch").yAxisTitle(metric).build();
        chart.getStyler().setLocale(Locale.ROOT);
        chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        int k = 0;
        for (StrategyResult r : rs) {
            java.awt.Color colour = COLOURS[k++ % COLOURS.length];
            int n = r.history().size();
            double[] x = new double[n];
            double[] train = new double[n];
            double[] val = new double[n];
            for (int i = 0; i < n; i++) {
                EpochRecord e = r.history().get(i);
                x[i] = e.epoch();
                switch (metric) {
                    case "loss" -> {
                        train[i] = e.loss();
                        val[i] = e.valLoss();
                    }
                    case "auprc" -> {
                        train[i] = e.auprc();
                        val[i] = e.valAuprc();
                    }
                    case "precision" -> {
                        train[i] = e.precision();
                        val[i] = e.valPrecision();
                    }
                    default -> {
                        train[i] = e.recall();
                        val[i] = e.valRecall();
                    }
                }
            }
            XYSeries v = chart.addSeries(r.strategy().id() + " validation", x, val);
            v.setMarker(SeriesMarkers.NONE);
            v.setLineColor(colour);
            v.setLineStyle(new BasicStroke(1.8f));
            XYSeries t = chart.addSeries(r.strategy().id() + " training", x, train);
            t.setMarker(SeriesMarkers.NONE);
            t.setLineColor(colour);
            t.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                    new float[] {5, 4}, 0));
        }
        return chart;
    }
}

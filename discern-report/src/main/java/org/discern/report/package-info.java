/**
 * Charts and the self-contained HTML report.
 *
 * <p>{@link org.discern.report.Charts} draws evaluation charts (ROC, precision-recall, DET,
 * confusion matrix, calibration, threshold sweep, score distributions) as XChart objects from
 * plain inputs ({@link org.discern.report.Curve}, {@link org.discern.report.Band}, arrays);
 * {@link org.discern.report.ChartFiles} writes them as PNG, SVG or PDF.
 * {@link org.discern.report.HtmlReport} writes a report directory atomically: one offline
 * {@code report.html} with interactive charts, {@code metrics.json}, curve CSVs and chart images.
 */
package org.discern.report;

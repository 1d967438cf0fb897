package org.discern.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

import org.discern.metrics.ConfidenceInterval;
import org.discern.metrics.DecisionCurve;
import org.discern.metrics.Field;
import org.discern.metrics.Metric;
import org.discern.metrics.MetricKey;

/**
 * A {@link DecisionCurve} as CSV: one row per threshold probability, in the curve's order, with
 * the columns {@code threshold, net_benefit, net_benefit_all, net_benefit_none,
 * standardized_net_benefit}, and with a bootstrap {@code net_benefit_ci_lower,
 * net_benefit_ci_upper}; {@code nan} for undefined values, numbers in Java's shortest
 * round-trip form (as {@link CurveCsv}).
 */
public final class DecisionCurveCsv {
    private DecisionCurveCsv() {
    }

    /** Writes the curve to {@code target} atomically, never over one of {@code inputs}. */
    public static void write(DecisionCurve curve, Path target, Path... inputs) throws IOException {
        AtomicFiles.write(target, w -> write(curve, w), inputs);
    }

    /** Writes the curve as CSV text. */
    public static void write(DecisionCurve curve, Writer w) throws IOException {
        MetricKey nb = MetricKey.of(Metric.NET_BENEFIT);
        StringBuilder head = new StringBuilder().append(Field.THRESHOLD.key()).append(',').append(nb.key()).append(',')
                .append(Field.NET_BENEFIT_ALL.key()).append(',').append(Field.NET_BENEFIT_NONE.key()).append(',')
                .append(MetricKey.of(Metric.STANDARDIZED_NET_BENEFIT).key());
        if (curve.hasIntervals()) {
            head.append(',').append(Field.ci(nb)).append('_').append(Field.LOWER.key())
                    .append(',').append(Field.ci(nb)).append('_').append(Field.UPPER.key());
        }
        w.write(head.append('\n').toString());
        for (int i = 0; i < curve.size(); i++) {
            StringBuilder row = new StringBuilder().append(CurveCsv.format(curve.threshold(i))).append(',')
                    .append(CurveCsv.format(curve.netBenefit(i))).append(',')
                    .append(CurveCsv.format(curve.netBenefitAll(i))).append(',')
                    .append(CurveCsv.format(curve.netBenefitNone(i))).append(',')
                    .append(CurveCsv.format(curve.standardizedNetBenefit(i)));
            if (curve.hasIntervals()) {
                ConfidenceInterval ci = curve.interval(i).orElseThrow();
                row.append(',').append(CurveCsv.format(ci.lower())).append(',').append(CurveCsv.format(ci.upper()));
            }
            w.write(row.append('\n').toString());
        }
    }
}

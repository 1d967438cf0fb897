package org.discern.bench;

import java.util.Locale;

import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.BinaryMetrics;
import org.discern.metrics.OperatingPoints;

/**
 * Prints, as one JSON object per line, the values the benchmarks compute on {@link BinaryData}, so
 * the comparison script can check them against scikit-learn's on the same arrays:
 * {@code BinaryCheck N [N...]}.
 */
public final class BinaryCheck {
    private BinaryCheck() {
    }

    public static void main(String[] args) {
        for (String a : args) {
            int n = Integer.parseInt(a);
            BinaryData d = BinaryData.generate(n, BinaryData.SEED);
            BinaryEvaluation ev = BinaryEvaluation.of(OperatingPoints.of(d.scores, d.labels));
            System.out.printf(Locale.ROOT,
                    "{\"n\": %d, \"positives\": %d, \"rocAuc\": %.17g, \"rocAucTable\": %.17g, "
                            + "\"averagePrecision\": %.17g, \"averagePrecisionTable\": %.17g, "
                            + "\"rocCurve\": %d}%n",
                    n, d.positives(), BinaryMetrics.rocAuc(d.scores, d.labels), ev.rocAuc(),
                    BinaryMetrics.averagePrecision(d.scores, d.labels), ev.averagePrecision(),
                    ev.rocCurve().size());
        }
    }
}

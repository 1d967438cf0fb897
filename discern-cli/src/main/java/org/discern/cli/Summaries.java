package org.discern.cli;

import org.discern.io.BinaryPredictions;
import org.discern.io.MultiClassPredictions;
import org.discern.io.MultiLabelPredictions;
import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.BinaryStatistic;
import org.discern.metrics.Bootstrap;
import org.discern.metrics.DeLong;
import org.discern.metrics.EvaluationSummary;
import org.discern.metrics.MulticlassEvaluation;
import org.discern.metrics.MultilabelEvaluation;
import org.discern.metrics.SummaryOptions;

/**
 * The evaluation summaries of {@code evaluate} and {@code report}: core's summary of the
 * evaluation with the intervals {@code --ci} asks for. DeLong: the ROC AUC (binary) or every
 * class's one-vs-rest ROC AUC (multi-class). Bootstrap: the ROC AUC and average precision
 * (binary), or every one-vs-rest average and class value (multi-class, classes resampled
 * separately); the summary reads them by name.
 */
final class Summaries {
    private Summaries() {
    }

    static EvaluationSummary binary(BinaryEvaluation ev, BinaryPredictions p, SummaryOptions options,
            IntervalMethod ci, IntervalOptions intervals) {
        return InputWarnings.summary(p, binarySummary(ev, p, options, ci, intervals));
    }

    private static EvaluationSummary binarySummary(BinaryEvaluation ev, BinaryPredictions p, SummaryOptions options,
            IntervalMethod ci, IntervalOptions intervals) {
        if (ci == null) {
            return EvaluationSummary.binary(ev, options);
        }
        if (ci == IntervalMethod.DELONG) {
            return EvaluationSummary.binary(ev, options.withLevel(intervals.level()), DeLong.auc(ev.operatingPoints()));
        }
        return EvaluationSummary.binary(ev, options, Bootstrap.binary(p.scores(), p.labels(), p.weights(),
                intervals.bootstrap(2), BinaryStatistic.rocAuc(), BinaryStatistic.averagePrecision()));
    }

    static EvaluationSummary multiclass(MulticlassEvaluation ev, MultiClassPredictions p, SummaryOptions options,
            IntervalMethod ci, IntervalOptions intervals) {
        return InputWarnings.summary(p, multiclassSummary(ev, p, options, ci, intervals));
    }

    /** The multi-label summary, its warnings as the input names rows. */
    static EvaluationSummary multilabel(MultilabelEvaluation ev, MultiLabelPredictions p, SummaryOptions options) {
        return InputWarnings.summary(p, EvaluationSummary.multilabel(ev, options));
    }

    private static EvaluationSummary multiclassSummary(MulticlassEvaluation ev, MultiClassPredictions p,
            SummaryOptions options, IntervalMethod ci, IntervalOptions intervals) {
        if (ci == null) {
            return EvaluationSummary.multiclass(ev, options);
        }
        if (ci == IntervalMethod.DELONG) {
            return EvaluationSummary.multiclass(ev, options.withLevel(intervals.level()), DeLong.oneVsRest(ev));
        }
        // per replicate: the averages and every class's ROC AUC and AP (Bootstrap.multiclassOneVsRest)
        var boot = intervals.bootstrap(8 + 2L * p.scores().columns());
        return EvaluationSummary.multiclass(ev, options, Bootstrap.multiclassOneVsRest(p.labels(),
                Slicing.rows(p.scores()), p.classNames(), p.weights(), boot));
    }
}

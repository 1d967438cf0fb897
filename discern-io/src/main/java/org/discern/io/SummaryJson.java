package org.discern.io;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.discern.metrics.ConfidenceInterval;
import org.discern.metrics.ConfusionMatrix;
import org.discern.metrics.EvaluationSummary;
import org.discern.metrics.EvaluationSummary.ClassRow;
import org.discern.metrics.EvaluationSummary.Value;
import org.discern.metrics.Field;
import org.discern.metrics.Metric;
import org.discern.metrics.MulticlassConfusionMatrix;

/**
 * The one JSON writer of an {@link EvaluationSummary}: the object of
 * {@code discern evaluate --format json} and of a report's {@code metrics.json}, with the
 * README's keys in the README's order. Every key comes from the registry ({@link Field},
 * {@link org.discern.metrics.MetricKey}); every value from the summary.
 *
 * <p>Layout. Binary: task, n, n_positive, n_negative, positive_label, weighted, then the values
 * in the summary's order with {@code threshold} and {@code confusion {tp, fp, tn, fn}} before the
 * first decision metric and {@code partial_roc_auc {max_fpr, standardized}} in place of the
 * partial AUC, then warnings. Multi-class: task, n, classes, the values, confusion_matrix (rows =
 * true class; for more than {@value #DENSE_CONFUSION_MAX_CLASSES} classes instead
 * confusion_matrix_nonzero, the non-zero cells as [true class index, predicted class index, count]
 * in row-major order, with a warning saying so: 16,000 classes would otherwise write 256 million
 * cells), per_class [{class, support, values}], warnings. Multi-label: task, n, labels, the
 * values, per_label [{label, support, values}], warnings. A value with an interval is followed by
 * {@code <key>_ci {method, level, lower, upper}} and, with DeLong, {@code <key>_variance}; with
 * bootstrap intervals {@code bootstrap {replicates, seed}} follows the last top-level interval.
 * Undefined numbers (NaN) are null; counts that are whole numbers are integers.
 */
public final class SummaryJson {
    /** Up to this many classes the confusion matrix is written whole (K x K), else its non-zero cells. */
    public static final int DENSE_CONFUSION_MAX_CLASSES = 1000;

    private SummaryJson() {
    }

    /** The summary as a JSON object. */
    public static ObjectNode of(EvaluationSummary s) {
        ObjectNode o = Json.object();
        o.put(Field.TASK.key(), s.task().key());
        o.put(Field.N.key(), s.rows());
        switch (s.task()) {
            case BINARY -> {
                o.put(Field.N_POSITIVE.key(), s.positiveRows());
                o.put(Field.N_NEGATIVE.key(), s.negativeRows());
                o.put(Field.POSITIVE_LABEL.key(), s.positiveLabel());
                o.put(Field.WEIGHTED.key(), s.weighted());
            }
            case MULTICLASS -> strings(o.putArray(Field.CLASSES.key()), s.classes());
            case MULTILABEL -> strings(o.putArray(Field.LABELS.key()), s.classes());
            default -> throw new IllegalStateException("unknown task " + s.task());
        }
        boolean bootstrap = s.intervals().map(EvaluationSummary.Intervals::bootstrap).orElse(false);
        int lastInterval = -1;
        for (int i = 0; i < s.values().size(); i++) {
            if (s.values().get(i).interval().isPresent()) {
                lastInterval = i;
            }
        }
        boolean decisions = false;
        for (int i = 0; i < s.values().size(); i++) {
            Value v = s.values().get(i);
            if (s.task() == EvaluationSummary.Task.BINARY && v.key().metric().decision() && !decisions) {
                Json.number(o, Field.THRESHOLD.key(), s.threshold());
                o.set(Field.CONFUSION.key(), confusion(s.confusion().orElseThrow()));
                decisions = true;
            }
            if (v.key().metric() == Metric.PARTIAL_ROC_AUC) {
                ObjectNode p = o.putObject(v.key().key());
                p.put(Field.MAX_FPR.key(), v.key().maxFpr());
                Json.number(p, Field.STANDARDIZED.key(), v.value());
            } else {
                value(o, v);
            }
            if (bootstrap && i == lastInterval) {
                bootstrap(o, s);
            }
        }
        if (bootstrap && lastInterval < 0) {
            bootstrap(o, s);
        }
        if (s.task() == EvaluationSummary.Task.MULTICLASS) {
            MulticlassConfusionMatrix cm = s.confusionMatrix().orElseThrow();
            if (cm.classCount() <= DENSE_CONFUSION_MAX_CLASSES) {
                o.set(Field.CONFUSION_MATRIX.key(), matrix(cm));
            } else {
                o.set(Field.CONFUSION_MATRIX_NONZERO.key(), nonZero(cm));
            }
        }
        if (s.task() != EvaluationSummary.Task.BINARY) {
            boolean classes = s.task() == EvaluationSummary.Task.MULTICLASS;
            ArrayNode per = o.putArray((classes ? Field.PER_CLASS : Field.PER_LABEL).key());
            for (ClassRow row : s.perClass()) {
                ObjectNode r = per.addObject();
                r.put((classes ? Field.CLASS : Field.LABEL).key(), row.name());
                Json.count(r, Field.SUPPORT.key(), row.support());
                row.values().forEach(v -> value(r, v));
            }
        }
        ArrayNode warnings = o.putArray(Field.WARNINGS.key());
        strings(warnings, s.warnings());
        s.confusionMatrix().filter(cm -> cm.classCount() > DENSE_CONFUSION_MAX_CLASSES).ifPresent(cm ->
                warnings.add(String.format(java.util.Locale.ROOT, "the confusion matrix of %,d classes is written as "
                        + "confusion_matrix_nonzero, its %,d non-zero cells as [true class index, predicted class "
                        + "index, count] (whole, it would have %,d cells)", cm.classCount(), cm.nonZeroCells(),
                        (long) cm.classCount() * cm.classCount())));
        return o;
    }

    /** The summary as pretty-printed JSON text with a final newline. */
    public static String toText(EvaluationSummary s) {
        return Json.toText(of(s));
    }

    /**
     * A binary decision rule alone, with the keys of a binary summary: threshold, confusion {tp,
     * fp, tn, fn}, accuracy, precision, recall, specificity, npv, f1, mcc, balanced_accuracy,
     * cohen_kappa (values from {@link EvaluationSummary#decisionValues}).
     */
    public static ObjectNode atThreshold(ConfusionMatrix cm, double threshold) {
        ObjectNode o = Json.object();
        Json.number(o, Field.THRESHOLD.key(), threshold);
        o.set(Field.CONFUSION.key(), confusion(cm));
        EvaluationSummary.decisionValues(cm).forEach(v -> value(o, v));
        return o;
    }

    /** {tp, fp, tn, fn}: integers without weights, weighted sums otherwise. */
    public static ObjectNode confusion(ConfusionMatrix cm) {
        ObjectNode c = Json.object();
        Json.count(c, Field.TP.key(), cm.tp());
        Json.count(c, Field.FP.key(), cm.fp());
        Json.count(c, Field.TN.key(), cm.tn());
        Json.count(c, Field.FN.key(), cm.fn());
        return c;
    }

    /** {@code {"method", "level", "lower", "upper"}}. */
    public static ObjectNode interval(ConfidenceInterval ci) {
        ObjectNode o = Json.object();
        o.put(Field.METHOD.key(), ci.method());
        Json.number(o, Field.LEVEL.key(), ci.level());
        Json.number(o, Field.LOWER.key(), ci.lower());
        Json.number(o, Field.UPPER.key(), ci.upper());
        return o;
    }

    private static void value(ObjectNode o, Value v) {
        Json.number(o, v.key().key(), v.value());
        v.interval().ifPresent(ci -> o.set(Field.ci(v.key()), interval(ci)));
        v.variance().ifPresent(var -> Json.number(o, Field.variance(v.key()), var));
    }

    private static void bootstrap(ObjectNode o, EvaluationSummary s) {
        EvaluationSummary.Intervals in = s.intervals().orElseThrow();
        ObjectNode b = o.putObject(Field.BOOTSTRAP.key());
        b.put(Field.REPLICATES.key(), in.replicates());
        b.put(Field.SEED.key(), in.seed());
    }

    static ArrayNode matrix(MulticlassConfusionMatrix cm) {
        ArrayNode matrix = Json.array();
        for (int t = 0; t < cm.classCount(); t++) {
            ArrayNode row = matrix.addArray();
            for (int p = 0; p < cm.classCount(); p++) {
                Json.count(row, cm.count(t, p));
            }
        }
        return matrix;
    }

    private static ArrayNode nonZero(MulticlassConfusionMatrix cm) {
        ArrayNode cells = Json.array();
        for (int i = 0; i < cm.nonZeroCells(); i++) {
            ArrayNode cell = cells.addArray();
            cell.add(cm.nonZeroActual(i));
            cell.add(cm.nonZeroPredicted(i));
            Json.count(cell, cm.nonZeroCount(i));
        }
        return cells;
    }

    private static void strings(ArrayNode a, List<String> values) {
        values.forEach(a::add);
    }
}

package org.discern.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.discern.metrics.MulticlassConfusionMatrix;
import org.discern.metrics.MulticlassEvaluation;

/**
 * The JSON object of {@code discern evaluate --format json} for a multi-class task. Keys, in
 * order: task ("multiclass"), n, classes, roc_auc_ovr_macro, roc_auc_ovr_weighted,
 * roc_auc_ovr_micro, roc_auc_ovo_macro, roc_auc_ovo_weighted, average_precision_macro,
 * average_precision_weighted, average_precision_micro, accuracy, balanced_accuracy, cohen_kappa,
 * mcc, log_loss, top_K_accuracy for each requested K, precision_macro, recall_macro, f1_macro,
 * precision_weighted, recall_weighted, f1_weighted, precision_micro, recall_micro, f1_micro,
 * confusion_matrix (rows = true class, columns = predicted class, in {@code classes} order; for
 * more than {@value #DENSE_CONFUSION_MAX_CLASSES} classes instead confusion_matrix_nonzero, the
 * non-zero cells as [true class index, predicted class index, count] in row-major order, with a
 * warning saying so: 16,000 classes would otherwise write 256 million cells), per_class (objects with class, support, precision, recall, f1, roc_auc, average_precision),
 * warnings. Undefined values (NaN) are null; counts that are whole numbers are integers.
 */
public final class MulticlassJson {
    /** Up to this many classes the confusion matrix is written whole (K x K), else its non-zero cells. */
    public static final int DENSE_CONFUSION_MAX_CLASSES = 1000;

    private MulticlassJson() {
    }

    /**
     * Builds the object.
     *
     * @param ev the evaluation
     * @param topK the K of each {@code top_K_accuracy} key, in output order (each &gt;= 1)
     */
    public static ObjectNode of(MulticlassEvaluation ev, int[] topK) {
        ObjectNode o = Json.object();
        o.put("task", "multiclass");
        o.put("n", ev.rows());
        ArrayNode classes = o.putArray("classes");
        ev.classes().forEach(classes::add);
        Json.number(o, "roc_auc_ovr_macro", ev.rocAucOvrMacro());
        Json.number(o, "roc_auc_ovr_weighted", ev.rocAucOvrWeighted());
        Json.number(o, "roc_auc_ovr_micro", ev.rocAucOvrMicro());
        Json.number(o, "roc_auc_ovo_macro", ev.rocAucOvoMacro());
        Json.number(o, "roc_auc_ovo_weighted", ev.rocAucOvoWeighted());
        Json.number(o, "average_precision_macro", ev.averagePrecisionMacro());
        Json.number(o, "average_precision_weighted", ev.averagePrecisionWeighted());
        Json.number(o, "average_precision_micro", ev.averagePrecisionMicro());
        Json.number(o, "accuracy", ev.accuracy());
        Json.number(o, "balanced_accuracy", ev.balancedAccuracy());
        Json.number(o, "cohen_kappa", ev.cohenKappa());
        Json.number(o, "mcc", ev.mcc());
        Json.number(o, "log_loss", ev.logLoss());
        for (int k : topK) {
            Json.number(o, "top_" + k + "_accuracy", ev.topKAccuracy(k));
        }
        MulticlassConfusionMatrix cm = ev.confusionMatrix();
        Json.number(o, "precision_macro", cm.precisionMacro());
        Json.number(o, "recall_macro", cm.recallMacro());
        Json.number(o, "f1_macro", cm.f1Macro());
        Json.number(o, "precision_weighted", cm.precisionWeighted());
        Json.number(o, "recall_weighted", cm.recallWeighted());
        Json.number(o, "f1_weighted", cm.f1Weighted());
        Json.number(o, "precision_micro", cm.precisionMicro());
        Json.number(o, "recall_micro", cm.recallMicro());
        Json.number(o, "f1_micro", cm.f1Micro());
        int k = ev.classCount();
        if (k <= DENSE_CONFUSION_MAX_CLASSES) {
            ArrayNode matrix = o.putArray("confusion_matrix");
            for (int t = 0; t < k; t++) {
                ArrayNode row = matrix.addArray();
                for (int p = 0; p < k; p++) {
                    count(row, cm.count(t, p));
                }
            }
        } else {
            ArrayNode cells = o.putArray("confusion_matrix_nonzero");
            for (int i = 0; i < cm.nonZeroCells(); i++) {
                ArrayNode cell = cells.addArray();
                cell.add(cm.nonZeroActual(i));
                cell.add(cm.nonZeroPredicted(i));
                count(cell, cm.nonZeroCount(i));
            }
        }
        ArrayNode per = o.putArray("per_class");
        for (int c = 0; c < ev.classCount(); c++) {
            ObjectNode pc = per.addObject();
            pc.put("class", ev.classes().get(c));
            Json.count(pc, "support", ev.support(c));
            Json.number(pc, "precision", cm.precision(c));
            Json.number(pc, "recall", cm.recall(c));
            Json.number(pc, "f1", cm.f1(c));
            Json.number(pc, "roc_auc", ev.rocAuc(c));
            Json.number(pc, "average_precision", ev.averagePrecision(c));
        }
        ArrayNode w = o.putArray("warnings");
        ev.warnings().forEach(w::add);
        if (k > DENSE_CONFUSION_MAX_CLASSES) {
            w.add(String.format(java.util.Locale.ROOT, "the confusion matrix of %,d classes is written as "
                    + "confusion_matrix_nonzero, its %,d non-zero cells as [true class index, predicted class index, "
                    + "count] (whole, it would have %,d cells)", k, cm.nonZeroCells(), (long) k * k));
        }
        return o;
    }

    /** Adds a count: an integer when it is a whole number (unweighted), else a double. */
    static void count(ArrayNode array, double value) {
        if (Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 1e15) {
            array.add((long) value);
        } else {
            Json.add(array, value);
        }
    }
}

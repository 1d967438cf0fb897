package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The registry of output keys: {@link Metric}, {@link Average}, {@link MetricKey} and {@link Field}. */
class MetricRegistryTest {

    @Test
    void keysAreComposedFromTheMetricAndItsAveraging() {
        assertEquals("roc_auc", MetricKey.of(Metric.ROC_AUC).key());
        assertEquals("roc_auc_ovr_macro", MetricKey.of(Metric.ROC_AUC, Average.OVR_MACRO).key());
        assertEquals("roc_auc_ovr_micro", MetricKey.of(Metric.ROC_AUC, Average.OVR_MICRO).key());
        assertEquals("roc_auc_ovo_weighted", MetricKey.of(Metric.ROC_AUC, Average.OVO_WEIGHTED).key());
        assertEquals("roc_auc_samples", MetricKey.of(Metric.ROC_AUC, Average.SAMPLES).key());
        assertEquals("average_precision_macro", MetricKey.of(Metric.AVERAGE_PRECISION, Average.MACRO).key());
        assertEquals("precision_micro", MetricKey.of(Metric.PRECISION, Average.MICRO).key());
        assertEquals("f1_weighted", MetricKey.of(Metric.F1, Average.WEIGHTED).key());
        assertEquals("top_3_accuracy", MetricKey.topKAccuracy(3).key());
        assertEquals("top_12_accuracy", MetricKey.topKAccuracy(12).key());
        assertEquals("partial_roc_auc", MetricKey.partialRocAuc(0.1).key());
        // Discern's contract keeps its own short names
        assertEquals("mcc", MetricKey.of(Metric.MCC).key());
        assertEquals("brier", MetricKey.of(Metric.BRIER).key());
        assertEquals("ks", MetricKey.of(Metric.KS).key());
        assertEquals("cohen_kappa", MetricKey.of(Metric.COHEN_KAPPA).key());
        assertEquals("balanced_accuracy", MetricKey.of(Metric.BALANCED_ACCURACY).key());
    }

    @Test
    void labelsNameTheAveragingAndTheParameter() {
        assertEquals("ROC AUC (one-vs-rest, macro)", MetricKey.of(Metric.ROC_AUC, Average.OVR_MACRO).label());
        assertEquals("ROC AUC (one-vs-one, macro, Hand & Till)", MetricKey.of(Metric.ROC_AUC, Average.OVO_MACRO).label());
        assertEquals("average precision (micro)", MetricKey.of(Metric.AVERAGE_PRECISION, Average.MICRO).label());
        assertEquals("Brier score", MetricKey.of(Metric.BRIER).label());
        assertEquals("top-3 accuracy", MetricKey.topKAccuracy(3).label());
        assertEquals("partial ROC AUC (FPR <= 0.1, McClish)", MetricKey.partialRocAuc(0.1).label());
        assertTrue(MetricKey.of(Metric.ROC_AUC).higherIsBetter());
        assertFalse(MetricKey.of(Metric.LOG_LOSS).higherIsBetter());
        assertEquals(Metric.Better.LOWER, Metric.BRIER.better());
        assertEquals(Metric.Kind.CORRELATION, MetricKey.of(Metric.MCC).kind());
        assertTrue(Metric.F1.decision());
        assertFalse(Metric.ROC_AUC.decision());
    }

    @Test
    void everyKeyParsesBackToItsMetricAndAveraging() {
        Set<String> seen = new HashSet<>();
        for (Metric m : Metric.values()) {
            if (m == Metric.TOP_K_ACCURACY) {
                continue;
            }
            List<MetricKey> keys = new java.util.ArrayList<>(List.of(MetricKey.of(m)));
            for (Average a : Average.values()) {
                keys.add(MetricKey.of(m, a));
            }
            for (MetricKey k : keys) {
                assertTrue(seen.add(k.key()), "spelled twice: " + k.key());
                assertEquals(Optional.of(k), MetricKey.parse(k.key()), k.key());
                assertTrue(Field.isKey(k.key()) && Field.isKey(Field.ci(k)) && Field.isKey(Field.variance(k)), k.key());
            }
        }
        assertEquals(Optional.of(MetricKey.topKAccuracy(5)), MetricKey.parse("top_5_accuracy"));
        for (String notAKey : new String[] {"roc_auc_micro_macro", "brier_score", "top_0_accuracy", "top_k_accuracy",
            "rocauc", "", "roc_auc_"}) {
            assertEquals(Optional.empty(), MetricKey.parse(notAKey), notAKey);
        }
    }

    @Test
    void fieldsAreTheirNamesInLowerCaseAndNeverAMetric() {
        Set<String> keys = new HashSet<>();
        for (Field f : Field.values()) {
            assertEquals(f.name().toLowerCase(java.util.Locale.ROOT), f.key());
            assertTrue(keys.add(f.key()));
            assertEquals(Optional.empty(), MetricKey.parse(f.key()), "field and metric: " + f.key());
            assertEquals(Optional.of(f), Field.of(f.key()));
        }
        assertTrue(Field.isKey("n_positive"));
        assertTrue(Field.isKey("roc_auc_ovo_macro_ci"));
        assertFalse(Field.isKey("brier_score"));
        assertFalse(Field.isKey("task_ci"));
        assertTrue(Field.isKey("roc_auc_pooled"));
        assertTrue(Field.isKey("roc_auc_ovr_macro_mean_of_folds"));
        assertEquals("roc_auc_ovr_macro_pooled", Field.pooled(MetricKey.of(Metric.ROC_AUC, Average.OVR_MACRO)));
        assertEquals("roc_auc_mean_of_folds", Field.meanOfFolds(MetricKey.of(Metric.ROC_AUC)));
        assertFalse(Field.isKey("slice_pooled"));
        assertFalse(Field.isKey(null));
    }

    @Test
    void badKeysFailFast() {
        assertEquals("k must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> MetricKey.topKAccuracy(0)).getMessage());
        assertEquals("maxFpr must be in (0, 1], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> MetricKey.partialRocAuc(1.5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> MetricKey.of(Metric.TOP_K_ACCURACY));
        assertThrows(IllegalStateException.class, () -> MetricKey.of(Metric.ROC_AUC).k());
    }
}

package org.discern.metrics;

import static org.discern.metrics.Fixtures.doubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The mergeable multi-class summary against the single-pass evaluation and by hand. */
class MulticlassCountsTest {

    /** A fixture as (labels, row-major scores, classes, weights). */
    record Data(int[] labels, double[] scores, List<String> classes, double[] weights) {
        static Data of(String name) {
            JsonNode in = Fixtures.json(name).get("input");
            List<String> classes = Fixtures.strings(in.get("classes"));
            double[][] m = Fixtures.matrix(in.get("scores"));
            int k = classes.size();
            double[] flat = new double[m.length * k];
            for (int i = 0; i < m.length; i++) {
                System.arraycopy(m[i], 0, flat, i * k, k);
            }
            double[] w = in.get("weights").isNull() ? null : doubles(in.get("weights"));
            return new Data(Fixtures.ints(in.get("labels")), flat, classes, w);
        }

        MulticlassCounts part(int from, int to) {
            int k = classes.size();
            return MulticlassCounts.of(Arrays.copyOfRange(labels, from, to), Arrays.copyOfRange(scores, from * k, to * k),
                    classes, weights == null ? null : Arrays.copyOfRange(weights, from, to));
        }
    }

    @ParameterizedTest
    @MethodSource("org.discern.metrics.Fixtures#multiclassNames")
    void mergedBatchesEqualTheSinglePass(String name) {
        Data d = Data.of(name);
        MulticlassEvaluation single = MulticlassEvaluation.of(d.labels(), d.scores(), d.classes(), d.weights());
        int n = d.labels().length;
        List<MulticlassCounts> parts = new ArrayList<>();
        for (int from = 0; from < n; from += 11) {
            parts.add(d.part(from, Math.min(n, from + 11)));
        }
        double rel = d.weights() == null ? 0 : 1e-12;
        SameEvaluation.multiclass(single, MulticlassCounts.mergeAll(parts).toEvaluation(), rel, name + " in order");
        Collections.reverse(parts);
        SameEvaluation.multiclass(single, MulticlassCounts.mergeAll(parts).toEvaluation(), rel, name + " reversed");
        // and the golden values
        JsonNode ex = Fixtures.json(name).get("expected");
        MulticlassEvaluation merged = MulticlassCounts.mergeAll(parts).toEvaluation();
        Approx.assertClose(ex.get("roc_auc_ovr_macro").asDouble(), merged.rocAucOvrMacro(), name + " ovr macro");
        if (ex.has("roc_auc_ovo_macro")) {
            Approx.assertClose(ex.get("roc_auc_ovo_macro").asDouble(), merged.rocAucOvoMacro(), name + " ovo macro");
        }
    }

    /**
     * Hand-derived column: scores of column 0 for samples (class, score): (0, .9) (1, .9) (2, .9)
     * (0, .5) (1, .2). Entries: (.9, 0) (.9, 1) (.9, 2) (.5, 0) (.2, 1). One-vs-one sums of class 0:
     * class 1 at .9 ties one class-0 sample (1/2), at .2 is below two (2): 2.5; class 2 at .9: 1/2.
     */
    @Test
    void oneColumnByHand() {
        ClassScoreCounts c = ClassScoreCounts.of(new double[] {0.9, 0.9, 0.9, 0.5, 0.2}, new int[] {0, 1, 2, 0, 1}, 3,
                null);
        assertEquals(5, c.size());
        assertArrayEquals(new int[] {0, 1, 2, 0, 1}, new int[] {c.classOf(0), c.classOf(1), c.classOf(2), c.classOf(3),
            c.classOf(4)});
        assertArrayEquals(new double[] {0, 2.5, 0.5}, c.oneVsOneSums(0, 0));
        ScoreCounts ovr = c.oneVsRest(0);
        assertArrayEquals(new double[] {0.9, 0.5, 0.2}, ovr.scores());
        assertArrayEquals(new double[] {1, 1, 0}, ovr.positiveWeights());
        assertArrayEquals(new double[] {2, 0, 1}, ovr.negativeWeights());
        assertArrayEquals(new double[] {2, 2, 1}, c.classWeights());
        // split, then the run sums with the class-0 weight above each run
        ClassScoreCounts[] parts = c.split(new double[] {0.5});
        double[] top = parts[0].oneVsOneSums(0, 0);
        double[] bottom = parts[1].oneVsOneSums(0, 2);
        assertArrayEquals(new double[] {0, 2.5, 0.5}, new double[] {top[0] + bottom[0], top[1] + bottom[1],
            top[2] + bottom[2]});
        assertEquals(c, parts[1].merge(parts[0]));
    }

    @Test
    void logLossWarningNamesTheRowInMergeOrder() {
        List<String> cls = List.of("a", "b");
        MulticlassCounts first = MulticlassCounts.of(new int[] {0, 1}, new double[] {0.5, 0.5, 0.2, 0.8}, cls, null);
        MulticlassCounts second = MulticlassCounts.of(new int[] {1, 0}, new double[] {0.5, 0.5, 0.7, 0.7}, cls, null);
        MulticlassEvaluation single = MulticlassEvaluation.of(new int[] {0, 1, 1, 0},
                new double[] {0.5, 0.5, 0.2, 0.8, 0.5, 0.5, 0.7, 0.7}, cls, null);
        MulticlassEvaluation merged = first.merge(second).toEvaluation();
        assertEquals(single.warnings(), merged.warnings());
        assertEquals(true, merged.warnings().get(merged.warnings().size() - 1).contains("row 3 sums to 1.4"));
    }

    @Test
    void rowsOfWeightZeroAreNoRows() {
        // class c's only sample has weight 0: c is absent (one-vs-one over a and b only), as in the single pass
        List<String> cls = List.of("a", "b", "c");
        int[] y = {0, 1, 2, 1, 0};
        double[] s = {0.6, 0.3, 0.1, 0.2, 0.5, 0.3, 0.1, 0.1, 0.8, 0.3, 0.4, 0.3, 0.4, 0.4, 0.2};
        double[] w = {1, 2, 0, 0, 1};
        MulticlassEvaluation single = MulticlassEvaluation.of(y, s, cls, w);
        MulticlassCounts whole = MulticlassCounts.of(y, s, cls, w);
        assertEquals(3, whole.rows());
        assertEquals(2, whole.zeroWeightRows());
        SameEvaluation.multiclass(single, whole.toEvaluation(), 0, "zero weight");
        assertEquals("2 rows have weight 0 and are left out everywhere (a sample of weight 0 is the same as no sample)",
                whole.toEvaluation().warnings().get(0));
        // a part of weight-0 rows only has no summary: a reader that skips them counts them
        MulticlassCounts first = MulticlassCounts.of(Arrays.copyOfRange(y, 0, 2), Arrays.copyOfRange(s, 0, 6), cls,
                Arrays.copyOfRange(w, 0, 2));
        MulticlassCounts last = MulticlassCounts.of(Arrays.copyOfRange(y, 4, 5), Arrays.copyOfRange(s, 12, 15), cls,
                Arrays.copyOfRange(w, 4, 5));
        assertThrows(IllegalArgumentException.class, () -> MulticlassCounts.of(Arrays.copyOfRange(y, 2, 4),
                Arrays.copyOfRange(s, 6, 12), cls, Arrays.copyOfRange(w, 2, 4)));
        SameEvaluation.multiclass(single, first.merge(last).plusZeroWeightRows(2).toEvaluation(), 0, "parts");
        // argmax (first maximum): both a rows -> a; the b row of weight 2 -> b; the weight-0 rows count nowhere
        assertArrayEquals(new double[] {2, 0, 0}, whole.confusion()[0]);
        assertArrayEquals(new double[] {0, 2, 0}, whole.confusion()[1]);
        assertArrayEquals(new double[] {0, 0, 0}, whole.confusion()[2]);
    }

    @Test
    void otherClassesDoNotMerge() {
        MulticlassCounts a = MulticlassCounts.of(new int[] {0}, new double[] {0.5, 0.5}, List.of("a", "b"), null);
        MulticlassCounts b = MulticlassCounts.of(new int[] {0}, new double[] {0.5, 0.5}, List.of("a", "c"), null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.merge(b));
        assertEquals("summaries of other classes cannot be merged: [a, b] and [a, c]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ClassScoreCounts.of(new double[] {0.5}, new int[] {3}, 3, null));
        assertEquals("labels[0] must be in [0, 3), got 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ClassScoreCounts.fromEntries(3, new double[] {0.5, 0.5},
                new int[] {1, 1}, new double[] {1, 1}, null));
        assertEquals("entries must be ordered by score descending, then class ascending; entry 1 (0.5, 1) follows "
                + "(0.5, 1)", e.getMessage());
    }
}

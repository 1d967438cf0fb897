package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Issue 11's "merged partial results = the whole", over the mergeable summary: every row goes to
 * a random part (parts interleave in score, may be empty or hold weight-0 rows only), each part
 * is summarised ({@link ScoreCounts}), the summaries are merged in a random order, and the merged
 * table, every number and curve and DeLong's variance equal those of the whole sample. (Contiguous
 * splits and the multi-class summary: {@link MergeableSummaryProperties}.)
 */
class MergeProperties {

    @Provide
    Arbitrary<BinaryProperties.Sample> binary() {
        return new BinaryProperties().samples();
    }

    @Property(seed = "21")
    void mergedPartsEqualTheWhole(@ForAll("binary") BinaryProperties.Sample x,
            @ForAll @IntRange(min = 1, max = 6) int parts, @ForAll long seed, @ForAll boolean weighted) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = x.n();
        int[] part = new int[n];
        for (int i = 0; i < n; i++) {
            part[i] = rnd.nextInt(parts);
        }
        double[] w = weighted ? x.weights() : null;
        boolean anyWeight = false;
        for (int i = 0; i < n; i++) {
            anyWeight |= w == null || w[i] > 0;
        }
        if (!anyWeight) {
            return; // every weight 0: refused alike (MergeableSummaryProperties)
        }
        List<ScoreCounts> summaries = new ArrayList<>();
        long zeroOnly = 0;
        for (int p = 0; p < parts; p++) {
            List<Integer> rows = new ArrayList<>();
            boolean positiveWeight = false;
            for (int i = 0; i < n; i++) {
                if (part[i] == p) {
                    rows.add(i);
                    positiveWeight |= w == null || w[i] > 0;
                }
            }
            if (rows.isEmpty()) {
                continue; // an empty part adds nothing
            }
            if (!positiveWeight) {
                zeroOnly += rows.size(); // weight-0 rows only: no summary, only their number
                continue;
            }
            double[] s = rows.stream().mapToDouble(i -> x.scores()[i]).toArray();
            boolean[] y = new boolean[rows.size()];
            double[] pw = w == null ? null : rows.stream().mapToDouble(i -> w[i]).toArray();
            for (int k = 0; k < y.length; k++) {
                y[k] = x.labels()[rows.get(k)];
            }
            summaries.add(ScoreCounts.of(s, y, pw));
        }
        Collections.shuffle(summaries, new Random(seed));
        ScoreCounts merged = null;
        for (ScoreCounts c : summaries) {
            merged = merged == null ? c : c.merge(merged);
        }
        merged = merged.plusZeroWeightRows(zeroOnly);
        BinaryEvaluation whole = BinaryEvaluation.of(x.scores(), x.labels(), w);
        OperatingPoints a = whole.operatingPoints();
        OperatingPoints b = merged.toOperatingPoints();
        // integer weights: every sum is exact, so the tables are equal bit for bit
        assertArrayEquals(a.thresholds(), b.thresholds());
        assertArrayEquals(a.truePositives(), b.truePositives());
        assertArrayEquals(a.falsePositives(), b.falsePositives());
        assertEquals(a.rows(), b.rows());
        assertEquals(a.positiveRows(), b.positiveRows());
        Same.binary(whole, merged.toEvaluation(), "merged " + parts + " parts");
        assertEquals(whole.warnings(), merged.toEvaluation().warnings());
        assertEquals(DeLong.auc(a), DeLong.auc(b));
    }
}

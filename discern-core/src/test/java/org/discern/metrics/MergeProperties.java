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
 * splits: {@link MergeableSummaryProperties}.) The multi-class summaries ({@link MulticlassCounts} and
 * its columns, {@link ClassScoreCounts}) get the same treatment in
 * {@link #mergedMulticlassPartsEqualTheWhole}.
 */
class MergeProperties {

    @Provide
    Arbitrary<BinaryProperties.Sample> binary() {
        return new BinaryProperties().samples();
    }

    @Provide
    Arbitrary<MulticlassProperties.Sample> multiclass() {
        return new MulticlassProperties().samples();
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

    /**
     * Rows dealt to random parts (interleaved in every column's scores; a part may be empty or hold
     * weight-0 rows only), each part summarised as a {@link MulticlassCounts}, merged in a random
     * order: every column equals the {@link ClassScoreCounts} of the whole column (and the merge of
     * the parts' own column summaries) bit for bit, each column's one-vs-rest summary equals the
     * binary {@link ScoreCounts} of that column and its operating points those of the binary
     * evaluation, and the evaluation equals the whole's.
     */
    @Property(seed = "22")
    void mergedMulticlassPartsEqualTheWhole(@ForAll("multiclass") MulticlassProperties.Sample x,
            @ForAll @IntRange(min = 1, max = 6) int parts, @ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = x.labels().length;
        int k = x.k();
        double[] w = x.weights();
        int[] part = new int[n];
        for (int i = 0; i < n; i++) {
            part[i] = rnd.nextInt(parts);
        }
        List<MulticlassCounts> summaries = new ArrayList<>();
        List<ClassScoreCounts[]> columns = new ArrayList<>();
        long zeroOnly = 0;
        for (int p = 0; p < parts; p++) {
            final int q = p;
            int[] rows = java.util.stream.IntStream.range(0, n).filter(i -> part[i] == q).toArray();
            if (rows.length == 0) {
                continue;
            }
            if (w != null && java.util.Arrays.stream(rows).allMatch(i -> w[i] == 0)) {
                zeroOnly += rows.length; // weight-0 rows only: no summary, only their number
                continue;
            }
            int[] y = java.util.Arrays.stream(rows).map(i -> x.labels()[i]).toArray();
            double[] pw = w == null ? null : java.util.Arrays.stream(rows).mapToDouble(i -> w[i]).toArray();
            double[] flat = new double[rows.length * k];
            ClassScoreCounts[] own = new ClassScoreCounts[k];
            for (int c = 0; c < k; c++) {
                double[] col = new double[rows.length];
                for (int r = 0; r < rows.length; r++) {
                    col[r] = x.scores()[rows[r]][c];
                    flat[r * k + c] = col[r];
                }
                own[c] = ClassScoreCounts.of(col, y, k, pw);
            }
            summaries.add(MulticlassCounts.of(y, flat, x.names(), pw));
            columns.add(own);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < summaries.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        MulticlassCounts merged = null;
        ClassScoreCounts[] mergedColumns = new ClassScoreCounts[k];
        for (int i : order) {
            merged = merged == null ? summaries.get(i) : summaries.get(i).merge(merged);
            for (int c = 0; c < k; c++) {
                ClassScoreCounts own = columns.get(i)[c];
                mergedColumns[c] = mergedColumns[c] == null ? own : mergedColumns[c].merge(own);
            }
        }
        merged = merged.plusZeroWeightRows(zeroOnly);
        long zero = w == null ? 0 : java.util.Arrays.stream(w).filter(v -> v == 0).count();
        assertEquals(n - zero, merged.rows(), "rows of positive weight");
        assertEquals(zero, merged.zeroWeightRows(), "rows of weight 0");
        for (int c = 0; c < k; c++) {
            double[] col = new double[n];
            boolean[] isC = new boolean[n];
            for (int i = 0; i < n; i++) {
                col[i] = x.scores()[i][c];
                isC[i] = x.labels()[i] == c;
            }
            ClassScoreCounts whole = ClassScoreCounts.of(col, x.labels(), k, w);
            assertEquals(whole, merged.column(c), "column " + c);
            assertEquals(whole, mergedColumns[c], "merged column summaries " + c);
            ScoreCounts ovr = merged.column(c).oneVsRest(c);
            // a column summary keeps no count of weight-0 rows (its MulticlassCounts does)
            assertEquals(ScoreCounts.of(col, isC, w), ovr.plusZeroWeightRows(zero), "one-vs-rest of column " + c);
            OperatingPoints a = BinaryEvaluation.of(col, isC, w).operatingPoints();
            OperatingPoints b = ovr.toOperatingPoints();
            assertArrayEquals(a.thresholds(), b.thresholds(), "thresholds of class " + c);
            assertArrayEquals(a.truePositives(), b.truePositives(), "tp of class " + c);
            assertArrayEquals(a.falsePositives(), b.falsePositives(), "fp of class " + c);
        }
        MulticlassEvaluation single = MulticlassEvaluation.of(x.labels(), x.scores(), x.names(), w);
        MulticlassEvaluation any = merged.toEvaluation();
        SameEvaluation.multiclassNumbers(single, any, w == null ? 0 : 1e-12, "merged " + parts + " parts");
        // the log-loss warning names the first bad row of a part, not of the whole: compare without it
        assertEquals(withoutRowNumbers(single.warnings()), withoutRowNumbers(any.warnings()), "warnings");
    }

    private static List<String> withoutRowNumbers(List<String> warnings) {
        List<String> out = new ArrayList<>();
        for (String s : warnings) {
            out.add(s.replaceAll("row \\d+ sums to \\S+", "row _ sums to _"));
        }
        return out;
    }
}

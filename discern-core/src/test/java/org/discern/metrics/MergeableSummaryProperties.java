package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Seeded properties of the mergeable summaries: split a sample at random points, summarise the
 * parts, merge them in a random order, and get the single-pass evaluation (exactly without
 * weights, to 1e-12 with weights); sums over random runs of the table; the histogram's bounds.
 */
class MergeableSummaryProperties {

    /** A binary sample on a coarse grid (many ties), optional weights, cut points and a merge order. */
    record Split(double[] scores, boolean[] labels, double[] weights, int[] cuts, long orderSeed) {
        List<int[]> ranges() {
            List<int[]> out = new ArrayList<>();
            int from = 0;
            for (int c : cuts) {
                if (c > from && c < scores.length) {
                    out.add(new int[] {from, c});
                    from = c;
                }
            }
            out.add(new int[] {from, scores.length});
            return out;
        }

        /** Whether every weight is 0 (nothing to evaluate: refused). */
        boolean allZero() {
            return weights != null && Arrays.stream(weights).allMatch(w -> w == 0);
        }

        /** Rows of the parts whose weights are all 0: such a part has no summary, only its count. */
        long zeroOnlyRows() {
            long z = 0;
            for (int[] r : ranges()) {
                if (weights != null && Arrays.stream(weights, r[0], r[1]).allMatch(w -> w == 0)) {
                    z += r[1] - r[0];
                }
            }
            return z;
        }

        /** The summaries of the parts with a row of positive weight, in a random order. */
        List<ScoreCounts> parts() {
            List<ScoreCounts> out = new ArrayList<>();
            for (int[] r : ranges()) {
                if (weights != null && Arrays.stream(weights, r[0], r[1]).allMatch(w -> w == 0)) {
                    continue;
                }
                out.add(ScoreCounts.of(Arrays.copyOfRange(scores, r[0], r[1]), Arrays.copyOfRange(labels, r[0], r[1]),
                        weights == null ? null : Arrays.copyOfRange(weights, r[0], r[1])));
            }
            java.util.Collections.shuffle(out, new java.util.Random(orderSeed));
            return out;
        }
    }

    @Provide
    Arbitrary<Split> splits() {
        return Combinators.combine(Arbitraries.integers().between(1, 80), Arbitraries.of(true, false),
                Arbitraries.of(4, 16, 1000)).flatAs((n, weighted, grid) -> Combinators.combine(
                        Arbitraries.integers().between(-grid, grid).array(int[].class).ofSize(n),
                        Arbitraries.of(true, false).array(boolean[].class).ofSize(n),
                        // about one weight in five is 0 (a row of weight 0 is no row)
                        Arbitraries.integers().between(-8, 30).map(v -> Math.max(0, v)).array(int[].class).ofSize(n),
                        Arbitraries.integers().between(0, n).array(int[].class).ofMinSize(0).ofMaxSize(6),
                        Arbitraries.longs())
                .as((s, y, w, cuts, seed) -> {
                    int[] sorted = cuts.clone();
                    Arrays.sort(sorted);
                    double[] scores = Arrays.stream(s).mapToDouble(v -> v / (double) grid).toArray();
                    // eighths: every sum of weights is exact, so any grouping gives the same table
                    // (with weights like 0.1 the cumulative counts of merged parts differ from a
                    // single pass in the last bit, and ties in the ROC curve's collinearity or
                    // the KS maximum can then fall either way)
                    double[] weights = weighted ? Arrays.stream(w).mapToDouble(v -> v / 8.0).toArray() : null;
                    return new Split(scores, y, weights, sorted, seed);
                }));
    }

    @Property(seed = "1301")
    void mergedPartsInAnyOrderGiveTheSinglePass(@ForAll("splits") Split x) {
        if (x.allZero()) {
            String refused = assertThrows(IllegalArgumentException.class,
                    () -> BinaryEvaluation.of(x.scores(), x.labels(), x.weights())).getMessage();
            assertEquals(refused, assertThrows(IllegalArgumentException.class,
                    () -> ScoreCounts.of(x.scores(), x.labels(), x.weights())).getMessage());
            return;
        }
        BinaryEvaluation single = BinaryEvaluation.of(x.scores(), x.labels(), x.weights());
        ScoreCounts merged = null;
        for (ScoreCounts part : x.parts()) {
            merged = merged == null ? part : merged.merge(part);
        }
        merged = merged.plusZeroWeightRows(x.zeroOnlyRows());
        // weight 0 = no row, curves included: the same table as without those rows
        assertEquals(ScoreCounts.of(x.scores(), x.labels(), x.weights()), merged);
        SameEvaluation.binary(single, merged.toEvaluation(), x.weights() == null ? 0 : 1e-12, "merged");
        assertEquals(ScoreCounts.of(x.scores(), x.labels(), x.weights()).size(), merged.size());
    }

    @Property(seed = "1302")
    void mergingIsAssociativeAndCommutative(@ForAll("splits") Split x) {
        List<ScoreCounts> p = x.parts();
        if (p.size() < 3) {
            return;
        }
        ScoreCounts a = p.get(0);
        ScoreCounts b = p.get(1);
        ScoreCounts c = p.get(2);
        if (x.weights() == null) {
            assertEquals(a.merge(b).merge(c), a.merge(b.merge(c)));
            assertEquals(a.merge(b), b.merge(a));
        } else {
            // sums of three weights may round differently when grouped differently
            SameEvaluation.binary(a.merge(b).merge(c).toEvaluation(), c.merge(a.merge(b)).toEvaluation(), 1e-12, "w");
        }
    }

    @Property(seed = "1303")
    void sumsOverRandomRunsGiveTheSinglePass(@ForAll("splits") Split x, @ForAll @IntRange(min = 1, max = 9) int run) {
        if (x.allZero()) {
            return; // refused, see mergedPartsInAnyOrderGiveTheSinglePass
        }
        BinaryEvaluation single = BinaryEvaluation.of(x.scores(), x.labels(), x.weights());
        ScoreCounts all = ScoreCounts.of(x.scores(), x.labels(), x.weights());
        for (double maxFpr : new double[] {0.2, 1}) {
            SweepSums s = SweepSumsTest.inRuns(all, run, maxFpr);
            SweepSumsTest.assertSame(single, s, all.zeroWeightRows(), maxFpr, x.weights() == null ? 0 : 1e-12, "runs of " + run);
        }
    }

    @Property(seed = "1304")
    void histogramBoundsHoldTheExactAuc(@ForAll("splits") Split x, @ForAll @IntRange(min = 1, max = 40) int bins) {
        ScoreHistogram h = null;
        for (int[] r : x.ranges()) {
            ScoreHistogram part = ScoreHistogram.of(Arrays.copyOfRange(x.scores(), r[0], r[1]),
                    Arrays.copyOfRange(x.labels(), r[0], r[1]),
                    x.weights() == null ? null : Arrays.copyOfRange(x.weights(), r[0], r[1]), -0.8, 0.9, bins);
            h = h == null ? part : h.merge(part);
        }
        ScoreHistogram whole = ScoreHistogram.of(x.scores(), x.labels(), x.weights(), -0.8, 0.9, bins);
        for (int b = 0; b < bins; b++) {
            Approx.assertClose(whole.positiveWeight(b), h.positiveWeight(b), 1e-12, "pos " + b);
            Approx.assertClose(whole.negativeWeight(b), h.negativeWeight(b), 1e-12, "neg " + b);
        }
        double exact = BinaryProperties.mannWhitney(x.scores(), x.labels(), x.weights());
        ScoreHistogram.AucBounds a = h.rocAuc();
        if (Double.isNaN(exact)) {
            assertTrue(Double.isNaN(a.estimate()) && Double.isNaN(a.lower()) && Double.isNaN(a.upper()));
            return;
        }
        assertTrue(a.lower() <= exact + 1e-12 && exact <= a.upper() + 1e-12,
                () -> "exact " + exact + " outside [" + a.lower() + ", " + a.upper() + "]");
        // width: the weight of (positive, negative) pairs that share a bin, over P * N (brute force)
        double shared = 0;
        double p = 0;
        double n = 0;
        for (int i = 0; i < x.scores().length; i++) {
            double wi = x.weights() == null ? 1 : x.weights()[i];
            if (x.labels()[i]) {
                p += wi;
                for (int j = 0; j < x.scores().length; j++) {
                    if (!x.labels()[j] && h.binOf(x.scores()[i]) == h.binOf(x.scores()[j])) {
                        shared += wi * (x.weights() == null ? 1 : x.weights()[j]);
                    }
                }
            } else {
                n += wi;
            }
        }
        Approx.assertClose(shared / (p * n), a.width(), 1e-12, "width");
        Approx.assertClose((a.lower() + a.upper()) / 2, a.estimate(), 1e-12, "estimate halfway");
    }

    /** With one bin per distinct grid value the bins hold exactly the ties: the estimate is exact. */
    @Property(seed = "1305")
    void histogramAtTheGridResolutionIsExact(@ForAll("splits") Split x) {
        double[] s = x.scores();
        boolean grid = true;
        for (double v : s) {
            grid &= v * 4 == Math.rint(v * 4) && Math.abs(v) <= 1;
        }
        if (!grid) {
            return;
        }
        // bins of width 1/4 centred on the grid values -1, -0.75, ..., 1
        ScoreHistogram h = ScoreHistogram.of(s, x.labels(), x.weights(), -1.125, 1.125, 9);
        double exact = BinaryProperties.mannWhitney(s, x.labels(), x.weights());
        if (!Double.isNaN(exact)) {
            Approx.assertClose(exact, h.rocAuc().estimate(), 1e-12, "estimate");
        }
    }

    /** A multi-class sample split into parts merged in a random order. */
    record MultiSplit(int k, int[] labels, double[] scores, double[] weights, int[] cuts, long seed) {
        List<String> names() {
            List<String> out = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                out.add("c" + c);
            }
            return out;
        }
    }

    @Provide
    Arbitrary<MultiSplit> multiSplits() {
        return Combinators.combine(Arbitraries.integers().between(1, 40), Arbitraries.integers().between(2, 5),
                Arbitraries.of(true, false)).flatAs((n, k, weighted) -> Combinators.combine(
                        Arbitraries.integers().between(0, k - 1).array(int[].class).ofSize(n),
                        Arbitraries.integers().between(0, 6).array(int[].class).ofSize(n * k),
                        Arbitraries.integers().between(-1, 3).map(v -> Math.max(0, v)).array(int[].class).ofSize(n),
                        Arbitraries.integers().between(0, n).array(int[].class).ofMaxSize(5),
                        Arbitraries.longs())
                .as((y, s, w, cuts, seed) -> {
                    int[] sorted = cuts.clone();
                    Arrays.sort(sorted);
                    return new MultiSplit(k, y, Arrays.stream(s).mapToDouble(v -> v / 6.0).toArray(),
                            weighted ? Arrays.stream(w).mapToDouble(v -> v * 0.5).toArray() : null, sorted, seed);
                }));
    }

    @Property(seed = "1306")
    void multiclassPartsInAnyOrderGiveTheSinglePass(@ForAll("multiSplits") MultiSplit x) {
        double[] w = x.weights();
        if (w != null && Arrays.stream(w).allMatch(v -> v == 0)) {
            String refused = assertThrows(IllegalArgumentException.class,
                    () -> MulticlassEvaluation.of(x.labels(), x.scores(), x.names(), w)).getMessage();
            assertEquals(refused, assertThrows(IllegalArgumentException.class,
                    () -> MulticlassCounts.of(x.labels(), x.scores(), x.names(), w)).getMessage());
            return;
        }
        MulticlassEvaluation single = MulticlassEvaluation.of(x.labels(), x.scores(), x.names(), x.weights());
        int n = x.labels().length;
        int k = x.k();
        List<int[]> ranges = new ArrayList<>();
        int from = 0;
        for (int c : x.cuts()) {
            if (c > from && c < n) {
                ranges.add(new int[] {from, c});
                from = c;
            }
        }
        ranges.add(new int[] {from, n});
        List<MulticlassCounts> parts = new ArrayList<>();
        long zeroOnly = 0;
        for (int[] r : ranges) {
            if (w != null && Arrays.stream(w, r[0], r[1]).allMatch(v -> v == 0)) {
                zeroOnly += r[1] - r[0]; // a part of weight-0 rows only has no summary, only its count
                continue;
            }
            parts.add(MulticlassCounts.of(Arrays.copyOfRange(x.labels(), r[0], r[1]),
                    Arrays.copyOfRange(x.scores(), r[0] * k, r[1] * k), x.names(),
                    x.weights() == null ? null : Arrays.copyOfRange(x.weights(), r[0], r[1])));
        }
        // numbers do not depend on the merge order; only the log-loss warning's row number does
        MulticlassEvaluation inOrder = MulticlassCounts.mergeAll(parts).plusZeroWeightRows(zeroOnly).toEvaluation();
        double rel = x.weights() == null ? 0 : 1e-12;
        if (zeroOnly == 0) {
            SameEvaluation.multiclass(single, inOrder, rel, "in order");
        } else {
            // rows are numbered as given, weight 0 or not; the rows of parts of weight 0 only are never
            // merged (plusZeroWeightRows counts them), so they have no place in the merged numbering
            assertEquals(single.warnings().stream().map(warning -> warning.replaceAll("row \\d+", "row N")).toList(),
                    inOrder.warnings().stream().map(warning -> warning.replaceAll("row \\d+", "row N")).toList(),
                    "in order warnings");
            SameEvaluation.multiclassNumbers(single, inOrder, rel, "in order");
        }
        java.util.Collections.shuffle(parts, new java.util.Random(x.seed()));
        MulticlassCounts shuffled = null;
        for (MulticlassCounts p : parts) {
            shuffled = shuffled == null ? p : p.merge(shuffled);
        }
        MulticlassEvaluation any = shuffled.plusZeroWeightRows(zeroOnly).toEvaluation();
        assertEquals(single.warnings().size(), any.warnings().size(), "shuffled warnings");
        SameEvaluation.close(single.rocAucOvrMacro(), any.rocAucOvrMacro(), rel, "shuffled ovr macro");
        SameEvaluation.close(single.rocAucOvoWeighted(), any.rocAucOvoWeighted(), rel, "shuffled ovo weighted");
        SameEvaluation.close(single.averagePrecisionMicro(), any.averagePrecisionMicro(), rel, "shuffled ap micro");
        SameEvaluation.close(single.topKAccuracy(2), any.topKAccuracy(2), rel, "shuffled top 2");
        SameEvaluation.close(single.mcc(), any.mcc(), rel, "shuffled mcc");
    }
}

package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.discern.metrics.internal.Sorting;

/**
 * {@link BinaryScoreBlocks} gives exactly {@code BinaryEvaluation.of(scores, labels)}, through
 * the array table and through the compact one ({@link CompactPoints}, forced on small inputs),
 * and {@link KeyBlocks#sort()} sorts as {@link Arrays#sort(long[])} does.
 */
class BinaryScoreBlocksProperties {

    /** Rows: scores (ties, both zeros, negatives, values above 1), labels, and which code is positive. */
    record Rows(double[] scores, boolean[] labels, int flip) {
    }

    @Provide
    Arbitrary<Rows> rows() {
        Arbitrary<Double> score = BinaryRowArbitraries.score();
        return Arbitraries.integers().between(1, 400).flatMap(n -> Combinators.combine(
                score.array(double[].class).ofSize(n),
                BinaryRowArbitraries.labels(n),
                Arbitraries.integers().between(0, 3))
                .as(Rows::new));
    }

    /**
     * The rows with codes: {@code flip} 0 codes positives 1, 1 codes them 0; 2 and 3 give every
     * row a random code and both codes the same truth (all positive, all negative).
     */
    private static BinaryEvaluation viaBlocks(Rows r, int compactAbove) {
        return viaBlocks(r, compactAbove, -1, false);
    }

    /** The positive codes of {@code r.flip}: {code 0 positive, code 1 positive}. */
    private static boolean[] truth(int flip) {
        return switch (flip) {
            case 0 -> new boolean[] {false, true};
            case 1 -> new boolean[] {true, false};
            case 2 -> new boolean[] {true, true};
            default -> new boolean[] {false, false};
        };
    }

    /**
     * As {@link #viaBlocks(Rows, int)}, the positive codes declared before row {@code declareAt}
     * (not at all when it is negative): the true ones, or (when {@code otherwise}) code 0's
     * truth flipped, which {@code evaluate} must then make up for.
     */
    private static BinaryEvaluation viaBlocks(Rows r, int compactAbove, int declareAt, boolean otherwise) {
        return viaBlocks(r, compactAbove, declareAt, otherwise, 0);
    }

    /**
     * As {@link #viaBlocks(Rows, int, int, boolean)}, told first to expect {@code expect} rows
     * (the array mode up to {@code compactAbove}), when positive.
     */
    private static BinaryEvaluation viaBlocks(Rows r, int compactAbove, int declareAt, boolean otherwise, long expect) {
        BinaryScoreBlocks b = new BinaryScoreBlocks();
        if (expect > 0) {
            b.expect(expect, compactAbove);
        }
        SplittableRandom random = new SplittableRandom(r.scores.length);
        boolean[] t = truth(r.flip);
        for (int i = 0; i <= r.scores.length; i++) {
            if (i == declareAt) {
                b.declare(t[0] ^ otherwise, t[1]);
            }
            if (i == r.scores.length) {
                break;
            }
            int code = switch (r.flip) {
                case 0 -> r.labels[i] ? 1 : 0;
                case 1 -> r.labels[i] ? 0 : 1;
                default -> random.nextInt(2);
            };
            b.add(r.scores[i], code);
        }
        return switch (r.flip) {
            case 0 -> b.evaluate(false, true, compactAbove);
            case 1 -> b.evaluate(true, false, compactAbove);
            case 2 -> b.evaluate(true, true, compactAbove);
            default -> b.evaluate(false, false, compactAbove);
        };
    }

    private static boolean[] labels(Rows r) {
        boolean[] y = r.labels.clone();
        if (r.flip >= 2) {
            Arrays.fill(y, r.flip == 2);
        }
        return y;
    }

    @Property(tries = 300, seed = "20261206")
    void arrayTableIsTheTableOfTheScores(@ForAll("rows") Rows r) {
        BinaryEvaluation expected = BinaryEvaluation.of(r.scores, labels(r));
        BinaryEvaluation actual = viaBlocks(r, Integer.MAX_VALUE);
        SameEvaluation.binary(expected, actual, 0, "array table");
        sameRows(expected.operatingPoints(), actual.operatingPoints());
        assertEquals(expected.logLoss(), actual.logLoss(), 0, "log loss bit for bit");
        assertEquals(expected.brierScore(), actual.brierScore(), 0, "Brier bit for bit");
    }

    @Property(tries = 300, seed = "20261206")
    void compactTableIsTheTableOfTheScores(@ForAll("rows") Rows r) {
        BinaryEvaluation expected = BinaryEvaluation.of(r.scores, labels(r));
        BinaryEvaluation actual = viaBlocks(r, 0);
        SameEvaluation.binary(expected, actual, 0, "compact table");
        sameRows(expected.operatingPoints(), actual.operatingPoints());
        // DeLong reads the table (evaluate --ci delong)
        assertEquals(DeLong.auc(expected.operatingPoints()), DeLong.auc(actual.operatingPoints()), "DeLong");
        assertEquals(expected.logLoss(), actual.logLoss(), 0, "log loss bit for bit");
        assertEquals(expected.brierScore(), actual.brierScore(), 0, "Brier bit for bit");
    }

    @Property(tries = 300, seed = "20261206")
    void declaringThePositiveCodesEarlyChangesNothing(@ForAll("rows") Rows r,
            @ForAll @IntRange(min = 0, max = 400) int at, @ForAll boolean otherwise) {
        int declareAt = Math.min(at, r.scores.length);
        for (int compactAbove : new int[] {Integer.MAX_VALUE, 0}) {
            BinaryEvaluation expected = viaBlocks(r, compactAbove);
            BinaryEvaluation actual = viaBlocks(r, compactAbove, declareAt, otherwise);
            String what = "declared before row " + declareAt + (otherwise ? ", otherwise" : "");
            SameEvaluation.binary(expected, actual, 0, what);
            assertEquals(expected.logLoss(), actual.logLoss(), 0, what + ": log loss bit for bit");
            assertEquals(expected.brierScore(), actual.brierScore(), 0, what + ": Brier bit for bit");
        }
    }

    /**
     * Expecting a number of rows (the array mode: one array in row order, split by class at the
     * end) changes nothing: fewer rows than come (the array grows, or moves into the blocks past
     * the limit), as many, more; declared early or not; the array table and the compact one
     * (a limit below the rows: into the blocks at the end).
     */
    @Property(tries = 300, seed = "20261207")
    void expectingTheRowsChangesNothing(@ForAll("rows") Rows r, @ForAll @IntRange(min = 1, max = 500) int expect,
            @ForAll @IntRange(min = 0, max = 3) int limitKind, @ForAll @IntRange(min = -1, max = 400) int declareAt) {
        int n = r.scores.length;
        // no limit; one below the rows (blocks while adding); the expected rows (blocks at the end
        // when more come); none (the compact table, expect ignored)
        int limit = switch (limitKind) {
            case 0 -> Integer.MAX_VALUE;
            case 1 -> Math.max(1, n / 2);
            case 2 -> expect;
            default -> 0;
        };
        int at = declareAt < 0 ? -1 : Math.min(declareAt, n);
        BinaryEvaluation expected = viaBlocks(r, limit, at, false);
        BinaryEvaluation actual = viaBlocks(r, limit, at, false, expect);
        String what = "expect " + expect + " of " + n + ", limit " + limit + ", declared at " + at;
        SameEvaluation.binary(expected, actual, 0, what);
        sameRows(expected.operatingPoints(), actual.operatingPoints());
        assertEquals(expected.logLoss(), actual.logLoss(), 0, what + ": log loss bit for bit");
        assertEquals(expected.brierScore(), actual.brierScore(), 0, what + ": Brier bit for bit");
        // and the table of the scores themselves
        sameRows(BinaryEvaluation.of(r.scores, labels(r)).operatingPoints(), actual.operatingPoints());
    }

    @Example
    void declaredOnceOnly() {
        BinaryScoreBlocks b = new BinaryScoreBlocks();
        b.add(0.5, 0);
        b.declare(false, true);
        b.declare(false, true); // the same again: nothing happens
        assertThrows(IllegalStateException.class, () -> b.declare(true, false));
        b.add(0.75, 1);
        assertEquals(ProbabilityMetrics.logLoss(new double[] {0.5, 0.75}, new boolean[] {false, true}, null),
                b.evaluate(false, true).logLoss(), 0);
        assertThrows(IllegalStateException.class, () -> b.declare(false, true));
    }

    /** Every accessor, row by row, and the searches. */
    private static void sameRows(OperatingPoints a, OperatingPoints b) {
        assertEquals(a.size(), b.size(), "size");
        assertEquals(a.rows(), b.rows(), "rows");
        assertEquals(a.positiveRows(), b.positiveRows(), "positive rows");
        assertEquals(a.positives(), b.positives(), "P");
        assertEquals(a.negatives(), b.negatives(), "N");
        for (int i = 0; i < a.size(); i++) {
            assertEquals(Double.doubleToRawLongBits(a.threshold(i)), Double.doubleToRawLongBits(b.threshold(i)),
                    "threshold " + i);
            assertEquals(a.truePositives(i), b.truePositives(i), "tp " + i);
            assertEquals(a.falsePositives(i), b.falsePositives(i), "fp " + i);
            assertEquals(a.indexAt(a.threshold(i)), b.indexAt(a.threshold(i)), "indexAt " + i);
        }
        for (double t : new double[] {-0.0, 0.0, 0.25, 0.5, 1, -1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}) {
            assertEquals(a.indexAt(t), b.indexAt(t), "indexAt " + t);
        }
    }

    /** Many rows, ties across words and samples of the select directory, and the merges of block runs. */
    @Example
    void largeInputWithTiesThroughTheCompactTable() {
        int n = 5 * KeyBlocks.BLOCK + 123;
        SplittableRandom random = new SplittableRandom(7);
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            // half distinct, half on a grid: long tie runs and single rows mixed
            s[i] = random.nextBoolean() ? random.nextDouble() : random.nextInt(1000) / 999.0;
            y[i] = random.nextInt(10) < 3;
        }
        BinaryEvaluation expected = BinaryEvaluation.of(s, y);
        BinaryScoreBlocks b = new BinaryScoreBlocks();
        for (int i = 0; i < n; i++) {
            b.add(s[i], y[i] ? 0 : 1);
        }
        BinaryEvaluation actual = b.evaluate(true, false, 0);
        SameEvaluation.binary(expected, actual, 0, "large compact");
        sameRows(expected.operatingPoints(), actual.operatingPoints());
    }

    /**
     * From {@link Sorting#PARALLEL} rows on, the array table is made on two threads (the rows
     * split by class and summed in two halves, each class sorted on two threads, the table counted
     * and filled in two parts split at one key), with the keys gathered from the blocks or held in
     * one array from the first row (expected): the same rows as the compact table and as the weighted path's (all weights 1),
     * the same sums as {@link ProbabilityMetrics}. A fifth of the rows score exactly 0.5, so a
     * run of ties lies across the split key; mostly distinct scores take the table that reads its
     * thresholds from the keys, mostly tied ones the table with a threshold array.
     */
    @Example
    void largeInputOnTwoThreads() {
        int n = Sorting.PARALLEL + 77;
        for (int distinctPercent : new int[] {30, 78}) {
            SplittableRandom random = new SplittableRandom(distinctPercent);
            double[] s = new double[n];
            boolean[] y = new boolean[n];
            for (int i = 0; i < n; i++) {
                int kind = random.nextInt(100);
                s[i] = kind < 20 ? 0.5 : kind < 20 + distinctPercent ? random.nextDouble() : random.nextInt(1000) / 999.0;
                y[i] = random.nextInt(10) < (s[i] > 0.5 ? 5 : 2);
            }
            double[] ones = new double[n];
            Arrays.fill(ones, 1);
            // the codes: 0 negative and 1 positive, and both positive; then (mostly distinct) 0 positive
            for (int flip : distinctPercent == 30 ? new int[] {0, 2} : new int[] {1}) {
                Rows r = new Rows(s, y, flip);
                boolean[] labels = labels(r);
                BinaryEvaluation array = viaBlocks(r, Integer.MAX_VALUE);
                BinaryEvaluation compact = viaBlocks(r, 0);
                String what = distinctPercent + "% distinct, flip " + flip;
                SameEvaluation.binary(compact, array, 0, what);
                // the array mode: each class sorted on two threads with the row-order array as scratch
                for (long expect : new long[] {n, n / 3, n + 1000}) {
                    BinaryEvaluation expected = viaBlocks(r, Integer.MAX_VALUE, flip == 0 ? 0 : -1, false, expect);
                    String w = what + ", expecting " + expect;
                    SameEvaluation.binary(array, expected, 0, w);
                    sameRows(array.operatingPoints(), expected.operatingPoints());
                    assertEquals(array.logLoss(), expected.logLoss(), 0, w + ": log loss");
                    assertEquals(array.brierScore(), expected.brierScore(), 0, w + ": Brier");
                }
                if (flip == 0) {
                    // declared from the first row: the sums made as the rows come, then the one-thread path
                    BinaryEvaluation declared = viaBlocks(r, Integer.MAX_VALUE, 0, false);
                    SameEvaluation.binary(array, declared, 0, what + ", declared");
                    assertEquals(array.logLoss(), declared.logLoss(), 0, what + ", declared: log loss");
                    assertEquals(array.brierScore(), declared.brierScore(), 0, what + ", declared: Brier");
                }
                OperatingPoints weighted = OperatingPoints.of(s, labels, ones);
                OperatingPoints unweighted = OperatingPoints.of(s, labels);
                OperatingPoints a = array.operatingPoints();
                assertEquals(weighted.size(), a.size(), what + " size");
                assertEquals(weighted.size(), unweighted.size(), what + " size of OperatingPoints.of");
                for (int i = 0; i < a.size(); i++) {
                    assertEquals(weighted.threshold(i), a.threshold(i), what + " threshold " + i);
                    assertEquals(weighted.truePositives(i), a.truePositives(i), what + " tp " + i);
                    assertEquals(weighted.falsePositives(i), a.falsePositives(i), what + " fp " + i);
                    assertEquals(weighted.threshold(i), unweighted.threshold(i), what + " of: threshold " + i);
                    assertEquals(weighted.truePositives(i), unweighted.truePositives(i), what + " of: tp " + i);
                    assertEquals(weighted.falsePositives(i), unweighted.falsePositives(i), what + " of: fp " + i);
                }
                assertEquals(ProbabilityMetrics.logLoss(s, labels, null), array.logLoss(), 0, what + " log loss");
                assertEquals(ProbabilityMetrics.brierScore(s, labels, null), array.brierScore(), 0, what + " Brier");
            }
        }
    }

    @Property(tries = 30, seed = "20261206")
    void blockSortIsASort(@ForAll("blockCounts") int n, @ForAll("runs") int runBlocks) {
        SplittableRandom random = new SplittableRandom(n);
        long[] expected = new long[n];
        KeyBlocks k = new KeyBlocks();
        for (int i = 0; i < n; i++) {
            long v = switch (random.nextInt(3)) {
                case 0 -> random.nextLong();
                case 1 -> random.nextInt(100) - 50;
                default -> Sorting.doubleKey(random.nextDouble());
            };
            expected[i] = v;
            k.add(v);
        }
        Arrays.sort(expected);
        k.sort(runBlocks);
        assertEquals(n, k.size());
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i], k.get(i), "key " + i);
        }
    }

    @Provide
    Arbitrary<Integer> blockCounts() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 100),
                Arbitraries.of(KeyBlocks.BLOCK - 1, KeyBlocks.BLOCK, KeyBlocks.BLOCK + 1, 3 * KeyBlocks.BLOCK,
                        7 * KeyBlocks.BLOCK + 5),
                Arbitraries.integers().between(KeyBlocks.BLOCK, 6 * KeyBlocks.BLOCK));
    }

    @Provide
    Arbitrary<Integer> runs() {
        return Arbitraries.of(1, 2, 3, 64);
    }

    @Example
    void selectFindsEachSetBit() {
        SplittableRandom random = new SplittableRandom(3);
        for (int t = 0; t < 10_000; t++) {
            long x = random.nextLong() & random.nextLong();
            if (t % 7 == 0) {
                x = -1L;
            }
            int r = 0;
            for (int bit = 0; bit < 64; bit++) {
                if ((x >>> bit & 1) != 0) {
                    assertEquals(bit, CompactPoints.select(x, r++), "bit " + r + " of " + Long.toBinaryString(x));
                }
            }
        }
    }

    @Example
    void refusesWhatTheArrayPathRefuses() {
        BinaryScoreBlocks b = new BinaryScoreBlocks();
        assertThrows(IllegalArgumentException.class, () -> b.evaluate(true, false));
        b.add(0.5, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.add(Double.NaN, 1));
        assertEquals("scores[1] must be finite, got NaN", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.add(0.5, 2));
        b.evaluate(true, false);
        assertThrows(IllegalStateException.class, () -> b.evaluate(true, false));
        assertThrows(IllegalStateException.class, () -> b.add(0.5, 0));
    }
}

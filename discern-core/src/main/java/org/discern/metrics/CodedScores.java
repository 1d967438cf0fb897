package org.discern.metrics;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

import org.discern.metrics.internal.Sorting;

/**
 * The state and work of {@link BinaryScoreBlocks} (whose contract this follows): each row's key
 * in its code's blocks, the codes as bits in row order. Mutable; one thread.
 *
 * <p>When the number of rows is expected ahead ({@link #expect}) and small enough for the array
 * table, the keys are held instead in one array in row order (the array mode): one allocation the
 * size of the input, which the end splits by class into the two arrays the table sorts and then
 * uses as their sorting scratch. Against the blocks, that touches two copies of the keys fewer
 * (the blocks' copy into the class arrays and the sorting scratch) and keeps the collector from
 * copying the blocks as they age.
 */
final class CodedScores {
    // rows per block of code bits: one block of KeyBlocks.BLOCK longs
    private static final int CODE_SHIFT = KeyBlocks.SHIFT + 6;

    // keys[c]: the keys (Sorting.doubleKey) of the rows of code c, in row order
    private final KeyBlocks[] keys = {new KeyBlocks(), new KeyBlocks()};
    // the array mode: the keys of all rows in row order ({@link #expect}); null otherwise
    private long[] all;
    // rows of each code
    private final int[] counts = new int[2];
    // bit r of block r >>> CODE_SHIFT: the code of row r
    private long[][] codes = new long[16][];
    private int rows;
    private boolean evaluated;
    // which codes are positive, when declared before the end ({@link #declare}): from then on
    // log loss and Brier score are summed as the rows come, in row order (the rows before it at
    // the declaration), into sums; both null until then. In the array mode the sums wait for the
    // end (null until the keys move into the blocks)
    private boolean[] declared;
    private ProbabilityMetrics.Sums sums;

    /** {@link BinaryScoreBlocks#add}. */
    void add(double score, int code) {
        if (evaluated) {
            throw new IllegalStateException("these scores were evaluated already");
        }
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("scores[" + rows + "] must be finite, got " + score);
        }
        if (code != 0 && code != 1) {
            throw new IllegalArgumentException("code must be 0 or 1, got " + code);
        }
        if (rows == BinaryScoreBlocks.MAX_ROWS) {
            throw new IllegalArgumentException("at most " + BinaryScoreBlocks.MAX_ROWS + " rows can be evaluated");
        }
        long key = Sorting.doubleKey(score);
        if (all != null && rows == all.length) {
            growAll();
        }
        if (all != null) {
            all[rows] = key;
        } else {
            keys[code].add(key);
        }
        counts[code]++;
        int block = rows >>> CODE_SHIFT;
        if ((rows & ((1 << CODE_SHIFT) - 1)) == 0) {
            if (block == codes.length) {
                codes = Arrays.copyOf(codes, block * 2);
            }
            codes[block] = new long[KeyBlocks.BLOCK];
        }
        if (code == 1) {
            codes[block][(rows >>> 6) & KeyBlocks.MASK] |= 1L << rows;
        }
        rows++;
        if (sums != null) {
            sums.add(score, declared[code]);
        }
    }

    /** {@link BinaryScoreBlocks#expect}: the array mode for up to {@code compactAbove} rows. */
    void expect(long rows, int compactAbove) {
        if (evaluated) {
            throw new IllegalStateException("these scores were evaluated already");
        }
        if (this.rows == 0 && all == null && rows > 0 && rows <= compactAbove) {
            all = new long[(int) rows];
            this.compactAbove = compactAbove;
        }
    }

    // the array mode's limit: past it, the keys move into the blocks
    private int compactAbove;

    /** Room for more rows in the array mode, or the blocks once past the array table's limit. */
    private void growAll() {
        if (rows >= compactAbove) {
            for (int r = 0; r < rows; r++) {
                keys[code(r)].add(all[r]);
            }
            if (declared != null) {
                sums = sum(all, declared, 0, rows, new ProbabilityMetrics.Sums()); // from here on as the rows come
            }
            all = null;
            return;
        }
        all = Arrays.copyOf(all, (int) Math.min(compactAbove, Math.max(64L, rows + (rows >> 1))));
    }

    /** {@link BinaryScoreBlocks#declare}. */
    void declare(boolean code0Positive, boolean code1Positive) {
        if (evaluated) {
            throw new IllegalStateException("these scores were evaluated already");
        }
        if (declared != null) {
            if (declared[0] != code0Positive || declared[1] != code1Positive) {
                throw new IllegalStateException("the positive codes were declared already, otherwise");
            }
            return;
        }
        declared = new boolean[] {code0Positive, code1Positive};
        if (all == null) {
            sums = rowOrderSums(declared);
        }
    }

    private int code(int r) {
        return (int) (codes[r >>> CODE_SHIFT][(r >>> 6) & KeyBlocks.MASK] >>> r) & 1;
    }

    /** Rows added. */
    int rows() {
        return rows;
    }

    /** {@link BinaryScoreBlocks#evaluate}, the table held compactly above {@code compactAbove} rows. */
    BinaryEvaluation evaluate(boolean code0Positive, boolean code1Positive, int compactAbove) {
        if (evaluated) {
            throw new IllegalStateException("these scores were evaluated already");
        }
        if (rows == 0) {
            throw new IllegalArgumentException("scores must not be empty");
        }
        evaluated = true;
        boolean[] truth = {code0Positive, code1Positive};
        boolean summed = sums != null && declared[0] == code0Positive && declared[1] == code1Positive;
        if (all != null && rows > compactAbove) {
            growAll(); // a caller's lower limit than expected: into the blocks
        }
        if (all == null && rows <= compactAbove) {
            keysIntoArray(); // the array table: as the array mode ends
        }
        if (all != null) {
            return evaluateArray(truth, summed ? sums : null);
        }
        // the compact table, of the keys in blocks
        ProbabilityMetrics.Sums sums = summed ? this.sums : rowOrderSums(truth);
        codes = null;
        // the classes: both codes in one class when they say the same
        KeyBlocks pos;
        KeyBlocks neg;
        if (truth[0] != truth[1]) {
            pos = truth[0] ? keys[0] : keys[1];
            neg = truth[0] ? keys[1] : keys[0];
        } else {
            keys[0].addAll(keys[1]);
            pos = truth[0] ? keys[0] : keys[1];
            neg = truth[0] ? keys[1] : keys[0];
        }
        pos.sort();
        neg.sort();
        return evaluation(OperatingPoints.ofSortedBlocks(pos, neg), sums);
    }

    /**
     * The keys of the blocks gathered into the row-order array of the array mode, the blocks
     * released: the keys of inputs given without {@link #expect} (gzip, library use) end as
     * those of the array mode do (one more copy of the keys than their own end had, and one fewer
     * array at the peak than its two-thread form, which sorted with a scratch per class).
     */
    private void keysIntoArray() {
        long[] a = new long[rows];
        long[] next = new long[2];
        for (int r = 0; r < rows; r++) {
            int c = code(r);
            a[r] = keys[c].get(next[c]++);
        }
        keys[0] = null;
        keys[1] = null;
        all = a;
    }

    /**
     * The array mode's end: the keys split by class and the row-order sums of log loss and Brier
     * score made (a declaration's sums wait for this point in the array mode: here they take no
     * longer than the split, where on the reader's thread they slowed its reading), then each
     * class sorted with the row-order array as scratch ({@link Sorting#sort(long[], int, long[])}:
     * on two threads from {@link Sorting#PARALLEL} keys on) into the table's arrays. From
     * {@link Sorting#PARALLEL} rows on, the rows are split and summed in two halves at a block's
     * end of the sums, the later half on the common fork-join pool: its keys placed after the
     * earlier half's in each class, its sums joined after the earlier half's
     * ({@link ProbabilityMetrics.Sums#addAll}: the same doubles as summed on one thread).
     */
    private BinaryEvaluation evaluateArray(boolean[] truth, ProbabilityMetrics.Sums summed) {
        int positives = (truth[0] ? counts[0] : 0) + (truth[1] ? counts[1] : 0);
        long[] p = new long[positives];
        long[] q = new long[rows - positives];
        ProbabilityMetrics.Sums sums = splitAndSum(truth, p, q, summed == null);
        if (summed != null) {
            sums = summed;
        }
        long[] scratch = all;
        all = null;
        codes = null;
        Sorting.sort(p, p.length, scratch);
        Sorting.sort(q, q.length, scratch);
        scratch = null; // not held while the table is built (the smallest heap)
        return evaluation(OperatingPoints.ofSortedKeys(p, q), sums);
    }

    /**
     * The row-order keys split by class into {@code p} and {@code q}, and (when {@code summing})
     * their row-order sums, else null; in two halves from {@link Sorting#PARALLEL} rows on (a
     * method of its own, so that nothing of it holds the row-order keys once it returns).
     */
    private ProbabilityMetrics.Sums splitAndSum(boolean[] truth, long[] p, long[] q, boolean summing) {
        long[] a = all;
        ProbabilityMetrics.Sums sums = summing ? new ProbabilityMetrics.Sums() : null;
        if (rows >= Sorting.PARALLEL && Runtime.getRuntime().availableProcessors() > 1) {
            // a multiple of the sums' block, and so of the 64 rows of a word of code bits
            int half = (rows >>> 1) & -ProbabilityMetrics.SUM_BLOCK;
            int ones = 0; // rows of code 1 in the earlier half
            for (int r = 0; r < half; r += 64) {
                ones += Long.bitCount(codes[r >>> CODE_SHIFT][(r >>> 6) & KeyBlocks.MASK]);
            }
            int pAt = (truth[1] ? ones : 0) + (truth[0] ? half - ones : 0);
            ForkJoinTask<ProbabilityMetrics.Sums> later = ForkJoinPool.commonPool().submit(() -> {
                ProbabilityMetrics.Sums s = summing ? sum(a, truth, half, rows, ProbabilityMetrics.Sums.joinable()) : null;
                split(a, truth, half, rows, p, pAt, q, half - pAt);
                return s;
            });
            if (summing) {
                sum(a, truth, 0, half, sums);
            }
            split(a, truth, 0, half, p, 0, q, 0);
            ProbabilityMetrics.Sums s = later.join();
            if (summing) {
                sums.addAll(s);
            }
        } else {
            if (summing) {
                sum(a, truth, 0, rows, sums);
            }
            split(a, truth, 0, rows, p, 0, q, 0);
        }
        return sums;
    }

    /** Adds the rows {@code [from, to)} of the row-order keys {@code a} to {@code out}, in order (until one is not a probability). */
    private ProbabilityMetrics.Sums sum(long[] a, boolean[] truth, int from, int to, ProbabilityMetrics.Sums out) {
        for (int r = from; r < to; r++) {
            if (!out.add(Sorting.keyToDouble(a[r]), truth[code(r)])) {
                break; // not probabilities: nothing more is summed
            }
        }
        return out;
    }

    /**
     * The keys of the rows {@code [from, to)} of {@code a} in row order: those of positive rows into
     * {@code p} from {@code pi} on, the others into {@code q} from {@code qi} on.
     */
    private void split(long[] a, boolean[] truth, int from, int to, long[] p, int pi, long[] q, int qi) {
        for (int r = from; r < to; r++) {
            if (truth[code(r)]) {
                p[pi++] = a[r];
            } else {
                q[qi++] = a[r];
            }
        }
    }

    /**
     * Log loss and Brier score of the rows so far in row order, their keys in the blocks, the code
     * of each row positive when {@code truth[code]}. A key gives back the score, -0.0 as 0.0, which
     * changes neither (both clip or square it to the same value).
     */
    private ProbabilityMetrics.Sums rowOrderSums(boolean[] truth) {
        ProbabilityMetrics.Sums out = new ProbabilityMetrics.Sums();
        long[] next = new long[2];
        for (int r = 0; r < rows; r++) {
            int code = code(r);
            if (!out.add(Sorting.keyToDouble(keys[code].get(next[code]++)), truth[code])) {
                break; // not probabilities: nothing more is summed
            }
        }
        return out;
    }

    /** The evaluation of the table and the row-order sums. */
    private static BinaryEvaluation evaluation(OperatingPoints op, ProbabilityMetrics.Sums sums) {
        return BinaryEvaluation.fromParts(op, sums.logLoss(), sums.brierScore(), sums.probabilities(), 0);
    }
}

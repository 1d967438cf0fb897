package org.discern.metrics;

/**
 * Unweighted binary scores collected row by row and evaluated once, for inputs too large to be
 * held twice (a reader that needs the evaluation and nothing else of the rows: {@code discern
 * evaluate} of a huge file).
 *
 * <p>Each row is given with its label's code (0 or 1: the first and second label value met, say),
 * and which codes are positive is said only at {@link #evaluate}, once the whole input is known.
 * Each score goes straight into the sorting key of its code's class, in blocks of 256 KiB; the
 * codes are kept as one bit per row. Nothing else is held: 8 bytes per row and a bit, against the
 * 9 of a {@code double[]} and {@code boolean[]} and the 8 of the keys that {@link
 * BinaryEvaluation#of(double[], boolean[])} sorts beside them.
 *
 * <p>{@link #evaluate} gives exactly {@code BinaryEvaluation.of(scores, labels)} of the same rows
 * (every number, threshold and warning; log loss and Brier score summed in row order as
 * {@link ProbabilityMetrics} sums them), and consumes the collected rows. Above
 * {@value #COMPACT_ABOVE} rows the keys are sorted in their blocks (a few blocks beside them,
 * {@link KeyBlocks#sort()}) and kept by a table held compactly ({@link CompactPoints}: about 0.4
 * bytes per row instead of 8 per distinct score); up to it, the keys are in one array in row
 * order (from the first row when expected, {@link #expect}; else gathered from the blocks at the
 * end), split into one array per class, and the table is the one
 * {@link OperatingPoints#of(double[], boolean[])} builds.
 *
 * <p>Mutable and not thread-safe: one thread adds the rows, then evaluates once.
 */
public final class BinaryScoreBlocks {
    /** Above this many rows the table is held compactly; at most this many, as the array path holds it. */
    public static final int COMPACT_ABOVE = 1 << 24;
    /** At most this many rows (the largest Java array). */
    public static final int MAX_ROWS = Integer.MAX_VALUE - 8;

    private final CodedScores rows = new CodedScores();

    /** An empty collection. */
    public BinaryScoreBlocks() {
    }

    /**
     * Appends a row.
     *
     * @param score a finite score
     * @param code its label's code, 0 or 1
     * @throws IllegalArgumentException on a score that is not finite (naming the row, from 0), a
     *     code other than 0 and 1, or more than {@link #MAX_ROWS} rows
     * @throws IllegalStateException once evaluated
     */
    public void add(double score, int code) {
        rows.add(score, code);
    }

    /**
     * Says about how many rows will come (a reader that can tell from the size of its file, say),
     * before the first: up to {@link #COMPACT_ABOVE}, the keys are then held in one array of that
     * length in row order (grown if more rows come; moved into blocks past {@link #COMPACT_ABOVE}),
     * which the end splits by class and reuses as the sorting scratch, touching two copies of
     * the keys fewer than the blocks. A hint only: the evaluation is the same either way; ignored
     * once rows were added, or when larger than {@link #COMPACT_ABOVE}.
     *
     * @throws IllegalStateException once evaluated
     */
    public void expect(long rows) {
        this.rows.expect(rows, COMPACT_ABOVE);
    }

    /** As {@link #expect(long)} with the array mode up to {@code compactAbove} rows (tests). */
    void expect(long rows, int compactAbove) {
        this.rows.expect(rows, compactAbove);
    }

    /**
     * Says which codes are positive before the end (a reader that knows it once both label values
     * were met, say): from then on log loss and Brier score are summed as the rows are added,
     * which {@link #evaluate} would otherwise do after the last row, when the keys are held in
     * blocks (in one array, {@link #expect}, the end sums beside the work it does anyway, which
     * measured faster than summing on the reader's thread). The numbers are the same either way;
     * an {@code evaluate} with other positive codes sums again.
     *
     * @throws IllegalStateException once evaluated, or when declared already with other codes
     */
    public void declare(boolean code0Positive, boolean code1Positive) {
        rows.declare(code0Positive, code1Positive);
    }

    /** Number of rows added. */
    public int rows() {
        return rows.rows();
    }

    /**
     * The evaluation of the rows added, the rows of code {@code c} positive when
     * {@code code<c>Positive}: equal to {@code BinaryEvaluation.of(scores, labels)} of the same
     * rows. The rows are consumed: this collection can be evaluated only once.
     *
     * @param code0Positive whether the rows of code 0 are positive
     * @param code1Positive whether the rows of code 1 are positive
     * @throws IllegalArgumentException when no row was added
     * @throws IllegalStateException when evaluated already
     */
    public BinaryEvaluation evaluate(boolean code0Positive, boolean code1Positive) {
        return rows.evaluate(code0Positive, code1Positive, COMPACT_ABOVE);
    }

    /** As {@link #evaluate(boolean, boolean)}, the table held compactly above {@code compactAbove} rows (tests). */
    BinaryEvaluation evaluate(boolean code0Positive, boolean code1Positive, int compactAbove) {
        return rows.evaluate(code0Positive, code1Positive, compactAbove);
    }
}

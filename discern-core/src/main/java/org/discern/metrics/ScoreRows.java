package org.discern.metrics;

/**
 * Read access to an n x K score matrix by row, whatever its layout ({@link ScoreColumns}: K
 * columns; {@link RowMajorScores}: the caller's row-major array, read in place). Package-private
 * plumbing of the multi-class evaluation's row pass and micro average.
 */
interface ScoreRows {
    /** Number of rows n. */
    int rows();

    /** Number of columns K. */
    int columns();

    /** Whether every score is exactly a float (then the sorts work on 32-bit keys). */
    boolean floats();

    /** Score of row i, column j (a float widened exactly). */
    double get(int i, int j);

    /** Copies the K scores of row i into {@code row}. */
    void fillRow(int i, double[] row);
}

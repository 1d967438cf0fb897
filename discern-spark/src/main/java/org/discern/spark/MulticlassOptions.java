package org.discern.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What {@link DiscernSpark#multiclass} reads. Immutable; each {@code with...} returns a copy.
 *
 * <p>Two layouts:
 * <ul>
 *   <li>{@link #ofVector}: one column holding each row's K scores as a Spark ML vector (the
 *       {@code probability} or {@code rawPrediction} column of a Spark classifier) or an
 *       {@code array<double>}; the label column holds the class index 0..K-1 (Spark ML's
 *       convention) or the class name;</li>
 *   <li>{@link #ofColumns}: one numeric column per class (the CSV layout of
 *       {@code discern evaluate}); the label column holds the class name (the score column's name)
 *       or the class index.</li>
 * </ul>
 * Class names default to "0".."K-1" for a vector column and to the score columns' names for
 * the column layout. Up to {@value #DEFAULT_MAX_DRIVER_ENTRIES} (score, class) entries over all
 * columns, the merged summary is brought to the driver and the result is the core's
 * {@code MulticlassEvaluation}; above, the core's {@code MulticlassSweep} of the tables kept on
 * the cluster.
 */
public final class MulticlassOptions implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Default limit of (score, class) entries brought to the driver. */
    public static final long DEFAULT_MAX_DRIVER_ENTRIES = 1L << 25;
    // about this many entries per score range when the tables stay on the cluster
    private static final int ENTRIES_PER_RANGE = 1 << 20;

    final String labelColumn;
    final String vectorColumn;
    final List<String> scoreColumns;
    final List<String> classes;
    final String weightColumn;
    final long maxDriverEntries;
    final int entriesPerRange;

    private MulticlassOptions(String labelColumn, String vectorColumn, List<String> scoreColumns, List<String> classes,
            String weightColumn, long maxDriverEntries, int entriesPerRange) {
        this.entriesPerRange = entriesPerRange;
        this.labelColumn = labelColumn;
        this.vectorColumn = vectorColumn;
        this.scoreColumns = scoreColumns;
        this.classes = classes;
        this.weightColumn = weightColumn;
        this.maxDriverEntries = maxDriverEntries;
    }

    /** Scores as one vector or array column (K from the data, or from {@link #withClasses}). */
    public static MulticlassOptions ofVector(String labelColumn, String vectorColumn) {
        Objects.requireNonNull(labelColumn, "labelColumn");
        Objects.requireNonNull(vectorColumn, "vectorColumn");
        return new MulticlassOptions(labelColumn, vectorColumn, null, null, null, DEFAULT_MAX_DRIVER_ENTRIES,
                ENTRIES_PER_RANGE);
    }

    /** Scores as one numeric column per class, named by the class; at least two. */
    public static MulticlassOptions ofColumns(String labelColumn, List<String> scoreColumns) {
        Objects.requireNonNull(labelColumn, "labelColumn");
        Objects.requireNonNull(scoreColumns, "scoreColumns");
        if (scoreColumns.size() < 2) {
            throw new IllegalArgumentException("scoreColumns must name at least 2 columns, got " + scoreColumns);
        }
        return new MulticlassOptions(labelColumn, null, List.copyOf(scoreColumns), List.copyOf(scoreColumns), null,
                DEFAULT_MAX_DRIVER_ENTRIES,
                ENTRIES_PER_RANGE);
    }

    /** The class names, in score order (their number is K). */
    public MulticlassOptions withClasses(List<String> names) {
        Objects.requireNonNull(names, "names");
        if (scoreColumns != null && names.size() != scoreColumns.size()) {
            throw new IllegalArgumentException("classes must name one class per score column (" + scoreColumns.size()
                    + "), got " + names.size());
        }
        return new MulticlassOptions(labelColumn, vectorColumn, scoreColumns, List.copyOf(names), weightColumn,
                maxDriverEntries, entriesPerRange);
    }

    /** With sample weights from this column (null: unweighted). */
    public MulticlassOptions withWeight(String column) {
        return new MulticlassOptions(labelColumn, vectorColumn, scoreColumns, classes, column, maxDriverEntries,
                entriesPerRange);
    }

    /**
     * Up to this many (score, class) entries over all columns the merged summary is brought to
     * the driver; above it the tables stay on the cluster, range-partitioned by score, and only
     * sums reach the driver (every number, no curve: see {@link DiscernSpark#multiclass}). At
     * least 1.
     */
    public MulticlassOptions withMaxDriverEntries(long value) {
        if (value < 1) {
            throw new IllegalArgumentException("maxDriverEntries must be >= 1, got " + value);
        }
        return new MulticlassOptions(labelColumn, vectorColumn, scoreColumns, classes, weightColumn, value,
                entriesPerRange);
    }

    /**
     * About how many (score, class) entries, over all columns, each score range holds when the
     * tables are range-partitioned (tests use a few to exercise many ranges on small data).
     */
    MulticlassOptions withEntriesPerRange(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("entriesPerRange must be >= 1, got " + value);
        }
        return new MulticlassOptions(labelColumn, vectorColumn, scoreColumns, classes, weightColumn, maxDriverEntries,
                value);
    }

    /** The label column. */
    public String labelColumn() {
        return labelColumn;
    }

    /** The weight column, or null. */
    public String weightColumn() {
        return weightColumn;
    }

    @Override
    public String toString() {
        return "MulticlassOptions[label=" + labelColumn + ", scores=" + (vectorColumn != null ? vectorColumn
                : scoreColumns) + ", classes=" + classes + ", weight=" + weightColumn + ", maxDriverEntries=" + maxDriverEntries + "]";
    }
}

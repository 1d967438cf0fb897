package org.discern.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one place that decides an input's {@link Layout}: from the column names of a table (CSV,
 * TSV; any format with named columns) and from the shapes of NumPy arrays. A layout named in the
 * {@link InputSpec} always wins.
 *
 * <p>Columns, in this order:
 * <ol>
 *   <li>a named score column ({@code --score}) or positive label ({@code --positive}): binary,
 *       so a mistyped column is reported as missing, never read as another layout;</li>
 *   <li>named classes ({@code --classes}): multi-class;</li>
 *   <li>{@code label_<name>} and {@code score_<name>} columns: multi-label (they must pair up);</li>
 *   <li>the score column ({@code score}): binary;</li>
 *   <li>the label column and at least two others, the weight and id columns not counted:
 *       multi-class (each other column is the score of the class it names);</li>
 *   <li>otherwise an {@link InputException} naming what is missing.</li>
 * </ol>
 *
 * <p>Arrays: a 2-D label matrix that is not one-hot is refused (naming its first row that is not)
 * unless the spec says multi-label; 1-D labels with one score
 * per sample (1-D, or n x 1) are binary; anything else (1-D or one-hot labels, n x K scores) is
 * multi-class.
 */
final class LayoutDetector {
    private LayoutDetector() {
    }

    /**
     * The layout of a table.
     *
     * @param source file name for messages
     * @param columns the column names, in order
     * @throws InputException when no layout fits, or label_/score_ columns do not pair up
     */
    static Layout fromColumns(String source, List<String> columns, InputSpec spec) throws InputException {
        Layout layout = detect(source, columns, spec);
        // never silently: a 'weight' column a binary file does not use
        String used = spec.weightColumn();
        if (layout == Layout.BINARY && spec.progress() != null && columns.contains(InputSpec.DEFAULT_WEIGHT_COLUMN)
                && !InputSpec.DEFAULT_WEIGHT_COLUMN.equals(used)) {
            spec.progress().note(source, "column '" + InputSpec.DEFAULT_WEIGHT_COLUMN + "' is not used as sample"
                    + " weights (" + (used == null ? "binary input has no weights unless --weight COL names them"
                            : "--weight names '" + used + "'")
                    + "); give --weight " + InputSpec.DEFAULT_WEIGHT_COLUMN + " to use it");
        }
        return layout;
    }

    private static Layout detect(String source, List<String> columns, InputSpec spec) throws InputException {
        if (spec.layout() != null) {
            return spec.layout();
        }
        if (spec.scoreColumnGiven() || spec.positive() != null) {
            return Layout.BINARY;
        }
        if (spec.classes() != null) {
            return Layout.MULTICLASS;
        }
        boolean labelPrefixed = false;
        boolean scorePrefixed = false;
        for (String c : columns) {
            labelPrefixed |= c.startsWith(Layout.LABEL_PREFIX) && c.length() > Layout.LABEL_PREFIX.length();
            scorePrefixed |= c.startsWith(Layout.SCORE_PREFIX) && c.length() > Layout.SCORE_PREFIX.length();
        }
        if (labelPrefixed && scorePrefixed) {
            MultiLabelCsvReader.pairs(source, columns);
            return Layout.MULTILABEL;
        }
        String label = spec.labelColumn();
        if (columns.contains(spec.scoreColumn())) {
            return Layout.BINARY;
        }
        if (!columns.contains(label)) {
            throw new InputException(source, 1, null, String.format(Locale.ROOT,
                    "no column '%s' for the labels; columns: %s%s (expected '%s,%s' (binary), '%s' plus one score"
                            + " column per class (multi-class) or label_<name> and score_<name> columns"
                            + " (multi-label))",
                    label, String.join(", ", columns), DidYouMean.hint(label, columns), label, spec.scoreColumn(),
                    label));
        }
        String weight = spec.weightColumn() != null ? spec.weightColumn() : InputSpec.DEFAULT_WEIGHT_COLUMN;
        List<String> others = new ArrayList<>(columns);
        others.removeAll(List.of(label, weight));
        if (spec.idColumn() != null) {
            others.remove(spec.idColumn());
        }
        others.removeAll(spec.textColumns());
        if (others.size() >= 2) {
            return Layout.MULTICLASS;
        }
        throw new InputException(source, 1, null, String.format(Locale.ROOT,
                "cannot tell the layout from the header %s; expected '%s,%s' (binary), '%s' plus one score"
                        + " column per class (multi-class) or label_<name> and score_<name> columns (multi-label)",
                String.join(",", columns), label, spec.scoreColumn(), label));
    }

    /**
     * Refuses the table options that do not apply to {@code layout}: {@code --score} and
     * {@code --positive} outside binary, {@code --classes} outside multi-class.
     */
    static void refuseOptions(java.nio.file.Path file, Layout layout, InputSpec spec) {
        if (layout != Layout.BINARY && (spec.scoreColumnGiven() || spec.positive() != null)) {
            throw new InputOptionException((spec.scoreColumnGiven() ? "--score" : "--positive")
                    + " applies to binary predictions; " + file + " is read as " + layout);
        }
        if (layout != Layout.MULTICLASS && spec.classes() != null) {
            throw new InputOptionException("--classes applies to multi-class predictions; " + file
                    + " is read as " + layout);
        }
    }

    /**
     * The layout of a NumPy labels/scores pair, unless {@code spec} names one.
     *
     * @param labels the labels array
     * @param scores the score array (only its shape is used)
     */
    static Layout fromArrays(NpyArray labels, NpyArray scores, InputSpec spec) throws InputException {
        if (spec.layout() != null) {
            return spec.layout();
        }
        LabelArray y = NpyInput.labels(labels);
        if (y.kind() == LabelArray.Kind.INDICATOR) {
            // never silently: a one-hot matrix with one bad row would otherwise become multi-label
            int row = y.firstNonOneHotRow();
            int ones = y.onesInRow(row);
            throw new InputException(labels.source(), 0, null, "row [" + row + "] of the " + y.rows() + " x "
                    + y.columns() + " label matrix holds " + (ones == 0 ? "no 1" : ones + " 1s")
                    + (row > 0 ? " (rows [0.." + (row - 1) + "] hold exactly one)" : "")
                    + ": not one-hot, so not multi-class; for multi-label input give --layout multilabel");
        }
        return fromArrays(y, scores);
    }

    /**
     * The layout of a NumPy labels/scores pair.
     *
     * @param labels the labels, as read by {@link NpyInput#labels(NpyArray)}
     * @param scores the score array (only its shape is used)
     */
    static Layout fromArrays(LabelArray labels, NpyArray scores) {
        if (labels.kind() == LabelArray.Kind.INDICATOR) {
            return Layout.MULTILABEL;
        }
        boolean oneColumn = scores.dimensions() < 2 || scores.columns() == 1;
        return oneColumn && !labels.isIndicator() ? Layout.BINARY : Layout.MULTICLASS;
    }
}

package org.discern.io;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.discern.metrics.CostMatrix;

/**
 * Reads a cost matrix for multi-class decisions ({@code discern threshold FILE --cost-matrix
 * costs.csv}) from a small CSV (or TSV) file:
 *
 * <pre>
 * true\decided,cat,dog,fox
 * cat,0,1,1
 * dog,1,0,1
 * fox,10,10,0
 * </pre>
 *
 * <ul>
 *   <li>Rows are the true class, columns the decided class: the cell (fox, cat) is what deciding
 *       'cat' costs when the truth is 'fox'.</li>
 *   <li>The header's first cell is free text (it may be empty); the other header cells and the
 *       first cell of every row are the class names of the predictions, each exactly once, in any
 *       order (they are matched by name).</li>
 *   <li>Every cost is a plain decimal number, finite and {@code >= 0}.</li>
 *   <li>The diagonal (a correct decision) is usually 0; a non-zero diagonal (e.g. the price of a
 *       treatment that is also paid when it was right) is allowed and reported as a warning.</li>
 *   <li>At most {@link #MAX_CLASSES} classes (the decision costs K x K operations per row).</li>
 * </ul>
 *
 * Every error is an {@link InputException} with the file, the line, the column (class) where
 * there is one, what was expected and what was found.
 */
public final class CostMatrixCsv {
    /** The most classes a cost matrix may have. */
    public static final int MAX_CLASSES = 1000;

    private CostMatrixCsv() {
    }

    /**
     * Reads the cost matrix of {@code path} for predictions of the given classes.
     *
     * @param classes the class names of the predictions, in their column order
     * @return the costs in the order of {@code classes}
     * @throws InputException when the file cannot be read or is not a valid cost matrix for these classes
     */
    public static CostMatrix read(Path path, List<String> classes) throws InputException {
        return parse(SmallCsv.text(path), path.toString(), classes);
    }

    /**
     * Parses the text of a cost matrix file.
     *
     * @param name the file name for messages
     * @param classes the class names of the predictions, in their column order
     */
    public static CostMatrix parse(String text, String name, List<String> classes) throws InputException {
        int k = classes.size();
        if (k > MAX_CLASSES) {
            throw new InputException(name, 0, null, "a cost matrix takes at most " + MAX_CLASSES
                    + " classes, the predictions have " + k);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < k; i++) {
            index.put(classes.get(i), i);
        }
        List<SmallCsv.Row> rows = SmallCsv.rows(text, name);
        if (rows.isEmpty()) {
            throw new InputException(name, 1, null, "expected a header row of class names, found an empty file");
        }
        SmallCsv.Row head = rows.get(0);
        int width = head.fields().size();
        if (width < 2) {
            throw new InputException(name, head.line(), null, "expected a header of a corner cell and the " + k
                    + " classes (" + DidYouMean.list(classes, 30) + "), found " + width + " cell");
        }
        // column c of the file (c >= 1) holds decided class columnClass[c]
        int[] columnClass = new int[width];
        int[] columnOf = new int[k];
        for (int c = 1; c < width; c++) {
            String cls = head.fields().get(c);
            int j = classIndex(name, head, cls, index, classes, "header, column " + (c + 1));
            if (columnOf[j] != 0) {
                throw new InputException(name, head.line(), cls, "expected each class once in the header, found '"
                        + cls + "' in columns " + (columnOf[j] + 1) + " and " + (c + 1));
            }
            columnOf[j] = c;
            columnClass[c] = j;
        }
        for (int j = 0; j < k; j++) {
            if (columnOf[j] == 0) {
                throw new InputException(name, head.line(), null, "expected a column for every class of the predictions,"
                        + " found none for '" + classes.get(j) + "'");
            }
        }
        double[][] costs = new double[k][];
        for (int r = 1; r < rows.size(); r++) {
            SmallCsv.Row row = rows.get(r);
            List<String> f = row.fields();
            String cls = f.get(0);
            int i = classIndex(name, row, cls, index, classes, "first column");
            if (costs[i] != null) {
                throw new InputException(name, row.line(), null, "expected one row per true class, found a second row of '"
                        + cls + "'");
            }
            if (f.size() != width) {
                throw new InputException(name, row.line(), null, "expected " + width + " cells (the class, then "
                        + k + " costs), found " + f.size());
            }
            costs[i] = new double[k];
            for (int c = 1; c < width; c++) {
                String column = classes.get(columnClass[c]);
                double v = SmallCsv.number(name, row, column, f.get(c));
                if (v < 0) {
                    throw new InputException(name, row.line(), column, "expected a cost >= 0, found '" + f.get(c) + "'");
                }
                costs[i][columnClass[c]] = v;
            }
        }
        for (int i = 0; i < k; i++) {
            if (costs[i] == null) {
                long last = rows.get(rows.size() - 1).line();
                throw new InputException(name, last, null, "expected a row for every true class, found none for '"
                        + classes.get(i) + "'");
            }
        }
        return CostMatrix.of(classes, costs);
    }

    private static int classIndex(String name, SmallCsv.Row row, String cls, Map<String, Integer> index,
            List<String> classes, String where) throws InputException {
        Integer j = index.get(cls);
        if (j == null) {
            throw new InputException(name, row.line(), null, "expected a class of the predictions in the " + where
                    + " (" + DidYouMean.list(classes, 30) + "), found '" + cls + "'" + DidYouMean.hint(cls, classes));
        }
        return j;
    }
}

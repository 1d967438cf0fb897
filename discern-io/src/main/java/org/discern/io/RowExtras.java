package org.discern.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every table reader reads beside its labels and scores, row by row: the optional weight
 * (finite, &gt;= 0), the optional row id (text, never empty, unique: a repeated id names both
 * lines) and the text columns asked for ({@link InputSpec#textColumns()}: group and fold columns,
 * stripped, repeated values sharing one string).
 */
final class RowExtras {
    private final int weightColumn; // -1 when unweighted
    private final int idColumn; // -1 when there are no ids
    private final Map<String, Long> seen = new HashMap<>();
    private double[] weights;
    private String[] ids;
    private List<String> textNames = List.of();
    private int[] textIndex = new int[0];
    private String[][] text = new String[0][];
    private final Map<String, String> distinct = new HashMap<>(); // one string per distinct text value
    private int n;

    private RowExtras(int weightColumn, int idColumn) {
        this.weightColumn = weightColumn;
        this.idColumn = idColumn;
        this.weights = weightColumn < 0 ? null : new double[1024];
        this.ids = idColumn < 0 ? null : new String[1024];
    }

    /**
     * @param weightColumn index of the weight column of {@code f}, or -1
     * @param idColumn name of the id column, or null
     * @param taken columns used for something else (never suggested for a missing id column)
     */
    static RowExtras of(DelimitedFile f, int weightColumn, String idColumn, String... taken) throws InputException {
        return new RowExtras(weightColumn, idColumn == null ? -1 : f.requireColumn(idColumn, "ids", taken));
    }

    /**
     * Also reads these text columns (none: nothing to do).
     *
     * @param taken columns used for something else (never suggested for a missing column)
     * @throws InputException when a column is missing (with the columns and the closest name)
     */
    RowExtras text(DelimitedFile f, List<String> columns, String... taken) throws InputException {
        textNames = List.copyOf(columns);
        textIndex = new int[columns.size()];
        text = new String[columns.size()][];
        for (int c = 0; c < textIndex.length; c++) {
            textIndex[c] = f.requireColumn(columns.get(c), "groups", taken);
            text[c] = new String[1024];
        }
        return this;
    }

    /** Index of the id column, or -1. */
    int idColumn() {
        return idColumn;
    }

    /** Reads the current record's weight and id. */
    void add(DelimitedFile f) throws InputException {
        if (weights != null) {
            if (n == weights.length) {
                weights = Arrays.copyOf(weights, n * 2);
            }
            weights[n] = f.weight(weightColumn);
        }
        if (ids != null) {
            String id = f.field(idColumn).strip();
            if (id.isEmpty()) {
                throw f.error(idColumn, "expected an id, found an empty field");
            }
            Long before = seen.putIfAbsent(id, f.line());
            if (before != null) {
                throw f.error(idColumn, "expected unique ids, found '" + id + "' also on line " + before);
            }
            if (n == ids.length) {
                ids = Arrays.copyOf(ids, n * 2);
            }
            ids[n] = id;
        }
        for (int c = 0; c < textIndex.length; c++) {
            if (n == text[c].length) {
                text[c] = Arrays.copyOf(text[c], n * 2);
            }
            String v = f.field(textIndex[c]).strip();
            text[c][n] = distinct.computeIfAbsent(v, x -> x);
        }
        n++;
    }

    /** The weights read, one per record, or null when unweighted. */
    double[] weights() {
        return weights == null ? null : Arrays.copyOf(weights, n);
    }

    /** The ids read, one per record, or null when there is no id column. */
    String[] ids() {
        return ids == null ? null : Arrays.copyOf(ids, n);
    }

    /** The text columns read, one value per record ({@link TextColumns#NONE} when none were asked for). */
    TextColumns textColumns() {
        List<String[]> values = new ArrayList<>();
        for (String[] t : text) {
            values.add(Arrays.copyOf(t, n));
        }
        return TextColumns.of(textNames, values);
    }

    /** Throws the error of a table without data rows when {@code rows} is 0. */
    static void requireRows(DelimitedFile f, int rows) throws InputException {
        requireRows(f, rows, null);
    }

    /** As above; {@code positions} tells whether {@code --drop-invalid} left every row out. */
    static void requireRows(DelimitedFile f, int rows, InputRows.Builder positions) throws InputException {
        if (rows == 0) {
            long dropped = positions == null ? 0 : positions.dropped();
            throw new InputException(f.name(), 2, null, dropped == 0 ? "expected at least one data row, found none"
                    : "expected at least one data row with a valid score, found none (--drop-invalid left out all "
                            + dropped + ")");
        }
    }
}

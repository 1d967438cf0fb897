package org.discern.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Text columns read beside the predictions, one value per row in row order: the group columns of
 * {@code --group} and the fold column of {@code --fold} ({@link InputSpec#textColumns()}). Values
 * are stripped of surrounding blanks; an empty field is the value {@code ""}. Repeated values share
 * one string, so a column costs a reference per row. Immutable; arrays are copied out.
 */
public final class TextColumns {
    /** No columns. */
    public static final TextColumns NONE = new TextColumns(new LinkedHashMap<>());

    private final Map<String, String[]> columns; // name -> one value per row, insertion-ordered

    private TextColumns(Map<String, String[]> columns) {
        this.columns = columns;
    }

    /**
     * Columns from arrays (copied).
     *
     * @param names distinct column names
     * @param values one array per name, all of the same length, no null value
     * @throws IllegalArgumentException on unequal lengths, a repeated name or a null value
     */
    public static TextColumns of(List<String> names, List<String[]> values) {
        if (names.size() != values.size()) {
            throw new IllegalArgumentException("names and values must have the same size, got " + names.size()
                    + " and " + values.size());
        }
        Map<String, String[]> m = new LinkedHashMap<>();
        for (int c = 0; c < names.size(); c++) {
            String[] v = values.get(c).clone();
            if (c > 0 && v.length != values.get(0).length) {
                throw new IllegalArgumentException("column '" + names.get(c) + "' has " + v.length + " values, column '"
                        + names.get(0) + "' " + values.get(0).length);
            }
            for (int i = 0; i < v.length; i++) {
                if (v[i] == null) {
                    throw new IllegalArgumentException("column '" + names.get(c) + "' value [" + i + "] is null");
                }
            }
            if (m.put(names.get(c), v) != null) {
                throw new IllegalArgumentException("column '" + names.get(c) + "' given twice");
            }
        }
        return m.isEmpty() ? NONE : new TextColumns(m);
    }

    /** Names of the columns, in the order they were asked for. */
    public List<String> names() {
        return new ArrayList<>(columns.keySet());
    }

    /** Whether there is no column. */
    public boolean isEmpty() {
        return columns.isEmpty();
    }

    /** Whether a column of this name was read. */
    public boolean has(String name) {
        return columns.containsKey(name);
    }

    /**
     * Copy of the values of one column.
     *
     * @throws IllegalArgumentException when no column of that name was read
     */
    public String[] column(String name) {
        String[] v = columns.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no text column '" + name + "' was read; read: " + names());
        }
        return v.clone();
    }

    @Override
    public String toString() {
        return "TextColumns" + names();
    }
}

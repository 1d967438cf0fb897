package org.discern.io;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Row ids read from a table beside its data: one text per row, never empty, unique (a repeated
 * id names both lines).
 */
final class RowIds {
    private final int column;
    private final Map<String, Long> seen = new HashMap<>();
    private String[] ids = new String[1024];
    private int n;

    private RowIds(int column) {
        this.column = column;
    }

    /** Ids from {@code idColumn} of {@code f}, or null when {@code idColumn} is null. */
    static RowIds of(DelimitedFile f, String idColumn, String... taken) throws InputException {
        return idColumn == null ? null : new RowIds(f.requireColumn(idColumn, "ids", taken));
    }

    /** The id column's index. */
    int column() {
        return column;
    }

    /** Reads the current record's id. */
    void add(DelimitedFile f) throws InputException {
        String id = f.field(column).strip();
        if (id.isEmpty()) {
            throw f.error(column, "expected an id, found an empty field");
        }
        Long before = seen.putIfAbsent(id, f.line());
        if (before != null) {
            throw f.error(column, "expected unique ids, found '" + id + "' also on line " + before);
        }
        if (n == ids.length) {
            ids = Arrays.copyOf(ids, n * 2);
        }
        ids[n++] = id;
    }

    /** The ids read, one per record. */
    String[] toArray() {
        return Arrays.copyOf(ids, n);
    }
}

package org.discern.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the rows of a {@link Predictions} came from, for messages about a row: the 1-based line of
 * a text file (the header is line 1, as in every error), the 1-based row of a Parquet file, or
 * the 0-based index ({@code [i]}) of a NumPy array; and the rows {@code --drop-invalid} left out.
 *
 * <p>Lines are held per row only when they differ from "row + 2" (empty lines, a quoted field
 * spanning lines, dropped rows); otherwise nothing is held. A file read by the chunked reader is
 * scanned again for the line of a row, only when a message needs one. Immutable.
 */
public final class InputRows {
    /** How many dropped rows a warning names before "and N more". */
    static final int SHOWN = 5;

    /** No positions known (predictions built from arrays). */
    public static final InputRows NONE = new InputRows(Place.INDEX, null, null, 0, new long[0]);

    /** How a position is shown. */
    enum Place {
        /** A 1-based text line, header counted: "line 7". */
        LINE,
        /** A 1-based row of a Parquet file: "row 6". */
        ROW,
        /** A 0-based NumPy index: "row [5]". */
        INDEX
    }

    private final Place place;
    private final long[] origin; // position of each row, or null: row + 2 (LINE), row + 1 (ROW), row (INDEX)
    private final Path rescan; // a file whose lines are found by reading it again, or null
    private final long dropped; // rows left out by --drop-invalid
    private final long[] firstDropped; // positions of the first SHOWN of them

    private InputRows(Place place, long[] origin, Path rescan, long dropped, long[] firstDropped) {
        this.place = place;
        this.origin = origin;
        this.rescan = rescan;
        this.dropped = dropped;
        this.firstDropped = firstDropped;
    }

    /** Rows of a text file read by the chunked reader: lines found by scanning the file again. */
    static InputRows rescanned(Path file) {
        return new InputRows(Place.LINE, null, file, 0, new long[0]);
    }

    /** Positions of rows as a reader meets them. */
    static Builder builder(Place place) {
        return new Builder(place);
    }

    /** The number of rows {@code --drop-invalid} left out. */
    public long droppedRows() {
        return dropped;
    }

    /**
     * The file line (1-based, header = line 1) of row {@code row} (0-based, as the predictions
     * hold it), or 0 when the input is not a text file or the line cannot be known (standard input
     * read by a reader that kept no lines).
     */
    public long line(int row) {
        if (place != Place.LINE) {
            return 0;
        }
        if (origin != null) {
            return row >= 0 && row < origin.length ? origin[row] : 0;
        }
        if (rescan != null) {
            try {
                return PredictionReader.lineOf(rescan, row);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return row + 2L;
    }

    /** Row {@code row} (0-based, as the predictions hold it) as a person finds it in the input: "line 7", "row [5]". */
    public String where(int row) {
        return format(place, position(row));
    }

    private long position(int row) {
        if (place == Place.LINE) {
            return line(row);
        }
        if (origin != null && row >= 0 && row < origin.length) {
            return origin[row];
        }
        return place == Place.ROW ? row + 1L : row;
    }

    private static String format(Place place, long position) {
        return switch (place) {
            case LINE -> "line " + position;
            case ROW -> "row " + position;
            case INDEX -> "row [" + position + "]";
        };
    }

    // a row named by discern-core ("row 7": its 0-based index), not inside a quoted name
    private static final Pattern CORE_ROW = Pattern.compile("(?<![\\w\\[])row (\\d{1,10})(?![\\d.\\]])");

    /**
     * {@code warning} (of discern-core, which names a row by its 0-based index: "row 7 sums to
     * 1.2") with each row named as in the input ({@link #where}): "line 9 sums to 1.2". Text in
     * single quotes (class names) is left alone.
     */
    public String renameRows(String warning) {
        return renameRows(warning, IntUnaryOperator.identity());
    }

    /**
     * As {@link #renameRows(String)} for a warning about a subset of the rows (a {@code --group}
     * slice, a {@code --fold} fold) whose row {@code i} is row {@code toInput(i)} of the input.
     */
    private String renameRows(String warning, IntUnaryOperator toInput) {
        Matcher m = CORE_ROW.matcher(warning);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        while (m.find()) {
            long index = Long.parseLong(m.group(1));
            int row = index > Integer.MAX_VALUE ? -1 : toInput.applyAsInt((int) index);
            if (row < 0 || quoted(warning, m.start())) {
                continue; // not a row of these predictions, or text in a class name
            }
            sb.append(warning, last, m.start()).append(where(row));
            last = m.end();
        }
        return last == 0 ? warning : sb.append(warning, last, warning.length()).toString();
    }

    private static boolean quoted(String s, int at) {
        int quotes = 0;
        for (int i = 0; i < at; i++) {
            quotes += s.charAt(i) == '\'' ? 1 : 0;
        }
        return (quotes & 1) == 1;
    }

    /** {@link #renameRows} of each warning. */
    public List<String> renameRows(List<String> warnings) {
        return warnings.stream().map(this::renameRows).toList();
    }

    /**
     * {@link #renameRows} of each warning about a subset of the rows (a {@code --group} slice, a
     * {@code --fold} fold), whose row {@code i} (0-based, as discern-core names it) is row
     * {@code rows[i]} of the input: "row 1" of the slice of input rows {3, 8} is named "line 10".
     *
     * @param rows the subset's rows among the input's (0-based, as the predictions hold them)
     */
    public List<String> renameRows(List<String> warnings, int[] rows) {
        return warnings.stream().map(w -> renameRows(w, i -> i < rows.length ? rows[i] : -1)).toList();
    }

    /**
     * The warning about the rows {@code --drop-invalid} left out, or empty when none were:
     * "FILE: dropped 3 rows whose score is not a finite number (NaN, infinite, empty or not a
     * number; --drop-invalid): lines 4, 9, 12".
     */
    public List<String> droppedWarning(String source) {
        if (dropped == 0) {
            return List.of();
        }
        StringBuilder sb = new StringBuilder();
        sb.append(source).append(String.format(Locale.ROOT, ": dropped %,d row%s whose score is not a finite number"
                + " (NaN, infinite, empty or not a number; --drop-invalid): ", dropped, dropped == 1 ? "" : "s"));
        for (int i = 0; i < firstDropped.length; i++) {
            String w = format(place, firstDropped[i]);
            int space = w.indexOf(' ');
            // "lines 4, 9, 12", "rows [3], [7]"
            sb.append(i > 0 ? ", " : dropped > 1 ? w.substring(0, space) + "s " : w.substring(0, space + 1))
                    .append(w, space + 1, w.length());
        }
        if (dropped > firstDropped.length) {
            sb.append(String.format(Locale.ROOT, " and %,d more", dropped - firstDropped.length));
        }
        return List.of(sb.toString());
    }

    /** Collects the position of each row kept and of each row dropped, in input order. */
    static final class Builder {
        private final Place place;
        private long[] origin; // null while every row kept is at its default position
        private int rows;
        private long dropped;
        private final long[] firstDropped = new long[SHOWN];

        private Builder(Place place) {
            this.place = place;
        }

        private long defaultPosition(int row) {
            return place == Place.LINE ? row + 2L : place == Place.ROW ? row + 1L : row;
        }

        /** The next row kept is at {@code position}. */
        void keep(long position) {
            if (origin == null && position != defaultPosition(rows)) {
                origin = new long[Math.max(16, rows * 2)];
                for (int i = 0; i < rows; i++) {
                    origin[i] = defaultPosition(i);
                }
            }
            if (origin != null) {
                if (rows == origin.length) {
                    origin = Arrays.copyOf(origin, (int) Math.min(NpyArray.MAX_ARRAY_LENGTH, 2L * rows));
                }
                origin[rows] = position;
            }
            rows++;
        }

        /** The row at {@code position} is left out. */
        void drop(long position) {
            if (dropped < SHOWN) {
                firstDropped[(int) dropped] = position;
            }
            dropped++;
        }

        /** Rows dropped so far. */
        long dropped() {
            return dropped;
        }

        InputRows build() {
            return new InputRows(place, origin == null ? null : Arrays.copyOf(origin, rows), null, dropped,
                    Arrays.copyOf(firstDropped, (int) Math.min(dropped, SHOWN)));
        }
    }
}

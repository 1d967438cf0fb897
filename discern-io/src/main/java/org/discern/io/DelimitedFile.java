package org.discern.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

/**
 * A delimited text file with a header row, read record by record with located, typed access to
 * fields. Comma- or tab-separated (detected from the header line: tabs and no commas means TSV),
 * optionally gzip-compressed (detected from the magic bytes, whatever the file name), UTF-8 with
 * an optional byte-order mark. Parsing is FastCSV's (RFC 4180 quoting).
 *
 * <p>Every error is an {@link InputException} naming file, line, column, what was expected and
 * what was found. A record whose field count differs from the header's is an error (a ragged
 * row); empty lines are skipped.
 */
public final class DelimitedFile implements Closeable {
    private final String name;
    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private final List<String> header;
    // column name -> index, so that a header of 16,000 columns is not searched 16,000 times
    private final Map<String, Integer> columns;
    private final char separator;
    private final CountingInputStream counter;
    private final long size;
    private ProgressListener progress = ProgressListener.NONE;
    private long rows;
    private CsvRecord current;

    private DelimitedFile(String name, CsvReader<CsvRecord> reader, char separator,
            CountingInputStream counter, long size) throws InputException {
        this.name = name;
        this.counter = counter;
        this.size = size;
        this.reader = reader;
        this.records = reader.iterator();
        this.separator = separator;
        CsvRecord head = nextRecord();
        if (head == null) {
            throw new InputException(name, 1, null, "expected a header row, found an empty file");
        }
        List<String> h = new ArrayList<>(head.getFieldCount());
        for (String f : head.getFields()) {
            h.add(f.strip());
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < h.size(); i++) {
            if (h.get(i).isEmpty()) {
                throw new InputException(name, head.getStartingLineNumber(), null,
                        "expected a name for every column of the header, found an empty name in column "
                                + (i + 1));
            }
            Integer first = index.putIfAbsent(h.get(i), i);
            if (first != null) {
                throw new InputException(name, head.getStartingLineNumber(), h.get(i),
                        "expected unique column names, found this name in columns " + (first + 1)
                                + " and " + (i + 1));
            }
        }
        this.header = Collections.unmodifiableList(h);
        this.columns = index;
    }

    /**
     * Opens a file, detecting gzip compression and the separator.
     *
     * @throws InputException when the file does not exist, is empty or has a bad header
     * @throws IOException on other I/O failures
     */
    public static DelimitedFile open(Path path) throws IOException {
        String name = path.toString();
        InputStream in;
        long size;
        try {
            size = Files.size(path);
            in = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new InputException(name, 0, null, "no such file", e);
        }
        return open(name, in, size);
    }

    /**
     * Reads a delimited file from a stream positioned at its first byte, detecting gzip
     * compression and the separator; closing the result closes the stream.
     *
     * @param name the file name for messages
     * @param size its size in bytes for progress (0 when unknown)
     */
    static DelimitedFile open(String name, InputStream stream, long size) throws IOException {
        CountingInputStream counter = new CountingInputStream(stream);
        InputStream raw = new BufferedInputStream(counter, 1 << 16);
        try {
            raw.mark(4);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream in = raw;
            if (b0 == 0x1f && b1 == 0x8b) {
                in = new BufferedInputStream(new GzipMembers(name, raw, 1 << 16), 1 << 16);
            }
            in.mark(1 << 16);
            byte[] probe = in.readNBytes(1 << 15);
            in.reset();
            char sep = detectSeparator(probe);
            Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
            CsvReader<CsvRecord> csv = CsvReader.builder()
                    .fieldSeparator(sep)
                    .skipEmptyLines(true)
                    .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .detectBomHeader(false)
                    .ofCsvRecord(skipBom(r));
            return new DelimitedFile(name, csv, sep, counter, size);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static Reader skipBom(Reader r) throws IOException {
        java.io.PushbackReader p = new java.io.PushbackReader(r, 1);
        int c = p.read();
        if (c != -1 && c != '\uFEFF') {
            p.unread(c);
        }
        return p;
    }

    private static char detectSeparator(byte[] probe) {
        int tabs = 0;
        int commas = 0;
        for (byte b : probe) {
            if (b == '\n') {
                break;
            }
            if (b == '\t') {
                tabs++;
            } else if (b == ',') {
                commas++;
            }
        }
        return tabs > 0 && commas == 0 ? '\t' : ',';
    }

    private CsvRecord nextRecord() throws InputException {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (CsvParseException e) {
            // FastCSV says "... record that started in line N" and puts the reason in the cause
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("line (\\d+)").matcher(
                    String.valueOf(e.getMessage()));
            long line = m.find() ? Long.parseLong(m.group(1)) : 0;
            String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new InputException(name, line, null, "malformed CSV: " + reason, e);
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof InputException located) {
                throw located; // e.g. a damaged gzip stream, located by its byte offset
            }
            throw new InputException(name, current == null ? 0 : current.getStartingLineNumber(), null,
                    "could not read: " + e.getCause().getMessage(), e);
        }
    }

    /** Reports reading progress to {@code listener} (rows and bytes). */
    public DelimitedFile onProgress(ProgressListener listener) {
        this.progress = listener == null ? ProgressListener.NONE : listener;
        return this;
    }

    /** The file name as given. */
    public String name() {
        return name;
    }

    /** The column names of the header row (stripped of surrounding white space). */
    public List<String> header() {
        return header;
    }

    /** The separator in use: ',' or '\t'. */
    public char separator() {
        return separator;
    }

    /** Index of a column, or -1. */
    public int columnIndex(String column) {
        return columns.getOrDefault(column, -1);
    }

    /**
     * Index of a column that must exist.
     *
     * @param what what the column is for, e.g. "labels" (used in the message)
     * @param taken columns already used for something else, never suggested instead
     * @throws InputException naming the missing column, listing the columns that do exist and
     *     suggesting the closest one ({@link DidYouMean})
     */
    public int requireColumn(String column, String what, String... taken) throws InputException {
        int i = columnIndex(column);
        if (i < 0) {
            List<String> candidates = new ArrayList<>(header);
            candidates.removeAll(java.util.Arrays.asList(taken));
            throw new InputException(name, 1, null, String.format(Locale.ROOT, "no column '%s' for the %s; columns: %s%s",
                    column, what, String.join(", ", header), DidYouMean.hint(column, candidates)));
        }
        return i;
    }

    /**
     * Advances to the next record.
     *
     * @return false at the end of the file
     * @throws InputException on a ragged row or malformed quoting
     */
    public boolean next() throws InputException {
        current = nextRecord();
        if (current == null) {
            progress.done(name, rows);
            return false;
        }
        if ((++rows & 0xFFFF) == 0) {
            progress.progress(name, counter.count(), size, rows);
        }
        if (current.getFieldCount() != header.size()) {
            throw new InputException(name, current.getStartingLineNumber(), null, String.format(Locale.ROOT,
                    "expected %d fields as in the header, found %d", header.size(), current.getFieldCount()));
        }
        return true;
    }

    /** Line number (1-based, header = 1) where the current record starts. */
    public long line() {
        return current.getStartingLineNumber();
    }

    /** Raw text of field {@code column} of the current record. */
    public String field(int column) {
        return current.getField(column);
    }

    /**
     * Field {@code column} as a finite number.
     *
     * @throws InputException when empty, not a number, NaN or infinite
     */
    public double number(int column) throws InputException {
        String s = current.getField(column);
        double v = parse(s, column);
        if (!Double.isFinite(v)) {
            throw error(column, "expected a finite number, found '" + s + "'");
        }
        return v;
    }

    /**
     * Field {@code column} as a finite number, or NaN when it is not one (empty, not a number, NaN
     * or infinite): how {@code --drop-invalid} tells a row to leave out.
     */
    public double numberOrNaN(int column) {
        try {
            return number(column);
        } catch (InputException e) {
            return Double.NaN;
        }
    }

    /**
     * Field {@code column} as a sample weight: a finite number &gt;= 0.
     */
    public double weight(int column) throws InputException {
        double v = number(column);
        if (v < 0) {
            throw error(column, "expected a weight >= 0, found '" + current.getField(column) + "'");
        }
        return v;
    }

    private double parse(String s, int column) throws InputException {
        String t = s.strip();
        if (t.isEmpty()) {
            throw error(column, "expected a number, found an empty field");
        }
        char last = t.charAt(t.length() - 1);
        // Java also accepts "1d", "2f" and hex floats: reject what no CSV writer produces; and
        // Double.parseDouble trims control characters ("0.9\0" would be 0.9): a number has none
        if (last == 'd' || last == 'D' || last == 'f' || last == 'F' || t.indexOf('x') >= 0 || t.indexOf('X') >= 0
                || t.charAt(0) < ' ' || last < ' ') {
            throw error(column, "expected a number, found '" + s + "'");
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.equals("nan") || lower.equals("inf") || lower.equals("-inf") || lower.equals("+inf")
                    || lower.equals("infinity") || lower.equals("-infinity")) {
                throw error(column, "expected a finite number, found '" + s + "'");
            }
            throw new InputException(name, line(), header.get(column),
                    "expected a number, found '" + abbreviate(s) + "'", e);
        }
    }

    /** An error located at the current record and the given column. */
    public InputException error(int column, String problem) {
        return new InputException(name, line(), column < 0 ? null : header.get(column), problem);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** Counts the bytes read from the file (before decompression). */
    static final class CountingInputStream extends java.io.FilterInputStream {
        private volatile long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}

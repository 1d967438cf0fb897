package org.discern.io;

import java.util.Arrays;

/**
 * One chunk of a delimited file (whole lines, starting outside quotes) parsed by the chunked
 * reader into primitive arrays, or null when any row is not plainly well formed: fields unquoted
 * or simply quoted (no escaped quotes, no quote inside an unquoted field), the header's number of
 * fields, line ends LF or CRLF, every number in the plain decimal syntax ({@link FastNumber}),
 * weights &gt;= 0, 0/1 indicators, labels that are classes (multi-class) or at most
 * {@link #MAX_CODES} distinct texts (binary). Declining is always safe: the sequential reader then
 * reads the file and names the first problem.
 */
final class CsvChunk {
    /** What a field of a row is. */
    static final byte SKIP = 0;
    /** The label: a class name (when the plan has classes) or a text coded per chunk. */
    static final byte LABEL = 1;
    /** A score: a finite number. */
    static final byte NUMBER = 2;
    /** A weight: a finite number &gt;= 0. */
    static final byte WEIGHT = 3;
    /** A multi-label indicator: 0 or 1. */
    static final byte INDICATOR = 4;
    /** Distinct label texts a chunk of binary rows may hold. */
    static final int MAX_CODES = 8;

    /**
     * What the reader takes from each field of a row.
     *
     * @param separator ',' or '\t'
     * @param roles the role of each of the header's fields
     * @param slots for a NUMBER or WEIGHT field its place among the row's numbers; for an
     *     INDICATOR its place among the row's indicators
     * @param numbers numbers per row
     * @param indicators indicators per row
     * @param classes the class names' bytes to their index, or null (labels coded per chunk)
     */
    record Plan(byte separator, byte[] roles, int[] slots, int numbers, int indicators, ByteKeys classes) {
        int fields() {
            return roles.length;
        }

        boolean hasLabel() {
            for (byte r : roles) {
                if (r == LABEL) {
                    return true;
                }
            }
            return false;
        }
    }

    double[] numbers; // rows x plan.numbers, row-major
    int[] labels; // class index, or the chunk's code of the label text; null without a label
    byte[] indicators; // rows x plan.indicators, 0/1; null without indicators
    final byte[][] codes = new byte[MAX_CODES][]; // code -> label bytes (binary)
    int codeCount;
    int rows;
    int bytes; // of the text parsed

    private final Plan plan;
    private int capacity; // rows
    private final int[] end = new int[1]; // where FastNumber.prefix stopped

    private CsvChunk(int capacity, Plan plan) {
        this.plan = plan;
        this.capacity = capacity;
        numbers = new double[capacity * plan.numbers()];
        labels = plan.hasLabel() ? new int[capacity] : null;
        indicators = plan.indicators() == 0 ? null : new byte[capacity * plan.indicators()];
    }

    /** Room for half as many rows again (the rows so far kept). */
    private void grow() {
        capacity = capacity + (capacity >> 1) + 16;
        numbers = Arrays.copyOf(numbers, capacity * plan.numbers());
        labels = labels == null ? null : Arrays.copyOf(labels, capacity);
        indicators = indicators == null ? null : Arrays.copyOf(indicators, capacity * plan.indicators());
    }

    /**
     * Rows to make room for in a new chunk of {@code b[from, to)}: as many as lines of the first
     * line's length fit, and a little more (the chunk grows when its rows are shorter), but never
     * more than rows of the shortest well formed length (a separator or line end per field, a byte
     * per field read) fit.
     */
    private static int capacityFor(byte[] b, int from, int to, Plan plan) {
        int read = 0;
        for (byte r : plan.roles()) {
            read += r == SKIP ? 0 : 1;
        }
        long most = (to - from + 1L) / (plan.fields() + read) + 1;
        int nl = indexOf(b, from, to, (byte) '\n');
        long line = nl < 0 ? to - from : nl + 1 - from;
        long guess = (to - from) / Math.max(1, line) * 9 / 8 + 16;
        return (int) Math.min(most, guess);
    }

    /**
     * Parses {@code b[from, to)} (whole lines) into {@code reuse} (its arrays are overwritten and
     * grown as needed) or into a new chunk, or returns null on anything not plainly well formed.
     *
     * <p>One pass over the bytes: a number field that starts unquoted is read by
     * {@link FastNumber#prefix} where it stands; only when it does not end right at a separator or
     * line end (white space around it, a quote, any other text) is the field delimited first and
     * read by {@link FastNumber#number}, as every other field is.
     */
    static CsvChunk parse(byte[] b, int from, int to, Plan plan, CsvChunk reuse) {
        CsvChunk c;
        if (reuse != null) {
            c = reuse;
            c.rows = 0;
            c.codeCount = 0;
        } else {
            c = new CsvChunk(capacityFor(b, from, to, plan), plan);
        }
        c.bytes = to - from;
        int[] end = c.end;
        byte sep = plan.separator();
        byte[] roles = plan.roles();
        int[] slots = plan.slots();
        int fields = roles.length;
        int width = plan.numbers();
        int ind = plan.indicators();
        int p = from;
        while (p < to) {
            byte first = b[p];
            if (first == '\n') {
                p++;
                continue;
            }
            if (first == '\r') {
                if (p + 1 < to && b[p + 1] == '\n') {
                    p += 2;
                    continue;
                }
                return null;
            }
            int row = c.rows;
            if (row == c.capacity) {
                c.grow();
            }
            int field = 0;
            while (true) {
                if (field >= fields) {
                    return null; // a ragged row
                }
                byte role = roles[field];
                double v = Double.NaN;
                boolean read = false;
                if (role >= NUMBER && p < to && b[p] != '"') {
                    // the common case: a bare number right up to the separator or line end
                    v = FastNumber.prefix(b, p, to, end);
                    int e = end[0];
                    if (v == v && (e == to || b[e] == sep || b[e] == '\n' || b[e] == '\r')) {
                        p = e;
                        read = true;
                    }
                }
                if (!read) {
                    int fs;
                    int fe;
                    if (p < to && b[p] == '"') {
                        int q = indexOf(b, p + 1, to, (byte) '"');
                        if (q < 0 || q + 1 < to && b[q + 1] == '"') {
                            return null; // unterminated, or an escaped quote: the sequential reader decides
                        }
                        fs = p + 1;
                        fe = q;
                        p = q + 1;
                        if (p < to && b[p] != sep && b[p] != '\n' && b[p] != '\r') {
                            return null;
                        }
                    } else {
                        fs = p;
                        while (p < to) {
                            byte x = b[p];
                            if (x == sep || x == '\n' || x == '\r') {
                                break;
                            }
                            if (x == '"') {
                                return null;
                            }
                            p++;
                        }
                        fe = p;
                    }
                    if (role >= NUMBER) {
                        v = FastNumber.number(b, fs, fe);
                    } else if (role == LABEL && !c.label(b, fs, fe, plan.classes())) {
                        return null;
                    }
                }
                switch (role) {
                    case NUMBER -> {
                        if (Double.isNaN(v)) {
                            return null;
                        }
                        c.numbers[row * width + slots[field]] = v;
                    }
                    case WEIGHT -> {
                        if (!(v >= 0)) {
                            return null;
                        }
                        c.numbers[row * width + slots[field]] = v;
                    }
                    case INDICATOR -> {
                        if (v != 0 && v != 1) {
                            return null; // NaN included
                        }
                        c.indicators[row * ind + slots[field]] = (byte) (v == 1 ? 1 : 0);
                    }
                    default -> {
                    }
                }
                field++;
                if (p >= to) {
                    break;
                }
                byte x = b[p];
                if (x == sep) {
                    p++;
                    continue;
                }
                if (x == '\n') {
                    p++;
                    break;
                }
                if (p + 1 < to && b[p + 1] == '\n') { // x is '\r'
                    p += 2;
                    break;
                }
                return null;
            }
            if (field != fields) {
                return null;
            }
            c.rows++;
        }
        return c;
    }

    /**
     * Records the label in {@code b[fs, fe)} (ASCII white space around it stripped): its class
     * index, or its code in this chunk; false when it is empty, not a class, or one distinct text
     * too many.
     */
    private boolean label(byte[] b, int fs, int fe, ByteKeys classes) {
        while (fs < fe && FastNumber.isSpace(b[fs])) {
            fs++;
        }
        while (fe > fs && FastNumber.isSpace(b[fe - 1])) {
            fe--;
        }
        if (fs == fe || fe - fs >= 3 && (unicodeSpace(b, fs) || unicodeSpace(b, fe - 3))) {
            return false; // empty, or white space beyond ASCII that String.strip removes
        }
        if (classes != null) {
            int k = classes.get(b, fs, fe);
            labels[rows] = k;
            return k >= 0;
        }
        int len = fe - fs;
        for (int k = 0; k < codeCount; k++) {
            byte[] v = codes[k];
            if (v.length == len && Arrays.equals(v, 0, len, b, fs, fe)) {
                labels[rows] = k;
                return true;
            }
        }
        if (codeCount == MAX_CODES) {
            return false;
        }
        codes[codeCount] = Arrays.copyOfRange(b, fs, fe);
        labels[rows] = codeCount++;
        return true;
    }

    /**
     * Whether {@code b[i, i + 3)} is the UTF-8 form of a character beyond ASCII that
     * {@link Character#isWhitespace} (and so {@link String#strip()}) counts as white space:
     * U+1680, U+2000-U+2006, U+2008-U+200A, U+2028, U+2029, U+205F, U+3000 (all three bytes long).
     */
    static boolean unicodeSpace(byte[] b, int i) {
        int b0 = b[i] & 0xff;
        int b1 = b[i + 1] & 0xff;
        int b2 = b[i + 2] & 0xff;
        return b0 == 0xe1 && b1 == 0x9a && b2 == 0x80
                || b0 == 0xe2 && b1 == 0x80 && (b2 >= 0x80 && b2 <= 0x8a && b2 != 0x87 || b2 == 0xa8 || b2 == 0xa9)
                || b0 == 0xe2 && b1 == 0x81 && b2 == 0x9f
                || b0 == 0xe3 && b1 == 0x80 && b2 == 0x80;
    }

    static int indexOf(byte[] b, int from, int to, byte x) {
        for (int i = from; i < to; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }
}

package org.discern.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The top-level fields of a Parquet file as a table: flat columns (one value per row), score
 * vectors (a list of numbers per row: a {@code list<double>} column as pandas/pyarrow and Spark
 * write it, or a Spark ML vector, the struct {@code {type, size, indices, values}}), and the
 * conversions every layout needs: numbers, labels as text codes, ids, each with the row (and row
 * group) of the first null or bad value.
 */
final class ParquetFields {
    /** What a top-level field holds. */
    enum Kind {
        /** One primitive value per row. */
        FLAT,
        /** A list of numbers per row. */
        LIST,
        /** A Spark ML vector per row. */
        VECTOR,
        /** Anything else (maps, other structs, nested lists): not readable as predictions. */
        OTHER
    }

    private final ParquetFile file;
    private final String source;
    private final long[] groupRows; // first row of each row group, then the row count

    ParquetFields(ParquetFile file) {
        this.file = file;
        this.source = file.source();
        List<ParquetFile.RowGroup> groups = file.rowGroups();
        groupRows = new long[groups.size() + 1];
        for (int g = 0; g < groups.size(); g++) {
            groupRows[g + 1] = groupRows[g] + groups.get(g).rows();
        }
    }

    /** The file name as given. */
    String source() {
        return source;
    }

    /** The number of rows. */
    long rows() {
        return file.rows();
    }

    /** The field names, in schema order. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        for (ParquetFile.Node n : file.fields()) {
            names.add(n.name);
        }
        return names;
    }

    /** The field named {@code name}, or null. */
    ParquetFile.Node field(String name) {
        for (ParquetFile.Node n : file.fields()) {
            if (n.name.equals(name)) {
                return n;
            }
        }
        return null;
    }

    /** What {@code n} holds. */
    static Kind kind(ParquetFile.Node n) {
        if (n.isLeaf()) {
            return n.repetition == ParquetFile.REPEATED ? (numeric(n) ? Kind.LIST : Kind.OTHER) : Kind.FLAT;
        }
        if (listElement(n) != null) {
            return numeric(listElement(n)) ? Kind.LIST : Kind.OTHER;
        }
        ParquetFile.Node type = n.child("type");
        ParquetFile.Node values = n.child("values");
        if (type != null && type.isLeaf() && n.child("size") != null && n.child("indices") != null
                && values != null && listElement(values) != null && numeric(listElement(values))) {
            return Kind.VECTOR;
        }
        return Kind.OTHER;
    }

    private static boolean numeric(ParquetFile.Node leaf) {
        return leaf.type == ParquetFile.INT32 || leaf.type == ParquetFile.INT64 || leaf.type == ParquetFile.FLOAT
                || leaf.type == ParquetFile.DOUBLE;
    }

    /**
     * The primitive element of a list: the leaf of a three-level list ({@code group (LIST) {
     * repeated group list { element } }}), of a two-level one ({@code group (LIST) { repeated
     * double array }}) or a repeated primitive; null when {@code n} is not such a list.
     */
    static ParquetFile.Node listElement(ParquetFile.Node n) {
        if (n.isLeaf()) {
            return n.repetition == ParquetFile.REPEATED ? n : null;
        }
        if (!n.isList() || n.children.size() != 1) {
            return null;
        }
        ParquetFile.Node repeated = n.children.get(0);
        if (repeated.repetition != ParquetFile.REPEATED) {
            return null;
        }
        if (repeated.isLeaf()) {
            return repeated;
        }
        if (repeated.children.size() == 1 && repeated.children.get(0).isLeaf()
                && repeated.children.get(0).repetition != ParquetFile.REPEATED) {
            return repeated.children.get(0);
        }
        return null;
    }

    /** Where row {@code row} (0-based) is, for messages: "row 18 (row group 0)". */
    String where(long row) {
        int g = 0;
        while (g + 2 < groupRows.length && groupRows[g + 1] <= row) {
            g++;
        }
        return String.format(Locale.ROOT, "row %d (row group %d)", row + 1, g);
    }

    private InputException error(String column, long row, String problem) {
        return new InputException(source, 0, column, where(row) + ": " + problem);
    }

    /** Refuses a field that is not a flat column, naming what it is. */
    ParquetFile.Node flat(String name, String what) throws InputException {
        ParquetFile.Node n = field(name);
        if (kind(n) != Kind.FLAT) {
            throw new InputException(source, 0, name, "expected a column of single values for the " + what
                    + ", found a " + n.typeName() + (kind(n) == Kind.OTHER ? "" : " of numbers per row"));
        }
        return n;
    }

    /** A flat column read, with its first null refused. */
    private ParquetColumn column(ParquetFile.Node leaf, String what) throws IOException {
        return refuseNull(ParquetColumn.read(file, leaf), leaf, what);
    }

    private ParquetColumn refuseNull(ParquetColumn c, ParquetFile.Node leaf, String what) throws InputException {
        byte[] def = c.definition();
        if (def != null) {
            for (int i = 0; i < def.length; i++) {
                if (def[i] != leaf.maxDefinition) {
                    throw error(leaf.name, i, "expected " + what + ", found null");
                }
            }
        }
        return c;
    }

    /**
     * A flat numeric column as doubles (no copy for double columns).
     *
     * @param what e.g. "a score", for messages
     * @throws InputException for a null, a non-numeric column, NaN or infinity
     */
    double[] numbers(String name, String what) throws IOException {
        ParquetFile.Node leaf = flat(name, what);
        if (!numeric(leaf)) {
            throw new InputException(source, 0, name, "expected numbers for the " + what + ", found a "
                    + leaf.typeName() + " column");
        }
        ParquetColumn c = column(leaf, "a number");
        double[] d = asDoubles(c);
        // floating values are checked as they are decoded; no nulls here, so a value's index is its row
        int bad = c.doubles() != null ? c.firstNonFinite() : -1;
        if (bad >= 0) {
            throw error(name, bad, "expected a finite number, found " + d[bad]);
        }
        return d;
    }

    /**
     * A flat numeric column of scores: as {@link #numbers}, or, when {@code lenient}
     * ({@code --drop-invalid}), with NaN for a null and NaN or infinite values kept, for
     * {@link RowFilter} to leave those rows out.
     */
    double[] scores(String name, boolean lenient) throws IOException {
        if (!lenient) {
            return numbers(name, "scores");
        }
        ParquetFile.Node leaf = flat(name, "scores");
        if (!numeric(leaf)) {
            throw new InputException(source, 0, name, "expected numbers for the scores, found a "
                    + leaf.typeName() + " column");
        }
        ParquetColumn c = ParquetColumn.read(file, leaf);
        double[] values = asDoubles(c);
        byte[] def = c.definition();
        if (def == null) {
            return values;
        }
        double[] out = new double[def.length];
        int v = 0;
        for (int i = 0; i < def.length; i++) {
            out[i] = def[i] == leaf.maxDefinition ? values[v++] : Double.NaN;
        }
        return out;
    }

    /** A flat column of weights: finite numbers &gt;= 0. */
    double[] weights(String name) throws IOException {
        double[] w = numbers(name, "weights");
        for (int i = 0; i < w.length; i++) {
            if (!(w[i] >= 0)) {
                throw error(name, i, "expected a weight >= 0, found " + w[i]);
            }
        }
        return w;
    }

    /** Labels as codes into {@link #values}, codes numbered in order of first appearance. */
    record Labels(int[] codes, List<String> values, Map<String, Long> firstRow) {
    }

    /**
     * A flat column of labels of any readable type as text codes: integers and whole floating
     * values as integers ({@code 1}, also for {@code 1.0}), other floating values as Java writes
     * them, booleans as {@code true}/{@code false}, strings as they are.
     */
    Labels labels(String name, String what) throws IOException {
        ParquetFile.Node leaf = flat(name, what);
        // integers come as codes into their distinct values, like texts
        ParquetColumn c = refuseNull(ParquetColumn.readCoded(file, leaf), leaf, "a label");
        int n = c.values();
        int[] raw = c.codes(); // the column's own array, numbered again in place below
        List<String> texts = new ArrayList<>();
        if (raw != null && c.distinct() != null) {
            for (long v : c.distinct()) {
                texts.add(labelText(leaf, v));
            }
        } else if (raw != null) {
            for (String s : c.texts()) {
                texts.add(s.strip());
            }
        } else {
            raw = new int[n];
            // few distinct values: a linear look-up, the last hit first
            long[] keys = new long[16];
            int k = 0;
            int last = -1;
            Map<Long, Integer> many = null;
            double[] d = c.doubles();
            for (int i = 0; i < n; i++) {
                long key = Double.doubleToLongBits(d[i] == 0 ? 0.0 : d[i]);
                if (last >= 0 && keys[last] == key) {
                    raw[i] = last;
                    continue;
                }
                int found = -1;
                if (many != null) {
                    Integer f = many.get(key);
                    found = f == null ? -1 : f;
                } else {
                    for (int j = 0; j < k; j++) {
                        if (keys[j] == key) {
                            found = j;
                            break;
                        }
                    }
                }
                if (found < 0) {
                    found = k;
                    if (k == keys.length) {
                        keys = java.util.Arrays.copyOf(keys, k * 2);
                    }
                    keys[k++] = key;
                    texts.add(labelText(d[i]));
                    if (k > 64 && many == null) {
                        many = new java.util.HashMap<>();
                        for (int j = 0; j < k; j++) {
                            many.put(keys[j], j);
                        }
                    } else if (many != null) {
                        many.put(key, found);
                    }
                }
                raw[i] = found;
                last = found;
            }
        }
        // number the values by first appearance; two codes may share a text after stripping. Once
        // every code has appeared, numbered as it was, the rest of the rows keep their codes.
        Map<String, Integer> order = new LinkedHashMap<>();
        Map<String, Long> firstRow = new LinkedHashMap<>();
        int[] remap = new int[texts.size()];
        java.util.Arrays.fill(remap, -1);
        int[] codes = raw;
        int unseen = remap.length;
        boolean same = true;
        for (int i = 0; i < n; i++) {
            int r = raw[i];
            int code = remap[r];
            if (code < 0) {
                String t = texts.get(r);
                if (t.isEmpty()) {
                    throw error(name, i, "expected a label, found an empty text");
                }
                Integer known = order.get(t);
                if (known == null) {
                    known = order.size();
                    order.put(t, known);
                    firstRow.put(t, (long) i + 1);
                }
                code = known;
                remap[r] = code;
                same &= code == r;
                if (--unseen == 0 && same) {
                    break;
                }
            }
            codes[i] = code;
        }
        return new Labels(codes, new ArrayList<>(order.keySet()), firstRow);
    }

    private static String labelText(ParquetFile.Node leaf, long v) {
        if (leaf.type == ParquetFile.BOOLEAN) {
            return v != 0 ? "true" : "false";
        }
        return leaf.convertedType == ParquetFile.CONVERTED_UINT_64 ? Long.toUnsignedString(v) : Long.toString(v);
    }

    private static String labelText(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** A flat column of row ids as text: never empty, unique. */
    String[] ids(String name) throws IOException {
        Labels l = labels(name, "ids");
        String[] ids = new String[l.codes().length];
        Map<String, Long> seen = new java.util.HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            String id = l.values().get(l.codes()[i]);
            Long before = seen.putIfAbsent(id, (long) i + 1);
            if (before != null) {
                throw error(name, i, "expected unique ids, found '" + id + "' also on row " + before);
            }
            ids[i] = id;
        }
        return ids;
    }

    /**
     * A score vector column as an n x K row-major matrix: every row must hold K finite numbers
     * (dense), or, for a sparse Spark vector, its size K with the values at their indices.
     */
    ScoreMatrix vectors(String name) throws IOException {
        return vectors(name, false);
    }

    /** As {@link #vectors(String)}; NaN and infinite scores kept when {@code lenient} ({@code --drop-invalid}). */
    ScoreMatrix vectors(String name, boolean lenient) throws IOException {
        ParquetFile.Node field = field(name);
        Kind kind = kind(field);
        int rows = (int) file.rows();
        if (kind == Kind.LIST) {
            Lists l = lists(field, listElement(field), true);
            int k = l.start[1] - l.start[0];
            for (int r = 0; r < rows; r++) {
                int width = l.start[r + 1] - l.start[r];
                if (width != k) {
                    throw error(name, r, "expected " + k + " scores as in row 1, found " + width);
                }
            }
            return matrix(name, l.values, rows, k, lenient);
        }
        if (kind != Kind.VECTOR) {
            throw new InputException(source, 0, name, "expected a list of scores per row, found a "
                    + field.typeName());
        }
        ParquetFile.Node typeLeaf = field.child("type");
        ParquetColumn types = ParquetColumn.read(file, typeLeaf);
        ParquetFile.Node sizeNode = field.child("size");
        ParquetColumn sizes = sizeNode.isLeaf() ? ParquetColumn.read(file, sizeNode) : null;
        ParquetFile.Node indicesNode = field.child("indices");
        Lists indices = listElement(indicesNode) == null ? null : lists(indicesNode, listElement(indicesNode), false);
        Lists values = lists(field.child("values"), listElement(field.child("values")), false);
        int k = -1;
        double[] out = null;
        int[] sizeAt = positions(sizes, rows);
        int[] typeAt = positions(types, rows);
        for (int r = 0; r < rows; r++) {
            if (typeAt[r] < 0 || values.isNull[r]) {
                throw error(name, r, "expected a vector of scores, found null");
            }
            long type = types.longs()[typeAt[r]];
            int from = values.start[r];
            int width;
            boolean sparse = type == 0;
            if (sparse) {
                if (sizes == null || sizeAt[r] < 0 || indices == null || indices.isNull[r]) {
                    throw error(name, r, "expected a sparse vector with its size and indices, found them null");
                }
                width = (int) Math.min(Integer.MAX_VALUE, Math.max(0, sizes.longs()[sizeAt[r]]));
            } else if (type == 1) {
                width = values.start[r + 1] - from;
            } else {
                throw error(name, r, "expected a vector of type 0 (sparse) or 1 (dense), found type " + type);
            }
            if (k < 0) {
                k = width;
                if (k < 1 || (long) k * rows > NpyArray.MAX_ARRAY_LENGTH) {
                    throw error(name, r, "expected a vector of at least 1 score, found size " + k);
                }
                HeapBudget.check(source, HeapBudget.count(rows) + " x " + HeapBudget.count(k) + " scores",
                        HeapBudget.matrix(rows, k, false));
                out = new double[rows * k];
            } else if (width != k) {
                throw error(name, r, "expected " + k + " scores as in row 1, found " + width);
            }
            int base = r * k;
            if (sparse) {
                int n = values.start[r + 1] - from;
                int at = indices.start[r];
                if (indices.start[r + 1] - at != n) {
                    throw error(name, r, "a sparse vector with " + (indices.start[r + 1] - at) + " indices and " + n
                            + " values");
                }
                for (int j = 0; j < n; j++) {
                    double index = indices.values[at + j];
                    if (!(index >= 0 && index < k)) {
                        throw error(name, r, "a sparse vector index " + (long) index + " outside 0.." + (k - 1));
                    }
                    out[base + (int) index] = values.values[from + j];
                }
            } else {
                System.arraycopy(values.values, from, out, base, k);
            }
        }
        return matrix(name, out, rows, k, lenient);
    }

    private ScoreMatrix matrix(String name, double[] values, int rows, int k, boolean lenient) throws InputException {
        int bad = lenient ? -1 : ScoreMatrix.firstNonFinite(values);
        if (bad >= 0) {
            throw error(name, bad / k, String.format(Locale.ROOT, "score %d of the row is %s; expected finite"
                    + " numbers", bad % k + 1, values[bad]));
        }
        if (k < 1) {
            throw new InputException(source, 0, name, "expected at least one score per row, found none");
        }
        return ScoreMatrix.wrap(values, rows, k);
    }

    /** For a column with one slot per row (a leaf inside a struct): the value index of each row, -1 for null. */
    private static int[] positions(ParquetColumn c, int rows) {
        int[] at = new int[rows];
        if (c == null) {
            java.util.Arrays.fill(at, -1);
            return at;
        }
        byte[] def = c.definition();
        int v = 0;
        for (int r = 0; r < rows; r++) {
            at[r] = def == null || def[r] == c.leaf().maxDefinition ? v++ : -1;
        }
        return at;
    }

    /** A list column by rows: the values of row r are values[start[r], start[r+1]). */
    private record Lists(double[] values, int[] start, boolean[] isNull) {
    }

    private Lists lists(ParquetFile.Node field, ParquetFile.Node element, boolean refuseNull) throws IOException {
        ParquetColumn c = ParquetColumn.read(file, element);
        int rows = (int) file.rows();
        ParquetFile.Node repeated = element;
        while (repeated.repetition != ParquetFile.REPEATED) {
            repeated = repeated.parent;
        }
        int present = repeated.maxDefinition; // an element exists (maybe null)
        int listDefined = present - 1; // the list exists (maybe empty)
        byte[] def = c.definition();
        byte[] rep = c.repetition();
        int[] start = new int[rows + 1];
        boolean[] isNull = new boolean[rows];
        int row = -1;
        int value = 0;
        for (int s = 0; s < c.slots(); s++) {
            if (rep == null || rep[s] == 0) {
                row++;
                if (row >= rows) {
                    throw ParquetFile.corrupt(source, "column '" + element.path() + "' holds more rows than the file");
                }
                start[row] = value;
            }
            int d = def == null ? element.maxDefinition : def[s];
            if (d == element.maxDefinition) {
                value++;
            } else if (d >= present) {
                throw error(field.name, row, "expected a number in every list, found a null element");
            } else if (d < listDefined) {
                if (refuseNull) {
                    throw error(field.name, row, "expected a list of scores, found null");
                }
                isNull[row] = true;
            }
        }
        if (row != rows - 1) {
            throw ParquetFile.corrupt(source, "column '" + element.path() + "' holds " + (row + 1) + " rows of "
                    + rows);
        }
        start[rows] = value;
        return new Lists(asDoubles(c), start, isNull);
    }

    /** The values of a numeric column as doubles: a floating column's own array, integers converted. */
    private static double[] asDoubles(ParquetColumn c) {
        if (c.doubles() != null) {
            return c.doubles();
        }
        long[] l = c.longs();
        double[] d = new double[l.length];
        for (int i = 0; i < l.length; i++) {
            d[i] = l[i];
        }
        return d;
    }
}

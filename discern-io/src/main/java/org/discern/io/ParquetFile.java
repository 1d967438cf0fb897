package org.discern.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The metadata of a Parquet file, read from its footer: the schema as a tree of {@link Node}s,
 * its leaves (the columns stored in each row group, in order) and the row groups with the byte
 * range of every column chunk. Opened with {@link #open(Path)}; reads column chunks on demand
 * ({@link #chunk(int, int, byte[])}), so only the selected columns are read.
 *
 * <p>Everything read from the file is checked (magic bytes, footer length, schema shape, byte
 * ranges inside the file); a problem is an {@link InputException} saying what is wrong.
 */
final class ParquetFile implements AutoCloseable {
    static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    /** Physical types (parquet.thrift {@code Type}). */
    static final int BOOLEAN = 0;
    static final int INT32 = 1;
    static final int INT64 = 2;
    static final int INT96 = 3;
    static final int FLOAT = 4;
    static final int DOUBLE = 5;
    static final int BYTE_ARRAY = 6;
    static final int FIXED_LEN_BYTE_ARRAY = 7;

    private static final String[] TYPE_NAMES = {"boolean", "int32", "int64", "int96", "float", "double",
            "byte_array", "fixed_len_byte_array"};

    /** Repetition of a schema node (parquet.thrift {@code FieldRepetitionType}). */
    static final int REQUIRED = 0;
    static final int OPTIONAL = 1;
    static final int REPEATED = 2;

    /** Converted types that matter here. */
    static final int CONVERTED_UTF8 = 0;
    static final int CONVERTED_LIST = 3;
    static final int CONVERTED_ENUM = 4;
    static final int CONVERTED_DECIMAL = 5;
    static final int CONVERTED_UINT_64 = 14;

    /** Logical type union members that matter here. */
    static final int LOGICAL_STRING = 1;
    static final int LOGICAL_LIST = 3;
    static final int LOGICAL_ENUM = 4;

    private final String source;
    private final FileChannel channel;
    private final long size;
    private final Node root;
    private final List<Node> leaves;
    private final List<RowGroup> rowGroups;
    private final long rows;

    /** A node of the schema: a group (with children) or a leaf (a stored column, with a physical type). */
    static final class Node {
        final String name;
        final int repetition;
        final int type; // physical type; -1 for a group
        final int convertedType; // -1 when absent
        final int logicalType; // the LogicalType union member; -1 when absent
        final int scale; // of a DECIMAL; 0 otherwise
        final List<Node> children = new ArrayList<>();
        Node parent;
        int leafIndex = -1; // position among the leaves (column chunk index), for a leaf
        int maxDefinition;
        int maxRepetition;

        Node(String name, int repetition, int type, int convertedType, int logicalType, int scale) {
            this.name = name;
            this.repetition = repetition;
            this.type = type;
            this.convertedType = convertedType;
            this.logicalType = logicalType;
            this.scale = scale;
        }

        boolean isLeaf() {
            return type >= 0;
        }

        boolean isList() {
            return convertedType == CONVERTED_LIST || logicalType == LOGICAL_LIST;
        }

        boolean isText() {
            return convertedType == CONVERTED_UTF8 || convertedType == CONVERTED_ENUM
                    || logicalType == LOGICAL_STRING || logicalType == LOGICAL_ENUM;
        }

        /** The dotted path from the root's child, e.g. {@code probability.values.list.element}. */
        String path() {
            return parent == null || parent.parent == null ? name : parent.path() + "." + name;
        }

        /** The type as a reader would name it: {@code double}, {@code string}, {@code group}... */
        String typeName() {
            if (!isLeaf()) {
                return isList() ? "list" : "group";
            }
            if (type == BYTE_ARRAY && isText()) {
                return "string";
            }
            return TYPE_NAMES[type];
        }

        /** The child named {@code childName}, or null. */
        Node child(String childName) {
            for (Node c : children) {
                if (c.name.equals(childName)) {
                    return c;
                }
            }
            return null;
        }
    }

    /** The byte range and codec of one column chunk of a row group. */
    record Chunk(long start, long length, int codec, long values, int type) {
    }

    /** One row group: its rows and its column chunks, one per leaf. */
    record RowGroup(long rows, List<Chunk> chunks) {
    }

    private ParquetFile(String source, FileChannel channel, long size, Node root, List<Node> leaves,
            List<RowGroup> rowGroups, long rows) {
        this.source = source;
        this.channel = channel;
        this.size = size;
        this.root = root;
        this.leaves = leaves;
        this.rowGroups = rowGroups;
        this.rows = rows;
    }

    /** Whether a file starting with {@code head} is Parquet. */
    static boolean accepts(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1';
    }

    /**
     * Opens {@code file} and reads its footer.
     *
     * @throws InputException when the file is not a readable Parquet file (with what is wrong)
     */
    static ParquetFile open(Path file) throws IOException {
        String source = file.toString();
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = channel.size();
            if (size < 12) {
                throw corrupt(source, "the file is " + size + " bytes, too short for a Parquet file (at least 12)");
            }
            byte[] tail = read(channel, source, size - 8, 8);
            if (!(tail[4] == 'P' && tail[5] == 'A' && tail[6] == 'R' && tail[7] == '1')) {
                throw corrupt(source, "it does not end with the magic bytes PAR1 (truncated, or still being"
                        + " written?)");
            }
            long footerLength = Integer.toUnsignedLong(ByteBuffer.wrap(tail, 0, 4)
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt());
            if (footerLength > size - 12) {
                throw corrupt(source, "the footer length " + footerLength + " is more than the file holds ("
                        + size + " bytes)");
            }
            byte[] footer = read(channel, source, size - 8 - footerLength, (int) footerLength);
            ThriftCompact.Struct meta;
            try {
                meta = ThriftCompact.struct(footer, 0, footer.length, null);
            } catch (ThriftCompact.Corrupt e) {
                throw corrupt(source, "its footer cannot be decoded: " + e.getMessage());
            }
            try {
                return parse(source, channel, size, meta);
            } catch (ThriftCompact.Corrupt e) {
                throw corrupt(source, "its footer is malformed: " + e.getMessage());
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static ParquetFile parse(String source, FileChannel channel, long size, ThriftCompact.Struct meta)
            throws ThriftCompact.Corrupt, InputException {
        List<?> elements = meta.list(2, "schema");
        if (elements.isEmpty()) {
            throw new ThriftCompact.Corrupt("no schema");
        }
        int[] next = {0};
        Node root = node(elements, next, 0);
        if (next[0] != elements.size()) {
            throw new ThriftCompact.Corrupt("the schema has " + elements.size() + " elements, its tree "
                    + next[0]);
        }
        List<Node> leaves = new ArrayList<>();
        levels(root, 0, 0, leaves);
        long rows = meta.integer(3, "num_rows");
        List<RowGroup> groups = new ArrayList<>();
        long sum = 0;
        for (Object o : meta.list(4, "row_groups")) {
            if (!(o instanceof ThriftCompact.Struct g)) {
                throw new ThriftCompact.Corrupt("malformed row group");
            }
            long groupRows = g.integer(3, "row group num_rows");
            List<?> columns = g.list(1, "row group columns");
            if (groupRows < 0 || columns.size() != leaves.size()) {
                throw new ThriftCompact.Corrupt("row group " + groups.size() + " has " + columns.size()
                        + " column chunks for " + leaves.size() + " columns");
            }
            List<Chunk> chunks = new ArrayList<>(columns.size());
            for (Object c : columns) {
                chunks.add(chunk(source, size, c, groups.size()));
            }
            groups.add(new RowGroup(groupRows, chunks));
            sum += groupRows;
        }
        if (sum != rows || rows < 0) {
            throw new ThriftCompact.Corrupt("the footer says " + rows + " rows, its row groups " + sum);
        }
        return new ParquetFile(source, channel, size, root, Collections.unmodifiableList(leaves),
                Collections.unmodifiableList(groups), rows);
    }

    private static Chunk chunk(String source, long size, Object o, int group)
            throws ThriftCompact.Corrupt, InputException {
        if (!(o instanceof ThriftCompact.Struct c)) {
            throw new ThriftCompact.Corrupt("malformed column chunk");
        }
        if (c.has(1)) {
            throw corrupt(source, "its columns are stored in another file (" + c.text(1, "file_path")
                    + "); only self-contained Parquet files are read");
        }
        ThriftCompact.Struct m = c.struct(3, "column metadata");
        if (m == null) {
            throw new ThriftCompact.Corrupt("a column chunk of row group " + group + " has no metadata");
        }
        int type = m.integer(1, "column type", 0, 7);
        int codec = m.integer(4, "column codec", 0, 1000);
        long values = m.integer(5, "column num_values");
        long length = m.integer(7, "column total_compressed_size");
        long data = m.integer(9, "column data_page_offset");
        long dictionary = m.integer(11, 0);
        long start = dictionary > 0 && dictionary < data ? dictionary : data;
        if (values < 0 || length < 0 || start < 4 || start + length > size - 8) {
            throw corrupt(source, "a column chunk of row group " + group + " lies outside the file (bytes " + start
                    + " to " + (start + length) + " of " + size + ")");
        }
        return new Chunk(start, length, codec, values, type);
    }

    /** Builds the tree from the depth-first list of schema elements. */
    private static Node node(List<?> elements, int[] next, int depth) throws ThriftCompact.Corrupt {
        if (depth > ThriftCompact.MAX_DEPTH) {
            throw new ThriftCompact.Corrupt("the schema is nested more than " + ThriftCompact.MAX_DEPTH + " deep");
        }
        if (next[0] >= elements.size() || !(elements.get(next[0]) instanceof ThriftCompact.Struct e)) {
            throw new ThriftCompact.Corrupt("the schema ends early");
        }
        next[0]++;
        String name = e.text(4, "schema element name");
        int children = e.has(5) ? e.integer(5, "num_children", 0, elements.size()) : 0;
        int type = e.has(1) && children == 0 ? e.integer(1, "schema element type", 0, 7) : -1;
        if (type < 0 && children == 0 && depth > 0) {
            throw new ThriftCompact.Corrupt("schema element '" + name + "' has neither a type nor children");
        }
        ThriftCompact.Struct logical = e.struct(10, "logical type");
        int logicalType = -1;
        if (logical != null) {
            for (int id = 1; id <= 20 && logicalType < 0; id++) {
                if (logical.has(id)) {
                    logicalType = id;
                }
            }
        }
        Node n = new Node(name == null ? "" : name, e.has(3) ? e.integer(3, "repetition", 0, 2) : REQUIRED, type,
                e.has(6) ? e.integer(6, "converted type", 0, 100) : -1, logicalType,
                e.has(7) ? e.integer(7, "scale", 0, 100) : 0);
        for (int i = 0; i < children; i++) {
            Node child = node(elements, next, depth + 1);
            child.parent = n;
            n.children.add(child);
        }
        return n;
    }

    private static void levels(Node n, int definition, int repetition, List<Node> leaves) {
        if (n.parent != null) {
            definition += n.repetition == REQUIRED ? 0 : 1;
            repetition += n.repetition == REPEATED ? 1 : 0;
        }
        n.maxDefinition = definition;
        n.maxRepetition = repetition;
        if (n.isLeaf()) {
            n.leafIndex = leaves.size();
            leaves.add(n);
        }
        for (Node c : n.children) {
            levels(c, definition, repetition, leaves);
        }
    }

    /** The file name as given. */
    String source() {
        return source;
    }

    /** The top-level fields (the table's columns). */
    List<Node> fields() {
        return root.children;
    }

    /** The stored columns, in chunk order. */
    List<Node> leaves() {
        return leaves;
    }

    /** The row groups. */
    List<RowGroup> rowGroups() {
        return rowGroups;
    }

    /** The number of rows. */
    long rows() {
        return rows;
    }

    /**
     * The bytes of the chunk of {@code leaf} in row group {@code group}, read into {@code into} when
     * it is long enough (else into a new array): the chunk is {@code [0, length)} of the array
     * returned.
     */
    byte[] chunk(int group, int leaf, byte[] into) throws IOException {
        Chunk c = rowGroups.get(group).chunks().get(leaf);
        if (c.length() > Integer.MAX_VALUE - 16) {
            throw corrupt(source, "a column chunk of " + c.length() + " bytes; at most 2 GB per chunk is read");
        }
        byte[] b = into.length >= c.length() ? into : new byte[(int) c.length()];
        read(channel, source, c.start(), ByteBuffer.wrap(b, 0, (int) c.length()));
        return b;
    }

    private static byte[] read(FileChannel channel, String source, long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        read(channel, source, position, b);
        return b.array();
    }

    private static void read(FileChannel channel, String source, long position, ByteBuffer b) throws IOException {
        long at = position - b.position();
        while (b.hasRemaining()) {
            int n = channel.read(b, at + b.position());
            if (n < 0) {
                throw corrupt(source, "it ends early (truncated?)");
            }
        }
    }

    /** An input error saying the file is not a valid Parquet file, and why. */
    static InputException corrupt(String source, String why) {
        return new InputException(source, 0, null, "not a valid Parquet file: " + why);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}

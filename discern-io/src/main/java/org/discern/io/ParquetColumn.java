package org.discern.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;

/**
 * One stored column (a leaf of the schema) of a Parquet file, decoded from every row group into
 * primitive arrays: its definition and repetition levels (when the column can hold nulls or
 * lists) and its non-null values, as {@code long} (boolean, int32, int64), {@code double} (float,
 * double) or text codes (byte arrays: each distinct text once, in {@link #texts()}).
 *
 * <p>Pages: dictionary pages, data pages v1 and v2. Encodings: PLAIN, PLAIN_DICTIONARY /
 * RLE_DICTIONARY, RLE (booleans and levels), BIT_PACKED levels, DELTA_BINARY_PACKED (integers),
 * BYTE_STREAM_SPLIT (float, double). Codecs: uncompressed, snappy, gzip, zstd, LZ4_RAW (snappy,
 * zstd and LZ4 by aircompressor, pure Java; gzip by the JDK). Anything else is an
 * {@link InputException} naming the column and what it uses.
 */
final class ParquetColumn {
    /** Page types. */
    private static final int DATA_PAGE = 0;
    private static final int DICTIONARY_PAGE = 2;
    private static final int DATA_PAGE_V2 = 3;

    /** Encodings. */
    private static final int PLAIN = 0;
    private static final int PLAIN_DICTIONARY = 2;
    private static final int RLE = 3;
    private static final int BIT_PACKED = 4;
    private static final int DELTA_BINARY_PACKED = 5;
    private static final int RLE_DICTIONARY = 8;
    private static final int BYTE_STREAM_SPLIT = 9;
    private static final String[] ENCODINGS = {"PLAIN", "GROUP_VAR_INT", "PLAIN_DICTIONARY", "RLE", "BIT_PACKED",
            "DELTA_BINARY_PACKED", "DELTA_LENGTH_BYTE_ARRAY", "DELTA_BYTE_ARRAY", "RLE_DICTIONARY",
            "BYTE_STREAM_SPLIT"};

    /** Codecs. */
    private static final int UNCOMPRESSED = 0;
    private static final int SNAPPY = 1;
    private static final int GZIP = 2;
    private static final int ZSTD = 6;
    private static final int LZ4_RAW = 7;
    private static final String[] CODECS = {"UNCOMPRESSED", "SNAPPY", "GZIP", "LZO", "BROTLI", "LZ4 (Hadoop)",
            "ZSTD", "LZ4_RAW"};

    private final String source;
    private final ParquetFile.Node leaf;
    private final int physical;
    private final int slots;
    private byte[] definition; // per slot, made at the first page with a null; null while no slot is null
    private final byte[] repetition; // per slot; null when the column is not repeated
    private int values; // non-null values decoded so far
    private long[] longs;
    private double[] doubles;
    private int[] codes;
    private final List<String> texts = new ArrayList<>();
    private final Map<String, Integer> textCodes = new HashMap<>();
    private final LongCodes distinct; // of an integer column read as codes; else null
    private int firstNonFinite = -1; // the index of the first NaN or infinite value
    private final long[] groupSlots; // slots before each row group, for locating a row

    private ParquetColumn(String source, ParquetFile.Node leaf, int slots, long[] groupSlots, boolean coded) {
        this.source = source;
        this.leaf = leaf;
        this.physical = leaf.type;
        this.slots = slots;
        this.groupSlots = groupSlots;
        this.repetition = leaf.maxRepetition > 0 ? new byte[slots] : null;
        boolean integers = physical == ParquetFile.BOOLEAN || physical == ParquetFile.INT32
                || physical == ParquetFile.INT64;
        this.distinct = coded && integers ? new LongCodes() : null;
        if (integers && !coded) {
            longs = new long[slots];
        } else if (physical == ParquetFile.FLOAT || physical == ParquetFile.DOUBLE) {
            doubles = new double[slots];
        } else {
            codes = new int[slots];
        }
    }

    /**
     * Distinct integers numbered in order of first coding: a last-hit check, a linear search of the
     * first 64, a hash map beyond.
     */
    private static final class LongCodes {
        private long[] keys = new long[16];
        private int size;
        private int last = -1;
        private Map<Long, Integer> index;

        int code(long v) {
            if (last >= 0 && keys[last] == v) {
                return last;
            }
            int c = -1;
            if (index != null) {
                Integer found = index.get(v);
                c = found == null ? -1 : found;
            } else {
                for (int j = 0; j < size; j++) {
                    if (keys[j] == v) {
                        c = j;
                        break;
                    }
                }
            }
            if (c < 0) {
                c = size;
                if (size == keys.length) {
                    keys = Arrays.copyOf(keys, size * 2);
                }
                keys[size++] = v;
                if (index != null) {
                    index.put(v, c);
                } else if (size > 64) {
                    index = new HashMap<>();
                    for (int j = 0; j < size; j++) {
                        index.put(keys[j], j);
                    }
                }
            }
            last = c;
            return c;
        }
    }

    /**
     * Reads {@code leaf} from every row group of {@code file}.
     *
     * @throws InputException when the data is corrupt or uses an encoding, codec or type not read
     */
    static ParquetColumn read(ParquetFile file, ParquetFile.Node leaf) throws IOException {
        return read(file, leaf, Runtime.getRuntime().availableProcessors());
    }

    /**
     * As {@link #read(ParquetFile, ParquetFile.Node)}, the row groups decoded by up to
     * {@code threads} threads (this one included); the result, and the error of the first row
     * group that fails, are those of reading them in order.
     */
    static ParquetColumn read(ParquetFile file, ParquetFile.Node leaf, int threads) throws IOException {
        return read(file, leaf, threads, false);
    }

    /**
     * As {@link #read(ParquetFile, ParquetFile.Node)}, an integer (or boolean) column read as codes
     * into its distinct values ({@link #codes()}, {@link #distinct()}) instead of as longs: the few
     * values of a label column are coded once per dictionary, not once per row.
     */
    static ParquetColumn readCoded(ParquetFile file, ParquetFile.Node leaf) throws IOException {
        return read(file, leaf, Runtime.getRuntime().availableProcessors(), true);
    }

    static ParquetColumn read(ParquetFile file, ParquetFile.Node leaf, int threads, boolean coded)
            throws IOException {
        String source = file.source();
        if (leaf.type == ParquetFile.INT96 || leaf.type == ParquetFile.FIXED_LEN_BYTE_ARRAY) {
            throw new InputException(source, 0, leaf.path(), "a column of type " + leaf.typeName()
                    + " cannot be read as labels, scores or weights; expected boolean, integer, float, double or"
                    + " string");
        }
        List<ParquetFile.RowGroup> groups = file.rowGroups();
        long total = 0;
        long[] before = new long[groups.size() + 1];
        for (int g = 0; g < groups.size(); g++) {
            ParquetFile.RowGroup group = groups.get(g);
            long n = group.chunks().get(leaf.leafIndex).values();
            if (leaf.maxRepetition == 0 && n != group.rows()) {
                throw ParquetFile.corrupt(source, "column '" + leaf.path() + "' has " + n + " values in row group "
                        + g + " of " + group.rows() + " rows");
            }
            total += n;
            before[g + 1] = total;
        }
        if (total > NpyArray.MAX_ARRAY_LENGTH) {
            throw new InputException(source, 0, leaf.path(), "more than " + NpyArray.MAX_ARRAY_LENGTH
                    + " values: more than one Java array can hold");
        }
        HeapBudget.check(source, HeapBudget.count(total) + " values of column '" + leaf.path() + "'", total * 18);
        ParquetColumn c = new ParquetColumn(source, leaf, (int) total, before, coded);
        c.join(c.readGroups(file, threads));
        c.shrink();
        return c;
    }

    /**
     * Decodes every row group into its own part of the arrays (its values from its first slot on),
     * the groups claimed in order by {@code threads} threads; no group after one that failed is
     * started. Returns the parts, or throws the failure of the first group that failed.
     */
    private Part[] readGroups(ParquetFile file, int threads) throws IOException {
        List<ParquetFile.RowGroup> groups = file.rowGroups();
        int count = groups.size();
        Part[] parts = new Part[count];
        Throwable[] failures = new Throwable[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger firstFailed = new AtomicInteger(count);
        Runnable work = () -> {
            Buffers buffers = new Buffers();
            for (int g = next.getAndIncrement(); g < count && g < firstFailed.get(); g = next.getAndIncrement()) {
                try {
                    parts[g] = readGroup(file, groups.get(g), g, buffers);
                } catch (Throwable t) { // rethrown below, from the first group that failed
                    failures[g] = t;
                    firstFailed.accumulateAndGet(g, Math::min);
                }
            }
        };
        Thread[] helpers = new Thread[Math.max(0, Math.min(threads, count) - 1)];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Thread(work, "discern-parquet");
            helpers[i].setDaemon(true);
            helpers[i].start();
        }
        work.run();
        boolean interrupted = false;
        for (Thread t : helpers) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (Throwable t : failures) {
            if (t instanceof IOException e) {
                throw e;
            } else if (t instanceof RuntimeException e) {
                throw e;
            } else if (t instanceof Error e) {
                throw e;
            } else if (t != null) {
                throw new IllegalStateException(t);
            }
        }
        return parts;
    }

    /** The definition levels, made (every slot at the maximum) at the first page that needs them. */
    private synchronized byte[] definitions() {
        if (definition == null) {
            definition = new byte[slots];
            Arrays.fill(definition, (byte) leaf.maxDefinition);
        }
        return definition;
    }

    /** The scratch space of one thread, used again for each row group it decodes. */
    private static final class Buffers {
        private byte[] chunk = new byte[0];
        private byte[] page = new byte[0];
        private int[] ints = new int[0];
        private long[] longs = new long[0];
        private byte[] levels = new byte[0];

        byte[] levels(int n) {
            if (levels.length < n) {
                levels = new byte[n];
            }
            return levels;
        }

        /** A page buffer of at least {@code size} bytes (a negative size fails as {@code new byte[size]} does). */
        byte[] page(int size) {
            if (size < 0 || page.length < size) {
                page = new byte[size];
            }
            return page;
        }

        long[] longs(int n) {
            if (longs.length < n) {
                longs = new long[n];
            }
            return longs;
        }

        int[] ints(int n) {
            if (ints.length < n) {
                ints = new int[n];
            }
            return ints;
        }
    }

    private Part readGroup(ParquetFile file, ParquetFile.RowGroup rowGroup, int g, Buffers buffers)
            throws IOException {
        ParquetFile.Chunk chunk = rowGroup.chunks().get(leaf.leafIndex);
        if (chunk.type() != leaf.type) {
            throw ParquetFile.corrupt(source, "column '" + leaf.path() + "' is " + leaf.typeName()
                    + " in the schema but another type in row group " + g);
        }
        int first = (int) groupSlots[g];
        Part part = new Part(first, buffers);
        buffers.chunk = file.chunk(g, leaf.leafIndex, buffers.chunk);
        part.readChunk(buffers.chunk, (int) chunk.length(), first, (int) (groupSlots[g + 1] - first), chunk.codec(),
                g);
        return part;
    }

    /**
     * Joins the parts: the texts numbered in order of first decoding over all groups, the values
     * moved together where a group held nulls; the definition levels dropped when no slot is null.
     */
    private void join(Part[] parts) {
        int at = 0;
        for (int g = 0; g < parts.length; g++) {
            Part p = parts[g];
            int first = (int) groupSlots[g];
            int n = p.values - first;
            if (codes != null) {
                int[] global = new int[distinct != null ? p.distinct.size : p.texts.size()];
                boolean same = true;
                for (int j = 0; j < global.length; j++) {
                    int code;
                    if (distinct != null) {
                        code = distinct.code(p.distinct.keys[j]);
                    } else {
                        String s = p.texts.get(j);
                        Integer known = textCodes.get(s);
                        if (known == null) {
                            known = texts.size();
                            texts.add(s);
                            textCodes.put(s, known);
                        }
                        code = known;
                    }
                    global[j] = code;
                    same &= code == j;
                }
                if (!same) {
                    for (int i = first; i < first + n; i++) {
                        codes[i] = global[codes[i]];
                    }
                }
            }
            if (firstNonFinite < 0 && p.nonFinite >= 0) {
                firstNonFinite = at + p.nonFinite - first;
            }
            if (at != first) {
                if (longs != null) {
                    System.arraycopy(longs, first, longs, at, n);
                } else if (doubles != null) {
                    System.arraycopy(doubles, first, doubles, at, n);
                } else {
                    System.arraycopy(codes, first, codes, at, n);
                }
            }
            at += n;
        }
        values = at;
        if (values == slots) {
            definition = null;
        }
    }

    /** The index (among the values) of the first NaN or infinite floating value, or -1. */
    int firstNonFinite() {
        return firstNonFinite;
    }

    /** The leaf. */
    ParquetFile.Node leaf() {
        return leaf;
    }

    /** Level entries (one per row for a flat column; one per element, empty list or null for a list). */
    int slots() {
        return slots;
    }

    /** Definition level of each slot, or null when every slot holds a value (also of a column that may hold nulls). */
    byte[] definition() {
        return definition;
    }

    /** Repetition level of each slot, or null for a flat column. */
    byte[] repetition() {
        return repetition;
    }

    /** The number of non-null values. */
    int values() {
        return values;
    }

    /** The physical type. */
    int physical() {
        return physical;
    }

    /** Integer values (boolean as 0/1, int32, int64), or null for other types. */
    long[] longs() {
        return longs;
    }

    /** Floating values, or null for other types. */
    double[] doubles() {
        return doubles;
    }

    /**
     * Text codes (index into {@link #texts()}) of byte-array values, codes into {@link #distinct()}
     * of an integer column read with {@link #readCoded}, or null for other types.
     */
    int[] codes() {
        return codes;
    }

    /** The distinct values of an integer column read with {@link #readCoded}, in code order; else null. */
    long[] distinct() {
        return distinct == null ? null : Arrays.copyOf(distinct.keys, distinct.size);
    }

    /** The distinct texts of a byte-array column, in order of first decoding. */
    List<String> texts() {
        return texts;
    }

    /** The row group holding slot {@code slot}. */
    int groupOf(long slot) {
        int g = Arrays.binarySearch(groupSlots, slot);
        if (g >= 0) {
            while (g + 1 < groupSlots.length && groupSlots[g + 1] == slot) {
                g++;
            }
            return g;
        }
        return -g - 2;
    }

    /** The first slot of row group {@code group}. */
    long groupStart(int group) {
        return groupSlots[group];
    }

    private void shrink() {
        if (longs != null && values < longs.length) {
            longs = Arrays.copyOf(longs, values);
        }
        if (doubles != null && values < doubles.length) {
            doubles = Arrays.copyOf(doubles, values);
        }
        if (codes != null && values < codes.length) {
            codes = Arrays.copyOf(codes, values);
        }
    }

    // ---- pages

    /** The decoding of one row group's column chunk into the column's arrays, from its first slot on. */
    private final class Part {
        private long[] dictLongs;
        private double[] dictDoubles;
        private int[] dictCodes;
        private int values; // where the next value goes
        private final List<String> texts = new ArrayList<>(); // of this group, in order of first decoding
        private final Map<String, Integer> textCodes = new HashMap<>();
        private final LongCodes distinct = new LongCodes(); // of this group, when coded
        private final Buffers buffers;
        private int present; // values among the definition levels decoded last
        private int nonFinite = -1; // the index of the first NaN or infinite value in the arrays

        Part(int firstSlot, Buffers buffers) {
            this.values = firstSlot;
            this.buffers = buffers;
        }

        /** Decodes the pages of a chunk, {@code chunk[0, length)}. */
        private void readChunk(byte[] chunk, int length, int firstSlot, int count, int codec, int group)
                throws InputException {
            int pos = 0;
            int slot = firstSlot;
            int end = firstSlot + count;
            int[] consumed = new int[1];
            while (slot < end) {
                if (pos >= length) {
                    throw corrupt(group, "its pages end after " + (slot - firstSlot) + " of " + count + " values");
                }
                ThriftCompact.Struct header;
                try {
                    header = ThriftCompact.struct(chunk, pos, length, consumed);
                } catch (ThriftCompact.Corrupt e) {
                    throw corrupt(group, "a page header cannot be decoded: " + e.getMessage());
                }
                pos += consumed[0];
                int compressed;
                try {
                    int type = header.integer(1, "page type", 0, 3);
                    int uncompressed = header.integer(2, "uncompressed_page_size", 0, Integer.MAX_VALUE - 16);
                    compressed = header.integer(3, "compressed_page_size", 0, length - pos);
                    if (type == DICTIONARY_PAGE) {
                        ThriftCompact.Struct d = header.struct(7, "dictionary page header");
                        if (d == null) {
                            throw new ThriftCompact.Corrupt("a dictionary page without its header");
                        }
                        int n = d.integer(1, "dictionary num_values", 0, Integer.MAX_VALUE);
                        checkSize(uncompressed, n, group);
                        byte[] page = decompress(codec, chunk, pos, compressed, uncompressed, group);
                        int encoding = d.integer(2, "dictionary encoding", 0, 100);
                        if (encoding != PLAIN && encoding != PLAIN_DICTIONARY) {
                            throw unsupported(group, "dictionary encoding " + encodingName(encoding));
                        }
                        dictionary(page, uncompressed, n, group);
                    } else if (type == DATA_PAGE) {
                        ThriftCompact.Struct d = header.struct(5, "data page header");
                        if (d == null) {
                            throw new ThriftCompact.Corrupt("a data page without its header");
                        }
                        int n = d.integer(1, "page num_values", 0, end - slot);
                        checkSize(uncompressed, n, group);
                        byte[] page = decompress(codec, chunk, pos, compressed, uncompressed, group);
                        int p = 0;
                        if (repetition != null) {
                            p = levels(page, p, uncompressed, d.integer(4, "repetition level encoding", 0, 100),
                                    leaf.maxRepetition, repetition, slot, n, true, group);
                        }
                        if (leaf.maxDefinition > 0) {
                            byte[] levels = buffers.levels(n);
                            p = levels(page, p, uncompressed, d.integer(3, "definition level encoding", 0, 100),
                                    leaf.maxDefinition, levels, 0, n, true, group);
                            keepDefinitions(levels, slot, n);
                        } else {
                            present = n;
                        }
                        data(page, p, uncompressed, d.integer(2, "page encoding", 0, 100), present, group);
                        slot += n;
                    } else if (type == DATA_PAGE_V2) {
                        ThriftCompact.Struct d = header.struct(8, "data page v2 header");
                        if (d == null) {
                            throw new ThriftCompact.Corrupt("a data page v2 without its header");
                        }
                        int n = d.integer(1, "page num_values", 0, end - slot);
                        checkSize(uncompressed, n, group);
                        int defLength = d.integer(5, "definition_levels_byte_length", 0, compressed);
                        int repLength = d.integer(6, "repetition_levels_byte_length", 0, compressed - defLength);
                        if (repetition != null) {
                            levels(chunk, pos, pos + repLength, RLE, leaf.maxRepetition, repetition, slot, n, false,
                                    group);
                        }
                        present = n;
                        if (leaf.maxDefinition > 0) {
                            byte[] levels = buffers.levels(n);
                            levels(chunk, pos + repLength, pos + repLength + defLength, RLE, leaf.maxDefinition,
                                    levels, 0, n, false, group);
                            keepDefinitions(levels, slot, n);
                        }
                        int levelBytes = repLength + defLength;
                        boolean isCompressed = !Boolean.FALSE.equals(d.get(7));
                        int size = isCompressed ? uncompressed - levelBytes : compressed - levelBytes;
                        if (size < 0) {
                            throw corrupt(group, "a data page v2 declares " + uncompressed
                                    + " uncompressed bytes, fewer than its " + levelBytes + " bytes of levels");
                        }
                        byte[] page = isCompressed
                                ? decompress(codec, chunk, pos + levelBytes, compressed - levelBytes, size, group)
                                : copy(chunk, pos + levelBytes, size);
                        data(page, 0, size, d.integer(4, "page encoding", 0, 100), present, group);
                        slot += n;
                    }
                    // index pages are skipped
                } catch (ThriftCompact.Corrupt e) {
                    throw corrupt(group, "a page header is malformed: " + e.getMessage());
                }
                pos += compressed;
            }
        }

        /**
         * Refuses a page that declares more bytes than {@code n} values of a fixed-width type can take
         * (levels included), before allocating them; text pages are bounded by the heap.
         */
        private void checkSize(int uncompressed, int n, int group) throws InputException {
            if (physical != ParquetFile.BYTE_ARRAY && uncompressed > (long) n * 24 + 4096) {
                throw corrupt(group, "a page declares " + uncompressed + " bytes for " + n + " values");
            }
            if (uncompressed > HeapBudget.limit()) { // the message formatted only when it is needed
                HeapBudget.check(source, "a page of " + HeapBudget.count(uncompressed) + " bytes", uncompressed);
            }
        }

        /**
         * Keeps the {@code n} definition levels of a page from {@code slot} on, unless all are the
         * maximum (the slots of the definition array made later are filled with it).
         */
        private void keepDefinitions(byte[] levels, int slot, int n) {
            if (present != n) {
                System.arraycopy(levels, 0, definitions(), slot, n);
            }
        }

        /** {@code in[offset, offset + length)} in the page buffer. */
        private byte[] copy(byte[] in, int offset, int length) {
            byte[] out = buffers.page(length);
            System.arraycopy(in, offset, out, 0, length);
            return out;
        }

        /** The page decompressed into the page buffer, {@code [0, size)}. */
        private byte[] decompress(int codec, byte[] in, int offset, int length, int size, int group)
                throws InputException {
            if (codec == UNCOMPRESSED) {
                if (length != size) {
                    throw corrupt(group, "an uncompressed page of " + length + " bytes declares " + size);
                }
                return copy(in, offset, length);
            }
            if (codec != SNAPPY && codec != ZSTD && codec != LZ4_RAW && codec != GZIP) {
                throw unsupported(group, "compression " + (codec < CODECS.length ? CODECS[codec] : "codec " + codec)
                        + "; expected snappy, zstd, gzip, LZ4_RAW or none");
            }
            byte[] out = buffers.page(size);
            int n;
            try {
                switch (codec) {
                    case SNAPPY -> n = new SnappyDecompressor().decompress(in, offset, length, out, 0, size);
                    case ZSTD -> n = new ZstdDecompressor().decompress(in, offset, length, out, 0, size);
                    case LZ4_RAW -> n = new Lz4Decompressor().decompress(in, offset, length, out, 0, size);
                    default -> n = gunzip(in, offset, length, out, size);
                }
            } catch (IOException | RuntimeException e) {
                // aircompressor reports malformed input as MalformedInputException, IllegalStateException
                // (zstd frame headers), IllegalArgumentException or IndexOutOfBoundsException
                throw corrupt(group, "a page compressed with " + CODECS[codec] + " cannot be decompressed ("
                        + e.getMessage() + ")");
            }
            if (n != size) {
                throw corrupt(group, "a page decompresses to " + n + " bytes, its header says " + size);
            }
            return out;
        }

        private static int gunzip(byte[] in, int offset, int length, byte[] out, int size) throws IOException {
            try (InputStream z = new GZIPInputStream(new ByteArrayInputStream(in, offset, length))) {
                int n = z.readNBytes(out, 0, size);
                if (z.read() >= 0) {
                    return size + 1; // more than declared
                }
                return n;
            }
        }

        // ---- levels

        /**
         * Decodes {@code n} levels into {@code out[slot...]}; v1 pages prefix RLE levels with their
         * length. Returns the position after them; {@link #present} is the number of levels equal to
         * {@code max}.
         */
        private int levels(byte[] b, int pos, int end, int encoding, int max, byte[] out, int slot, int n,
                boolean prefixed, int group) throws InputException {
            int width = 32 - Integer.numberOfLeadingZeros(max);
            if (encoding == RLE) {
                int stop = end;
                if (prefixed) {
                    if (end - pos < 4) {
                        throw corrupt(group, "a page ends inside its levels");
                    }
                    int length = ByteBuffer.wrap(b, pos, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                    pos += 4;
                    if (length < 0 || length > end - pos) {
                        throw corrupt(group, "levels of " + length + " bytes in a page of " + (end - pos));
                    }
                    stop = pos + length;
                }
                present = hybridLevels(b, pos, stop, width, max, out, slot, n, group);
                return stop;
            }
            if (encoding == BIT_PACKED) {
                int bytes = (int) (((long) n * width + 7) / 8);
                if (bytes > end - pos) {
                    throw corrupt(group, "a page ends inside its levels");
                }
                // most significant bit first, unlike the hybrid encoding
                long bit = (long) pos * 8;
                int atMax = 0;
                for (int i = 0; i < n; i++) {
                    int v = 0;
                    for (int j = 0; j < width; j++, bit++) {
                        v = v << 1 | (b[(int) (bit >>> 3)] >>> (7 - (int) (bit & 7))) & 1;
                    }
                    if (v > max) {
                        throw corrupt(group, "a level of " + v + " where at most " + max + " is possible");
                    }
                    out[slot + i] = (byte) v;
                    atMax += v == max ? 1 : 0;
                }
                present = atMax;
                return pos + bytes;
            }
            throw unsupported(group, "level encoding " + encodingName(encoding));
        }

        /**
         * Decodes {@code n} levels of the RLE / bit-packing hybrid of {@code width} bits straight into
         * {@code out[at...]} (a run is one fill), as {@link #hybrid} decodes them; then refuses the
         * first level above {@code max}. Returns the number of levels equal to {@code max}.
         */
        private int hybridLevels(byte[] b, int pos, int end, int width, int max, byte[] out, int at, int n, int group)
                throws InputException {
            if (width > 8) {
                int[] tmp = new int[n];
                hybrid(b, pos, end, width, tmp, 0, n, group);
                int atMax = 0;
                for (int i = 0; i < n; i++) {
                    if (tmp[i] > max) {
                        throw corrupt(group, "a level of " + tmp[i] + " where at most " + max + " is possible");
                    }
                    out[at + i] = (byte) tmp[i];
                    atMax += tmp[i] == max ? 1 : 0;
                }
                return atMax;
            }
            int bytesPerValue = (width + 7) / 8;
            int mask = (1 << width) - 1;
            int done = 0;
            int atMax = 0;
            int bad = -1; // the first level above max
            while (done < n) {
                long header = 0;
                for (int shift = 0; ; shift += 7) {
                    if (pos >= end || shift > 35) {
                        throw corrupt(group, "a run of levels or indices ends early");
                    }
                    int x = b[pos++] & 0xFF;
                    header |= (long) (x & 0x7F) << shift;
                    if ((x & 0x80) == 0) {
                        break;
                    }
                }
                if ((header & 1) == 0) {
                    long run = header >>> 1;
                    if (end - pos < bytesPerValue) {
                        throw corrupt(group, "a run of levels or indices ends early");
                    }
                    int v = bytesPerValue == 0 ? 0 : b[pos] & 0xFF;
                    pos += bytesPerValue;
                    int take = (int) Math.min(run, n - done);
                    if (take > 0) {
                        Arrays.fill(out, at + done, at + done + take, (byte) v);
                        if (v == max) {
                            atMax += take;
                        } else if (v > max && bad < 0) {
                            bad = v;
                        }
                    }
                    done += take;
                } else {
                    long groups = header >>> 1;
                    long bytes = groups * width;
                    if (bytes > end - pos) {
                        // a last group may be cut short by a writer: decode what is there
                        bytes = end - pos;
                    }
                    long values = groups * 8;
                    long bit = (long) pos * 8;
                    long limit = (pos + bytes) * 8;
                    for (long i = 0; i < values && done < n; i++) {
                        if (bit + width > limit) {
                            throw corrupt(group, "a run of levels or indices ends early");
                        }
                        int byteIndex = (int) (bit >>> 3);
                        int shift = (int) (bit & 7);
                        int word = width == 0 ? 0 : b[byteIndex] & 0xFF;
                        if (byteIndex + 1 < end) {
                            word |= (b[byteIndex + 1] & 0xFF) << 8;
                        }
                        int v = (word >>> shift) & mask;
                        out[at + done++] = (byte) v;
                        if (v == max) {
                            atMax++;
                        } else if (v > max && bad < 0) {
                            bad = v;
                        }
                        bit += width;
                    }
                    pos += (int) bytes;
                }
            }
            if (bad >= 0) {
                throw corrupt(group, "a level of " + bad + " where at most " + max + " is possible");
            }
            return atMax;
        }

        /** Decodes {@code n} values of the RLE / bit-packing hybrid of {@code width} bits into {@code out[at...]}. */
        private int hybrid(byte[] b, int pos, int end, int width, int[] out, int at, int n, int group)
                throws InputException {
            if (width > 32) {
                throw corrupt(group, "a bit width of " + width);
            }
            int bytesPerValue = (width + 7) / 8;
            int done = 0;
            while (done < n) {
                long header = 0;
                for (int shift = 0; ; shift += 7) {
                    if (pos >= end || shift > 35) {
                        throw corrupt(group, "a run of levels or indices ends early");
                    }
                    int x = b[pos++] & 0xFF;
                    header |= (long) (x & 0x7F) << shift;
                    if ((x & 0x80) == 0) {
                        break;
                    }
                }
                if ((header & 1) == 0) {
                    long run = header >>> 1;
                    if (end - pos < bytesPerValue) {
                        throw corrupt(group, "a run of levels or indices ends early");
                    }
                    int v = 0;
                    for (int i = 0; i < bytesPerValue; i++) {
                        v |= (b[pos + i] & 0xFF) << (8 * i);
                    }
                    pos += bytesPerValue;
                    int take = (int) Math.min(run, n - done);
                    Arrays.fill(out, at + done, at + done + take, v);
                    done += take;
                } else {
                    long groups = header >>> 1;
                    long bytes = groups * width;
                    if (bytes > end - pos) {
                        // a last group may be cut short by a writer: decode what is there
                        bytes = end - pos;
                    }
                    if (width <= 8 && bytes == groups * width) {
                        // a group of 8 values is at most 8 bytes: one little-endian word, 8 shifts
                        int mask8 = (1 << width) - 1;
                        int runStart = pos;
                        for (long gi = 0; gi < groups && done < n; gi++) {
                            long word = 0;
                            for (int k = 0; k < width; k++) {
                                word |= (long) (b[pos + k] & 0xFF) << (8 * k);
                            }
                            pos += width;
                            int take = Math.min(8, n - done);
                            for (int v = 0; v < take; v++) {
                                out[at + done++] = (int) (word >>> (v * width)) & mask8;
                            }
                        }
                        pos = runStart + (int) bytes;
                        continue;
                    }
                    long values = groups * 8;
                    long bit = (long) pos * 8;
                    long mask = width == 32 ? 0xFFFFFFFFL : (1L << width) - 1;
                    long limit = (pos + bytes) * 8;
                    for (long i = 0; i < values && done < n; i++) {
                        if (bit + width > limit) {
                            throw corrupt(group, "a run of levels or indices ends early");
                        }
                        int byteIndex = (int) (bit >>> 3);
                        int shift = (int) (bit & 7);
                        long word = 0;
                        for (int k = 0; k < 5 && byteIndex + k < end; k++) {
                            word |= (long) (b[byteIndex + k] & 0xFF) << (8 * k);
                        }
                        out[at + done++] = (int) ((word >>> shift) & mask);
                        bit += width;
                    }
                    pos += (int) bytes;
                }
            }
            return pos;
        }

        // ---- values

        private void dictionary(byte[] page, int end, int n, int group) throws InputException {
            switch (physical) {
                case ParquetFile.BOOLEAN, ParquetFile.INT32, ParquetFile.INT64 -> {
                    dictLongs = new long[n];
                    plainLongs(page, 0, end, dictLongs, 0, n, group);
                    if (codes != null) {
                        dictCodes = new int[n];
                        for (int i = 0; i < n; i++) {
                            dictCodes[i] = distinct.code(dictLongs[i]);
                        }
                        dictLongs = null;
                    }
                }
                case ParquetFile.FLOAT, ParquetFile.DOUBLE -> {
                    dictDoubles = new double[n];
                    plainDoubles(page, 0, end, dictDoubles, 0, n, group);
                }
                default -> {
                    dictCodes = new int[n];
                    plainTexts(page, 0, end, dictCodes, 0, n, group);
                }
            }
        }

        private void data(byte[] page, int pos, int end, int encoding, int n, int group) throws InputException {
            int at = values;
            // integers read as codes are decoded into a buffer, then coded
            boolean coded = distinct != null && codes != null && physical != ParquetFile.BYTE_ARRAY;
            long[] integers = coded ? buffers.longs(n) : longs;
            int integersAt = coded ? 0 : at;
            switch (encoding) {
                case PLAIN -> {
                    switch (physical) {
                        case ParquetFile.BOOLEAN, ParquetFile.INT32, ParquetFile.INT64 ->
                                plainLongs(page, pos, end, integers, integersAt, n, group);
                        case ParquetFile.FLOAT, ParquetFile.DOUBLE ->
                                plainDoubles(page, pos, end, doubles, at, n, group);
                        default -> plainTexts(page, pos, end, codes, at, n, group);
                    }
                }
                case PLAIN_DICTIONARY, RLE_DICTIONARY -> {
                    if (dictLongs == null && dictDoubles == null && dictCodes == null) {
                        throw corrupt(group, "a dictionary-encoded page without a dictionary page");
                    }
                    if (end - pos < 1) {
                        throw corrupt(group, "an empty dictionary-encoded page");
                    }
                    int[] index = buffers.ints(n);
                    hybrid(page, pos + 1, end, page[pos] & 0xFF, index, 0, n, group);
                    int size = dictLongs != null ? dictLongs.length : dictDoubles != null ? dictDoubles.length
                            : dictCodes.length;
                    int bad = firstOutside(index, n, size);
                    if (bad >= 0) {
                        throw corrupt(group, "dictionary index " + index[bad] + " of a dictionary of " + size);
                    }
                    if (longs != null) {
                        long[] dict = dictLongs;
                        for (int i = 0; i < n; i++) {
                            longs[at + i] = dict[index[i]];
                        }
                    } else if (doubles != null) {
                        double[] dict = dictDoubles;
                        for (int i = 0; i < n; i++) {
                            doubles[at + i] = dict[index[i]];
                        }
                    } else {
                        int[] dict = dictCodes;
                        for (int i = 0; i < n; i++) {
                            codes[at + i] = dict[index[i]];
                        }
                    }
                }
                case RLE -> {
                    if (physical != ParquetFile.BOOLEAN) {
                        throw unsupported(group, "RLE values of a " + leaf.typeName() + " column");
                    }
                    levelsAsValues(page, pos, end, integers, integersAt, n, group);
                }
                case DELTA_BINARY_PACKED -> {
                    if (physical != ParquetFile.INT32 && physical != ParquetFile.INT64) {
                        throw corrupt(group, "DELTA_BINARY_PACKED values of a " + leaf.typeName() + " column");
                    }
                    delta(page, pos, end, integers, integersAt, n, group);
                }
                case BYTE_STREAM_SPLIT -> {
                    int width = physical == ParquetFile.FLOAT || physical == ParquetFile.INT32 ? 4
                            : physical == ParquetFile.DOUBLE || physical == ParquetFile.INT64 ? 8 : 0;
                    if (width == 0 || (long) n * width > end - pos) {
                        throw corrupt(group, "BYTE_STREAM_SPLIT values do not fit the page");
                    }
                    byte[] joined = new byte[n * width];
                    for (int i = 0; i < n; i++) {
                        for (int k = 0; k < width; k++) {
                            joined[i * width + k] = page[pos + k * n + i];
                        }
                    }
                    if (doubles != null) {
                        plainDoubles(joined, 0, joined.length, doubles, at, n, group);
                    } else {
                        plainLongs(joined, 0, joined.length, integers, integersAt, n, group);
                    }
                }
                default -> throw unsupported(group, "value encoding " + encodingName(encoding));
            }
            if (coded && encoding != PLAIN_DICTIONARY && encoding != RLE_DICTIONARY) {
                for (int i = 0; i < n; i++) {
                    codes[at + i] = distinct.code(integers[i]);
                }
            }
            if (doubles != null && nonFinite < 0) {
                nonFinite = firstNonFinite(doubles, at, n);
            }
            values += n;
        }

        private void levelsAsValues(byte[] page, int pos, int end, long[] out, int at, int n, int group)
                throws InputException {
            if (end - pos < 4) {
                throw corrupt(group, "a page ends inside its values");
            }
            int length = ByteBuffer.wrap(page, pos, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (length < 0 || length > end - pos - 4) {
                throw corrupt(group, "values of " + length + " bytes in a page of " + (end - pos - 4));
            }
            int[] tmp = buffers.ints(n);
            hybrid(page, pos + 4, pos + 4 + length, 1, tmp, 0, n, group);
            for (int i = 0; i < n; i++) {
                out[at + i] = tmp[i];
            }
        }

        private void delta(byte[] b, int pos, int end, long[] out, int at, int n, int group) throws InputException {
            int[] p = {pos};
            long blockSize = varint(b, p, end, group);
            long miniblocks = varint(b, p, end, group);
            long total = varint(b, p, end, group);
            long value = zigzag(varint(b, p, end, group));
            if (blockSize <= 0 || blockSize % 128 != 0 || miniblocks <= 0 || blockSize % miniblocks != 0
                    || (blockSize / miniblocks) % 32 != 0 || total < n || blockSize > 1 << 20) {
                throw corrupt(group, "a DELTA_BINARY_PACKED header does not fit its rules");
            }
            int perMini = (int) (blockSize / miniblocks);
            if (n > 0) {
                out[at] = value;
            }
            int done = 1;
            while (done < n) {
                long minDelta = zigzag(varint(b, p, end, group));
                if (end - p[0] < miniblocks) {
                    throw corrupt(group, "a DELTA_BINARY_PACKED block ends early");
                }
                int widthsAt = p[0];
                p[0] += (int) miniblocks;
                for (int m = 0; m < miniblocks && done < n; m++) {
                    int width = b[widthsAt + m] & 0xFF;
                    if (width > 64) {
                        throw corrupt(group, "a bit width of " + width);
                    }
                    long bytes = (long) perMini * width / 8;
                    long bit = (long) p[0] * 8;
                    for (int i = 0; i < perMini && done < n; i++) {
                        long delta = 0;
                        for (int j = 0; j < width; j++, bit++) {
                            int byteIndex = (int) (bit >>> 3);
                            if (byteIndex >= end) {
                                throw corrupt(group, "a DELTA_BINARY_PACKED miniblock ends early");
                            }
                            delta |= (long) ((b[byteIndex] >>> (bit & 7)) & 1) << j;
                        }
                        value += minDelta + delta;
                        out[at + done++] = physical == ParquetFile.INT32 ? (int) value : value;
                    }
                    p[0] += (int) Math.min(bytes, end - p[0]);
                }
            }
        }

        private long varint(byte[] b, int[] p, int end, int group) throws InputException {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (p[0] >= end) {
                    throw corrupt(group, "a page ends inside a number");
                }
                int x = b[p[0]++] & 0xFF;
                v |= (long) (x & 0x7F) << shift;
                if ((x & 0x80) == 0) {
                    return v;
                }
            }
            throw corrupt(group, "a variable-length integer longer than 10 bytes");
        }

        private static long zigzag(long v) {
            return (v >>> 1) ^ -(v & 1);
        }

        private void plainLongs(byte[] b, int pos, int end, long[] out, int at, int n, int group)
                throws InputException {
            if (physical == ParquetFile.BOOLEAN) {
                if ((n + 7L) / 8 > end - pos) {
                    throw corrupt(group, "a page holds fewer values than it declares");
                }
                for (int i = 0; i < n; i++) {
                    out[at + i] = (b[pos + (i >>> 3)] >>> (i & 7)) & 1;
                }
                return;
            }
            int width = physical == ParquetFile.INT32 ? 4 : 8;
            if ((long) n * width > end - pos) {
                throw corrupt(group, "a page holds fewer values than it declares");
            }
            ByteBuffer buf = ByteBuffer.wrap(b, pos, n * width).order(ByteOrder.LITTLE_ENDIAN);
            if (width == 4) {
                for (int i = 0; i < n; i++) {
                    out[at + i] = buf.getInt();
                }
            } else {
                buf.asLongBuffer().get(out, at, n);
            }
        }

        private void plainDoubles(byte[] b, int pos, int end, double[] out, int at, int n, int group)
                throws InputException {
            int width = physical == ParquetFile.FLOAT ? 4 : 8;
            if ((long) n * width > end - pos) {
                throw corrupt(group, "a page holds fewer values than it declares");
            }
            ByteBuffer buf = ByteBuffer.wrap(b, pos, n * width).order(ByteOrder.LITTLE_ENDIAN);
            if (width == 4) {
                for (int i = 0; i < n; i++) {
                    out[at + i] = buf.getFloat();
                }
            } else {
                buf.asDoubleBuffer().get(out, at, n);
            }
        }

        private void plainTexts(byte[] b, int pos, int end, int[] out, int at, int n, int group) throws InputException {
            for (int i = 0; i < n; i++) {
                if (end - pos < 4) {
                    throw corrupt(group, "a page holds fewer values than it declares");
                }
                int length = ByteBuffer.wrap(b, pos, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                pos += 4;
                if (length < 0 || length > end - pos) {
                    throw corrupt(group, "a text of " + length + " bytes in a page with " + (end - pos) + " left");
                }
                String s = new String(b, pos, length, StandardCharsets.UTF_8);
                pos += length;
                Integer code = textCodes.get(s);
                if (code == null) {
                    code = texts.size();
                    texts.add(s);
                    textCodes.put(s, code);
                }
                out[at + i] = code;
            }
        }
    }

    /** The index of the first NaN or infinity of {@code d[at, at + n)}, or -1. */
    private static int firstNonFinite(double[] d, int at, int n) {
        for (int i = at; i < at + n; i++) {
            if (!Double.isFinite(d[i])) {
                return i;
            }
        }
        return -1;
    }

    /** The position of the first of {@code index[0..n)} outside 0..size-1, or -1. */
    private static int firstOutside(int[] index, int n, int size) {
        for (int i = 0; i < n; i++) {
            if (index[i] < 0 || index[i] >= size) {
                return i;
            }
        }
        return -1;
    }

    private static String encodingName(int encoding) {
        return encoding < ENCODINGS.length ? ENCODINGS[encoding] : "number " + encoding;
    }

    private InputException corrupt(int group, String why) {
        return ParquetFile.corrupt(source, "column '" + leaf.path() + "', row group " + group + ": " + why);
    }

    private InputException unsupported(int group, String what) {
        return new InputException(source, 0, leaf.path(), "row group " + group + " uses " + what
                + ", which Discern does not read");
    }
}

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
    private final byte[] definition; // per slot; null when the column has no nulls or lists
    private final byte[] repetition; // per slot; null when the column is not repeated
    private int values; // non-null values decoded so far
    private long[] longs;
    private double[] doubles;
    private int[] codes;
    private final List<String> texts = new ArrayList<>();
    private final Map<String, Integer> textCodes = new HashMap<>();
    private final long[] groupSlots; // slots before each row group, for locating a row

    private ParquetColumn(String source, ParquetFile.Node leaf, int slots, long[] groupSlots) {
        this.source = source;
        this.leaf = leaf;
        this.physical = leaf.type;
        this.slots = slots;
        this.groupSlots = groupSlots;
        this.definition = leaf.maxDefinition > 0 ? new byte[slots] : null;
        this.repetition = leaf.maxRepetition > 0 ? new byte[slots] : null;
        switch (physical) {
            case ParquetFile.BOOLEAN, ParquetFile.INT32, ParquetFile.INT64 -> longs = new long[slots];
            case ParquetFile.FLOAT, ParquetFile.DOUBLE -> doubles = new double[slots];
            default -> codes = new int[slots];
        }
    }

    /**
     * Reads {@code leaf} from every row group of {@code file}.
     *
     * @throws InputException when the data is corrupt or uses an encoding, codec or type not read
     */
    static ParquetColumn read(ParquetFile file, ParquetFile.Node leaf) throws IOException {
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
        ParquetColumn c = new ParquetColumn(source, leaf, (int) total, before);
        for (int g = 0; g < groups.size(); g++) {
            ParquetFile.Chunk chunk = groups.get(g).chunks().get(leaf.leafIndex);
            if (chunk.type() != leaf.type) {
                throw ParquetFile.corrupt(source, "column '" + leaf.path() + "' is " + leaf.typeName()
                        + " in the schema but another type in row group " + g);
            }
            c.readChunk(file.chunk(g, leaf.leafIndex), (int) before[g], (int) (before[g + 1] - before[g]),
                    chunk.codec(), g);
        }
        c.shrink();
        return c;
    }

    /** The leaf. */
    ParquetFile.Node leaf() {
        return leaf;
    }

    /** Level entries (one per row for a flat column; one per element, empty list or null for a list). */
    int slots() {
        return slots;
    }

    /** Definition level of each slot, or null when every slot holds a value. */
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

    /** Text codes (index into {@link #texts()}) of byte-array values, or null for other types. */
    int[] codes() {
        return codes;
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

    private long[] dictLongs;
    private double[] dictDoubles;
    private int[] dictCodes;

    private void readChunk(byte[] chunk, int firstSlot, int count, int codec, int group) throws InputException {
        dictLongs = null;
        dictDoubles = null;
        dictCodes = null;
        int pos = 0;
        int slot = firstSlot;
        int end = firstSlot + count;
        int[] consumed = new int[1];
        while (slot < end) {
            if (pos >= chunk.length) {
                throw corrupt(group, "its pages end after " + (slot - firstSlot) + " of " + count + " values");
            }
            ThriftCompact.Struct header;
            try {
                header = ThriftCompact.struct(chunk, pos, chunk.length, consumed);
            } catch (ThriftCompact.Corrupt e) {
                throw corrupt(group, "a page header cannot be decoded: " + e.getMessage());
            }
            pos += consumed[0];
            int compressed;
            try {
                int type = header.integer(1, "page type", 0, 3);
                int uncompressed = header.integer(2, "uncompressed_page_size", 0, Integer.MAX_VALUE - 16);
                compressed = header.integer(3, "compressed_page_size", 0, chunk.length - pos);
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
                    dictionary(page, n, group);
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
                        p = levels(page, p, page.length, d.integer(4, "repetition level encoding", 0, 100),
                                leaf.maxRepetition, repetition, slot, n, true, group);
                    }
                    if (definition != null) {
                        p = levels(page, p, page.length, d.integer(3, "definition level encoding", 0, 100),
                                leaf.maxDefinition, definition, slot, n, true, group);
                    }
                    data(page, p, page.length, d.integer(2, "page encoding", 0, 100), present(slot, n), group);
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
                        levels(chunk, pos, pos + repLength, RLE, leaf.maxRepetition, repetition, slot, n, false, group);
                    }
                    if (definition != null) {
                        levels(chunk, pos + repLength, pos + repLength + defLength, RLE, leaf.maxDefinition,
                                definition, slot, n, false, group);
                    }
                    int levelBytes = repLength + defLength;
                    boolean isCompressed = !Boolean.FALSE.equals(d.get(7));
                    byte[] page = isCompressed
                            ? decompress(codec, chunk, pos + levelBytes, compressed - levelBytes, uncompressed - levelBytes,
                                    group)
                            : Arrays.copyOfRange(chunk, pos + levelBytes, pos + compressed);
                    data(page, 0, page.length, d.integer(4, "page encoding", 0, 100), present(slot, n), group);
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
        HeapBudget.check(source, "a page of " + HeapBudget.count(uncompressed) + " bytes", uncompressed);
    }

    /** How many of the {@code n} slots from {@code slot} hold a value. */
    private int present(int slot, int n) {
        if (definition == null) {
            return n;
        }
        int max = leaf.maxDefinition;
        int k = 0;
        for (int i = slot; i < slot + n; i++) {
            if (definition[i] == max) {
                k++;
            }
        }
        return k;
    }

    private byte[] decompress(int codec, byte[] in, int offset, int length, int size, int group) throws InputException {
        if (codec == UNCOMPRESSED) {
            if (length != size) {
                throw corrupt(group, "an uncompressed page of " + length + " bytes declares " + size);
            }
            return Arrays.copyOfRange(in, offset, offset + length);
        }
        if (codec != SNAPPY && codec != ZSTD && codec != LZ4_RAW && codec != GZIP) {
            throw unsupported(group, "compression " + (codec < CODECS.length ? CODECS[codec] : "codec " + codec)
                    + "; expected snappy, zstd, gzip, LZ4_RAW or none");
        }
        byte[] out = new byte[size];
        int n;
        try {
            switch (codec) {
                case SNAPPY -> n = new SnappyDecompressor().decompress(in, offset, length, out, 0, size);
                case ZSTD -> n = new ZstdDecompressor().decompress(in, offset, length, out, 0, size);
                case LZ4_RAW -> n = new Lz4Decompressor().decompress(in, offset, length, out, 0, size);
                default -> n = gunzip(in, offset, length, out);
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

    private static int gunzip(byte[] in, int offset, int length, byte[] out) throws IOException {
        try (InputStream z = new GZIPInputStream(new ByteArrayInputStream(in, offset, length))) {
            int n = z.readNBytes(out, 0, out.length);
            if (z.read() >= 0) {
                return out.length + 1; // more than declared
            }
            return n;
        }
    }

    // ---- levels

    /**
     * Decodes {@code n} levels into {@code out[slot...]}; v1 pages prefix RLE levels with their
     * length. Returns the position after them.
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
            int[] tmp = new int[n];
            hybrid(b, pos, stop, width, tmp, 0, n, group);
            for (int i = 0; i < n; i++) {
                if (tmp[i] > max) {
                    throw corrupt(group, "a level of " + tmp[i] + " where at most " + max + " is possible");
                }
                out[slot + i] = (byte) tmp[i];
            }
            return stop;
        }
        if (encoding == BIT_PACKED) {
            int bytes = (int) (((long) n * width + 7) / 8);
            if (bytes > end - pos) {
                throw corrupt(group, "a page ends inside its levels");
            }
            // most significant bit first, unlike the hybrid encoding
            long bit = (long) pos * 8;
            for (int i = 0; i < n; i++) {
                int v = 0;
                for (int j = 0; j < width; j++, bit++) {
                    v = v << 1 | (b[(int) (bit >>> 3)] >>> (7 - (int) (bit & 7))) & 1;
                }
                if (v > max) {
                    throw corrupt(group, "a level of " + v + " where at most " + max + " is possible");
                }
                out[slot + i] = (byte) v;
            }
            return pos + bytes;
        }
        throw unsupported(group, "level encoding " + encodingName(encoding));
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

    private void dictionary(byte[] page, int n, int group) throws InputException {
        switch (physical) {
            case ParquetFile.BOOLEAN, ParquetFile.INT32, ParquetFile.INT64 -> {
                dictLongs = new long[n];
                plainLongs(page, 0, page.length, dictLongs, 0, n, group);
            }
            case ParquetFile.FLOAT, ParquetFile.DOUBLE -> {
                dictDoubles = new double[n];
                plainDoubles(page, 0, page.length, dictDoubles, 0, n, group);
            }
            default -> {
                dictCodes = new int[n];
                plainTexts(page, 0, page.length, dictCodes, 0, n, group);
            }
        }
    }

    private void data(byte[] page, int pos, int end, int encoding, int n, int group) throws InputException {
        int at = values;
        switch (encoding) {
            case PLAIN -> {
                switch (physical) {
                    case ParquetFile.BOOLEAN, ParquetFile.INT32, ParquetFile.INT64 ->
                            plainLongs(page, pos, end, longs, at, n, group);
                    case ParquetFile.FLOAT, ParquetFile.DOUBLE -> plainDoubles(page, pos, end, doubles, at, n, group);
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
                int[] index = new int[n];
                hybrid(page, pos + 1, end, page[pos] & 0xFF, index, 0, n, group);
                int size = dictLongs != null ? dictLongs.length : dictDoubles != null ? dictDoubles.length
                        : dictCodes.length;
                for (int i = 0; i < n; i++) {
                    int k = index[i];
                    if (k < 0 || k >= size) {
                        throw corrupt(group, "dictionary index " + k + " of a dictionary of " + size);
                    }
                    if (longs != null) {
                        longs[at + i] = dictLongs[k];
                    } else if (doubles != null) {
                        doubles[at + i] = dictDoubles[k];
                    } else {
                        codes[at + i] = dictCodes[k];
                    }
                }
            }
            case RLE -> {
                if (physical != ParquetFile.BOOLEAN) {
                    throw unsupported(group, "RLE values of a " + leaf.typeName() + " column");
                }
                levelsAsValues(page, pos, end, n, group);
            }
            case DELTA_BINARY_PACKED -> {
                if (physical != ParquetFile.INT32 && physical != ParquetFile.INT64) {
                    throw corrupt(group, "DELTA_BINARY_PACKED values of a " + leaf.typeName() + " column");
                }
                delta(page, pos, end, n, group);
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
                    plainLongs(joined, 0, joined.length, longs, at, n, group);
                }
            }
            default -> throw unsupported(group, "value encoding " + encodingName(encoding));
        }
        values += n;
    }

    private void levelsAsValues(byte[] page, int pos, int end, int n, int group) throws InputException {
        if (end - pos < 4) {
            throw corrupt(group, "a page ends inside its values");
        }
        int length = ByteBuffer.wrap(page, pos, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (length < 0 || length > end - pos - 4) {
            throw corrupt(group, "values of " + length + " bytes in a page of " + (end - pos - 4));
        }
        int[] tmp = new int[n];
        hybrid(page, pos + 4, pos + 4 + length, 1, tmp, 0, n, group);
        for (int i = 0; i < n; i++) {
            longs[values + i] = tmp[i];
        }
    }

    private void delta(byte[] b, int pos, int end, int n, int group) throws InputException {
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
        int at = values;
        if (n > 0) {
            longs[at] = value;
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
                    longs[at + done++] = physical == ParquetFile.INT32 ? (int) value : value;
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

    private void plainLongs(byte[] b, int pos, int end, long[] out, int at, int n, int group) throws InputException {
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

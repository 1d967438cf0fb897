package org.discern.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A decoder of the Thrift compact protocol, the encoding of Parquet's footer and page headers,
 * into a generic tree: a struct is a {@link Struct} of field id to value, a list or set a
 * {@link List}, integers {@link Long}, binary {@code byte[]}, booleans {@link Boolean}, doubles
 * {@link Double}, maps {@link Map}. Unknown fields are kept and ignored by the caller, so newer
 * writers' additions are read past.
 *
 * <p>Every length is checked against the bytes that remain and the nesting is bounded, so any
 * byte sequence either decodes or throws {@link Corrupt} with what was wrong and where.
 */
final class ThriftCompact {
    /** Structs and collections nested deeper than this are refused (Parquet needs about 6). */
    static final int MAX_DEPTH = 32;

    private static final int STOP = 0;
    private static final int BOOLEAN_TRUE = 1;
    private static final int BOOLEAN_FALSE = 2;
    private static final int BYTE = 3;
    private static final int I16 = 4;
    private static final int I32 = 5;
    private static final int I64 = 6;
    private static final int DOUBLE = 7;
    private static final int BINARY = 8;
    private static final int LIST = 9;
    private static final int SET = 10;
    private static final int MAP = 11;
    private static final int STRUCT = 12;

    private final byte[] bytes;
    private final int start;
    private final int end;
    private int pos;

    private ThriftCompact(byte[] bytes, int offset, int end) {
        this.bytes = bytes;
        this.start = offset;
        this.pos = offset;
        this.end = end;
    }

    /** What went wrong decoding, with the byte offset inside the decoded range. */
    static final class Corrupt extends Exception {
        private static final long serialVersionUID = 1L;

        Corrupt(String message) {
            super(message);
        }
    }

    /** A decoded struct: field id to value. */
    static final class Struct {
        private final Map<Integer, Object> fields = new HashMap<>();

        /** The value of field {@code id}, or null when absent. */
        Object get(int id) {
            return fields.get(id);
        }

        /** Whether field {@code id} is present. */
        boolean has(int id) {
            return fields.containsKey(id);
        }

        /** Field {@code id} as a long; {@code what} names it in the error when it is absent or not an integer. */
        long integer(int id, String what) throws Corrupt {
            Object v = fields.get(id);
            if (v instanceof Long l) {
                return l;
            }
            throw new Corrupt((v == null ? "missing " : "malformed ") + what);
        }

        /** Field {@code id} as a long, or {@code otherwise} when absent. */
        long integer(int id, long otherwise) throws Corrupt {
            return has(id) ? integer(id, "field " + id) : otherwise;
        }

        /** Field {@code id} as an int within [min, max]. */
        int integer(int id, String what, long min, long max) throws Corrupt {
            long v = integer(id, what);
            if (v < min || v > max) {
                throw new Corrupt(what + " out of range: " + v);
            }
            return (int) v;
        }

        /** Field {@code id} as a struct, or null when absent. */
        Struct struct(int id, String what) throws Corrupt {
            Object v = fields.get(id);
            if (v == null || v instanceof Struct) {
                return (Struct) v;
            }
            throw new Corrupt("malformed " + what);
        }

        /** Field {@code id} as a list (empty when absent). */
        List<?> list(int id, String what) throws Corrupt {
            Object v = fields.get(id);
            if (v == null) {
                return List.of();
            }
            if (v instanceof List<?> l) {
                return l;
            }
            throw new Corrupt("malformed " + what);
        }

        /** Field {@code id} as UTF-8 text, or null when absent. */
        String text(int id, String what) throws Corrupt {
            Object v = fields.get(id);
            if (v == null) {
                return null;
            }
            if (v instanceof byte[] b) {
                return new String(b, java.nio.charset.StandardCharsets.UTF_8);
            }
            throw new Corrupt("malformed " + what);
        }
    }

    /**
     * Decodes one struct from {@code bytes[offset, end)}.
     *
     * @return the struct and, through {@link #consumed}, how many bytes it took
     */
    static Struct struct(byte[] bytes, int offset, int end, int[] consumed) throws Corrupt {
        ThriftCompact t = new ThriftCompact(bytes, offset, end);
        Struct s = t.readStruct(0);
        if (consumed != null) {
            consumed[0] = t.pos - t.start;
        }
        return s;
    }

    private Struct readStruct(int depth) throws Corrupt {
        if (depth > MAX_DEPTH) {
            throw new Corrupt("structures nested more than " + MAX_DEPTH + " deep");
        }
        Struct s = new Struct();
        int last = 0;
        while (true) {
            int header = readByte() & 0xFF;
            int type = header & 0x0F;
            if (type == STOP) {
                return s;
            }
            int delta = header >>> 4;
            int id = delta != 0 ? last + delta : (int) zigzag(readVarint());
            last = id;
            Object value = type == BOOLEAN_TRUE ? Boolean.TRUE : type == BOOLEAN_FALSE ? Boolean.FALSE
                    : readValue(type, depth);
            s.fields.put(id, value);
        }
    }

    private Object readValue(int type, int depth) throws Corrupt {
        switch (type) {
            case BOOLEAN_TRUE:
            case BOOLEAN_FALSE:
                // inside a collection a boolean is one byte
                return readByte() == BOOLEAN_TRUE;
            case BYTE:
                return (long) readByte();
            case I16:
            case I32:
            case I64:
                return zigzag(readVarint());
            case DOUBLE:
                require(8);
                long bits = 0;
                for (int i = 7; i >= 0; i--) {
                    bits = bits << 8 | (bytes[pos + i] & 0xFF);
                }
                pos += 8;
                return Double.longBitsToDouble(bits);
            case BINARY:
                int n = length(readVarint(), 1);
                byte[] b = new byte[n];
                System.arraycopy(bytes, pos, b, 0, n);
                pos += n;
                return b;
            case LIST:
            case SET:
                return readList(depth + 1);
            case MAP:
                return readMap(depth + 1);
            case STRUCT:
                return readStruct(depth + 1);
            default:
                throw new Corrupt("unknown Thrift type " + type + " at byte " + (pos - start - 1));
        }
    }

    private List<Object> readList(int depth) throws Corrupt {
        if (depth > MAX_DEPTH) {
            throw new Corrupt("structures nested more than " + MAX_DEPTH + " deep");
        }
        int header = readByte() & 0xFF;
        long size = header >>> 4;
        if (size == 15) {
            size = readVarint();
        }
        int elementType = header & 0x0F;
        int n = length(size, 1); // every element takes at least one byte
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(readValue(elementType, depth));
        }
        return out;
    }

    private Map<Object, Object> readMap(int depth) throws Corrupt {
        if (depth > MAX_DEPTH) {
            throw new Corrupt("structures nested more than " + MAX_DEPTH + " deep");
        }
        int n = length(readVarint(), 2);
        Map<Object, Object> out = new HashMap<>();
        if (n == 0) {
            return out;
        }
        int types = readByte() & 0xFF;
        for (int i = 0; i < n; i++) {
            Object k = readValue(types >>> 4, depth);
            out.put(k instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : k,
                    readValue(types & 0x0F, depth));
        }
        return out;
    }

    /** A declared count of items of at least {@code minBytes} each, checked against what remains. */
    private int length(long declared, int minBytes) throws Corrupt {
        if (declared < 0 || declared * minBytes > end - pos) {
            throw new Corrupt("a length of " + declared + " at byte " + (pos - start) + " runs past the end ("
                    + (end - pos) + " bytes left)");
        }
        return (int) declared;
    }

    private byte readByte() throws Corrupt {
        require(1);
        return bytes[pos++];
    }

    private void require(int n) throws Corrupt {
        if (end - pos < n) {
            throw new Corrupt("ends early at byte " + (pos - start));
        }
    }

    private long readVarint() throws Corrupt {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte() & 0xFF;
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new Corrupt("a variable-length integer longer than 10 bytes at byte " + (pos - start));
    }

    private static long zigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }
}

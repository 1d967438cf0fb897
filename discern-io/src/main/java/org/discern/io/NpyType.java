package org.discern.io;

/**
 * The NumPy element types this reader accepts: booleans, signed and unsigned integers of 1, 2, 4
 * and 8 bytes, and IEEE floats of 2, 4 and 8 bytes. Byte order is not part of the type; it is
 * carried by {@link NpyHeader#byteOrder()}.
 */
public enum NpyType {
    /** {@code bool}: one byte, 0 is false, anything else true. */
    BOOL('b', 1, "bool"),
    INT8('i', 1, "int8"),
    INT16('i', 2, "int16"),
    INT32('i', 4, "int32"),
    INT64('i', 8, "int64"),
    UINT8('u', 1, "uint8"),
    UINT16('u', 2, "uint16"),
    UINT32('u', 4, "uint32"),
    UINT64('u', 8, "uint64"),
    /** IEEE 754 binary16 ("half"). */
    FLOAT16('f', 2, "float16"),
    FLOAT32('f', 4, "float32"),
    FLOAT64('f', 8, "float64");

    private final char kind;
    private final int itemSize;
    private final String numpyName;

    NpyType(char kind, int itemSize, String numpyName) {
        this.kind = kind;
        this.itemSize = itemSize;
        this.numpyName = numpyName;
    }

    /** NumPy's kind character: 'b', 'i', 'u' or 'f'. */
    public char kind() {
        return kind;
    }

    /** Bytes per element. */
    public int itemSize() {
        return itemSize;
    }

    /** NumPy's name, e.g. "float32". */
    public String numpyName() {
        return numpyName;
    }

    /** True for bool and every integer type. */
    public boolean isIntegral() {
        return kind != 'f';
    }

    /** True for float16, float32 and float64. */
    public boolean isFloatingPoint() {
        return kind == 'f';
    }

    /** The type of kind and size, or null when there is none (e.g. 'f' with 16 bytes). */
    static NpyType of(char kind, int itemSize) {
        for (NpyType t : values()) {
            if (t.kind == kind && t.itemSize == itemSize) {
                return t;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return numpyName;
    }
}

package org.discern.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes .npy files byte by byte, as numpy.lib.format describes them, for the tests. */
final class NpyBytes {
    private NpyBytes() {
    }

    /** The header dict NumPy writes, e.g. {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }. */
    static String dict(String descr, boolean fortran, long... shape) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                s.append(", ");
            }
            s.append(shape[i]);
        }
        if (shape.length == 1) {
            s.append(',');
        }
        s.append(')');
        return String.format(Locale.ROOT, "{'descr': '%s', 'fortran_order': %s, 'shape': %s, }", descr,
                fortran ? "True" : "False", s);
    }

    /** Magic, version, length and the dict padded with spaces and '\n' to a multiple of 64 bytes. */
    static byte[] header(int major, String dict) {
        byte[] text = dict.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int prefix = major == 1 ? 10 : 12;
        int total = prefix + text.length + 1;
        int padded = (total + 63) / 64 * 64;
        int headerLength = padded - prefix;
        ByteBuffer b = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0);
        if (major == 1) {
            b.putShort((short) headerLength);
        } else {
            b.putInt(headerLength);
        }
        b.put(text);
        while (b.position() < padded - 1) {
            b.put((byte) ' ');
        }
        b.put((byte) '\n');
        return b.array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] file(int major, String descr, boolean fortran, byte[] data, long... shape) {
        return concat(header(major, dict(descr, fortran, shape)), data);
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            Path p = dir.resolve(name);
            Files.write(p, bytes);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Row-major values stored in the given order: for Fortran order, column by column. */
    static int[] fileOrder(int rows, int columns, boolean fortran) {
        int[] order = new int[rows * columns];
        int k = 0;
        if (fortran) {
            for (int j = 0; j < columns; j++) {
                for (int i = 0; i < rows; i++) {
                    order[k++] = i * columns + j;
                }
            }
        } else {
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
        }
        return order;
    }

    static byte[] floats(ByteOrder order, float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(order);
        for (float x : v) {
            b.putFloat(x);
        }
        return b.array();
    }

    static byte[] doubles(ByteOrder order, double... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(order);
        for (double x : v) {
            b.putDouble(x);
        }
        return b.array();
    }

    static byte[] longs(ByteOrder order, long... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(order);
        for (long x : v) {
            b.putLong(x);
        }
        return b.array();
    }
}

package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every dtype, both byte orders, both memory orders, through every way of reading the data. */
class NpyArrayTest {
    @TempDir
    Path dir;

    /** One dtype's 3 x 4 test matrix: raw item bits row-major, and what each conversion must give. */
    record Case(String name, NpyType type, long[] bits, double[] doubles, int[] ints, float[] floats) {
        @Override
        public String toString() {
            return name;
        }
    }

    enum Mode { MAPPED, STREAM, MAPPED_CHUNKS, STREAM_CHUNKS, STREAM_SIZED, MEMORY_CHUNKS }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(integral("bool", NpyType.BOOL, false, 1, 0, 1, 1, 0, 0, 1, 0, 0, 1, 1, 0));
        c.add(integral("int8", NpyType.INT8, false, -128, 127, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8));
        c.add(integral("uint8", NpyType.UINT8, false, 255, 128, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        c.add(integral("int16", NpyType.INT16, false, -32768, 32767, -1, 0, 1, 2, 3, 4, 5, 6, 7, 300));
        c.add(integral("uint16", NpyType.UINT16, false, 65535, 32768, 0, 1, 2, 3, 4, 5, 6, 7, 8, 40000));
        c.add(integral("int32", NpyType.INT32, false, Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0, 1, 2, 3, 4, 5,
                6, 7, 100000));
        c.add(integral("uint32 small", NpyType.UINT32, false, Integer.MAX_VALUE, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        c.add(integral("uint32 large", NpyType.UINT32, false, 4294967295L, 2147483648L, 0, 1, 2, 3, 4, 5, 6, 7, 8,
                9));
        c.add(integral("int64 small", NpyType.INT64, false, Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0, 1, 2, 3,
                4, 5, 6, 7, 8));
        c.add(integral("int64 large", NpyType.INT64, false, Long.MIN_VALUE, Long.MAX_VALUE, -1, 0, 1, 2, 3, 4, 5,
                6, 7, 1L << 40));
        c.add(integral("uint64 small", NpyType.UINT64, false, Integer.MAX_VALUE, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
                10));
        c.add(integral("uint64 large", NpyType.UINT64, true, -1L, Long.MIN_VALUE, 0, 1, 2, 3, 4, 5, 6, 7, 8,
                (1L << 53) + 1));
        // float16 bit patterns and their exact values
        long[] h = {0x0000, 0x8000, 0x3C00, 0xBE00, 0x7BFF, 0x0400, 0x0001, 0x03FF, 0x2E66, 0xC280, 0x7C00, 0xFC00};
        float[] hv = {0f, -0f, 1f, -1.5f, 65504f, 0x1p-14f, 0x1p-24f, 1023 * 0x1p-24f, 0.0999755859375f, -3.25f,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        c.add(new Case("float16", NpyType.FLOAT16, h, widen(hv), null, hv));
        float[] fv = {0f, -0f, 1f, -1.5f, Float.MAX_VALUE, Float.MIN_NORMAL, Float.MIN_VALUE, 0.1f, Float.NaN,
                -3.25f, Float.POSITIVE_INFINITY, 2f / 3f};
        long[] fb = new long[12];
        for (int i = 0; i < 12; i++) {
            fb[i] = Float.floatToRawIntBits(fv[i]);
        }
        c.add(new Case("float32", NpyType.FLOAT32, fb, widen(fv), null, fv));
        double[] dv = {0.0, -0.0, 1.0, -1.5, Double.MAX_VALUE, Double.MIN_NORMAL, Double.MIN_VALUE, 0.1, Double.NaN,
                -3.25, Double.NEGATIVE_INFINITY, 2.0 / 3.0};
        long[] db = new long[12];
        for (int i = 0; i < 12; i++) {
            db[i] = Double.doubleToRawLongBits(dv[i]);
        }
        c.add(new Case("float64", NpyType.FLOAT64, db, dv, null, null));
        return c;
    }

    private static Case integral(String name, NpyType type, boolean unsignedLong, long... v) {
        double[] d = new double[v.length];
        int[] ints = new int[v.length];
        boolean fits = true;
        for (int i = 0; i < v.length; i++) {
            boolean negativeUnsigned = unsignedLong && v[i] < 0;
            d[i] = negativeUnsigned ? Double.parseDouble(Long.toUnsignedString(v[i])) : v[i];
            fits &= !negativeUnsigned && v[i] >= Integer.MIN_VALUE && v[i] <= Integer.MAX_VALUE;
            ints[i] = (int) v[i];
        }
        return new Case(name, type, v, d, fits ? ints : null, null);
    }

    private static double[] widen(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    static Stream<Arguments> everyCombination() {
        List<Arguments> out = new ArrayList<>();
        for (Case c : cases()) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                for (boolean fortran : new boolean[] {false, true}) {
                    for (Mode mode : Mode.values()) {
                        out.add(Arguments.of(c, order, fortran, mode));
                    }
                }
            }
        }
        return out.stream();
    }

    static String descr(NpyType t, ByteOrder order) {
        if (t.itemSize() == 1) {
            return "|" + t.kind() + "1";
        }
        return (order == ByteOrder.LITTLE_ENDIAN ? "<" : ">") + t.kind() + t.itemSize();
    }

    static byte[] data(NpyType t, ByteOrder order, long[] bitsRowMajor, int rows, int columns, boolean fortran) {
        int[] fileOrder = NpyBytes.fileOrder(rows, columns, fortran);
        ByteBuffer b = ByteBuffer.allocate(t.itemSize() * bitsRowMajor.length).order(order);
        for (int k : fileOrder) {
            long v = bitsRowMajor[k];
            switch (t.itemSize()) {
                case 1:
                    b.put((byte) v);
                    break;
                case 2:
                    b.putShort((short) v);
                    break;
                case 4:
                    b.putInt((int) v);
                    break;
                default:
                    b.putLong(v);
            }
        }
        return b.array();
    }

    private NpyArray load(byte[] file, Mode mode) throws IOException {
        Path p = NpyBytes.write(dir, "a.npy", file);
        switch (mode) {
            case MAPPED:
                return NpyArray.read(p);
            case MAPPED_CHUNKS:
                return NpyArray.read(p, 8);
            case STREAM:
                return NpyArray.read("a.npy", Channels.newChannel(new ByteArrayInputStream(file)));
            case STREAM_CHUNKS:
                return NpyArray.read("a.npy", Channels.newChannel(new ByteArrayInputStream(file)), 8, -1);
            case STREAM_SIZED:
                return NpyArray.read("a.npy", Channels.newChannel(new ByteArrayInputStream(file)), 16, file.length);
            default:
                NpyHeader h = NpyHeader.parse("a.npy", file);
                ByteBuffer all = ByteBuffer.wrap(file);
                all.position((int) h.dataOffset());
                return NpyArray.of(h, all, 8);
        }
    }

    @ParameterizedTest(name = "{0} {1} fortran={2} {3}")
    @MethodSource("everyCombination")
    void readsEveryTypeOrderAndLayout(Case c, ByteOrder order, boolean fortran, Mode mode) throws IOException {
        byte[] file = NpyBytes.file(1, descr(c.type(), order), fortran, data(c.type(), order, c.bits(), 3, 4, fortran),
                3, 4);
        NpyArray a = load(file, mode);
        assertEquals(c.type(), a.type());
        assertEquals(3, a.rows());
        assertEquals(4, a.columns());
        assertEquals(12, a.size());
        assertEquals(fortran, a.header().fortranOrder());
        assertArrayEquals(c.doubles(), a.toDoubleArray(), 0.0, "doubles");
        if (c.ints() != null) {
            assertArrayEquals(c.ints(), a.toIntArray(), "ints");
        } else {
            assertThrows(InputException.class, a::toIntArray);
        }
        if (c.floats() != null) {
            assertArrayEquals(c.floats(), a.toFloatArray(), 0f, "floats");
        } else {
            InputException e = assertThrows(InputException.class, a::toFloatArray);
            assertTrue(e.getMessage().contains("expected a float16 or float32 array, found 3 x 4 " + c.type()),
                    e.getMessage());
        }
    }

    @Test
    void signedZeroAndNanSurviveBitForBit() throws IOException {
        Case f32 = cases().stream().filter(c -> c.name().equals("float32")).findFirst().orElseThrow();
        byte[] file = NpyBytes.file(1, "<f4", true, data(NpyType.FLOAT32, ByteOrder.LITTLE_ENDIAN, f32.bits(), 3, 4,
                true), 3, 4);
        float[] f = load(file, Mode.MAPPED).toFloatArray();
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(f[1]));
        assertTrue(Float.isNaN(f[8]));
    }

    @Test
    void oneDimensionalAndDegenerateFortranShapes() throws IOException {
        byte[] one = NpyBytes.file(1, "<i8", false, NpyBytes.longs(ByteOrder.LITTLE_ENDIAN, 2, 0, 1), 3);
        NpyArray a = load(one, Mode.MAPPED);
        assertEquals(1, a.dimensions());
        assertEquals(3, a.rows());
        assertEquals(1, a.columns());
        assertArrayEquals(new int[] {2, 0, 1}, a.toIntArray());
        // a 1 x 3 and a 3 x 1 Fortran array have the same bytes as in C order
        for (long[] shape : new long[][] {{1, 3}, {3, 1}}) {
            byte[] f = NpyBytes.file(1, ">f8", true, NpyBytes.doubles(ByteOrder.BIG_ENDIAN, 0.5, 1.5, 2.5), shape);
            assertArrayEquals(new double[] {0.5, 1.5, 2.5}, load(f, Mode.MAPPED).toDoubleArray(), 0.0);
        }
        // fortran order of a 1-D array changes nothing either
        byte[] f1 = NpyBytes.file(1, "<f4", true, NpyBytes.floats(ByteOrder.LITTLE_ENDIAN, 1f, 2f), 2);
        assertArrayEquals(new float[] {1f, 2f}, load(f1, Mode.STREAM).toFloatArray(), 0f);
    }

    @Test
    void scalarAndEmptyArrays() throws IOException {
        byte[] scalar = NpyBytes.file(1, "<f8", false, NpyBytes.doubles(ByteOrder.LITTLE_ENDIAN, 2.5));
        NpyArray s = load(scalar, Mode.MAPPED);
        assertEquals(0, s.dimensions());
        assertEquals(1, s.size());
        assertArrayEquals(new double[] {2.5}, s.toDoubleArray(), 0.0);
        NpyArray empty = load(NpyBytes.file(1, "<f4", false, new byte[0], 0, 3), Mode.MAPPED);
        assertEquals(0, empty.rows());
        assertEquals(3, empty.columns());
        assertEquals(0, empty.toFloatArray().length);
    }

    @Test
    void truncatedDataSaysHowMuchWasExpectedAndFound() {
        byte[] file = NpyBytes.file(1, "<f4", false, new byte[99996], 1000, 25);
        for (Mode mode : Mode.values()) {
            InputException e = assertThrows(InputException.class, () -> load(file, mode), mode.name());
            assertEquals("truncated data: header says 1000 x 25 float32 = 100000 bytes of data, file has 99996",
                    e.problem(), mode.name());
            assertEquals(0, e.line());
        }
        Path p = NpyBytes.write(dir, "short.npy", file);
        InputException e = assertThrows(InputException.class, () -> NpyArray.read(p));
        assertEquals(p.toString(), e.file());
        assertTrue(e.getMessage().startsWith(p + ": truncated data"), e.getMessage());
    }

    @Test
    void trailingBytesAreIgnoredAsNumpyDoes() throws IOException {
        byte[] file = NpyBytes.concat(NpyBytes.file(1, "<f8", false, NpyBytes.doubles(ByteOrder.LITTLE_ENDIAN, 1, 2),
                2), new byte[] {9, 9, 9});
        assertArrayEquals(new double[] {1, 2}, load(file, Mode.MAPPED).toDoubleArray(), 0.0);
        assertArrayEquals(new double[] {1, 2}, load(file, Mode.STREAM).toDoubleArray(), 0.0);
    }

    @Test
    void outOfRangeIntegerNamesItsPosition() throws IOException {
        long[] v = {0, 1, 2, 3, 4, 1L << 33};
        byte[] file = NpyBytes.file(1, "<i8", true, data(NpyType.INT64, ByteOrder.LITTLE_ENDIAN, v, 2, 3, true), 2, 3);
        InputException e = assertThrows(InputException.class, () -> load(file, Mode.MAPPED).toIntArray());
        assertEquals("element [1, 2] = 8589934592 does not fit a 32-bit int; expected class indices or 0/1 labels",
                e.problem());
        byte[] u = NpyBytes.file(1, "<u8", false, NpyBytes.longs(ByteOrder.LITTLE_ENDIAN, 1, -1L), 2);
        InputException eu = assertThrows(InputException.class, () -> load(u, Mode.MAPPED).toIntArray());
        assertEquals("element [1] = 18446744073709551615 does not fit a 32-bit int; expected class indices or 0/1"
                + " labels", eu.problem());
    }

    @Test
    void floatsAreNotIntegers() throws IOException {
        byte[] file = NpyBytes.file(1, "<f4", false, NpyBytes.floats(ByteOrder.LITTLE_ENDIAN, 1f), 1);
        InputException e = assertThrows(InputException.class, () -> load(file, Mode.MAPPED).toIntArray());
        assertEquals("expected an integer or bool array, found 1 float32", e.problem());
    }

    @Test
    void versionsTwoAndThreeReadTheSameData() throws IOException {
        byte[] data = NpyBytes.floats(ByteOrder.BIG_ENDIAN, 1f, 2f, 3f, 4f, 5f, 6f);
        for (int major = 1; major <= 3; major++) {
            byte[] file = NpyBytes.file(major, ">f4", true, data, 2, 3);
            NpyArray a = load(file, Mode.MAPPED);
            assertEquals(major, a.header().majorVersion());
            // Fortran: the file holds columns (1,2), (3,4), (5,6)
            assertArrayEquals(new float[] {1f, 3f, 5f, 2f, 4f, 6f}, a.toFloatArray(), 0f);
        }
    }

    @Test
    void largerFortranMatrixThroughSmallChunks() throws IOException {
        int rows = 37;
        int columns = 11;
        long[] bits = new long[rows * columns];
        double[] expected = new double[bits.length];
        for (int i = 0; i < bits.length; i++) {
            expected[i] = i * 0.25 - 7;
            bits[i] = Double.doubleToLongBits(expected[i]);
        }
        byte[] file = NpyBytes.file(2, ">f8", true, data(NpyType.FLOAT64, ByteOrder.BIG_ENDIAN, bits, rows, columns,
                true), rows, columns);
        Path p = NpyBytes.write(dir, "big.npy", file);
        for (int chunk : new int[] {8, 24, 64, 1 << 20}) {
            assertArrayEquals(expected, NpyArray.read(p, chunk).toDoubleArray(), 0.0, "chunk " + chunk);
        }
    }
}

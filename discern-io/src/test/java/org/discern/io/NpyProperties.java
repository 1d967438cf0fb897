package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Seeded properties of the .npy reader: any matrix written in either byte order and either memory
 * order, read through any chunking, comes back row-major and bit for bit.
 */
class NpyProperties {

    @Property(tries = 300, seed = "20261122")
    void doublesRoundTrip(@ForAll @IntRange(min = 0, max = 40) int rows, @ForAll @IntRange(min = 1, max = 9) int columns,
            @ForAll boolean bigEndian, @ForAll boolean fortran, @ForAll @IntRange(min = 1, max = 6) int chunkWords,
            @ForAll @IntRange(min = 1, max = 3) int version, @ForAll long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        double[] expected = new double[rows * columns];
        long[] bits = new long[expected.length];
        for (int i = 0; i < expected.length; i++) {
            // any bit pattern but NaN, so that assertArrayEquals compares exactly
            double v;
            do {
                v = Double.longBitsToDouble(random.nextLong());
            } while (Double.isNaN(v));
            expected[i] = v;
            bits[i] = Double.doubleToRawLongBits(v);
        }
        ByteOrder order = bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        byte[] file = NpyBytes.file(version, (bigEndian ? ">" : "<") + "f8", fortran,
                NpyArrayTest.data(NpyType.FLOAT64, order, bits, rows, columns, fortran), rows, columns);
        NpyArray a = NpyArray.read("p.npy", Channels.newChannel(new ByteArrayInputStream(file)), 8 * chunkWords,
                file.length);
        assertEquals(rows, a.rows());
        assertEquals(columns, a.columns());
        assertArrayEquals(expected, a.toDoubleArray());
    }

    @Property(tries = 300, seed = "20261122")
    void integersRoundTripThroughEveryIntegerType(@ForAll @IntRange(min = 0, max = 30) int rows,
            @ForAll @IntRange(min = 1, max = 7) int columns, @ForAll boolean bigEndian, @ForAll boolean fortran,
            @ForAll @IntRange(min = 0, max = 8) int typeIndex, @ForAll long seed) throws IOException {
        NpyType type = NpyType.values()[typeIndex]; // BOOL .. UINT64
        SplittableRandom random = new SplittableRandom(seed);
        long[] values = new long[rows * columns];
        int[] expected = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            long v;
            switch (type) {
                case BOOL:
                    v = random.nextInt(2);
                    break;
                case INT8:
                    v = (byte) random.nextInt();
                    break;
                case UINT8:
                    v = random.nextInt(256);
                    break;
                case INT16:
                    v = (short) random.nextInt();
                    break;
                case UINT16:
                    v = random.nextInt(65536);
                    break;
                default:
                    // int32 and the wider types: values that fit an int (signed) or are >= 0 (unsigned)
                    v = type.kind() == 'u' ? random.nextInt(Integer.MAX_VALUE) : random.nextInt();
            }
            values[i] = v;
            expected[i] = (int) v;
        }
        ByteOrder order = bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        byte[] file = NpyBytes.file(1, NpyArrayTest.descr(type, order), fortran,
                NpyArrayTest.data(type, order, values, rows, columns, fortran), rows, columns);
        NpyHeader h = NpyHeader.parse("y.npy", file);
        ByteBuffer data = ByteBuffer.wrap(file);
        data.position((int) h.dataOffset());
        assertArrayEquals(expected, NpyArray.of(h, data, 8).toIntArray());
    }
}

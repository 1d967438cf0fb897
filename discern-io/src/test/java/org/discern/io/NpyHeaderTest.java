package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NpyHeaderTest {

    private static NpyHeader parse(int major, String dict) throws InputException {
        return NpyHeader.parse("h.npy", NpyBytes.header(major, dict));
    }

    private static String problem(byte[] bytes) {
        InputException e = assertThrows(InputException.class, () -> NpyHeader.parse("h.npy", bytes));
        assertEquals("h.npy", e.file());
        assertEquals(0, e.line());
        return e.problem();
    }

    @Test
    void parsesWhatNumpyWrites() throws InputException {
        NpyHeader h = parse(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1000, 25), }");
        assertEquals(1, h.majorVersion());
        assertEquals(0, h.minorVersion());
        assertEquals(NpyType.FLOAT32, h.type());
        assertEquals(ByteOrder.LITTLE_ENDIAN, h.byteOrder());
        assertFalse(h.fortranOrder());
        assertArrayEquals(new long[] {1000, 25}, h.shape());
        assertEquals(2, h.dimensions());
        assertEquals(25000, h.elementCount());
        assertEquals(100000, h.dataLength());
        assertEquals(128, h.dataOffset());
        assertEquals("1000 x 25 float32", h.describe());
    }

    @Test
    void versionsDifferInLengthFieldAndEncoding() throws InputException {
        String dict = "{'descr': '>i8', 'fortran_order': True, 'shape': (7,), }";
        NpyHeader v1 = parse(1, dict);
        NpyHeader v2 = parse(2, dict);
        NpyHeader v3 = parse(3, dict);
        assertEquals(10 + (v1.dataOffset() - 10), v1.dataOffset());
        assertEquals(0, v1.dataOffset() % 64);
        assertEquals(0, v2.dataOffset() % 64);
        assertEquals(2, v2.majorVersion());
        assertEquals(3, v3.majorVersion());
        assertEquals(ByteOrder.BIG_ENDIAN, v3.byteOrder());
        assertTrue(v3.fortranOrder());
        assertArrayEquals(new long[] {7}, v3.shape());
    }

    @Test
    void versionThreeDecodesUtf8() {
        // structured dtypes with non-ASCII field names are what makes NumPy write version 3.0
        String dict = "{'descr': [('\u00e9t\u00e9', '<i4')], 'fortran_order': False, 'shape': (2,), }";
        assertEquals("structured dtype [('\u00e9t\u00e9', '<i4')] is not supported; expected a plain numeric array"
                + " (bool, int, uint or float)", problem(NpyBytes.header(3, dict)));
        byte[] bad = NpyBytes.header(3, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }");
        bad[20] = (byte) 0xC3; // a lead byte followed by an ASCII character: invalid UTF-8
        assertEquals("version 3.0 header is not valid UTF-8", problem(bad));
    }

    @Test
    void byteOrderCharacters() throws InputException {
        assertEquals(ByteOrder.LITTLE_ENDIAN, parse(1, NpyBytes.dict("<u2", false, 1)).byteOrder());
        assertEquals(ByteOrder.BIG_ENDIAN, parse(1, NpyBytes.dict(">u2", false, 1)).byteOrder());
        assertEquals(ByteOrder.nativeOrder(), parse(1, NpyBytes.dict("=u2", false, 1)).byteOrder());
        assertEquals(ByteOrder.nativeOrder(), parse(1, NpyBytes.dict("|u1", false, 1)).byteOrder());
        assertEquals(ByteOrder.nativeOrder(), parse(1, NpyBytes.dict("f8", false, 1)).byteOrder());
    }

    static Stream<Arguments> descrs() {
        return Stream.of(Arguments.of("|b1", NpyType.BOOL), Arguments.of("?", NpyType.BOOL),
                Arguments.of("|i1", NpyType.INT8), Arguments.of("b", NpyType.INT8), Arguments.of("<i2", NpyType.INT16),
                Arguments.of("<i4", NpyType.INT32), Arguments.of(">i8", NpyType.INT64),
                Arguments.of("|u1", NpyType.UINT8), Arguments.of("B", NpyType.UINT8),
                Arguments.of(">u2", NpyType.UINT16), Arguments.of("<u4", NpyType.UINT32),
                Arguments.of("<u8", NpyType.UINT64), Arguments.of("<f2", NpyType.FLOAT16),
                Arguments.of(">f4", NpyType.FLOAT32), Arguments.of("<f8", NpyType.FLOAT64));
    }

    @ParameterizedTest
    @MethodSource("descrs")
    void everySupportedDescr(String descr, NpyType type) throws InputException {
        assertEquals(type, parse(1, NpyBytes.dict(descr, false, 2, 3)).type());
    }

    @Test
    void oldStyleLongsAndOtherSpacing() throws InputException {
        NpyHeader h = parse(1, "{\"shape\":(3L,4L),\"fortran_order\":False,\"descr\":\"<f8\"}");
        assertArrayEquals(new long[] {3, 4}, h.shape());
        assertEquals(0, parse(1, "{'descr': '<f8', 'fortran_order': False, 'shape': ()}").dimensions());
        assertEquals(5, parse(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (5,)}").elementCount());
    }

    static Stream<Arguments> badHeaders() {
        return Stream.of(
                Arguments.of("{'descr': '<f4', 'fortran_order': False}", "malformed .npy header: missing key 'shape'"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'x': 1}",
                        "malformed .npy header: unexpected key 'x'; expected only 'descr', 'fortran_order' and"
                                + " 'shape'"),
                Arguments.of("{'descr': 4, 'fortran_order': False, 'shape': (2,)}",
                        "malformed .npy header: 'descr' must be a string such as '<f4', found the integer 4"),
                Arguments.of("{'descr': '<f4', 'fortran_order': 0, 'shape': (2,)}",
                        "malformed .npy header: 'fortran_order' must be True or False, found the integer 0"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': [2]}",
                        "malformed .npy header: 'shape' must be a tuple of integers, found a list"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': (2, -1)}",
                        "malformed .npy header: 'shape' must hold non-negative integers, found the integer -1 at"
                                + " position 1"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 'a')}",
                        "malformed .npy header: 'shape' must hold non-negative integers, found 'a' at position 1"),
                Arguments.of("{'descr': '<f4, 'fortran_order': False}", "malformed .npy header: expected ',' or '}' in"
                        + " the dict, found 'fortran_order': Fals' at character 17"),
                Arguments.of("{'descr': '<f4', 'descr': '<f4'}", "malformed .npy header: duplicate key 'descr'"),
                Arguments.of("['descr']", "malformed .npy header: expected a dict {'descr': ..., 'fortran_order': ...,"
                        + " 'shape': ...}, found a list"),
                Arguments.of("", "malformed .npy header: header ends where a value was expected"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': (2,)} x",
                        "malformed .npy header: unexpected 'x' at character 56 after the header dict"),
                Arguments.of("{'descr': '<f4', 'fortran_order': Maybe, 'shape': (2,)}",
                        "malformed .npy header: unexpected name 'Maybe'"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3",
                        "malformed .npy header: expected ',' or ')', found the end of the header"),
                Arguments.of("{'descr': 'f4", "malformed .npy header: unterminated string"),
                Arguments.of("{1: 2}", "malformed .npy header: dict keys must be strings, found the integer 1"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,)}",
                        "malformed .npy header: 'shape' must hold non-negative integers, found the integer"
                                + " 99999999999999999999 at position 0"),
                Arguments.of("{'descr': '<f4', 'fortran_order': False, 'shape': ((((((((((((((((((((1,),),),),),),),),"
                        + "),),),),),),),),),),),)}", "malformed .npy header: nesting deeper than 16 levels"),
                Arguments.of("{'descr': '<f8', 'fortran_order': False, 'shape': (2305843009213693952, 8)}",
                        "shape 2305843009213693952 x 8 of float64 is too large (more than 2^63 bytes)"),
                Arguments.of("{'descr': '|O', 'fortran_order': False, 'shape': (3,)}",
                        "object dtype '|O': the data is pickled Python objects, which this reader never unpickles;"
                                + " convert to a numeric array first (e.g. a.astype('float64')); expected bool,"
                                + " int8..int64, uint8..uint64, float16, float32 or float64"),
                Arguments.of("{'descr': '<U5', 'fortran_order': False, 'shape': (3,)}",
                        "string dtype '<U5' is not supported; labels must be integer class indices (use"
                                + " --class-names for names); expected bool, int8..int64, uint8..uint64, float16,"
                                + " float32 or float64"),
                Arguments.of("{'descr': '<c16', 'fortran_order': False, 'shape': (3,)}",
                        "complex dtype '<c16' is not supported; expected bool, int8..int64, uint8..uint64, float16,"
                                + " float32 or float64"),
                Arguments.of("{'descr': '<M8[ns]', 'fortran_order': False, 'shape': (3,)}",
                        "datetime dtype '<M8[ns]' is not supported; expected bool, int8..int64, uint8..uint64,"
                                + " float16, float32 or float64"),
                Arguments.of("{'descr': '<f16', 'fortran_order': False, 'shape': (3,)}",
                        "unsupported dtype '<f16'; expected bool, int8..int64, uint8..uint64, float16, float32 or"
                                + " float64"),
                Arguments.of("{'descr': '|V8', 'fortran_order': False, 'shape': (3,)}",
                        "void/structured dtype '|V8' is not supported; expected bool, int8..int64, uint8..uint64,"
                                + " float16, float32 or float64"),
                Arguments.of("{'descr': '', 'fortran_order': False, 'shape': (3,)}",
                        "empty dtype descr ''; expected e.g. '<f4'"),
                Arguments.of("{'descr': [('a', '<i4'), ('b', '<f8')], 'fortran_order': False, 'shape': (3,)}",
                        "structured dtype [('a', '<i4'), ('b', '<f8')] is not supported; expected a plain numeric"
                                + " array (bool, int, uint or float)"),
                Arguments.of("{'descr': '<i4', 'fortran_order': False, 'shape': (2, 3, 4)}",
                        "an array of 3 dimensions (shape 2 x 3 x 4) is not supported; expected 1-D or 2-D (or a scalar)"));
    }

    @ParameterizedTest
    @MethodSource("badHeaders")
    void malformedHeadersAreInputErrors(String dict, String expected) {
        String p = problem(NpyBytes.header(1, dict));
        assertTrue(p.startsWith(expected), "got: " + p);
    }

    @Test
    void badMagicShowsWhatWasFound() {
        assertEquals("expected the NumPy magic \\x93NUMPY, found abc,de",
                problem("abc,def\n1,2\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("expected the NumPy magic \\x93NUMPY, found \\x80\\x04\\x95\\x0b\\x00\\x00 (this is a Python"
                + " pickle, not an .npy file: save the array with numpy.save)",
                problem(new byte[] {(byte) 0x80, 4, (byte) 0x95, 11, 0, 0, 0, 0, 0, 0}));
        assertEquals("expected the NumPy magic \\x93NUMPY, found PK\\x03\\x04\\x14\\x00 (this is a zip archive,"
                + " perhaps an .npz: read it by key)", problem(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}));
        assertEquals("empty file; expected the NumPy magic \\x93NUMPY", problem(new byte[0]));
        assertEquals("expected the NumPy magic \\x93NUMPY, found \\x93NUM", problem(new byte[] {(byte) 0x93, 'N',
                'U', 'M'}));
    }

    @Test
    void unsupportedVersions() {
        byte[] h = NpyBytes.header(1, NpyBytes.dict("<f4", false, 1));
        h[6] = 4;
        assertEquals("unsupported .npy format version 4.0; expected 1.0, 2.0 or 3.0", problem(h));
        h[6] = 1;
        h[7] = 1;
        assertEquals("unsupported .npy format version 1.1; expected 1.0, 2.0 or 3.0", problem(h));
    }

    @Test
    void truncatedHeaders() {
        byte[] h = NpyBytes.header(1, NpyBytes.dict("<f4", false, 1));
        assertEquals("file ends after the NumPy magic: expected 2 version bytes, found 1",
                problem(Arrays.copyOf(h, 7)));
        assertEquals("file ends inside the header: expected a 2-byte header length after the version",
                problem(Arrays.copyOf(h, 9)));
        assertEquals("file ends inside the header: header length says 118 bytes, found 40",
                problem(Arrays.copyOf(h, 50)));
        byte[] v2 = NpyBytes.header(2, NpyBytes.dict("<f4", false, 1));
        assertEquals("file ends inside the header: expected a 4-byte header length after the version",
                problem(Arrays.copyOf(v2, 11)));
    }

    @Test
    void hugeHeaderLengthIsRefusedBeforeAllocating() {
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 2).put((byte) 0);
        b.putInt(-1); // 4 GiB - 1
        assertEquals("header length 4294967295 bytes exceeds the 1048576 bytes this reader accepts",
                problem(b.array()));
    }

    @Test
    void headersCompareByContent() throws InputException {
        String d = NpyBytes.dict("<f4", false, 2, 3);
        assertEquals(parse(1, d), parse(1, d));
        assertEquals(parse(1, d).hashCode(), parse(1, d).hashCode());
        assertFalse(parse(1, d).equals(parse(1, NpyBytes.dict("<f4", true, 2, 3))));
        assertEquals("NpyHeader[version 1.0, float32, LITTLE_ENDIAN, C order, shape 2 x 3]", parse(1, d).toString());
    }
}

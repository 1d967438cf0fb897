package org.discern.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header of a NumPy {@code .npy} file: format version, element type, byte order, memory order
 * and shape, as described in NumPy's {@code numpy.lib.format}:
 *
 * <pre>
 * \x93NUMPY  major minor  header_len (uint16 LE in 1.0; uint32 LE in 2.0 and 3.0)
 * {'descr': '&lt;f4', 'fortran_order': False, 'shape': (1000, 25), }   (padded with spaces, '\n')
 * </pre>
 *
 * Versions 1.0 and 2.0 encode the header dict in Latin-1, 3.0 in UTF-8. Accepted {@code descr}
 * strings are a byte-order character ({@code '<'} little, {@code '>'} big, {@code '|'} not
 * applicable, {@code '='} native; optional) followed by {@code b1}, {@code i1..i8},
 * {@code u1..u8} or {@code f2..f8} (also the one-letter aliases {@code '?'} for bool, {@code 'b'}
 * for int8, {@code 'B'} for uint8). Object, string, complex, datetime and structured types are
 * refused with an {@link InputException} saying what was found. Arrays of 0, 1 or 2 dimensions
 * are accepted.
 *
 * <p>Parsing never throws anything but {@link InputException} (or {@link IOException} from the
 * underlying channel): every malformed header is an input error.
 */
public final class NpyHeader {
    /** Longest header dict accepted (NumPy itself refuses more than 10,000 bytes by default). */
    static final int MAX_HEADER_LENGTH = 1 << 20;
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int MAX_NESTING = 16;

    private final String source;
    private final int majorVersion;
    private final int minorVersion;
    private final NpyType type;
    private final ByteOrder byteOrder;
    private final boolean fortranOrder;
    private final long[] shape;
    private final long dataOffset;
    private final long elementCount;

    private NpyHeader(String source, int majorVersion, int minorVersion, NpyType type, ByteOrder byteOrder,
            boolean fortranOrder, long[] shape, long dataOffset, long elementCount) {
        this.source = source;
        this.majorVersion = majorVersion;
        this.minorVersion = minorVersion;
        this.type = type;
        this.byteOrder = byteOrder;
        this.fortranOrder = fortranOrder;
        this.shape = shape;
        this.dataOffset = dataOffset;
        this.elementCount = elementCount;
    }

    /**
     * Parses the header at the start of {@code bytes} (a whole file or just its beginning).
     *
     * @param source name used in error messages
     * @throws InputException for anything that is not a supported {@code .npy} header
     */
    public static NpyHeader parse(String source, byte[] bytes) throws InputException {
        try {
            return read(source, Channels.newChannel(new ByteArrayInputStream(bytes)));
        } catch (InputException e) {
            throw e;
        } catch (IOException e) {
            // a byte array channel cannot fail
            throw new InputException(source, 0, null, "cannot read the header: " + e, e);
        }
    }

    /**
     * Reads the header from {@code in}, consuming exactly the header bytes: afterwards the channel
     * is positioned at the first data byte.
     *
     * @param source name used in error messages
     * @throws InputException for anything that is not a supported {@code .npy} header
     * @throws IOException when the channel fails
     */
    public static NpyHeader read(String source, ReadableByteChannel in) throws IOException {
        ByteBuffer start = ByteBuffer.allocate(8);
        int got = readFully(in, start);
        checkMagic(source, start, got);
        int major = start.get(6) & 0xFF;
        int minor = start.get(7) & 0xFF;
        if (!((major == 1 || major == 2 || major == 3) && minor == 0)) {
            throw new InputException(source, 0, null, String.format(Locale.ROOT,
                    "unsupported .npy format version %d.%d; expected 1.0, 2.0 or 3.0", major, minor));
        }
        int lengthBytes = major == 1 ? 2 : 4;
        ByteBuffer lengthBuffer = ByteBuffer.allocate(lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
        if (readFully(in, lengthBuffer) < lengthBytes) {
            throw new InputException(source, 0, null, "file ends inside the header: expected a "
                    + lengthBytes + "-byte header length after the version");
        }
        long headerLength = major == 1 ? lengthBuffer.getShort(0) & 0xFFFF : lengthBuffer.getInt(0) & 0xFFFF_FFFFL;
        if (headerLength > MAX_HEADER_LENGTH) {
            throw new InputException(source, 0, null, "header length " + headerLength
                    + " bytes exceeds the " + MAX_HEADER_LENGTH + " bytes this reader accepts");
        }
        ByteBuffer text = ByteBuffer.allocate((int) headerLength);
        int textGot = readFully(in, text);
        if (textGot < headerLength) {
            throw new InputException(source, 0, null, "file ends inside the header: header length says "
                    + headerLength + " bytes, found " + textGot);
        }
        String dict = decode(source, text.array(), major == 3);
        long dataOffset = 8L + lengthBytes + headerLength;
        return fromDict(source, major, minor, dict, dataOffset);
    }

    private static void checkMagic(String source, ByteBuffer start, int got) throws InputException {
        boolean ok = got >= MAGIC.length;
        for (int i = 0; ok && i < MAGIC.length; i++) {
            ok = start.get(i) == MAGIC[i];
        }
        if (ok && got < 8) {
            throw new InputException(source, 0, null,
                    "file ends after the NumPy magic: expected 2 version bytes, found " + (got - MAGIC.length));
        }
        if (ok) {
            return;
        }
        if (got == 0) {
            throw new InputException(source, 0, null, "empty file; expected the NumPy magic \\x93NUMPY");
        }
        String found = escape(start, got);
        String hint = "";
        int b0 = start.get(0) & 0xFF;
        if (b0 == 0x80 && got >= 2 && (start.get(1) & 0xFF) >= 2 && (start.get(1) & 0xFF) <= 5) {
            hint = " (this is a Python pickle, not an .npy file: save the array with numpy.save)";
        } else if (got >= 4 && b0 == 'P' && start.get(1) == 'K' && start.get(2) == 3 && start.get(3) == 4) {
            hint = " (this is a zip archive, perhaps an .npz: read it by key)";
        }
        throw new InputException(source, 0, null, "expected the NumPy magic \\x93NUMPY, found " + found + hint);
    }

    private static String escape(ByteBuffer b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(n, MAGIC.length); i++) {
            int c = b.get(i) & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '\\') {
                sb.append((char) c);
            } else {
                sb.append(String.format(Locale.ROOT, "\\x%02x", c));
            }
        }
        return sb.toString();
    }

    private static String decode(String source, byte[] bytes, boolean utf8) throws InputException {
        if (!utf8) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(source, 0, null, "version 3.0 header is not valid UTF-8", e);
        }
    }

    /** Reads until {@code b} is full or the channel ends; returns the bytes read. */
    static int readFully(ReadableByteChannel in, ByteBuffer b) throws IOException {
        int total = 0;
        while (b.hasRemaining()) {
            int n = in.read(b);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    private static NpyHeader fromDict(String source, int major, int minor, String text, long dataOffset)
            throws InputException {
        Object parsed = new Literal(source, text).parseTop();
        if (!(parsed instanceof Map)) {
            throw malformed(source, "expected a dict {'descr': ..., 'fortran_order': ..., 'shape': ...}, found "
                    + Literal.describe(parsed), text);
        }
        Map<?, ?> dict = (Map<?, ?>) parsed;
        for (Object key : dict.keySet()) {
            if (!"descr".equals(key) && !"fortran_order".equals(key) && !"shape".equals(key)) {
                throw malformed(source, "unexpected key " + Literal.repr(key)
                        + "; expected only 'descr', 'fortran_order' and 'shape'", text);
            }
        }
        for (String key : new String[] {"descr", "fortran_order", "shape"}) {
            if (!dict.containsKey(key)) {
                throw malformed(source, "missing key '" + key + "'", text);
            }
        }
        Object descr = dict.get("descr");
        if (descr instanceof List || descr instanceof Literal.Tuple) {
            throw new InputException(source, 0, null, "structured dtype " + Literal.repr(descr)
                    + " is not supported; expected a plain numeric array (bool, int, uint or float)");
        }
        if (!(descr instanceof String)) {
            throw malformed(source, "'descr' must be a string such as '<f4', found " + Literal.describe(descr), text);
        }
        String d = (String) descr;
        ByteOrder order = byteOrder(source, d);
        NpyType type = type(source, d);
        Object fortran = dict.get("fortran_order");
        if (!(fortran instanceof Boolean)) {
            throw malformed(source, "'fortran_order' must be True or False, found " + Literal.describe(fortran), text);
        }
        Object shapeValue = dict.get("shape");
        if (!(shapeValue instanceof Literal.Tuple)) {
            throw malformed(source, "'shape' must be a tuple of integers, found " + Literal.describe(shapeValue), text);
        }
        List<Object> dims = ((Literal.Tuple) shapeValue).items();
        long[] shape = new long[dims.size()];
        long count = 1;
        boolean overflow = false;
        for (int i = 0; i < shape.length; i++) {
            Object dim = dims.get(i);
            if (!(dim instanceof BigInteger) || ((BigInteger) dim).signum() < 0 || ((BigInteger) dim).bitLength() > 62) {
                throw malformed(source, "'shape' must hold non-negative integers, found " + Literal.repr(dim)
                        + " at position " + i, text);
            }
            shape[i] = ((BigInteger) dim).longValue();
            if (!overflow) {
                try {
                    count = Math.multiplyExact(count, shape[i]);
                    Math.multiplyExact(count, (long) type.itemSize());
                } catch (ArithmeticException e) {
                    overflow = true;
                }
            }
        }
        if (shape.length > 2) {
            throw new InputException(source, 0, null, "an array of " + shape.length + " dimensions (shape "
                    + shapeText(shape) + ") is not supported; expected 1-D or 2-D (or a scalar)");
        }
        if (overflow) {
            throw new InputException(source, 0, null, "shape " + shapeText(shape) + " of " + type
                    + " is too large (more than 2^63 bytes)");
        }
        return new NpyHeader(source, major, minor, type, order, (Boolean) fortran, shape, dataOffset, count);
    }

    private static ByteOrder byteOrder(String source, String d) throws InputException {
        if (d.isEmpty()) {
            throw new InputException(source, 0, null, "empty dtype descr ''; expected e.g. '<f4'");
        }
        switch (d.charAt(0)) {
            case '<':
                return ByteOrder.LITTLE_ENDIAN;
            case '>':
                return ByteOrder.BIG_ENDIAN;
            default:
                // '|' (not applicable), '=' (native) or no prefix: NumPy's native order
                return ByteOrder.nativeOrder();
        }
    }

    private static NpyType type(String source, String descr) throws InputException {
        String d = descr;
        if (!d.isEmpty() && "<>|=".indexOf(d.charAt(0)) >= 0) {
            d = d.substring(1);
        }
        NpyType t = null;
        if (d.equals("?")) {
            t = NpyType.BOOL;
        } else if (d.equals("b")) {
            t = NpyType.INT8;
        } else if (d.equals("B")) {
            t = NpyType.UINT8;
        } else if (d.length() == 2 && d.charAt(1) >= '1' && d.charAt(1) <= '8') {
            t = NpyType.of(d.charAt(0), d.charAt(1) - '0');
        }
        if (t != null) {
            return t;
        }
        char kind = d.isEmpty() ? ' ' : d.charAt(0);
        String what;
        switch (kind) {
            case 'O':
                what = "object dtype '" + descr + "': the data is pickled Python objects, which this reader"
                        + " never unpickles; convert to a numeric array first (e.g. a.astype('float64'))";
                break;
            case 'U':
            case 'S':
            case 'a':
                what = "string dtype '" + descr + "' is not supported; labels must be integer class indices"
                        + " (use --class-names for names)";
                break;
            case 'V':
                what = "void/structured dtype '" + descr + "' is not supported";
                break;
            case 'c':
                what = "complex dtype '" + descr + "' is not supported";
                break;
            case 'M':
            case 'm':
                what = "datetime dtype '" + descr + "' is not supported";
                break;
            default:
                what = "unsupported dtype '" + descr + "'";
        }
        throw new InputException(source, 0, null, what
                + "; expected bool, int8..int64, uint8..uint64, float16, float32 or float64");
    }

    private static InputException malformed(String source, String problem, String text) {
        String shown = text.strip();
        if (shown.length() > 200) {
            shown = shown.substring(0, 200) + "...";
        }
        return new InputException(source, 0, null, "malformed .npy header: " + problem + "; header was: " + shown);
    }

    static String shapeText(long[] shape) {
        if (shape.length == 0) {
            return "() (a scalar)";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(" x ");
            }
            sb.append(shape[i]);
        }
        return sb.toString();
    }

    /** The name used in error messages. */
    public String source() {
        return source;
    }

    /** 1, 2 or 3. */
    public int majorVersion() {
        return majorVersion;
    }

    /** Always 0 for the supported versions. */
    public int minorVersion() {
        return minorVersion;
    }

    /** The element type. */
    public NpyType type() {
        return type;
    }

    /** Byte order of the data ('|' and '=' in the descr mean the reading machine's order). */
    public ByteOrder byteOrder() {
        return byteOrder;
    }

    /** True when the data is stored column-major (Fortran order). */
    public boolean fortranOrder() {
        return fortranOrder;
    }

    /** Number of dimensions: 0 (scalar), 1 or 2. */
    public int dimensions() {
        return shape.length;
    }

    /** Copy of the shape. */
    public long[] shape() {
        return shape.clone();
    }

    /** Extent of dimension {@code i}. */
    public long shape(int i) {
        return shape[i];
    }

    /** Product of the shape (1 for a scalar). */
    public long elementCount() {
        return elementCount;
    }

    /** Bytes of data the header announces: element count times item size. */
    public long dataLength() {
        return elementCount * type.itemSize();
    }

    /** Offset of the first data byte from the start of the file. */
    public long dataOffset() {
        return dataOffset;
    }

    /** Shape and type as in error messages, e.g. "1000 x 25 float32". */
    public String describe() {
        return shapeText(shape) + " " + type;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NpyHeader)) {
            return false;
        }
        NpyHeader h = (NpyHeader) o;
        return majorVersion == h.majorVersion && minorVersion == h.minorVersion && type == h.type
                && byteOrder.equals(h.byteOrder) && fortranOrder == h.fortranOrder && Arrays.equals(shape, h.shape)
                && dataOffset == h.dataOffset;
    }

    @Override
    public int hashCode() {
        return ((type.hashCode() * 31 + Arrays.hashCode(shape)) * 31 + (fortranOrder ? 1 : 0)) * 31
                + Long.hashCode(dataOffset);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "NpyHeader[version %d.%d, %s, %s, %s order, shape %s]", majorVersion,
                minorVersion, type, byteOrder, fortranOrder ? "Fortran" : "C", shapeText(shape));
    }

    /**
     * A parser for the Python literal subset NumPy writes in headers: dicts, tuples, lists,
     * strings, integers, True, False and None. Nesting is bounded so that no input can exhaust the
     * stack.
     */
    static final class Literal {
        /** A Python tuple (distinct from a list: 'shape' must be a tuple). */
        record Tuple(List<Object> items) {
        }

        /** Python's None. */
        enum None { NONE }

        private final String source;
        private final String text;
        private int pos;

        Literal(String source, String text) {
            this.source = source;
            this.text = text;
        }

        Object parseTop() throws InputException {
            Object value = parseValue(0);
            skipSpace();
            if (pos != text.length()) {
                throw error("unexpected " + near() + " after the header dict");
            }
            return value;
        }

        private Object parseValue(int depth) throws InputException {
            if (depth > MAX_NESTING) {
                throw error("nesting deeper than " + MAX_NESTING + " levels");
            }
            skipSpace();
            if (pos >= text.length()) {
                throw error("header ends where a value was expected");
            }
            char c = text.charAt(pos);
            switch (c) {
                case '{':
                    return parseDict(depth);
                case '(':
                    return new Tuple(parseSequence(')', depth));
                case '[':
                    return parseSequence(']', depth);
                case '\'':
                case '"':
                    return parseString();
                default:
                    if (c == '-' || c == '+' || (c >= '0' && c <= '9')) {
                        return parseInteger();
                    }
                    if (Character.isLetter(c) || c == '_') {
                        return parseName();
                    }
                    throw error("unexpected " + near());
            }
        }

        private Map<Object, Object> parseDict(int depth) throws InputException {
            pos++; // '{'
            Map<Object, Object> map = new LinkedHashMap<>();
            while (true) {
                skipSpace();
                if (pos < text.length() && text.charAt(pos) == '}') {
                    pos++;
                    return map;
                }
                Object key = parseValue(depth + 1);
                if (!(key instanceof String)) {
                    throw error("dict keys must be strings, found " + describe(key));
                }
                skipSpace();
                expect(':');
                Object value = parseValue(depth + 1);
                if (map.put(key, value) != null) {
                    throw error("duplicate key " + repr(key));
                }
                skipSpace();
                if (pos < text.length() && text.charAt(pos) == ',') {
                    pos++;
                } else if (pos < text.length() && text.charAt(pos) == '}') {
                    pos++;
                    return map;
                } else {
                    throw error("expected ',' or '}' in the dict, found " + near());
                }
            }
        }

        private List<Object> parseSequence(char close, int depth) throws InputException {
            pos++; // opening bracket
            List<Object> items = new ArrayList<>();
            while (true) {
                skipSpace();
                if (pos < text.length() && text.charAt(pos) == close) {
                    pos++;
                    return items;
                }
                items.add(parseValue(depth + 1));
                skipSpace();
                if (pos < text.length() && text.charAt(pos) == ',') {
                    pos++;
                } else if (pos < text.length() && text.charAt(pos) == close) {
                    pos++;
                    return items;
                } else {
                    throw error("expected ',' or '" + close + "', found " + near());
                }
            }
        }

        private String parseString() throws InputException {
            char quote = text.charAt(pos++);
            StringBuilder sb = new StringBuilder();
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == quote) {
                    return sb.toString();
                }
                if (c == '\\') {
                    if (pos >= text.length()) {
                        break;
                    }
                    char e = text.charAt(pos++);
                    switch (e) {
                        case 'n':
                            sb.append('\n');
                            break;
                        case 't':
                            sb.append('\t');
                            break;
                        default:
                            // \\, \', \" and anything else: the character itself
                            sb.append(e);
                    }
                } else if (c == '\n') {
                    break;
                } else {
                    sb.append(c);
                }
            }
            throw error("unterminated string");
        }

        private BigInteger parseInteger() throws InputException {
            int start = pos;
            if (text.charAt(pos) == '-' || text.charAt(pos) == '+') {
                pos++;
            }
            int digits = pos;
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                pos++;
            }
            if (pos == digits || pos - digits > 40) {
                throw error("malformed integer " + near(start));
            }
            BigInteger value = new BigInteger(text.substring(start, pos));
            if (pos < text.length() && (text.charAt(pos) == 'L' || text.charAt(pos) == 'l')) {
                pos++; // Python 2 long suffix, written by old NumPy versions
            }
            return value;
        }

        private Object parseName() throws InputException {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            String name = text.substring(start, pos);
            switch (name) {
                case "True":
                    return Boolean.TRUE;
                case "False":
                    return Boolean.FALSE;
                case "None":
                    return None.NONE;
                default:
                    throw error("unexpected name '" + (name.length() > 40 ? name.substring(0, 40) + "..." : name) + "'");
            }
        }

        private void expect(char c) throws InputException {
            if (pos >= text.length() || text.charAt(pos) != c) {
                throw error("expected '" + c + "', found " + near());
            }
            pos++;
        }

        private void skipSpace() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                    return;
                }
                pos++;
            }
        }

        private String near() {
            return near(pos);
        }

        private String near(int at) {
            if (at >= text.length()) {
                return "the end of the header";
            }
            int end = Math.min(text.length(), at + 20);
            return "'" + text.substring(at, end).stripTrailing() + "' at character " + at;
        }

        private InputException error(String problem) {
            return malformed(source, problem, text);
        }

        static String describe(Object v) {
            if (v instanceof String) {
                return "the string " + repr(v);
            }
            if (v instanceof BigInteger) {
                return "the integer " + v;
            }
            if (v instanceof Boolean) {
                return (Boolean) v ? "True" : "False";
            }
            if (v instanceof Tuple) {
                return "a tuple";
            }
            if (v instanceof List) {
                return "a list";
            }
            if (v instanceof Map) {
                return "a dict";
            }
            return "None";
        }

        static String repr(Object v) {
            if (v instanceof String) {
                String s = (String) v;
                return "'" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
            }
            if (v instanceof Tuple) {
                return reprItems(((Tuple) v).items(), "(", ")");
            }
            if (v instanceof List) {
                return reprItems((List<?>) v, "[", "]");
            }
            return describe(v);
        }

        private static String reprItems(List<?> items, String open, String close) {
            StringBuilder sb = new StringBuilder(open);
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                if (sb.length() > 80) {
                    sb.append("...");
                    break;
                }
                Object item = items.get(i);
                sb.append(item instanceof BigInteger ? item.toString() : repr(item));
            }
            return sb.append(close).toString();
        }
    }
}

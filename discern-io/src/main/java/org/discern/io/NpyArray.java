package org.discern.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A NumPy array read from a {@code .npy} file (format versions 1.0, 2.0 and 3.0): its
 * {@link NpyHeader} and its raw data, not yet converted. The conversions
 * {@link #toIntArray()}, {@link #toFloatArray()} and {@link #toDoubleArray()} return a new Java
 * array in row-major (C) order whatever the file's order, converting the byte order on the way.
 *
 * <p>A regular file is memory-mapped, so its data is copied once, from the page cache straight
 * into the target array. An {@code .npz} entry is streamed: reading it gives the header only, and
 * each conversion inflates the entry again straight into its target array through a buffer of
 * {@value #STREAM_BUFFER} bytes, so nothing is inflated outside the target. Other streams (a
 * pipe) are read into direct buffers outside the Java heap, after checking that the header's data
 * length fits the heap limit. Data longer than the header announces is ignored (as NumPy does);
 * shorter data is an {@link InputException}.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class NpyArray {
    /** Largest array length the JVM allows. */
    static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;
    /** Data is mapped in chunks of at most this many bytes (a multiple of 8). */
    static final int DEFAULT_CHUNK = 1 << 30;
    /**
     * Data read from a stream goes into direct buffers of at most this many bytes (a multiple of
     * 8), so that a header announcing more data than the stream holds costs at most one such
     * buffer before the truncation is found.
     */
    static final int STREAM_CHUNK = 1 << 26;
    /** A streamed array is converted through a buffer of this many bytes (a multiple of 8). */
    static final int STREAM_BUFFER = 1 << 20;

    /** Opens a new channel positioned at the first data byte of a streamed array. */
    @FunctionalInterface
    interface DataSource {
        ReadableByteChannel open() throws IOException;
    }

    private final NpyHeader header;
    // read-only views of the data, in file order; each holds a whole number of elements. Null
    // when the data is streamed from {@code stream} by each conversion
    private final ByteBuffer[] chunks;
    private final DataSource stream;
    private final int bufferSize;

    private NpyArray(NpyHeader header, ByteBuffer[] chunks) {
        this.header = header;
        this.chunks = chunks;
        this.stream = null;
        this.bufferSize = 0;
    }

    private NpyArray(NpyHeader header, DataSource stream, int bufferSize) {
        this.header = header;
        this.chunks = null;
        this.stream = stream;
        this.bufferSize = bufferSize;
    }

    /**
     * An array whose data is read from {@code stream} by each conversion, through a buffer of
     * {@code bufferSize} bytes (a multiple of 8): memory beyond the target array stays bounded.
     */
    static NpyArray streamed(NpyHeader header, DataSource stream, int bufferSize) {
        return new NpyArray(header, stream, bufferSize);
    }

    /**
     * Reads a {@code .npy} file. The source name in error messages is {@code file} as given.
     *
     * @throws InputException when the file is not a supported {@code .npy} array or is truncated
     * @throws IOException when the file cannot be read
     */
    public static NpyArray read(Path file) throws IOException {
        return read(file, DEFAULT_CHUNK);
    }

    static NpyArray read(Path file, int chunkSize) throws IOException {
        String source = file.toString();
        if (!Files.exists(file)) {
            throw new InputException(source, 0, null, "no such file");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (!Files.isRegularFile(file)) {
                return read(source, channel, Math.min(chunkSize, STREAM_CHUNK), -1);
            }
            NpyHeader header = NpyHeader.read(source, channel);
            long available = Math.max(0, channel.size() - header.dataOffset());
            checkLength(header, available);
            List<ByteBuffer> chunks = new ArrayList<>();
            long length = header.dataLength();
            for (long offset = 0; offset < length; offset += chunkSize) {
                long n = Math.min(chunkSize, length - offset);
                chunks.add(channel.map(FileChannel.MapMode.READ_ONLY, header.dataOffset() + offset, n)
                        .order(header.byteOrder()));
            }
            return new NpyArray(header, chunks.toArray(new ByteBuffer[0]));
        }
    }

    /**
     * Reads a {@code .npy} stream from {@code in} (header then data), e.g. an entry of an
     * {@code .npz} archive. The data goes to direct buffers outside the Java heap. The channel is
     * not closed.
     *
     * @param source name used in error messages
     * @throws InputException when the stream is not a supported {@code .npy} array or is truncated
     */
    public static NpyArray read(String source, ReadableByteChannel in) throws IOException {
        return read(source, in, STREAM_CHUNK, -1);
    }

    /**
     * @param size total bytes the stream holds (header included), or -1 when unknown; when known,
     *        a truncated stream is refused before any data buffer is allocated
     */
    static NpyArray read(String source, ReadableByteChannel in, int chunkSize, long size) throws IOException {
        NpyHeader header = NpyHeader.read(source, in);
        if (size >= 0) {
            checkLength(header, Math.max(0, size - header.dataOffset()));
        }
        // the data goes to direct buffers, limited by default to the heap's size: refuse before any
        HeapBudget.check(source, header.describe(), header.dataLength());
        long length = header.dataLength();
        List<ByteBuffer> chunks = new ArrayList<>();
        long got = 0;
        for (long offset = 0; offset < length; offset += chunkSize) {
            int n = (int) Math.min(chunkSize, length - offset);
            ByteBuffer chunk = ByteBuffer.allocateDirect(n);
            int read = NpyHeader.readFully(in, chunk);
            got += read;
            if (read < n) {
                checkLength(header, got);
            }
            chunk.flip();
            chunks.add(chunk.asReadOnlyBuffer().order(header.byteOrder()));
        }
        return new NpyArray(header, chunks.toArray(new ByteBuffer[0]));
    }

    /** An array over {@code data} (the bytes after the header); for tests and in-memory sources. */
    static NpyArray of(NpyHeader header, ByteBuffer data, int chunkSize) throws InputException {
        checkLength(header, data.remaining());
        List<ByteBuffer> chunks = new ArrayList<>();
        long length = header.dataLength();
        for (long offset = 0; offset < length; offset += chunkSize) {
            int n = (int) Math.min(chunkSize, length - offset);
            ByteBuffer chunk = data.slice(data.position() + (int) offset, n).asReadOnlyBuffer();
            chunks.add(chunk.order(header.byteOrder()));
        }
        return new NpyArray(header, chunks.toArray(new ByteBuffer[0]));
    }

    /** Receives the data chunk by chunk, in file order; each chunk holds whole elements. */
    @FunctionalInterface
    private interface ChunkConsumer {
        void accept(ByteBuffer chunk) throws InputException;
    }

    /** Hands every chunk of the data to {@code consumer}: the mapped chunks, or the stream read afresh. */
    private void forEachChunk(ChunkConsumer consumer) throws InputException {
        if (chunks != null) {
            for (ByteBuffer chunk : chunks) {
                consumer.accept(chunk);
            }
            return;
        }
        long length = header.dataLength();
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(8, Math.min(bufferSize, length)));
        try (ReadableByteChannel in = stream.open()) {
            long got = 0;
            while (got < length) {
                buffer.clear();
                buffer.limit((int) Math.min(buffer.capacity(), length - got));
                got += NpyHeader.readFully(in, buffer);
                if (buffer.hasRemaining()) {
                    checkLength(header, got);
                }
                buffer.flip();
                consumer.accept(buffer.asReadOnlyBuffer().order(header.byteOrder()));
            }
        } catch (InputException e) {
            throw e;
        } catch (java.util.zip.ZipException e) {
            throw new InputException(source(), 0, null, "corrupt archive entry: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InputException(source(), 0, null, "cannot read the data: " + e.getMessage(), e);
        }
    }

    static void checkLength(NpyHeader header, long available) throws InputException {
        if (available < header.dataLength()) {
            throw new InputException(header.source(), 0, null, String.format(Locale.ROOT,
                    "truncated data: header says %s = %d bytes of data, file has %d",
                    header.describe(), header.dataLength(), available));
        }
    }

    /** The header: version, type, byte order, memory order, shape. */
    public NpyHeader header() {
        return header;
    }

    /** Name used in error messages (the file as given, or an archive entry). */
    public String source() {
        return header.source();
    }

    /** The element type. */
    public NpyType type() {
        return header.type();
    }

    /** Number of dimensions: 0, 1 or 2. */
    public int dimensions() {
        return header.dimensions();
    }

    /** Rows: the first dimension (1 for a scalar). */
    public long rows() {
        return header.dimensions() == 0 ? 1 : header.shape(0);
    }

    /** Columns: the second dimension, 1 for 1-D arrays and scalars. */
    public long columns() {
        return header.dimensions() == 2 ? header.shape(1) : 1;
    }

    /** Number of elements. */
    public long size() {
        return header.elementCount();
    }

    /**
     * The elements as {@code int}, row-major. Accepts bool (0/1) and every integer type; each
     * value must fit an {@code int}.
     *
     * @throws InputException for a floating-point array, a value outside the {@code int} range
     *         (with its position) or more elements than a Java array can hold
     */
    public int[] toIntArray() throws InputException {
        if (!header.type().isIntegral()) {
            throw new InputException(source(), 0, null, "expected an integer or bool array, found "
                    + header.describe());
        }
        int[] out = new int[checkedLength()];
        if (header.type() == NpyType.INT32 && !transposed()) {
            int[] at = {0};
            forEachChunk(chunk -> {
                int n = chunk.remaining() / 4;
                chunk.duplicate().order(header.byteOrder()).asIntBuffer().get(out, at[0], n);
                at[0] += n;
            });
            return out;
        }
        Walk walk = new Walk();
        forEachChunk(chunk -> {
            int n = chunk.remaining() / header.type().itemSize();
            for (int k = 0; k < n; k++) {
                long v = integralAt(chunk, k);
                boolean unsignedHuge = header.type() == NpyType.UINT64 && v < 0;
                if (unsignedHuge || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                    throw new InputException(source(), 0, null, "element " + position(walk.dest)
                            + " = " + (unsignedHuge ? Long.toUnsignedString(v) : Long.toString(v))
                            + " does not fit a 32-bit int; expected class indices or 0/1 labels");
                }
                out[walk.dest] = (int) v;
                walk.next();
            }
        });
        return out;
    }

    /**
     * The elements as {@code float}, row-major. Accepts float16 (converted exactly) and float32
     * only: a float64 array is not narrowed silently (use {@link #toDoubleArray()}).
     *
     * @throws InputException for any other type or more elements than a Java array can hold
     */
    public float[] toFloatArray() throws InputException {
        NpyType t = header.type();
        if (t != NpyType.FLOAT32 && t != NpyType.FLOAT16) {
            throw new InputException(source(), 0, null, "expected a float16 or float32 array, found "
                    + header.describe() + (t == NpyType.FLOAT64 ? " (read it as double)" : ""));
        }
        float[] out = new float[checkedLength()];
        if (t == NpyType.FLOAT32 && !transposed()) {
            int[] at = {0};
            forEachChunk(chunk -> {
                int n = chunk.remaining() / 4;
                chunk.duplicate().order(header.byteOrder()).asFloatBuffer().get(out, at[0], n);
                at[0] += n;
            });
            return out;
        }
        Walk walk = new Walk();
        forEachChunk(chunk -> {
            int n = chunk.remaining() / t.itemSize();
            if (t == NpyType.FLOAT16) {
                for (int k = 0; k < n; k++) {
                    out[walk.dest] = Float16.toFloat(chunk.getShort(chunk.position() + 2 * k));
                    walk.next();
                }
            } else {
                for (int k = 0; k < n; k++) {
                    out[walk.dest] = chunk.getFloat(chunk.position() + 4 * k);
                    walk.next();
                }
            }
        });
        return out;
    }

    /**
     * The elements as {@code double}, row-major, from any type: floats widen exactly, integers
     * convert exactly up to 2^53 in magnitude (beyond, to the nearest double), bool gives 0 or 1.
     *
     * @throws InputException when there are more elements than a Java array can hold
     */
    public double[] toDoubleArray() throws InputException {
        double[] out = new double[checkedLength()];
        if (header.type() == NpyType.FLOAT64 && !transposed()) {
            int[] at = {0};
            forEachChunk(chunk -> {
                int n = chunk.remaining() / 8;
                chunk.duplicate().order(header.byteOrder()).asDoubleBuffer().get(out, at[0], n);
                at[0] += n;
            });
            return out;
        }
        Walk walk = new Walk();
        forEachChunk(chunk -> {
            int n = chunk.remaining() / header.type().itemSize();
            for (int k = 0; k < n; k++) {
                out[walk.dest] = doubleAt(chunk, k);
                walk.next();
            }
        });
        return out;
    }

    /** Receives elements one at a time: the row-major index and the value. */
    @FunctionalInterface
    interface DoubleSink {
        void accept(int index, double value) throws InputException;
    }

    /**
     * Hands every element to {@code sink} as {@link #toDoubleArray()} converts it, in file order
     * (row-major order for C order and for 1-D or one-column arrays), without an array: for
     * readers that need each value once.
     *
     * @throws InputException when there are more elements than a Java array can hold, or from
     *         {@code sink}
     */
    void forEachDouble(DoubleSink sink) throws InputException {
        checkedLength();
        if (header.type() == NpyType.FLOAT64) {
            Walk walk = new Walk();
            forEachChunk(chunk -> {
                DoubleBuffer d = chunk.duplicate().order(header.byteOrder()).asDoubleBuffer();
                int n = d.remaining();
                for (int k = 0; k < n; k++) {
                    sink.accept(walk.dest, d.get(k));
                    walk.next();
                }
            });
            return;
        }
        Walk walk = new Walk();
        forEachChunk(chunk -> {
            int n = chunk.remaining() / header.type().itemSize();
            for (int k = 0; k < n; k++) {
                sink.accept(walk.dest, doubleAt(chunk, k));
                walk.next();
            }
        });
    }

    /** "[i]" for 1-D, "[row, column]" for 2-D (0-based), of row-major index {@code dest}. */
    String position(int dest) {
        if (header.dimensions() == 2) {
            long columns = header.shape(1);
            return "[" + (dest / columns) + ", " + (dest % columns) + "]";
        }
        return "[" + dest + "]";
    }

    private int checkedLength() throws InputException {
        long n = header.elementCount();
        if (n > MAX_ARRAY_LENGTH) {
            throw new InputException(source(), 0, null, "array of " + header.describe() + " has " + n
                    + " elements, more than one Java array can hold (" + MAX_ARRAY_LENGTH + ")");
        }
        return (int) n;
    }

    private boolean transposed() {
        return header.fortranOrder() && header.dimensions() == 2 && header.shape(0) > 1 && header.shape(1) > 1;
    }

    private long integralAt(ByteBuffer b, int k) {
        int at = b.position() + k * header.type().itemSize();
        switch (header.type()) {
            case BOOL:
                return b.get(at) != 0 ? 1 : 0;
            case INT8:
                return b.get(at);
            case UINT8:
                return b.get(at) & 0xFF;
            case INT16:
                return b.getShort(at);
            case UINT16:
                return b.getShort(at) & 0xFFFF;
            case INT32:
                return b.getInt(at);
            case UINT32:
                return b.getInt(at) & 0xFFFF_FFFFL;
            case INT64:
            case UINT64:
                return b.getLong(at);
            default:
                throw new IllegalStateException("not integral: " + header.type());
        }
    }

    private double doubleAt(ByteBuffer b, int k) {
        int at = b.position() + k * header.type().itemSize();
        switch (header.type()) {
            case FLOAT16:
                return Float16.toFloat(b.getShort(at));
            case FLOAT32:
                return b.getFloat(at);
            case FLOAT64:
                return b.getDouble(at);
            case UINT64:
                long v = b.getLong(at);
                // unsigned: the top bit is worth 2^63
                return v >= 0 ? (double) v : ((double) (v >>> 1 | (v & 1))) * 2.0;
            default:
                return integralAt(b, k);
        }
    }

    /**
     * Walks the row-major destination index in file order: the identity for C order, a
     * transposition for 2-D Fortran order (file element j * rows + i goes to i * columns + j).
     */
    private final class Walk {
        int dest;
        private final boolean fortran = transposed();
        private final int rows = fortran ? (int) header.shape(0) : 0;
        private final int columns = fortran ? (int) header.shape(1) : 0;
        private int row;

        void next() {
            if (!fortran) {
                dest++;
                return;
            }
            row++;
            if (row == rows) {
                row = 0;
                dest = dest - (rows - 1) * columns + 1;
            } else {
                dest += columns;
            }
        }
    }

    @Override
    public String toString() {
        return "NpyArray[" + source() + ", " + header + "]";
    }
}

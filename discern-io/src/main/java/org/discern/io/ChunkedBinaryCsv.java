package org.discern.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;

/**
 * The fast path for binary predictions in a delimited file: the bytes are read (and inflated,
 * for gzip) on the calling thread in chunks cut at line ends outside quotes, while worker threads
 * parse the chunks straight into primitive arrays, numbers with FastDoubleParser (the same double
 * {@code Double.parseDouble} gives).
 *
 * <p>It is a fast path only: it accepts a file only when every row is plainly well formed (fields
 * unquoted or simply quoted, no escaped quotes, every number in the plain decimal syntax, two
 * label values at most, no ids). On anything else — including every error — it returns
 * {@code null} and the caller reads the file with the sequential reader ({@link BinaryCsvReader}),
 * which reports the first bad line in file order with the same located message as always. So this
 * class never reports an error and never accepts a row the sequential reader would refuse
 * ({@code ChunkedBinaryCsvPropertyTest} compares the two on random files and chunk sizes).
 *
 * <p>Memory: the text is never held whole; at most {@code workers + 2} chunk buffers are alive.
 */
final class ChunkedBinaryCsv {
    /** Bytes per chunk by default. */
    static final int CHUNK = 1 << 22;
    private static final int MAX_LABELS_PER_CHUNK = 8;

    private final Path file;
    private final String name;
    private final InputSpec spec;
    private final int chunkSize;
    private final int workers;

    private ChunkedBinaryCsv(Path file, InputSpec spec, int chunkSize, int workers) {
        this.file = file;
        this.name = file.toString();
        this.spec = spec;
        this.chunkSize = chunkSize;
        this.workers = workers;
    }

    /**
     * Reads {@code file} as binary predictions, or returns null when the fast path does not apply
     * or the file has any problem (the sequential reader then reads it and names the problem).
     */
    static BinaryPredictions read(Path file, InputSpec spec) {
        return read(file, spec, CHUNK, Runtime.getRuntime().availableProcessors());
    }

    /** As {@link #read(Path, InputSpec)} with a given chunk size (tests use a few bytes). */
    static BinaryPredictions read(Path file, InputSpec spec, int chunkSize, int workers) {
        if (spec.idColumn() != null || spec.classes() != null || !spec.textColumns().isEmpty()
                || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return new ChunkedBinaryCsv(file, spec, Math.max(1, chunkSize), Math.max(1, workers)).run();
        } catch (IOException | RuntimeException e) {
            // any failure (a truncated gzip stream, a bad header): the sequential reader names it
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private BinaryPredictions run() throws IOException, InterruptedException {
        long size = Files.size(file);
        ProgressListener progress = spec.progress() == null ? ProgressListener.NONE : spec.progress();
        try (DelimitedFile.CountingInputStream counting =
                new DelimitedFile.CountingInputStream(Files.newInputStream(file));
                InputStream raw = new BufferedInputStream(counting, 1 << 16)) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream in = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(raw, 1 << 16) : raw;
            return parse(in, counting, size, progress);
        }
    }

    private BinaryPredictions parse(InputStream in, DelimitedFile.CountingInputStream counting, long size,
            ProgressListener progress)
            throws IOException, InterruptedException {
        byte[] buf = new byte[Math.max(chunkSize, 4)]; // room for a byte-order mark
        int len = in.readNBytes(buf, 0, buf.length);
        int start = len >= 3 && (buf[0] & 0xff) == 0xef && (buf[1] & 0xff) == 0xbb && (buf[2] & 0xff) == 0xbf ? 3 : 0;
        // the header line: grow until it fits
        int nl;
        while ((nl = indexOf(buf, start, len, (byte) '\n')) < 0 && len == buf.length) {
            buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            len += in.readNBytes(buf, len, buf.length - len);
        }
        if (nl < 0 || nl == start) {
            return null;
        }
        int headEnd = nl > start && buf[nl - 1] == '\r' ? nl - 1 : nl;
        byte sep = (byte) ',';
        int tabs = 0;
        int commas = 0;
        for (int i = start; i < headEnd; i++) {
            if (buf[i] == '"' || buf[i] == '\r') {
                return null;
            }
            tabs += buf[i] == '\t' ? 1 : 0;
            commas += buf[i] == ',' ? 1 : 0;
        }
        if (tabs > 0 && commas == 0) {
            sep = (byte) '\t';
        }
        List<String> header = new ArrayList<>();
        for (String h : new String(buf, start, headEnd - start, StandardCharsets.UTF_8).split(
                sep == '\t' ? "\t" : ",", -1)) {
            String s = h.strip();
            if (s.isEmpty() || header.contains(s)) {
                return null;
            }
            header.add(s);
        }
        Layout layout;
        try {
            layout = LayoutDetector.fromColumns(name, header, spec);
        } catch (InputException e) {
            return null;
        }
        int li = header.indexOf(spec.labelColumn());
        int si = header.indexOf(spec.scoreColumn());
        int wi = spec.weightColumn() == null ? -1 : header.indexOf(spec.weightColumn());
        if (layout != Layout.BINARY || li < 0 || si < 0 || li == si || spec.weightColumn() != null && (wi < 0
                || wi == li || wi == si)) {
            return null;
        }
        Columns cols = new Columns(sep, header.size(), li, si, wi);

        BlockingQueue<byte[]> pool = new ArrayBlockingQueue<>(workers + 2);
        int cap = buf.length;
        for (int i = 0; i < workers + 1; i++) {
            pool.add(new byte[cap]);
        }
        ExecutorService exec = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "discern-parse");
            t.setDaemon(true);
            return t;
        });
        List<Future<Chunk>> chunks = new ArrayList<>();
        AtomicLong rowsDone = new AtomicLong();
        try {
            int from = nl + 1;
            boolean eof = len < buf.length;
            while (true) {
                int cut;
                if (eof) {
                    cut = len;
                } else {
                    cut = safeCut(buf, from, len);
                    if (cut < 0) {
                        // a row longer than the buffer: grow it and read on
                        byte[] old = buf;
                        buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                        pool.offer(old);
                        int n = in.readNBytes(buf, len, buf.length - len);
                        len += n;
                        eof = len < buf.length;
                        continue;
                    }
                }
                byte[] next = null;
                int carry = len - cut;
                if (!eof) {
                    next = pool.take();
                    if (next.length < Math.max(cap, carry * 2)) {
                        pool.offer(next);
                        next = new byte[Math.max(cap, carry * 2)];
                    }
                    System.arraycopy(buf, cut, next, 0, carry);
                }
                final byte[] chunkBuf = buf;
                final int f = from;
                final int t = cut;
                chunks.add(exec.submit(() -> {
                    Chunk c = Chunk.parse(chunkBuf, f, t, cols);
                    pool.offer(chunkBuf); // dropped when the pool is full
                    if (c != null) {
                        rowsDone.addAndGet(c.n);
                    }
                    return c;
                }));
                if (failed(chunks)) {
                    return null;
                }
                progress.progress(name, counting.count(), size, rowsDone.get());
                if (eof) {
                    break;
                }
                buf = next;
                from = 0;
                len = carry + in.readNBytes(buf, carry, buf.length - carry);
                eof = len < buf.length;
            }
            return merge(chunks, cols, progress);
        } catch (ExecutionException e) {
            return null;
        } finally {
            exec.shutdownNow();
        }
    }

    /** Whether a finished chunk already says the fast path does not apply (stops reading early). */
    private static boolean failed(List<Future<Chunk>> chunks) throws InterruptedException, ExecutionException {
        for (int i = chunks.size() - 1; i >= 0 && i >= chunks.size() - 4; i--) {
            Future<Chunk> f = chunks.get(i);
            if (f.isDone() && f.get() == null) {
                return true;
            }
        }
        return false;
    }

    private BinaryPredictions merge(List<Future<Chunk>> futures, Columns cols, ProgressListener progress)
            throws InterruptedException, ExecutionException, InputException {
        long total = 0;
        List<Chunk> chunks = new ArrayList<>(futures.size());
        for (Future<Chunk> f : futures) {
            Chunk c = f.get();
            if (c == null) {
                return null;
            }
            chunks.add(c);
            total += c.n;
        }
        if (total == 0 || total > Integer.MAX_VALUE - 8) {
            return null;
        }
        int n = (int) total;
        // label texts in order of first appearance, as the sequential reader keeps them
        Map<String, Integer> codes = new LinkedHashMap<>();
        for (Chunk c : chunks) {
            c.global = new int[c.labelCount];
            for (int k = 0; k < c.labelCount; k++) {
                String v = new String(c.labelBytes[k], StandardCharsets.UTF_8).strip();
                if (v.isEmpty()) {
                    return null;
                }
                Integer code = codes.putIfAbsent(v, codes.size());
                c.global[k] = code == null ? codes.size() - 1 : code;
            }
        }
        if (codes.size() > 2) {
            return null;
        }
        List<String> values = new ArrayList<>(codes.keySet());
        String pos = BinaryCsvReader.of(spec).resolvePositive(name, values, Map.of());
        boolean[] isPositive = new boolean[values.size()];
        for (int c = 0; c < values.size(); c++) {
            isPositive[c] = BinaryCsvReader.sameLabel(values.get(c), pos);
        }
        double[] scores = new double[n];
        boolean[] labels = new boolean[n];
        double[] weights = cols.weight < 0 ? null : new double[n];
        int at = 0;
        for (int k = 0; k < chunks.size(); k++) {
            Chunk c = chunks.get(k);
            chunks.set(k, null); // let the chunk go as soon as it is copied
            System.arraycopy(c.scores, 0, scores, at, c.n);
            if (weights != null) {
                System.arraycopy(c.weights, 0, weights, at, c.n);
            }
            for (int i = 0; i < c.n; i++) {
                labels[at + i] = isPositive[c.global[c.labels[i]]];
            }
            at += c.n;
        }
        progress.done(name, n);
        return new BinaryPredictions(name, scores, labels, weights, pos, values, null);
    }

    /**
     * The end of the last complete line in {@code buf[from, len)} outside quotes (the index after
     * its '\n'), or -1 when there is none. The chunk starts outside quotes, so a newline is outside
     * quotes exactly when the number of quote bytes before it in the chunk is even.
     */
    static int safeCut(byte[] buf, int from, int len) {
        int quotes = 0;
        for (int i = from; i < len; i++) {
            quotes += buf[i] == '"' ? 1 : 0;
        }
        for (int i = len - 1; i >= from; i--) {
            byte b = buf[i];
            if (b == '"') {
                quotes--;
            } else if (b == '\n' && (quotes & 1) == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] b, int from, int to, byte x) {
        for (int i = from; i < to; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    /** Where the columns are. */
    private record Columns(byte sep, int count, int label, int score, int weight) {
    }

    /** One parsed chunk: its rows, labels coded by their text within the chunk. */
    private static final class Chunk {
        final double[] scores;
        final byte[] labels;
        final double[] weights;
        final byte[][] labelBytes = new byte[MAX_LABELS_PER_CHUNK][];
        int labelCount;
        int n;
        int[] global;

        private Chunk(int capacity, boolean weighted) {
            scores = new double[capacity];
            labels = new byte[capacity];
            weights = weighted ? new double[capacity] : null;
        }

        /** Parses {@code b[from, to)} (whole lines), or returns null on anything not plainly well formed. */
        static Chunk parse(byte[] b, int from, int to, Columns cols) {
            int lines = 1;
            for (int i = from; i < to; i++) {
                lines += b[i] == '\n' ? 1 : 0;
            }
            Chunk c = new Chunk(lines, cols.weight >= 0);
            byte sep = cols.sep;
            int p = from;
            while (p < to) {
                byte first = b[p];
                if (first == '\n') {
                    p++;
                    continue;
                }
                if (first == '\r') {
                    if (p + 1 < to && b[p + 1] == '\n') {
                        p += 2;
                        continue;
                    }
                    return null;
                }
                int field = 0;
                boolean gotLabel = false;
                while (true) {
                    int fs;
                    int fe;
                    if (p < to && b[p] == '"') {
                        int q = indexOf(b, p + 1, to, (byte) '"');
                        if (q < 0 || q + 1 < to && b[q + 1] == '"') {
                            return null; // unterminated, or an escaped quote: the sequential reader decides
                        }
                        fs = p + 1;
                        fe = q;
                        p = q + 1;
                        if (p < to && b[p] != sep && b[p] != '\n' && b[p] != '\r') {
                            return null;
                        }
                    } else {
                        fs = p;
                        while (p < to) {
                            byte x = b[p];
                            if (x == sep || x == '\n' || x == '\r') {
                                break;
                            }
                            if (x == '"') {
                                return null;
                            }
                            p++;
                        }
                        fe = p;
                    }
                    if (field == cols.label) {
                        if (!c.label(b, fs, fe)) {
                            return null;
                        }
                        gotLabel = true;
                    } else if (field == cols.score) {
                        double v = number(b, fs, fe);
                        if (Double.isNaN(v)) {
                            return null;
                        }
                        c.scores[c.n] = v;
                    } else if (field == cols.weight) {
                        double v = number(b, fs, fe);
                        if (!(v >= 0)) {
                            return null;
                        }
                        c.weights[c.n] = v;
                    }
                    field++;
                    if (p >= to) {
                        break;
                    }
                    byte x = b[p];
                    if (x == sep) {
                        p++;
                        continue;
                    }
                    if (x == '\n') {
                        p++;
                        break;
                    }
                    if (p + 1 < to && b[p + 1] == '\n') { // x is '\r'
                        p += 2;
                        break;
                    }
                    return null;
                }
                if (field != cols.count || !gotLabel) {
                    return null;
                }
                c.n++;
            }
            return c;
        }

        /** Records the label in {@code b[fs, fe)}; false when the chunk has too many distinct labels. */
        private boolean label(byte[] b, int fs, int fe) {
            int len = fe - fs;
            for (int k = 0; k < labelCount; k++) {
                byte[] v = labelBytes[k];
                if (v.length == len && java.util.Arrays.equals(v, 0, len, b, fs, fe)) {
                    labels[n] = (byte) k;
                    return true;
                }
            }
            if (labelCount == MAX_LABELS_PER_CHUNK) {
                return false;
            }
            labelBytes[labelCount] = java.util.Arrays.copyOfRange(b, fs, fe);
            labels[n] = (byte) labelCount++;
            return true;
        }
    }

    /**
     * The finite number in {@code b[from, to)} (ASCII white space around it allowed, as the
     * sequential reader strips it), or NaN when the text is not a plain decimal number
     * ({@code [+-]digits[.digits][(e|E)[+-]digits]}, at least one mantissa digit) or its value
     * is not finite. Exactly the double {@link Double#parseDouble} gives.
     */
    static double number(byte[] b, int from, int to) {
        while (from < to && isSpace(b[from])) {
            from++;
        }
        while (to > from && isSpace(b[to - 1])) {
            to--;
        }
        int p = from;
        if (p < to && (b[p] == '+' || b[p] == '-')) {
            p++;
        }
        int q = digitsEnd(b, p, to);
        int digits = q - p;
        p = q;
        if (p < to && b[p] == '.') {
            q = digitsEnd(b, p + 1, to);
            digits += q - p - 1;
            p = q;
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (p < to && (b[p] == 'e' || b[p] == 'E')) {
            p++;
            if (p < to && (b[p] == '+' || b[p] == '-')) {
                p++;
            }
            q = digitsEnd(b, p, to);
            if (q == p) {
                return Double.NaN;
            }
            p = q;
        }
        if (p != to) {
            return Double.NaN;
        }
        double v = JavaDoubleParser.parseDouble(b, from, to - from);
        return Double.isInfinite(v) ? Double.NaN : v;
    }

    /** The end of the run of ASCII digits starting at {@code p}. */
    private static int digitsEnd(byte[] b, int p, int to) {
        while (p < to && b[p] >= '0' && b[p] <= '9') {
            p++;
        }
        return p;
    }

    /** The ASCII characters {@link String#strip()} removes. */
    private static boolean isSpace(byte x) {
        return x == ' ' || x == '\t' || x >= 0x0a && x <= 0x0d || x >= 0x1c && x <= 0x1f;
    }
}

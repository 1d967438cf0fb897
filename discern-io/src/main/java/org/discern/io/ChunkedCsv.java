package org.discern.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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

/**
 * The fast path for delimited files of every layout (binary, multi-class, multi-label): the bytes
 * are read (and inflated, for gzip) on the calling thread in chunks cut at line ends outside
 * quotes, while worker threads parse the chunks straight into primitive arrays
 * ({@link CsvChunk}), numbers with {@link FastNumber} (the same double {@code Double.parseDouble}
 * gives).
 *
 * <p>It is a fast path only: it accepts a file only when every row is plainly well formed (see
 * {@link CsvChunk}) and the header plainly fits the layout (no id column). On anything else —
 * including every error — it returns {@code null} and the caller reads the file with the
 * sequential reader of the layout ({@link BinaryCsvReader}, {@link MultiClassCsvReader},
 * {@link MultiLabelCsvReader}), which reports the first bad line in file order with the same
 * located message as always. So this class never reports an error and never accepts a row the
 * sequential reader would refuse ({@code ChunkedCsvPropertyTest} compares them on random files
 * and chunk sizes).
 *
 * <p>Memory: the text is never held whole; at most {@code workers + 2} chunk buffers are alive.
 */
final class ChunkedCsv {
    /** Bytes per chunk by default. */
    static final int CHUNK = 1 << 22;

    private final Path file;
    private final String name;
    private final InputSpec spec;
    private final int chunkSize;
    private final int workers;

    private ChunkedCsv(Path file, InputSpec spec, int chunkSize, int workers) {
        this.file = file;
        this.name = file.toString();
        this.spec = spec;
        this.chunkSize = chunkSize;
        this.workers = workers;
    }

    /**
     * Reads {@code file}, or returns null when the fast path does not apply or the file has any
     * problem (the sequential reader then reads it and names the problem).
     */
    static Predictions read(Path file, InputSpec spec) {
        return read(file, spec, CHUNK, Runtime.getRuntime().availableProcessors());
    }

    /** As {@link #read(Path, InputSpec)} with a given chunk size (tests use a few bytes). */
    static Predictions read(Path file, InputSpec spec, int chunkSize, int workers) {
        if (spec.idColumn() != null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return new ChunkedCsv(file, spec, Math.max(1, chunkSize), Math.max(1, workers)).run();
        } catch (IOException | RuntimeException e) {
            // any failure (a truncated gzip stream, a bad header): the sequential reader names it
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private Predictions run() throws IOException, InterruptedException {
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

    private Predictions parse(InputStream in, DelimitedFile.CountingInputStream counting, long size,
            ProgressListener progress) throws IOException, InterruptedException {
        byte[] buf = new byte[Math.max(chunkSize, 4)]; // room for a byte-order mark
        int len = in.readNBytes(buf, 0, buf.length);
        int start = len >= 3 && (buf[0] & 0xff) == 0xef && (buf[1] & 0xff) == 0xbb && (buf[2] & 0xff) == 0xbf ? 3 : 0;
        // the header line: grow until it fits
        int nl;
        while ((nl = CsvChunk.indexOf(buf, start, len, (byte) '\n')) < 0 && len == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
            len += in.readNBytes(buf, len, buf.length - len);
        }
        if (nl < 0 || nl == start) {
            return null;
        }
        Header header = Header.parse(buf, start, nl);
        if (header == null) {
            return null;
        }
        Assembly assembly = assembly(header);
        if (assembly == null) {
            return null;
        }
        CsvChunk.Plan plan = assembly.plan();

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
        List<Future<CsvChunk>> chunks = new ArrayList<>();
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
                        buf = Arrays.copyOf(buf, buf.length * 2);
                        pool.offer(old);
                        len += in.readNBytes(buf, len, buf.length - len);
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
                    CsvChunk c = CsvChunk.parse(chunkBuf, f, t, plan);
                    pool.offer(chunkBuf); // dropped when the pool is full
                    if (c != null) {
                        rowsDone.addAndGet(c.rows);
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
            List<CsvChunk> parsed = new ArrayList<>(chunks.size());
            long total = 0;
            for (Future<CsvChunk> fc : chunks) {
                CsvChunk c = fc.get();
                if (c == null) {
                    return null;
                }
                parsed.add(c);
                total += c.rows;
            }
            chunks.clear();
            if (total == 0 || total * Math.max(1, assembly.width()) > NpyArray.MAX_ARRAY_LENGTH) {
                return null;
            }
            Predictions p = assembly.build(parsed, (int) total);
            if (p != null) {
                progress.done(name, total);
            }
            return p;
        } catch (ExecutionException e) {
            return null;
        } finally {
            exec.shutdownNow();
        }
    }

    /** Whether a finished chunk already says the fast path does not apply (stops reading early). */
    private static boolean failed(List<Future<CsvChunk>> chunks) throws InterruptedException, ExecutionException {
        for (int i = chunks.size() - 1; i >= 0 && i >= chunks.size() - 4; i--) {
            Future<CsvChunk> f = chunks.get(i);
            if (f.isDone() && f.get() == null) {
                return true;
            }
        }
        return false;
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

    /** The header row: its separator and stripped, non-empty, distinct column names. */
    private record Header(byte separator, List<String> names) {
        /** The header in {@code buf[start, nl)}, or null when it is not plainly well formed. */
        static Header parse(byte[] buf, int start, int nl) {
            int end = nl > start && buf[nl - 1] == '\r' ? nl - 1 : nl;
            int tabs = 0;
            int commas = 0;
            for (int i = start; i < end; i++) {
                if (buf[i] == '"' || buf[i] == '\r') {
                    return null;
                }
                tabs += buf[i] == '\t' ? 1 : 0;
                commas += buf[i] == ',' ? 1 : 0;
            }
            byte sep = tabs > 0 && commas == 0 ? (byte) '\t' : (byte) ',';
            List<String> names = new ArrayList<>();
            for (String h : new String(buf, start, end - start, StandardCharsets.UTF_8).split(
                    sep == '\t' ? "\t" : ",", -1)) {
                String s = h.strip();
                if (s.isEmpty() || names.contains(s)) {
                    return null;
                }
                names.add(s);
            }
            return new Header(sep, names);
        }

        int index(String column) {
            return column == null ? -1 : names.indexOf(column);
        }
    }

    /** How the parsed chunks of one layout become its predictions. */
    private interface Assembly {
        CsvChunk.Plan plan();

        /** Numbers per row in the largest array built (bounds the row count). */
        int width();

        /** The predictions from the chunks (in file order), or null when the fast path declines. */
        Predictions build(List<CsvChunk> chunks, int rows) throws InputException;
    }

    /** The assembly for the header's layout, or null when the fast path does not apply. */
    private Assembly assembly(Header header) {
        Layout layout;
        try {
            layout = LayoutDetector.fromColumns(name, header.names(), spec);
        } catch (InputException e) {
            return null;
        }
        if (layout != Layout.BINARY && (spec.scoreColumnGiven() || spec.positive() != null)
                || layout != Layout.MULTICLASS && spec.classes() != null) {
            return null; // the sequential path refuses the option
        }
        return switch (layout) {
            case BINARY -> binary(header);
            case MULTICLASS -> multiClass(header);
            case MULTILABEL -> multiLabel(header);
        };
    }

    private Assembly binary(Header header) {
        int li = header.index(spec.labelColumn());
        int si = header.index(spec.scoreColumn());
        int wi = header.index(spec.weightColumn());
        if (li < 0 || si < 0 || li == si || spec.weightColumn() != null && (wi < 0 || wi == li || wi == si)) {
            return null;
        }
        byte[] roles = new byte[header.names().size()];
        int[] slots = new int[roles.length];
        roles[li] = CsvChunk.LABEL;
        roles[si] = CsvChunk.NUMBER;
        if (wi >= 0) {
            roles[wi] = CsvChunk.WEIGHT;
            slots[wi] = 1;
        }
        CsvChunk.Plan plan = new CsvChunk.Plan(header.separator(), roles, slots, wi < 0 ? 1 : 2, 0, null);
        return new Assembly() {
            @Override
            public CsvChunk.Plan plan() {
                return plan;
            }

            @Override
            public int width() {
                return 1;
            }

            @Override
            public Predictions build(List<CsvChunk> chunks, int n) throws InputException {
                // label texts in order of first appearance, as the sequential reader keeps them
                Map<String, Integer> codes = new LinkedHashMap<>();
                int[][] global = new int[chunks.size()][];
                for (int k = 0; k < chunks.size(); k++) {
                    CsvChunk c = chunks.get(k);
                    global[k] = new int[c.codeCount];
                    for (int j = 0; j < c.codeCount; j++) {
                        String v = new String(c.codes[j], StandardCharsets.UTF_8);
                        Integer code = codes.putIfAbsent(v, codes.size());
                        global[k][j] = code == null ? codes.size() - 1 : code;
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
                double[] weights = wi < 0 ? null : new double[n];
                int at = 0;
                for (int k = 0; k < chunks.size(); k++) {
                    CsvChunk c = chunks.get(k);
                    chunks.set(k, null); // let the chunk go as soon as it is copied
                    int[] g = global[k];
                    for (int i = 0; i < c.rows; i++) {
                        labels[at + i] = isPositive[g[c.labels[i]]];
                    }
                    if (weights == null) {
                        System.arraycopy(c.numbers, 0, scores, at, c.rows);
                    } else {
                        for (int i = 0; i < c.rows; i++) {
                            scores[at + i] = c.numbers[2 * i];
                            weights[at + i] = c.numbers[2 * i + 1];
                        }
                    }
                    at += c.rows;
                }
                return new BinaryPredictions(name, scores, labels, weights, pos, values, null);
            }
        };
    }

    private Assembly multiClass(Header header) {
        int li = header.index(spec.labelColumn());
        String weightName = spec.weightColumn() != null ? spec.weightColumn() : InputSpec.DEFAULT_WEIGHT_COLUMN;
        int wi = header.index(weightName);
        if (li < 0 || spec.weightColumn() != null && wi < 0) {
            return null;
        }
        if (wi == li) {
            wi = -1;
        }
        List<String> classes = new ArrayList<>();
        if (spec.classes() == null) {
            for (int i = 0; i < header.names().size(); i++) {
                if (i != li && i != wi) {
                    classes.add(header.names().get(i));
                }
            }
        } else {
            classes.addAll(spec.classes());
        }
        int k = classes.size();
        if (k < 2 || classes.stream().distinct().count() != k) {
            return null;
        }
        byte[] roles = new byte[header.names().size()];
        int[] slots = new int[roles.length];
        roles[li] = CsvChunk.LABEL;
        for (int c = 0; c < k; c++) {
            int i = header.index(classes.get(c));
            if (i < 0 || i == li || i == wi) {
                return null;
            }
            roles[i] = CsvChunk.NUMBER;
            slots[i] = c;
        }
        if (wi >= 0) {
            roles[wi] = CsvChunk.WEIGHT;
            slots[wi] = k;
        }
        int width = wi < 0 ? k : k + 1;
        CsvChunk.Plan plan = new CsvChunk.Plan(header.separator(), roles, slots, width, 0, ByteKeys.of(classes));
        boolean weighted = wi >= 0;
        return new Assembly() {
            @Override
            public CsvChunk.Plan plan() {
                return plan;
            }

            @Override
            public int width() {
                return k;
            }

            @Override
            public Predictions build(List<CsvChunk> chunks, int n) {
                int[] labels = new int[n];
                double[] scores = new double[n * k];
                double[] weights = weighted ? new double[n] : null;
                int at = 0;
                for (int j = 0; j < chunks.size(); j++) {
                    CsvChunk c = chunks.get(j);
                    chunks.set(j, null);
                    System.arraycopy(c.labels, 0, labels, at, c.rows);
                    if (!weighted) {
                        System.arraycopy(c.numbers, 0, scores, at * k, c.rows * k);
                    } else {
                        for (int i = 0; i < c.rows; i++) {
                            System.arraycopy(c.numbers, i * width, scores, (at + i) * k, k);
                            weights[at + i] = c.numbers[i * width + k];
                        }
                    }
                    at += c.rows;
                }
                return MultiClassPredictions.of(labels, classes, ScoreMatrix.wrap(scores, n, k), weights)
                        .withSource(name, null);
            }
        };
    }

    private Assembly multiLabel(Header header) {
        List<String> names;
        try {
            names = MultiLabelCsvReader.pairs(name, header.names());
        } catch (InputException e) {
            return null;
        }
        int wi = header.index(spec.weightColumn() != null ? spec.weightColumn() : InputSpec.DEFAULT_WEIGHT_COLUMN);
        if (spec.weightColumn() != null && wi < 0) {
            return null;
        }
        int l = names.size();
        byte[] roles = new byte[header.names().size()];
        int[] slots = new int[roles.length];
        for (int j = 0; j < l; j++) {
            int yi = header.index(Layout.LABEL_PREFIX + names.get(j));
            int si = header.index(Layout.SCORE_PREFIX + names.get(j));
            if (yi < 0 || si < 0 || roles[yi] != CsvChunk.SKIP || roles[si] != CsvChunk.SKIP) {
                return null;
            }
            roles[yi] = CsvChunk.INDICATOR;
            slots[yi] = j;
            roles[si] = CsvChunk.NUMBER;
            slots[si] = j;
        }
        if (wi >= 0) {
            if (roles[wi] != CsvChunk.SKIP) {
                return null;
            }
            roles[wi] = CsvChunk.WEIGHT;
            slots[wi] = l;
        }
        int width = wi < 0 ? l : l + 1;
        CsvChunk.Plan plan = new CsvChunk.Plan(header.separator(), roles, slots, width, l, null);
        boolean weighted = wi >= 0;
        return new Assembly() {
            @Override
            public CsvChunk.Plan plan() {
                return plan;
            }

            @Override
            public int width() {
                return l;
            }

            @Override
            public Predictions build(List<CsvChunk> chunks, int n) {
                boolean[] indicator = new boolean[n * l];
                double[] scores = new double[n * l];
                double[] weights = weighted ? new double[n] : null;
                int at = 0;
                for (int j = 0; j < chunks.size(); j++) {
                    CsvChunk c = chunks.get(j);
                    chunks.set(j, null);
                    for (int i = 0; i < c.rows * l; i++) {
                        indicator[at * l + i] = c.indicators[i] == 1;
                    }
                    if (!weighted) {
                        System.arraycopy(c.numbers, 0, scores, at * l, c.rows * l);
                    } else {
                        for (int i = 0; i < c.rows; i++) {
                            System.arraycopy(c.numbers, i * width, scores, (at + i) * l, l);
                            weights[at + i] = c.numbers[i * width + l];
                        }
                    }
                    at += c.rows;
                }
                return MultiLabelPredictions.of(indicator, names, ScoreMatrix.wrap(scores, n, l), weights)
                        .withSource(name, null);
            }
        };
    }
}

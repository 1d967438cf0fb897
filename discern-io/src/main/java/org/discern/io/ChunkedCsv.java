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
        // group and fold columns (--group, --fold) are carried by the sequential readers
        if (spec.idColumn() != null || !spec.textColumns().isEmpty() || !Files.isRegularFile(file)) {
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
            InputStream in = b0 == 0x1f && b1 == 0x8b ? new GzipMembers(name, raw, 1 << 16) : raw;
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
        Sink sink = sink(header);
        if (sink == null) {
            return null;
        }
        CsvChunk.Plan plan = sink.plan();

        BlockingQueue<byte[]> pool = new ArrayBlockingQueue<>(workers + 2);
        int cap = buf.length;
        for (int i = 0; i < workers + 1; i++) {
            pool.add(new byte[cap]);
        }
        // parsed chunks, once copied into the sink, are parsed into again
        java.util.Queue<CsvChunk> spare = new java.util.concurrent.ConcurrentLinkedQueue<>();
        ExecutorService exec = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "discern-parse");
            t.setDaemon(true);
            return t;
        });
        java.util.ArrayDeque<Future<CsvChunk>> pending = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Long> readTo = new java.util.ArrayDeque<>(); // bytes of the file read per chunk
        AtomicLong rowsDone = new AtomicLong();
        long[] rows = {0};
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
                pending.add(exec.submit(() -> {
                    CsvChunk c = CsvChunk.parse(chunkBuf, f, t, plan, spare.poll());
                    pool.offer(chunkBuf); // dropped when the pool is full
                    if (c != null) {
                        rowsDone.addAndGet(c.rows);
                    }
                    return c;
                }));
                readTo.add(counting.count());
                if (!drain(pending, readTo, sink, rows, size, spare, false)) {
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
            if (!drain(pending, readTo, sink, rows, size, spare, true)) {
                return null;
            }
            long total = rows[0];
            if (total == 0) {
                return null;
            }
            Predictions p = sink.build((int) total);
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

    /**
     * Copies the parsed chunks at the head of {@code pending} into the sink, in file order: those
     * already done, or all of them when {@code all}. False when a chunk or the sink declines.
     * The sink's arrays grow to the row count the bytes read so far predict for the whole file,
     * so they are seldom copied.
     */
    private boolean drain(java.util.ArrayDeque<Future<CsvChunk>> pending, java.util.ArrayDeque<Long> readTo, Sink sink,
            long[] rows, long size, java.util.Queue<CsvChunk> spare, boolean all)
            throws InterruptedException, ExecutionException, InputException {
        while (!pending.isEmpty() && (all || pending.peek().isDone())) {
            CsvChunk c = pending.poll().get();
            long read = readTo.poll();
            if (c == null) {
                return false;
            }
            long need = rows[0] + c.rows;
            if (need * sink.width() > NpyArray.MAX_ARRAY_LENGTH) {
                return false;
            }
            if (need > sink.capacity()) {
                // expected rows of the whole file from the share of its bytes read so far
                double expected = read > 0 && size > read ? need * (double) size / read * 1.02 + 1024 : need;
                long grown = Math.max(need + need / 8, (long) Math.min(expected, 4.0 * need + 1024));
                sink.grow((int) Math.min(grown, NpyArray.MAX_ARRAY_LENGTH / Math.max(1, sink.width())));
            }
            if (!sink.append(c, (int) rows[0])) {
                return false;
            }
            rows[0] = need;
            spare.offer(c);
        }
        return true;
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

    /**
     * Where the parsed chunks of one layout go, in file order: arrays of the final size (as far as
     * it can be foreseen), then the predictions.
     */
    private abstract static class Sink {
        final CsvChunk.Plan plan;
        int capacity; // rows the arrays hold

        Sink(CsvChunk.Plan plan) {
            this.plan = plan;
        }

        CsvChunk.Plan plan() {
            return plan;
        }

        int capacity() {
            return capacity;
        }

        /** Numbers per row in the largest array (bounds the row count). */
        abstract int width();

        /** Makes room for {@code rows} rows, keeping those appended. */
        abstract void grow(int rows);

        /** Copies the chunk's rows to rows {@code at...}; false when the fast path declines. */
        abstract boolean append(CsvChunk c, int at) throws InputException;

        /** The predictions of the first {@code n} rows, or null when the fast path declines. */
        abstract Predictions build(int n) throws InputException;
    }

    /** The sink for the header's layout, or null when the fast path does not apply. */
    private Sink sink(Header header) {
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

    private Sink binary(Header header) {
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
        boolean weighted = wi >= 0;
        return new Sink(new CsvChunk.Plan(header.separator(), roles, slots, weighted ? 2 : 1, 0, null)) {
            // label texts in order of first appearance, as the sequential reader keeps them
            final Map<String, Integer> codes = new LinkedHashMap<>();
            double[] scores = new double[0];
            byte[] labels = new byte[0]; // index into codes
            double[] weights = weighted ? new double[0] : null;

            @Override
            int width() {
                return 1;
            }

            @Override
            void grow(int rows) {
                scores = Arrays.copyOf(scores, rows);
                labels = Arrays.copyOf(labels, rows);
                weights = weighted ? Arrays.copyOf(weights, rows) : null;
                capacity = rows;
            }

            @Override
            boolean append(CsvChunk c, int at) {
                byte[] global = new byte[c.codeCount];
                for (int j = 0; j < c.codeCount; j++) {
                    String v = new String(c.codes[j], 0, c.codes[j].length, StandardCharsets.UTF_8);
                    Integer code = codes.putIfAbsent(v, codes.size());
                    global[j] = (byte) (code == null ? codes.size() - 1 : code);
                }
                if (codes.size() > 2) {
                    return false;
                }
                for (int i = 0; i < c.rows; i++) {
                    labels[at + i] = global[c.labels[i]];
                }
                if (!weighted) {
                    System.arraycopy(c.numbers, 0, scores, at, c.rows);
                } else {
                    for (int i = 0; i < c.rows; i++) {
                        scores[at + i] = c.numbers[2 * i];
                        weights[at + i] = c.numbers[2 * i + 1];
                    }
                }
                return true;
            }

            @Override
            Predictions build(int n) throws InputException {
                List<String> values = new ArrayList<>(codes.keySet());
                String pos = BinaryCsvReader.of(spec).resolvePositive(name, values, Map.of());
                boolean[] isPositive = new boolean[values.size()];
                for (int c = 0; c < values.size(); c++) {
                    isPositive[c] = BinaryCsvReader.sameLabel(values.get(c), pos);
                }
                boolean[] positive = new boolean[n];
                for (int i = 0; i < n; i++) {
                    positive[i] = isPositive[labels[i]];
                }
                labels = null;
                return new BinaryPredictions(name, exact(scores, n), positive, weighted ? exact(weights, n) : null,
                        pos, values, null);
            }
        };
    }

    private Sink multiClass(Header header) {
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
        boolean weighted = wi >= 0;
        int width = weighted ? k + 1 : k;
        return new Sink(new CsvChunk.Plan(header.separator(), roles, slots, width, 0, ByteKeys.of(classes))) {
            int[] labels = new int[0];
            double[] scores = new double[0];
            double[] weights = weighted ? new double[0] : null;

            @Override
            int width() {
                return k;
            }

            @Override
            void grow(int rows) {
                labels = Arrays.copyOf(labels, rows);
                scores = Arrays.copyOf(scores, rows * k);
                weights = weighted ? Arrays.copyOf(weights, rows) : null;
                capacity = rows;
            }

            @Override
            boolean append(CsvChunk c, int at) {
                System.arraycopy(c.labels, 0, labels, at, c.rows);
                copyRows(c, at, scores, k, weights);
                return true;
            }

            @Override
            Predictions build(int n) {
                int[] y = exact(labels, n);
                labels = null;
                double[] s = exact(scores, n * k);
                scores = null;
                return MultiClassPredictions.of(y, classes, ScoreMatrix.wrap(s, n, k),
                        weighted ? exact(weights, n) : null).withSource(name, null);
            }
        };
    }

    private Sink multiLabel(Header header) {
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
        boolean weighted = wi >= 0;
        int width = weighted ? l + 1 : l;
        return new Sink(new CsvChunk.Plan(header.separator(), roles, slots, width, l, null)) {
            boolean[] indicator = new boolean[0];
            double[] scores = new double[0];
            double[] weights = weighted ? new double[0] : null;

            @Override
            int width() {
                return l;
            }

            @Override
            void grow(int rows) {
                indicator = Arrays.copyOf(indicator, rows * l);
                scores = Arrays.copyOf(scores, rows * l);
                weights = weighted ? Arrays.copyOf(weights, rows) : null;
                capacity = rows;
            }

            @Override
            boolean append(CsvChunk c, int at) {
                for (int i = 0; i < c.rows * l; i++) {
                    indicator[at * l + i] = c.indicators[i] == 1;
                }
                copyRows(c, at, scores, l, weights);
                return true;
            }

            @Override
            Predictions build(int n) {
                boolean[] y = exact(indicator, n * l);
                indicator = null;
                double[] s = exact(scores, n * l);
                scores = null;
                return MultiLabelPredictions.of(y, names, ScoreMatrix.wrap(s, n, l),
                        weighted ? exact(weights, n) : null).withSource(name, null);
            }
        };
    }

    /**
     * Copies a chunk's rows of {@code k} scores (and the weight after them, when {@code weights}
     * is not null) to rows {@code at...} of a row-major score array.
     */
    private static void copyRows(CsvChunk c, int at, double[] scores, int k, double[] weights) {
        if (weights == null) {
            System.arraycopy(c.numbers, 0, scores, at * k, c.rows * k);
            return;
        }
        int width = k + 1;
        for (int i = 0; i < c.rows; i++) {
            System.arraycopy(c.numbers, i * width, scores, (at + i) * k, k);
            weights[at + i] = c.numbers[i * width + k];
        }
    }

    /** The array itself when it has exactly {@code n} elements, else its first {@code n}. */
    private static double[] exact(double[] a, int n) {
        return a.length == n ? a : Arrays.copyOf(a, n);
    }

    private static int[] exact(int[] a, int n) {
        return a.length == n ? a : Arrays.copyOf(a, n);
    }

    private static boolean[] exact(boolean[] a, int n) {
        return a.length == n ? a : Arrays.copyOf(a, n);
    }
}

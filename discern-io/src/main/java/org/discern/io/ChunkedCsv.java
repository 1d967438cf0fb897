package org.discern.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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

import org.discern.metrics.BinaryScoreBlocks;

/**
 * The fast path for delimited files of every layout (binary, multi-class, multi-label): the bytes
 * are read on the calling thread (gzip inflated ahead of it on its own thread,
 * {@link InflaterThread}) in chunks cut at line ends outside quotes, while worker threads parse
 * the chunks straight into primitive arrays
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
    /**
     * Files smaller than this (bytes on disk) are read by the sequential reader: below it, starting
     * the workers and compiling the parallel path costs more than they save (measured:
     * docs/PERFORMANCE.md, "Small files").
     */
    static final long SEQUENTIAL_BELOW = 1 << 17;

    /** Bytes the inflater thread hands over at a time, and how many it may run ahead. */
    static final int INFLATE_BLOCK = 1 << 20;
    static final int INFLATE_DEPTH = 4;

    /**
     * Bytes per chunk by default. The first chunk is a sixteenth of that, each next one twice as
     * many up to it: the first chunks are parsed before the parser is compiled, and small ones
     * get both workers going and the compiler its profile sooner (1e7 rows, 202 MB: median
     * 1.56 -> 1.49 s, the slowest of ten 1.87 -> 1.61 s; docs/PERFORMANCE.md).
     */
    static final int CHUNK = 1 << 22;

    private final Path file;
    private final String name;
    private final InputSpec spec;
    private final int chunkSize;
    private final int workers;
    // bytes of the file's text when it is not compressed (0 when it is): with the first chunk's
    // bytes per row, about how many rows the file holds
    private long textBytes;

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
        try {
            if (Files.size(file) < SEQUENTIAL_BELOW) {
                return null; // starting the workers costs more than they save
            }
        } catch (IOException e) {
            return null;
        }
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
            if (b0 != 0x1f || b1 != 0x8b) {
                textBytes = size;
                return parse(raw, counting, size, progress);
            }
            // gzip: inflated on its own thread, a few blocks ahead (bounded), while this thread
            // cuts chunks and the workers parse them; members checked as GzipMembers checks them
            try (InputStream in = new InflaterThread(name, raw, INFLATE_BLOCK, INFLATE_DEPTH)) {
                return parse(in, counting, size, progress);
            }
        }
    }

    private Predictions parse(InputStream in, DelimitedFile.CountingInputStream counting, long size,
            ProgressListener progress) throws IOException, InterruptedException {
        byte[] buf = new byte[Math.max(chunkSize, 4)]; // room for a byte-order mark
        // bytes to read into the chunk under way: a sixteenth of a chunk (room for a byte-order mark),
        // then twice as many each chunk up to the buffer
        int limit = Math.min(buf.length, Math.max(4, chunkSize >> 4));
        int len = in.readNBytes(buf, 0, limit);
        int start = len >= 3 && (buf[0] & 0xff) == 0xef && (buf[1] & 0xff) == 0xbb && (buf[2] & 0xff) == 0xbf ? 3 : 0;
        // the header line: grow until it fits
        int nl;
        while ((nl = CsvChunk.indexOf(buf, start, len, (byte) '\n')) < 0 && len == limit) {
            if (limit == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            limit = buf.length;
            len += in.readNBytes(buf, len, limit - len);
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
        // bytes of the file read when each pending chunk was cut, for progress: reported with the
        // rows of the chunks up to it once they are parsed (never "0 rows" while inflating ahead)
        java.util.ArrayDeque<Long> readAt = new java.util.ArrayDeque<>();
        long[] rows = {0};
        try {
            int from = nl + 1;
            boolean eof = len < limit;
            while (true) {
                int cut;
                if (eof) {
                    cut = len;
                } else {
                    cut = safeCut(buf, from, len);
                    if (cut < 0) {
                        // a row longer than the bytes read: read on, into a larger buffer when full
                        if (limit == buf.length) {
                            byte[] old = buf;
                            buf = Arrays.copyOf(buf, buf.length * 2);
                            pool.offer(old);
                        }
                        limit = Math.min(buf.length, limit * 2);
                        len += in.readNBytes(buf, len, limit - len);
                        eof = len < limit;
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
                    return c;
                }));
                readAt.add(counting.count());
                if (!drain(pending, readAt, progress, size, sink, rows, spare, false)) {
                    return null;
                }
                if (eof) {
                    break;
                }
                buf = next;
                from = 0;
                limit = Math.min(buf.length, Math.max(limit * 2, carry + 1));
                len = carry + in.readNBytes(buf, carry, limit - carry);
                eof = len < limit;
            }
            if (!drain(pending, readAt, progress, size, sink, rows, spare, true)) {
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
     * The sink's columns grow in blocks ({@link ColumnBlocks}), so rows are never copied twice.
     */
    private boolean drain(java.util.ArrayDeque<Future<CsvChunk>> pending, java.util.ArrayDeque<Long> readAt,
            ProgressListener progress, long size, Sink sink, long[] rows, java.util.Queue<CsvChunk> spare,
            boolean all)
            throws InterruptedException, ExecutionException, InputException {
        // parsed chunks wait here for those before them: at most workers + 2, then wait for the head
        while (!pending.isEmpty() && (all || pending.peek().isDone() || pending.size() > workers + 2)) {
            CsvChunk c = pending.poll().get();
            long read = readAt.poll();
            if (c == null) {
                return false;
            }
            long need = rows[0] + c.rows;
            if (need * sink.width() > NpyArray.MAX_ARRAY_LENGTH) {
                return false;
            }
            if (!sink.append(c)) {
                return false;
            }
            rows[0] = need;
            spare.offer(c);
            if (c.rows > 0) {
                // the rows so far, with the bytes read when their last chunk was cut: a gzip
                // inflated ahead is not reported ahead of its rows, and no line says "0 rows"
                progress.progress(name, read, size, need);
            }
        }
        return true;
    }

    /**
     * The end of the last complete line in {@code buf[from, len)} outside quotes (the index after
     * its '\n'), or -1 when there is none. The chunk starts outside quotes, so a newline is outside
     * quotes exactly when the number of quote bytes before it in the chunk is even.
     *
     * <p>It runs on the reading thread, so it reads eight bytes at a time: the quote bytes are
     * counted word by word ({@link #quotes}); then the last bytes are walked back to the last
     * '\n' outside quotes (with no quote at all in the chunk, simply the last '\n').
     */
    static int safeCut(byte[] buf, int from, int len) {
        int quotes = quotes(buf, from, len);
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

    /** Eight bytes of a byte array as one little-endian long. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long QUOTES = 0x2222222222222222L; // '"' in every byte

    /** The quote bytes in {@code buf[from, len)}. */
    static int quotes(byte[] buf, int from, int len) {
        int quotes = 0;
        int i = from;
        for (; i + 8 <= len; i += 8) {
            long x = (long) LONGS.get(buf, i) ^ QUOTES; // a zero byte where a quote was
            // the high bit of each byte set exactly when that byte is zero (no carries between bytes)
            long zero = ~((x & LOW7) + LOW7 | x | LOW7);
            quotes += Long.bitCount(zero);
        }
        for (; i < len; i++) {
            quotes += buf[i] == '"' ? 1 : 0;
        }
        return quotes;
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
     * Where the parsed chunks of one layout go, in file order: columns growing in blocks
     * ({@link ColumnBlocks}), then the predictions, each column compacted once to its exact size.
     */
    private abstract static class Sink {
        final CsvChunk.Plan plan;

        Sink(CsvChunk.Plan plan) {
            this.plan = plan;
        }

        CsvChunk.Plan plan() {
            return plan;
        }

        /** Numbers per row in the largest array (bounds the row count). */
        abstract int width();

        /** Appends the chunk's rows; false when the fast path declines. */
        abstract boolean append(CsvChunk c) throws InputException;

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
            // only the evaluation is wanted (unweighted): each row goes straight into the core's
            // sorting keys, and no column of scores or labels is kept (InputSpec.evaluationOnly)
            final BinaryScoreBlocks evaluated = spec.evaluationOnly() && !weighted ? new BinaryScoreBlocks() : null;
            final ColumnBlocks.Doubles scores = evaluated == null ? new ColumnBlocks.Doubles() : null;
            final ColumnBlocks.Bytes labels = evaluated == null ? new ColumnBlocks.Bytes() : null; // index into codes
            final ColumnBlocks.Doubles weights = weighted ? new ColumnBlocks.Doubles() : null;
            boolean declared;

            @Override
            int width() {
                return 1;
            }

            @Override
            boolean append(CsvChunk c) {
                byte[] global = new byte[c.codeCount];
                for (int j = 0; j < c.codeCount; j++) {
                    String v = new String(c.codes[j], 0, c.codes[j].length, StandardCharsets.UTF_8);
                    Integer code = codes.putIfAbsent(v, codes.size());
                    global[j] = (byte) (code == null ? codes.size() - 1 : code);
                }
                if (codes.size() > 2) {
                    return false;
                }
                if (evaluated != null) {
                    if (evaluated.rows() == 0 && textBytes > 0 && c.rows > 0) {
                        // the rows of the file at the first chunk's bytes per row, and a little more
                        // (a few more rows than that are a copy of the keys; fewer, unused memory)
                        evaluated.expect((long) Math.ceil(textBytes * 1.02 * c.rows / Math.max(1, c.bytes)) + 64);
                    }
                    if (!declared && codes.size() == 2) {
                        declared = true;
                        declarePositives();
                    }
                    for (int r = 0; r < c.rows; r++) {
                        evaluated.add(c.numbers[r], global[c.labels[r]]);
                    }
                    return true;
                }
                labels.addMapped(c.labels, 0, c.rows, global);
                if (!weighted) {
                    scores.add(c.numbers, 0, c.rows);
                } else {
                    scores.addStrided(c.numbers, 0, 2, c.rows);
                    weights.addStrided(c.numbers, 1, 2, c.rows);
                }
                return true;
            }

            /**
             * Once both label values are met, which is positive is known (a third value makes the
             * fast path decline): the evaluation then sums log loss and Brier score as the rows
             * come, on this thread while the workers parse, instead of after the last row. When
             * the positive label cannot be told yet (a --positive not among them, say), build()
             * names the problem as always.
             */
            void declarePositives() {
                List<String> values = new ArrayList<>(codes.keySet());
                try {
                    boolean[] isPositive = positiveCodes(values, positive(values));
                    evaluated.declare(isPositive[0], isPositive[1]);
                } catch (InputException e) {
                    // told at the end
                }
            }

            String positive(List<String> values) throws InputException {
                return BinaryCsvReader.of(spec).resolvePositive(name, values, Map.of());
            }

            @Override
            Predictions build(int n) throws InputException {
                List<String> values = new ArrayList<>(codes.keySet());
                String pos = positive(values);
                boolean[] isPositive = positiveCodes(values, pos);
                if (evaluated != null) {
                    return BinaryPredictions.evaluated(name,
                            evaluated.evaluate(isPositive[0], isPositive.length > 1 && isPositive[1]), pos, values);
                }
                boolean[] positive = labels.toBooleans(isPositive);
                return new BinaryPredictions(name, scores.toArray(), positive, weighted ? weights.toArray() : null,
                        pos, values, null);
            }
        };
    }

    /** Whether each label value (in order of first appearance) is the positive label {@code pos}. */
    private static boolean[] positiveCodes(List<String> values, String pos) {
        boolean[] isPositive = new boolean[values.size()];
        for (int c = 0; c < values.size(); c++) {
            isPositive[c] = BinaryCsvReader.sameLabel(values.get(c), pos);
        }
        return isPositive;
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
            final ColumnBlocks.Ints labels = new ColumnBlocks.Ints();
            // whole rows per block, and blocks kept as they are (ScoreMatrix.wrapBlocks): a
            // compacted copy would need twice the scores' size at once
            final int rowsPerBlock = ColumnBlocks.rowsPerBlock(k);
            final ColumnBlocks.Doubles scores = new ColumnBlocks.Doubles(rowsPerBlock * k);
            final ColumnBlocks.Doubles weights = weighted ? new ColumnBlocks.Doubles() : null;

            @Override
            int width() {
                return k;
            }

            @Override
            boolean append(CsvChunk c) {
                labels.add(c.labels, 0, c.rows);
                copyRows(c, scores, k, weights);
                return true;
            }

            @Override
            Predictions build(int n) {
                int[] y = labels.toArray();
                ScoreMatrix s = n <= rowsPerBlock ? ScoreMatrix.wrap(scores.toArray(), n, k)
                        : ScoreMatrix.wrapBlocks(scores.takeBlocks(), rowsPerBlock, n, k);
                return MultiClassPredictions.owning(y, classes, s, weighted ? weights.toArray() : null)
                        .withSource(name, null);
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
            final ColumnBlocks.Bytes indicator = new ColumnBlocks.Bytes(); // 0/1
            final ColumnBlocks.Doubles scores = new ColumnBlocks.Doubles();
            final ColumnBlocks.Doubles weights = weighted ? new ColumnBlocks.Doubles() : null;

            @Override
            int width() {
                return l;
            }

            @Override
            boolean append(CsvChunk c) {
                indicator.add(c.indicators, 0, c.rows * l);
                copyRows(c, scores, l, weights);
                return true;
            }

            @Override
            Predictions build(int n) {
                boolean[] y = indicator.toBooleans(ZERO_ONE);
                double[] s = scores.toArray();
                return MultiLabelPredictions.of(y, names, ScoreMatrix.wrap(s, n, l),
                        weighted ? weights.toArray() : null).withSource(name, null);
            }
        };
    }

    /** Indicator code to truth. */
    private static final boolean[] ZERO_ONE = {false, true};

    /**
     * Appends a chunk's rows of {@code k} scores to a row-major score column (and the weight
     * after them to {@code weights}, when not null).
     */
    private static void copyRows(CsvChunk c, ColumnBlocks.Doubles scores, int k, ColumnBlocks.Doubles weights) {
        if (weights == null) {
            scores.add(c.numbers, 0, c.rows * k);
            return;
        }
        int width = k + 1;
        for (int i = 0; i < c.rows; i++) {
            scores.add(c.numbers, i * width, k);
        }
        weights.addStrided(c.numbers, k, width, c.rows);
    }
}

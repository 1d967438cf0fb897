import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The least a JVM must do for the exact ROC AUC of 1e7 binary rows, to set `discern evaluate`'s
 * whole-process time against: no command line, no checks beyond the label, no other metric, no
 * table, no output but one line. It is the floor under issue 14's targets (1.0 s for the CSV,
 * 0.6 s for Parquet) on the machine it runs on; `floor_auc.sh` times it beside `discern`.
 *
 * <pre>
 *   java FloorAuc.java csv FILE.csv              # label,score with a header; labels 0 or 1,
 *                                               # scores plain non-negative decimals of at
 *                                               # most 15 digits (longer ones take
 *                                               # Double.parseDouble: no floor then)
 *   java FloorAuc.java npy LABELS.npy SCORES.npy # int8 or int64 labels 0/1, float64 scores
 * </pre>
 *
 * <p>What it does, each step as cheaply as this author could: the CSV is read in two halves on two
 * threads (split at a line end) through one 1 MiB buffer per thread, each line parsed by hand
 * (the score by Clinger's exact fast path, {@code Double.parseDouble} past 15 digits) straight
 * into a key array per class and thread; the NumPy arrays are memory-mapped and split by class on
 * two threads. The classes' keys (non-negative doubles' bits, in value order) are sorted at the
 * same time on two threads (least significant digit radix sort, 16-bit digits, a pass skipped
 * when all keys share its digit), and one merge walk counts, for every positive, the negatives
 * below it and half those tied with it: the Mann-Whitney U, exact in a double up to 2^53.
 * Printed: the AUC (the same double as {@code discern evaluate}'s {@code roc_auc}) and the
 * seconds of each step since {@code main} began.
 */
public final class FloorAuc {
    private FloorAuc() {
    }

    /** One thread's keys, per class. */
    static final class Part {
        long[] pos = new long[1 << 16];
        long[] neg = new long[1 << 16];
        int np;
        int nn;

        /** Room for about {@code rows} more rows, shared as the rows so far are. */
        void expect(long rows) {
            long seen = Math.max(1, np + nn);
            pos = Arrays.copyOf(pos, (int) Math.min(Integer.MAX_VALUE - 8, np + rows * np / seen + 64));
            neg = Arrays.copyOf(neg, (int) Math.min(Integer.MAX_VALUE - 8, nn + rows * nn / seen + 64));
        }

        void add(boolean positive, long key) {
            if (positive) {
                if (np == pos.length) {
                    pos = Arrays.copyOf(pos, Math.max(16, np * 2));
                }
                pos[np++] = key;
            } else {
                if (nn == neg.length) {
                    neg = Arrays.copyOf(neg, Math.max(16, nn * 2));
                }
                neg[nn++] = key;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        long[][] classes; // the keys of the positives and of the negatives
        if (args.length == 2 && args[0].equals("csv")) {
            classes = csv(Path.of(args[1]));
        } else if (args.length == 3 && args[0].equals("npy")) {
            classes = npy(Path.of(args[1]), Path.of(args[2]));
        } else {
            System.err.println("usage: FloorAuc csv FILE.csv | FloorAuc npy LABELS.npy SCORES.npy");
            System.exit(2);
            return;
        }
        long t1 = System.nanoTime();
        long[] pos = classes[0];
        long[] neg = classes[1];
        classes = null;
        Thread other = new Thread(() -> sort(pos));
        other.start();
        sort(neg);
        other.join();
        long t2 = System.nanoTime();
        double u = 0;
        int j = 0;
        for (int i = 0; i < pos.length;) {
            long key = pos[i];
            int c = 0;
            while (i < pos.length && pos[i] == key) {
                i++;
                c++;
            }
            while (j < neg.length && neg[j] < key) {
                j++;
            }
            int ties = 0;
            while (j + ties < neg.length && neg[j + ties] == key) {
                ties++;
            }
            u += c * (j + 0.5 * ties);
        }
        double auc = u / ((double) pos.length * neg.length);
        long t3 = System.nanoTime();
        System.out.printf("rows %d positives %d roc_auc %s read %.3f s sort %.3f s walk %.3f s%n",
                pos.length + neg.length, pos.length, Double.toString(auc),
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
    }

    private static long[] concat(long[] a, int na, long[] b, int nb) {
        long[] out = Arrays.copyOf(a, na + nb);
        System.arraycopy(b, 0, out, na, nb);
        return out;
    }

    // ---- CSV ----

    private static long[][] csv(Path file) throws Exception {
        Part[] parts = {new Part(), new Part()};
        long size = Files.size(file);
        long header = lineEnd(file, 0);
        long cut = Math.max(header, lineEnd(file, size / 2));
        long[][] ranges = {{header, cut}, {cut, size}};
        Thread other = new Thread(() -> readRange(file, ranges[1][0], ranges[1][1], parts[1]));
        other.start();
        readRange(file, ranges[0][0], ranges[0][1], parts[0]);
        other.join();
        return new long[][] {concat(parts[0].pos, parts[0].np, parts[1].pos, parts[1].np),
            concat(parts[0].neg, parts[0].nn, parts[1].neg, parts[1].nn)};
    }

    /** The offset just after the first line end at or after {@code from} (the file's size if none). */
    private static long lineEnd(Path file, long from) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            ByteBuffer b = ByteBuffer.allocate(4096);
            long at = from;
            while (true) {
                b.clear();
                int n = ch.read(b, at);
                if (n <= 0) {
                    return ch.size();
                }
                for (int i = 0; i < n; i++) {
                    if (b.get(i) == '\n') {
                        return at + i + 1;
                    }
                }
                at += n;
            }
        }
    }

    private static void readRange(Path file, long from, long to, Part part) {
        byte[] buf = new byte[1 << 20];
        try (FileChannel ch = FileChannel.open(file)) {
            long at = from;
            int carry = 0;
            while (at < to) {
                ByteBuffer bb = ByteBuffer.wrap(buf, carry, (int) Math.min(buf.length - carry, to - at));
                int n = 0;
                while (bb.hasRemaining()) {
                    int r = ch.read(bb, at + n);
                    if (r < 0) {
                        throw new IOException("file shrank");
                    }
                    n += r;
                }
                at += n;
                int len = carry + n;
                int i = 0;
                while (true) {
                    int e = i;
                    while (e < len && buf[e] != '\n') {
                        e++;
                    }
                    if (e == len) {
                        break;
                    }
                    line(buf, i, e, part);
                    i = e + 1;
                }
                carry = len - i;
                System.arraycopy(buf, i, buf, 0, carry);
                if (at - from == n) { // after the first buffer: room for the rest, as the rows so far go
                    part.expect((long) ((part.np + part.nn) * (double) (to - at) / Math.max(1, i) * 1.02));
                }
            }
            if (carry > 0) {
                line(buf, 0, carry, part);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final double[] POWERS = new double[23];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    /** One line {@code label,score} of {@code b[from, end)}. */
    private static void line(byte[] b, int from, int end, Part part) {
        if (end > from && b[end - 1] == '\r') {
            end--;
        }
        if (end - from < 3 || (b[from] != '0' && b[from] != '1') || b[from + 1] != ',') {
            throw new IllegalArgumentException("not label,score: " + new String(b, from, end - from));
        }
        boolean positive = b[from] == '1';
        long m = 0;
        int digits = 0;
        int fraction = -1;
        for (int i = from + 2; i < end; i++) {
            int c = b[i];
            if (c == '.' && fraction < 0) {
                fraction = 0;
            } else if (c >= '0' && c <= '9') {
                if (digits < 18) {
                    m = m * 10 + (c - '0');
                }
                digits++;
                if (fraction >= 0) {
                    fraction++;
                }
            } else {
                throw new IllegalArgumentException("not a plain decimal: " + new String(b, from, end - from));
            }
        }
        double v;
        if (digits <= 15 && fraction <= 22) {
            v = fraction > 0 ? m / POWERS[fraction] : m; // both exact: one correctly rounded division
        } else {
            v = Double.parseDouble(new String(b, from + 2, end - from - 2));
        }
        part.add(positive, Double.doubleToRawLongBits(v)); // non-negative: bit order is value order
    }

    // ---- NumPy ----

    private static long[][] npy(Path labels, Path scores) throws Exception {
        Npy y = Npy.map(labels);
        Npy p = Npy.map(scores);
        int width = switch (y.dtype()) {
            case "|i1", "|u1", "|b1" -> 1;
            case "<i8" -> 8;
            default -> throw new IllegalArgumentException("labels dtype " + y.dtype());
        };
        if (!p.dtype().equals("<f8")) {
            throw new IllegalArgumentException("scores dtype " + p.dtype());
        }
        int n = p.data().remaining() / 8;
        if (y.data().remaining() / width != n) {
            throw new IllegalArgumentException("lengths differ");
        }
        int half = n / 2;
        // the positives of each half first (the labels are an eighth of the scores' bytes), then
        // each half's keys straight into its place in the classes' arrays
        int[] positives = new int[2];
        Thread other = new Thread(() -> positives[1] = positives(y.data(), width, half, n));
        other.start();
        positives[0] = positives(y.data(), width, 0, half);
        other.join();
        long[] pos = new long[positives[0] + positives[1]];
        long[] neg = new long[n - pos.length];
        other = new Thread(() -> split(y.data(), width, p.data(), half, n, pos, positives[0], neg, half - positives[0]));
        other.start();
        split(y.data(), width, p.data(), 0, half, pos, 0, neg, 0);
        other.join();
        return new long[][] {pos, neg};
    }

    private static int positives(ByteBuffer y, int width, int from, int to) {
        int positives = 0;
        for (int r = from; r < to; r++) {
            long label = width == 1 ? y.get(r) : y.getLong(r * 8);
            if (label != 0 && label != 1) {
                throw new IllegalArgumentException("label of row " + r + ": " + label);
            }
            positives += (int) label;
        }
        return positives;
    }

    private static void split(ByteBuffer y, int width, ByteBuffer p, int from, int to, long[] pos, int i,
            long[] neg, int j) {
        for (int r = from; r < to; r++) {
            double v = p.getDouble(r * 8);
            if (!(v >= 0)) {
                throw new IllegalArgumentException("score of row " + r + ": " + v);
            }
            long key = Double.doubleToRawLongBits(v + 0.0); // -0.0 as 0.0
            if ((width == 1 ? y.get(r) : y.getLong(r * 8)) == 1) {
                pos[i++] = key;
            } else {
                neg[j++] = key;
            }
        }
    }

    /** A memory-mapped C-order .npy file: its dtype ({@code descr}) and its data, little-endian. */
    record Npy(String dtype, ByteBuffer data) {
        static Npy map(Path file) throws IOException {
            MappedByteBuffer b;
            try (FileChannel ch = FileChannel.open(file)) {
                b = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            }
            b.order(ByteOrder.LITTLE_ENDIAN);
            int major = b.get(6);
            int headerLength = major == 1 ? Short.toUnsignedInt(b.getShort(8)) : b.getInt(8);
            int start = major == 1 ? 10 : 12;
            byte[] h = new byte[headerLength];
            b.get(start, h);
            String header = new String(h, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (header.contains("'fortran_order': True")) {
                throw new IllegalArgumentException(file + ": Fortran order");
            }
            int at = header.indexOf("'descr':") + 8;
            int q1 = header.indexOf('\'', at);
            int q2 = header.indexOf('\'', q1 + 1);
            ByteBuffer data = b.slice(start + headerLength, b.capacity() - start - headerLength)
                    .order(ByteOrder.LITTLE_ENDIAN);
            return new Npy(header.substring(q1 + 1, q2), data);
        }
    }

    // ---- sort ----

    private static void sort(long[] a) {
        if (a.length < 2) {
            return;
        }
        long[] src = a;
        long[] dst = new long[a.length];
        int[] counts = new int[1 << 16];
        for (int shift = 0; shift < 64; shift += 16) {
            Arrays.fill(counts, 0);
            for (long x : src) {
                counts[(int) (x >>> shift) & 0xFFFF]++;
            }
            if (counts[(int) (src[0] >>> shift) & 0xFFFF] == src.length) {
                continue;
            }
            int sum = 0;
            for (int i = 0; i < counts.length; i++) {
                int c = counts[i];
                counts[i] = sum;
                sum += c;
            }
            for (long x : src) {
                dst[counts[(int) (x >>> shift) & 0xFFFF]++] = x;
            }
            long[] t = src;
            src = dst;
            dst = t;
        }
        if (src != a) {
            System.arraycopy(src, 0, a, 0, a.length);
        }
    }
}

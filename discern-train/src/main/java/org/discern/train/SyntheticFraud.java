package org.discern.train;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.discern.io.OutputFiles;

/**
 * A synthetic stand-in for the credit-card fraud table (which cannot be shipped): the same
 * columns {@code Time, V1..V28, Amount, Class}, header names and class quoted as in the Kaggle
 * file ({@code "Class"} values {@code "0"} and {@code "1"}), exactly the requested numbers of rows
 * and positives, and a fixed, seeded generating process:
 *
 * <ol>
 *   <li>The positive rows are a uniformly random subset of exactly {@code positives} rows.</li>
 *   <li>{@code Time}: seconds since the first transaction, the sorted values of {@code rows}
 *       independent uniform draws on [0, 172800) (two days), rounded down to whole seconds, so
 *       the column never decreases.</li>
 *   <li>{@code V1..V28} imitate PCA components: for negatives {@code V_j ~ N(0, s_j^2)} with
 *       decreasing scales {@code s_j = 2 * 0.94^(j-1)} (V1 about 2, V28 about 0.38), independent.
 *       For positives, seven components are shifted: {@code V_j = s_j (a m_j + 1.5 e)}, e
 *       standard normal, with shifts m = {V3: -1.5, V4: +1.5, V10: -1.8, V11: +1.3, V12: -2.0,
 *       V14: -2.4, V17: -1.8} (zero elsewhere, where positives are N(0, s_j^2) like negatives),
 *       and a fraud "strength" a = 1 with probability 0.75 and a = 0.25 otherwise (camouflaged
 *       frauds that overlap the negatives, which keeps the best recall at high precision well
 *       below 1).</li>
 *   <li>{@code Amount}: log-normal in cents, {@code exp(N(3.0, 1.3^2))} for negatives and
 *       {@code exp(N(2.5, 2.0^2))} for positives, capped at 25,000 and rounded to cents.</li>
 * </ol>
 * Values are written with six decimals for {@code V}, two for {@code Amount}; the same seed gives
 * the same file byte for byte in every locale.
 */
public final class SyntheticFraud {
    /** Rows of the Kaggle credit-card file. */
    public static final int KAGGLE_ROWS = 284_807;
    /** Positives of the Kaggle credit-card file. */
    public static final int KAGGLE_POSITIVES = 492;

    static final int COMPONENTS = 28;
    private static final double TWO_DAYS = 172_800;
    private static final double SCALE_DECAY = 0.94;
    private static final double POSITIVE_SPREAD = 1.5;
    private static final double STRONG_PROBABILITY = 0.75;
    private static final double WEAK_STRENGTH = 0.25;
    private static final double AMOUNT_CAP = 25_000;
    /** Mean shift of each V component for positives, in units of its scale (index 0 = V1). */
    private static final double[] SHIFT = new double[COMPONENTS];

    static {
        SHIFT[2] = -1.5;
        SHIFT[3] = 1.5;
        SHIFT[9] = -1.8;
        SHIFT[10] = 1.3;
        SHIFT[11] = -2.0;
        SHIFT[13] = -2.4;
        SHIFT[16] = -1.8;
    }

    private final int rows;
    private final int positives;
    private final long seed;

    private SyntheticFraud(int rows, int positives, long seed) {
        this.rows = rows;
        this.positives = positives;
        this.seed = seed;
    }

    /**
     * A generator.
     *
     * @param rows number of data rows, &gt;= 2
     * @param positives number of positive rows, in [1, rows - 1]
     * @param seed seed of every random draw
     */
    public static SyntheticFraud of(int rows, int positives, long seed) {
        if (rows < 2) {
            throw new IllegalArgumentException("rows must be >= 2, got " + rows);
        }
        if (positives < 1 || positives >= rows) {
            throw new IllegalArgumentException("positives must be in [1, rows - 1] = [1, " + (rows - 1) + "], got "
                    + positives);
        }
        return new SyntheticFraud(rows, positives, seed);
    }

    /** Column names of the table, label last: Time, V1..V28, Amount, Class. */
    public static List<String> header() {
        List<String> h = new ArrayList<>();
        h.add("Time");
        for (int j = 1; j <= COMPONENTS; j++) {
            h.add("V" + j);
        }
        h.add("Amount");
        h.add("Class");
        return h;
    }

    private interface RowSink {
        void row(int index, long time, double[] v, double amount, boolean positive) throws IOException;
    }

    private void generate(RowSink sink) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        // positives: the first `positives` entries of a random permutation (Fisher-Yates)
        int[] perm = new int[rows];
        for (int i = 0; i < rows; i++) {
            perm[i] = i;
        }
        boolean[] positive = new boolean[rows];
        for (int i = 0; i < positives; i++) {
            int j = i + random.nextInt(rows - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
            positive[perm[i]] = true;
        }
        double[] times = new double[rows];
        for (int i = 0; i < rows; i++) {
            times[i] = random.nextDouble() * TWO_DAYS;
        }
        Arrays.sort(times);
        double[] scale = new double[COMPONENTS];
        for (int j = 0; j < COMPONENTS; j++) {
            scale[j] = 2 * Math.pow(SCALE_DECAY, j);
        }
        double[] v = new double[COMPONENTS];
        for (int i = 0; i < rows; i++) {
            double amount;
            if (positive[i]) {
                double a = random.nextDouble() < STRONG_PROBABILITY ? 1 : WEAK_STRENGTH;
                for (int j = 0; j < COMPONENTS; j++) {
                    double e = random.nextGaussian();
                    v[j] = SHIFT[j] == 0 ? scale[j] * e : scale[j] * (a * SHIFT[j] + POSITIVE_SPREAD * e);
                }
                amount = Math.exp(2.5 + 2.0 * random.nextGaussian());
            } else {
                for (int j = 0; j < COMPONENTS; j++) {
                    v[j] = scale[j] * random.nextGaussian();
                }
                amount = Math.exp(3.0 + 1.3 * random.nextGaussian());
            }
            amount = Math.min(AMOUNT_CAP, Math.round(amount * 100) / 100.0);
            sink.row(i, (long) Math.floor(times[i]), v, amount, positive[i]);
        }
    }

    /** Writes the table as CSV (UTF-8, LF line ends), whole or not at all ({@link OutputFiles}). */
    public void write(Path out) throws IOException {
        OutputFiles.write(out, this::write);
    }

    /** Writes the table as CSV to a writer (not closed). */
    public void write(Writer w) throws IOException {
        List<String> h = header();
        for (int c = 0; c < h.size(); c++) {
            if (c > 0) {
                w.write(',');
            }
            w.write('"');
            w.write(h.get(c));
            w.write('"');
        }
        w.write('\n');
        StringBuilder sb = new StringBuilder(512);
        generate((index, time, vs, amount, pos) -> {
            sb.setLength(0);
            sb.append(time);
            for (double x : vs) {
                sb.append(',');
                appendFixed(sb, x, 6);
            }
            sb.append(',');
            appendFixed(sb, amount, 2);
            sb.append(pos ? ",\"1\"\n" : ",\"0\"\n");
            w.append(sb);
        });
    }

    /**
     * The table in memory, exactly as {@link TableReader} with default options reads the written
     * file (values rounded as written; no log transform).
     */
    public Table table() {
        List<String> h = header();
        List<String> features = h.subList(0, h.size() - 1);
        int d = features.size();
        float[] values = new float[rows * d];
        boolean[] labels = new boolean[rows];
        try {
            generate((index, time, vs, amount, pos) -> {
                int base = index * d;
                values[base] = time;
                for (int j = 0; j < COMPONENTS; j++) {
                    values[base + 1 + j] = (float) (Math.round(vs[j] * 1e6) / 1e6);
                }
                values[base + d - 1] = (float) amount;
                labels[index] = pos;
            });
        } catch (IOException e) {
            throw new AssertionError("no I/O in memory", e);
        }
        return Table.wrap("synthetic-fraud(seed=" + seed + ")", features, values, rows, "Class", labels, "1", "0");
    }

    /** Appends x rounded to `decimals` places, plain notation, no locale. */
    static void appendFixed(StringBuilder sb, double x, int decimals) {
        long pow = 1;
        for (int i = 0; i < decimals; i++) {
            pow *= 10;
        }
        long scaled = Math.round(x * pow);
        if (scaled < 0) {
            sb.append('-');
            scaled = -scaled;
        }
        sb.append(scaled / pow);
        if (decimals > 0) {
            sb.append('.');
            String frac = Long.toString(scaled % pow);
            for (int i = frac.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
    }
}

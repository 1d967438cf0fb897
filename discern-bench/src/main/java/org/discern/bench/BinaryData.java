package org.discern.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Deterministic, fraud-like binary scoring data shared by the JMH benchmarks and the
 * scikit-learn script.
 *
 * <p>For a seed and a size the data is always the same (SplittableRandom, own Box-Muller):
 * <ul>
 *   <li>label positive with probability 0.002;</li>
 *   <li>logit z ~ N(-5, 1.5) for negatives and N(-1.5, 2) for positives, score = float32 of
 *       sigmoid(z) (float32 rounding alone gives ties among the many small negative scores);</li>
 *   <li>10% of the samples then have their score rounded to 4 decimals (a model or an export that
 *       kept 4 digits: heavy ties) and 5% copy the score of a uniformly chosen earlier sample
 *       (exact duplicates across classes).</li>
 * </ul>
 * {@link #main(String[])} writes {@code scores_N.npy} (float32) and {@code labels_N.npy} (bool)
 * so that other tools time the very same arrays.
 */
public final class BinaryData {
    /** Seed of every benchmark data set. */
    public static final long SEED = 20261122L;
    /** Share of positives. */
    public static final double PREVALENCE = 0.002;

    /** Scores, float32. */
    public final float[] scores;
    /** Labels, true for positive. */
    public final boolean[] labels;

    private BinaryData(float[] scores, boolean[] labels) {
        this.scores = scores;
        this.labels = labels;
    }

    /** The data set of size {@code n} for {@code seed}. */
    public static BinaryData generate(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] s = new float[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            boolean pos = rnd.nextDouble() < PREVALENCE;
            double z = pos ? -1.5 + 2.0 * gaussian(rnd) : -5.0 + 1.5 * gaussian(rnd);
            float score = (float) (1.0 / (1.0 + Math.exp(-z)));
            double u = rnd.nextDouble();
            if (u < 0.10) {
                score = (float) (Math.rint(score * 1e4) / 1e4);
            } else if (u < 0.15 && i > 0) {
                score = s[rnd.nextInt(i)];
            }
            s[i] = score;
            y[i] = pos;
        }
        return new BinaryData(s, y);
    }

    /**
     * The scores of {@link #generate} for the same size and seed as doubles, before the float32
     * rounding (the same draws, so the same labels): as a CSV of 17-digit scores or a float64
     * column gives them. Ties only from the 4-decimal rounding and the copied samples.
     */
    public static double[] doubleScores(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            boolean pos = rnd.nextDouble() < PREVALENCE;
            double z = pos ? -1.5 + 2.0 * gaussian(rnd) : -5.0 + 1.5 * gaussian(rnd);
            double score = 1.0 / (1.0 + Math.exp(-z));
            double u = rnd.nextDouble();
            if (u < 0.10) {
                score = Math.rint(score * 1e4) / 1e4;
            } else if (u < 0.15 && i > 0) {
                score = s[rnd.nextInt(i)];
            }
            s[i] = score;
        }
        return s;
    }

    /** Box-Muller from two uniforms (fixed algorithm, so the data never depends on the JDK). */
    private static double gaussian(SplittableRandom rnd) {
        double u1 = 1.0 - rnd.nextDouble(); // (0, 1]
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** Number of positive labels. */
    public int positives() {
        int p = 0;
        for (boolean b : labels) {
            if (b) {
                p++;
            }
        }
        return p;
    }

    /**
     * Writes the data sets as NumPy files: {@code BinaryData DIR N [N...]}.
     *
     * @param args output directory, then one or more sizes
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: BinaryData DIR N [N...]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        for (int a = 1; a < args.length; a++) {
            int n = Integer.parseInt(args[a]);
            BinaryData d = generate(n, SEED);
            writeFloats(dir.resolve("scores_" + n + ".npy"), d.scores);
            writeBooleans(dir.resolve("labels_" + n + ".npy"), d.labels);
            System.out.printf(Locale.ROOT, "wrote n=%d positives=%d seed=%d to %s%n", n,
                    d.positives(), SEED, dir);
        }
    }

    private static void writeFloats(Path path, float[] values) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 20)) {
            header(out, "<f4", values.length);
            ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : values) {
                if (buf.remaining() < 4) {
                    out.write(buf.array(), 0, buf.position());
                    buf.clear();
                }
                buf.putFloat(v);
            }
            out.write(buf.array(), 0, buf.position());
        }
    }

    private static void writeBooleans(Path path, boolean[] values) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 20)) {
            header(out, "|b1", values.length);
            for (boolean v : values) {
                out.write(v ? 1 : 0);
            }
        }
    }

    /** NPY format 1.0 header, padded so that the data starts at a multiple of 64 bytes. */
    private static void header(OutputStream out, String descr, int n) throws IOException {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + n + ",), }";
        int unpadded = 6 + 2 + 2 + dict.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        String text = dict + " ".repeat(pad) + "\n";
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        int len = text.length();
        out.write(len & 0xFF);
        out.write((len >>> 8) & 0xFF);
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }
}

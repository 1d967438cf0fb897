import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes fraud_scores.csv.gz: synthetic scores of two fraud models on card transactions, shaped
 * like credit-card fraud scoring (0.2% positives). Run from this folder with
 * {@code java GenerateFraudScores.java [rows] [positives] [seed]} (JDK 11+, no build needed).
 *
 * <p>Generating process (deterministic for a given seed; java.util.Random is specified):
 * <ul>
 *   <li>{@code positives} rows drawn uniformly without replacement are frauds (label 1), the
 *       rest legitimate (label 0);</li>
 *   <li>each row has a latent "suspicion" z: legitimate z ~ N(-6.0, 1.3); frauds are 70% easy,
 *       z ~ N(-0.5, 1.8), and 30% hard (they look legitimate), z ~ N(-4.3, 1.5);</li>
 *   <li>the champion model's score is sigmoid(z + e1), e1 ~ N(0, 0.35); the challenger's is
 *       sigmoid(0.8 z + e2 - 1.0), e2 ~ N(0, 0.9) (noisier, so a little worse);</li>
 *   <li>scores are written with 6 decimals, so low scores tie, as real model scores often do.</li>
 * </ul>
 */
public final class GenerateFraudScores {
    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int positives = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261122L;
        Random rng = new Random(seed);
        boolean[] fraud = new boolean[rows];
        // Floyd's sampling of `positives` distinct rows
        java.util.Set<Integer> chosen = new java.util.HashSet<>();
        for (int j = rows - positives; j < rows; j++) {
            int t = rng.nextInt(j + 1);
            if (!chosen.add(t)) {
                chosen.add(j);
            }
        }
        for (int i : chosen) {
            fraud[i] = true;
        }
        Path out = Path.of("fraud_scores.csv.gz");
        try (Writer w = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(out)), StandardCharsets.UTF_8))) {
            w.write("transaction_id,label,score,score_challenger\n");
            for (int i = 0; i < rows; i++) {
                double z;
                if (!fraud[i]) {
                    z = -6.0 + 1.3 * rng.nextGaussian();
                } else if (rng.nextDouble() < 0.7) {
                    z = -0.5 + 1.8 * rng.nextGaussian();
                } else {
                    z = -4.3 + 1.5 * rng.nextGaussian();
                }
                double champion = sigmoid(z + 0.35 * rng.nextGaussian());
                double challenger = sigmoid(0.8 * z + 0.9 * rng.nextGaussian() - 1.0);
                w.write(String.format(Locale.ROOT, "T%07d,%d,%.6f,%.6f%n", i + 1, fraud[i] ? 1 : 0,
                        champion, challenger));
            }
        }
        System.out.println("wrote " + out + ": " + rows + " rows, " + positives + " frauds, seed " + seed);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}

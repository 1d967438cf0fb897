import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a seeded CSV of one layout for the memory measurements of docs/PERFORMANCE.md
 * ("Memory per row"); run with the JDK's source launcher, no build needed:
 *
 *   java discern-bench/scripts/MemoryData.java LAYOUT ROWS [COLUMNS] OUT.csv
 *
 * LAYOUT is binary (label,score), weighted (label,score,weight), multiclass (label plus COLUMNS
 * class score columns, probabilities of a softmax) or multilabel (COLUMNS label_j/score_j pairs).
 * Scores are doubles printed with Double.toString (up to 17 significant digits, nearly all
 * distinct), so the operating-point tables are as large as they get.
 */
public final class MemoryData {
    public static void main(String[] args) throws IOException {
        String layout = args[0];
        long rows = Long.parseLong(args[1]);
        int k = args.length > 3 ? Integer.parseInt(args[2]) : 0;
        Path out = Path.of(args[args.length - 1]);
        SplittableRandom rnd = new SplittableRandom(20261206L);
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            StringBuilder sb = new StringBuilder(1 << 16);
            switch (layout) {
                case "binary" -> sb.append("label,score\n");
                case "weighted" -> sb.append("label,score,weight\n");
                case "multiclass" -> {
                    sb.append("label");
                    for (int c = 0; c < k; c++) {
                        sb.append(",c").append(c);
                    }
                    sb.append('\n');
                }
                case "multilabel" -> {
                    for (int j = 0; j < k; j++) {
                        sb.append(j == 0 ? "" : ",").append("label_t").append(j).append(",score_t").append(j);
                    }
                    sb.append('\n');
                }
                default -> throw new IllegalArgumentException("layout: binary, weighted, multiclass or multilabel");
            }
            double[] logits = new double[Math.max(k, 1)];
            for (long i = 0; i < rows; i++) {
                switch (layout) {
                    case "binary", "weighted" -> {
                        boolean y = rnd.nextDouble() < 0.3;
                        double s = 1 / (1 + Math.exp(-(gauss(rnd) + (y ? 1.2 : 0))));
                        sb.append(y ? '1' : '0').append(',').append(s);
                        if (layout.equals("weighted")) {
                            sb.append(',').append(rnd.nextInt(1, 5));
                        }
                    }
                    case "multiclass" -> {
                        int y = rnd.nextInt(k);
                        double sum = 0;
                        for (int c = 0; c < k; c++) {
                            logits[c] = Math.exp(gauss(rnd) + (c == y ? 1.5 : 0));
                            sum += logits[c];
                        }
                        sb.append('c').append(y);
                        for (int c = 0; c < k; c++) {
                            sb.append(',').append(logits[c] / sum);
                        }
                    }
                    default -> {
                        for (int j = 0; j < k; j++) {
                            boolean y = rnd.nextDouble() < 0.2;
                            double s = 1 / (1 + Math.exp(-(gauss(rnd) + (y ? 1.5 : -0.5))));
                            sb.append(j == 0 ? "" : ",").append(y ? '1' : '0').append(',').append(s);
                        }
                    }
                }
                sb.append('\n');
                if (sb.length() > (1 << 16) - 4096) {
                    o.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
                    sb.setLength(0);
                }
            }
            o.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static double gauss(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}

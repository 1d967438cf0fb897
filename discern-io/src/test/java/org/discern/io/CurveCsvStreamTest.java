package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.discern.metrics.BinaryEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CurveCsv#writeAll(Path, BinaryEvaluation, boolean, Path...)}, which streams the curves
 * from the evaluation's point walks, writes the bytes the curve objects are written as
 * ({@link CurveCsv#writeAll(Path, org.discern.metrics.RocCurve, org.discern.metrics.PrecisionRecallCurve,
 * org.discern.metrics.DetCurve, Path...)}), and keeps its guarantees: never over an input, all three
 * files or none.
 */
class CurveCsvStreamTest {
    @TempDir
    Path dir;

    @Test
    void streamedFilesAreTheCurvesWritten() throws IOException {
        SplittableRandom r = new SplittableRandom(14);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(trial < 20 ? 5 : 400);
            int kind = r.nextInt(4); // both classes, only positives, only negatives, both
            double[] s = new double[n];
            boolean[] y = new boolean[n];
            double[] w = r.nextInt(4) == 0 ? new double[n] : null;
            for (int i = 0; i < n; i++) {
                y[i] = kind == 1 || (kind != 2 && r.nextBoolean());
                s[i] = switch (r.nextInt(5)) {
                    case 0 -> r.nextInt(9) / 8.0; // ties
                    case 1 -> r.nextBoolean() ? -0.0 : 0.0;
                    case 2 -> (float) r.nextDouble();
                    case 3 -> r.nextGaussian() * 3;
                    default -> r.nextDouble();
                };
                if (w != null) {
                    w[i] = r.nextInt(5) == 0 ? 0 : r.nextDouble() * 3;
                }
            }
            if (w != null) {
                w[r.nextInt(n)] = 1; // not all zero
            }
            BinaryEvaluation ev = BinaryEvaluation.of(s, y, w);
            for (boolean all : new boolean[] {false, true}) {
                Path arrays = Files.createDirectories(dir.resolve(trial + "-" + all + "-arrays"));
                Path streamed = Files.createDirectories(dir.resolve(trial + "-" + all + "-streamed"));
                CurveCsv.writeAll(arrays, all ? ev.rocCurveAllThresholds() : ev.rocCurve(), ev.precisionRecallCurve(),
                        ev.detCurve());
                List<Path> written = CurveCsv.writeAll(streamed, ev, all);
                assertEquals(List.of(streamed.resolve("roc.csv"), streamed.resolve("pr.csv"),
                        streamed.resolve("det.csv")), written);
                for (String f : new String[] {"roc.csv", "pr.csv", "det.csv"}) {
                    assertArrayEquals(Files.readAllBytes(arrays.resolve(f)), Files.readAllBytes(streamed.resolve(f)),
                            "trial " + trial + " " + f + (all ? " --all-thresholds" : ""));
                }
            }
        }
    }

    @Test
    void neverOverAnInputAndAllOrNothing() throws IOException {
        BinaryEvaluation ev = BinaryEvaluation.of(new double[] {0.1, 0.7, 0.4}, new boolean[] {false, true, true});
        Path input = dir.resolve("pr.csv");
        Files.writeString(input, "label,score\n1,0.5\n");
        assertThrows(OutputException.class, () -> CurveCsv.writeAll(dir, ev, false, input));
        assertEquals("label,score\n1,0.5\n", Files.readString(input));
        assertFalse(Files.exists(dir.resolve("roc.csv")));
        assertFalse(Files.exists(dir.resolve("det.csv")));
    }
}

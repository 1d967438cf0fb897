package org.discern.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What each strategy feeds the network, batch by batch. */
class StrategyBatchesTest {
    // training split: 2 features, 40 positives, 960 negatives
    private static final int N = 1000;
    private static final int POS = 40;

    private static List<float[]> batches(Strategy s, int epochs, int batch) {
        float[] x = new float[2 * N];
        boolean[] y = new boolean[N];
        for (int i = 0; i < N; i++) {
            y[i] = i % (N / POS) == 0;
            x[2 * i] = y[i] ? 1 : -1;
            x[2 * i + 1] = (i % 7) / 7f;
        }
        TrainOptions o = TrainOptions.builder().epochs(epochs).patience(epochs).batchSize(batch).hidden(4).build();
        TrainingRun run = new TrainingRun(s, x, y, x, y, 2, o, null, false);
        List<float[]> seen = new ArrayList<>();
        run.batchLabels = seen::add;
        run.run().network().close();
        return seen;
    }

    private static int positives(float[] b) {
        int p = 0;
        for (float v : b) {
            p += v == 1 ? 1 : 0;
        }
        return p;
    }

    @Test
    void baselineAndWeightedShowEveryRowOncePerEpoch() {
        for (Strategy s : List.of(Strategy.BASELINE, Strategy.WEIGHTED)) {
            List<float[]> b = batches(s, 2, 128);
            // ceil(1000 / 128) = 8 batches per epoch, the last of 1000 - 7 * 128 = 104 rows
            assertEquals(16, b.size(), s.id());
            assertEquals(104, b.get(7).length);
            int p = 0;
            for (float[] x : b.subList(0, 8)) {
                p += positives(x);
            }
            assertEquals(POS, p);
        }
    }

    @Test
    void oversampledBatchesAreBalancedAndAnEpochShowsEveryNegativeOnce() {
        List<float[]> b = batches(Strategy.OVERSAMPLED, 1, 128);
        // 64 negatives per batch: ceil(960 / 64) = 15 batches, each half positive
        assertEquals(15, b.size());
        for (float[] x : b) {
            assertEquals(128, x.length);
            assertEquals(64, positives(x));
        }
    }

    @Test
    void undersampledEpochsAreAllPositivesAndAsManyNegatives() {
        List<float[]> b = batches(Strategy.UNDERSAMPLED, 3, 128);
        // 80 rows per epoch: one batch each
        assertEquals(3, b.size());
        for (float[] x : b) {
            assertEquals(80, x.length);
            assertEquals(POS, positives(x));
        }
    }

    @Test
    void smoteAddsPositivesUntilBalanced() {
        List<float[]> b = batches(Strategy.SMOTE, 1, 256);
        // 960 + 960 rows: ceil(1920 / 256) = 8 batches, 960 positives in total
        assertEquals(8, b.size());
        int p = 0;
        int rows = 0;
        for (float[] x : b) {
            p += positives(x);
            rows += x.length;
        }
        assertEquals(1920, rows);
        assertEquals(960, p);
        assertTrue(b.get(0).length == 256);
    }
}

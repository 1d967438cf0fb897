package org.discern.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;

import org.discern.metrics.BinaryEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/** DJL runs offline on this class path: a logistic model learns separable data. */
class NetworkTest {

    /** Two features; positive iff x0 + x1 > 0. */
    private static float[] separable(int n, boolean[] labels, float[] y, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[2 * n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = (float) r.nextGaussian();
            x[2 * i + 1] = (float) r.nextGaussian();
            labels[i] = x[2 * i] + x[2 * i + 1] > 0;
            y[i] = labels[i] ? 1 : 0;
        }
        return x;
    }

    @Test
    void logisticModelLearnsSeparableDataOffline() {
        assertEquals("true", System.getProperty("ai.djl.offline"));
        int n = 2000;
        boolean[] labels = new boolean[n];
        float[] y = new float[n];
        float[] x = separable(n, labels, y, 1);
        DjlRuntime.seed(7);
        try (Network net = Network.forTraining(new NetworkSpec(2, new int[0], 0, 1), 0.05)) {
            double before = BinaryEvaluation.of(net.positiveProbabilities(x, n), labels).rocAuc();
            double first = Double.NaN;
            double last = Double.NaN;
            for (int step = 0; step < 100; step++) {
                last = net.trainStep(x, y, null, n);
                if (step == 0) {
                    first = last;
                }
            }
            double auc = BinaryEvaluation.of(net.positiveProbabilities(x, n), labels).rocAuc();
            assertTrue(auc > 0.9, "AUC after training " + auc + " (before " + before + ")");
            assertTrue(last < first, "loss " + first + " -> " + last);
        }
        assertEquals("1", System.getProperty("ai.djl.pytorch.num_threads"));
    }

    @Test
    void weightedLossMatchesHandComputation() {
        DjlRuntime.engine();
        float[] z = {2.0f, -1.0f, 0.0f, 30.0f};
        float[] y = {1, 1, 0, 0};
        float[] w = {1, 3, 0.5f, 2};
        double expected = 0;
        for (int i = 0; i < z.length; i++) {
            double s = 1 / (1 + Math.exp(-z[i]));
            // log(1 - s) underflows for z = 30; use the exact -z - log(1 + e^-z)
            double l = y[i] == 1 ? -Math.log(s) : z[i] + Math.log1p(Math.exp(-z[i]));
            expected += w[i] * l;
        }
        expected /= z.length;
        try (NDManager m = NDManager.newBaseManager(DjlRuntime.ENGINE)) {
            NDArray zs = m.create(z).reshape(4, 1);
            double got = new WeightedCrossEntropy()
                    .evaluate(new NDList(m.create(y), m.create(w)), new NDList(zs)).getFloat();
            assertEquals(expected, got, 1e-5 * expected);
            double unweighted = new WeightedCrossEntropy()
                    .evaluate(new NDList(m.create(y)), new NDList(zs)).getFloat();
            double expectedUnweighted = (-Math.log(1 / (1 + Math.exp(-2.0))) - Math.log(1 / (1 + Math.exp(1.0)))
                    + Math.log(2) + 30 + Math.log1p(Math.exp(-30))) / 4;
            assertEquals(expectedUnweighted, unweighted, 1e-5 * expectedUnweighted);
        }
    }

    @Test
    void snapshotRestoreAndSaveLoadKeepPredictions(@TempDir Path dir) throws Exception {
        int n = 300;
        boolean[] labels = new boolean[n];
        float[] y = new float[n];
        float[] x = separable(n, labels, y, 3);
        NetworkSpec spec = new NetworkSpec(2, new int[] {4}, 0.5, 1);
        DjlRuntime.seed(11);
        try (Network net = Network.forTraining(spec, 0.01)) {
            net.setOutputBias(new float[] {-1.25f});
            assertArrayEquals(new float[] {-1.25f}, net.outputBias());
            float[][] snap = net.snapshot();
            double[] p0 = net.positiveProbabilities(x, n);
            for (int i = 0; i < 20; i++) {
                net.trainStep(x, y, null, n);
            }
            double[] p1 = net.positiveProbabilities(x, n);
            assertTrue(Math.abs(p1[0] - p0[0]) > 1e-6, "training changed nothing");
            net.restore(snap);
            assertArrayEquals(p0, net.positiveProbabilities(x, n), 0.0);
            Path file = dir.resolve("net.params");
            net.save(file);
            try (Network loaded = Network.load(spec, null, file)) {
                assertArrayEquals(p0, loaded.positiveProbabilities(x, n), 0.0);
            }
        }
    }
}

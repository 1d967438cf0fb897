package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The streamed micro average equals the one read from the materialized pooled table, exactly. */
class MicroAverageTest {

    @Test
    void streamedMulticlassEqualsPooledTable() {
        for (int seed = 0; seed < 20; seed++) {
            Random r = new Random(seed);
            int n = 1 + r.nextInt(300);
            int k = 2 + r.nextInt(6);
            int grid = 1 + r.nextInt(40);
            int[] y = new int[n];
            float[] f = new float[n * k];
            for (int i = 0; i < n; i++) {
                y[i] = r.nextInt(k);
                for (int j = 0; j < k; j++) {
                    f[i * k + j] = r.nextInt(grid) / (float) grid;
                }
            }
            ScoreColumns s = ScoreColumns.rowMajor(f, n, k);
            boolean[] positive = new boolean[n * k];
            for (int i = 0; i < n; i++) {
                positive[i * k + y[i]] = true;
            }
            MicroAverage streamed = MicroAverage.multiclass(s, y, null);
            MicroAverage table = MicroAverage.fromPoints(Averaging.pooled(s, positive, null));
            assertEquals(table.rocAuc, streamed.rocAuc, "seed " + seed);
            assertEquals(table.averagePrecision, streamed.averagePrecision, "seed " + seed);
            assertEquals(table.rocCurve(), streamed.rocCurve(), "seed " + seed);
            // and the counts made in the column tasks give the same numbers
            MulticlassEvaluation ev = MulticlassEvaluation.of(y, f, names(k), null);
            assertEquals(table.rocAuc, ev.rocAucOvrMicro(), "seed " + seed);
            assertEquals(table.averagePrecision, ev.averagePrecisionMicro(), "seed " + seed);
            assertEquals(table.rocCurve(), ev.rocCurveMicro(), "seed " + seed);
        }
    }

    private static java.util.List<String> names(int k) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int j = 0; j < k; j++) {
            out.add("c" + j);
        }
        return out;
    }

    @Test
    void streamedMultilabelEqualsPooledTable() {
        for (int seed = 0; seed < 20; seed++) {
            Random r = new Random(seed);
            int n = 1 + r.nextInt(200);
            int l = 2 + r.nextInt(5);
            int grid = 1 + r.nextInt(30);
            boolean[] y = new boolean[n * l];
            float[] f = new float[n * l];
            for (int i = 0; i < n * l; i++) {
                y[i] = r.nextInt(3) == 0;
                f[i] = r.nextInt(grid) / (float) grid + (y[i] ? 0.1f : 0);
            }
            y[0] = true;
            y[1] = false;
            ScoreColumns s = ScoreColumns.rowMajor(f, n, l);
            MicroAverage streamed = MicroAverage.multilabel(s, y, null);
            MicroAverage table = MicroAverage.fromPoints(Averaging.pooled(s, y, null));
            assertEquals(table.rocAuc, streamed.rocAuc, "seed " + seed);
            assertEquals(table.averagePrecision, streamed.averagePrecision, "seed " + seed);
            assertEquals(table.rocCurve(), streamed.rocCurve(), "seed " + seed);
        }
    }
}

package org.discern.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.discern.io.InputException;
import org.discern.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

class MulticlassWorkbenchTest {

    /** Three Gaussian classes in 4-d of sizes 3000, 600, 150; class c has mean 2.5 on feature c. */
    static Table blobs(long seed) {
        int[] sizes = {3000, 600, 150};
        int n = 3750;
        float[] x = new float[n * 4];
        int[] y = new int[n];
        SplittableRandom r = new SplittableRandom(seed);
        int row = 0;
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < sizes[c]; i++, row++) {
                for (int j = 0; j < 4; j++) {
                    x[row * 4 + j] = (float) (r.nextGaussian() + (j == c ? 2.5 : 0));
                }
                y[row] = c;
            }
        }
        return Table.multiclass("blobs", List.of("a", "b", "c", "d"), x, "y", y, List.of("cat", "dog", "eel"));
    }

    @Test
    void softmaxLossMatchesHandComputation() {
        DjlRuntime.engine();
        float[] z = {1, 2, 0.5f, -1, 0, 3};
        float[] y = {1, 2};
        float[] w = {2, 0.5f};
        double l0 = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(0.5)) - 2;
        double l1 = Math.log(Math.exp(-1) + Math.exp(0) + Math.exp(3)) - 3;
        try (NDManager m = NDManager.newBaseManager(DjlRuntime.ENGINE)) {
            double got = new WeightedCrossEntropy(3)
                    .evaluate(new NDList(m.create(y), m.create(w)), new NDList(m.create(z).reshape(2, 3))).getFloat();
            assertEquals((2 * l0 + 0.5 * l1) / 2, got, 1e-5);
        }
        assertEquals((l0 + l1) / 2, MulticlassWorkbench.objective(z, new int[] {1, 2}, 3, new double[] {1, 1, 1}),
                1e-6);
    }

    @Test
    void trainsBaselineAndWeightedWithPriorBiasAndWritesOutputs(@TempDir Path dir) throws Exception {
        Table t = blobs(1);
        TrainOptions o = TrainOptions.builder().epochs(8).batchSize(256).learningRate(0.01).build();
        MulticlassWorkbench w = new MulticlassWorkbench(o, List.of(Strategy.BASELINE, Strategy.WEIGHTED), null, null);
        Path out = dir.resolve("out");
        List<MulticlassWorkbench.Result> rs = w.run(t, out);
        MulticlassWorkbench.Result base = rs.get(0);
        MulticlassWorkbench.Result weighted = rs.get(1);
        // priors of the training split: 1920, 384, 96 of 2400 rows
        double[] p = {0.8, 0.16, 0.04};
        double h = 0;
        for (double q : p) {
            h -= q * Math.log(q);
        }
        assertEquals(h, base.analyticInitialLoss(), 1e-12);
        assertEquals(h, base.initialLoss(), 0.1 * h);
        assertArrayEquals(new double[] {2400 / 5760.0, 2400 / 1152.0, 2400 / 288.0}, weighted.classWeights(), 1e-12);
        assertEquals(Math.log(3), weighted.analyticInitialLoss(), 1e-12);
        assertEquals(Math.log(3), weighted.initialLoss(), 0.1 * Math.log(3));
        for (MulticlassWorkbench.Result r : rs) {
            assertTrue(r.test().rocAucOvrMacro() > 0.9, r.strategy() + " " + r.test().rocAucOvrMacro());
            double best = r.history().stream().mapToDouble(EpochRecord::valAuprc).max().orElseThrow();
            assertEquals(best, r.history().get(r.bestEpoch() - 1).valAuprc(), 0);
        }
        // class weights lift the recall of the rarest class (30 test rows)
        assertTrue(weighted.test().confusionMatrix().recall(2) > base.test().confusionMatrix().recall(2),
                weighted.test().confusionMatrix().recall(2) + " vs " + base.test().confusionMatrix().recall(2));

        JsonNode c = Json.parse(Files.readString(out.resolve("comparison.json")));
        assertEquals("multiclass", c.get("task").asText());
        JsonNode test = c.get("strategies").get(1).get("test");
        assertEquals(750, test.get("n").asInt());
        assertEquals(weighted.test().rocAucOvrMacro(), test.get("roc_auc_ovr_macro").asDouble(), 0);
        assertEquals("eel", test.get("per_class").get(2).get("class").asText());
        assertEquals(30, test.get("per_class").get(2).get("support").asInt());
        int total = 0;
        for (JsonNode row : test.get("confusion_matrix")) {
            for (JsonNode v : row) {
                total += v.asInt();
            }
        }
        assertEquals(750, total);
        for (String f : List.of("history.csv", "test-scores.csv", "roc-cat.csv", "roc-eel.csv", "roc.svg",
                "report/report.html", "report/metrics.json")) {
            assertTrue(Files.isRegularFile(out.resolve("weighted").resolve(f)), f);
        }
        assertEquals("label,score_cat,score_dog,score_eel",
                Files.readAllLines(out.resolve("weighted").resolve("test-scores.csv")).get(0));

        // the saved tabular model scores a CSV of the test rows as during training
        Split split = Split.stratified(t.classIndicesView(), t.classNames(), 0.2, 0.2, o.seed());
        StringBuilder csv = new StringBuilder("a,b,c,d,y\n");
        for (int i : split.test()) {
            for (int j = 0; j < 4; j++) {
                csv.append(t.value(i, j)).append(',');
            }
            csv.append(t.classNames().get(t.classIndex(i))).append('\n');
        }
        Path fresh = dir.resolve("fresh.csv");
        Files.writeString(fresh, csv.toString());
        Path scored = dir.resolve("scored.csv");
        try (SavedModel m = SavedModel.load(out.resolve("weighted"))) {
            assertTrue(m.multiclass());
            assertEquals(List.of("cat", "dog", "eel"), m.classes());
            assertEquals(750, m.scoreFile(fresh, scored, false, TableReader.Impute.NONE));
            assertThrows(IllegalArgumentException.class,
                    () -> m.scoreFile(fresh, scored, true, TableReader.Impute.NONE));
        }
        List<String> got = Files.readAllLines(scored);
        List<String> expected = Files.readAllLines(out.resolve("weighted").resolve("test-scores.csv"));
        assertEquals(expected.get(0), got.get(0));
        assertEquals(expected.size(), got.size());
        for (int i = 1; i < got.size(); i++) {
            String[] g = got.get(i).split(",");
            String[] e = expected.get(i).split(",");
            assertEquals(e[0], g[0]);
            for (int col = 1; col <= 3; col++) {
                // float text round trip of the inputs: agreement to 1e-6
                assertEquals(Double.parseDouble(e[col]), Double.parseDouble(g[col]), 1e-6);
            }
        }

        // reproducible
        List<MulticlassWorkbench.Result> again = w.run(t, null);
        assertEquals(weighted.test().rocAucOvrMacro(), again.get(1).test().rocAucOvrMacro(), 1e-6);
        assertEquals(weighted.test().logLoss(), again.get(1).test().logLoss(), 1e-6);
    }

    @Test
    void readerMulticlassOrdersClassesAndChecksThem() throws Exception {
        Table t = TableReader.builder().multiclass(true).build()
                .read("a,Class\n1,10\n2,9\n3,2\n4,9\n", "m.csv");
        assertEquals(List.of("2", "9", "10"), t.classNames());
        assertArrayEquals(new int[] {2, 1, 0, 1}, t.classIndices());
        Table text = TableReader.builder().multiclass(true).build().read("a,Class\n1,b\n2,a\n3,c\n", "m.csv");
        assertEquals(List.of("a", "b", "c"), text.classNames());
        InputException one = assertThrows(InputException.class,
                () -> TableReader.builder().multiclass(true).build().read("a,Class\n1,x\n2,x\n", "m.csv"));
        assertEquals("m.csv: column 'Class': classification needs at least 2 label values, found 1: [x]",
                one.getMessage());
        InputException unknown = assertThrows(InputException.class, () -> TableReader.builder()
                .knownClasses(List.of("a", "b", "c")).build().read("a,Class\n1,b\n2,z\n", "n.csv"));
        assertEquals("n.csv:3: column 'Class': label 'z' is not one of the classes [a, b, c] of the training data",
                unknown.getMessage());
    }

    @Test
    void multiclassSplitIsStratifiedAndStrategiesAreChecked() {
        Table t = blobs(2);
        Split s = Split.stratified(t.classIndicesView(), t.classNames(), 0.2, 0.2, 5);
        int[] inTest = new int[3];
        for (int i : s.test()) {
            inTest[t.classIndex(i)]++;
        }
        assertArrayEquals(new int[] {600, 120, 30}, inTest);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MulticlassWorkbench(TrainOptions.defaults(), List.of(Strategy.SMOTE), null, null));
        assertEquals("multi-class training supports the strategies baseline and weighted, got smote", e.getMessage());
    }
}

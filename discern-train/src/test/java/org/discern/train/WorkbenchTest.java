package org.discern.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.discern.metrics.BinaryEvaluation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The recipe end to end on small synthetic tables (1% positives). */
class WorkbenchTest {
    private static final List<Strategy> ALL = List.of(Strategy.values());
    private static Table table;

    @BeforeAll
    static void data() {
        table = SyntheticFraud.of(20000, 200, 1).table();
    }

    private static Workbench.Comparison run(Table t, TrainOptions o, List<Strategy> s, Path out) throws Exception {
        return Workbench.builder().options(o).strategies(s).build().run(t, out);
    }

    @Test
    void weightedAndOversampledReachHigherRecallAtHalfThanBaseline() throws Exception {
        TrainOptions o = TrainOptions.builder().epochs(15).build();
        Workbench.Comparison c = run(table, o,
                List.of(Strategy.BASELINE, Strategy.WEIGHTED, Strategy.OVERSAMPLED), null);
        double base = c.strategies().get(0).test().confusionAt(0.5).recall();
        double weighted = c.strategies().get(1).test().confusionAt(0.5).recall();
        double over = c.strategies().get(2).test().confusionAt(0.5).recall();
        // 40 test positives; baseline's prior-initialised network keeps nearly all below 0.5
        assertTrue(weighted > base + 0.3, "weighted " + weighted + " vs baseline " + base);
        assertTrue(over > base + 0.3, "oversampled " + over + " vs baseline " + base);
        // prior correction: only for the strategies trained at prior 1/2, never changes the AUC
        assertNull(c.strategies().get(0).testPriorCorrected());
        for (StrategyResult r : c.strategies().subList(1, 3)) {
            assertEquals(0.5, r.prior().trainingPrior(), 0);
            assertEquals(128.0 / 12800, r.prior().truePrior(), 1e-15);
            assertEquals(r.test().rocAuc(), r.testPriorCorrected().rocAuc(), 1e-12);
            // corrected probabilities are smaller: fewer positives at 0.5
            assertTrue(r.testPriorCorrected().confusionAt(0.5).predictedPositives()
                    < r.test().confusionAt(0.5).predictedPositives());
        }
    }

    @Test
    void seededRunsAreReproducible() throws Exception {
        Table small = SyntheticFraud.of(6000, 60, 2).table();
        TrainOptions o = TrainOptions.builder().epochs(4).batchSize(512).seed(7).build();
        Workbench.Comparison a = run(small, o, ALL, null);
        Workbench.Comparison b = run(small, o, ALL, null);
        assertEquals(a.split(), b.split());
        for (int i = 0; i < ALL.size(); i++) {
            StrategyResult x = a.strategies().get(i);
            StrategyResult y = b.strategies().get(i);
            assertEquals(x.bestEpoch(), y.bestEpoch());
            assertEquals(x.test().rocAuc(), y.test().rocAuc(), 1e-6, x.strategy().id());
            assertEquals(x.test().averagePrecision(), y.test().averagePrecision(), 1e-6);
            assertEquals(x.test().logLoss(), y.test().logLoss(), 1e-6);
            for (int e = 0; e < x.history().size(); e++) {
                assertEquals(x.history().get(e).loss(), y.history().get(e).loss(), 1e-6);
                assertEquals(x.history().get(e).valAuprc(), y.history().get(e).valAuprc(), 1e-6);
            }
        }
        // a different seed gives a different split and different numbers
        Workbench.Comparison c = run(small, TrainOptions.builder().epochs(4).batchSize(512).seed(8).build(),
                List.of(Strategy.BASELINE), null);
        assertTrue(!c.split().equals(a.split()));
    }

    @Test
    void initialLossWithPriorBiasIsNearItsAnalyticValue() throws Exception {
        TrainOptions prior = TrainOptions.builder().epochs(1).build();
        Workbench.Comparison c = run(table, prior, List.of(Strategy.BASELINE, Strategy.WEIGHTED), null);
        StrategyResult base = c.strategies().get(0);
        double p0 = 128.0 / 12800;
        double analytic = -p0 * Math.log(p0) - (1 - p0) * Math.log(1 - p0);
        assertEquals(analytic, base.analyticInitialLoss(), 1e-12);
        assertEquals(Math.log(p0 / (1 - p0)), base.outputBias(), 1e-12);
        assertEquals(analytic, base.initialLoss(), 0.1 * analytic);
        StrategyResult w = c.strategies().get(1);
        assertEquals(Math.log(2), w.analyticInitialLoss(), 1e-12);
        assertEquals(0, w.outputBias(), 0);
        assertEquals(Math.log(2), w.initialLoss(), 0.1 * Math.log(2));
        // with a zero bias the baseline starts near ln 2, more than ten times the analytic value
        Workbench.Comparison z = run(table, TrainOptions.builder().epochs(1)
                .biasInit(TrainOptions.BiasInit.ZERO).build(), List.of(Strategy.BASELINE), null);
        assertEquals(Math.log(2), z.strategies().get(0).initialLoss(), 0.1 * Math.log(2));
        assertTrue(z.strategies().get(0).initialLoss() > 10 * analytic);
    }

    @Test
    void earlyStoppingRestoresTheBestEpochsWeights() throws Exception {
        Split split = Split.stratified(table.labelsView(), 0.2, 0.2, 3);
        Table train = table.select(split.train());
        Table val = table.select(split.validation());
        Preprocessing p = Preprocessing.fit(train, List.of(), 1e-3, 5);
        float[] xVal = p.apply(val);
        // a large learning rate makes validation AUPRC wander, so that patience 2 stops early
        TrainOptions o = TrainOptions.builder().epochs(40).patience(2).learningRate(0.05).batchSize(256).build();
        TrainingRun.Result r = new TrainingRun(Strategy.BASELINE, p.apply(train), train.labelsView(), xVal,
                val.labelsView(), p.columns().size(), o, null, false).run();
        try (Network net = r.network()) {
            List<EpochRecord> h = r.history();
            double best = h.stream().mapToDouble(EpochRecord::valAuprc).max().orElseThrow();
            assertEquals(best, h.get(r.bestEpoch() - 1).valAuprc(), 0);
            assertEquals(r.bestEpoch() + 2, h.size(), "stops after patience epochs without improvement");
            assertTrue(h.get(h.size() - 1).valAuprc() < best);
            double restored = BinaryEvaluation.of(net.positiveProbabilities(xVal, val.rows()), val.labelsView())
                    .averagePrecision();
            assertEquals(best, restored, 0);
        }
    }

    @Test
    void writesModelsComparisonAndCurvesAndPredictScoresWithSavedPreprocessing(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("fraud.csv");
        SyntheticFraud.of(8000, 80, 4).write(csv);
        TableReader reader = TableReader.builder().log(List.of("Amount")).drop(List.of("Time")).build();
        Table t = reader.read(csv);
        Path out = dir.resolve("out");
        TrainOptions o = TrainOptions.builder().epochs(3).costFalseNegative(50).build();
        Workbench.Comparison c = Workbench.builder().options(o).reader(reader)
                .strategies(List.of(Strategy.BASELINE, Strategy.WEIGHTED)).build().run(t, out);

        JsonNode root = new ObjectMapper().readTree(out.resolve("comparison.json").toFile());
        JsonNode strategies = root.get("strategies");
        assertEquals(2, strategies.size());
        JsonNode w = strategies.get(1);
        assertEquals("weighted", w.get("name").asText());
        assertEquals(c.strategies().get(1).bestEpoch(), w.get("best_epoch").asInt());
        JsonNode test = w.get("test");
        assertEquals(c.strategies().get(1).test().rocAuc(), test.get("roc_auc").asDouble(), 0);
        assertEquals(c.strategies().get(1).test().averagePrecision(), test.get("average_precision").asDouble(), 0);
        assertEquals(0.5, test.get("threshold").asDouble(), 0);
        assertEquals(1600, test.get("n").asInt());
        assertEquals(16, test.get("n_positive").asInt());
        assertEquals("1", test.get("positive_label").asText());
        JsonNode cm = test.get("confusion");
        assertEquals(1600, cm.get("tn").asDouble() + cm.get("fp").asDouble() + cm.get("fn").asDouble()
                + cm.get("tp").asDouble(), 0);
        assertNotNull(w.get("test_prior_corrected"));
        assertNull(strategies.get(0).get("test_prior_corrected"));
        JsonNode cost = w.get("cost_optimal");
        assertEquals(50, cost.get("cost_fn").asDouble(), 0);
        double thr = cost.get("test").get("threshold").asDouble();
        assertEquals(c.strategies().get(1).costChoice().threshold(), thr, 0);
        assertEquals(c.strategies().get(1).test().confusionAt(thr).fn(),
                cost.get("test").get("confusion").get("fn").asDouble(), 0);
        assertEquals(w.get("epochs_run").asInt(), w.get("history").get("val_auprc").size());

        Path sd = out.resolve("weighted");
        for (String f : List.of("model.json", "preprocessing.json", "network.params", "history.csv",
                "test-scores.csv", "roc.csv", "pr.csv")) {
            assertTrue(Files.isRegularFile(sd.resolve(f)), f);
        }
        List<String> history = Files.readAllLines(sd.resolve("history.csv"));
        assertEquals(EpochRecord.CSV_HEADER, history.get(0));
        assertEquals(1 + c.strategies().get(1).history().size(), history.size());
        List<String> roc = Files.readAllLines(sd.resolve("roc.csv"));
        assertEquals("threshold,fpr,tpr", roc.get(0));
        assertEquals("inf,0.0,0.0", roc.get(1));
        assertEquals(c.strategies().get(1).test().rocCurve().size() + 1, roc.size());

        // the report: strategies overlaid, confusion matrices, histories, one HTML page
        Path rep = out.resolve("report");
        for (String f : List.of("roc.svg", "pr.svg", "confusion-baseline.svg", "confusion-weighted.svg",
                "confusion-cost-weighted.svg", "history-loss.svg", "history-auprc.svg", "history-precision.svg",
                "history-recall.svg", "report.html")) {
            assertTrue(Files.isRegularFile(rep.resolve(f)), f);
        }
        String rocSvg = Files.readString(rep.resolve("roc.svg"));
        assertTrue(rocSvg.startsWith("<?xml") && rocSvg.contains("<svg"), "SVG");
        assertEquals(List.of("baseline validation", "baseline training", "weighted validation", "weighted training"),
                List.copyOf(TrainingReport.history(c.strategies(), "auprc", "t").getSeriesMap().keySet()));
        String html = Files.readString(rep.resolve("report.html"));
        // inlined: 2 curve figures, 2 x 2 confusion matrices, 4 histories
        assertEquals(10, html.split("<svg", -1).length - 1);
        assertTrue(html.contains(String.format(java.util.Locale.ROOT, "<tr><th>weighted</th><td>%d</td><td>%.4f</td>",
                c.strategies().get(1).bestEpoch(), c.strategies().get(1).test().rocAuc())), html);

        // predict: the saved model scores the test rows exactly as during training
        Split split = c.split();
        List<String> lines = Files.readAllLines(csv);
        StringBuilder sb = new StringBuilder(lines.get(0)).append('\n');
        for (int i : split.test()) {
            sb.append(lines.get(i + 1)).append('\n');
        }
        Path fresh = dir.resolve("new.csv");
        Files.writeString(fresh, sb.toString());
        Path scored = dir.resolve("scored.csv");
        try (SavedModel m = SavedModel.load(sd)) {
            assertEquals(Strategy.WEIGHTED, m.strategy());
            assertEquals(List.of("Amount"), m.preprocessing().logColumns());
            assertEquals(split.test().length, m.scoreFile(fresh, scored, false, TableReader.Impute.NONE));
        }
        List<String> got = Files.readAllLines(scored);
        List<String> expected = Files.readAllLines(sd.resolve("test-scores.csv"));
        assertEquals("label,score", got.get(0));
        assertEquals(expected.size(), got.size());
        for (int i = 1; i < got.size(); i++) {
            String[] g = got.get(i).split(",");
            String[] e = expected.get(i).split(",");
            assertEquals(e[0], g[0]);
            assertEquals(Double.parseDouble(e[1]), Double.parseDouble(g[1]), 0);
        }
        // prior-corrected scoring and data without labels
        Files.writeString(fresh, String.join("\n", lines.get(0).replace(",\"Class\"", ""),
                lines.get(split.test()[0] + 1).replaceAll(",\"[01]\"$", "")) + "\n");
        try (SavedModel m = SavedModel.load(sd)) {
            m.scoreFile(fresh, scored, true, TableReader.Impute.NONE);
            List<String> one = Files.readAllLines(scored);
            assertEquals(List.of("score", one.get(1)), one);
            // one row alone goes through another matrix kernel than 1600: float rounding differs
            double corrected = Double.parseDouble(expected.get(1).split(",")[2]);
            assertEquals(corrected, Double.parseDouble(one.get(1)), 1e-6 * corrected);
            double raw = Double.parseDouble(expected.get(1).split(",")[1]);
            assertEquals(m.priorCorrection().apply(raw), corrected, 1e-15);
        }
    }
}

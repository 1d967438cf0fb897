package org.discern.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.discern.io.AtomicFiles;
import org.discern.io.CurveCsv;
import org.discern.io.Json;
import org.discern.io.SummaryJson;
import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.EvaluationSummary;
import org.discern.metrics.SummaryOptions;
import org.discern.metrics.ThresholdChoice;
import org.discern.metrics.ThresholdCriterion;
import org.discern.metrics.Thresholds;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The imbalanced-data recipe end to end: split the table (stratified, seeded), fit the
 * preprocessing on the training split, train one network per strategy with early stopping,
 * evaluate each on the test split with {@code discern-core}, and write everything to an output
 * directory:
 * <ul>
 *   <li>{@code comparison.json}: {@code {"data", "seed", "split", "options", "strategies":
 *       [{"name", "best_epoch", "test": {evaluate JSON ({@link SummaryJson}) at 0.5},
 *       "test_prior_corrected", "cost_optimal", "history", ...}]}};</li>
 *   <li>per strategy {@code DIR/<name>/}: the saved model ({@code model.json},
 *       {@code preprocessing.json}, {@code network.params}), {@code history.csv},
 *       {@code test-scores.csv} ({@code label,score,score_prior_corrected}), {@code roc.csv}
 *       and {@code pr.csv} of the raw test scores (as {@link CurveCsv} writes them);</li>
 *   <li>{@code report/}: the strategies overlaid on the test ROC and PR curves, their confusion
 *       matrices and training histories, as SVG files and one self-contained
 *       {@code report.html}.</li>
 * </ul>
 * The cost-optimal threshold is chosen on the validation split (minimum expected cost with
 * {@code cost_fp}, {@code cost_fn}, by {@link Thresholds#best}) and then applied to the test
 * split, so the reported test confusion is not tuned on the test data.
 */
public final class Workbench {
    private final TrainOptions options;
    private final List<Strategy> strategies;
    private final List<String> logColumns;
    private final double logEpsilon;
    private final PrintWriter progress;
    private final boolean console;

    private Workbench(Builder b) {
        this.options = b.options;
        this.strategies = List.copyOf(b.strategies);
        this.logColumns = List.copyOf(b.logColumns);
        this.logEpsilon = b.logEpsilon;
        this.progress = b.progress;
        this.console = b.console;
    }

    /** A builder: default options, all three recipe strategies, no progress output. */
    public static Builder builder() {
        return new Builder();
    }

    /** Options of a {@link Workbench}. */
    public static final class Builder {
        private TrainOptions options = TrainOptions.defaults();
        private List<Strategy> strategies = List.of(Strategy.BASELINE, Strategy.WEIGHTED, Strategy.OVERSAMPLED);
        private List<String> logColumns = List.of();
        private double logEpsilon = TableReader.DEFAULT_LOG_EPSILON;
        private PrintWriter progress;
        private boolean console;

        private Builder() {
        }

        public Builder options(TrainOptions o) {
            this.options = java.util.Objects.requireNonNull(o, "options");
            return this;
        }

        /** Strategies to run, in order, at least one, no repeats. */
        public Builder strategies(List<Strategy> s) {
            if (s.isEmpty() || s.stream().distinct().count() != s.size()) {
                throw new IllegalArgumentException("strategies must be non-empty and distinct, got " + s);
            }
            this.strategies = List.copyOf(s);
            return this;
        }

        /** How the table was read (recorded in the saved preprocessing). */
        public Builder reader(TableReader r) {
            this.logColumns = r.logColumns();
            this.logEpsilon = r.logEpsilon();
            return this;
        }

        /**
         * Where to print progress (one line per epoch), or null for none; {@code console} makes
         * it also update a batch counter in place.
         */
        public Builder progress(PrintWriter out, boolean console) {
            this.progress = out;
            this.console = console;
            return this;
        }

        public Workbench build() {
            return new Workbench(this);
        }
    }

    /** The result of {@link #run}. */
    public record Comparison(Split split, List<StrategyResult> strategies) {
        public Comparison {
            strategies = List.copyOf(strategies);
        }
    }

    /**
     * Runs the recipe.
     *
     * @param table labelled table (raw features; missing cells as NaN are filled with training
     *        medians)
     * @param outDir output directory, created if needed; null to write nothing. The command line passes
     *        the staging directory of an {@link org.discern.io.OutputDirectory}, so a run appears whole
     *        or not at all; messages name files relative to it
     */
    public Comparison run(Table table, Path outDir) throws IOException {
        TrainOptions o = options;
        Split split = Split.stratified(table.labelsView(), o.testFraction(), o.validationFraction(), o.seed());
        Table train = table.select(split.train());
        Table val = table.select(split.validation());
        Table test = table.select(split.test());
        Preprocessing prep = Preprocessing.fit(train, logColumns, logEpsilon, o.clip());
        float[] xTrain = prep.apply(train);
        float[] xVal = prep.apply(val);
        float[] xTest = prep.apply(test);
        int d = prep.columns().size();
        double truePrior = (double) train.positives() / train.rows();
        say(String.format(Locale.ROOT, "split (seed %d): train %d rows (%d positive), validation %d (%d), test %d (%d)",
                o.seed(), train.rows(), train.positives(), val.rows(), val.positives(), test.rows(), test.positives()));
        if (outDir != null) {
            Files.createDirectories(outDir);
        }
        List<StrategyResult> results = new ArrayList<>();
        for (Strategy s : strategies) {
            long t0 = System.nanoTime();
            TrainingRun.Result r = new TrainingRun(s, xTrain, train.labelsView(), xVal, val.labelsView(), d, o,
                    progress, console).run();
            try (Network net = r.network()) {
                double seconds = (System.nanoTime() - t0) / 1e9;
                PriorCorrection prior = new PriorCorrection(r.trainingPrior(), truePrior);
                double[] pTest = net.positiveProbabilities(xTest, test.rows());
                double[] pVal = net.positiveProbabilities(xVal, val.rows());
                BinaryEvaluation evTest = BinaryEvaluation.of(pTest, test.labelsView());
                double[] pTestCorrected = prior.needed() ? prior.apply(pTest) : null;
                BinaryEvaluation evCorrected = pTestCorrected == null ? null
                        : BinaryEvaluation.of(pTestCorrected, test.labelsView());
                ThresholdChoice cost = Thresholds.best(BinaryEvaluation.of(pVal, val.labelsView()),
                        ThresholdCriterion.MinCost.of(o.costFalsePositive(), o.costFalseNegative()));
                StrategyResult res = new StrategyResult(s, r.bestEpoch(), r.history(), r.initialLoss(),
                        r.analyticInitialLoss(), r.outputBias(), r.objectiveWeights(), prior, evTest, evCorrected,
                        cost, seconds);
                results.add(res);
                say(String.format(Locale.ROOT, "%s: best epoch %d, test roc_auc %.4f, average_precision %.4f, "
                        + "recall@0.5 %.4f, precision@0.5 %.4f (%.1f s)", s.id(), r.bestEpoch(), evTest.rocAuc(),
                        evTest.averagePrecision(), evTest.confusionAt(0.5).recall(),
                        evTest.confusionAt(0.5).precision(), seconds));
                if (outDir != null) {
                    Path sd = outDir.resolve(s.id());
                    SavedModel.save(sd, net, s, train, prior, cost.threshold(), prep);
                    writeHistory(sd.resolve("history.csv"), r.history());
                    writeScores(sd.resolve("test-scores.csv"), test, pTest, pTestCorrected);
                    writeCurves(sd, evTest);
                }
            }
        }
        Comparison c = new Comparison(split, results);
        if (outDir != null) {
            AtomicFiles.writeString(outDir.resolve("comparison.json"),
                    Json.toText(comparisonJson(c, table, train, val, test)));
            say("wrote comparison.json");
            say("wrote " + outDir.relativize(TrainingReport.write(c, table, o, outDir)));
        }
        return c;
    }

    private ObjectNode comparisonJson(Comparison c, Table table, Table train, Table val, Table test) {
        TrainOptions o = options;
        ObjectNode root = Json.object();
        root.put("data", table.source());
        root.put("seed", o.seed());
        ObjectNode split = root.putObject("split");
        for (Object[] part : new Object[][] {{"train", train}, {"validation", val}, {"test", test}}) {
            Table t = (Table) part[1];
            split.putObject((String) part[0]).put("n", t.rows()).put("n_positive", t.positives());
        }
        ObjectNode opt = root.putObject("options");
        ArrayNode hidden = opt.putArray("hidden");
        for (int h : o.hidden()) {
            hidden.add(h);
        }
        opt.put("dropout", o.dropout());
        opt.put("learning_rate", o.learningRate());
        opt.put("batch_size", o.batchSize());
        opt.put("epochs", o.epochs());
        opt.put("patience", o.patience());
        opt.put("bias_init", o.biasInit().name().toLowerCase(Locale.ROOT));
        if (o.classWeights() == null) {
            opt.putNull("class_weights");
        } else {
            opt.putArray("class_weights").add(o.classWeights()[0]).add(o.classWeights()[1]);
        }
        Json.number(opt, "clip", o.clip());
        opt.put("smote_neighbours", o.smoteNeighbours());
        opt.put("cost_fp", o.costFalsePositive());
        opt.put("cost_fn", o.costFalseNegative());
        ArrayNode list = root.putArray("strategies");
        for (StrategyResult r : c.strategies()) {
            ObjectNode m = list.addObject();
            m.put("name", r.strategy().id());
            m.put("best_epoch", r.bestEpoch());
            m.put("epochs_run", r.history().size());
            m.put("seconds", r.seconds());
            Json.number(m, "initial_loss", r.initialLoss());
            Json.number(m, "initial_loss_analytic", r.analyticInitialLoss());
            m.put("output_bias_init", r.outputBias());
            m.putArray("objective_weights").add(r.objectiveWeights()[0]).add(r.objectiveWeights()[1]);
            m.put("training_prior", r.prior().trainingPrior());
            m.put("true_prior", r.prior().truePrior());
            SummaryOptions at = SummaryOptions.defaults().withPositiveLabel(table.positiveValue()).withThreshold(0.5);
            m.set("test", SummaryJson.of(EvaluationSummary.binary(r.test(), at)));
            if (r.testPriorCorrected() != null) {
                m.set("test_prior_corrected", SummaryJson.of(EvaluationSummary.binary(r.testPriorCorrected(), at)));
            }
            ThresholdChoice ch = r.costChoice();
            ObjectNode cost = m.putObject("cost_optimal");
            cost.put("cost_fp", o.costFalsePositive());
            cost.put("cost_fn", o.costFalseNegative());
            cost.put("chosen_on", "validation");
            Json.number(cost, "validation_expected_cost", ch.expectedCost());
            Json.number(cost, "threshold", ch.threshold());
            Json.number(cost, "threshold_prior_corrected",
                    Double.isFinite(ch.threshold()) ? r.prior().apply(ch.threshold()) : ch.threshold());
            cost.set("test", SummaryJson.atThreshold(r.test().confusionAt(ch.threshold()), ch.threshold()));
            m.set("history", historyJson(r.history()));
        }
        return root;
    }

    private static ObjectNode historyJson(List<EpochRecord> h) {
        ObjectNode m = Json.object();
        String[] names = EpochRecord.CSV_HEADER.split(",");
        for (int k = 0; k < names.length; k++) {
            ArrayNode col = m.putArray(names[k]);
            for (EpochRecord r : h) {
                if (k == 0) {
                    col.add(r.epoch());
                } else {
                    Json.add(col, historyValue(r, k));
                }
            }
        }
        return m;
    }

    private static double historyValue(EpochRecord r, int k) {
        switch (k) {
            case 0: return r.epoch();
            case 1: return r.loss();
            case 2: return r.auc();
            case 3: return r.auprc();
            case 4: return r.precision();
            case 5: return r.recall();
            case 6: return r.valLoss();
            case 7: return r.valAuc();
            case 8: return r.valAuprc();
            case 9: return r.valPrecision();
            case 10: return r.valRecall();
            default: return r.seconds();
        }
    }

    private static void writeHistory(Path f, List<EpochRecord> h) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write(EpochRecord.CSV_HEADER);
            w.write('\n');
            int cols = EpochRecord.CSV_HEADER.split(",").length;
            for (EpochRecord r : h) {
                StringBuilder sb = new StringBuilder().append(r.epoch());
                for (int k = 1; k < cols; k++) {
                    sb.append(',').append(CurveCsv.format(historyValue(r, k)));
                }
                w.write(sb.append('\n').toString());
            }
        }
    }

    private static void writeScores(Path f, Table test, double[] p, double[] corrected) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write(corrected == null ? "label,score\n" : "label,score,score_prior_corrected\n");
            for (int i = 0; i < p.length; i++) {
                StringBuilder sb = new StringBuilder().append(test.label(i) ? 1 : 0).append(',').append(p[i]);
                if (corrected != null) {
                    sb.append(',').append(corrected[i]);
                }
                w.write(sb.append('\n').toString());
            }
        }
    }

    private static void writeCurves(Path dir, BinaryEvaluation ev) throws IOException {
        CurveCsv.writeRoc(ev.rocCurve(), dir.resolve("roc.csv"));
        CurveCsv.writePr(ev.precisionRecallCurve(), dir.resolve("pr.csv"));
    }

    private void say(String s) {
        if (progress != null) {
            progress.println(s);
            progress.flush();
        }
    }
}

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
import java.util.SplittableRandom;

import org.discern.io.AtomicFiles;
import org.discern.io.CurveCsv;
import org.discern.io.Json;
import org.discern.io.SummaryJson;
import org.discern.metrics.EvaluationSummary;
import org.discern.metrics.MulticlassConfusionMatrix;
import org.discern.metrics.MulticlassEvaluation;
import org.discern.metrics.SummaryOptions;
import org.discern.report.ChartFiles;
import org.discern.report.Charts;
import org.discern.report.Curve;
import org.discern.report.HtmlReport;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The recipe for K &gt;= 3 classes on a tabular multi-class table: softmax output, output biases
 * initialised to the log prior of each class (as the strategy sees it), and two strategies:
 * {@link Strategy#BASELINE} and {@link Strategy#WEIGHTED} with class weights {@code N / (K n_c)}.
 * Split, preprocessing, optimiser, early stopping (on the validation macro average precision,
 * one-vs-rest) and outputs follow {@link Workbench}; {@link EpochRecord} fields hold the
 * multi-class counterparts: auc = ROC AUC one-vs-rest macro, auprc = average precision macro,
 * precision and recall = macro averages of the argmax confusion matrix.
 *
 * <p>Output directory: {@code comparison.json} ({@code "task": "multiclass"}, per strategy the
 * test metrics, {@link #evaluationJson}), and per strategy {@code history.csv},
 * {@code test-scores.csv} ({@code label} and one probability column per class), per-class
 * {@code roc-CLASS.csv}, {@code roc.svg} (every per-class ROC curve with the micro and macro
 * averages) and {@code report/report.html} ({@link HtmlReport}: per-class curves, confusion
 * matrix, metrics). The model is saved there too ({@link SavedModel}, for
 * {@code discern predict}; image models with their image shape).
 */
public final class MulticlassWorkbench {
    private final TrainOptions options;
    private final List<Strategy> strategies;
    private final List<String> logColumns;
    private final double logEpsilon;
    private final PrintWriter progress;
    private final ImageShape image;

    /**
     * @param options shared options (class weights and SMOTE options are not used)
     * @param strategies baseline and/or weighted
     * @param reader how the table was read (its log transform is recorded)
     * @param progress per-epoch lines, or null
     */
    public MulticlassWorkbench(TrainOptions options, List<Strategy> strategies, TableReader reader,
            PrintWriter progress) {
        this(options, strategies, reader, progress, null);
    }

    /**
     * A workbench for images: rows are pixels of the given shape (see {@link ImageFolderReader}),
     * the network is the small CNN (conv 3x3, max-pool, conv 3x3, max-pool, dropout, dense), and
     * pixels are used as they are (no standardisation).
     */
    public static MulticlassWorkbench forImages(TrainOptions options, List<Strategy> strategies, ImageShape shape,
            PrintWriter progress) {
        return new MulticlassWorkbench(options, strategies, null, progress, java.util.Objects.requireNonNull(shape));
    }

    private MulticlassWorkbench(TrainOptions options, List<Strategy> strategies, TableReader reader,
            PrintWriter progress, ImageShape image) {
        for (Strategy s : strategies) {
            if (s != Strategy.BASELINE && s != Strategy.WEIGHTED) {
                throw new IllegalArgumentException("multi-class training supports the strategies baseline and weighted, "
                        + "got " + s.id());
            }
        }
        if (strategies.isEmpty() || strategies.stream().distinct().count() != strategies.size()) {
            throw new IllegalArgumentException("strategies must be non-empty and distinct, got " + strategies);
        }
        this.options = options;
        this.strategies = List.copyOf(strategies);
        this.logColumns = reader == null ? List.of() : reader.logColumns();
        this.logEpsilon = reader == null ? TableReader.DEFAULT_LOG_EPSILON : reader.logEpsilon();
        this.progress = progress;
        this.image = image;
    }

    /** One strategy's result. */
    public record Result(Strategy strategy, int bestEpoch, List<EpochRecord> history, double initialLoss,
            double analyticInitialLoss, double[] classWeights, MulticlassEvaluation test) {
        public Result {
            history = List.copyOf(history);
            classWeights = classWeights.clone();
        }

        @Override
        public double[] classWeights() {
            return classWeights.clone();
        }
    }

    /**
     * Runs the recipe; {@code outDir} null writes nothing. The command line passes the staging
     * directory of an {@link org.discern.io.OutputDirectory}, so a run appears whole or not at all.
     */
    public List<Result> run(Table table, Path outDir) throws IOException {
        if (!table.multiclass()) {
            throw new IllegalArgumentException(table.source() + " is not a multi-class table");
        }
        List<String> names = table.classNames();
        int k = names.size();
        if (k < 3) {
            throw new IllegalArgumentException("multi-class training needs at least 3 classes, got " + k
                    + " (train two classes as a binary task)");
        }
        TrainOptions o = options;
        Split split = Split.stratified(table.classIndicesView(), names, o.testFraction(), o.validationFraction(),
                o.seed());
        Table train = table.select(split.train());
        Table val = table.select(split.validation());
        Table test = table.select(split.test());
        Preprocessing prep = image != null ? Preprocessing.identity(train.columns())
                : Preprocessing.fit(train, logColumns, logEpsilon, o.clip());
        float[] xTrain = prep.apply(train);
        float[] xVal = prep.apply(val);
        float[] xTest = prep.apply(test);
        int d = prep.columns().size();
        say(String.format(Locale.ROOT, "split (seed %d): train %d rows, validation %d, test %d; %d classes", o.seed(),
                train.rows(), val.rows(), test.rows(), k));
        if (outDir != null) {
            Files.createDirectories(outDir);
        }
        List<Result> results = new ArrayList<>();
        for (Strategy s : strategies) {
            Result r = trainOne(s, xTrain, train.classIndicesView(), xVal, val.classIndicesView(), xTest,
                    test.classIndicesView(), names, d, outDir, prep, table.labelColumn());
            results.add(r);
        }
        if (outDir != null) {
            ObjectNode root = Json.object();
            root.put("task", "multiclass");
            root.put("data", table.source());
            root.put("seed", o.seed());
            ArrayNode cls = root.putArray("classes");
            names.forEach(cls::add);
            ObjectNode sp = root.putObject("split");
            sp.put("train", train.rows()).put("validation", val.rows()).put("test", test.rows());
            ArrayNode list = root.putArray("strategies");
            for (Result r : results) {
                ObjectNode m = list.addObject();
                m.put("name", r.strategy().id());
                m.put("best_epoch", r.bestEpoch());
                m.put("epochs_run", r.history().size());
                Json.number(m, "initial_loss", r.initialLoss());
                Json.number(m, "initial_loss_analytic", r.analyticInitialLoss());
                ArrayNode w = m.putArray("class_weights");
                for (double x : r.classWeights()) {
                    w.add(x);
                }
                m.set("test", evaluationJson(r.test()));
            }
            AtomicFiles.writeString(outDir.resolve("comparison.json"), Json.toText(root));
            say("wrote comparison.json");
        }
        return results;
    }

    private Result trainOne(Strategy s, float[] xTrain, int[] yTrain, float[] xVal, int[] yVal, float[] xTest,
            int[] yTest, List<String> names, int d, Path outDir, Preprocessing preprocessing, String labelColumn)
            throws IOException {
        TrainOptions o = options;
        int k = names.size();
        int n = yTrain.length;
        int[] count = new int[k];
        for (int y : yTrain) {
            count[y]++;
        }
        double[] cw = new double[k];
        for (int c = 0; c < k; c++) {
            cw[c] = s == Strategy.WEIGHTED ? (double) n / (k * count[c]) : 1;
        }
        // the class shares the weighted objective sees, and its value for a constant prediction of them
        double wTotal = 0;
        for (int c = 0; c < k; c++) {
            wTotal += cw[c] * count[c];
        }
        float[] bias = new float[k];
        double entropy = 0;
        for (int c = 0; c < k; c++) {
            double p = cw[c] * count[c] / wTotal;
            entropy -= p * Math.log(p);
            bias[c] = o.biasInit() == TrainOptions.BiasInit.PRIOR ? (float) Math.log(p) : 0;
        }
        double analytic = wTotal / n * entropy;
        DjlRuntime.seed(o.seed());
        SplittableRandom random = new SplittableRandom(o.seed() * 0x9E3779B97F4A7C15L + s.ordinal());
        try (Network net = Network.forTraining(new NetworkSpec(d, o.hidden(), o.dropout(), k), image,
                o.learningRate())) {
            net.setOutputBias(bias);
            double initial = objective(net.logits(xTrain, n), yTrain, k, cw);
            say(String.format(Locale.ROOT, "%s: initial loss %.5f, analytic %.5f (-sum p_c ln p_c%s), output bias "
                    + "log prior", s.id(), initial, analytic,
                    wTotal == n ? "" : String.format(Locale.ROOT, " times %.4f", wTotal / n)));
            int batch = o.batchSize();
            float[] xb = new float[batch * d];
            float[] yb = new float[batch];
            float[] wb = s == Strategy.WEIGHTED ? new float[batch] : null;
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            List<EpochRecord> history = new ArrayList<>();
            float[][] best = net.snapshot();
            double bestAp = Double.NEGATIVE_INFINITY;
            int bestEpoch = 0;
            for (int epoch = 1; epoch <= o.epochs(); epoch++) {
                long t0 = System.nanoTime();
                TrainingRun.shuffle(order, n, random);
                double lossSum = 0;
                for (int start = 0; start < n; start += batch) {
                    int m = Math.min(batch, n - start);
                    for (int i = 0; i < m; i++) {
                        int row = order[start + i];
                        System.arraycopy(xTrain, row * d, xb, i * d, d);
                        yb[i] = yTrain[row];
                        if (wb != null) {
                            wb[i] = (float) cw[yTrain[row]];
                        }
                    }
                    lossSum += net.trainStep(xb, yb, wb, m) * m;
                }
                MulticlassEvaluation tr = evaluate(net, xTrain, yTrain, names);
                MulticlassEvaluation va = evaluate(net, xVal, yVal, names);
                MulticlassConfusionMatrix ct = tr.confusionMatrix();
                MulticlassConfusionMatrix cv = va.confusionMatrix();
                double seconds = (System.nanoTime() - t0) / 1e9;
                EpochRecord r = new EpochRecord(epoch, lossSum / n, tr.rocAucOvrMacro(), tr.averagePrecisionMacro(),
                        ct.precisionMacro(), ct.recallMacro(), va.logLoss(), va.rocAucOvrMacro(),
                        va.averagePrecisionMacro(), cv.precisionMacro(), cv.recallMacro(), seconds);
                history.add(r);
                boolean improved = r.valAuprc() > bestAp;
                if (improved) {
                    bestAp = r.valAuprc();
                    bestEpoch = epoch;
                    best = net.snapshot();
                }
                say(String.format(Locale.ROOT, "%s epoch %d/%d: loss %.5f auc_macro %.4f auprc_macro %.4f | val_loss "
                        + "%.5f val_auc_macro %.4f val_auprc_macro %.4f val_accuracy %.4f | %.2f s%s", s.id(), epoch,
                        o.epochs(), r.loss(), r.auc(), r.auprc(), r.valLoss(), r.valAuc(), r.valAuprc(),
                        cv.accuracy(), seconds, improved ? " *" : ""));
                if (epoch - bestEpoch >= o.patience()) {
                    say(String.format(Locale.ROOT, "%s: early stop after epoch %d; restoring epoch %d "
                            + "(val_auprc_macro %.4f)", s.id(), epoch, bestEpoch, bestAp));
                    break;
                }
            }
            net.restore(best);
            double[] pTest = net.classProbabilities(xTest, yTest.length);
            MulticlassEvaluation ev = MulticlassEvaluation.of(yTest, pTest, names, null);
            say(String.format(Locale.ROOT, "%s: best epoch %d, test roc_auc_ovr_macro %.4f, average_precision_macro "
                    + "%.4f, accuracy %.4f", s.id(), bestEpoch, ev.rocAucOvrMacro(), ev.averagePrecisionMacro(),
                    ev.accuracy()));
            if (outDir != null) {
                Path sd = outDir.resolve(s.id());
                Files.createDirectories(sd);
                SavedModel.saveMulticlass(sd, net, s, labelColumn, names, preprocessing, image);
                writeHistory(sd.resolve("history.csv"), history);
                writeScores(sd.resolve("test-scores.csv"), yTest, pTest, names);
                List<Curve> curves = new ArrayList<>();
                for (int c = 0; c < k; c++) {
                    CurveCsv.writeRoc(ev.rocCurve(c), sd.resolve("roc-" + fileSafe(names.get(c)) + ".csv"));
                    curves.add(Curve.roc(names.get(c), ev.rocCurve(c)));
                }
                ChartFiles.write(Charts.roc(curves, List.of(Curve.roc("micro average", ev.rocCurveMicro()),
                        Curve.roc("macro average", ev.rocCurveMacro())), null), sd.resolve("roc.svg"));
                EvaluationSummary summary = summary(ev);
                HtmlReport.builder().title("discern train " + s.id() + ": test split")
                        .multiclass(ev).summary(summary).metricsJson(SummaryJson.toText(summary))
                        .provenance("strategy", s.id()).provenance("best_epoch", Integer.toString(bestEpoch))
                        .provenance("seed", Long.toString(o.seed()))
                        .build().write(sd.resolve("report"), true);
            }
            return new Result(s, bestEpoch, history, initial, analytic, cw, ev);
        }
    }

    private static MulticlassEvaluation evaluate(Network net, float[] x, int[] y, List<String> names) {
        return MulticlassEvaluation.of(y, net.classProbabilities(x, y.length), names, null);
    }

    /** Mean over rows of w_y times -log_softmax(z)[y], in double. */
    static double objective(float[] logits, int[] y, int k, double[] cw) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                max = Math.max(max, logits[i * k + c]);
            }
            double lse = 0;
            for (int c = 0; c < k; c++) {
                lse += Math.exp(logits[i * k + c] - max);
            }
            sum += cw[y[i]] * (max + Math.log(lse) - logits[i * k + y[i]]);
        }
        return sum / y.length;
    }

    /** The test metrics: the summary of {@code discern evaluate} for multi-class predictions (default top-k). */
    static EvaluationSummary summary(MulticlassEvaluation ev) {
        return EvaluationSummary.multiclass(ev, SummaryOptions.defaults());
    }

    /**
     * The test metrics: exactly the JSON of {@code discern evaluate --format json} for multi-class
     * predictions ({@link SummaryJson}, top-2 and top-3 accuracy).
     */
    public static ObjectNode evaluationJson(MulticlassEvaluation ev) {
        return SummaryJson.of(summary(ev));
    }

    private static String fileSafe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void writeHistory(Path f, List<EpochRecord> h) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write(EpochRecord.CSV_HEADER + "\n");
            for (EpochRecord r : h) {
                w.write(r.epoch() + "," + String.join(",", CurveCsv.format(r.loss()), CurveCsv.format(r.auc()),
                        CurveCsv.format(r.auprc()), CurveCsv.format(r.precision()), CurveCsv.format(r.recall()),
                        CurveCsv.format(r.valLoss()), CurveCsv.format(r.valAuc()), CurveCsv.format(r.valAuprc()),
                        CurveCsv.format(r.valPrecision()), CurveCsv.format(r.valRecall()),
                        CurveCsv.format(r.seconds())) + "\n");
            }
        }
    }

    private static void writeScores(Path f, int[] y, double[] p, List<String> names) throws IOException {
        int k = names.size();
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            StringBuilder h = new StringBuilder("label");
            for (String nm : names) {
                h.append(",score_").append(nm);
            }
            w.write(h.append('\n').toString());
            for (int i = 0; i < y.length; i++) {
                StringBuilder sb = new StringBuilder(names.get(y[i]));
                for (int c = 0; c < k; c++) {
                    sb.append(',').append(p[i * k + c]);
                }
                w.write(sb.append('\n').toString());
            }
        }
    }

    private void say(String s) {
        if (progress != null) {
            progress.println(s);
            progress.flush();
        }
    }
}

package org.discern.train;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.discern.metrics.BinaryEvaluation;
import org.discern.metrics.ConfusionMatrix;

/**
 * Trains one network under one strategy on standardised data, with early stopping on validation
 * average precision; the returned network carries the weights of the best epoch.
 */
final class TrainingRun {
    private final Strategy strategy;
    private final float[] xTrain;
    private final boolean[] yTrain;
    private final float[] xVal;
    private final boolean[] yVal;
    private final int d;
    private final TrainOptions o;
    private final PrintWriter progress;
    private final boolean console;
    /** Test hook: sees the labels of every batch (a copy) before its step; null in production. */
    java.util.function.Consumer<float[]> batchLabels;

    /** Everything a finished run knows. The caller closes the network. */
    record Result(Strategy strategy, Network network, List<EpochRecord> history, int bestEpoch,
            double initialLoss, double analyticInitialLoss, double trainingPrior, double outputBias,
            double[] objectiveWeights) {
    }

    TrainingRun(Strategy strategy, float[] xTrain, boolean[] yTrain, float[] xVal, boolean[] yVal, int d,
            TrainOptions o, PrintWriter progress, boolean console) {
        this.strategy = strategy;
        this.xTrain = xTrain;
        this.yTrain = yTrain;
        this.xVal = xVal;
        this.yVal = yVal;
        this.d = d;
        this.o = o;
        this.progress = progress;
        this.console = console;
    }

    private static int count(boolean[] y) {
        int p = 0;
        for (boolean b : y) {
            if (b) {
                p++;
            }
        }
        return p;
    }

    /**
     * Weights of the training objective per class {w0, w1}: the given or default class weights
     * for {@link Strategy#WEIGHTED}; for resampling strategies the weights that make the original
     * split balanced, which is what the balanced batches estimate; 1 and 1 for the baseline.
     */
    static double[] objectiveWeights(Strategy s, int n0, int n1, double[] given) {
        int n = n0 + n1;
        switch (s) {
            case BASELINE:
                return new double[] {1, 1};
            case WEIGHTED:
                return given != null ? given.clone() : new double[] {n / (2.0 * n0), n / (2.0 * n1)};
            default:
                return new double[] {n / (2.0 * n0), n / (2.0 * n1)};
        }
    }

    /** -p ln p - (1 - p) ln(1 - p). */
    static double entropy(double p) {
        return -(p * Math.log(p) + (1 - p) * Math.log1p(-p));
    }

    Result run() {
        int n = yTrain.length;
        int n1 = count(yTrain);
        int n0 = n - n1;
        if (n1 == 0 || n0 == 0) {
            throw new IllegalArgumentException("the training split needs both classes, has " + n1 + " positives and "
                    + n0 + " negatives");
        }
        double[] cw = objectiveWeights(strategy, n0, n1, o.classWeights());
        double wTotal = cw[0] * n0 + cw[1] * n1;
        double prior = cw[1] * n1 / wTotal;
        double analytic = wTotal / n * entropy(prior);
        double bias = o.biasInit() == TrainOptions.BiasInit.PRIOR ? Math.log(prior / (1 - prior)) : 0;

        // the rows the batches are drawn from: the split itself, or the split plus SMOTE rows
        float[] xs = xTrain;
        boolean[] ys = yTrain;
        SplittableRandom random = new SplittableRandom(o.seed() * 0x9E3779B97F4A7C15L + strategy.ordinal());
        if (strategy == Strategy.SMOTE) {
            Smote.Augmented a = Smote.augment(xTrain, yTrain, d, o.smoteNeighbours(), random);
            xs = a.x();
            ys = a.y();
        }
        int rows = ys.length;
        float[] rowWeight = null;
        if (strategy == Strategy.WEIGHTED) {
            rowWeight = new float[rows];
            for (int i = 0; i < rows; i++) {
                rowWeight[i] = (float) (ys[i] ? cw[1] : cw[0]);
            }
        }
        int[] positives = new int[count(ys)];
        int[] negatives = new int[rows - positives.length];
        for (int i = 0, a = 0, b = 0; i < rows; i++) {
            if (ys[i]) {
                positives[a++] = i;
            } else {
                negatives[b++] = i;
            }
        }

        DjlRuntime.seed(o.seed());
        Network net = Network.forTraining(o.network(d), o.learningRate());
        try {
            net.setOutputBias(new float[] {(float) bias});
            double initial = objective(net.logits(xTrain, n), yTrain, cw);
            line(String.format(Locale.ROOT, "%s: initial loss %.5f, analytic %.5f (-p0 ln p0 - (1-p0) ln(1-p0)"
                    + "%s, p0 = %.5f), output bias %.4f", strategy.id(), initial, analytic,
                    wTotal == n ? "" : String.format(Locale.ROOT, " times %.4f", wTotal / n), prior, bias));

            int batch = o.batchSize();
            float[] xb = new float[batch * d];
            float[] yb = new float[batch];
            float[] wb = rowWeight == null ? null : new float[batch];
            List<EpochRecord> history = new ArrayList<>();
            float[][] best = net.snapshot();
            double bestAuprc = Double.NEGATIVE_INFINITY;
            int bestEpoch = 0;
            int[] order = new int[rows];
            for (int i = 0; i < rows; i++) {
                order[i] = i;
            }
            int posCursor = positives.length; // forces a shuffle on first use
            for (int epoch = 1; epoch <= o.epochs(); epoch++) {
                long t0 = System.nanoTime();
                double lossSum = 0;
                long lossRows = 0;
                if (strategy == Strategy.OVERSAMPLED) {
                    shuffle(negatives, negatives.length, random);
                    int half = batch / 2;
                    int steps = (negatives.length + half - 1) / half;
                    for (int s = 0; s < steps; s++) {
                        int k = Math.min(half, negatives.length - s * half);
                        int m = 0;
                        for (int i = 0; i < k; i++) {
                            m = put(xs, ys, rowWeight, negatives[s * half + i], xb, yb, wb, m);
                            if (posCursor == positives.length) {
                                shuffle(positives, positives.length, random);
                                posCursor = 0;
                            }
                            m = put(xs, ys, rowWeight, positives[posCursor++], xb, yb, wb, m);
                        }
                        observe(yb, m);
                        lossSum += net.trainStep(xb, yb, wb, m) * m;
                        lossRows += m;
                        batchProgress(epoch, s + 1, steps);
                    }
                } else {
                    int[] pick = order;
                    int count = rows;
                    if (strategy == Strategy.UNDERSAMPLED) {
                        // all positives, then a fresh sample of as many negatives
                        int kn = Math.min(positives.length, negatives.length);
                        sample(negatives, kn, random);
                        pick = new int[positives.length + kn];
                        System.arraycopy(positives, 0, pick, 0, positives.length);
                        System.arraycopy(negatives, 0, pick, positives.length, kn);
                        count = pick.length;
                    }
                    shuffle(pick, count, random);
                    int steps = (count + batch - 1) / batch;
                    for (int s = 0; s < steps; s++) {
                        int m = 0;
                        for (int i = s * batch; i < Math.min(count, (s + 1) * batch); i++) {
                            m = put(xs, ys, rowWeight, pick[i], xb, yb, wb, m);
                        }
                        observe(yb, m);
                        lossSum += net.trainStep(xb, yb, wb, m) * m;
                        lossRows += m;
                        batchProgress(epoch, s + 1, steps);
                    }
                }
                BinaryEvaluation tr = BinaryEvaluation.of(net.positiveProbabilities(xTrain, n), yTrain);
                BinaryEvaluation va = BinaryEvaluation.of(net.positiveProbabilities(xVal, yVal.length), yVal);
                ConfusionMatrix ct = tr.confusionAt(0.5);
                ConfusionMatrix cv = va.confusionAt(0.5);
                double seconds = (System.nanoTime() - t0) / 1e9;
                EpochRecord r = new EpochRecord(epoch, lossSum / lossRows, tr.rocAuc(), tr.averagePrecision(),
                        ct.precision(), ct.recall(), va.logLoss(), va.rocAuc(), va.averagePrecision(),
                        cv.precision(), cv.recall(), seconds);
                history.add(r);
                boolean improved = r.valAuprc() > bestAuprc;
                if (improved) {
                    bestAuprc = r.valAuprc();
                    bestEpoch = epoch;
                    best = net.snapshot();
                }
                line(String.format(Locale.ROOT, "%s epoch %d/%d: loss %.5f auc %.4f auprc %.4f | val_loss %.5f "
                        + "val_auc %.4f val_auprc %.4f val_precision %.4f val_recall %.4f | %.2f s%s",
                        strategy.id(), epoch, o.epochs(), r.loss(), r.auc(), r.auprc(), r.valLoss(), r.valAuc(),
                        r.valAuprc(), r.valPrecision(), r.valRecall(), seconds, improved ? " *" : ""));
                if (epoch - bestEpoch >= o.patience()) {
                    line(String.format(Locale.ROOT, "%s: early stop after epoch %d; restoring epoch %d "
                            + "(val_auprc %.4f)", strategy.id(), epoch, bestEpoch, bestAuprc));
                    break;
                }
            }
            net.restore(best);
            return new Result(strategy, net, List.copyOf(history), bestEpoch, initial, analytic, prior, bias, cw);
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
    }

    private void observe(float[] yb, int m) {
        if (batchLabels != null) {
            batchLabels.accept(java.util.Arrays.copyOf(yb, m));
        }
    }

    /** Mean over rows of w_y times the binary cross-entropy of the logit, in double. */
    static double objective(float[] logits, boolean[] y, double[] cw) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double z = logits[i];
            double l = Math.max(z, 0) - (y[i] ? z : 0) + Math.log1p(Math.exp(-Math.abs(z)));
            sum += (y[i] ? cw[1] : cw[0]) * l;
        }
        return sum / y.length;
    }

    private int put(float[] xs, boolean[] ys, float[] rowWeight, int row, float[] xb, float[] yb, float[] wb,
            int m) {
        System.arraycopy(xs, row * d, xb, m * d, d);
        yb[m] = ys[row] ? 1 : 0;
        if (wb != null) {
            wb[m] = rowWeight[row];
        }
        return m + 1;
    }

    /** Fisher-Yates shuffle of the first {@code count} entries. */
    static void shuffle(int[] a, int count, SplittableRandom random) {
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Partial Fisher-Yates: the first {@code k} entries become a uniform sample without replacement. */
    static void sample(int[] a, int k, SplittableRandom random) {
        int n = a.length;
        for (int i = 0; i < k && i < n - 1; i++) {
            int j = i + random.nextInt(n - i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private void batchProgress(int epoch, int step, int steps) {
        if (progress != null && console && (step % 10 == 0 || step == steps)) {
            progress.print(String.format(Locale.ROOT, "\r%s epoch %d/%d: batch %d/%d", strategy.id(), epoch,
                    o.epochs(), step, steps));
            progress.flush();
        }
    }

    private void line(String s) {
        if (progress != null) {
            progress.println(console ? "\r" + s + "\u001B[K" : s);
            progress.flush();
        }
    }
}

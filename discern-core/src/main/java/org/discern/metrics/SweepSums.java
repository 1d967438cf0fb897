package org.discern.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.discern.metrics.internal.Checks;
import org.discern.metrics.internal.Weights;

/**
 * The areas and threshold numbers of a binary evaluation, summed over one contiguous run of the
 * operating-point table at a time, for tables too large to hold in one place (a distributed
 * evaluation: each partition holds a range of distinct scores).
 *
 * <p>The table is the one of {@link OperatingPoints}: distinct scores descending, cumulative
 * counts. A run is given as a {@link ScoreCounts} (its entries are consecutive rows of the whole
 * table) and the {@link Start} of the run: the number of rows above it and the cumulative counts
 * there. With the totals P and N of the whole table, each run's sums are independent;
 * {@link #combine} adds the sums of consecutive runs (in table order), and the combined sums give
 * the same numbers as {@link BinaryEvaluation} on the whole table: the same formulas on the same
 * counts, only the additions grouped per run (exact without weights for the ROC AUC, which sums
 * whole numbers; to rounding otherwise).
 *
 * <pre>{@code
 * // runs r = 0..R-1 in descending score order; offsets from their totals
 * SweepSums all = null;
 * for (int r = 0; r < runs.length; r++) {
 *     SweepSums s = SweepSums.of(runs[r], starts[r], totals, 0.1, new double[] {0.5});
 *     all = all == null ? s : all.combine(s);
 * }
 * double auc = all.rocAuc();
 * }</pre>
 *
 * <p>Instances are immutable.
 * {@link java.io.Serializable}, so that a distributed engine can ship it between processes.
 */
public final class SweepSums implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Where a run starts: the rows of the whole table above it.
     *
     * @param index number of table rows (distinct scores) above the run
     * @param truePositives cumulative positive weight of those rows
     * @param falsePositives cumulative negative weight of those rows
     */
    public record Start(long index, double truePositives, double falsePositives) implements java.io.Serializable {
        /** The start of the first run. */
        public static final Start FIRST = new Start(0, 0, 0);

        /** The start of the run after one that starts here and holds {@code run}. */
        public Start after(ScoreCounts run) {
            double tp = truePositives;
            double fp = falsePositives;
            for (int i = 0; i < run.size(); i++) {
                tp += run.positiveWeight(i);
                fp += run.negativeWeight(i);
            }
            return new Start(index + run.size(), tp, fp);
        }
    }

    /**
     * The totals of the whole table.
     *
     * @param positives total positive weight P
     * @param negatives total negative weight N
     * @param positiveRows number of positive samples (for DeLong's check of two per class)
     * @param negativeRows number of negative samples
     */
    public record Totals(double positives, double negatives, long positiveRows, long negativeRows)
            implements java.io.Serializable {
    }

    private final Totals totals;
    private final double maxFpr;
    private final double[] thresholds;
    // sum over rows of (fp - fpPrev) * (tp + tpPrev): twice the ROC area in count units
    private final double twiceAuc;
    // step-wise average precision, and the Davis-Goadrich and trapezoid PR areas (unnormalised)
    private final double averagePrecision;
    private final double interpolatedArea;
    private final double trapezoidArea;
    // the largest |TPR - FPR| of the run, and the threshold where it is first reached (-1, NaN: none)
    private final double ksBest;
    private final double ksAt;
    // partial ROC area (rate units) up to maxFpr, whether the run crossed maxFpr, and its last point
    private final double partialArea;
    private final boolean crossed;
    private final double lastFpr;
    private final double lastTpr;
    // cumulative counts at the last row scoring >= thresholds[j], if the run has one
    private final double[] cmTp;
    private final double[] cmFp;
    private final boolean[] cmFound;
    // weighted mean and sum of squared deviations of the placements of positives (10) and negatives (01)
    private final double w10;
    private final double mean10;
    private final double m2of10;
    private final double w01;
    private final double mean01;
    private final double m2of01;
    // whether every score of the run is in [0, 1]; if so, sum of w * log loss and of w * (s - y)^2
    private final boolean probabilities;
    private final double lossSum;
    private final double squareSum;

    private SweepSums(Totals totals, double maxFpr, double[] thresholds, double twiceAuc, double averagePrecision,
            double interpolatedArea, double trapezoidArea, double ksBest, double ksAt, double partialArea,
            boolean crossed, double lastFpr, double lastTpr, double[] cmTp, double[] cmFp, boolean[] cmFound,
            double w10, double mean10, double m2of10, double w01, double mean01, double m2of01, boolean probabilities,
            double lossSum, double squareSum) {
        this.totals = totals;
        this.maxFpr = maxFpr;
        this.thresholds = thresholds;
        this.twiceAuc = twiceAuc;
        this.averagePrecision = averagePrecision;
        this.interpolatedArea = interpolatedArea;
        this.trapezoidArea = trapezoidArea;
        this.ksBest = ksBest;
        this.ksAt = ksAt;
        this.partialArea = partialArea;
        this.crossed = crossed;
        this.lastFpr = lastFpr;
        this.lastTpr = lastTpr;
        this.cmTp = cmTp;
        this.cmFp = cmFp;
        this.cmFound = cmFound;
        this.w10 = w10;
        this.mean10 = mean10;
        this.m2of10 = m2of10;
        this.w01 = w01;
        this.mean01 = mean01;
        this.m2of01 = m2of01;
        this.probabilities = probabilities;
        this.lossSum = lossSum;
        this.squareSum = squareSum;
    }

    /**
     * The sums of one run.
     *
     * @param run consecutive rows of the whole table
     * @param start the rows above the run
     * @param totals the totals of the whole table
     * @param maxFpr the FPR limit of the partial ROC AUC, in (0, 1], or NaN for none
     * @param thresholds decision thresholds whose confusion matrices are wanted (not NaN)
     */
    public static SweepSums of(ScoreCounts run, Start start, Totals totals, double maxFpr, double[] thresholds) {
        Checks.notNull(run, "run");
        Checks.notNull(start, "start");
        Checks.notNull(totals, "totals");
        Checks.notNull(thresholds, "thresholds");
        if (!Double.isNaN(maxFpr) && !(maxFpr > 0 && maxFpr <= 1)) {
            throw new IllegalArgumentException("maxFpr must be in (0, 1] or NaN, got " + maxFpr);
        }
        for (int j = 0; j < thresholds.length; j++) {
            if (Double.isNaN(thresholds[j])) {
                throw new IllegalArgumentException("thresholds[" + j + "] must not be NaN");
            }
        }
        // extreme weights: every weight times one power of two, chosen from the totals (the same
        // in every run, exact), as ScoreCounts' views do
        double f = Weights.scaleFor(Math.max(totals.positives(), totals.negatives()));
        if (f != 1) {
            run = run.scaledBy(f);
            start = new Start(start.index(), start.truePositives() * f, start.falsePositives() * f);
            totals = new Totals(totals.positives() * f, totals.negatives() * f, totals.positiveRows(),
                    totals.negativeRows());
        }
        final double p = totals.positives();
        final double n = totals.negatives();
        double tpPrev = start.truePositives();
        double fpPrev = start.falsePositives();
        boolean first = start.index() == 0;
        double twice = 0;
        double ap = 0;
        double prevRecall = tpPrev / p;
        double interp = 0;
        double trap = 0;
        double prevPrecision = first ? 1 : precision(tpPrev, fpPrev);
        double prevPrRecall = first ? 0 : tpPrev / p;
        double ksBest = -1;
        double ksAt = Double.NaN;
        double partial = 0;
        boolean crossed = false;
        double prevFpr = fpPrev / n;
        double prevTpr = tpPrev / p;
        int t = thresholds.length;
        double[] cmTp = new double[t];
        double[] cmFp = new double[t];
        boolean[] cmFound = new boolean[t];
        double w10 = 0;
        double mean10 = 0;
        double m2of10 = 0;
        double w01 = 0;
        double mean01 = 0;
        double m2of01 = 0;
        boolean probabilities = run.score(0) <= 1 && run.score(run.size() - 1) >= 0;
        double loss = 0;
        double squares = 0;
        for (int i = 0; i < run.size(); i++) {
            double s = run.score(i);
            double tpc = run.positiveWeight(i);
            double fpc = run.negativeWeight(i);
            double tp = tpPrev + tpc;
            double fp = fpPrev + fpc;
            // ROC area, as BinaryEvaluation.rocAuc
            twice += (fp - fpPrev) * (tp + tpPrev);
            // average precision, as BinaryEvaluation.averagePrecision
            double predicted = tp + fp;
            double recall = tp / p;
            if (recall != prevRecall) {
                ap += (recall - prevRecall) * (tp / predicted);
            }
            prevRecall = recall;
            // Davis-Goadrich area, as BinaryEvaluation.prAucInterpolated
            double dTp = tp - tpPrev;
            if (dTp > 0) {
                double m = 1 + (fp - fpPrev) / dTp;
                double c = tpPrev + fpPrev;
                interp += c == 0 ? dTp / m : dTp / m + (tpPrev - c / m) / m * Math.log1p(m * dTp / c);
            }
            // trapezoid over the PR points, as BinaryEvaluation.prAucTrapezoid
            double precision = precision(tp, fp);
            double prRecall = p == 0 ? Double.NaN : tp / p;
            trap += (prRecall - prevPrRecall) * (precision + prevPrecision) / 2;
            prevPrecision = precision;
            prevPrRecall = prRecall;
            // KS, as BinaryEvaluation.ks and ksThreshold
            double d = Math.abs(tp / p - fp / n);
            if (d > ksBest) {
                ksBest = d;
                ksAt = s;
            }
            // partial ROC area up to maxFpr, as BinaryEvaluation.partialRocAuc
            double fpr = fp / n;
            double tpr = tp / p;
            if (!Double.isNaN(maxFpr) && !crossed && prevFpr <= maxFpr) {
                if (fpr <= maxFpr) {
                    partial += (fpr - prevFpr) * (tpr + prevTpr) / 2;
                } else {
                    double yEnd = prevTpr + (maxFpr - prevFpr) * (tpr - prevTpr) / (fpr - prevFpr);
                    partial += (maxFpr - prevFpr) * (yEnd + prevTpr) / 2;
                    crossed = true;
                }
            }
            prevFpr = fpr;
            prevTpr = tpr;
            // confusion matrices: the last row scoring >= each threshold
            for (int j = 0; j < t; j++) {
                if (s >= thresholds[j]) {
                    cmTp[j] = tp;
                    cmFp[j] = fp;
                    cmFound[j] = true;
                }
            }
            // DeLong placements, as DeLong.auc (weighted running mean and squared deviations)
            if (tpc > 0) {
                double v10 = (n - fp + 0.5 * fpc) / n;
                w10 += tpc;
                double delta = v10 - mean10;
                mean10 += delta * tpc / w10;
                m2of10 += tpc * delta * (v10 - mean10);
            }
            if (fpc > 0) {
                double v01 = (tpPrev + 0.5 * tpc) / p;
                w01 += fpc;
                double delta = v01 - mean01;
                mean01 += delta * fpc / w01;
                m2of01 += fpc * delta * (v01 - mean01);
            }
            // log loss and Brier score, as ScoreCounts.toEvaluation
            if (probabilities) {
                loss += tpc * ProbabilityMetrics.lossTerm(s, true) + fpc * ProbabilityMetrics.lossTerm(s, false);
                squares += tpc * (s - 1) * (s - 1) + fpc * s * s;
            }
            tpPrev = tp;
            fpPrev = fp;
        }
        return new SweepSums(totals, maxFpr, thresholds.clone(), twice, ap, interp, trap, ksBest, ksAt, partial,
                crossed, prevFpr, prevTpr, cmTp, cmFp, cmFound, w10, mean10, m2of10, w01, mean01, m2of01,
                probabilities, probabilities ? loss : Double.NaN, probabilities ? squares : Double.NaN);
    }

    private static double precision(double tp, double fp) {
        double predicted = tp + fp;
        return predicted == 0 ? 0 : tp / predicted;
    }

    /**
     * The sums of this run followed by the run {@code next} (the rows right below it).
     *
     * @throws IllegalArgumentException when the two were computed with other totals, FPR limit or
     *     thresholds
     */
    public SweepSums combine(SweepSums next) {
        Checks.notNull(next, "next");
        if (!totals.equals(next.totals) || Double.compare(maxFpr, next.maxFpr) != 0
                || !Arrays.equals(thresholds, next.thresholds)) {
            throw new IllegalArgumentException("sums of runs with other totals, maxFpr or thresholds cannot be "
                    + "combined");
        }
        int t = thresholds.length;
        double[] tp = cmTp.clone();
        double[] fp = cmFp.clone();
        boolean[] found = cmFound.clone();
        for (int j = 0; j < t; j++) {
            if (next.cmFound[j]) {
                tp[j] = next.cmTp[j];
                fp[j] = next.cmFp[j];
                found[j] = true;
            }
        }
        boolean later = next.ksBest > ksBest;
        double[] pos = pooled(w10, mean10, m2of10, next.w10, next.mean10, next.m2of10);
        double[] neg = pooled(w01, mean01, m2of01, next.w01, next.mean01, next.m2of01);
        return new SweepSums(totals, maxFpr, thresholds, twiceAuc + next.twiceAuc,
                averagePrecision + next.averagePrecision, interpolatedArea + next.interpolatedArea,
                trapezoidArea + next.trapezoidArea, later ? next.ksBest : ksBest, later ? next.ksAt : ksAt,
                partialArea + next.partialArea, crossed || next.crossed, next.lastFpr, next.lastTpr, tp, fp, found,
                pos[0], pos[1], pos[2], neg[0], neg[1], neg[2], probabilities && next.probabilities,
                lossSum + next.lossSum, squareSum + next.squareSum);
    }

    /** Chan et al.'s pairwise update of a weighted mean and sum of squared deviations. */
    private static double[] pooled(double wa, double ma, double m2a, double wb, double mb, double m2b) {
        if (wb == 0) {
            return new double[] {wa, ma, m2a};
        }
        if (wa == 0) {
            return new double[] {wb, mb, m2b};
        }
        double w = wa + wb;
        double delta = mb - ma;
        return new double[] {w, ma + delta * wb / w, m2a + m2b + delta * delta * wa * wb / w};
    }

    private boolean twoClasses() {
        return totals.positives() > 0 && totals.negatives() > 0;
    }

    /** As {@link BinaryEvaluation#scoresAreProbabilities()}. */
    public boolean scoresAreProbabilities() {
        return probabilities;
    }

    /** As {@link BinaryEvaluation#logLoss()}: NaN unless every score is in [0, 1]. */
    public double logLoss() {
        return probabilities ? lossSum / (totals.positives() + totals.negatives()) : Double.NaN;
    }

    /** As {@link BinaryEvaluation#brierScore()}: NaN unless every score is in [0, 1]. */
    public double brierScore() {
        return probabilities ? squareSum / (totals.positives() + totals.negatives()) : Double.NaN;
    }

    /** As {@link BinaryEvaluation#warnings()} of the whole table. */
    public List<String> warnings() {
        return warnings(0);
    }

    /**
     * As {@link BinaryEvaluation#warnings()} of the whole table when {@code zeroWeightRows} rows
     * of weight 0 were left out of it.
     */
    public List<String> warnings(long zeroWeightRows) {
        List<String> w = new ArrayList<>(BinaryEvaluation.inputWarnings(probabilities, zeroWeightRows));
        String oneClass = BinaryEvaluation.oneClassWarning(totals.positives(), totals.negatives());
        if (oneClass != null) {
            w.add(oneClass);
        }
        return List.copyOf(w);
    }

    /** As {@link BinaryEvaluation#rocAuc()}; NaN when a class is absent. */
    public double rocAuc() {
        return twoClasses() ? twiceAuc / (2 * totals.positives() * totals.negatives()) : Double.NaN;
    }

    /** Without negatives every precision is 1: average precision and both PR areas are 1 (as scikit-learn). */
    private boolean onlyPositives() {
        return totals.negatives() == 0 && totals.positives() > 0;
    }

    /** As {@link BinaryEvaluation#averagePrecision()}: 1 without negatives, NaN without positives. */
    public double averagePrecision() {
        return onlyPositives() ? 1 : twoClasses() ? averagePrecision : Double.NaN;
    }

    /** As {@link BinaryEvaluation#prAucInterpolated()}. */
    public double prAucInterpolated() {
        return onlyPositives() ? 1 : twoClasses() ? interpolatedArea / totals.positives() : Double.NaN;
    }

    /** As {@link BinaryEvaluation#prAucTrapezoid()}. */
    public double prAucTrapezoid() {
        return onlyPositives() ? 1 : twoClasses() ? trapezoidArea : Double.NaN;
    }

    /** As {@link BinaryEvaluation#ks()}. */
    public double ks() {
        return twoClasses() ? Math.max(0, ksBest) : Double.NaN;
    }

    /** As {@link BinaryEvaluation#ksThreshold()}. */
    public double ksThreshold() {
        return twoClasses() ? ksAt : Double.NaN;
    }

    /**
     * As {@link BinaryEvaluation#partialRocAuc(double)} at the FPR limit given to {@link #of}.
     *
     * @throws IllegalStateException when no limit was given
     */
    public double partialRocAuc() {
        if (Double.isNaN(maxFpr)) {
            throw new IllegalStateException("no maxFpr was given to the sums");
        }
        if (!twoClasses()) {
            return Double.NaN;
        }
        if (maxFpr == 1) {
            return rocAuc();
        }
        double area = partialArea;
        if (!crossed) {
            area += (maxFpr - lastFpr) * (lastTpr + lastTpr) / 2;
        }
        double minArea = 0.5 * maxFpr * maxFpr;
        return 0.5 * (1 + (area - minArea) / (maxFpr - minArea));
    }

    /**
     * The confusion matrix at {@code thresholds[j]} of {@link #of}, as
     * {@link BinaryEvaluation#confusionAt(double)}.
     */
    public ConfusionMatrix confusionAt(int j) {
        double tp = cmFound[j] ? cmTp[j] : 0;
        double fp = cmFound[j] ? cmFp[j] : 0;
        return ConfusionMatrix.of(tp, fp, totals.negatives() - fp, totals.positives() - tp);
    }

    /**
     * DeLong's variance of the ROC AUC, as {@link DeLong#auc(OperatingPoints)}: the placements of
     * each distinct score come from the cumulative counts at its run's start, their squared
     * deviations are pooled across runs (Chan et al.), so no run needs the AUC in advance.
     */
    public DeLongAuc deLong() {
        double pw = totals.positives();
        double nw = totals.negatives();
        double auc = rocAuc();
        List<String> warnings = DeLong.shortness(clampRows(totals.positiveRows()), clampRows(totals.negativeRows()),
                pw, nw);
        if (!warnings.isEmpty()) {
            return new DeLongAuc(auc, Double.NaN, pw, nw, warnings);
        }
        // squared deviations about the AUC itself, as DeLong.auc centres them
        double ss10 = m2of10 + w10 * (mean10 - auc) * (mean10 - auc);
        double ss01 = m2of01 + w01 * (mean01 - auc) * (mean01 - auc);
        double variance = ss10 / ((pw - 1) * pw) + ss01 / ((nw - 1) * nw);
        return new DeLongAuc(auc, variance, pw, nw, new ArrayList<>());
    }

    private static int clampRows(long rows) {
        return (int) Math.min(rows, Integer.MAX_VALUE);
    }

    /**
     * The DeLong placement values of a run's distinct scores: {@code [v10, v01]}, where
     * {@code v10[i]} is the placement of a positive scoring {@code run.score(i)} (the share of
     * negative weight below it, ties one half) and {@code v01[i]} that of a negative (the share of
     * positive weight above it, ties one half), as in {@link DeLong}. Joined back to the samples
     * by score, they give the paired test's covariance ({@link DeLong#pairedFromSums}).
     */
    public static double[][] placements(ScoreCounts run, Start start, Totals totals) {
        Checks.notNull(run, "run");
        double p = totals.positives();
        double n = totals.negatives();
        double tpPrev = start.truePositives();
        double fpPrev = start.falsePositives();
        double[] v10 = new double[run.size()];
        double[] v01 = new double[run.size()];
        for (int i = 0; i < run.size(); i++) {
            double tpc = run.positiveWeight(i);
            double fpc = run.negativeWeight(i);
            double fp = fpPrev + fpc;
            v10[i] = (n - fp + 0.5 * fpc) / n;
            v01[i] = (tpPrev + 0.5 * tpc) / p;
            tpPrev += tpc;
            fpPrev = fp;
        }
        return new double[][] {v10, v01};
    }

    @Override
    public String toString() {
        return "SweepSums[rocAuc=" + rocAuc() + ", averagePrecision=" + averagePrecision() + "]";
    }
}

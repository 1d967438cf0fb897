package org.discern.metrics;

import java.util.ArrayList;
import java.util.List;

import org.discern.metrics.internal.Checks;
import org.discern.metrics.internal.Weights;

/**
 * The multi-class evaluation of tables too large to hold in one place: the K score columns'
 * {@link ClassScoreCounts} cut at common score boundaries into runs (a distributed engine's
 * score ranges), each run summed on its own from its start offsets, the sums combined. Every
 * number of {@link MulticlassEvaluation} (to rounding; without weights the per-class and micro
 * ROC AUCs and the one-vs-one sums are sums of whole numbers and halves: exact), but no full
 * curve.
 *
 * <ol>
 *   <li>Each run r holds, for every column j, the entries of column j scoring in the run's
 *       range (null where there are none): {@link RunTotals#of} gives its sizes and class totals.</li>
 *   <li>{@link Plan#of} takes the R runs' totals in descending score order and computes every
 *       run's start offsets (prefix sums: K + 1 numbers per run and column) and the tables'
 *       totals.</li>
 *   <li>{@link #sweep} sums one run from its offsets: per class the one-vs-rest
 *       {@link SweepSums} of column j, the pooled (micro) {@link SweepSums} of the K columns
 *       together, and column j's one-vs-one Mann-Whitney sums against every class (from the
 *       class-j weight above the run).</li>
 *   <li>{@link #of} combines the R runs' sums in order, with the {@link ArgmaxCounts} (confusion
 *       matrix, top-k, log loss: sums over rows, no sort).</li>
 * </ol>
 *
 * <p>Memory: a run holds its entries and their one-vs-rest views; the driver of a distributed
 * engine holds R {@link RunTotals} and R {@link Run}s of K + 1 sums and P x P one-vs-one sums
 * (P &lt;= min(n, K) classes with samples, as {@link MulticlassEvaluation}).
 *
 * <p>Instances are immutable.
 */
public final class MulticlassSweep implements MulticlassNumbers {
    private final List<String> classes;
    private final int rows;
    private final boolean weighted;
    // per class, the combined one-vs-rest sums of its column; the pooled sums of all columns
    private final SweepSums[] perClass;
    private final SweepSums pooled;
    private final OneVsOne pairs;
    // ovo[slot(a)][slot(b)]: one-vs-one sum of column a, class a above class b (scaled weights)
    private final double[][] ovo;
    // support[c] = summed (scaled) weight of class c
    private final double[] support;
    private final double totalWeight;
    private final MulticlassConfusionMatrix confusion;
    private final double[] rankWeight;
    private final double logLoss;
    private final List<String> warnings;
    private final int runs;

    private MulticlassSweep(int runs, List<String> classes, int rows, boolean weighted, SweepSums[] perClass, SweepSums pooled,
            OneVsOne pairs, double[][] ovo, double[] support, double totalWeight, MulticlassConfusionMatrix confusion,
            double[] rankWeight, double logLoss, List<String> warnings) {
        this.runs = runs;
        this.classes = classes;
        this.rows = rows;
        this.weighted = weighted;
        this.perClass = perClass;
        this.pooled = pooled;
        this.pairs = pairs;
        this.ovo = ovo;
        this.support = support;
        this.totalWeight = totalWeight;
        this.confusion = confusion;
        this.rankWeight = rankWeight;
        this.logLoss = logLoss;
        this.warnings = warnings;
    }

    /**
     * What one run adds to the tables: per column j (index j) and for the pooled table (index
     * K), the number of distinct scores, the positive and negative weight and rows. Positives of
     * column j are the samples of class j.
     */
    public static final class RunTotals implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        final long[] distinct;
        final double[] positives;
        final double[] negatives;
        final long[] positiveRows;
        final long[] negativeRows;
        final long entries;

        private RunTotals(long[] distinct, double[] positives, double[] negatives, long[] positiveRows,
                long[] negativeRows, long entries) {
            this.distinct = distinct;
            this.positives = positives;
            this.negatives = negatives;
            this.positiveRows = positiveRows;
            this.negativeRows = negativeRows;
            this.entries = entries;
        }

        /**
         * The totals of a run.
         *
         * @param run per column j the entries of column j in the run's score range, or null when
         *     it has none; K = its length (at least 2), every non-null entry of K classes
         */
        public static RunTotals of(ClassScoreCounts[] run) {
            int k = checkRun(run);
            long[] distinct = new long[k + 1];
            double[] pos = new double[k + 1];
            double[] neg = new double[k + 1];
            long[] posRows = new long[k + 1];
            long[] negRows = new long[k + 1];
            long entries = 0;
            ScoreCounts[] ovr = oneVsRest(run);
            for (int j = 0; j <= k; j++) {
                ScoreCounts c = j < k ? ovr[j] : pooledOf(ovr);
                if (c != null) {
                    SweepSums.Start after = SweepSums.Start.FIRST.after(c);
                    distinct[j] = c.size();
                    pos[j] = after.truePositives();
                    neg[j] = after.falsePositives();
                    posRows[j] = c.positiveRows();
                    negRows[j] = c.rows() - c.positiveRows();
                }
                if (j < k && run[j] != null) {
                    entries += run[j].size();
                }
            }
            return new RunTotals(distinct, pos, neg, posRows, negRows, entries);
        }

        /** Number of (score, class) entries of the run over all columns. */
        public long entries() {
            return entries;
        }
    }

    /**
     * Where every run starts and what the whole tables hold: made from the runs' totals in
     * descending score order (prefix sums), shipped to every run's {@link #sweep}.
     */
    public static final class Plan implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final int k;
        // starts[r][j]: the rows of table j (column j, or the pooled table at j = K) above run r
        private final SweepSums.Start[][] starts;
        private final SweepSums.Totals[] totals;
        // every weight times this power of two for the one-vs-one sums (as MulticlassCounts)
        private final double scale;
        private final long distinctScores;
        // the classes with samples: the one-vs-one sums are kept for them only
        private final OneVsOne pairs;

        private Plan(int k, SweepSums.Start[][] starts, SweepSums.Totals[] totals, double scale, long distinctScores) {
            this.k = k;
            boolean[] hasRows = new boolean[k];
            for (int c = 0; c < k; c++) {
                hasRows[c] = totals[c].positiveRows() > 0;
            }
            this.pairs = OneVsOne.ofPresent(hasRows);
            this.distinctScores = distinctScores;
            this.starts = starts;
            this.totals = totals;
            this.scale = scale;
        }

        /**
         * The plan of runs with these totals, in descending score order.
         *
         * @throws IllegalArgumentException when the list is empty or the runs hold no entry
         */
        public static Plan of(List<RunTotals> runs) {
            Checks.notNull(runs, "runs");
            Checks.nonEmpty(runs.size(), "runs");
            int k = runs.get(0).distinct.length - 1;
            SweepSums.Start[][] starts = new SweepSums.Start[runs.size()][k + 1];
            SweepSums.Start[] at = new SweepSums.Start[k + 1];
            java.util.Arrays.fill(at, SweepSums.Start.FIRST);
            long[] posRows = new long[k + 1];
            long[] negRows = new long[k + 1];
            for (int r = 0; r < runs.size(); r++) {
                RunTotals t = runs.get(r);
                if (t.distinct.length != k + 1) {
                    throw new IllegalArgumentException("runs[" + r + "] has " + (t.distinct.length - 1)
                            + " columns, expected " + k);
                }
                for (int j = 0; j <= k; j++) {
                    starts[r][j] = at[j];
                    at[j] = new SweepSums.Start(at[j].index() + t.distinct[j], at[j].truePositives() + t.positives[j],
                            at[j].falsePositives() + t.negatives[j]);
                    posRows[j] += t.positiveRows[j];
                    negRows[j] += t.negativeRows[j];
                }
            }
            if (at[k].index() == 0) {
                throw new IllegalArgumentException("the runs hold no entry");
            }
            SweepSums.Totals[] totals = new SweepSums.Totals[k + 1];
            for (int j = 0; j <= k; j++) {
                totals[j] = new SweepSums.Totals(at[j].truePositives(), at[j].falsePositives(), posRows[j],
                        negRows[j]);
            }
            return new Plan(k, starts, totals, Weights.scaleFor(at[k].truePositives()), at[k].index());
        }

        /** Number of runs R. */
        public int runs() {
            return starts.length;
        }

        /** Number of distinct scores over all columns (rows of the pooled table). */
        public long distinctScores() {
            return distinctScores;
        }
    }

    /** One run's sums: per class and pooled {@link SweepSums} (null without entries), one-vs-one sums. */
    public static final class Run implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final SweepSums[] sums;
        // ovo[slot(a)][slot(b)]: column a's one-vs-one sum of class a over class b in this run (scaled
        // weights), for the plan's classes with samples; a row is null when column a has no entry here
        private final double[][] ovo;

        private Run(SweepSums[] sums, double[][] ovo) {
            this.sums = sums;
            this.ovo = ovo;
        }
    }

    /**
     * The sums of run {@code index} of the plan.
     *
     * @param run per column j its entries in the run's score range, or null (as {@link RunTotals#of})
     */
    public static Run sweep(ClassScoreCounts[] run, int index, Plan plan) {
        Checks.notNull(plan, "plan");
        int k = checkRun(run);
        if (k != plan.k || index < 0 || index >= plan.runs()) {
            throw new IllegalArgumentException("run " + index + " of " + k + " columns does not fit a plan of "
                    + plan.runs() + " runs of " + plan.k + " columns");
        }
        SweepSums.Start[] starts = plan.starts[index];
        ScoreCounts[] ovr = oneVsRest(run);
        SweepSums[] sums = new SweepSums[k + 1];
        double[][] ovo = new double[plan.pairs.size()][];
        double[] none = new double[0];
        for (int j = 0; j < k; j++) {
            if (run[j] != null) {
                sums[j] = SweepSums.of(ovr[j], starts[j], plan.totals[j], Double.NaN, none);
                if (plan.pairs.slot[j] >= 0) {
                    // only the classes with samples take part in one-vs-one: P x P sums, never K x K
                    double[] all = run[j].scaledBy(plan.scale).oneVsOneSums(j, starts[j].truePositives() * plan.scale);
                    ovo[plan.pairs.slot[j]] = new double[plan.pairs.size()];
                    for (int slot = 0; slot < plan.pairs.size(); slot++) {
                        ovo[plan.pairs.slot[j]][slot] = all[plan.pairs.present[slot]];
                    }
                }
            }
        }
        ScoreCounts all = pooledOf(ovr);
        if (all != null) {
            sums[k] = SweepSums.of(all, starts[k], plan.totals[k], Double.NaN, none);
        }
        return new Run(sums, ovo);
    }

    /**
     * The evaluation from every run's sums, in the plan's order, and the argmax sums of all rows.
     *
     * @throws IllegalArgumentException when the runs, plan and argmax sums do not fit together, or
     *     more than {@link Integer#MAX_VALUE} samples are summed
     */
    public static MulticlassSweep of(Plan plan, List<Run> runs, ArgmaxCounts argmax) {
        Checks.notNull(plan, "plan");
        Checks.notNull(runs, "runs");
        Checks.notNull(argmax, "argmax");
        int k = plan.k;
        List<String> classes = argmax.classes();
        if (classes.size() != k || runs.size() != plan.runs()) {
            throw new IllegalArgumentException(runs.size() + " runs of sums and argmax sums of " + classes.size()
                    + " classes do not fit a plan of " + plan.runs() + " runs of " + k + " columns");
        }
        if (argmax.rows() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a multi-class evaluation counts at most " + Integer.MAX_VALUE
                    + " samples, got " + argmax.rows());
        }
        OneVsOne pairs = plan.pairs;
        int p = pairs.size();
        SweepSums[] all = new SweepSums[k + 1];
        double[][] ovo = new double[p][p];
        for (Run r : runs) {
            for (int j = 0; j <= k; j++) {
                if (r.sums[j] != null) {
                    all[j] = all[j] == null ? r.sums[j] : all[j].combine(r.sums[j]);
                }
            }
            for (int a = 0; a < p; a++) {
                if (r.ovo[a] != null) {
                    for (int b = 0; b < p; b++) {
                        ovo[a][b] += r.ovo[a][b];
                    }
                }
            }
        }
        double[] support = new double[k];
        double[] negatives = new double[k];
        for (int c = 0; c < k; c++) {
            if (all[c] == null) {
                throw new IllegalArgumentException("column " + c + " has no entry in any run");
            }
            support[c] = plan.totals[c].positives() * plan.scale;
            negatives[c] = plan.totals[c].negatives() * plan.scale;
        }
        MulticlassEvaluation.ArgmaxPass pass = argmax.pass(plan.scale);
        MulticlassConfusionMatrix confusion = pass.confusion.build(classes);
        String lossProblem = pass.lossProblem();
        double logLoss = lossProblem == null ? pass.lossSum / pass.weightSum : Double.NaN;
        List<String> warnings = MulticlassEvaluation.warnings(classes, support, negatives, confusion,
                argmax.zeroWeightRows(), lossProblem);
        return new MulticlassSweep(runs.size(), classes, (int) argmax.rows(), argmax.weighted(), java.util.Arrays.copyOf(all, k),
                all[k], pairs, ovo, support, pass.weightSum, confusion, pass.rankWeight, logLoss, warnings);
    }

    private static int checkRun(ClassScoreCounts[] run) {
        Checks.notNull(run, "run");
        int k = run.length;
        if (k < 2) {
            throw new IllegalArgumentException("a run needs at least 2 columns, got " + k);
        }
        for (int j = 0; j < k; j++) {
            if (run[j] != null && run[j].classCount() != k) {
                throw new IllegalArgumentException("run[" + j + "] counts " + run[j].classCount() + " classes, expected "
                        + k);
            }
        }
        return k;
    }

    private static ScoreCounts[] oneVsRest(ClassScoreCounts[] run) {
        ScoreCounts[] out = new ScoreCounts[run.length];
        for (int j = 0; j < run.length; j++) {
            out[j] = run[j] == null ? null : run[j].oneVsRest(j);
        }
        return out;
    }

    /** The pooled table of a run: its columns' one-vs-rest tables merged (null when all are null). */
    private static ScoreCounts pooledOf(ScoreCounts[] ovr) {
        List<ScoreCounts> parts = new ArrayList<>();
        for (ScoreCounts c : ovr) {
            if (c != null) {
                parts.add(c);
            }
        }
        return parts.isEmpty() ? null : ScoreCounts.mergeAll(parts);
    }

    // ---------------------------------------------------------------- numbers

    /**
     * The one-vs-rest sums of class c's column: its ROC AUC, average precision, both PR areas,
     * KS and DeLong's variance ({@link SweepSums#deLong()}).
     */
    public SweepSums classSums(int c) {
        checkClass(c);
        return perClass[c];
    }

    /** Number of runs (score ranges) whose sums were combined. */
    public int runs() {
        return runs;
    }

    /** The sums of the pooled n*K decisions (the micro average). */
    public SweepSums pooledSums() {
        return pooled;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public int classCount() {
        return classes.size();
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public boolean weighted() {
        return weighted;
    }

    @Override
    public double support(int c) {
        checkClass(c);
        return support[c];
    }

    @Override
    public double rocAuc(int c) {
        return classSums(c).rocAuc();
    }

    @Override
    public double averagePrecision(int c) {
        return classSums(c).averagePrecision();
    }

    private double[] rocAucs() {
        double[] out = new double[perClass.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = perClass[c].rocAuc();
        }
        return out;
    }

    private double[] averagePrecisions() {
        double[] out = new double[perClass.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = perClass[c].averagePrecision();
        }
        return out;
    }

    @Override
    public double rocAucOvrMacro() {
        return Averaging.mean(rocAucs());
    }

    @Override
    public double rocAucOvrWeighted() {
        return Averaging.weightedMean(rocAucs(), support);
    }

    @Override
    public double rocAucOvrMicro() {
        return pooled.rocAuc();
    }

    @Override
    public double rocAucOvoMacro() {
        return pairs.average(ovo, support, totalWeight, false);
    }

    @Override
    public double rocAucOvoWeighted() {
        return pairs.average(ovo, support, totalWeight, true);
    }

    @Override
    public double rocAucOneVsOne(int a, int b) {
        int k = classes.size();
        if (a < 0 || a >= k || b < 0 || b >= k || a == b) {
            throw new IllegalArgumentException("a and b must be distinct classes in [0, " + k + "), got " + a + " and " + b);
        }
        if (support[a] == 0 || support[b] == 0) {
            return Double.NaN;
        }
        return ovo[pairs.slot[a]][pairs.slot[b]] / (support[a] * support[b]);
    }

    @Override
    public double averagePrecisionMacro() {
        return Averaging.mean(averagePrecisions());
    }

    @Override
    public double averagePrecisionWeighted() {
        return Averaging.weightedMean(averagePrecisions(), support);
    }

    @Override
    public double averagePrecisionMicro() {
        return pooled.averagePrecision();
    }

    @Override
    public MulticlassConfusionMatrix confusionMatrix() {
        return confusion;
    }

    @Override
    public double accuracy() {
        return confusion.accuracy();
    }

    @Override
    public double balancedAccuracy() {
        return confusion.balancedAccuracy();
    }

    @Override
    public double cohenKappa() {
        return confusion.cohenKappa();
    }

    @Override
    public double mcc() {
        return confusion.mcc();
    }

    @Override
    public double topKAccuracy(int k) {
        return MulticlassEvaluation.topKAccuracy(rankWeight, totalWeight, k);
    }

    @Override
    public double logLoss() {
        return logLoss;
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    private void checkClass(int c) {
        if (c < 0 || c >= classes.size()) {
            throw new IllegalArgumentException("class must be in [0, " + classes.size() + "), got " + c);
        }
    }

    @Override
    public String toString() {
        return "MulticlassSweep[rows=" + rows + ", classes=" + classes.size() + ", rocAucOvrMacro=" + rocAucOvrMacro()
                + ", accuracy=" + accuracy() + "]";
    }
}

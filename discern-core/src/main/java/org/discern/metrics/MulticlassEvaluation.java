package org.discern.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ForkJoinTask;

import org.discern.metrics.internal.Checks;
import org.discern.metrics.internal.Weights;

/**
 * Everything Discern computes for a single-label classifier over K classes: one-vs-rest curves
 * and areas per class, their macro, weighted and micro averages, the one-vs-one (Hand &amp; Till)
 * AUC, the micro- and macro-average ROC curves, and the metrics of the argmax predictions
 * (confusion matrix, per-class precision, recall and F1, accuracy, balanced accuracy, Cohen's
 * kappa, MCC, top-k accuracy, log loss).
 *
 * <p><b>Input.</b> Labels are class indices in [0, K); scores are an n x K matrix (row-major
 * {@code double[]} or {@code float[]}, or {@code double[][]}), higher meaning more likely that
 * class; rows need not sum to 1 for any ranking metric. Optional sample weights (finite, &gt;= 0,
 * not all 0): a sample of weight 0 is the same as no sample (it makes no curve point and counts
 * nowhere, a warning gives the number of such rows), and weights near 1e200 or 1e-200 give the
 * same results as weights near 1 (see {@link OperatingPoints}).
 *
 * <p><b>Cost.</b> Each score column is sorted once (radix sort on the float or double bits); one
 * walk over it gives the one-vs-rest table of its class and, in the same pass, the one-vs-one
 * Mann-Whitney sums against every other class, so one-vs-one needs no further sort. Without
 * weights, the micro ROC AUC and average precision come from one more merge pass per sorted
 * column against the n sorted own-class scores (exact counts, no sort of the n*K pooled scores);
 * the micro ROC curve, which needs that sort, is built on first request (the evaluation keeps the
 * scores for it). With weights the pooled table is built at once, so that weighted ties add up in
 * scikit-learn's order.
 * Columns are processed in parallel on the common fork-join pool for large inputs; results do
 * not depend on the scheduling. Memory: the K one-vs-rest tables (up to 24 bytes per sample and
 * class) and the scores as columns; otherwise linear in K: the one-vs-one sums are held only for
 * the P &lt;= min(n, K) classes that have samples (P x P, never K x K) and the confusion matrix
 * only as its non-zero cells (at most n), so 16,000 classes of 200 samples need a few hundred
 * bytes per class.
 *
 * <p><b>Averages</b> (every name states its averaging):
 * <ul>
 *   <li>{@code ovr_macro}: the mean of the per-class one-vs-rest values;</li>
 *   <li>{@code ovr_weighted}: their mean weighted by support (with sample weights: the summed
 *       weight of each class), as scikit-learn;</li>
 *   <li>{@code ovr_micro} / {@code micro}: one table over the pooled n*K (sample, class)
 *       decisions, pooled in row-major order as scikit-learn's {@code label_binarize(y).ravel()},
 *       each decision carrying its sample's weight;</li>
 *   <li>{@code ovo_macro}: Hand &amp; Till's M, the mean over class pairs (a, b) of
 *       (AUC(a|b) + AUC(b|a)) / 2, where AUC(a|b) is the AUC of score column a separating class a
 *       from class b among the samples of those two classes;</li>
 *   <li>{@code ovo_weighted}: scikit-learn's prevalence-weighted version, each pair weighted by
 *       the share of samples in its two classes. With sample weights (which scikit-learn does
 *       not support for one-vs-one) AUC(a|b) is the weighted Mann-Whitney statistic (each
 *       (positive, negative) pair counted with the product of their weights, ties one half) and
 *       the prevalence of a pair is the summed weight of its two classes over the total weight.</li>
 * </ul>
 *
 * <p><b>Undefined values.</b> A class absent from the labels (zero support, or zero total weight)
 * has NaN ROC AUC and average precision, is left out of every average (and of the one-vs-one
 * pairs), and {@link #warnings()} names it. scikit-learn raises an error there; averaging a 0 in
 * would be wrong. A class holding every sample has no negatives: its ROC AUC is NaN and left out
 * the same way, while every precision of it is 1, so its average precision is 1 (as
 * scikit-learn's).
 * Log loss is NaN with a warning unless every score is in [0, 1] and every row sums to 1 within
 * {@value #ROW_SUM_TOLERANCE}.
 *
 * <pre>{@code
 * MulticlassEvaluation ev = MulticlassEvaluation.of(labels, probabilities, List.of("a", "b", "c"), null);
 * double m = ev.rocAucOvoMacro();
 * RocCurve macro = ev.rocCurveMacro();
 * }</pre>
 *
 * <p>Instances are immutable; arrays never leak.
 */
public final class MulticlassEvaluation implements MulticlassNumbers {
    /** Log loss is reported only when every row sums to 1 within this tolerance. */
    public static final double ROW_SUM_TOLERANCE = 1e-4;

    private final List<String> classes;
    private final int n;
    private final int k;
    private final boolean weighted;
    private final ClassColumn[] perClass;
    // ovo[slot(a)][slot(b)]: one-vs-one Mann-Whitney sum of column a, class a above class b (see
    // ClassColumn.ovo), held for the classes with samples only (OneVsOne): P x P, P <= min(n, K)
    private final OneVsOne pairs;
    private final double[][] ovo;
    // support[c] = summed weight of class c; totalWeight = sum over all samples
    private final double[] support;
    private final int[] supportRows;
    private final double totalWeight;
    private final MicroAverage micro;
    private final MulticlassConfusionMatrix confusion;
    // rankWeight[r] = weight of the samples whose true class is at position r of their row
    // (scores descending, ties broken towards the higher class index as scikit-learn's top_k)
    private final double[] rankWeight;
    private final double logLoss;
    private final List<String> warnings;

    private MulticlassEvaluation(List<String> classes, int n, boolean weighted, ClassColumn[] perClass,
            OneVsOne pairs, double[][] ovo, double[] support, int[] supportRows, double totalWeight, MicroAverage micro,
            MulticlassConfusionMatrix confusion, double[] rankWeight, double logLoss, List<String> warnings) {
        this.classes = classes;
        this.n = n;
        this.k = classes.size();
        this.weighted = weighted;
        this.perClass = perClass;
        this.pairs = pairs;
        this.ovo = ovo;
        this.support = support;
        this.supportRows = supportRows;
        this.totalWeight = totalWeight;
        this.micro = micro;
        this.confusion = confusion;
        this.rankWeight = rankWeight;
        this.logLoss = logLoss;
        this.warnings = warnings;
    }

    // ---------------------------------------------------------------- factories

    /**
     * Evaluation of an n x K score matrix given as one array per row, unweighted, classes named
     * "0" .. "K-1" (K = length of the first row).
     */
    public static MulticlassEvaluation of(int[] labels, double[][] scores) {
        Checks.notNull(scores, "scores");
        Checks.nonEmpty(scores.length, "scores");
        Checks.notNull(scores[0], "scores[0]");
        return of(labels, scores, defaultNames(scores[0].length), null);
    }

    /**
     * Evaluation of an n x K score matrix given as one array per row.
     *
     * @param labels class index of each sample, in [0, K); n &gt;= 1
     * @param scores n rows of K finite scores
     * @param classes the K class names (distinct, not null), in column order; K &gt;= 2
     * @param weights n sample weights (finite, &gt;= 0) or null for all 1
     * @throws IllegalArgumentException on invalid input, naming the index and the value (for
     *     example {@code "labels[7] must be in [0, 3), got 3"})
     */
    public static MulticlassEvaluation of(int[] labels, double[][] scores, List<String> classes, double[] weights) {
        int k = checkClasses(classes);
        checkLabels(labels, k);
        Checks.weights(weights, labels.length);
        return build(labels, ScoreColumns.rows(scores, labels.length, k), classes, weights);
    }

    /**
     * Evaluation of an n x K row-major double score matrix: the scores of sample i are
     * {@code scores[i * K .. i * K + K)}. See {@link #of(int[], double[][], List, double[])}.
     */
    public static MulticlassEvaluation of(int[] labels, double[] scores, List<String> classes, double[] weights) {
        int k = checkClasses(classes);
        checkLabels(labels, k);
        Checks.weights(weights, labels.length);
        return build(labels, ScoreColumns.rowMajor(scores, labels.length, k), classes, weights);
    }

    /**
     * Evaluation of an n x K row-major float score matrix (float32 softmax output): the scores of
     * sample i are {@code scores[i * K .. i * K + K)}. See
     * {@link #of(int[], double[][], List, double[])}.
     */
    public static MulticlassEvaluation of(int[] labels, float[] scores, List<String> classes, double[] weights) {
        int k = checkClasses(classes);
        checkLabels(labels, k);
        Checks.weights(weights, labels.length);
        return build(labels, ScoreColumns.rowMajor(scores, labels.length, k), classes, weights);
    }

    /**
     * Every number of {@link #of(int[], double[], List, double[])} (the same doubles, bit for bit),
     * computed without keeping a table or a curve, for large inputs: the row-major scores are read
     * in place (no column copy), one class's column at a time is sorted, walked and reduced to its
     * ROC AUC, average precision, one-vs-one sums and micro-average counts, and released. Classes
     * are done on both cores when the heap left beside the scores holds two columns in progress
     * (24 bytes per row each for double scores, 16 for float ones), otherwise one at a time.
     * Without weights the memory beyond the scores is, per row, 12 bytes (float scores) or 16
     * (double) kept for the micro average (20 while it is built) plus the columns in progress;
     * with weights it is that of {@code of} (the pooled table of the micro average needs the
     * columns), and only the tables are dropped.
     *
     * <p>The curve accessors ({@link #classEvaluation}, {@link #rocCurve(int)},
     * {@link #precisionRecallCurve}, {@link #rocCurveMacro()}, {@link #rocCurveMicro()}) throw
     * {@link IllegalStateException}. The scores array is read during the call and not kept.
     *
     * @throws IllegalArgumentException on invalid input, as {@code of}
     */
    public static MulticlassEvaluation summaryOf(int[] labels, double[] scores, List<String> classes,
            double[] weights) {
        int k = checkClasses(classes);
        checkLabels(labels, k);
        Checks.weights(weights, labels.length);
        return numbers(labels, RowMajorScores.of(scores, labels.length, k), classes, weights);
    }

    /** As {@link #summaryOf(int[], double[], List, double[])} for a row-major float matrix. */
    public static MulticlassEvaluation summaryOf(int[] labels, float[] scores, List<String> classes,
            double[] weights) {
        int k = checkClasses(classes);
        checkLabels(labels, k);
        Checks.weights(weights, labels.length);
        return numbers(labels, RowMajorScores.of(scores, labels.length, k), classes, weights);
    }

    /**
     * As {@link #summaryOf(int[], double[], List, double[])} for double scores held in blocks of
     * rows, so that no single array holds them all (a reader collects a large file that way):
     * {@code rowBlocks[b]} holds rows [b * rowsPerBlock, (b + 1) * rowsPerBlock) row-major, the
     * last block at least its remaining rows (values beyond the n rows are not read).
     *
     * @param rowsPerBlock at least 1
     * @throws IllegalArgumentException also when the number of blocks does not fit n, or a block
     *     is null or too short
     */
    public static MulticlassEvaluation summaryOf(int[] labels, double[][] rowBlocks, int rowsPerBlock,
            List<String> classes, double[] weights) {
        int k = checkClasses(classes);
        checkLabels(labels, k);
        Checks.weights(weights, labels.length);
        return numbers(labels, RowMajorScores.ofBlocks(rowBlocks, rowsPerBlock, labels.length, k), classes, weights);
    }

    /** Message of the curve accessors of an evaluation made by {@code summaryOf}. */
    static final String NO_CURVES = "this multi-class evaluation was made for its numbers only "
            + "(MulticlassEvaluation.summaryOf) and keeps no table or curve; MulticlassEvaluation.of keeps them";

    private static MulticlassEvaluation numbers(int[] labels, RowMajorScores s, List<String> names, double[] weights) {
        if (weights != null) {
            // the weighted micro average needs the pooled table, built from the columns
            return build(labels, ScoreColumns.transpose(s), names, weights).numbersOnly();
        }
        final int n = s.n;
        final int k = s.k;
        final long size = (long) n * k;
        ForkJoinTask<ArgmaxPass> rowTask = ScoreColumns.fork(size, () -> new ArgmaxPass(s, labels, null));
        final int[] classRows = new int[k];
        for (int y : labels) {
            classRows[y]++;
        }
        final OneVsOne pairs = OneVsOne.of(labels, k);
        final MicroAverage.Tally micro = new MicroAverage.Tally(MicroAverage.Positives.multiclass(s, labels), n, k);
        ClassColumn[] columns = ScoreColumns.forEachColumn(k, size, columnsInProgress(s, micro),
                c -> ClassColumn.numbers(s, labels, c, classRows[c], pairs, micro), ClassColumn[]::new);
        return assemble(List.copyOf(names), n, false, columns, pairs, micro.result(), rowTask.join(), 0);
    }

    /**
     * How many columns {@link #numbers} may have in progress at once: as many as fit three times
     * over into the heap left beside the scores, the labels and the micro-average counts (G1
     * places each of these large arrays in regions of its own and needs free ones beside them),
     * at least one. The scheduling never changes a result.
     */
    private static int columnsInProgress(RowMajorScores s, MicroAverage.Tally micro) {
        long n = s.n;
        long column = (s.floats() ? 16 : 24) * n + 4L * micro.positives.size();
        long left = Runtime.getRuntime().maxMemory() - s.bytes() - 4 * n - micro.bytes();
        return (int) Math.max(1, Math.min(s.k, left / (3 * column)));
    }

    /** The same numbers without the tables and curves (what {@code summaryOf} keeps). */
    private MulticlassEvaluation numbersOnly() {
        ClassColumn[] columns = new ClassColumn[k];
        for (int c = 0; c < k; c++) {
            columns[c] = perClass[c].numbersOnly();
        }
        return new MulticlassEvaluation(classes, n, weighted, columns, pairs, ovo, support, supportRows, totalWeight,
                micro.numbersOnly(), confusion, rankWeight, logLoss, warnings);
    }

    /** Column c, which must have its table and curve. */
    private ClassColumn withCurves(int c) {
        ClassColumn col = perClass[c];
        if (col.evaluation == null) {
            throw new IllegalStateException(NO_CURVES);
        }
        return col;
    }

    private static List<String> defaultNames(int k) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }

    static int checkClasses(List<String> classes) {
        return checkNames(classes, "classes", 2);
    }

    /** Checks distinct non-null names, at least {@code min} of them; returns their number. */
    static int checkNames(List<String> classes, String what, int min) {
        Checks.notNull(classes, what);
        int k = classes.size();
        if (k < min) {
            throw new IllegalArgumentException(what + " must name at least " + min + " " + what + ", got " + k);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < k; i++) {
            String c = classes.get(i);
            if (c == null) {
                throw new IllegalArgumentException(what + "[" + i + "] must not be null");
            }
            if (!seen.add(c)) {
                throw new IllegalArgumentException(what + "[" + i + "] must be distinct, got '" + c + "' twice");
            }
        }
        return k;
    }

    static void checkLabels(int[] labels, int k) {
        Checks.notNull(labels, "labels");
        Checks.nonEmpty(labels.length, "labels");
        for (int i = 0; i < labels.length; i++) {
            int y = labels[i];
            if (y < 0 || y >= k) {
                throw new IllegalArgumentException("labels[" + i + "] must be in [0, " + k + "), got " + y);
            }
        }
    }

    private static MulticlassEvaluation build(int[] labels, ScoreColumns all, List<String> names, double[] weights) {
        // a sample of weight 0 is the same as no sample; extreme weight scales are brought home
        final int[] kept = Weights.keptRows(weights);
        final ScoreColumns s = kept == null ? all : all.select(kept);
        final int n = s.n;
        final int k = s.k;
        final List<String> classes = List.copyOf(names);
        final int[] y = kept == null ? labels.clone() : Weights.select(labels, kept);
        final double[] w = weights == null ? null
                : Weights.scaled(kept == null ? weights.clone() : Weights.select(weights, kept));

        // Micro average: from counts made inside the column tasks when unweighted; with weights
        // from the pooled table (sklearn's accumulation order), the largest single job, started first.
        final MicroAverage.Positives microPositives = w == null ? MicroAverage.Positives.multiclass(s, y) : null;
        ForkJoinTask<MicroAverage> microTask = microPositives == null ? s.fork(() -> MicroAverage.multiclass(s, y, w)) : null;
        ForkJoinTask<ArgmaxPass> rowTask = s.fork(() -> new ArgmaxPass(s, y, w));
        final OneVsOne pairs = OneVsOne.of(y, k);
        ClassColumn[] columns = s.forEachColumn(
                c -> ClassColumn.multiclass(s.floatColumn(c), s.doubleColumn(c), y, w, c, pairs, microPositives),
                ClassColumn[]::new);

        ArgmaxPass rowPass = rowTask.join();
        if (kept != null && rowPass.lossProblemRow >= 0) {
            rowPass.lossProblemRow = kept[(int) rowPass.lossProblemRow]; // the row as given, weight 0 or not
        }

        MicroAverage microAverage;
        if (microPositives == null) {
            microAverage = microTask.join();
        } else {
            long twice = 0;
            long[] below = new long[microPositives.size()];
            for (ClassColumn col : columns) {
                twice += col.microTwiceAuc;
                for (int j = 0; j < below.length; j++) {
                    below[j] += col.microBelow[j];
                }
            }
            // the pooled ROC curve needs every pooled score in order: built when first asked for
            microAverage = MicroAverage.fromCounts(microPositives, (long) n * (k - 1), twice, below,
                    () -> MicroAverage.multiclass(s, y, null).rocCurve());
        }
        return assemble(classes, n, w != null, columns, pairs, microAverage, rowPass,
                kept == null ? 0 : labels.length - kept.length);
    }

    /**
     * The evaluation from its parts, however they were computed (one pass over the samples, or
     * merged summaries: {@link MulticlassCounts}): the averages and the warnings.
     * {@code zeroWeightRows} rows of weight 0 were left out.
     */
    static MulticlassEvaluation assemble(List<String> classes, int n, boolean weighted, ClassColumn[] columns,
            OneVsOne pairs, MicroAverage microAverage, ArgmaxPass rowPass, long zeroWeightRows) {
        int k = classes.size();
        double weightSum = rowPass.weightSum;
        double[] rankWeight = rowPass.rankWeight;
        String lossProblem = rowPass.lossProblem();
        double logLoss = lossProblem == null ? rowPass.lossSum / weightSum : Double.NaN;
        double[][] ovo = new double[pairs.size()][];
        for (int p = 0; p < ovo.length; p++) {
            ovo[p] = columns[pairs.present[p]].ovo;
        }
        double[] support = new double[k];
        int[] supportRows = new int[k];
        for (int c = 0; c < k; c++) {
            support[c] = columns[c].positives;
            supportRows[c] = columns[c].positiveRows;
        }
        MulticlassConfusionMatrix confusion = rowPass.confusion.build(classes);

        double[] negatives = new double[k];
        for (int c = 0; c < k; c++) {
            negatives[c] = columns[c].negatives;
        }
        List<String> warn = warnings(classes, support, negatives, confusion, zeroWeightRows, lossProblem);
        return new MulticlassEvaluation(classes, n, weighted, columns, pairs, ovo, support, supportRows, weightSum,
                microAverage, confusion, rankWeight, logLoss, warn);
    }

    /**
     * The warnings of an evaluation (or of a {@link MulticlassSweep}): rows of weight 0, absent
     * classes, a class holding every sample, classes never predicted, one-vs-one undefined, log
     * loss not computed. {@code positives[c]} and {@code negatives[c]} are class c's one-vs-rest
     * totals; {@code lossProblem} is null when log loss was computed.
     */
    static List<String> warnings(List<String> classes, double[] positives, double[] negatives,
            MulticlassConfusionMatrix confusion, long zeroWeightRows, String lossProblem) {
        int k = classes.size();
        List<String> warn = new ArrayList<>();
        if (zeroWeightRows > 0) {
            warn.add(BinaryEvaluation.zeroWeightWarning(zeroWeightRows));
        }
        ClassWarnings absent = new ClassWarnings("%s classes are absent from the labels (or all their samples have "
                + "zero weight): %s; their ROC AUC, average precision and recall are NaN and they are left out of "
                + "every average");
        int present = 0;
        for (int c = 0; c < k; c++) {
            if (positives[c] == 0) {
                absent.add(classes.get(c), "class '" + classes.get(c) + "' is absent from the labels"
                        + (zeroWeightRows > 0 ? " (or has only samples of weight 0)" : "")
                        + ": its ROC AUC, average precision and recall are NaN and it is left out of every average");
            } else if (negatives[c] == 0) {
                warn.add("class '" + classes.get(c) + "' holds every sample: its ROC AUC is NaN and it is left "
                        + "out of the ROC averages; every precision of it is 1, so its average precision is 1");
                present++;
            } else {
                present++;
            }
        }
        absent.addTo(warn);
        ClassWarnings neverPredicted = new ClassWarnings("%s classes are never predicted: %s; their precision is "
                + "NaN and counts as 0 in the macro and weighted precision");
        for (int c = 0; c < k; c++) {
            if (positives[c] > 0 && confusion.predicted(c) == 0) {
                neverPredicted.add(classes.get(c), "class '" + classes.get(c) + "' is never predicted: its precision "
                        + "is NaN and counts as 0 in the macro and weighted precision");
            }
        }
        neverPredicted.addTo(warn);
        if (present < 2) {
            warn.add("fewer than 2 classes present in the labels: one-vs-one AUC is undefined (NaN)");
        }
        if (lossProblem != null) {
            warn.add("log loss not computed: " + lossProblem + " (scores must be probabilities in [0, 1] "
                    + "whose rows sum to 1 within " + ROW_SUM_TOLERANCE + ")");
        }
        return List.copyOf(warn);
    }

    /**
     * One pass over the rows: the argmax prediction (first maximum) into the confusion matrix,
     * the position of the true class in its row (for top-k), and the log-loss terms.
     */
    static final class ArgmaxPass {
        final MulticlassConfusionMatrix.Accumulator confusion;
        final double[] rankWeight;
        double lossSum;
        double weightSum;
        // the first row that keeps log loss from being computed (-1: none), and what is wrong with it
        long lossProblemRow = -1;
        String lossProblemDetail;

        /** Sums made elsewhere (merged summaries). */
        ArgmaxPass(MulticlassConfusionMatrix.Accumulator confusion, double[] rankWeight, double lossSum, double weightSum, long lossProblemRow,
                String lossProblemDetail) {
            this.confusion = confusion;
            this.rankWeight = rankWeight;
            this.lossSum = lossSum;
            this.weightSum = weightSum;
            this.lossProblemRow = lossProblemRow;
            this.lossProblemDetail = lossProblemDetail;
        }

        /** Why log loss is not computed ("row 7 sums to 1.2"), or null. */
        String lossProblem() {
            return lossProblemRow < 0 ? null : "row " + lossProblemRow + lossProblemDetail;
        }

        ArgmaxPass(ScoreRows s, int[] y, double[] w) {
            int n = s.rows();
            int k = s.columns();
            confusion = new MulticlassConfusionMatrix.Accumulator(k);
            rankWeight = new double[k];
            double[] row = new double[k];
            for (int i = 0; i < n; i++) {
                s.fillRow(i, row);
                int yi = y[i];
                double wi = w == null ? 1.0 : w[i];
                double own = row[yi];
                int best = 0;
                double bestScore = row[0];
                int rank = 0;
                double rowSum = 0;
                double clippedSum = 0;
                boolean probabilities = true;
                for (int j = 0; j < k; j++) {
                    double v = row[j];
                    if (v > bestScore) {
                        best = j;
                        bestScore = v;
                    }
                    // scikit-learn sorts each row with a stable ascending sort and reverses it,
                    // so among equal scores the higher class index comes first
                    if (v > own || (v == own && j > yi)) {
                        rank++;
                    }
                    probabilities &= v >= 0 && v <= 1;
                    rowSum += v;
                    clippedSum += clip(v);
                }
                confusion.add(yi, best, wi);
                rankWeight[rank] += wi;
                weightSum += wi;
                if (lossProblemRow < 0) {
                    if (!probabilities) {
                        lossProblemRow = i;
                        lossProblemDetail = " has a score outside [0, 1]";
                    } else if (!(Math.abs(rowSum - 1) <= ROW_SUM_TOLERANCE)) {
                        lossProblemRow = i;
                        lossProblemDetail = " sums to " + Double.toString(rowSum);
                    } else {
                        lossSum += wi * -Math.log(clip(own) / clippedSum);
                    }
                }
            }
        }
    }

    private static double clip(double p) {
        return Math.min(Math.max(p, ProbabilityMetrics.EPS), 1 - ProbabilityMetrics.EPS);
    }

    // ---------------------------------------------------------------- shape

    /** The K class names, in column order. */
    public List<String> classes() {
        return classes;
    }

    /** Number of classes K. */
    public int classCount() {
        return k;
    }

    /** Number of samples n of positive weight (rows of weight 0 are left out). */
    public int rows() {
        return n;
    }

    /** Whether sample weights were given. */
    public boolean weighted() {
        return weighted;
    }

    /** Support of class c: its number of samples, or with weights their summed weight. */
    public double support(int c) {
        return support[c];
    }

    /** Number of samples of class c (of positive weight). */
    public int supportRows(int c) {
        return supportRows[c];
    }

    /** Whether class c has both (weighted) positives and negatives, so its ROC AUC is defined. */
    public boolean defined(int c) {
        return perClass[c].positives > 0 && perClass[c].negatives > 0;
    }

    // ---------------------------------------------------------------- one-vs-rest per class

    /**
     * The one-vs-rest binary evaluation of class c (positives: samples of class c, negatives: all
     * others; scores: column c): every curve and threshold-free metric of
     * {@link BinaryEvaluation}. Its log loss and Brier score are NaN (see {@link #logLoss()}).
     */
    public BinaryEvaluation classEvaluation(int c) {
        return withCurves(c).evaluation;
    }

    /** One-vs-rest ROC curve of class c (scikit-learn's points, collinear ones dropped). */
    public RocCurve rocCurve(int c) {
        return withCurves(c).rocCurve;
    }

    /** One-vs-rest precision-recall curve of class c. */
    public PrecisionRecallCurve precisionRecallCurve(int c) {
        return withCurves(c).evaluation.precisionRecallCurve();
    }

    /** One-vs-rest ROC AUC of class c; NaN when the class is absent (or holds every sample). */
    public double rocAuc(int c) {
        return perClass[c].rocAuc;
    }

    /** One-vs-rest average precision of class c; NaN when the class is absent, 1 when it holds every sample. */
    public double averagePrecision(int c) {
        return perClass[c].averagePrecision;
    }

    /** Copy of the per-class ROC AUCs (NaN for undefined classes). */
    public double[] rocAucs() {
        double[] out = new double[k];
        for (int c = 0; c < k; c++) {
            out[c] = perClass[c].rocAuc;
        }
        return out;
    }

    /** Copy of the per-class average precisions (NaN for undefined classes). */
    public double[] averagePrecisions() {
        double[] out = new double[k];
        for (int c = 0; c < k; c++) {
            out[c] = perClass[c].averagePrecision;
        }
        return out;
    }

    // ---------------------------------------------------------------- averages

    /** Mean of the defined per-class one-vs-rest ROC AUCs; NaN when none is defined. */
    public double rocAucOvrMacro() {
        return Averaging.mean(rocAucs());
    }

    /** Support-weighted mean of the defined per-class one-vs-rest ROC AUCs. */
    public double rocAucOvrWeighted() {
        return Averaging.weightedMean(rocAucs(), support);
    }

    /** ROC AUC of the pooled n*K decisions (micro average). */
    public double rocAucOvrMicro() {
        return micro.rocAuc;
    }

    /** Mean of the defined per-class average precisions. */
    public double averagePrecisionMacro() {
        return Averaging.mean(averagePrecisions());
    }

    /** Support-weighted mean of the defined per-class average precisions. */
    public double averagePrecisionWeighted() {
        return Averaging.weightedMean(averagePrecisions(), support);
    }

    /** Average precision of the pooled n*K decisions (micro average). */
    public double averagePrecisionMicro() {
        return micro.averagePrecision;
    }

    /**
     * AUC of score column a separating class a from class b, among the samples of those two
     * classes (weighted Mann-Whitney, ties one half); NaN when either class is absent.
     */
    public double rocAucOneVsOne(int a, int b) {
        if (a < 0 || a >= k || b < 0 || b >= k || a == b) {
            throw new IllegalArgumentException("a and b must be distinct classes in [0, " + k + "), got " + a + " and " + b);
        }
        if (support[a] == 0 || support[b] == 0) {
            return Double.NaN;
        }
        return ovo[pairs.slot[a]][pairs.slot[b]] / (support[a] * support[b]);
    }

    /** Hand &amp; Till's pair AUC A(a, b) = (AUC(a|b) + AUC(b|a)) / 2; NaN when either class is absent. */
    public double rocAucPair(int a, int b) {
        return (rocAucOneVsOne(a, b) + rocAucOneVsOne(b, a)) / 2;
    }

    /** Hand &amp; Till's M: the mean of {@link #rocAucPair} over the pairs of present classes. */
    public double rocAucOvoMacro() {
        return ovoAverage(false);
    }

    /**
     * Prevalence-weighted one-vs-one AUC (scikit-learn's {@code ovo} + {@code weighted}): each pair
     * weighted by the (weighted) share of samples in its two classes.
     */
    public double rocAucOvoWeighted() {
        return ovoAverage(true);
    }

    private double ovoAverage(boolean byPrevalence) {
        return pairs.average(ovo, support, totalWeight, byPrevalence);
    }

    /**
     * The micro-average ROC curve: the pooled n*K decisions, collinear points dropped as
     * scikit-learn's {@code roc_curve(label_binarize(y).ravel(), scores.ravel())}. (The pooled
     * table itself, one row per distinct pooled score, is not kept: it can hold tens of millions
     * of rows.)
     */
    public RocCurve rocCurveMicro() {
        return micro.rocCurve();
    }

    /**
     * The macro-average ROC curve, as scikit-learn documents it: the ROC curve of every defined
     * class (collinear points dropped) interpolated linearly on the sorted union of all their
     * FPR values (where a curve has a vertical step at that FPR, its highest TPR is used), and the
     * TPRs averaged. The curve has no thresholds: {@code threshold(i)} is NaN. Its area is close
     * to, but not the same as, {@link #rocAucOvrMacro()}.
     *
     * @throws IllegalStateException when no class has both positives and negatives
     */
    public RocCurve rocCurveMacro() {
        List<RocCurve> curves = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (!Double.isNaN(perClass[c].rocAuc)) {
                curves.add(withCurves(c).rocCurve);
            }
        }
        if (curves.isEmpty()) {
            throw new IllegalStateException("no class has both positives and negatives: no macro-average ROC curve");
        }
        return Averaging.macroRocCurve(curves);
    }

    // ---------------------------------------------------------------- argmax predictions

    /**
     * The confusion matrix of the argmax predictions (the first maximum of a row wins), rows =
     * true class, columns = predicted class; with it per-class precision, recall, F1 and their
     * averages.
     */
    public MulticlassConfusionMatrix confusionMatrix() {
        return confusion;
    }

    /** Accuracy of the argmax predictions. */
    public double accuracy() {
        return confusion.accuracy();
    }

    /** Balanced accuracy: the mean recall over the classes present. */
    public double balancedAccuracy() {
        return confusion.balancedAccuracy();
    }

    /** Cohen's kappa of the argmax predictions. */
    public double cohenKappa() {
        return confusion.cohenKappa();
    }

    /** Multi-class Matthews correlation coefficient of the argmax predictions. */
    public double mcc() {
        return confusion.mcc();
    }

    /**
     * Top-k accuracy: the (weighted) share of samples whose true class is among the k highest
     * scores of their row. Ties are broken as scikit-learn's {@code top_k_accuracy_score}: among
     * equal scores, the higher class index ranks first. For k &gt;= K it is 1.
     *
     * @param k at least 1
     */
    public double topKAccuracy(int k) {
        return topKAccuracy(rankWeight, totalWeight, k);
    }

    /** Top-k accuracy from the weight of the samples at each rank of their row. */
    static double topKAccuracy(double[] rankWeight, double totalWeight, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        double hits = 0;
        for (int r = 0; r < Math.min(k, rankWeight.length); r++) {
            hits += rankWeight[r];
        }
        return hits / totalWeight;
    }

    /**
     * Multi-class log loss as scikit-learn 1.2's {@code log_loss}: each probability clipped to
     * [eps, 1 - eps] with eps = 2.22e-16 (even for float input), each row divided by its sum, and
     * the weighted mean of -log(probability of the true class). NaN, with a warning, unless every
     * score is in [0, 1] and every row sums to 1 within {@value #ROW_SUM_TOLERANCE} (so that
     * float32 softmax rows qualify but arbitrary scores do not).
     */
    public double logLoss() {
        return logLoss;
    }

    /** Warnings about undefined values, in the order they were found; never null. */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "MulticlassEvaluation[rows=%d, classes=%d, rocAucOvrMacro=%s, accuracy=%s]",
                n, k, Double.toString(rocAucOvrMacro()), Double.toString(accuracy()));
    }
}

package org.discern.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import org.discern.metrics.internal.Checks;
import org.discern.metrics.internal.Sorting;
import org.discern.metrics.internal.Weights;

/**
 * Stratified bootstrap: confidence intervals of any statistic by resampling the sample.
 *
 * <p><b>Resampling.</b> Rows are resampled with replacement <em>within strata</em>, each stratum
 * keeping its size: for a binary problem the positives and the negatives separately (so every
 * replicate has the original class counts and the AUC is always defined), for a multi-class
 * problem each class separately (pROC's {@code stratified = TRUE}). A row drawn c times
 * enters the replicate with c times its sample weight; weights are honoured, never resampled
 * in proportion to their size.
 *
 * <p><b>Speed.</b> Each score column is sorted once. A replicate draws row multiplicities
 * (uniform indices within each stratum, counted per row) and walks the sorted order once,
 * summing weight times multiplicity per distinct score: the replicate's operating-point table
 * is built in linear time with no sort, and every {@link BinaryStatistic} is a linear view of
 * it. The generic {@link #stratified} path hands the statistic the replicate's row weights
 * instead and costs whatever the statistic costs.
 *
 * <p><b>Determinism.</b> Replicate {@code b} draws from its own {@link SplittableRandom} seeded
 * by mixing {@code (seed, b)}, and writes only its own slot: results depend on the seed and the
 * data only, identical on 1 or 16 threads. Replicates run in parallel in blocks on a
 * {@link ForkJoinPool} of {@link BootstrapOptions#threads()} workers.
 *
 * <p><b>Intervals.</b> Percentile intervals (see {@link BootstrapResult}); with small strata
 * or statistics at the edge of their range (AUC near 1) they under-cover like every percentile
 * bootstrap. Statistics undefined on a replicate (NaN) are dropped from its interval, with a
 * warning.
 */
public final class Bootstrap {
    /** Replicates per task: enough to amortise the scratch arrays, small enough to balance. */
    private static final int BLOCK = 8;

    private Bootstrap() {
    }

    // ---------------------------------------------------------------- binary

    /**
     * Bootstraps statistics of one score column, positives and negatives resampled separately.
     *
     * @param scores finite scores
     * @param labels true for positives
     * @param weights sample weights or null; a drawn row keeps its weight
     * @param options replicates, seed, threads, level
     * @param statistics at least one; statistic j of the result is {@code statistics[j]}, and a
     *     named statistic ({@link BinaryStatistic#name()}) can be read by its name (a name given
     *     to several statistics names none of them)
     */
    public static BootstrapResult binary(double[] scores, boolean[] labels, double[] weights,
            BootstrapOptions options, BinaryStatistic... statistics) {
        Checks.notNull(statistics, "statistics");
        int[] column = new int[statistics.length];
        List<String> names = new ArrayList<>();
        for (BinaryStatistic s : statistics) {
            names.add(s == null ? null : s.name());
        }
        for (int j = 0; j < names.size(); j++) {
            String name = names.get(j);
            if (name != null && names.indexOf(name) != names.lastIndexOf(name)) {
                names.replaceAll(x -> name.equals(x) ? null : x);
            }
        }
        return run(List.of(scores), labels, weights, options, statistics, column, names);
    }

    /**
     * As {@link #binary(double[], boolean[], double[], BootstrapOptions, BinaryStatistic...)} for
     * float scores (float32 model outputs); the results equal those of the widened doubles.
     */
    public static BootstrapResult binary(float[] scores, boolean[] labels, double[] weights,
            BootstrapOptions options, BinaryStatistic... statistics) {
        Checks.notNull(scores, "scores");
        double[] widened = new double[scores.length];
        for (int i = 0; i < widened.length; i++) {
            widened[i] = scores[i];
        }
        return binary(widened, labels, weights, options, statistics);
    }

    /**
     * Bootstraps one statistic of several score columns on the same samples, with the same
     * replicates for every column (paired): statistic j of the result is {@code statistic} of
     * column j, so differences and covariances between columns can be read replicate by
     * replicate.
     */
    public static BootstrapResult paired(List<double[]> columns, boolean[] labels, double[] weights,
            BootstrapOptions options, BinaryStatistic statistic) {
        Checks.notNull(columns, "columns");
        Checks.notNull(statistic, "statistic");
        BinaryStatistic[] stats = new BinaryStatistic[columns.size()];
        int[] column = new int[columns.size()];
        for (int c = 0; c < stats.length; c++) {
            stats[c] = statistic;
            column[c] = c;
        }
        return run(columns, labels, weights, options, stats, column, null);
    }

    /**
     * Paired bootstrap tests of the ROC AUCs of every pair of score columns (pROC's
     * {@code roc.test(method = "bootstrap", paired = TRUE)}), in the order (0,1), (0,2), ...,
     * (1,2), ...: difference of the full-sample AUCs, percentile interval of the replicate
     * differences, z = difference / sd(replicate differences), two-sided p, bootstrap variances
     * and covariance, and Holm-adjusted p-values over all pairs. Method "bootstrap".
     */
    public static List<AucComparison> compare(List<String> names, List<double[]> columns,
            boolean[] labels, double[] weights, BootstrapOptions options) {
        Checks.notNull(names, "names");
        Checks.notNull(columns, "columns");
        if (columns.size() < 2) {
            throw new IllegalArgumentException("columns must hold at least 2 score columns, got " + columns.size());
        }
        Checks.sameLength(columns.size(), names.size(), "columns", "names");
        BootstrapResult r = paired(columns, labels, weights, options, BinaryStatistic.rocAuc());
        List<AucComparison> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            for (int j = i + 1; j < columns.size(); j++) {
                out.add(pairedComparison(r, i, j, names.get(i), names.get(j), options.level())
                        .flagIdentical(columns.get(i), columns.get(j)));
            }
        }
        return DeLong.holm(out);
    }

    /** The paired comparison of statistics i and j of a bootstrap over the same replicates. */
    static AucComparison pairedComparison(BootstrapResult r, int i, int j, String nameA, String nameB, double level) {
        int reps = r.replicates();
        double[] diffs = new double[reps];
        int m = 0;
        for (int b = 0; b < reps; b++) {
            double d = r.value(b, i) - r.value(b, j);
            if (!Double.isNaN(d)) {
                diffs[m++] = d;
            }
        }
        List<String> warnings = new ArrayList<>();
        if (m < reps) {
            warnings.add((reps - m) + " of " + reps + " replicates had an undefined AUC and were left out");
        }
        double d = r.estimate(i) - r.estimate(j);
        double sd = Math.sqrt(BootstrapResult.sampleVariance(diffs, m));
        double[] t = AucComparison.zTest(d, sd, level);
        Arrays.sort(diffs, 0, m);
        double lo = BootstrapResult.quantile7(diffs, m, (1 - level) / 2);
        double hi = BootstrapResult.quantile7(diffs, m, (1 + level) / 2);
        double se = r.standardError(i);
        double seB = r.standardError(j);
        return new AucComparison(nameA, nameB, r.estimate(i), r.estimate(j), d, lo, hi, level, se * se,
                seB * seB, r.covariance(i, j), t[0], t[1], t[1], true, ConfidenceInterval.BOOTSTRAP, warnings);
    }

    /**
     * Paired bootstrap test of the one-vs-rest macro ROC AUC of two multi-class models scoring
     * the same samples: every class resampled separately, both models evaluated on the same
     * replicates (by {@link MulticlassEvaluation}), then as {@link #compare}.
     *
     * @param scoresA n rows of K scores of model a
     * @param scoresB n rows of K scores of model b
     */
    public static AucComparison compareMulticlassMacro(String nameA, double[][] scoresA, String nameB,
            double[][] scoresB, int[] labels, List<String> classes, double[] weights, BootstrapOptions options) {
        Checks.notNull(options, "options");
        MulticlassEvaluation.of(labels, scoresA, classes, weights);
        MulticlassEvaluation.of(labels, scoresB, classes, weights);
        BootstrapResult r = stratified(labels, weights, options, rw -> new double[] {
            MulticlassEvaluation.of(labels, scoresA, classes, rw).rocAucOvrMacro(),
            MulticlassEvaluation.of(labels, scoresB, classes, rw).rocAucOvrMacro()});
        return pairedComparison(r, 0, 1, nameA, nameB, options.level());
    }

    /**
     * Unpaired bootstrap test of the ROC AUCs of two independent samples: each is bootstrapped
     * on its own (stratified), sample a with {@code options.seed()} and sample b with
     * {@code options.seed() + 1}; replicate differences {@code auc_a(b) - auc_b(b)} give the
     * percentile interval, z = difference / sd(replicate differences), covariance 0.
     */
    public static AucComparison compareUnpaired(String nameA, double[] scoresA, boolean[] labelsA,
            double[] weightsA, String nameB, double[] scoresB, boolean[] labelsB, double[] weightsB,
            BootstrapOptions options) {
        Checks.notNull(options, "options");
        BootstrapResult a = binary(scoresA, labelsA, weightsA, options, BinaryStatistic.rocAuc());
        BootstrapResult b = binary(scoresB, labelsB, weightsB, options.withSeed(options.seed() + 1),
                BinaryStatistic.rocAuc());
        int reps = options.replicates();
        double[] diffs = new double[reps];
        int m = 0;
        for (int r = 0; r < reps; r++) {
            double d = a.value(r, 0) - b.value(r, 0);
            if (!Double.isNaN(d)) {
                diffs[m++] = d;
            }
        }
        List<String> warnings = new ArrayList<>();
        if (m < reps) {
            warnings.add((reps - m) + " of " + reps + " replicates had an undefined AUC and were left out");
        }
        double d = a.estimate(0) - b.estimate(0);
        double[] t = AucComparison.zTest(d, Math.sqrt(BootstrapResult.sampleVariance(diffs, m)), options.level());
        Arrays.sort(diffs, 0, m);
        double lo = BootstrapResult.quantile7(diffs, m, (1 - options.level()) / 2);
        double hi = BootstrapResult.quantile7(diffs, m, (1 + options.level()) / 2);
        double sa = a.standardError(0);
        double sb = b.standardError(0);
        return new AucComparison(nameA, nameB, a.estimate(0), b.estimate(0), d, lo, hi, options.level(),
                sa * sa, sb * sb, 0, t[0], t[1], t[1], false, ConfidenceInterval.BOOTSTRAP, warnings);
    }

    /**
     * Confidence band of the ROC curve: the sensitivity at each specificity of the grid, with
     * its percentile interval (pointwise; see {@link RocBand}).
     *
     * @param specificities grid of specificities, each in [0, 1]
     */
    public static RocBand rocBand(double[] scores, boolean[] labels, double[] weights,
            double[] specificities, BootstrapOptions options) {
        Checks.notNull(specificities, "specificities");
        Checks.nonEmpty(specificities.length, "specificities");
        BinaryStatistic[] stats = new BinaryStatistic[specificities.length];
        for (int i = 0; i < stats.length; i++) {
            Checks.probability(specificities[i], "specificities[" + i + "]");
            stats[i] = BinaryStatistic.sensitivityAtSpecificity(specificities[i]);
        }
        return new RocBand(specificities, binary(scores, labels, weights, options, stats));
    }

    /**
     * Generic stratified bootstrap over row weights: rows are resampled within their stratum
     * (e.g. their class), and {@code statistic} is called with row weights = original weight x
     * multiplicity (see {@link WeightedStatistic}). The estimate is the statistic on the
     * original weights (all 1 when {@code weights} is null). This is the hook for multi-class
     * averages: pass the class labels as strata and an evaluation that accepts weights.
     *
     * @param strata stratum of each row, &gt;= 0
     * @param weights sample weights or null
     */
    public static BootstrapResult stratified(int[] strata, double[] weights, BootstrapOptions options,
            WeightedStatistic statistic) {
        return stratified(strata, weights, options, statistic, null);
    }

    static BootstrapResult stratified(int[] strata, double[] weights, BootstrapOptions options,
            WeightedStatistic statistic, List<String> names) {
        Checks.notNull(strata, "strata");
        Checks.nonEmpty(strata.length, "strata");
        Checks.notNull(options, "options");
        Checks.notNull(statistic, "statistic");
        int n = strata.length;
        if (weights != null) {
            Checks.sameLength(n, weights.length, "strata", "weights");
            Checks.weights(weights, n);
        }
        // rows of weight 0 are no samples: never drawn (they keep weight 0 in every replicate)
        Strata st = Strata.of(strata, weights);
        double[] base = new double[n];
        for (int i = 0; i < n; i++) {
            base[i] = weights == null ? 1 : weights[i];
        }
        double[] estimate = statistic.compute(base.clone());
        Checks.notNull(estimate, "statistic result");
        int k = estimate.length;
        double[] values = runReplicates(n, st, options, k, () -> {
            double[] rw = new double[n];
            return (counts, out) -> {
                for (int i = 0; i < n; i++) {
                    rw[i] = counts[i] == 0 ? 0 : base[i] * counts[i];
                }
                double[] v = statistic.compute(rw);
                if (v == null || v.length != k) {
                    throw new IllegalStateException("statistic must return " + k + " values on every replicate, got "
                            + (v == null ? "null" : v.length));
                }
                System.arraycopy(v, 0, out, 0, k);
            };
        });
        return new BootstrapResult(estimate.clone(), values, options, names);
    }

    /**
     * Names of the multi-class averages bootstrapped by {@link #multiclass}, in the order of
     * the result's statistics 0 .. 7 (JSON keys as the evaluation's).
     */
    public static final List<String> MULTICLASS_AVERAGES = keys(
            MetricKey.of(Metric.ROC_AUC, Average.OVR_MACRO), MetricKey.of(Metric.ROC_AUC, Average.OVR_WEIGHTED),
            MetricKey.of(Metric.ROC_AUC, Average.OVR_MICRO), MetricKey.of(Metric.ROC_AUC, Average.OVO_MACRO),
            MetricKey.of(Metric.ROC_AUC, Average.OVO_WEIGHTED), MetricKey.of(Metric.AVERAGE_PRECISION, Average.MACRO),
            MetricKey.of(Metric.AVERAGE_PRECISION, Average.WEIGHTED),
            MetricKey.of(Metric.AVERAGE_PRECISION, Average.MICRO));

    private static List<String> keys(MetricKey... keys) {
        List<String> out = new ArrayList<>();
        for (MetricKey k : keys) {
            out.add(k.key());
        }
        return List.copyOf(out);
    }

    /** Per-class statistic names after {@code first}: roc_auc[c] for every class, then average_precision[c]. */
    private static List<String> withClassNames(List<String> first, List<String> classes) {
        List<String> names = new ArrayList<>(first);
        for (Metric m : new Metric[] {Metric.ROC_AUC, Metric.AVERAGE_PRECISION}) {
            for (String c : classes) {
                names.add(BootstrapResult.classStatistic(MetricKey.of(m), c));
            }
        }
        return names;
    }

    /**
     * Stratified bootstrap of a multi-class evaluation: each class resampled separately (its
     * size kept), every replicate evaluated by {@link MulticlassEvaluation} with row weights =
     * sample weight x multiplicity. Statistics of the result: 0 .. 7 the averages named in
     * {@link #MULTICLASS_AVERAGES}; {@code 8 + c} the one-vs-rest ROC AUC of class c;
     * {@code 8 + K + c} its average precision. Each is named: the averages by their keys, the
     * classes' by {@link BootstrapResult#classStatistic} ({@code roc_auc[cat]}). A class absent from the data stays absent in
     * every replicate (NaN, left out of the averages as in the evaluation). Each replicate
     * re-sorts the K score columns and the pooled micro column: cost O(R n K log).
     *
     * @param labels class of each row, in [0, K)
     * @param scores n rows of K scores
     * @param classes the K class names
     * @param weights sample weights or null
     */
    public static BootstrapResult multiclass(int[] labels, double[][] scores, List<String> classes,
            double[] weights, BootstrapOptions options) {
        Checks.notNull(classes, "classes");
        // validates everything once, with the evaluation's messages
        MulticlassEvaluation.of(labels, scores, classes, weights);
        int k = classes.size();
        return stratified(labels, weights, options, rw -> {
            MulticlassEvaluation ev = MulticlassEvaluation.of(labels, scores, classes, rw);
            double[] v = new double[8 + 2 * k];
            v[0] = ev.rocAucOvrMacro();
            v[1] = ev.rocAucOvrWeighted();
            v[2] = ev.rocAucOvrMicro();
            v[3] = ev.rocAucOvoMacro();
            v[4] = ev.rocAucOvoWeighted();
            v[5] = ev.averagePrecisionMacro();
            v[6] = ev.averagePrecisionWeighted();
            v[7] = ev.averagePrecisionMicro();
            for (int c = 0; c < k; c++) {
                v[8 + c] = ev.rocAuc(c);
                v[8 + k + c] = ev.averagePrecision(c);
            }
            return v;
        }, withClassNames(MULTICLASS_AVERAGES, classes));
    }

    /**
     * Stratified bootstrap of the one-vs-rest multi-class summaries without re-sorting: each
     * class column and the pooled n*K (micro) column are sorted once, and every replicate builds
     * its K + 1 operating-point tables by one walk each (as the binary bootstrap does), so a
     * replicate costs O(n K) instead of a full re-evaluation. Draws are those of
     * {@link #multiclass} with the same options (classes resampled separately), and the values
     * agree with it. Statistics: 0 {@code roc_auc_ovr_macro}, 1 {@code roc_auc_ovr_weighted},
     * 2 {@code roc_auc_ovr_micro}, 3 {@code average_precision_macro}, 4
     * {@code average_precision_weighted}, 5 {@code average_precision_micro} (the names in
     * {@link #ONE_VS_REST_AVERAGES}); {@code 6 + c} the ROC AUC of class c; {@code 6 + K + c}
     * its average precision; {@code 6 + 2K} {@code roc_auc_ovo_macro} and {@code 7 + 2K}
     * {@code roc_auc_ovo_weighted} (one-vs-one sums from one walk of each sorted column). Each is
     * named, as in {@link #multiclass}: read them by name.
     */
    public static BootstrapResult multiclassOneVsRest(int[] labels, double[][] scores, List<String> classes,
            double[] weights, BootstrapOptions options) {
        Checks.notNull(options, "options");
        MulticlassEvaluation ev = MulticlassEvaluation.of(labels, scores, classes, weights);
        // a row of weight 0 is no sample: left out before anything is drawn
        int[] kept = Weights.keptRows(weights);
        if (kept == null) {
            return multiclassOneVsRest(ev, labels, scores, Weights.scaled(weights), options);
        }
        return multiclassOneVsRest(ev, Weights.select(labels, kept), Weights.select(scores, kept),
                Weights.scaled(Weights.select(weights, kept)), options);
    }

    /** {@link #multiclassOneVsRest} on rows of positive weight, with the evaluation of them. */
    private static BootstrapResult multiclassOneVsRest(MulticlassEvaluation ev, int[] labels, double[][] scores,
            double[] weights, BootstrapOptions options) {
        List<String> classes = ev.classes();
        int n = labels.length;
        int k = classes.size();
        SortedColumn[] cols = new SortedColumn[k];
        double[][] posd = new double[k][n];
        int[] positives = new int[k];
        double[] column = new double[n];
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < n; i++) {
                column[i] = scores[i][c];
                if (labels[i] == c) {
                    posd[c][i] = 1;
                    positives[c]++;
                }
            }
            cols[c] = sortDescending(column);
        }
        int total = Math.multiplyExact(n, k);
        double[] pooled = new double[total];
        double[] pooledPos = new double[total];
        for (int i = 0, at = 0; i < n; i++) {
            for (int c = 0; c < k; c++, at++) {
                pooled[at] = scores[i][c];
                pooledPos[at] = labels[i] == c ? 1 : 0;
            }
        }
        SortedColumn micro = sortDescending(pooled);
        double[] estimates = new double[8 + 2 * k];
        estimates[6 + 2 * k] = ev.rocAucOvoMacro();
        estimates[7 + 2 * k] = ev.rocAucOvoWeighted();
        estimates[0] = ev.rocAucOvrMacro();
        estimates[1] = ev.rocAucOvrWeighted();
        estimates[2] = ev.rocAucOvrMicro();
        estimates[3] = ev.averagePrecisionMacro();
        estimates[4] = ev.averagePrecisionWeighted();
        estimates[5] = ev.averagePrecisionMicro();
        for (int c = 0; c < k; c++) {
            estimates[6 + c] = ev.rocAuc(c);
            estimates[6 + k + c] = ev.averagePrecision(c);
        }
        boolean weighted = weights != null;
        OneVsOne pairs = OneVsOne.of(labels, k);
        double[] values = runReplicates(n, Strata.of(labels), options, estimates.length, () -> {
            double[] auc = new double[k];
            double[] ap = new double[k];
            double[] support = new double[k];
            double[][] u = new double[pairs.size()][pairs.size()];
            return (counts, out) -> {
                ovoReplicate(cols, pairs, labels, counts, weights, u);
                for (int c = 0; c < k; c++) {
                    OperatingPoints t = replicateTable(cols[c], counts, posd[c], weights, n, positives[c], weighted);
                    BinaryEvaluation e = BinaryEvaluation.of(t);
                    auc[c] = e.rocAuc();
                    ap[c] = e.averagePrecision();
                    support[c] = t.positives();
                    out[6 + c] = auc[c];
                    out[6 + k + c] = ap[c];
                }
                BinaryEvaluation m = BinaryEvaluation.of(pooledTable(micro, counts, pooledPos, weights, k, n, weighted));
                out[0] = Averaging.mean(auc);
                out[1] = Averaging.weightedMean(auc, support);
                out[2] = m.rocAuc();
                out[3] = Averaging.mean(ap);
                out[4] = Averaging.weightedMean(ap, support);
                out[5] = m.averagePrecision();
                double weight = 0;
                for (double v : support) {
                    weight += v;
                }
                out[6 + 2 * k] = pairs.average(u, support, weight, false);
                out[7 + 2 * k] = pairs.average(u, support, weight, true);
            };
        });
        return new BootstrapResult(estimates, values, options, oneVsRestNames(classes));
    }

    /**
     * One-vs-one Mann-Whitney sums of a replicate, by one walk of the sorted column of each class
     * with samples: {@code u[slot(c)][slot(b)]} = sum over rows j of class b of w_j (weight of
     * class-c rows scoring above row j in column c, ties one half), every weight times the row's
     * multiplicity; as {@link MulticlassEvaluation}'s one-vs-one sums. O(n) per column.
     */
    private static void ovoReplicate(SortedColumn[] cols, OneVsOne pairs, int[] labels, int[] counts,
            double[] weights, double[][] u) {
        int[] slot = pairs.slot;
        for (int c : pairs.present) {
            double[] uc = u[slot[c]];
            Arrays.fill(uc, 0);
            SortedColumn col = cols[c];
            double above = 0;
            int start = 0;
            for (int g = 0; g < col.groupEnd.length; g++) {
                int end = col.groupEnd[g];
                double groupC = 0;
                for (int at = start; at < end; at++) {
                    int r = col.order == null ? at : col.order[at];
                    if (labels[r] == c && counts[r] != 0) {
                        groupC += counts[r] * (weights == null ? 1 : weights[r]);
                    }
                }
                double credit = above + 0.5 * groupC;
                for (int at = start; at < end; at++) {
                    int r = col.order == null ? at : col.order[at];
                    int b = labels[r];
                    if (b != c && counts[r] != 0) {
                        uc[slot[b]] += counts[r] * (weights == null ? 1 : weights[r]) * credit;
                    }
                }
                above += groupC;
                start = end;
            }
        }
    }

    /** Names of statistics 0 .. 5 of {@link #multiclassOneVsRest}. */
    public static final List<String> ONE_VS_REST_AVERAGES = keys(
            MetricKey.of(Metric.ROC_AUC, Average.OVR_MACRO), MetricKey.of(Metric.ROC_AUC, Average.OVR_WEIGHTED),
            MetricKey.of(Metric.ROC_AUC, Average.OVR_MICRO), MetricKey.of(Metric.AVERAGE_PRECISION, Average.MACRO),
            MetricKey.of(Metric.AVERAGE_PRECISION, Average.WEIGHTED),
            MetricKey.of(Metric.AVERAGE_PRECISION, Average.MICRO));

    /** Names of the statistics of {@link #multiclassOneVsRest}, in order. */
    private static List<String> oneVsRestNames(List<String> classes) {
        List<String> names = withClassNames(ONE_VS_REST_AVERAGES, classes);
        names.add(MetricKey.of(Metric.ROC_AUC, Average.OVO_MACRO).key());
        names.add(MetricKey.of(Metric.ROC_AUC, Average.OVO_WEIGHTED).key());
        return names;
    }

    /** A column sorted once, descending, in original row indices (ties in any fixed order). */
    private static SortedColumn sortDescending(double[] s) {
        int n = s.length;
        int[] asc = Sorting.argsort(s);
        int[] order = new int[n];
        int[] ends = new int[n];
        double[] thr = new double[n];
        int groups = 0;
        for (int i = 0; i < n; i++) {
            int r = asc[n - 1 - i];
            order[i] = r;
            double v = s[r];
            if (i == 0 || v != thr[groups - 1]) {
                thr[groups++] = v;
            }
            ends[groups - 1] = i + 1;
        }
        return new SortedColumn(order, Arrays.copyOf(ends, groups), Arrays.copyOf(thr, groups));
    }

    /**
     * The replicate table of the pooled n*K decisions: entry e belongs to row e / K, whose
     * multiplicity and weight it takes.
     */
    private static OperatingPoints pooledTable(SortedColumn col, int[] counts, double[] posd, double[] wt,
            int k, int n, boolean weighted) {
        int groups = col.groupEnd.length;
        double[] thr = new double[groups];
        double[] tps = new double[groups];
        double[] fps = new double[groups];
        int[] order = col.order;
        double tp = 0;
        double all = 0;
        int used = 0;
        int start = 0;
        for (int g = 0; g < groups; g++) {
            int end = col.groupEnd[g];
            int drawn = 0;
            for (int i = start; i < end; i++) {
                int e = order[i];
                int row = e / k;
                int c = counts[row];
                double w = wt == null ? c : c * wt[row];
                tp += w * posd[e];
                all += w;
                drawn |= c;
            }
            thr[used] = col.threshold[g];
            tps[used] = tp;
            fps[used] = all - tp;
            used += drawn != 0 ? 1 : 0;
            start = end;
        }
        return OperatingPoints.wrap(Arrays.copyOf(thr, used), Arrays.copyOf(tps, used), Arrays.copyOf(fps, used),
                n * k, n, weighted);
    }

    // ---------------------------------------------------------------- engine

    /** Rows grouped by stratum: members[offset[s], offset[s + 1]) are the rows of stratum s. */
    static final class Strata {
        final int[] members;
        final int[] offset;

        private Strata(int[] members, int[] offset) {
            this.members = members;
            this.offset = offset;
        }

        static Strata of(int[] strata) {
            return of(strata, null);
        }

        /** Strata of the rows of positive weight (all rows without weights). */
        static Strata of(int[] strata, double[] weights) {
            int max = -1;
            for (int i = 0; i < strata.length; i++) {
                if (strata[i] < 0) {
                    throw new IllegalArgumentException("strata[" + i + "] must be >= 0, got " + strata[i]);
                }
                max = Math.max(max, strata[i]);
            }
            int[] offset = new int[max + 2];
            int members = 0;
            for (int i = 0; i < strata.length; i++) {
                if (weights == null || weights[i] != 0) {
                    offset[strata[i] + 1]++;
                    members++;
                }
            }
            for (int s = 0; s <= max; s++) {
                offset[s + 1] += offset[s];
            }
            int[] fill = Arrays.copyOf(offset, max + 1);
            int[] member = new int[members];
            for (int i = 0; i < strata.length; i++) {
                if (weights == null || weights[i] != 0) {
                    member[fill[strata[i]]++] = i;
                }
            }
            return new Strata(member, offset);
        }

        /** Fills counts (length n) with the multiplicities of one stratified resample. */
        void draw(SplittableRandom rng, int[] counts) {
            Arrays.fill(counts, 0);
            for (int s = 0; s + 1 < offset.length; s++) {
                int from = offset[s];
                int size = offset[s + 1] - from;
                for (int i = 0; i < size; i++) {
                    counts[members[from + rng.nextInt(size)]]++;
                }
            }
        }
    }

    /** The generator of replicate b: a SplitMix64 finalisation of (seed, b). */
    static SplittableRandom rng(long seed, int replicate) {
        long z = seed + (replicate + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }

    /** Computes the k statistics of one replicate from its row multiplicities. */
    interface Replicate {
        void compute(int[] counts, double[] out);
    }

    /** Makes a replicate worker with its own scratch space (one per block of replicates). */
    interface ReplicateFactory {
        Replicate create();
    }

    /** Runs every replicate; values[b * k + j] is statistic j of replicate b. */
    static double[] runReplicates(int n, Strata strata, BootstrapOptions options, int k, ReplicateFactory factory) {
        int reps = options.replicates();
        if ((long) reps * k > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("replicates x statistics must be at most " + (Integer.MAX_VALUE - 8)
                    + ", got " + reps + " x " + k);
        }
        double[] values = new double[reps * k];
        int blocks = (reps + BLOCK - 1) / BLOCK;
        IntConsumer block = blk -> {
            int[] counts = new int[n];
            double[] out = new double[k];
            Replicate worker = factory.create();
            int end = Math.min(reps, (blk + 1) * BLOCK);
            for (int b = blk * BLOCK; b < end; b++) {
                strata.draw(rng(options.seed(), b), counts);
                Arrays.fill(out, Double.NaN);
                worker.compute(counts, out);
                System.arraycopy(out, 0, values, b * k, k);
            }
        };
        if (options.threads() == 1 || blocks == 1) {
            for (int blk = 0; blk < blocks; blk++) {
                block.accept(blk);
            }
            return values;
        }
        ForkJoinPool pool = new ForkJoinPool(options.threads());
        try {
            pool.submit(() -> IntStream.range(0, blocks).parallel().forEach(block)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bootstrap interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdown();
        }
        return values;
    }

    /** One sorted score column in the shared row space (rows = column 0's descending order). */
    private static final class SortedColumn {
        final int[] order; // row-space rows by descending score; null for the identity (column 0)
        final int[] groupEnd; // exclusive end in order of each run of equal scores
        final double[] threshold; // the score of each run, descending

        SortedColumn(int[] order, int[] groupEnd, double[] threshold) {
            this.order = order;
            this.groupEnd = groupEnd;
            this.threshold = threshold;
        }
    }

    private static BootstrapResult run(List<double[]> columns, boolean[] labels, double[] weights,
            BootstrapOptions options, BinaryStatistic[] stats, int[] statColumn, List<String> names) {
        Checks.notNull(labels, "labels");
        Checks.notNull(options, "options");
        if (stats.length == 0) {
            throw new IllegalArgumentException("statistics must not be empty");
        }
        for (int j = 0; j < stats.length; j++) {
            Checks.notNull(stats[j], "statistics[" + j + "]");
        }
        int all = labels.length;
        Checks.nonEmpty(all, "labels");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("columns must not be empty");
        }
        for (int c = 0; c < columns.size(); c++) {
            double[] s = columns.get(c);
            Checks.notNull(s, "columns[" + c + "]");
            Checks.sameLength(all, s.length, "labels", "scores");
            Checks.finiteScores(s, columns.size() == 1 ? "scores" : "columns[" + c + "]");
        }
        Checks.weights(weights, all);
        // a row of weight 0 is no sample: left out before anything is drawn
        int[] kept = Weights.keptRows(weights);
        if (kept != null) {
            columns = columns.stream().map(c -> Weights.select(c, kept)).toList();
            labels = Weights.select(labels, kept);
            weights = Weights.select(weights, kept);
        }
        final int n = labels.length;
        weights = Weights.scaled(weights);

        // estimates on the full sample, through the ordinary table
        double[] estimates = new double[stats.length];
        OperatingPoints[] full = new OperatingPoints[columns.size()];
        for (int j = 0; j < stats.length; j++) {
            int c = statColumn[j];
            if (full[c] == null) {
                full[c] = OperatingPoints.of(columns.get(c), labels, weights);
            }
            estimates[j] = stats[j].compute(full[c]);
        }

        // row space: rows renumbered by column 0's descending order, so its walk is sequential
        int[] asc0 = Sorting.argsort(columns.get(0));
        int[] rowOf = new int[n]; // original index of row-space row k
        int[] inv = new int[n];
        for (int k = 0; k < n; k++) {
            rowOf[k] = asc0[n - 1 - k];
            inv[rowOf[k]] = k;
        }
        boolean[] lab = new boolean[n];
        double[] posd = new double[n]; // 1 for a positive, 0 for a negative
        double[] wt = weights == null ? null : new double[n];
        int[] strata = new int[n];
        int positives = 0;
        for (int k = 0; k < n; k++) {
            lab[k] = labels[rowOf[k]];
            if (wt != null) {
                wt[k] = weights[rowOf[k]];
            }
            strata[k] = lab[k] ? 1 : 0;
            posd[k] = lab[k] ? 1 : 0;
            if (lab[k]) {
                positives++;
            }
        }
        SortedColumn[] sorted = new SortedColumn[columns.size()];
        for (int c = 0; c < sorted.length; c++) {
            double[] s = columns.get(c);
            int[] order = null;
            int[] origDesc;
            if (c == 0) {
                origDesc = rowOf;
            } else {
                int[] asc = Sorting.argsort(s);
                origDesc = new int[n];
                order = new int[n];
                for (int k = 0; k < n; k++) {
                    origDesc[k] = asc[n - 1 - k];
                    order[k] = inv[origDesc[k]];
                }
            }
            int groups = 0;
            int[] ends = new int[n];
            double[] thr = new double[n];
            for (int k = 0; k < n; k++) {
                double v = s[origDesc[k]];
                if (k == 0 || v != thr[groups - 1]) {
                    thr[groups++] = v;
                }
                ends[groups - 1] = k + 1;
            }
            sorted[c] = new SortedColumn(order, Arrays.copyOf(ends, groups), Arrays.copyOf(thr, groups));
        }
        final int pos = positives;
        final boolean weighted = weights != null;
        double[] values = runReplicates(n, Strata.of(strata), options, stats.length, () -> {
            OperatingPoints[] tables = new OperatingPoints[sorted.length];
            return (counts, out) -> {
                Arrays.fill(tables, null);
                for (int j = 0; j < stats.length; j++) {
                    int c = statColumn[j];
                    if (tables[c] == null) {
                        tables[c] = replicateTable(sorted[c], counts, posd, wt, n, pos, weighted);
                    }
                    out[j] = stats[j].compute(tables[c]);
                }
            };
        });
        return new BootstrapResult(estimates, values, options, names);
    }

    /**
     * The operating points of a replicate: one walk of the sorted column, no sort. Branch-free
     * in the inner loop (labels and multiplicities are unpredictable in score order): the
     * positive weight is added as weight x (0 or 1) and the negative weight is the rest.
     */
    private static OperatingPoints replicateTable(SortedColumn col, int[] counts, double[] posd,
            double[] wt, int n, int positives, boolean weighted) {
        int groups = col.groupEnd.length;
        double[] thr = new double[groups];
        double[] tps = new double[groups];
        double[] fps = new double[groups];
        int[] order = col.order;
        int[] groupEnd = col.groupEnd;
        double[] threshold = col.threshold;
        double tp = 0;
        double all = 0;
        int used = 0;
        if (groups == n && order == null) {
            // all scores distinct, column 0: row k is group k
            for (int k = 0; k < n; k++) {
                int c = counts[k];
                double w = wt == null ? c : c * wt[k];
                tp += w * posd[k];
                all += w;
                thr[used] = threshold[k];
                tps[used] = tp;
                fps[used] = all - tp;
                used += c != 0 ? 1 : 0;
            }
        } else {
            int start = 0;
            for (int g = 0; g < groups; g++) {
                int end = groupEnd[g];
                int drawn = 0;
                for (int k = start; k < end; k++) {
                    int r = order == null ? k : order[k];
                    int c = counts[r];
                    double w = wt == null ? c : c * wt[r];
                    tp += w * posd[r];
                    all += w;
                    drawn |= c;
                }
                thr[used] = threshold[g];
                tps[used] = tp;
                fps[used] = all - tp;
                used += drawn != 0 ? 1 : 0;
                start = end;
            }
        }
        if (used < groups) {
            thr = Arrays.copyOf(thr, used);
            tps = Arrays.copyOf(tps, used);
            fps = Arrays.copyOf(fps, used);
        }
        return OperatingPoints.wrap(thr, tps, fps, n, positives, weighted);
    }
}

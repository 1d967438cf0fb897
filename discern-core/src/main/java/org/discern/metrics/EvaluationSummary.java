package org.discern.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.UnaryOperator;

import org.discern.metrics.internal.Checks;
import org.discern.metrics.internal.Sorting;

/**
 * The numbers of one evaluation as every output shows them: the ordered metric values under the
 * registry's keys ({@link MetricKey}), an optional interval (and DeLong variance) per value,
 * per-class (per-label) rows with their own values, the confusion matrix (binary: at the
 * threshold; multi-class: of the argmax), the warnings, and the options that produced it. JSON,
 * terminal tables and the HTML page all write a summary; none computes a metric of its own.
 *
 * <p>Built inside core from an evaluation and, optionally, its interval objects:
 * {@link #binary(BinaryEvaluation, SummaryOptions, DeLongAuc)} or with a
 * {@link BootstrapResult} (read by name: a value gets the interval of the statistic named by its
 * key, a class's value that of {@link BootstrapResult#classStatistic}).
 *
 * <p>Order of the values (the README's):
 * <ul>
 *   <li>binary: roc_auc, average_precision, pr_auc_interpolated, pr_auc_trapezoid, ks,
 *       log_loss, brier, then the decision metrics at the threshold (accuracy, precision, recall,
 *       specificity, npv, f1, mcc, balanced_accuracy, cohen_kappa), then partial_roc_auc when a
 *       maximum FPR is given;</li>
 *   <li>multi-class: roc_auc_ovr_macro, _ovr_weighted, _ovr_micro, _ovo_macro, _ovo_weighted,
 *       average_precision_macro, _weighted, _micro, accuracy, balanced_accuracy, cohen_kappa, mcc,
 *       log_loss, top_K_accuracy per k, precision/recall/f1 _macro, then _weighted, then _micro;
 *       per class: precision, recall, f1, roc_auc, average_precision;</li>
 *   <li>multi-label: roc_auc and average_precision _macro, _weighted, _micro, _samples,
 *       label_ranking_average_precision, coverage_error; per label: roc_auc,
 *       average_precision.</li>
 * </ul>
 * Undefined values are NaN, as in the evaluations.
 *
 * <p>Immutable; arrays never leak.
 */
public final class EvaluationSummary {
    /** Warning added to DeLong intervals of weighted samples (also by the Spark job's summed path). */
    public static final String DELONG_WEIGHTS = "DeLong treats sample weights as frequency weights (a row of weight 2"
            + " counts as two rows); for other weights use --ci bootstrap";

    /** The kind of task. */
    public enum Task {
        /** One score column, positive or not. */
        BINARY,
        /** One label of K classes per row, K score columns. */
        MULTICLASS,
        /** Any subset of L labels per row, L score columns. */
        MULTILABEL;

        /** The value of the {@code task} key: "binary", "multiclass", "multilabel". */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One metric value.
     *
     * @param key the metric
     * @param value its value, NaN when undefined
     * @param interval its confidence interval, if asked for
     * @param variance its DeLong variance (NaN when undefined), with DeLong intervals of the ROC AUC
     */
    public record Value(MetricKey key, double value, Optional<ConfidenceInterval> interval, OptionalDouble variance) {
        /** Checks for nulls. */
        public Value {
            Checks.notNull(key, "key");
            Checks.notNull(interval, "interval");
            Checks.notNull(variance, "variance");
        }

        static Value of(MetricKey key, double value) {
            return new Value(key, value, Optional.empty(), OptionalDouble.empty());
        }

        Value with(ConfidenceInterval ci, OptionalDouble var) {
            return new Value(key, value, Optional.of(ci), var);
        }
    }

    /**
     * The values of one class (multi-class) or label (multi-label).
     *
     * @param name the class or label name
     * @param support its rows, or with weights their summed weight
     * @param values its metric values, in output order
     */
    public record ClassRow(String name, double support, List<Value> values) {
        /** Copies the values. */
        public ClassRow {
            Checks.notNull(name, "name");
            values = List.copyOf(values);
        }

        /**
         * The value of a metric.
         *
         * @throws IllegalArgumentException when the row has no such metric
         */
        public Value value(MetricKey key) {
            return find(values, key).orElseThrow(() -> missing(key, values));
        }
    }

    /**
     * How the intervals of a summary were computed.
     *
     * @param method {@link ConfidenceInterval#DELONG} or {@link ConfidenceInterval#BOOTSTRAP}
     * @param level the confidence level
     * @param replicates bootstrap replicates (0 for DeLong)
     * @param seed the bootstrap's seed (0 for DeLong)
     */
    public record Intervals(String method, double level, int replicates, long seed) {
        /** Checks the method and level. */
        public Intervals {
            Checks.notNull(method, "method");
            ConfidenceInterval.checkLevel(level);
        }

        /** Whether the intervals are bootstrapped (and {@link #replicates()}, {@link #seed()} apply). */
        public boolean bootstrap() {
            return method.equals(ConfidenceInterval.BOOTSTRAP);
        }
    }

    private final Task task;
    private final int rows;
    private final int positiveRows;
    private final int negativeRows;
    private final boolean weighted;
    private final List<String> classes;
    private final List<Value> values;
    private final List<ClassRow> perClass;
    private final ConfusionMatrix confusion;
    private final MulticlassConfusionMatrix confusionMatrix;
    private final SummaryOptions options;
    private final Intervals intervals;
    private final List<String> warnings;

    private EvaluationSummary(Builder b) {
        this.task = b.task;
        this.rows = b.rows;
        this.positiveRows = b.positiveRows;
        this.negativeRows = b.negativeRows;
        this.weighted = b.weighted;
        this.classes = List.copyOf(b.classes);
        this.values = List.copyOf(b.values);
        this.perClass = List.copyOf(b.perClass);
        this.confusion = b.confusion;
        this.confusionMatrix = b.confusionMatrix;
        this.options = b.options;
        this.intervals = b.intervals;
        this.warnings = List.copyOf(b.warnings);
    }

    // ---------------------------------------------------------------- binary

    /** The summary of a binary evaluation, without intervals. */
    public static EvaluationSummary binary(BinaryEvaluation ev, SummaryOptions options) {
        return binaryBuilder(ev, options).build();
    }

    /**
     * The summary of a binary evaluation with the DeLong interval (at {@link SummaryOptions#level()})
     * and variance of its ROC AUC.
     *
     * @param delong the DeLong result of the same operating points ({@code DeLong.auc(ev.operatingPoints())})
     * @throws IllegalArgumentException when {@code delong} is of other data (other AUC or counts)
     */
    public static EvaluationSummary binary(BinaryEvaluation ev, SummaryOptions options, DeLongAuc delong) {
        Checks.notNull(delong, "delong");
        Builder b = binaryBuilder(ev, options);
        OperatingPoints op = ev.operatingPoints();
        sameData(delong, ev.rocAuc(), op.positives(), op.negatives(), "the evaluation");
        b.delong(MetricKey.of(Metric.ROC_AUC), delong, options.level());
        delong.warnings().forEach(b.warnings::add);
        if (op.weighted()) {
            b.warnings.add(DELONG_WEIGHTS);
        }
        b.intervals = new Intervals(ConfidenceInterval.DELONG, options.level(), 0, 0);
        return b.build();
    }

    /**
     * The summary of a binary evaluation with bootstrap intervals: every value whose key names a
     * statistic of {@code bootstrap} gets its interval ({@link BinaryStatistic#rocAuc()} and
     * {@link BinaryStatistic#averagePrecision()} give {@code roc_auc} and
     * {@code average_precision}).
     *
     * @throws IllegalArgumentException when no statistic of {@code bootstrap} is named by a value
     */
    public static EvaluationSummary binary(BinaryEvaluation ev, SummaryOptions options, BootstrapResult bootstrap) {
        Checks.notNull(bootstrap, "bootstrap");
        Builder b = binaryBuilder(ev, options);
        b.bootstrap(bootstrap);
        return b.build();
    }

    private static Builder binaryBuilder(BinaryEvaluation ev, SummaryOptions options) {
        Checks.notNull(ev, "ev");
        Checks.notNull(options, "options");
        Builder b = new Builder(Task.BINARY, ev.rows(), ev.operatingPoints().weighted(), options);
        b.positiveRows = ev.positiveRows();
        b.negativeRows = ev.negativeRows();
        // five numbers from walks over the table, in two walks: on a large table the two PR areas
        // (about half of the work: the interpolated one takes a logarithm per row) on the common
        // fork-join pool while this thread makes the other three (each value the same as made alone)
        ForkJoinTask<double[]> areas = ev.operatingPoints().size() >= Sorting.PARALLEL
                && Runtime.getRuntime().availableProcessors() > 1
                ? ForkJoinPool.commonPool().submit(ev::prAucInterpolatedAndTrapezoid)
                : null;
        double[] ranks = ev.rocAucAveragePrecisionKs();
        double rocAuc = ranks[0];
        double averagePrecision = ranks[1];
        double ks = ranks[2];
        double[] pr = areas != null ? areas.join() : ev.prAucInterpolatedAndTrapezoid();
        b.add(Metric.ROC_AUC, rocAuc);
        b.add(Metric.AVERAGE_PRECISION, averagePrecision);
        b.add(Metric.PR_AUC_INTERPOLATED, pr[0]);
        b.add(Metric.PR_AUC_TRAPEZOID, pr[1]);
        b.add(Metric.KS, ks);
        b.add(Metric.LOG_LOSS, ev.logLoss());
        b.add(Metric.BRIER, ev.brierScore());
        ConfusionMatrix cm = ev.confusionAt(options.threshold());
        b.confusion = cm;
        addDecisionMetrics(b.values, cm);
        if (!Double.isNaN(options.maxFpr())) {
            b.values.add(Value.of(MetricKey.partialRocAuc(options.maxFpr()), ev.partialRocAuc(options.maxFpr())));
        }
        b.warnings.addAll(ev.warningsAt(options.threshold()));
        return b;
    }

    /**
     * The decision metrics of a binary confusion matrix, as a binary summary lists them: accuracy,
     * precision, recall, specificity, npv, f1, mcc, balanced_accuracy, cohen_kappa. For outputs
     * that show a decision rule alone (a threshold chosen by cost, say).
     */
    public static List<Value> decisionValues(ConfusionMatrix cm) {
        Checks.notNull(cm, "cm");
        List<Value> out = new ArrayList<>();
        addDecisionMetrics(out, cm);
        return List.copyOf(out);
    }

    private static void addDecisionMetrics(List<Value> out, ConfusionMatrix cm) {
        out.add(Value.of(MetricKey.of(Metric.ACCURACY), cm.accuracy()));
        out.add(Value.of(MetricKey.of(Metric.PRECISION), cm.precision()));
        out.add(Value.of(MetricKey.of(Metric.RECALL), cm.recall()));
        out.add(Value.of(MetricKey.of(Metric.SPECIFICITY), cm.specificity()));
        out.add(Value.of(MetricKey.of(Metric.NPV), cm.npv()));
        out.add(Value.of(MetricKey.of(Metric.F1), cm.f1()));
        out.add(Value.of(MetricKey.of(Metric.MCC), cm.mcc()));
        out.add(Value.of(MetricKey.of(Metric.BALANCED_ACCURACY), cm.balancedAccuracy()));
        out.add(Value.of(MetricKey.of(Metric.COHEN_KAPPA), cm.cohenKappa()));
    }

    // ---------------------------------------------------------------- multi-class

    /** The summary of a multi-class evaluation, without intervals. */
    public static EvaluationSummary multiclass(MulticlassNumbers ev, SummaryOptions options) {
        return multiclassBuilder(ev, options).build();
    }

    /**
     * The summary of a multi-class evaluation with the DeLong interval (at
     * {@link SummaryOptions#level()}) and variance of every class's one-vs-rest ROC AUC.
     *
     * @param delong one result per class, in class order ({@link DeLong#oneVsRest(MulticlassEvaluation)}, or
     *     {@link MulticlassSweep#classSums}{@code (c).deLong()})
     * @throws IllegalArgumentException when {@code delong} does not match the classes
     */
    public static EvaluationSummary multiclass(MulticlassNumbers ev, SummaryOptions options,
            List<DeLongAuc> delong) {
        Checks.notNull(delong, "delong");
        Builder b = multiclassBuilder(ev, options);
        Checks.sameLength(ev.classCount(), delong.size(), "classes", "delong");
        MetricKey auc = MetricKey.of(Metric.ROC_AUC);
        for (int c = 0; c < ev.classCount(); c++) {
            DeLongAuc d = delong.get(c);
            Checks.notNull(d, "delong[" + c + "]");
            double positives;
            double negatives;
            if (ev instanceof MulticlassEvaluation e) {
                OperatingPoints op = e.classEvaluation(c).operatingPoints();
                positives = op.positives();
                negatives = op.negatives();
            } else {
                DeLongAuc own = ((MulticlassSweep) ev).classSums(c).deLong();
                positives = own.positives();
                negatives = own.negatives();
            }
            sameData(d, ev.rocAuc(c), positives, negatives, "class " + ev.classes().get(c));
            b.classDelong(c, auc, d, options.level());
            String cls = ev.classes().get(c);
            d.warnings().forEach(w -> b.warnings.add("class " + cls + ": " + w));
        }
        if (ev.weighted()) {
            b.warnings.add(DELONG_WEIGHTS);
        }
        b.intervals = new Intervals(ConfidenceInterval.DELONG, options.level(), 0, 0);
        return b.build();
    }

    /**
     * The summary of a multi-class evaluation with bootstrap intervals, read by name: every
     * average named by a statistic of {@code bootstrap}, and every class's value named by
     * {@link BootstrapResult#classStatistic} ({@link Bootstrap#multiclassOneVsRest} names all
     * of the ROC AUC and average precision ones).
     *
     * @throws IllegalArgumentException when no statistic of {@code bootstrap} is named by a value
     */
    public static EvaluationSummary multiclass(MulticlassEvaluation ev, SummaryOptions options,
            BootstrapResult bootstrap) {
        Checks.notNull(bootstrap, "bootstrap");
        Builder b = multiclassBuilder(ev, options);
        b.bootstrap(bootstrap);
        return b.build();
    }

    private static Builder multiclassBuilder(MulticlassNumbers ev, SummaryOptions options) {
        Checks.notNull(ev, "ev");
        Checks.notNull(options, "options");
        Builder b = new Builder(Task.MULTICLASS, ev.rows(), ev.weighted(), options);
        b.classes.addAll(ev.classes());
        b.add(Metric.ROC_AUC, Average.OVR_MACRO, ev.rocAucOvrMacro());
        b.add(Metric.ROC_AUC, Average.OVR_WEIGHTED, ev.rocAucOvrWeighted());
        b.add(Metric.ROC_AUC, Average.OVR_MICRO, ev.rocAucOvrMicro());
        b.add(Metric.ROC_AUC, Average.OVO_MACRO, ev.rocAucOvoMacro());
        b.add(Metric.ROC_AUC, Average.OVO_WEIGHTED, ev.rocAucOvoWeighted());
        b.add(Metric.AVERAGE_PRECISION, Average.MACRO, ev.averagePrecisionMacro());
        b.add(Metric.AVERAGE_PRECISION, Average.WEIGHTED, ev.averagePrecisionWeighted());
        b.add(Metric.AVERAGE_PRECISION, Average.MICRO, ev.averagePrecisionMicro());
        b.add(Metric.ACCURACY, ev.accuracy());
        b.add(Metric.BALANCED_ACCURACY, ev.balancedAccuracy());
        b.add(Metric.COHEN_KAPPA, ev.cohenKappa());
        b.add(Metric.MCC, ev.mcc());
        b.add(Metric.LOG_LOSS, ev.logLoss());
        for (int k : options.topK()) {
            b.values.add(Value.of(MetricKey.topKAccuracy(k), ev.topKAccuracy(k)));
        }
        MulticlassConfusionMatrix cm = ev.confusionMatrix();
        b.confusionMatrix = cm;
        b.add(Metric.PRECISION, Average.MACRO, cm.precisionMacro());
        b.add(Metric.RECALL, Average.MACRO, cm.recallMacro());
        b.add(Metric.F1, Average.MACRO, cm.f1Macro());
        b.add(Metric.PRECISION, Average.WEIGHTED, cm.precisionWeighted());
        b.add(Metric.RECALL, Average.WEIGHTED, cm.recallWeighted());
        b.add(Metric.F1, Average.WEIGHTED, cm.f1Weighted());
        b.add(Metric.PRECISION, Average.MICRO, cm.precisionMicro());
        b.add(Metric.RECALL, Average.MICRO, cm.recallMicro());
        b.add(Metric.F1, Average.MICRO, cm.f1Micro());
        for (int c = 0; c < ev.classCount(); c++) {
            b.perClass.add(new ClassRow(ev.classes().get(c), ev.support(c), List.of(
                    Value.of(MetricKey.of(Metric.PRECISION), cm.precision(c)),
                    Value.of(MetricKey.of(Metric.RECALL), cm.recall(c)),
                    Value.of(MetricKey.of(Metric.F1), cm.f1(c)),
                    Value.of(MetricKey.of(Metric.ROC_AUC), ev.rocAuc(c)),
                    Value.of(MetricKey.of(Metric.AVERAGE_PRECISION), ev.averagePrecision(c)))));
        }
        b.warnings.addAll(ev.warnings());
        return b;
    }

    // ---------------------------------------------------------------- multi-label

    /** The summary of a multi-label evaluation (no intervals: none are computed for multi-label). */
    public static EvaluationSummary multilabel(MultilabelEvaluation ev, SummaryOptions options) {
        Checks.notNull(ev, "ev");
        Checks.notNull(options, "options");
        // the multi-label outputs do not say whether weights were given
        Builder b = new Builder(Task.MULTILABEL, ev.rows(), false, options);
        b.classes.addAll(ev.labels());
        b.add(Metric.ROC_AUC, Average.MACRO, ev.rocAucMacro());
        b.add(Metric.ROC_AUC, Average.WEIGHTED, ev.rocAucWeighted());
        b.add(Metric.ROC_AUC, Average.MICRO, ev.rocAucMicro());
        b.add(Metric.ROC_AUC, Average.SAMPLES, ev.rocAucSamples());
        b.add(Metric.AVERAGE_PRECISION, Average.MACRO, ev.averagePrecisionMacro());
        b.add(Metric.AVERAGE_PRECISION, Average.WEIGHTED, ev.averagePrecisionWeighted());
        b.add(Metric.AVERAGE_PRECISION, Average.MICRO, ev.averagePrecisionMicro());
        b.add(Metric.AVERAGE_PRECISION, Average.SAMPLES, ev.averagePrecisionSamples());
        b.add(Metric.LABEL_RANKING_AVERAGE_PRECISION, ev.labelRankingAveragePrecision());
        b.add(Metric.COVERAGE_ERROR, ev.coverageError());
        for (int c = 0; c < ev.labelCount(); c++) {
            b.perClass.add(new ClassRow(ev.labels().get(c), ev.support(c), List.of(
                    Value.of(MetricKey.of(Metric.ROC_AUC), ev.rocAuc(c)),
                    Value.of(MetricKey.of(Metric.AVERAGE_PRECISION), ev.averagePrecision(c)))));
        }
        b.warnings.addAll(ev.warnings());
        return b.build();
    }

    // ---------------------------------------------------------------- accessors

    /** The task. */
    public Task task() {
        return task;
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Binary: rows with a positive label (0 for other tasks). */
    public int positiveRows() {
        return positiveRows;
    }

    /** Binary: rows with a negative label (0 for other tasks). */
    public int negativeRows() {
        return negativeRows;
    }

    /** Whether the evaluation had sample weights (binary and multi-class; false for multi-label). */
    public boolean weighted() {
        return weighted;
    }

    /** Multi-class: the class names; multi-label: the label names; binary: empty. */
    public List<String> classes() {
        return classes;
    }

    /** The metric values, in output order (see the class documentation). */
    public List<Value> values() {
        return values;
    }

    /** The value of a metric, if the summary has it. */
    public Optional<Value> find(MetricKey key) {
        return find(values, key);
    }

    /**
     * The value of a metric.
     *
     * @throws IllegalArgumentException when the summary has no such metric
     */
    public Value value(MetricKey key) {
        return find(key).orElseThrow(() -> missing(key, values));
    }

    /** Multi-class: one row per class; multi-label: per label; binary: empty. In class order. */
    public List<ClassRow> perClass() {
        return perClass;
    }

    /** Binary: the confusion matrix at {@link #threshold()}. */
    public Optional<ConfusionMatrix> confusion() {
        return Optional.ofNullable(confusion);
    }

    /** Multi-class: the confusion matrix of the argmax predictions. */
    public Optional<MulticlassConfusionMatrix> confusionMatrix() {
        return Optional.ofNullable(confusionMatrix);
    }

    /** The options the summary was built with. */
    public SummaryOptions options() {
        return options;
    }

    /** Binary: the positive label as in the input; null for other tasks. */
    public String positiveLabel() {
        return task == Task.BINARY ? options.positiveLabel() : null;
    }

    /** Binary: the decision threshold of {@link #confusion()}; NaN for other tasks. */
    public double threshold() {
        return task == Task.BINARY ? options.threshold() : Double.NaN;
    }

    /** How the intervals were computed, when there are any. */
    public Optional<Intervals> intervals() {
        return Optional.ofNullable(intervals);
    }

    /** Warnings of the evaluation and of its intervals, in the order they were found; never null. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The same summary with {@code replaced} as its warnings: for the reader of the input to name
     * rows as the input does (file lines instead of row indices) and to add its own warnings.
     */
    public EvaluationSummary withWarnings(List<String> replaced) {
        Builder b = new Builder(task, rows, weighted, options);
        b.positiveRows = positiveRows;
        b.negativeRows = negativeRows;
        b.classes.addAll(classes);
        b.values.addAll(values);
        b.perClass.addAll(perClass);
        b.confusion = confusion;
        b.confusionMatrix = confusionMatrix;
        b.intervals = intervals;
        b.warnings.addAll(replaced);
        return new EvaluationSummary(b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EvaluationSummary s && task == s.task && rows == s.rows
                && positiveRows == s.positiveRows && negativeRows == s.negativeRows && weighted == s.weighted
                && classes.equals(s.classes) && values.equals(s.values) && perClass.equals(s.perClass)
                && Objects.equals(confusion, s.confusion) && Objects.equals(confusionMatrix, s.confusionMatrix)
                && options.equals(s.options) && Objects.equals(intervals, s.intervals) && warnings.equals(s.warnings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(task, rows, weighted, classes, values, perClass, confusion, confusionMatrix, options,
                intervals, warnings);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("EvaluationSummary[").append(task.key()).append(", rows=").append(rows);
        for (Value v : values) {
            sb.append(", ").append(v.key().key()).append('=').append(v.value());
        }
        return sb.append(']').toString();
    }

    // ---------------------------------------------------------------- building

    private static Optional<Value> find(List<Value> values, MetricKey key) {
        Checks.notNull(key, "key");
        for (Value v : values) {
            if (v.key().key().equals(key.key())) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    private static IllegalArgumentException missing(MetricKey key, List<Value> values) {
        List<String> keys = new ArrayList<>();
        values.forEach(v -> keys.add(v.key().key()));
        return new IllegalArgumentException("no value " + key.key() + "; values: " + keys);
    }

    private static void sameData(DeLongAuc d, double auc, double positives, double negatives, String what) {
        boolean sameAuc = Double.isNaN(auc) ? Double.isNaN(d.auc()) : Math.abs(auc - d.auc()) <= 1e-9;
        if (!sameAuc || d.positives() != positives || d.negatives() != negatives) {
            throw new IllegalArgumentException("delong must be of the same data as " + what + ": AUC " + d.auc()
                    + " of " + d.positives() + " positives and " + d.negatives() + " negatives, expected " + auc
                    + " of " + positives + " and " + negatives);
        }
    }

    /** Mutable state while a summary is assembled. */
    private static final class Builder {
        final Task task;
        final int rows;
        final boolean weighted;
        final SummaryOptions options;
        int positiveRows;
        int negativeRows;
        final List<String> classes = new ArrayList<>();
        final List<Value> values = new ArrayList<>();
        final List<ClassRow> perClass = new ArrayList<>();
        ConfusionMatrix confusion;
        MulticlassConfusionMatrix confusionMatrix;
        Intervals intervals;
        final List<String> warnings = new ArrayList<>();

        Builder(Task task, int rows, boolean weighted, SummaryOptions options) {
            this.task = task;
            this.rows = rows;
            this.weighted = weighted;
            this.options = options;
        }

        void add(Metric m, double v) {
            values.add(Value.of(MetricKey.of(m), v));
        }

        void add(Metric m, Average a, double v) {
            values.add(Value.of(MetricKey.of(m, a), v));
        }

        void delong(MetricKey key, DeLongAuc d, double level) {
            values.replaceAll(v -> v.key().equals(key) ? v.with(d.interval(level), OptionalDouble.of(d.variance())) : v);
        }

        void classDelong(int c, MetricKey key, DeLongAuc d, double level) {
            perClass.set(c, withValues(perClass.get(c), v -> v.key().equals(key)
                    ? v.with(d.interval(level), OptionalDouble.of(d.variance())) : v));
        }

        /** Every value (top level and per class) whose name is a statistic of r gets its interval. */
        void bootstrap(BootstrapResult r) {
            int before = countIntervals();
            values.replaceAll(v -> r.indexOf(v.key().key()) >= 0 ? v.with(r.interval(v.key()), OptionalDouble.empty()) : v);
            perClass.replaceAll(row -> withValues(row, v -> {
                String name = BootstrapResult.classStatistic(v.key(), row.name());
                return r.indexOf(name) >= 0 ? v.with(r.interval(name), OptionalDouble.empty()) : v;
            }));
            if (countIntervals() == before) {
                throw new IllegalArgumentException("the bootstrap result has no statistic named after a value of the "
                        + "summary (name its statistics, e.g. BinaryStatistic.rocAuc())");
            }
            intervals = new Intervals(ConfidenceInterval.BOOTSTRAP, r.level(), r.replicates(), r.seed());
            r.warnings().forEach(w -> warnings.add("bootstrap: " + w));
        }

        private int countIntervals() {
            int n = 0;
            for (Value v : values) {
                n += v.interval().isPresent() ? 1 : 0;
            }
            for (ClassRow row : perClass) {
                for (Value v : row.values()) {
                    n += v.interval().isPresent() ? 1 : 0;
                }
            }
            return n;
        }

        private static ClassRow withValues(ClassRow row, UnaryOperator<Value> f) {
            List<Value> vs = new ArrayList<>(row.values());
            vs.replaceAll(f);
            return new ClassRow(row.name(), row.support(), vs);
        }

        EvaluationSummary build() {
            return new EvaluationSummary(this);
        }
    }
}

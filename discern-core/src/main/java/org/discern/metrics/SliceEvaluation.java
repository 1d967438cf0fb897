package org.discern.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

import org.discern.metrics.internal.Checks;

/**
 * Every metric of an evaluation per slice ({@link Slices}): each slice is evaluated exactly as the
 * whole sample would be if it held only the slice's rows, with the same intervals
 * ({@link Intervals}). Binary slices are also compared with the rest of the sample by the
 * unpaired DeLong test of their ROC AUCs ({@link DeLong#unpaired}, pROC's
 * {@code roc.test(paired = FALSE)}), and the p-values are Holm-adjusted over the slices shown.
 *
 * <p><b>Edge cases.</b> A slice with one class only, or too few rows for a variance, is still
 * evaluated: its counts, a NaN ROC AUC (written as {@code null}) or a NaN variance, and a warning
 * saying why; it never fails the whole run. A bootstrap interval needs both classes: a slice
 * without them has no interval and a warning. Its test against the rest is NaN and takes no part
 * in the Holm adjustment. {@code minRows} hides the slices with fewer rows; {@link #hidden()}
 * says how many.
 *
 * <p>Multi-class and multi-label slices carry their summaries; the test against the rest is
 * binary only (there is no DeLong variance of a macro average).
 */
public final class SliceEvaluation {
    /** Name of the "rest" side of each slice's test. */
    public static final String REST = "rest";

    /** How the slices' intervals are computed. */
    public sealed interface Intervals {
        /** No intervals. */
        record None() implements Intervals {
        }

        /** DeLong intervals at the level of the summary options. */
        record DeLongIntervals() implements Intervals {
        }

        /** Bootstrap intervals with these options (each slice resampled with the same seed). */
        record BootstrapIntervals(BootstrapOptions options) implements Intervals {
            /** Checks the options. */
            public BootstrapIntervals {
                Checks.notNull(options, "options");
            }
        }
    }

    private final List<String> columns;
    private final List<SliceSummary> slices;
    private final int hidden;
    private final int hiddenRows;

    private SliceEvaluation(List<String> columns, List<SliceSummary> slices, int hidden, int hiddenRows) {
        this.columns = List.copyOf(columns);
        this.slices = List.copyOf(slices);
        this.hidden = hidden;
        this.hiddenRows = hiddenRows;
    }

    /**
     * Binary slices.
     *
     * @param scores finite scores, one per row of {@code slices}
     * @param labels true for positives
     * @param weights frequency weights or null
     * @param options threshold, level, ... as for the whole sample
     * @param intervals how to compute the slices' intervals
     * @param minRows slices with fewer rows are hidden (0 or 1: none is)
     */
    public static SliceEvaluation binary(double[] scores, boolean[] labels, double[] weights, Slices slices,
            SummaryOptions options, Intervals intervals, int minRows) {
        Checks.notNull(scores, "scores");
        Checks.notNull(labels, "labels");
        Checks.notNull(slices, "slices");
        Checks.notNull(options, "options");
        Checks.notNull(intervals, "intervals");
        Checks.sameLength(slices.rows(), scores.length, "slices", "scores");
        Checks.sameLength(scores.length, labels.length, "scores", "labels");
        checkMinRows(minRows);
        return over(slices, minRows, s -> {
            double[] sc = slices.select(s, scores);
            boolean[] y = slices.select(s, labels);
            double[] w = slices.select(s, weights);
            BinaryEvaluation ev = BinaryEvaluation.of(sc, y, w);
            List<String> warnings = new ArrayList<>();
            EvaluationSummary summary = binarySummary(ev, sc, y, w, options, intervals, warnings);
            boolean whole = slices.rowCount(s) == slices.rows();
            if (whole) {
                warnings.add("no test against the rest: the slice holds every row");
            }
            SliceSummary slice = new SliceSummary(slices.columns(), slices.values(s), slices.rowCount(s), summary,
                    Optional.empty(), warnings);
            if (whole) {
                return slice;
            }
            DeLongAuc a = DeLong.auc(ev.operatingPoints());
            DeLongAuc b = DeLong.auc(OperatingPoints.of(slices.selectRest(s, scores), slices.selectRest(s, labels),
                    slices.selectRest(s, weights)));
            return slice.withVersusRest(DeLong.unpaired(slice.name(), a, REST, b, options.level()));
        }, SliceEvaluation::holm);
    }

    /**
     * Multi-class slices: each slice's summary is that of
     * {@code MulticlassEvaluation.of(labels, scores, classes, weights)} on its rows (a class
     * absent from a slice has NaN one-vs-rest values and a warning).
     *
     * @param labels class of each row, in [0, K)
     * @param scores n rows of K scores
     */
    public static SliceEvaluation multiclass(int[] labels, double[][] scores, List<String> classes, double[] weights,
            Slices slices, SummaryOptions options, Intervals intervals, int minRows) {
        Checks.notNull(labels, "labels");
        Checks.notNull(scores, "scores");
        Checks.notNull(slices, "slices");
        Checks.notNull(options, "options");
        Checks.notNull(intervals, "intervals");
        Checks.sameLength(slices.rows(), labels.length, "slices", "labels");
        checkMinRows(minRows);
        return over(slices, minRows, s -> {
            int[] y = slices.select(s, labels);
            double[][] sc = slices.select(s, scores);
            double[] w = slices.select(s, weights);
            MulticlassEvaluation ev = MulticlassEvaluation.of(y, sc, classes, w);
            List<String> warnings = new ArrayList<>();
            EvaluationSummary summary;
            if (intervals instanceof Intervals.DeLongIntervals) {
                summary = EvaluationSummary.multiclass(ev, options, DeLong.oneVsRest(ev));
            } else if (intervals instanceof Intervals.BootstrapIntervals b) {
                summary = multiclassBootstrap(ev, y, sc, classes, w, options, b.options(), warnings);
            } else {
                summary = EvaluationSummary.multiclass(ev, options);
            }
            return new SliceSummary(slices.columns(), slices.values(s), slices.rowCount(s), summary,
                    Optional.empty(), warnings);
        }, shown -> shown);
    }

    /**
     * Multi-label slices: each slice's summary is that of
     * {@code MultilabelEvaluation.of(indicator, scores, labels, weights)} on its rows (no
     * intervals, as for the whole sample).
     */
    public static SliceEvaluation multilabel(int[][] indicator, double[][] scores, List<String> labels,
            double[] weights, Slices slices, SummaryOptions options, int minRows) {
        Checks.notNull(indicator, "indicator");
        Checks.notNull(scores, "scores");
        Checks.notNull(slices, "slices");
        Checks.notNull(options, "options");
        Checks.sameLength(slices.rows(), indicator.length, "slices", "indicator");
        checkMinRows(minRows);
        return over(slices, minRows, s -> {
            MultilabelEvaluation ev = MultilabelEvaluation.of(slices.select(s, indicator), slices.select(s, scores),
                    labels, slices.select(s, weights));
            return new SliceSummary(slices.columns(), slices.values(s), slices.rowCount(s),
                    EvaluationSummary.multilabel(ev, options), Optional.empty(), List.of());
        }, shown -> shown);
    }

    /**
     * Evaluates every slice with at least {@code minRows} rows, in order, and counts the hidden
     * ones; {@code finish} sees the list of the slices shown (the binary Holm adjustment).
     */
    private static SliceEvaluation over(Slices slices, int minRows, IntFunction<SliceSummary> evaluate,
            UnaryOperator<List<SliceSummary>> finish) {
        List<SliceSummary> out = new ArrayList<>();
        int hidden = 0;
        int hiddenRows = 0;
        for (int s = 0; s < slices.size(); s++) {
            if (slices.rowCount(s) < minRows) {
                hidden++;
                hiddenRows += slices.rowCount(s);
            } else {
                out.add(evaluate.apply(s));
            }
        }
        return new SliceEvaluation(slices.columns(), finish.apply(out), hidden, hiddenRows);
    }

    /**
     * The same evaluation with each slice shown replaced by {@code f} of it, in order (hidden
     * counts kept): for the reader of the input to name rows in the slices' warnings as the input
     * does.
     */
    public SliceEvaluation mapSlices(UnaryOperator<SliceSummary> f) {
        Checks.notNull(f, "f");
        return new SliceEvaluation(columns, slices.stream().map(f).toList(), hidden, hiddenRows);
    }

    /** Names of the group columns. */
    public List<String> columns() {
        return columns;
    }

    /** The slices shown, in order of first appearance in the input. */
    public List<SliceSummary> slices() {
        return slices;
    }

    /** Number of slices hidden for having fewer than the minimum rows. */
    public int hidden() {
        return hidden;
    }

    /** Number of rows of the hidden slices. */
    public int hiddenRows() {
        return hiddenRows;
    }

    /** Warnings of the whole: how many slices were hidden, if any. */
    public List<String> warnings() {
        if (hidden == 0) {
            return List.of();
        }
        return List.of(hidden + (hidden == 1 ? " slice" : " slices") + " of " + columns + " hidden (" + hiddenRows
                + " rows): fewer rows than --min-slice");
    }

    private static EvaluationSummary binarySummary(BinaryEvaluation ev, double[] sc, boolean[] y, double[] w,
            SummaryOptions options, Intervals intervals, List<String> warnings) {
        if (intervals instanceof Intervals.DeLongIntervals) {
            return EvaluationSummary.binary(ev, options, DeLong.auc(ev.operatingPoints()));
        }
        if (intervals instanceof Intervals.BootstrapIntervals b) {
            if (ev.positiveRows() == 0 || ev.negativeRows() == 0) {
                warnings.add("no bootstrap interval: the slice holds one class only");
                return EvaluationSummary.binary(ev, options);
            }
            return EvaluationSummary.binary(ev, options, Bootstrap.binary(sc, y, w, b.options(),
                    BinaryStatistic.rocAuc(), BinaryStatistic.averagePrecision()));
        }
        return EvaluationSummary.binary(ev, options);
    }

    private static EvaluationSummary multiclassBootstrap(MulticlassEvaluation ev, int[] y, double[][] sc,
            List<String> classes, double[] w, SummaryOptions options, BootstrapOptions b, List<String> warnings) {
        boolean[] seen = new boolean[classes.size()];
        int distinct = 0;
        for (int label : y) {
            if (!seen[label]) {
                seen[label] = true;
                distinct++;
            }
        }
        if (distinct < classes.size()) {
            warnings.add("no bootstrap interval: " + (classes.size() - distinct) + " of " + classes.size()
                    + " classes absent from the slice");
            return EvaluationSummary.multiclass(ev, options);
        }
        return EvaluationSummary.multiclass(ev, options, Bootstrap.multiclassOneVsRest(y, sc, classes, w, b));
    }

    private static List<SliceSummary> holm(List<SliceSummary> slices) {
        List<AucComparison> tests = new ArrayList<>();
        for (SliceSummary s : slices) {
            s.versusRest().ifPresent(tests::add);
        }
        if (tests.isEmpty()) {
            return slices;
        }
        List<AucComparison> adjusted = DeLong.holm(tests);
        List<SliceSummary> out = new ArrayList<>(slices.size());
        int k = 0;
        for (SliceSummary s : slices) {
            out.add(s.versusRest().isPresent() ? s.withVersusRest(adjusted.get(k++)) : s);
        }
        return out;
    }

    private static void checkMinRows(int minRows) {
        if (minRows < 0) {
            throw new IllegalArgumentException("minRows must be >= 0, got " + minRows);
        }
    }

    @Override
    public String toString() {
        return "SliceEvaluation" + columns + slices + (hidden == 0 ? "" : ", hidden " + hidden);
    }
}

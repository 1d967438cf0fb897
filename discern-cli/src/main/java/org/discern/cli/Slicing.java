package org.discern.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.discern.io.BinaryPredictions;
import org.discern.io.InputRows;
import org.discern.io.MultiClassPredictions;
import org.discern.io.MultiLabelPredictions;
import org.discern.io.Predictions;
import org.discern.io.ScoreMatrix;
import org.discern.io.TextColumns;
import org.discern.metrics.AveragedCurve;
import org.discern.metrics.FoldEvaluation;
import org.discern.metrics.SliceEvaluation;
import org.discern.metrics.SliceSummary;
import org.discern.metrics.Slices;
import org.discern.metrics.SummaryOptions;

/**
 * The slices and folds of {@code --group} and {@code --fold}, from core's
 * {@link SliceEvaluation} and {@link FoldEvaluation} over the predictions and the text columns read
 * beside them. The slices get the intervals {@code --ci} gives the whole sample.
 *
 * @param groupings one evaluation per {@code --group}, in order
 * @param folds the cross-validation of {@code --fold}, if given
 */
record Slicing(List<SliceEvaluation> groupings, Optional<FoldEvaluation> folds) {
    /** Points of the grid the fold curves are averaged on (scikit-learn's example: 100). */
    static final int GRID_POINTS = 100;

    /** Nothing asked. */
    static final Slicing NONE = new Slicing(List.of(), Optional.empty());

    Slicing {
        groupings = List.copyOf(groupings);
    }

    /** Whether there is anything to show. */
    boolean any() {
        return !groupings.isEmpty() || folds.isPresent();
    }

    /**
     * Evaluates the slices and folds the options ask for.
     *
     * @param options the whole sample's summary options (threshold, top-k, ...)
     * @param ci the interval method of the whole sample, or null
     */
    static Slicing of(Predictions in, SliceOptions o, SummaryOptions options, IntervalMethod ci,
            IntervalOptions intervals) {
        if (!o.any()) {
            return NONE;
        }
        TextColumns text = in.textColumns();
        Rows rows = Rows.of(in);
        List<SliceEvaluation> groupings = new ArrayList<>();
        SliceEvaluation.Intervals how = ci == null ? new SliceEvaluation.Intervals.None()
                : ci == IntervalMethod.DELONG ? new SliceEvaluation.Intervals.DeLongIntervals()
                : new SliceEvaluation.Intervals.BootstrapIntervals(intervals.bootstrap());
        SummaryOptions sliceOptions = ci == IntervalMethod.DELONG ? options.withLevel(intervals.level()) : options;
        for (List<String> columns : o.groupings()) {
            List<String[]> values = new ArrayList<>();
            columns.forEach(c -> values.add(text.column(c)));
            Slices slices = Slices.of(columns, values);
            groupings.add(rows.slices(slices, sliceOptions, how, o.minSlice())
                    .mapSlices(namedAsInTheInput(slices, in.inputRows())));
        }
        Optional<FoldEvaluation> folds = Optional.empty();
        if (o.fold != null) {
            Slices byFold = Slices.of(List.of(o.fold), List.<String[]>of(text.column(o.fold)));
            folds = Optional.of(rows.folds(byFold, options)
                    .mapFolds(namedAsInTheInput(byFold, in.inputRows())));
        }
        return new Slicing(groupings, folds);
    }

    /**
     * Each slice of {@code slices} with the rows its warnings name (core's 0-based index within
     * the slice) named as in the input, as the whole sample's are ({@link InputWarnings}): "line
     * 12", header counted.
     */
    private static UnaryOperator<SliceSummary> namedAsInTheInput(Slices slices, InputRows input) {
        Map<List<String>, Integer> index = new HashMap<>();
        for (int k = 0; k < slices.size(); k++) {
            index.put(slices.values(k), k);
        }
        return s -> s.summary().warnings().isEmpty() ? s : s.withSummary(s.summary().withWarnings(
                input.renameRows(s.summary().warnings(), slices.rowIndices(index.get(s.values())))));
    }

    /** The predictions as the arrays core's slice and fold evaluations take. */
    private sealed interface Rows {
        SliceEvaluation slices(Slices s, SummaryOptions options, SliceEvaluation.Intervals how, int minRows);

        FoldEvaluation folds(Slices s, SummaryOptions options);

        static Rows of(Predictions in) {
            if (in instanceof BinaryPredictions b) {
                return new Binary(b.scores(), b.labels(), b.weights());
            }
            if (in instanceof MultiClassPredictions m) {
                return new Multiclass(m.labels(), rows(m.scores()), m.classNames(), m.weights());
            }
            MultiLabelPredictions m = (MultiLabelPredictions) in;
            int[] flat = m.indicator();
            int l = m.labelCount();
            int[][] indicator = new int[m.size()][];
            for (int i = 0; i < indicator.length; i++) {
                indicator[i] = java.util.Arrays.copyOfRange(flat, i * l, (i + 1) * l);
            }
            return new Multilabel(indicator, rows(m.scores()), m.labelNames(), m.weights());
        }
    }

    private record Binary(double[] scores, boolean[] labels, double[] weights) implements Rows {
        @Override
        public SliceEvaluation slices(Slices s, SummaryOptions options, SliceEvaluation.Intervals how, int minRows) {
            return SliceEvaluation.binary(scores, labels, weights, s, options, how, minRows);
        }

        @Override
        public FoldEvaluation folds(Slices s, SummaryOptions options) {
            return FoldEvaluation.binary(scores, labels, weights, s, options, AveragedCurve.linearGrid(GRID_POINTS));
        }
    }

    private record Multiclass(int[] labels, double[][] scores, List<String> classes, double[] weights)
            implements Rows {
        @Override
        public SliceEvaluation slices(Slices s, SummaryOptions options, SliceEvaluation.Intervals how, int minRows) {
            return SliceEvaluation.multiclass(labels, scores, classes, weights, s, options, how, minRows);
        }

        @Override
        public FoldEvaluation folds(Slices s, SummaryOptions options) {
            return FoldEvaluation.multiclass(labels, scores, classes, weights, s, options);
        }
    }

    private record Multilabel(int[][] indicator, double[][] scores, List<String> labels, double[] weights)
            implements Rows {
        @Override
        public SliceEvaluation slices(Slices s, SummaryOptions options, SliceEvaluation.Intervals how, int minRows) {
            return SliceEvaluation.multilabel(indicator, scores, labels, weights, s, options, minRows);
        }

        @Override
        public FoldEvaluation folds(Slices s, SummaryOptions options) {
            return FoldEvaluation.multilabel(indicator, scores, labels, weights, s, options);
        }
    }

    /** An n x K score matrix as n rows of K doubles. */
    static double[][] rows(ScoreMatrix m) {
        double[][] rows = new double[m.rows()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[m.columns()];
            for (int c = 0; c < m.columns(); c++) {
                rows[i][c] = m.get(i, c);
            }
        }
        return rows;
    }
}

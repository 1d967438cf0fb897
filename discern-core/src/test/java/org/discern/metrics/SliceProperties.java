package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Each slice equals the whole evaluation of the rows it holds, filtered independently. */
class SliceProperties {

    /** n rows, scores on a coarse grid (ties), labels over k classes, two group columns, optional weights. */
    record Sample(int k, int[] labels, double[][] scores, double[] weights, String[] g, String[] h) {
        List<String> names() {
            List<String> out = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                out.add("c" + c);
            }
            return out;
        }

        /** Independent filter: the rows whose group values equal those given. */
        int[] rowsWhere(List<String> columns, List<String> values) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                boolean in = true;
                for (int c = 0; c < columns.size(); c++) {
                    String v = columns.get(c).equals("g") ? g[i] : h[i];
                    in &= v.equals(values.get(c));
                }
                if (in) {
                    out.add(i);
                }
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    @Provide
    Arbitrary<Sample> samples() {
        return Combinators.combine(Arbitraries.integers().between(1, 60), Arbitraries.integers().between(2, 4),
                Arbitraries.of(true, false)).flatAs((n, k, weighted) -> Combinators.combine(
                        Arbitraries.integers().between(0, k - 1).array(int[].class).ofSize(n),
                        Arbitraries.integers().between(0, 6).array(int[].class).ofSize(n * k),
                        Arbitraries.integers().between(1, 3).array(int[].class).ofSize(n),
                        Arbitraries.of("a", "b", "c", "d").array(String[].class).ofSize(n),
                        Arbitraries.of("u", "v").array(String[].class).ofSize(n))
                        .as((y, s, w, g, h) -> {
                            double[][] scores = new double[n][k];
                            for (int i = 0; i < n; i++) {
                                for (int c = 0; c < k; c++) {
                                    scores[i][c] = s[i * k + c] / 6.0;
                                }
                            }
                            double[] weights = null;
                            if (weighted) {
                                weights = new double[n];
                                for (int i = 0; i < n; i++) {
                                    weights[i] = w[i];
                                }
                            }
                            return new Sample(k, y, scores, weights, g, h);
                        }));
    }

    private static List<String[]> groupValues(Sample s, List<String> columns) {
        List<String[]> out = new ArrayList<>();
        for (String c : columns) {
            out.add(c.equals("g") ? s.g : s.h);
        }
        return out;
    }

    @Property(tries = 200, seed = "31")
    void binarySliceEqualsWholeOfItsRows(@ForAll("samples") Sample s) {
        for (List<String> columns : List.of(List.of("g"), List.of("h"), List.of("g", "h"))) {
            Slices slices = Slices.of(columns, groupValues(s, columns));
            double[] score = new double[s.labels.length];
            boolean[] y = new boolean[s.labels.length];
            for (int i = 0; i < y.length; i++) {
                score[i] = s.scores[i][0];
                y[i] = s.labels[i] == 0;
            }
            SliceEvaluation ev = SliceEvaluation.binary(score, y, s.weights, slices, SummaryOptions.defaults(),
                    new SliceEvaluation.Intervals.DeLongIntervals(), 0);
            int total = 0;
            for (SliceSummary sl : ev.slices()) {
                int[] rows = s.rowsWhere(columns, sl.values());
                total += rows.length;
                double[] fs = new double[rows.length];
                boolean[] fy = new boolean[rows.length];
                double[] fw = s.weights == null ? null : new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    fs[i] = score[rows[i]];
                    fy[i] = y[rows[i]];
                    if (fw != null) {
                        fw[i] = s.weights[rows[i]];
                    }
                }
                BinaryEvaluation whole = BinaryEvaluation.of(fs, fy, fw);
                assertEquals(EvaluationSummary.binary(whole, SummaryOptions.defaults(),
                        DeLong.auc(whole.operatingPoints())), sl.summary(), sl.name());
                assertEquals(rows.length, sl.rows());
            }
            assertEquals(y.length, total, "every row in exactly one slice");
        }
    }

    @Property(tries = 100, seed = "32")
    void multiclassSliceEqualsWholeOfItsRows(@ForAll("samples") Sample s) {
        List<String> columns = List.of("g", "h");
        Slices slices = Slices.of(columns, groupValues(s, columns));
        SliceEvaluation ev = SliceEvaluation.multiclass(s.labels, s.scores, s.names(), s.weights, slices,
                SummaryOptions.defaults(), new SliceEvaluation.Intervals.None(), 0);
        assertEquals(slices.size(), ev.slices().size());
        for (SliceSummary sl : ev.slices()) {
            int[] rows = s.rowsWhere(columns, sl.values());
            int[] fy = new int[rows.length];
            double[][] fs = new double[rows.length][];
            double[] fw = s.weights == null ? null : new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                fy[i] = s.labels[rows[i]];
                fs[i] = s.scores[rows[i]];
                if (fw != null) {
                    fw[i] = s.weights[rows[i]];
                }
            }
            assertEquals(EvaluationSummary.multiclass(MulticlassEvaluation.of(fy, fs, s.names(), fw),
                    SummaryOptions.defaults()), sl.summary(), sl.name());
        }
    }

    @Property(tries = 100, seed = "33")
    void multilabelSliceEqualsWholeOfItsRows(@ForAll("samples") Sample s) {
        List<String> columns = List.of("g");
        int n = s.labels.length;
        int[][] indicator = new int[n][s.k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < s.k; c++) {
                indicator[i][c] = (s.labels[i] + c) % 2;
            }
        }
        Slices slices = Slices.of(columns, groupValues(s, columns));
        SliceEvaluation ev = SliceEvaluation.multilabel(indicator, s.scores, s.names(), s.weights, slices,
                SummaryOptions.defaults(), 0);
        for (SliceSummary sl : ev.slices()) {
            int[] rows = s.rowsWhere(columns, sl.values());
            int[][] fi = new int[rows.length][];
            double[][] fs = new double[rows.length][];
            double[] fw = s.weights == null ? null : new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                fi[i] = indicator[rows[i]];
                fs[i] = s.scores[rows[i]];
                if (fw != null) {
                    fw[i] = s.weights[rows[i]];
                }
            }
            assertEquals(EvaluationSummary.multilabel(MultilabelEvaluation.of(fi, fs, s.names(), fw),
                    SummaryOptions.defaults()), sl.summary(), sl.name());
        }
    }
}

package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Slices against pROC 1.18's unpaired DeLong tests, Holm by hand, and the edge cases. */
class SliceEvaluationTest {
    private static final MetricKey AUC = MetricKey.of(Metric.ROC_AUC);

    /** A CSV of the test resources as rows of fields (header first). */
    static List<String[]> csv(String name) throws IOException {
        try (InputStream in = SliceEvaluationTest.class.getResourceAsStream("/reference/" + name)) {
            return csvOf(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Rows of fields of a CSV text without quoting (header first). */
    static List<String[]> csvOf(String text) {
        List<String[]> rows = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (!line.isEmpty()) {
                rows.add(line.split(",", -1));
            }
        }
        return rows;
    }

    static String[] column(List<String[]> rows, String name) {
        int c = Arrays.asList(rows.get(0)).indexOf(name);
        String[] out = new String[rows.size() - 1];
        for (int i = 1; i < rows.size(); i++) {
            out[i - 1] = rows.get(i)[c];
        }
        return out;
    }

    static double[] numbers(String[] text) {
        return Arrays.stream(text).mapToDouble(Double::parseDouble).toArray();
    }

    static void close(double expected, double actual, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NaN, got " + actual);
        } else {
            assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
        }
    }

    /**
     * aSAH split by gender, WFNS grade and age (two scores each: 6 groupings, 18 slices, 16 with a
     * defined test): each slice against every other row as pROC's roc.test(paired = FALSE), and
     * p.adjust(method = "holm") over the slices of a grouping.
     */
    @Test
    void sliceVersusRestEqualsProcUnpairedDeLong() throws IOException {
        List<String[]> data = csv("slices_asah.csv");
        List<String[]> expected = csv("slices_asah_expected.csv");
        boolean[] poor = new boolean[data.size() - 1];
        String[] outcome = column(data, "outcome");
        for (int i = 0; i < poor.length; i++) {
            poor[i] = outcome[i].equals("1");
        }
        int checked = 0;
        int defined = 0;
        for (String score : List.of("s100b", "ndka")) {
            double[] s = numbers(column(data, score));
            for (String group : List.of("gender", "wfns", "age")) {
                Slices slices = Slices.of(List.of(group), List.<String[]>of(column(data, group)));
                SliceEvaluation ev = SliceEvaluation.binary(s, poor, null, slices, SummaryOptions.defaults(),
                        new SliceEvaluation.Intervals.None(), 0);
                List<String[]> rows = new ArrayList<>();
                for (String[] r : expected.subList(1, expected.size())) {
                    if (r[0].equals(score) && r[1].equals(group)) {
                        rows.add(r);
                    }
                }
                assertEquals(rows.size(), ev.slices().size(), score + " by " + group);
                for (int k = 0; k < rows.size(); k++) {
                    String[] r = rows.get(k);
                    SliceSummary sl = ev.slices().get(k);
                    String what = score + " " + group + "=" + r[2];
                    assertEquals(List.of(r[2]), sl.values(), what);
                    assertEquals(Integer.parseInt(r[3]), sl.rows(), what);
                    assertEquals(Integer.parseInt(r[3]), sl.summary().rows(), what);
                    AucComparison c = sl.versusRest().orElseThrow();
                    close(Double.parseDouble(r[4]), sl.summary().value(AUC).value(), what + " AUC");
                    close(Double.parseDouble(r[4]), c.aucA(), what + " AUC a");
                    close(Double.parseDouble(r[5]), c.aucB(), what + " AUC rest");
                    close(Double.parseDouble(r[6]), c.z(), what + " t");
                    close(Double.parseDouble(r[7]), c.degreesOfFreedom(), what + " df");
                    close(Double.parseDouble(r[8]), c.pValue(), what + " p");
                    close(Double.parseDouble(r[9]), c.pValueHolm(), what + " p Holm");
                    assertEquals(SliceEvaluation.REST, c.b());
                    assertFalse(c.paired());
                    checked++;
                    if (!Double.isNaN(c.pValue())) {
                        defined++;
                    }
                }
            }
        }
        assertEquals(18, checked);
        assertEquals(16, defined);
    }

    /** WFNS grade 3 has 4 rows and 1 poor outcome: counted, no variance, a warning, no failure. */
    @Test
    void shortSliceIsReportedWithWarningsAndLeftOutOfHolm() throws IOException {
        List<String[]> data = csv("slices_asah.csv");
        double[] s = numbers(column(data, "s100b"));
        String[] outcome = column(data, "outcome");
        boolean[] poor = new boolean[s.length];
        for (int i = 0; i < s.length; i++) {
            poor[i] = outcome[i].equals("1");
        }
        Slices slices = Slices.of(List.of("wfns"), List.<String[]>of(column(data, "wfns")));
        SliceEvaluation ev = SliceEvaluation.binary(s, poor, null, slices, SummaryOptions.defaults(),
                new SliceEvaluation.Intervals.DeLongIntervals(), 0);
        SliceSummary three = ev.slices().stream().filter(x -> x.values().equals(List.of("3"))).findFirst()
                .orElseThrow();
        assertEquals(4, three.rows());
        assertEquals(1, three.summary().positiveRows());
        assertEquals(3, three.summary().negativeRows());
        AucComparison c = three.versusRest().orElseThrow();
        assertTrue(Double.isNaN(c.pValue()) && Double.isNaN(c.pValueHolm()));
        assertTrue(c.warnings().stream().anyMatch(w -> w.startsWith("wfns=3: DeLong variance undefined")),
                c.warnings().toString());
        assertTrue(three.summary().warnings().stream().anyMatch(w -> w.contains("needs positives of total weight > 1")),
                three.summary().warnings().toString());
        // Holm by hand over the four defined p-values of the other grades: sorted ascending,
        // p_(j) * (m - j + 1), running maximum, capped at 1
        double[] p = new double[ev.slices().size()];
        for (int k = 0; k < p.length; k++) {
            p[k] = ev.slices().get(k).versusRest().orElseThrow().pValue();
        }
        // order in the data: grades 1, 3, 2, 5, 4; p(1) < p(2) < p(4) < p(5)
        assertTrue(p[0] < p[2] && p[2] < p[4] && p[4] < p[3], Arrays.toString(p));
        double h1 = 4 * p[0];
        double h2 = Math.max(h1, 3 * p[2]);
        double h4 = Math.max(h2, 2 * p[4]);
        double h5 = Math.min(1, Math.max(h4, p[3]));
        double[] holm = {h1, Double.NaN, h2, h5, h4};
        for (int k = 0; k < p.length; k++) {
            close(holm[k], ev.slices().get(k).versusRest().orElseThrow().pValueHolm(), "Holm " + k);
        }
    }

    /** One-class slices: counts, a NaN AUC and a warning; --min-slice hides the small ones. */
    @Test
    void oneClassSliceAndMinRows() {
        double[] s = {0.9, 0.8, 0.3, 0.2, 0.7, 0.6, 0.5};
        boolean[] y = {true, false, true, false, true, true, false};
        String[] g = {"a", "a", "a", "a", "b", "b", "c"};
        Slices slices = Slices.of(List.of("g"), List.<String[]>of(g));
        assertEquals(3, slices.size());
        SliceEvaluation ev = SliceEvaluation.binary(s, y, null, slices, SummaryOptions.defaults(),
                new SliceEvaluation.Intervals.BootstrapIntervals(BootstrapOptions.defaults().withReplicates(50)), 0);
        SliceSummary b = ev.slices().get(1);
        assertEquals(List.of("b"), b.values());
        assertEquals(2, b.summary().positiveRows());
        assertEquals(0, b.summary().negativeRows());
        assertTrue(Double.isNaN(b.summary().value(AUC).value()));
        assertTrue(b.warnings().contains("no bootstrap interval: the slice holds one class only"));
        assertFalse(b.summary().warnings().isEmpty());
        // slice a: 2 positives (0.9, 0.3), 2 negatives (0.8, 0.2): 3 of 4 pairs ordered
        assertEquals(0.75, ev.slices().get(0).summary().value(AUC).value(), 1e-15);
        assertTrue(ev.slices().get(0).summary().value(AUC).interval().isPresent());
        assertEquals(0, ev.hidden());
        assertTrue(ev.warnings().isEmpty());

        SliceEvaluation min3 = SliceEvaluation.binary(s, y, null, slices, SummaryOptions.defaults(),
                new SliceEvaluation.Intervals.None(), 3);
        assertEquals(1, min3.slices().size());
        assertEquals(2, min3.hidden());
        assertEquals(3, min3.hiddenRows());
        assertEquals(List.of("2 slices of [g] hidden (3 rows): fewer rows than --min-slice"), min3.warnings());
        // the only slice shown: Holm over one test is the p-value itself
        AucComparison c = min3.slices().get(0).versusRest().orElseThrow();
        assertEquals(c.pValue(), c.pValueHolm());
    }

    /** --group a,b: one slice per observed combination, named column=value,...; one slice: no rest. */
    @Test
    void combinationsOfColumns() {
        String[] a = {"x", "x", "y", "y", "x"};
        String[] b = {"1", "2", "1", "1", "1"};
        Slices slices = Slices.of(List.of("a", "b"), List.of(a, b));
        assertEquals(3, slices.size());
        assertEquals(List.of("x", "1"), slices.values(0));
        assertArrayEquals(new int[] {0, 4}, slices.rowIndices(0));
        assertEquals(List.of("x", "2"), slices.values(1));
        assertEquals(List.of("y", "1"), slices.values(2));
        assertArrayEquals(new int[] {1, 2, 3}, slices.rest(0));

        double[] s = {0.9, 0.1, 0.8, 0.2, 0.4};
        boolean[] y = {true, false, true, false, false};
        SliceEvaluation ev = SliceEvaluation.binary(s, y, null, slices, SummaryOptions.defaults(),
                new SliceEvaluation.Intervals.None(), 0);
        assertEquals("a=x,b=1", ev.slices().get(0).name());
        SliceEvaluation one = SliceEvaluation.binary(s, y, null,
                Slices.of(List.of("all"), List.<String[]>of(new String[] {"z", "z", "z", "z", "z"})),
                SummaryOptions.defaults(), new SliceEvaluation.Intervals.None(), 0);
        assertTrue(one.slices().get(0).versusRest().isEmpty());
        assertEquals(EvaluationSummary.binary(BinaryEvaluation.of(s, y, null), SummaryOptions.defaults()),
                one.slices().get(0).summary());
    }

    @Test
    void badArguments() {
        assertThrows(IllegalArgumentException.class, () -> Slices.of(List.of(), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> Slices.of(List.of("a", "a"), List.of(new String[] {"x"}, new String[] {"y"})));
        assertThrows(IllegalArgumentException.class,
                () -> Slices.of(List.of("a", "b"), List.of(new String[] {"x"}, new String[] {"y", "z"})));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Slices.of(List.of("a"), List.<String[]>of(new String[] {"x", null})));
        assertEquals("values[0][1] (column a) must not be null", e.getMessage());
        Slices sl = Slices.of(List.of("a"), List.<String[]>of(new String[] {"x", "y"}));
        assertThrows(IllegalArgumentException.class, () -> SliceEvaluation.binary(new double[] {1, 2},
                new boolean[] {true, false}, null, sl, SummaryOptions.defaults(), new SliceEvaluation.Intervals.None(),
                -1));
        assertThrows(IllegalArgumentException.class, () -> SliceEvaluation.binary(new double[] {1, 2, 3},
                new boolean[] {true, false, true}, null, sl, SummaryOptions.defaults(),
                new SliceEvaluation.Intervals.None(), 0));
    }

    private static void assertArrayEquals(int[] expected, int[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual);
    }
}

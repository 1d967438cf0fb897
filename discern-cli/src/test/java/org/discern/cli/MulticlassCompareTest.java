package org.discern.cli;

import static org.discern.metrics.Approx.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.discern.metrics.AucComparison;
import org.discern.metrics.DeLong;
import org.discern.metrics.Fixtures;
import org.discern.metrics.MulticlassEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} of two multi-class files built from the {@code multiclass_small_ties} fixture:
 * model a is the fixture's scores, model b mixes each row with another row's scores.
 */
class MulticlassCompareTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNode IN = Fixtures.json("multiclass_small_ties").get("input");
    private static final List<String> CLASSES = Fixtures.strings(IN.get("classes"));
    private static final int[] Y = Fixtures.ints(IN.get("labels"));
    private static final double[][] A = Fixtures.matrix(IN.get("scores"));
    private static final double[][] B = perturbed(A);

    @TempDir
    Path dir;

    private static double[][] perturbed(double[][] s) {
        int n = s.length;
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = new double[s[i].length];
            for (int c = 0; c < s[i].length; c++) {
                out[i][c] = 0.5 * s[i][c] + 0.5 * s[(7 * i + 3) % n][c];
            }
        }
        return out;
    }

    /** A CSV with an optional id column, rows in the given order, classes in the given order. */
    private Path write(String name, double[][] s, int[] y, boolean ids, int[] order, List<String> classes)
            throws IOException {
        StringBuilder sb = new StringBuilder(ids ? "id,label" : "label");
        for (String c : classes) {
            sb.append(',').append(c);
        }
        sb.append('\n');
        for (int i : order) {
            if (ids) {
                sb.append("r").append(i).append(',');
            }
            sb.append(CLASSES.get(y[i]));
            for (String c : classes) {
                sb.append(',').append(Double.toString(s[i][CLASSES.indexOf(c)]));
            }
            sb.append('\n');
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sb.toString());
        return p;
    }

    private Path write(String name, double[][] s, boolean ids) throws IOException {
        int[] order = new int[Y.length];
        java.util.Arrays.setAll(order, i -> i);
        return write(name, s, Y, ids, order, CLASSES);
    }

    private static JsonNode json(String... args) throws IOException {
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(0, r.code(), r.err());
        return MAPPER.readTree(r.out());
    }

    private static List<String> keys(JsonNode o) {
        List<String> k = new ArrayList<>();
        Iterator<String> it = o.fieldNames();
        it.forEachRemaining(k::add);
        return k;
    }

    @Test
    void perClassDeLongAndMacroBootstrap() throws IOException {
        Path a = write("a.csv", A, true);
        int[] reversed = new int[Y.length];
        for (int i = 0; i < Y.length; i++) {
            reversed[i] = Y.length - 1 - i;
        }
        // b's rows in another order: matched by id
        Path b = write("b.csv", B, Y, true, reversed, CLASSES);
        String[] args = {"compare", a.toString(), b.toString(), "--id", "id", "--replicates", "200", "--seed", "11",
            "--format", "json"};
        JsonNode j = json(args);
        JsonNode cs = j.get("comparisons");
        assertEquals(CLASSES.size() + 1, cs.size());
        MulticlassEvaluation ea = MulticlassEvaluation.of(Y, A, CLASSES, null);
        MulticlassEvaluation eb = MulticlassEvaluation.of(Y, B, CLASSES, null);
        List<AucComparison> expected = DeLong.compareOneVsRest(a.toString(), A, b.toString(), B, Y, CLASSES, null,
                0.95);
        for (int c = 0; c < CLASSES.size(); c++) {
            JsonNode o = cs.get(c);
            assertEquals(List.of("class", "a", "b", "roc_auc_a", "roc_auc_b", "difference", "difference_ci",
                    "covariance", "z", "p_value", "p_value_holm", "method"), keys(o));
            assertEquals(CLASSES.get(c), o.get("class").asText());
            assertEquals("delong", o.get("method").asText());
            assertClose(ea.rocAuc(c), o.get("roc_auc_a").asDouble(), "auc a " + c);
            assertClose(eb.rocAuc(c), o.get("roc_auc_b").asDouble(), "auc b " + c);
            assertClose(ea.rocAuc(c) - eb.rocAuc(c), o.get("difference").asDouble(), "difference " + c);
            assertClose(expected.get(c).z(), o.get("z").asDouble(), "z " + c);
            assertClose(expected.get(c).pValue(), o.get("p_value").asDouble(), "p " + c);
            assertClose(expected.get(c).pValueHolm(), o.get("p_value_holm").asDouble(), "holm " + c);
            assertTrue(o.get("p_value_holm").asDouble() >= o.get("p_value").asDouble(), "holm >= p " + c);
        }
        JsonNode macro = cs.get(CLASSES.size());
        assertEquals("macro", macro.get("class").asText());
        assertEquals("bootstrap", macro.get("method").asText());
        assertClose(ea.rocAucOvrMacro() - eb.rocAucOvrMacro(), macro.get("difference").asDouble(), "macro");
        double lo = macro.get("difference_ci").get(0).asDouble();
        double hi = macro.get("difference_ci").get(1).asDouble();
        assertTrue(lo <= macro.get("difference").asDouble() && macro.get("difference").asDouble() <= hi, lo + " " + hi);
        assertEquals(200, j.get("bootstrap").get("replicates").asInt());
        assertEquals(11, j.get("bootstrap").get("seed").asLong());
        assertTrue(j.get("paired").asBoolean());
        assertEquals(j, json(args), "seeded: same output");
        args[8] = "12";
        assertNotEquals(macro.get("difference_ci"), json(args).get("comparisons").get(CLASSES.size())
                .get("difference_ci"), "another seed, another interval");
    }

    @Test
    void rowOrderWithoutIdGivesTheSameTests() throws IOException {
        JsonNode byId = json("compare", write("a.csv", A, true).toString(), write("b.csv", B, true).toString(),
                "--id", "id", "--replicates", "50", "--format", "json");
        Path a = write("a2.csv", A, false);
        Path b = write("b2.csv", B, false);
        JsonNode byOrder = json("compare", a.toString(), b.toString(), "--replicates", "50", "--format", "json");
        for (int i = 0; i <= CLASSES.size(); i++) {
            for (String k : List.of("difference", "z", "p_value", "p_value_holm", "difference_ci")) {
                assertEquals(byId.get("comparisons").get(i).get(k), byOrder.get("comparisons").get(i).get(k), k);
            }
        }
        CliRunner.Result t = CliRunner.run("compare", a.toString(), b.toString(), "--replicates", "50");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("matched by row order"), t.out());
        assertTrue(t.out().lines().anyMatch(l -> l.startsWith("macro ")), t.out());
        for (String c : CLASSES) {
            assertTrue(t.out().lines().anyMatch(l -> l.startsWith(c + " ")), c + "\n" + t.out());
        }
    }

    @Test
    void identicalModelsHaveDifferenceZeroAndPOne() throws IOException {
        Path a = write("a.csv", A, false);
        Path b = write("b.csv", A, false);
        JsonNode j = json("compare", a.toString(), b.toString(), "--replicates", "50", "--format", "json");
        for (JsonNode o : j.get("comparisons")) {
            assertEquals(0.0, o.get("difference").asDouble(), o.toString());
            assertEquals(1.0, o.get("p_value").asDouble(), o.toString());
            assertEquals(1.0, o.get("p_value_holm").asDouble(), o.toString());
        }
    }

    @Test
    void mismatchesAreClearErrors() throws IOException {
        Path a = write("a.csv", A, false);
        int[] order = new int[Y.length];
        java.util.Arrays.setAll(order, i -> i);
        List<String> swapped = new ArrayList<>(CLASSES);
        java.util.Collections.swap(swapped, 0, 1);
        Path b = write("b.csv", B, Y, false, order, swapped);
        CliRunner.Result r = CliRunner.run("compare", a.toString(), b.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("expected the classes of") && r.err().contains(swapped.toString()), r.err());

        int[] y = Y.clone();
        y[5] = (y[5] + 1) % CLASSES.size();
        Path c = write("c.csv", B, y, false, order, CLASSES);
        r = CliRunner.run("compare", a.toString(), c.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("c.csv:7: column 'label'") && r.err().contains("same label"), r.err());

        Path d = write("d.csv", B, Y, false, java.util.Arrays.copyOf(order, Y.length - 1), CLASSES);
        r = CliRunner.run("compare", a.toString(), d.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("same number of rows"), r.err());

        // matched by id: b's rows reversed, the label of id r5 changed (line 2 + 79 - 5 of e.csv)
        int[] reversed = new int[Y.length];
        java.util.Arrays.setAll(reversed, i -> Y.length - 1 - i);
        Path e = write("e.csv", B, y, true, reversed, CLASSES);
        r = CliRunner.run("compare", write("ida.csv", A, true).toString(), e.toString(), "--id", "id");
        assertEquals(3, r.code());
        assertTrue(r.err().contains("e.csv:" + (2 + Y.length - 1 - 5) + ": column 'label'")
                && r.err().contains("line 7 of") && r.err().contains("id 'r5'"), r.err());

        Path binary = dir.resolve("binary.csv");
        Files.writeString(binary, "label,score\n1,0.9\n0,0.2\n");
        r = CliRunner.run("compare", a.toString(), binary.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("expected multiclass predictions as in"), r.err());

        r = CliRunner.run("compare", a.toString(), a.toString(), "--method", "bootstrap");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--method bootstrap"), r.err());
    }

    @Test
    void helpShowsTheMulticlassExample() {
        CliRunner.Result r = CliRunner.run("compare", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Two multi-class files") && r.out().contains("multi_old.csv multi_new.csv"),
                r.out());
    }
}

package org.discern.cli;

import static org.discern.metrics.Approx.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.discern.io.Json;
import org.discern.metrics.AucComparison;
import org.discern.metrics.DeLong;
import org.discern.metrics.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate --group/--min-slice/--fold} end to end: numbers derived by hand, from core's
 * tested objects, or from pROC 1.18 ({@code roc.test(paired = FALSE)}, core's reference file);
 * every slice's values equal {@code evaluate} of a file holding only its rows.
 */
class SlicesCommandTest {
    /**
     * g=a: positives 0.9, 0.7; negatives 0.8, 0.2: 3 of 4 pairs ordered, AUC 3/4. g=b: 0.6 over
     * 0.5 and 0.4, AUC 1. g=c: two positives, no AUC. h splits across them.
     */
    private static final String SMALL = "label,score,g,h\n1,0.9,a,x\n0,0.8,a,y\n1,0.7,a,x\n0,0.2,a,y\n1,0.6,b,x\n"
            + "0,0.5,b,x\n0,0.4,b,y\n1,0.3,c,y\n1,0.1,c,y\n";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static JsonNode json(String... args) throws IOException {
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(0, r.code(), r.err());
        return Json.parse(r.out());
    }

    private static List<String> texts(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(x -> out.add(x.asText()));
        return out;
    }

    @Test
    void smallFileByHand() throws IOException {
        Path p = write("small.csv", SMALL);
        JsonNode j = json("evaluate", p.toString(), "--group", "g", "--format", "json");
        assertEquals(9, j.get("n").asInt());
        JsonNode slices = j.get("slices");
        assertEquals(3, slices.size());
        JsonNode a = slices.get(0);
        assertEquals("g=a", a.get("slice").asText());
        assertEquals(List.of("g"), texts(a.get("columns")));
        assertEquals(List.of("a"), texts(a.get("values")));
        assertEquals(4, a.get("n").asInt());
        assertEquals(2, a.get("n_positive").asInt());
        assertClose(0.75, a.get("roc_auc").asDouble(), "AUC of g=a");
        // at 0.5: 0.9 and 0.7 are true positives, 0.8 a false positive, 0.2 a true negative
        assertEquals(Map.of("tp", 2, "fp", 1, "tn", 1, "fn", 0), Map.of("tp", a.get("confusion").get("tp").asInt(),
                "fp", a.get("confusion").get("fp").asInt(), "tn", a.get("confusion").get("tn").asInt(), "fn",
                a.get("confusion").get("fn").asInt()));
        assertClose(1.0, slices.get(1).get("roc_auc").asDouble(), "AUC of g=b");
        // versus the rest: rest of g=a is b and c, positives 0.6, 0.3, 0.1 over negatives 0.5, 0.4: 2 of 6
        JsonNode vr = a.get("versus_rest");
        assertEquals("g=a", vr.get("a").asText());
        assertEquals("rest", vr.get("b").asText());
        assertClose(0.75, vr.get("roc_auc_a").asDouble(), "auc a");
        assertClose(1.0 / 3, vr.get("roc_auc_b").asDouble(), "auc rest");
        assertClose(0.75 - 1.0 / 3, vr.get("difference").asDouble(), "difference");
        // the test is core's unpaired DeLong (tested against pROC) on the slice and the rest
        AucComparison core = DeLong.unpaired("g=a", DeLong.auc(new double[] {0.9, 0.8, 0.7, 0.2},
                new boolean[] {true, false, true, false}, null), "rest", DeLong.auc(new double[] {0.6, 0.5, 0.4, 0.3,
                0.1}, new boolean[] {true, false, false, true, true}, null), 0.95);
        assertClose(core.z(), vr.get("z").asDouble(), "t");
        assertClose(core.degreesOfFreedom(), vr.get("df").asDouble(), "df");
        assertClose(core.pValue(), vr.get("p_value").asDouble(), "p");
        // g=c holds one class: reported, null AUC, a warning, no test, not in Holm
        JsonNode c = slices.get(2);
        assertEquals(2, c.get("n").asInt());
        assertTrue(c.get("roc_auc").isNull());
        assertFalse(c.get("warnings").isEmpty(), c.toString());
        JsonNode pc = c.get("versus_rest");
        assertTrue(pc == null || pc.get("p_value").isNull(), String.valueOf(pc));
        // Holm over the two defined tests, by hand: the smaller p times 2, the larger max(that, p)
        double pa = a.get("versus_rest").get("p_value").asDouble();
        double pb = slices.get(1).get("versus_rest").get("p_value").asDouble();
        double lo = Math.min(1, 2 * Math.min(pa, pb));
        double hi = Math.max(lo, Math.max(pa, pb));
        assertClose(pa <= pb ? lo : hi, a.get("versus_rest").get("p_value_holm").asDouble(), "holm a");
        assertClose(pa <= pb ? hi : lo, slices.get(1).get("versus_rest").get("p_value_holm").asDouble(), "holm b");
    }

    @Test
    void everySliceEqualsTheWholeEvaluatedOnItsRows() throws IOException {
        Path p = write("small.csv", SMALL);
        JsonNode j = json("evaluate", p.toString(), "--group", "h", "--group", "g,h", "--format", "json");
        List<String> lines = SMALL.lines().toList();
        int checked = 0;
        for (JsonNode s : j.get("slices")) {
            List<String> columns = texts(s.get("columns"));
            List<String> values = texts(s.get("values"));
            StringBuilder only = new StringBuilder(lines.get(0)).append('\n');
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                boolean in = true;
                for (int c = 0; c < columns.size(); c++) {
                    in &= f[columns.get(c).equals("g") ? 2 : 3].equals(values.get(c));
                }
                if (in) {
                    only.append(line).append('\n');
                }
            }
            Path sub = write("slice" + checked + ".csv", only.toString());
            ObjectNode whole = (ObjectNode) json("evaluate", sub.toString(), "--format", "json");
            ObjectNode slice = ((ObjectNode) s).deepCopy();
            slice.remove(List.of("slice", "columns", "values", "versus_rest"));
            // a slice's own warnings come after its summary's (the test's)
            JsonNode sw = slice.remove("warnings");
            JsonNode ww = whole.remove("warnings");
            assertEquals(whole, slice, s.get("slice").asText());
            for (int i = 0; i < ww.size(); i++) {
                assertEquals(ww.get(i), sw.get(i));
            }
            checked++;
        }
        // h: x, y; g,h: the observed pairs a,x a,y b,x b,y c,y
        assertEquals(7, checked);
        assertEquals("g=b,h=y", j.get("slices").get(5).get("slice").asText());
    }

    @Test
    void multiClassAndMultiLabelSlicesEqualTheirRowsEvaluated() throws IOException {
        String mc = "label,cat,dog,fish,site\ncat,0.7,0.2,0.1,n\ndog,0.2,0.5,0.3,s\nfish,0.1,0.1,0.8,n\ncat,0.4,0.4,0.2,s\n"
                + "dog,0.3,0.6,0.1,n\nfish,0.2,0.5,0.3,s\ncat,0.5,0.3,0.2,n\ndog,0.1,0.8,0.1,s\n";
        String ml = "label_x,label_y,score_x,score_y,site\n1,0,0.9,0.2,n\n0,1,0.1,0.8,s\n1,1,0.6,0.7,n\n0,0,0.3,0.4,s\n"
                + "1,0,0.4,0.6,n\n0,1,0.5,0.5,s\n";
        for (String text : List.of(mc, ml)) {
            Path p = write("m.csv", text);
            JsonNode j = json("evaluate", p.toString(), "--group", "site", "--format", "json");
            assertEquals(2, j.get("slices").size());
            for (JsonNode s : j.get("slices")) {
                String v = s.get("values").get(0).asText();
                StringBuilder only = new StringBuilder();
                text.lines().forEach(l -> {
                    if (l.endsWith(",site") || l.endsWith("," + v)) {
                        only.append(l, 0, l.lastIndexOf(',')).append('\n'); // without the group column
                    }
                });
                ObjectNode whole = (ObjectNode) json("evaluate", write("m-" + v + ".csv", only.toString()).toString(),
                        "--format", "json");
                ObjectNode slice = ((ObjectNode) s).deepCopy();
                slice.remove(List.of("slice", "columns", "values"));
                // a row named in a warning: the slice's own row (as core numbers it), the file's line
                // in the file of the slice's rows alone; the rest is equal
                rowsUnnamed(whole);
                rowsUnnamed(slice);
                assertEquals(whole, slice, v);
            }
        }
    }

    /** The warnings of {@code o} with every "row N" or "line N" written "row _". */
    private static void rowsUnnamed(ObjectNode o) {
        if (o.get("warnings") instanceof com.fasterxml.jackson.databind.node.ArrayNode w) {
            for (int i = 0; i < w.size(); i++) {
                w.set(i, w.get(i).asText().replaceAll("\\b(row|line) \\d+", "row _"));
            }
        }
    }

    /** aSAH split by gender, WFNS and age, both scores: each slice's test as pROC 1.18's roc.test(paired = FALSE), Holm as p.adjust. */
    @Test
    void versusRestEqualsProcOnAsah() throws IOException {
        Path data = write("asah.csv", resource("/reference/slices_asah.csv"));
        List<String> expected = resource("/reference/slices_asah_expected.csv").lines().toList();
        int checked = 0;
        for (String score : List.of("s100b", "ndka")) {
            JsonNode j = json("evaluate", data.toString(), "--label", "outcome", "--score", score, "--group", "gender",
                    "--group", "wfns", "--group", "age", "--format", "json");
            for (String line : expected.subList(1, expected.size())) {
                String[] e = line.split(",");
                if (!e[0].equals(score)) {
                    continue;
                }
                JsonNode s = find(j.get("slices"), e[1] + "=" + e[2]);
                assertEquals(Integer.parseInt(e[3]), s.get("n").asInt());
                assertClose(Double.parseDouble(e[4]), s.get("roc_auc").asDouble(), line);
                JsonNode vr = s.get("versus_rest");
                assertClose(Double.parseDouble(e[5]), vr.get("roc_auc_b").asDouble(), line);
                if (e[6].equals("NaN")) {
                    assertTrue(vr.get("p_value").isNull(), line);
                    continue;
                }
                assertClose(Double.parseDouble(e[6]), vr.get("z").asDouble(), 1e-7, line);
                assertClose(Double.parseDouble(e[7]), vr.get("df").asDouble(), 1e-7, line);
                assertClose(Double.parseDouble(e[8]), vr.get("p_value").asDouble(), 1e-7, line);
                assertClose(Double.parseDouble(e[9]), vr.get("p_value_holm").asDouble(), 1e-7, line);
                checked++;
            }
        }
        assertEquals(16, checked);
    }

    private static JsonNode find(JsonNode slices, String name) {
        for (JsonNode s : slices) {
            if (s.get("slice").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no slice " + name + " in " + slices);
    }

    @Test
    void minSliceHidesTheSmallestAndSaysHowMany() throws IOException {
        Path p = write("small.csv", SMALL);
        JsonNode j = json("evaluate", p.toString(), "--group", "g", "--min-slice", "3", "--format", "json");
        assertEquals(List.of("g=a", "g=b"), List.of(j.get("slices").get(0).get("slice").asText(),
                j.get("slices").get(1).get("slice").asText()));
        assertEquals(2, j.get("slices").size());
        assertTrue(texts(j.get("warnings")).contains("1 slice of [g] hidden (2 rows): fewer rows than --min-slice"),
                j.get("warnings").toString());
        CliRunner.Result t = CliRunner.run("evaluate", p.toString(), "--group", "g", "--min-slice", "3");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("slices by g (2 slices, 1 hidden with 2 rows)"), t.out());
    }

    @Test
    void foldsByHand() throws IOException {
        // fold 1: positives 0.9, 0.4 over negatives 0.6, 0.1: 3 of 4 pairs, AUC 0.75
        // fold 2: positive 0.8 over negatives 0.7, 0.3: AUC 1
        // pooled: positives 0.9, 0.4, 0.8 over 0.6, 0.1, 0.7, 0.3: 0.9 > 4, 0.8 > 4, 0.4 > 2: 10 of 12
        Path p = write("cv.csv", "label,score,fold\n1,0.9,1\n0,0.6,1\n1,0.4,1\n0,0.1,1\n1,0.8,2\n0,0.7,2\n0,0.3,2\n");
        JsonNode j = json("evaluate", p.toString(), "--fold", "fold", "--format", "json");
        JsonNode f = j.get("folds");
        assertEquals("fold", f.get("column").asText());
        assertClose(10.0 / 12, f.get("roc_auc_pooled").asDouble(), "pooled");
        assertClose(10.0 / 12, j.get("roc_auc").asDouble(), "whole = pooled");
        assertClose((0.75 + 1) / 2, f.get("roc_auc_mean_of_folds").asDouble(), "mean of folds");
        assertClose((0.75 + 1) / 2, f.get("mean").get("roc_auc").asDouble(), "mean");
        assertClose(0.125, f.get("sd").get("roc_auc").asDouble(), "population sd of 0.75 and 1");
        assertEquals(List.of("1", "2"), List.of(f.get("per_fold").get(0).get("fold").asText(),
                f.get("per_fold").get(1).get("fold").asText()));
        assertClose(0.75, f.get("per_fold").get(0).get("roc_auc").asDouble(), "fold 1");
        assertEquals(4, f.get("per_fold").get(0).get("n").asInt());
        // the averaged ROC on 100 points: at FPR 0.5 fold 1 has TPR 0.5 (0.9; then 0.6 is a negative,
        // FPR 0.5 at TPR 0.5, up to 1 at FPR 0.5 after 0.4), read as numpy.interp: the highest, 1;
        // fold 2: FPR 0 -> TPR 1 after 0.8, so 1. At grid 0: 0 by convention.
        JsonNode roc = f.get("averaged_roc");
        assertEquals("fpr", roc.get("x").asText());
        assertEquals("tpr", roc.get("y").asText());
        assertEquals(2, roc.get("curves").asInt());
        assertEquals(100, roc.get("grid").size());
        assertEquals(0.0, roc.get("mean").get(0).asDouble());
        assertEquals(1.0, roc.get("mean").get(99).asDouble());
        // at FPR 1/99 (first grid point above 0): fold 1 interpolates between (0, 0.5) and (0.5, 0.5): 0.5;
        // fold 2 is at 1: mean 0.75, sd 0.25, min 0.5, max 1
        assertClose(0.75, roc.get("mean").get(1).asDouble(), "mean tpr");
        assertClose(0.25, roc.get("sd").get(1).asDouble(), "sd tpr");
        assertClose(0.5, roc.get("min").get(1).asDouble(), "min tpr");
        assertClose(1.0, roc.get("max").get(1).asDouble(), "max tpr");
        assertClose(0.5, roc.get("lower").get(1).asDouble(), "mean - sd");
        assertClose(1.0, roc.get("upper").get(1).asDouble(), "mean + sd");
        assertEquals("recall", f.get("averaged_pr").get("x").asText());
    }

    /** scikit-learn 1.2.1 (core's reference/folds_reference.py): the fixtures in 5 folds by row number. */
    @Test
    void foldsEqualScikitLearnsCrossValidationExample() throws IOException {
        for (String name : List.of("breast_cancer", "fraudlike")) {
            List<String> rows = Files.readAllLines(Fixtures.csv("binary_" + name, dir));
            StringBuilder sb = new StringBuilder(rows.get(0)).append(",fold\n");
            for (int i = 1; i < rows.size(); i++) {
                sb.append(rows.get(i)).append(',').append((i - 1) % 5).append('\n');
            }
            JsonNode f = json("evaluate", write(name + "-cv.csv", sb.toString()).toString(), "--fold", "fold",
                    "--format", "json").get("folds");
            List<String> ref = resource("/reference/folds_" + name + ".csv").lines().toList();
            List<String> h = List.of(ref.get(0).split(","));
            String[] first = ref.get(1).split(",");
            assertClose(Double.parseDouble(first[h.indexOf("auc_mean_of_folds")]),
                    f.get("roc_auc_mean_of_folds").asDouble(), name);
            assertClose(Double.parseDouble(first[h.indexOf("auc_sd_of_folds")]), f.get("sd").get("roc_auc").asDouble(),
                    name);
            assertClose(Double.parseDouble(first[h.indexOf("auc_pooled")]), f.get("roc_auc_pooled").asDouble(), name);
            for (int g = 0; g < 100; g++) {
                String[] e = ref.get(g + 1).split(",");
                for (String[] col : new String[][] {{"averaged_roc", "tpr"}, {"averaged_pr", "precision"}}) {
                    JsonNode c = f.get(col[0]);
                    assertClose(Double.parseDouble(e[0]), c.get("grid").get(g).asDouble(), "grid");
                    for (String stat : List.of("mean", "sd", "min", "max")) {
                        assertClose(Double.parseDouble(e[h.indexOf(stat + "_" + col[1])]), c.get(stat).get(g).asDouble(),
                                1e-9, name + " " + col[0] + " " + stat + " at " + g);
                    }
                }
            }
        }
    }

    @Test
    void multiLabelFoldsMeanByHand() throws IOException {
        Path p = write("ml.csv", "label_x,label_y,score_x,score_y,fold\n1,0,0.9,0.2,1\n0,1,0.1,0.8,1\n1,1,0.6,0.7,1\n"
                + "0,0,0.3,0.4,2\n1,0,0.4,0.6,2\n0,1,0.5,0.5,2\n1,1,0.7,0.9,2\n");
        JsonNode f = json("evaluate", p.toString(), "--fold", "fold", "--format", "json").get("folds");
        double a = f.get("per_fold").get(0).get("roc_auc_macro").asDouble();
        double b = f.get("per_fold").get(1).get("roc_auc_macro").asDouble();
        assertClose((a + b) / 2, f.get("roc_auc_macro_mean_of_folds").asDouble(), "mean");
        assertClose(Math.abs(a - b) / 2, f.get("sd").get("roc_auc_macro").asDouble(), "sd");
        assertTrue(f.get("averaged_roc") == null);
    }

    @Test
    void tablesShowSlicesAndFolds() throws IOException {
        Path p = write("small.csv", SMALL.replace(",g,h\n", ",g,fold\n"));
        CliRunner.Result r = CliRunner.run("evaluate", p.toString(), "--group", "g", "--fold", "fold", "--ci", "delong");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("slices by g (3 slices)"), r.out());
        assertTrue(r.out().contains("95% CI (delong)"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  g=a ") && l.contains("0.7500")), r.out());
        assertTrue(r.out().contains("folds by fold (2 folds)"), r.out());
        assertTrue(r.out().contains("ROC AUC: pooled (all rows at once) "), r.out());
        assertTrue(r.out().contains("warning: g=c: "), r.out());
    }

    @Test
    void reportHasTheSectionsAndMetricsJsonIsEvaluatesJson() throws IOException {
        Path p = write("small.csv", SMALL.replace(",g,h\n", ",g,fold\n"));
        Path out = dir.resolve("rep");
        CliRunner.Result r = CliRunner.run("report", p.toString(), "--group", "g", "--fold", "fold", "--ci", "delong",
                "--out", out.toString(), "--no-images");
        assertEquals(0, r.code(), r.err());
        CliRunner.Result e = CliRunner.run("evaluate", p.toString(), "--group", "g", "--fold", "fold", "--ci", "delong",
                "--format", "json");
        assertEquals(e.out(), Files.readString(out.resolve("metrics.json")));
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<h2 id=\"slices\">Slices</h2>"));
        assertTrue(html.contains("<h2 id=\"folds\">Folds</h2>"));
        assertEquals(3, html.split("<g class=\"slice\"", -1).length - 1);
        assertTrue(html.contains("--group g --fold fold"), "the options in the provenance");
    }

    @Test
    void badUseIsAClearMessage() throws IOException {
        Path p = write("small.csv", SMALL);
        CliRunner.Result missing = CliRunner.run("evaluate", p.toString(), "--group", "gg");
        assertEquals(3, missing.code());
        assertTrue(missing.err().contains("no column 'gg' for the groups; columns: label, score, g, h"), missing.err());
        CliRunner.Result noGroup = CliRunner.run("evaluate", p.toString(), "--min-slice", "3");
        assertEquals(2, noGroup.code());
        assertTrue(noGroup.err().contains("--min-slice applies to slices: add --group COL"), noGroup.err());
        CliRunner.Result empty = CliRunner.run("evaluate", p.toString(), "--group", "g,");
        assertEquals(2, empty.code());
        CliRunner.Result negative = CliRunner.run("evaluate", p.toString(), "--group", "g", "--min-slice", "-1");
        assertEquals(2, negative.code());
        Path npz = dir.resolve("a.npz");
        Files.copy(Path.of("..", "discern-io", "src", "test", "resources", "npy", "stored.npz"), npz);
        CliRunner.Result numpy = CliRunner.run("evaluate", npz.toString(), "--group", "g");
        assertEquals(2, numpy.code());
        assertTrue(numpy.err().contains("--group applies to CSV/TSV input"), numpy.err());
    }

    static String resource(String name) throws IOException {
        try (InputStream in = SlicesCommandTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

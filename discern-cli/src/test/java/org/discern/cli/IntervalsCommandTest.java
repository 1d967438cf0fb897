package org.discern.cli;

import static org.discern.metrics.Approx.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.discern.metrics.Fixtures;
import org.discern.metrics.References;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate --ci} and {@code compare} on the fixture CSVs, against pROC's values in the fixtures. */
class IntervalsCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode json(String... args) throws IOException {
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
    void evaluateDeLongMatchesPRoc() throws IOException {
        JsonNode proc = Fixtures.json("binary_breast_cancer").get("expected").get("proc");
        Path csv = Fixtures.csv("binary_breast_cancer", dir);
        JsonNode j = json("evaluate", csv.toString(), "--ci", "delong", "--format", "json");
        JsonNode ci = j.get("roc_auc_ci");
        assertEquals(List.of("method", "level", "lower", "upper"), keys(ci));
        assertEquals("delong", ci.get("method").asText());
        assertEquals(0.95, ci.get("level").asDouble());
        assertClose(proc.get("roc_auc_ci_delong_95").get(0).asDouble(), ci.get("lower").asDouble(), "lower");
        assertClose(proc.get("roc_auc_ci_delong_95").get(1).asDouble(), ci.get("upper").asDouble(), "upper");
        assertClose(proc.get("roc_auc_variance_delong").asDouble(), j.get("roc_auc_variance").asDouble(), "variance");
        List<String> k = keys(j);
        assertEquals(k.indexOf("roc_auc") + 1, k.indexOf("roc_auc_ci"));
        assertEquals(k.indexOf("roc_auc") + 2, k.indexOf("roc_auc_variance"));
        assertFalse(j.has("average_precision_ci"));
    }

    @Test
    void evaluateDeLongAtAnotherLevelAndInTheTable() throws IOException {
        Path csv = Fixtures.csv("binary_asah_s100b_vs_wfns", dir);
        JsonNode j = json("evaluate", csv.toString(), "--ci", "DELONG", "--level", "0.9", "--format", "json");
        JsonNode proc = Fixtures.json("binary_asah_s100b_vs_wfns").get("expected").get("proc");
        double se = Math.sqrt(proc.get("roc_auc_variance_delong").asDouble());
        double auc = proc.get("roc_auc").asDouble();
        // qnorm(0.95) = 1.6448536269514722
        assertClose(auc - 1.6448536269514722 * se, j.get("roc_auc_ci").get("lower").asDouble(), 1e-12, "lower 90%");
        assertEquals(0.9, j.get("roc_auc_ci").get("level").asDouble());

        CliRunner.Result t = CliRunner.run("evaluate", csv.toString(), "--ci", "delong", "--level", "0.9");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("90% CI (delong)"), t.out());
    }

    @Test
    void evaluateBootstrapIsSeededAndReportsApToo() throws IOException {
        Path csv = Fixtures.csv("binary_breast_cancer", dir);
        String[] args = {"evaluate", csv.toString(), "--ci", "bootstrap", "--replicates", "300", "--seed", "11",
            "--format", "json"};
        JsonNode a = json(args);
        JsonNode b = json(args);
        assertEquals(a, b);
        JsonNode ci = a.get("roc_auc_ci");
        assertEquals(List.of("method", "level", "lower", "upper"), keys(ci));
        assertEquals("bootstrap", ci.get("method").asText());
        assertTrue(ci.get("lower").asDouble() < a.get("roc_auc").asDouble());
        assertTrue(ci.get("upper").asDouble() >= a.get("roc_auc").asDouble());
        JsonNode ap = a.get("average_precision_ci");
        assertEquals("bootstrap", ap.get("method").asText());
        assertTrue(ap.get("lower").asDouble() <= a.get("average_precision").asDouble());
        assertEquals(300, a.get("bootstrap").get("replicates").asInt());
        assertEquals(11, a.get("bootstrap").get("seed").asLong());
        assertFalse(a.has("roc_auc_variance"));
        JsonNode other = json("evaluate", csv.toString(), "--ci", "bootstrap", "--replicates", "300",
                "--seed", "12", "--format", "json", "--threads", "1");
        assertFalse(a.get("roc_auc_ci").equals(other.get("roc_auc_ci")));
    }

    @Test
    void badIntervalOptionsAreUsageErrors() throws IOException {
        Path csv = Fixtures.csv("binary_small_ties", dir);
        CliRunner.Result r = CliRunner.run("evaluate", csv.toString(), "--ci", "bootstrap", "--level", "1.5");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--level must be in (0, 1), got 1.5"), r.err());
        r = CliRunner.run("evaluate", csv.toString(), "--ci", "bootstrap", "--replicates", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--replicates must be >= 1, got 0"), r.err());
        r = CliRunner.run("evaluate", csv.toString(), "--ci", "wilson");
        assertEquals(2, r.code());
        // options that would be ignored are usage errors
        r = CliRunner.run("evaluate", csv.toString(), "--replicates", "100");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--replicates applies to the bootstrap: add --ci bootstrap"), r.err());
        r = CliRunner.run("evaluate", csv.toString(), "--level", "0.9");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--level applies to intervals"), r.err());
        r = CliRunner.run("evaluate", csv.toString(), "--ci", "delong", "--seed", "3");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--seed applies to the bootstrap"), r.err());
        r = CliRunner.run("compare", csv.toString(), "--score", "score", "--score", "score", "--seed", "3");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--seed applies to the bootstrap: add --method bootstrap"), r.err());
    }

    @Test
    void compareOneFileMatchesPRocPairedTest() throws IOException {
        for (String name : List.of("binary_breast_cancer", "binary_asah_s100b_vs_wfns")) {
            JsonNode t = Fixtures.json(name).get("expected").get("proc").get("paired_test_delong");
            Path csv = Fixtures.csv(name, dir);
            JsonNode j = json("compare", csv.toString(), "--score", "score", "--score", "score_b", "--format", "json");
            assertEquals(1, j.get("comparisons").size());
            JsonNode c = j.get("comparisons").get(0);
            assertEquals(List.of("a", "b", "roc_auc_a", "roc_auc_b", "difference", "difference_ci", "covariance",
                    "z", "p_value", "p_value_holm", "method"), keys(c));
            assertEquals("score", c.get("a").asText());
            assertEquals("score_b", c.get("b").asText());
            assertClose(t.get("roc_auc_b").asDouble(), c.get("roc_auc_b").asDouble(), name + " auc b");
            assertClose(t.get("z").asDouble(), c.get("z").asDouble(), name + " z");
            assertClose(t.get("p_value").asDouble(), c.get("p_value").asDouble(), name + " p");
            assertClose(t.get("covariance").asDouble(), c.get("covariance").asDouble(), name + " cov");
            assertEquals(c.get("p_value").asDouble(), c.get("p_value_holm").asDouble());
            assertEquals("delong", c.get("method").asText());
            assertEquals(2, c.get("difference_ci").size());
            assertTrue(j.get("paired").asBoolean());
        }
    }

    @Test
    void compareThreeColumnsGivesThreePairsAndATable() throws IOException {
        Path csv = dir.resolve("three.csv");
        Files.writeString(csv, "label,a,b,c\n1,0.9,0.8,0.7\n1,0.8,0.4,0.9\n1,0.4,0.7,0.8\n0,0.3,0.5,0.2\n"
                + "0,0.5,0.2,0.1\n0,0.1,0.3,0.6\n1,0.7,0.9,0.3\n0,0.2,0.1,0.4\n");
        JsonNode j = json("compare", csv.toString(), "--score", "a", "--score", "b", "--score", "c", "--format", "json");
        JsonNode cs = j.get("comparisons");
        assertEquals(3, cs.size());
        assertEquals("a", cs.get(0).get("a").asText());
        assertEquals("c", cs.get(1).get("b").asText());
        assertEquals("b", cs.get(2).get("a").asText());
        for (JsonNode c : cs) {
            assertTrue(c.get("p_value_holm").asDouble() >= c.get("p_value").asDouble());
        }
        CliRunner.Result t = CliRunner.run("compare", csv.toString(), "--score", "a", "--score", "b", "--score", "c");
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("paired DeLong test, 95% intervals"), t.out());
        assertTrue(t.out().contains("p (Holm)"), t.out());
        assertEquals(3 + 4, t.out().strip().split("\n").length, t.out());
    }

    @Test
    void compareIdenticalColumnsHasPOne() throws IOException {
        Path csv = dir.resolve("same.csv");
        Files.writeString(csv, "label,a,b\n1,0.9,0.9\n1,0.6,0.6\n0,0.7,0.7\n0,0.1,0.1\n1,0.8,0.8\n0,0.3,0.3\n");
        for (String m : List.of("delong", "bootstrap")) {
            List<String> args = new ArrayList<>(List.of("compare", csv.toString(), "--score", "a", "--score", "b",
                    "--method", m, "--format", "json"));
            if (m.equals("bootstrap")) {
                args.addAll(List.of("--replicates", "100"));
            }
            JsonNode c = json(args.toArray(String[]::new)).get("comparisons").get(0);
            assertEquals(0.0, c.get("difference").asDouble(), m);
            assertEquals(0.0, c.get("z").asDouble(), m);
            assertEquals(1.0, c.get("p_value").asDouble(), m);
            assertEquals(m, c.get("method").asText());
        }
    }

    @Test
    void compareBootstrapIsPairedAndSeeded() throws IOException {
        Path csv = Fixtures.csv("binary_breast_cancer", dir);
        String[] args = {"compare", csv.toString(), "--score", "score", "--score", "score_b", "--method", "bootstrap",
            "--replicates", "500", "--seed", "5", "--format", "json"};
        JsonNode a = json(args);
        assertEquals(a, json(args));
        JsonNode c = a.get("comparisons").get(0);
        assertEquals("bootstrap", c.get("method").asText());
        JsonNode t = Fixtures.json("binary_breast_cancer").get("expected").get("proc").get("paired_test_delong");
        // same difference as DeLong's, and a z of similar size (resampling noise)
        assertEquals(t.get("z").asDouble(), c.get("z").asDouble(), 0.2 * t.get("z").asDouble());
        assertEquals(500, a.get("bootstrap").get("replicates").asInt());
        assertEquals(5, a.get("bootstrap").get("seed").asInt());
    }

    @Test
    void compareTwoFilesMatchedById() throws IOException {
        // file 2 holds the same samples as file 1, shuffled, scored by model b, plus one unmatched row
        JsonNode in = Fixtures.json("binary_asah_s100b_vs_wfns").get("input");
        double[] s = Fixtures.doubles(in.get("scores"));
        double[] sb = Fixtures.doubles(in.get("scores_b"));
        int[] y = Fixtures.ints(in.get("labels"));
        StringBuilder one = new StringBuilder("id,label,score\n");
        StringBuilder two = new StringBuilder("label,score,id\n");
        for (int i = 0; i < s.length; i++) {
            one.append("r").append(i).append(',').append(y[i]).append(',').append(s[i]).append('\n');
        }
        for (int i = s.length - 1; i >= 0; i--) {
            two.append(y[i]).append(',').append(sb[i]).append(",r").append(i).append('\n');
        }
        two.append("1,0.5,extra\n");
        Path f1 = dir.resolve("s100b.csv");
        Path f2 = dir.resolve("wfns.csv");
        Files.writeString(f1, one.toString());
        Files.writeString(f2, two.toString());
        JsonNode j = json("compare", f1.toString(), f2.toString(), "--id", "id", "--format", "json");
        JsonNode c = j.get("comparisons").get(0);
        JsonNode t = Fixtures.json("binary_asah_s100b_vs_wfns").get("expected").get("proc").get("paired_test_delong");
        assertClose(t.get("z").asDouble(), c.get("z").asDouble(), "z");
        assertClose(t.get("p_value").asDouble(), c.get("p_value").asDouble(), "p");
        assertTrue(j.get("paired").asBoolean());
        assertTrue(j.get("warnings").toString().contains("1 of 114 rows of " + f2 + " have no matching id"),
                j.get("warnings").toString());

        // no common id: unpaired
        Path f3 = dir.resolve("other.csv");
        Files.writeString(f3, two.toString().replace(",r", ",q"));
        JsonNode u = json("compare", f1.toString(), f3.toString(), "--id", "id", "--format", "json");
        assertFalse(u.get("paired").asBoolean());
        assertEquals(0.0, u.get("comparisons").get(0).get("covariance").asDouble());
        // pROC's roc.test(paired = FALSE) of all of aSAH's wfns against s100b (no extra row):
        // Student's t with Welch-Satterthwaite df
        Path f4 = dir.resolve("wfns_other.csv");
        Files.writeString(f4, two.toString().replace(",r", ",q").replace("1,0.5,extra\n", ""));
        JsonNode ref = References.json("delong_unpaired.json").get("cases").get(0);
        assertEquals("asah_wfns_vs_s100b", ref.get("name").asText());
        JsonNode uc = json("compare", f1.toString(), f4.toString(), "--id", "id", "--format", "json")
                .get("comparisons").get(0);
        assertClose(-ref.get("statistic").asDouble(), uc.get("z").asDouble(), "t");
        assertClose(ref.get("df").asDouble(), uc.get("df").asDouble(), "df");
        assertClose(ref.get("p_value").asDouble(), uc.get("p_value").asDouble(), "p");
        assertFalse(j.get("comparisons").get(0).has("df"), "paired tests have no df");
        CliRunner.Result table = CliRunner.run("compare", f1.toString(), f4.toString(), "--id", "id");
        assertTrue(table.out().contains("Student's t with 206.66 df"), table.out());
    }

    /** The same column twice: pROC answers Z = 0, p = 1; so does Discern, with a warning. */
    @Test
    void compareAColumnWithItself() throws IOException {
        Path csv = Fixtures.csv("binary_breast_cancer", dir);
        for (String[] method : new String[][] {{"--method", "delong"}, {"--method", "bootstrap", "--replicates", "50"}}) {
            List<String> args = new ArrayList<>(List.of("compare", csv.toString(), "--score", "score", "--score", "score",
                    "--format", "json"));
            args.addAll(List.of(method));
            JsonNode j = json(args.toArray(String[]::new));
            JsonNode c = j.get("comparisons").get(0);
            String m = method[1];
            assertEquals(0.0, c.get("difference").asDouble(), m);
            assertEquals(0.0, c.get("z").asDouble(), m);
            assertEquals(1.0, c.get("p_value").asDouble(), m);
            assertEquals(0.0, c.get("difference_ci").get(0).asDouble(), m);
            assertEquals(0.0, c.get("difference_ci").get(1).asDouble(), m);
            assertTrue(j.get("warnings").toString().contains("score and score hold identical scores"),
                    j.get("warnings").toString());
        }
        CliRunner.Result r = CliRunner.run("compare", csv.toString(), "--score", "score", "--score", "score");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("warning: score and score hold identical scores"), r.out());
    }

    @Test
    void compareUsageAndDataErrors() throws IOException {
        Path csv = Fixtures.csv("binary_breast_cancer", dir);
        CliRunner.Result r = CliRunner.run("compare", csv.toString(), "--score", "score");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("at least two --score columns"), r.err());
        r = CliRunner.run("compare", csv.toString(), csv.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--id"), r.err());
        r = CliRunner.run("compare", csv.toString(), "--score", "score", "--score", "nope");
        assertEquals(3, r.code());
        assertTrue(r.err().contains("'nope'"), r.err());

        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Files.writeString(a, "id,label,score\nx,1,0.9\ny,0,0.1\nz,0,0.3\n");
        Files.writeString(b, "id,label,score\nx,0,0.9\ny,0,0.1\n");
        r = CliRunner.run("compare", a.toString(), b.toString(), "--id", "id");
        assertEquals(3, r.code());
        assertTrue(r.err().contains("same label"), r.err());
        Files.writeString(b, "id,label,score\nx,1,0.9\nx,0,0.1\n");
        r = CliRunner.run("compare", a.toString(), b.toString(), "--id", "id");
        assertEquals(3, r.code());
        assertTrue(r.err().contains("unique ids"), r.err());
    }

    @Test
    void multiclassDeLongPerClass() throws IOException {
        String name = "multiclass_small_ties";
        Path csv = Fixtures.csv(name, dir);
        JsonNode j = json("evaluate", csv.toString(), "--ci", "delong", "--format", "json");
        JsonNode in = Fixtures.json(name).get("input");
        int[] y = Fixtures.ints(in.get("labels"));
        double[][] s = Fixtures.matrix(in.get("scores"));
        List<org.discern.metrics.DeLongAuc> expected = org.discern.metrics.DeLong.oneVsRest(s, y, null);
        JsonNode per = j.get("per_class");
        assertEquals(expected.size(), per.size());
        for (int c = 0; c < per.size(); c++) {
            JsonNode pc = per.get(c);
            List<String> k = keys(pc);
            assertEquals(k.indexOf("roc_auc") + 1, k.indexOf("roc_auc_ci"));
            org.discern.metrics.ConfidenceInterval ci = expected.get(c).interval(0.95);
            assertEquals("delong", pc.get("roc_auc_ci").get("method").asText());
            assertClose(ci.lower(), pc.get("roc_auc_ci").get("lower").asDouble(), "lower " + c);
            assertClose(ci.upper(), pc.get("roc_auc_ci").get("upper").asDouble(), "upper " + c);
            assertClose(expected.get(c).variance(), pc.get("roc_auc_variance").asDouble(), "variance " + c);
        }
        assertFalse(j.has("roc_auc_ovr_macro_ci"));
    }

    @Test
    void multiclassBootstrapAveragesAndPerClass() throws IOException {
        Path csv = Fixtures.csv("multiclass_weighted", dir);
        String[] args = {"evaluate", csv.toString(), "--weight", "weight", "--ci", "bootstrap", "--replicates", "200",
            "--seed", "3", "--format", "json"};
        JsonNode a = json(args);
        assertEquals(a, json(args));
        for (String key : List.of("roc_auc_ovr_macro", "roc_auc_ovr_weighted", "roc_auc_ovr_micro",
                "roc_auc_ovo_macro", "roc_auc_ovo_weighted",
                "average_precision_macro", "average_precision_weighted", "average_precision_micro")) {
            JsonNode ci = a.get(key + "_ci");
            assertEquals(List.of("method", "level", "lower", "upper"), keys(ci), key);
            assertEquals("bootstrap", ci.get("method").asText());
            assertTrue(ci.get("lower").asDouble() <= ci.get("upper").asDouble(), key);
            List<String> k = keys(a);
            assertEquals(k.indexOf(key) + 1, k.indexOf(key + "_ci"), key);
        }
        // the point estimate lies inside its percentile interval here (200 replicates, 400 rows)
        for (String key : List.of("roc_auc_ovo_macro", "roc_auc_ovo_weighted")) {
            double v = a.get(key).asDouble();
            assertTrue(a.get(key + "_ci").get("lower").asDouble() <= v && v <= a.get(key + "_ci").get("upper").asDouble(), key);
        }
        JsonNode pc = a.get("per_class").get(0);
        assertEquals("bootstrap", pc.get("roc_auc_ci").get("method").asText());
        assertEquals("bootstrap", pc.get("average_precision_ci").get("method").asText());
        assertEquals(200, a.get("bootstrap").get("replicates").asInt());
        assertEquals(3, a.get("bootstrap").get("seed").asInt());
        assertFalse(a.get("warnings").toString().contains("one-vs-one"), a.get("warnings").toString());
    }
}

package org.discern.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.discern.metrics.BootstrapOptions;
import org.discern.metrics.ConfidenceInterval;
import org.discern.metrics.DecisionCurve;
import org.discern.metrics.Field;
import org.discern.metrics.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code discern decision}, in-process. */
class DecisionCurveCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    /** P = N = 4; a score of 0.6 on the grid point 0.6 checks the rule "treat iff score >= pt". */
    private Path small() throws IOException {
        return small(dir);
    }

    /** The sample above, written into {@code dir} (also DecisionChartCliTest's). */
    static Path small(Path dir) throws IOException {
        Path p = dir.resolve("small.csv");
        Files.writeString(p, "label,score\n1,0.9\n1,0.8\n0,0.8\n1,0.7\n0,0.6\n1,0.5\n0,0.4\n0,0.3\n",
                StandardCharsets.UTF_8);
        return p;
    }

    private static CliRunner.Result ok(String... args) {
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(0, r.code(), r.err());
        return r;
    }

    @Test
    void handDerivedNetBenefitsAsJsonAndCsv() throws IOException {
        Path csv = dir.resolve("dc.csv");
        JsonNode j = MAPPER.readTree(ok("decision", small().toString(), "--grid", "0.35:0.85:0.25", "--format", "json",
                "--out", csv.toString()).out());
        assertEquals("treat iff score >= threshold", j.get("rule").asText());
        assertEquals(8, j.get("n").asInt());
        assertEquals(0.5, j.get("prevalence").asDouble());
        JsonNode rows = j.get("decision_curve");
        assertEquals(3, rows.size());
        // pt 0.35: TP 4, FP 3 of 8; pt 0.6: TP 3, FP 2 (0.6 itself treated); pt 0.85: TP 1, FP 0
        double[] pt = {0.35, 0.6, 0.85};
        double[] tp = {4, 3, 1};
        double[] fp = {3, 2, 0};
        for (int i = 0; i < 3; i++) {
            JsonNode r = rows.get(i);
            double odds = pt[i] / (1 - pt[i]);
            double nb = tp[i] / 8 - fp[i] / 8 * odds;
            assertEquals(pt[i], r.get("threshold").asDouble());
            assertEquals(nb, r.get("net_benefit").asDouble(), 1e-15);
            assertEquals(0.5 - 0.5 * odds, r.get("net_benefit_all").asDouble(), 1e-15);
            assertEquals(0.0, r.get("net_benefit_none").asDouble());
            assertEquals(nb / 0.5, r.get("standardized_net_benefit").asDouble(), 1e-15);
            assertEquals(List.of("threshold", "net_benefit", "net_benefit_all", "net_benefit_none",
                    "standardized_net_benefit"), names(r));
        }
        assertEquals(0.0, rows.get(1).get("net_benefit").asDouble(), 1e-15);
        assertFalse(j.has("bootstrap"));
        assertKeys(j);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("threshold,net_benefit,net_benefit_all,net_benefit_none,standardized_net_benefit", lines.get(0));
        assertEquals(4, lines.size());
        for (int i = 0; i < 3; i++) {
            String[] cells = lines.get(i + 1).split(",");
            JsonNode r = rows.get(i);
            assertEquals(r.get("threshold").asDouble(), Double.parseDouble(cells[0]));
            assertEquals(r.get("net_benefit").asDouble(), Double.parseDouble(cells[1]));
            assertEquals(r.get("net_benefit_all").asDouble(), Double.parseDouble(cells[2]));
            assertEquals(r.get("standardized_net_benefit").asDouble(), Double.parseDouble(cells[4]));
        }
    }

    @Test
    void bootstrapIntervalIsCoresWithTheGivenSeedAndLevel() throws IOException {
        Path fx = Fixtures.csv("binary_weighted", dir);
        Path csv = dir.resolve("dc.csv");
        JsonNode j = MAPPER.readTree(ok("decision", fx.toString(), "--weight", "weight", "--grid", "0.1:0.5:0.1",
                "--ci", "bootstrap", "--seed", "9", "--replicates", "250", "--level", "0.9", "--format", "json",
                "--out", csv.toString()).out());
        JsonNode in = Fixtures.json("binary_weighted").get("input");
        DecisionCurve core = DecisionCurve.bootstrap(Fixtures.doubles(in.get("scores")),
                Fixtures.booleans(in.get("labels")), Fixtures.doubles(in.get("weights")),
                BootstrapOptions.defaults().withSeed(9).withReplicates(250).withLevel(0.9),
                DecisionCurve.grid("0.1:0.5:0.1"));
        assertTrue(j.get("weighted").asBoolean());
        assertEquals(250, j.get("bootstrap").get("replicates").asInt());
        assertEquals(9, j.get("bootstrap").get("seed").asLong());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("threshold,net_benefit,net_benefit_all,net_benefit_none,standardized_net_benefit,"
                + "net_benefit_ci_lower,net_benefit_ci_upper", lines.get(0));
        for (int i = 0; i < core.size(); i++) {
            JsonNode ci = j.get("decision_curve").get(i).get("net_benefit_ci");
            ConfidenceInterval expected = core.interval(i).orElseThrow();
            assertEquals("bootstrap", ci.get("method").asText());
            assertEquals(0.9, ci.get("level").asDouble());
            assertEquals(expected.lower(), ci.get("lower").asDouble());
            assertEquals(expected.upper(), ci.get("upper").asDouble());
            String[] cells = lines.get(i + 1).split(",");
            assertEquals(expected.lower(), Double.parseDouble(cells[5]));
            assertEquals(expected.upper(), Double.parseDouble(cells[6]));
        }
        assertKeys(j);
        String table = ok("decision", fx.toString(), "--weight", "weight", "--grid", "0.1:0.5:0.1", "--ci",
                "bootstrap", "--replicates", "50").out();
        assertTrue(table.contains("95% interval"), table);
        assertTrue(table.contains("bootstrap: 50 replicates, seed 42"), table);
    }

    @Test
    void tableNamesTheRuleAndEveryThreshold() throws IOException {
        String out = ok("decision", small().toString(), "--grid", "0.35:0.85:0.25").out();
        assertTrue(out.startsWith(small().toString() + ": treat iff score >= threshold, prevalence 0.500000"), out);
        // pt 0.6: NB 3/8 - 2/8 * 1.5 = 0, treat all 0.5 - 0.5 * 1.5 = -0.25
        assertTrue(out.contains("       0.6     0.000000    -0.250000     0.000000       0.000000"), out);
        // pt 0.35: NB 4/8 - 3/8 * 0.35/0.65 = 0.298077
        assertTrue(out.contains("      0.35     0.298077     0.230769"), out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--grid|0.01:0.5|2|--grid: grid must be FROM:TO:STEP",
        "--grid|0:0.5:0.1|2|--grid: grid FROM must be in (0, 1), got 0",
        "--grid|0.1:1.2:0.1|2|--grid: grid TO must be in (0, 1), got 1.2",
        "--grid|0.1:0.5:0|2|--grid: grid STEP must be > 0, got 0",
        "--grid|0.00001:0.99999:0.00001|2|points; at most 10000",
        "--ci|delong|2|--ci delong is an interval of the ROC AUC",
        "--seed|3|2|--seed applies to the bootstrap: add --ci bootstrap"})
    void badOptionsAreUsageErrors(String option, String value, int code, String message) throws IOException {
        CliRunner.Result r = CliRunner.run("decision", small().toString(), option, value);
        assertEquals(code, r.code(), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void tooManyReplicatesTimesPointsIsAUsageError() throws IOException {
        CliRunner.Result r = CliRunner.run("decision", small().toString(), "--grid", "0.0001:0.9999:0.0001", "--ci",
                "bootstrap", "--replicates", "5000");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--replicates x grid points must be <= 20000000, got 5000 x 9999"), r.err());
    }

    @Test
    void multiClassInputNeedsAClass() throws IOException {
        Path mc = Fixtures.csv("multiclass_small_ties", dir);
        CliRunner.Result r = CliRunner.run("decision", mc.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("decision: ") && r.err().contains("--class"), r.err());
        JsonNode j = MAPPER.readTree(ok("decision", mc.toString(), "--class", "cat", "--format", "json").out());
        List<String> classes = Fixtures.strings(Fixtures.json("multiclass_small_ties").get("input").get("classes"));
        int[] labels = Fixtures.ints(Fixtures.json("multiclass_small_ties").get("input").get("labels"));
        int cat = classes.indexOf("cat");
        long n = java.util.Arrays.stream(labels).filter(l -> l == cat).count();
        assertEquals((double) n / labels.length, j.get("prevalence").asDouble(), 1e-15);
    }

    @Test
    void badInputIsExitThree() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "label,score\n1,0.5\n0,abc\n", StandardCharsets.UTF_8);
        CliRunner.Result r = CliRunner.run("decision", bad.toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("bad.csv:3"), r.err());
    }

    private static List<String> names(JsonNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Every key of the output is a registry key. */
    private static void assertKeys(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                assertTrue(Field.isKey(e.getKey()), e.getKey());
                assertKeys(e.getValue());
            }
        } else if (node.isArray()) {
            node.forEach(DecisionCurveCommandTest::assertKeys);
        }
    }
}

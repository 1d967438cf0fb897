package org.discern.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.discern.metrics.BinomialInterval;
import org.discern.metrics.ConfidenceInterval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code discern calibrate} with Wilson bins, {@code --ci bootstrap} and multi-class input. */
class CalibrationIntervalsCliTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final double TOL = 1e-9;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static CliRunner.Result run(int code, String... args) {
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(code, r.code(), r.out() + r.err());
        return r;
    }

    private Path binary() throws IOException {
        StringBuilder sb = new StringBuilder("label,score\n");
        for (int i = 0; i < 200; i++) {
            double p = ((i * 37) % 100) / 100.0;
            int y = ((i * 53) % 100) / 100.0 < p * p ? 1 : 0;
            sb.append(y).append(',').append(p).append('\n');
        }
        return write("binary.csv", sb.toString());
    }

    @Test
    void binsCarryWilsonIntervalsOfTheirCountsAtTheLevel() throws IOException {
        Path csv = binary();
        for (double level : new double[] {0.95, 0.9}) {
            JsonNode j = MAPPER.readTree(run(0, "calibrate", csv.toString(), "--bins", "5", "--level",
                    Double.toString(level), "--format", "json").out());
            JsonNode curve = j.get("curve");
            assertEquals("wilson", curve.get("observed_interval").get("method").asText());
            assertEquals(level, curve.get("observed_interval").get("level").asDouble(), 0);
            assertEquals(5, curve.get("count").size());
            for (int i = 0; i < 5; i++) {
                double n = curve.get("count").get(i).asDouble();
                double x = Math.round(curve.get("observed_frequency").get(i).asDouble() * n);
                ConfidenceInterval ci = BinomialInterval.wilson(x / n, n, level);
                assertEquals(ci.lower(), curve.get("observed_lower").get(i).asDouble(), TOL);
                assertEquals(ci.upper(), curve.get("observed_upper").get(i).asDouble(), TOL);
                assertTrue(ci.lower() < ci.upper());
            }
            assertFalse(j.has("ece_ci"), "no bootstrap without --ci");
        }
        String table = run(0, "calibrate", csv.toString(), "--bins", "5").out();
        assertTrue(table.contains("95% Wilson"), table);
    }

    @Test
    void bootstrapIntervalOfEceIsSeededAndThreadCountIndependent() throws IOException {
        Path csv = binary();
        String one = run(0, "calibrate", csv.toString(), "--ci", "bootstrap", "--seed", "7", "--replicates", "300",
                "--threads", "1", "--format", "json").out();
        String four = run(0, "calibrate", csv.toString(), "--ci", "bootstrap", "--seed", "7", "--replicates", "300",
                "--threads", "4", "--format", "json").out();
        assertEquals(one, four);
        JsonNode j = MAPPER.readTree(one);
        JsonNode ci = j.get("ece_ci");
        assertEquals("bootstrap", ci.get("method").asText());
        assertTrue(ci.get("lower").asDouble() <= j.get("ece").asDouble()
                && j.get("ece").asDouble() <= ci.get("upper").asDouble() + 0.05, ci.toString());
        assertTrue(j.has("mce_ci"));
        assertEquals(300, j.get("bootstrap").get("replicates").asInt());
        assertEquals(7, j.get("bootstrap").get("seed").asLong());
        String other = run(0, "calibrate", csv.toString(), "--ci", "bootstrap", "--seed", "8", "--replicates", "300",
                "--format", "json").out();
        assertFalse(other.equals(one), "another seed, other replicates");
        String table = run(0, "calibrate", csv.toString(), "--ci", "bootstrap", "--seed", "7").out();
        assertTrue(table.contains("95% CI ["), table);
        assertTrue(table.contains("bootstrap: 2000 replicates, seed 7"), table);
    }

    @Test
    void misuseIsAUsageError() throws IOException {
        String csv = binary().toString();
        run(2, "calibrate", csv, "--ci", "delong");
        run(2, "calibrate", csv, "--seed", "3");
        run(2, "calibrate", csv, "--ci", "bootstrap", "--fit", "platt", "--save", dir.resolve("p.json").toString());
    }

    private Path animals() throws IOException {
        return write("animals.csv", "label,cat,dog,fox\ncat,0.6,0.3,0.1\ndog,0.1,0.85,0.05\ndog,0.5,0.5,0\n"
                + "fox,0.2,0.3,0.5\n");
    }

    @Test
    void multiclassTopLabelAndClasswiseByHand() throws IOException {
        // 2 uniform bins, a value on 0.5 in the lower bin.
        // top label (confidence, correct): (.6, y) (.85, y) (.5 cat, label dog: n) (.5 fox, y):
        //   bin 0: mean .5, observed 1/2, gap 0; bin 1: mean .725, observed 1, gap .275 -> ECE 2/4 * .275
        // cat: bin 0 {.1 .5 .2} all 0: gap .8/3; bin 1 {.6} 1: gap .4 -> (.8 + .4) / 4 = .3
        // dog: bin 0 {.3 .5 .3} one 1: gap 1.1/3 - 1/3 = .1/3; bin 1 {.85} 1: gap .15 -> (.1 + .15) / 4
        // fox: bin 0 {.1 .05 0 .5} one 1: gap .25 - .1625 = .0875 -> class-wise (.3 + .0625 + .0875) / 3
        JsonNode j = MAPPER.readTree(run(0, "calibrate", animals().toString(), "--bins", "2", "--format", "json")
                .out());
        assertEquals(0.1375, j.get("ece_top_label").asDouble(), TOL);
        assertEquals(0.15, j.get("ece_classwise").asDouble(), TOL);
        assertEquals(0.275, j.get("top_label").get("mce").asDouble(), TOL);
        JsonNode per = j.get("per_class");
        assertEquals("dog", per.get(1).get("class").asText());
        assertEquals(0.3, per.get(0).get("ece").asDouble(), TOL);
        assertEquals(0.0625, per.get(1).get("ece").asDouble(), TOL);
        assertEquals(0.0875, per.get(2).get("ece").asDouble(), TOL);
        // the top label's upper bin: 2 of 2 correct
        JsonNode top = j.get("top_label").get("curve");
        ConfidenceInterval ci = BinomialInterval.wilson(1, 2, 0.95);
        assertEquals(ci.lower(), top.get("observed_lower").get(1).asDouble(), TOL);

        JsonNode b = MAPPER.readTree(run(0, "calibrate", animals().toString(), "--bins", "2", "--ci", "bootstrap",
                "--replicates", "50", "--format", "json").out());
        assertTrue(b.has("ece_top_label_ci") && b.has("ece_classwise_ci"), b.toString());
        assertTrue(b.get("per_class").get(2).has("ece_ci"), b.toString());
        String table = run(0, "calibrate", animals().toString(), "--bins", "2").out();
        assertTrue(table.contains("top-label expected calibration error"), table);
        assertTrue(table.contains("class-wise expected calibration error"), table);
    }

    @Test
    void reportOfMulticlassProbabilitiesHasThePerClassReliabilitySection() throws IOException {
        Path out = dir.resolve("rep");
        run(0, "report", animals().toString(), "--out", out.toString(), "--no-images");
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<h2 id=\"calibration-per-class\">"), "section");
        assertTrue(html.contains("id=\"ece-top-label\" data-v=\""), "top-label ECE");
        assertEquals(4, html.split("<svg class=\"reliability\"", -1).length - 1, "top label + 3 classes");
        Path logits = write("logits2.csv", "label,cat,dog\ncat,2.5,-1\ndog,0.1,0.9\ncat,1,0\ndog,0,3\n");
        Path out2 = dir.resolve("rep2");
        run(0, "report", logits.toString(), "--out", out2.toString(), "--no-images");
        assertFalse(Files.readString(out2.resolve("report.html")).contains("calibration-per-class"), "not probabilities");
    }

    @Test
    void multiclassScoresOutsideZeroOneAreBadInput() throws IOException {
        Path csv = write("logits.csv", "label,cat,dog\ncat,2.5,-1\ndog,0.1,0.9\n");
        CliRunner.Result r = run(3, "calibrate", csv.toString());
        assertTrue(r.err().contains("probabilities in [0, 1]"), r.err());
    }
}

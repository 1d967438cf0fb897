package org.discern.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --drop-invalid} through every command that reads predictions: the output equals the
 * command's output on the file with those rows deleted, but for the warning (standard error, and
 * the JSON {@code warnings}) that names how many rows and their lines. And rows named in the
 * evaluation's warnings are file lines.
 */
class DropInvalidCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BAD = "label,score\n1,0.9\n0,NaN\n0,0.2\n1,0.6\n1,\n0,0.4\n1,inf\n0,0.35\n1,0.3\n0,abc\n"
            + "0,0.1\n1,0.8\n";
    private static final String CLEAN = "label,score\n1,0.9\n0,0.2\n1,0.6\n0,0.4\n0,0.35\n1,0.3\n0,0.1\n1,0.8\n";
    private static final String WARNING = ": dropped 4 rows whose score is not a finite number (NaN, infinite, empty"
            + " or not a number; --drop-invalid): lines 3, 6, 8, 11";

    @TempDir
    Path dir;

    private List<String> args(String command, Path in, String tag, boolean json) {
        List<String> a = new ArrayList<>(List.of(command, in.toString()));
        switch (command) {
            case "curves", "sweep" -> a.addAll(List.of("--out", dir.resolve("out-" + tag).toString()));
            default -> { }
        }
        if (json) {
            a.addAll(List.of("--format", "json"));
        }
        return a;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"evaluate", "curves", "threshold", "sweep", "calibrate", "decision", "evaluate --json",
        "threshold --json", "calibrate --json", "decision --json"})
    void theOutputIsTheOutputOfTheFileWithTheRowsDeleted(String run) throws IOException {
        String command = run.split(" ")[0];
        boolean json = run.endsWith("--json");
        Path bad = Files.writeString(dir.resolve("bad.csv"), BAD);
        Path clean = Files.writeString(dir.resolve("clean.csv"), CLEAN);
        CliRunner.Result refused = CliRunner.run(args(command, bad, "refused", json).toArray(String[]::new));
        assertEquals(ExitCodes.BAD_INPUT, refused.code(), refused.err());
        assertTrue(refused.err().contains("bad.csv:3: column 'score': expected a finite number, found 'NaN'"),
                refused.err());

        List<String> dropArgs = args(command, bad, "bad", json);
        dropArgs.add("--drop-invalid");
        CliRunner.Result dropped = CliRunner.run(dropArgs.toArray(String[]::new));
        CliRunner.Result expected = CliRunner.run(args(command, clean, "clean", json).toArray(String[]::new));
        assertEquals(0, dropped.code(), dropped.err());
        assertEquals(0, expected.code(), expected.err());
        assertTrue(dropped.err().contains("warning: " + bad + WARNING + "\n"), dropped.err());
        assertFalse(expected.err().contains("dropped"), expected.err());
        if (json) {
            JsonNode d = MAPPER.readTree(dropped.out());
            ArrayNode warnings = (ArrayNode) d.get("warnings");
            assertEquals(bad + WARNING, warnings.get(warnings.size() - 1).asText(), warnings.toString());
            warnings.remove(warnings.size() - 1);
            if (warnings.isEmpty() && !MAPPER.readTree(expected.out()).has("warnings")) {
                ((ObjectNode) d).remove("warnings");
            }
            assertEquals(MAPPER.readTree(expected.out().replace(clean.toString(), "IN")),
                    MAPPER.readTree(MAPPER.writeValueAsString(d).replace(bad.toString(), "IN")));
        } else {
            // a table lists the warning at its end, as it lists every warning
            String table = dropped.out().replace("warning: " + bad + WARNING + "\n", "");
            assertEquals(expected.out().replace(clean.toString(), "IN").replace("out-clean", "OUT").strip(),
                    table.replace(bad.toString(), "IN").replace("out-bad", "OUT").strip());
        }
        if (command.equals("curves")) {
            for (String f : List.of("roc.csv", "pr.csv", "det.csv")) {
                assertEquals(Files.readString(dir.resolve("out-clean").resolve(f)),
                        Files.readString(dir.resolve("out-bad").resolve(f)), f);
            }
        }
        if (command.equals("sweep")) {
            assertEquals(Files.readString(dir.resolve("out-clean")), Files.readString(dir.resolve("out-bad")));
        }
    }

    @Test
    void reportAndCompareOfTwoFilesCarryTheWarning() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), BAD);
        Path out = dir.resolve("rep");
        CliRunner.Result r = CliRunner.run("report", bad.toString(), "--out", out.toString(), "--drop-invalid",
                "--no-images");
        assertEquals(0, r.code(), r.err());
        JsonNode metrics = MAPPER.readTree(Files.readString(out.resolve("metrics.json")));
        assertTrue(metrics.get("warnings").toString().contains(WARNING), metrics.toString());
        assertEquals(8, metrics.get("n").asInt());
        // compare of two files matched by id: each file's dropped rows are its own warning
        Path a = Files.writeString(dir.resolve("a.csv"), "id,label,score\nx,1,0.9\ny,0,0.2\nz,1,0.6\nw,0,0.4\n");
        Path b = Files.writeString(dir.resolve("b.csv"), "id,label,score\nx,1,0.8\ny,0,NaN\nz,1,0.7\nw,0,0.3\n");
        CliRunner.Result c = CliRunner.run("compare", a.toString(), b.toString(), "--id", "id", "--drop-invalid",
                "--format", "json");
        // the row dropped from b has no partner in a: left out of the comparison, with both warnings
        assertEquals(0, c.code(), c.out() + c.err());
        String dropped = b + ": dropped 1 row whose score is not a finite number (NaN, infinite, empty or not a"
                + " number; --drop-invalid): line 3";
        assertTrue(c.err().contains("warning: " + dropped), c.err());
        JsonNode warnings = MAPPER.readTree(c.out()).get("warnings");
        assertEquals(dropped, warnings.get(0).asText(), warnings.toString());
        assertTrue(warnings.get(1).asText().startsWith("1 of 4 rows of " + a + " and 0 of 3 rows of " + b
                + " have no matching id"), warnings.toString());
    }

    @Test
    void compareOfTwoScoreColumnsDropsARowInvalidInEither() throws IOException {
        // line 3: model a invalid; line 6: model b invalid: both rows leave both columns
        Path bad = Files.writeString(dir.resolve("ab.csv"), "label,a,b\n1,0.9,0.8\n0,nan,0.3\n1,0.6,0.7\n0,0.4,0.2\n"
                + "1,0.35,\n0,0.2,0.4\n1,0.8,0.6\n0,0.5,0.1\n");
        Path clean = Files.writeString(dir.resolve("clean.csv"), "label,a,b\n1,0.9,0.8\n1,0.6,0.7\n0,0.4,0.2\n"
                + "0,0.2,0.4\n1,0.8,0.6\n0,0.5,0.1\n");
        CliRunner.Result d = CliRunner.run("compare", bad.toString(), "--score", "a", "--score", "b", "--drop-invalid",
                "--format", "json");
        CliRunner.Result e = CliRunner.run("compare", clean.toString(), "--score", "a", "--score", "b", "--format",
                "json");
        assertEquals(0, d.code(), d.err());
        assertEquals(0, e.code(), e.err());
        String warning = bad + ": dropped 2 rows whose score is not a finite number (NaN, infinite, empty or not a"
                + " number; --drop-invalid): lines 3, 6";
        assertTrue(d.err().contains("warning: " + warning), d.err());
        ObjectNode dj = (ObjectNode) MAPPER.readTree(d.out().replace(bad.toString(), "IN"));
        ArrayNode w = (ArrayNode) dj.get("warnings");
        assertEquals(warning.replace(bad.toString(), "IN"), w.get(0).asText());
        w.remove(0);
        assertEquals(MAPPER.readTree(e.out().replace(clean.toString(), "IN")), dj);
        // without the option, the first invalid value of either column is the error
        CliRunner.Result refused = CliRunner.run("compare", bad.toString(), "--score", "a", "--score", "b");
        assertEquals(ExitCodes.BAD_INPUT, refused.code(), refused.err());
        assertTrue(refused.err().contains("ab.csv:3: column 'a'"), refused.err());
    }

    @Test
    void standardInputIsReadWithTheRowsDropped() throws Exception {
        CliRunner.Result r = BadInputMatrixTest.stdin(BAD.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .run(dir, List.of("evaluate", "-", "--drop-invalid"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warning: <stdin>" + WARNING), r.err());
        assertTrue(r.out().contains("<stdin>: 8 rows"), r.out());
    }

    @Test
    void rowsInTheEvaluationsWarningsAreFileLines() throws IOException {
        // blank lines and a row of weight 0 before the row whose scores do not sum to 1
        Path mc = Files.writeString(dir.resolve("mc.csv"), "label,a,b,weight\n\na,0.8,0.2,1\nb,0.7,0.3,0\n\n"
                + "b,0.1,0.2,1\na,0.6,0.4,1\n");
        CliRunner.Result r = CliRunner.run("evaluate", mc.toString(), "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertTrue(MAPPER.readTree(r.out()).get("warnings").toString()
                .contains("log loss not computed: line 6 sums to 0.30000000000000004"), r.out());
        // multi-label: the first sample without a positive label, as a line
        Path ml = Files.writeString(dir.resolve("ml.csv"), "label_x,score_x,label_y,score_y\n1,0.9,0,0.2\n\n"
                + "0,0.4,0,0.6\n1,0.3,1,0.7\n0,0.2,1,0.1\n");
        CliRunner.Result m = CliRunner.run("evaluate", ml.toString(), "--format", "json");
        assertEquals(0, m.code(), m.err());
        assertTrue(MAPPER.readTree(m.out()).get("warnings").toString().contains("(first: line 4)"), m.out());
        // curves prints the same warning on standard error
        CliRunner.Result c = CliRunner.run("curves", mc.toString(), "--out", dir.resolve("c").toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(c.err().contains("warning: log loss not computed: line 6 sums"), c.err());
    }
}

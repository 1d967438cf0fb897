package org.discern.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.discern.cli.CliRunner;
import org.discern.cli.ExitCodes;
import org.discern.cli.OutputSafetyTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rows of the output-safety matrix (discern-cli's {@code OutputSafetyTest}) for the training
 * plug-in's commands: exit code, message, and every file that is not an output unchanged.
 */
class TrainOutputSafetyTest {
    @TempDir
    Path dir;

    private CliRunner.Result check(List<String> args, int code, String message, String... outputs) throws Exception {
        Map<String, String> before = OutputSafetyTest.snapshot(dir);
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(code, r.code(), r.out() + r.err());
        assertTrue((r.out() + r.err()).contains(message), r.out() + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        OutputSafetyTest.assertUnchangedExcept(before, OutputSafetyTest.snapshot(dir), Set.of(outputs));
        return r;
    }

    @Test
    void trainForceWhoseOutHoldsTheTable() throws Exception {
        StringBuilder t = new StringBuilder("a,b,Class\n");
        for (int i = 0; i < 40; i++) {
            t.append(i).append(',').append(i % 7).append(',').append(i % 2).append('\n');
        }
        Path run = dir.resolve("run");
        Files.createDirectories(run);
        Files.writeString(run.resolve(".discern"), "written by discern\n");
        Path table = Files.writeString(run.resolve("table.csv"), t.toString());
        check(List.of("train", table.toString(), "--epochs", "1", "--quiet", "--out", run.toString(), "--force"),
                ExitCodes.USAGE, "contains the input " + table);
    }

    @Test
    void synthFraudToDevNullIsWrittenAsAStream() throws Exception {
        check(List.of("train", "synth-fraud", "--rows", "500", "--positives", "5", "--out", "/dev/null"), ExitCodes.OK,
                "Wrote /dev/null");
        OutputSafetyTest.assertCharacterDevice("/dev/null");
    }
}

package org.discern.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code threshold --prior-correct} is {@code --priors} under the name. */
class PriorCorrectAliasTest {
    @TempDir
    Path dir;

    @Test
    void priorCorrectEqualsPriors() throws IOException {
        Path in = dir.resolve("animals.csv");
        Files.writeString(in, "label,cat,dog,fox\ncat,0.6,0.3,0.1\ndog,0.1,0.85,0.05\ndog,0.5,0.5,0\n"
                + "fox,0.2,0.3,0.5\n", StandardCharsets.UTF_8);
        Path costs = dir.resolve("costs.csv");
        Files.writeString(costs, "true\\decided,cat,dog,fox\ncat,0,1,1\ndog,1,0,1\nfox,10,10,0\n",
                StandardCharsets.UTF_8);
        String priors = "cat=0.2,dog=0.7,fox=0.1";
        CliRunner.Result a = CliRunner.run("threshold", in.toString(), "--cost-matrix", costs.toString(), "--priors",
                priors, "--format", "json");
        CliRunner.Result b = CliRunner.run("threshold", in.toString(), "--cost-matrix", costs.toString(),
                "--prior-correct", priors, "--format", "json");
        assertEquals(0, a.code(), a.err());
        assertEquals(a.out(), b.out());
        assertTrue(b.out().contains("\"target_priors\""), b.out());
        // --train-priors needs the correction under either name
        CliRunner.Result t = CliRunner.run("threshold", in.toString(), "--cost-matrix", costs.toString(),
                "--prior-correct", priors, "--train-priors", "cat=0.3,dog=0.4,fox=0.3");
        assertEquals(0, t.code(), t.err());
        assertTrue(CliRunner.run("threshold", "--help").out().contains("--prior-correct"));
    }
}

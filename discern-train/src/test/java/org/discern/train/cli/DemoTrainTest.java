package org.discern.train.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.discern.cli.CliRunner;
import org.discern.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class DemoTrainTest {

    @Test
    void demoTrainTrainsTheCnnOnTheDigits(@TempDir Path dir) throws Exception {
        Path examples = Path.of("..", "examples");
        CliRunner.Result r = CliRunner.run("demo", "--train", "--examples", examples.toString(), "--out",
                dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Training a small CNN on the 8x8 digits"), r.out());
        assertTrue(r.out().contains("  baseline "), r.out());
        JsonNode c = Json.parse(Files.readString(dir.resolve("digits-train").resolve("comparison.json")));
        assertEquals(10, c.get("classes").size());
        // per class round(0.2 n_c) test images: class sizes 178 182 177 183 181 182 181 179 174 180
        // give 36 36 35 37 36 36 36 36 35 36
        assertEquals(359, c.get("strategies").get(0).get("test").get("n").asInt());
        assertTrue(c.get("strategies").get(0).get("test").get("accuracy").asDouble() > 0.9);
    }
}

package org.discern.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.discern.io.Json;
import org.discern.metrics.Field;
import org.discern.metrics.Fixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CLI's outputs (every {@code --format json} of {@code evaluate}, {@code compare},
 * {@code threshold}, {@code calibrate}, and the {@code evaluate} tables) are byte for byte those
 * captured before the evaluation summary replaced the per-task JSON builders: the README's key
 * names, their order and every value stay. Cases and outputs live under {@code golden/} in the
 * test resources ({@code cases.txt}; {@code capture.py} re-captures a new case).
 */
class GoldenOutputTest {
    private static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    static Path dir;

    /** The cases of {@code golden/cases.txt}: id and argument line. */
    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String line : resourceText("/golden/cases.txt").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            out.add(Arguments.of(parts[0], parts[1]));
        }
        return out.stream();
    }

    /** The arguments of a case with its placeholders replaced by real files. */
    static String[] args(String line) throws IOException {
        Path fixtures = Files.createDirectories(dir.resolve("fixtures"));
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        List<String> a = new ArrayList<>();
        for (String arg : line.split(" ")) {
            if (arg.startsWith("$F/")) {
                String name = arg.substring(3, arg.length() - ".csv".length());
                Path p = fixtures.resolve(name + ".csv");
                if (!Files.exists(p)) {
                    Fixtures.csv(name, fixtures);
                }
                arg = p.toString();
            } else if (arg.startsWith("$G/")) {
                Path p = inputs.resolve(arg.substring(3));
                if (!Files.exists(p)) {
                    Files.writeString(p, resourceText("/golden/inputs/" + arg.substring(3)));
                }
                arg = p.toString();
            } else if (arg.startsWith("$E/")) {
                arg = EXAMPLES.resolve(arg.substring(3)).toString();
            }
            a.add(arg);
        }
        return a.toArray(String[]::new);
    }

    /** An output with the real paths written back as the placeholders. */
    static String placeholders(String out) {
        return out.replace(dir.resolve("fixtures") + "/", "$F/").replace(dir.resolve("inputs") + "/", "$G/")
                .replace(EXAMPLES + "/", "$E/");
    }

    /** Issue 12 (c) and (a): the output is the one captured before; every key of a JSON output is a registry key. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputIsAsBeforeAndEveryJsonKeyIsFromTheRegistry(String id, String line) throws IOException {
        CliRunner.Result r = CliRunner.run(args(line));
        assertEquals(0, r.code(), r.err());
        assertEquals(resourceText("/golden/" + id + ".out"), placeholders(r.out()), id);
        if (r.out().startsWith("{")) {
            assertEquals(List.of(), unknownKeys(Json.parse(r.out()), "$"), id);
        }
    }

    /** The paths of the object keys in a JSON tree that are neither a {@link Field} nor a metric key (with _ci, _variance). */
    static List<String> unknownKeys(JsonNode node, String path) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (!Field.isKey(e.getKey())) {
                    out.add(path + "." + e.getKey());
                }
                out.addAll(unknownKeys(e.getValue(), path + "." + e.getKey()));
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.addAll(unknownKeys(node.get(i), path + "[" + i + "]"));
            }
        }
        return out;
    }

    /** The other JSON files the CLI writes: a report's metrics.json and every saved calibrator. */
    @ParameterizedTest
    @MethodSource("org.discern.metrics.Fixtures#binaryNames")
    void savedJsonFilesHaveOnlyRegistryKeys(String name) throws IOException {
        Path csv = Fixtures.csv(name, Files.createDirectories(dir.resolve("saved-" + name)));
        String weight = Fixtures.json(name).get("input").get("weights").isNull() ? "" : " --weight weight";
        Path out = csv.resolveSibling("rep");
        assertEquals(0, CliRunner.run(("report " + csv + " --out " + out + " --no-images --ci delong --max-fpr 0.2"
                + weight).split(" ")).code());
        assertEquals(List.of(), unknownKeys(Json.parse(Files.readString(out.resolve("metrics.json"))), "$"));
        for (String fit : new String[] {"platt", "isotonic", "prior --prevalence 0.01"}) {
            Path cal = csv.resolveSibling(fit.split(" ")[0] + ".json");
            CliRunner.Result r = CliRunner.run(("calibrate " + csv + " --fit " + fit + " --save " + cal + weight).split(" "));
            assertEquals(0, r.code(), r.err());
            assertEquals(List.of(), unknownKeys(Json.parse(Files.readString(cal)), "$"), fit);
        }
    }

    static String resourceText(String name) {
        try (InputStream in = GoldenOutputTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

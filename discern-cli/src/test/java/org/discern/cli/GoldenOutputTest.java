package org.discern.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputIsAsBefore(String id, String line) throws IOException {
        CliRunner.Result r = CliRunner.run(args(line));
        assertEquals(0, r.code(), r.err());
        assertEquals(resourceText("/golden/" + id + ".out"), placeholders(r.out()), id);
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

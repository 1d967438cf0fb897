package org.discern.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged {@code discern} command in a new JVM, as the launcher does, for the tests of
 * packaged artifacts ({@code *IT}, run by Failsafe after {@code package}).
 */
public final class DiscernProcess {
    private DiscernProcess() {
    }

    /** A file named by a system property that the build sets; fails when it is not there. */
    public static Path builtFile(String property) {
        String p = System.getProperty(property);
        assertNotNull(p, "system property " + property + " (set by the Failsafe configuration in the pom)");
        Path f = Path.of(p);
        assertTrue(Files.exists(f), f + " does not exist: run the build through 'package' first");
        return f;
    }

    /**
     * Runs {@code java -cp CLASSPATH org.discern.cli.Main ARGS} with stdin closed and waits (at
     * most 5 minutes) for it.
     */
    public static CliRunner.Result run(String classPath, List<String> args, Path workDir)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx1g", "-Dai.djl.offline=true", "-cp", classPath,
                "org.discern.cli.Main"));
        cmd.addAll(args);
        return start(cmd, workDir);
    }

    /** Runs {@code java -jar JAR ARGS}. */
    public static CliRunner.Result runJar(Path jar, List<String> args, Path workDir)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", jar.toString()));
        cmd.addAll(args);
        return start(cmd, workDir);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static CliRunner.Result start(List<String> cmd, Path workDir) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("TORCH_CPP_LOG_LEVEL", "ERROR");
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        CliRunner.Result r = new CliRunner.Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }
}

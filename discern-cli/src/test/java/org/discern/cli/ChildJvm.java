package org.discern.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the CLI's {@link Main} in a new JVM with chosen JVM options (a small heap, say). */
final class ChildJvm {
    private ChildJvm() {
    }

    /** Starts {@code java OPTIONS -cp (this class path) org.discern.cli.Main ARGS} in {@code dir}. */
    static Process start(Path dir, List<String> jvmOptions, List<String> args, Map<String, String> env)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:-UsePerfData");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    /**
     * Runs to the end (at most {@code seconds}; a JVM still alive then is killed and the result
     * has exit code -1, so that a hang fails the test instead of blocking it).
     */
    static CliRunner.Result run(Path dir, List<String> jvmOptions, List<String> args, long seconds) throws Exception {
        Process p = start(dir, jvmOptions, args, Map.of());
        p.getOutputStream().close();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            return new CliRunner.Result(-1, new String(out.get(), StandardCharsets.UTF_8),
                    "still running after " + seconds + " s: " + new String(err.get(), StandardCharsets.UTF_8));
        }
        return new CliRunner.Result(p.exitValue(), new String(out.get(), StandardCharsets.UTF_8),
                new String(err.get(), StandardCharsets.UTF_8));
    }

    static CliRunner.Result run(Path dir, List<String> jvmOptions, List<String> args) throws Exception {
        return run(dir, jvmOptions, args, 120);
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

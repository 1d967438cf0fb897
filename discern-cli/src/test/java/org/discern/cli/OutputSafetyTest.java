package org.discern.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The output-safety matrix (issue 10): one row per way an output can go wrong, each asserting
 * the exit code, the message, and the file system after the run: every file that is not an
 * output of the row is byte-identical (so inputs are intact and nothing was written outside
 * {@code --out}), and no temporary file or directory remains. docs/RELIABILITY.md lists which row
 * proves which guarantee. The rows of the training plug-in's commands are in discern-train
 * ({@code TrainOutputSafetyTest}), which uses {@link #snapshot} and {@link #assertUnchangedExcept}.
 */
public class OutputSafetyTest {
    @TempDir
    Path dir;

    /** What a row leaves: arguments, expected exit code and message, the paths it may write, checks. */
    record Case(List<String> args, int code, String message, Set<String> outputs, Check after, Runner runner) {
        Case(List<String> args, int code, String message, String... outputs) {
            this(args, code, message, Set.of(outputs), (d, r) -> { }, null);
        }

        Case then(Check check) {
            return new Case(args, code, message, outputs, check, runner);
        }

        Case by(Runner how) {
            return new Case(args, code, message, outputs, after, how);
        }
    }

    /** Lays out the files of a row under {@code dir} and says what to run. */
    @FunctionalInterface
    interface Arrange {
        Case in(Path dir) throws Exception;
    }

    /** More checks after the run. */
    @FunctionalInterface
    interface Check {
        void after(Path dir, CliRunner.Result r) throws Exception;
    }

    /** How to run the command (default: in-process). */
    @FunctionalInterface
    interface Runner {
        CliRunner.Result run(Path dir, List<String> args) throws Exception;
    }

    /** A row: its name is the display name of the test. */
    record Row(String name, Arrange arrange) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String CALIBRATOR = "{\"type\":\"prior_shift\",\"version\":1,\"training_priors\":[0.5,0.5],"
            + "\"target_priors\":[0.9,0.1]}";

    static Path csv(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, "label,score\n1,0.9\n0,0.1\n1,0.7\n0,0.4\n1,0.3\n0,0.6\n");
    }

    static Path marker(Path folder) throws IOException {
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve(".discern"), "written by discern\n");
    }

    static String s(Path p) {
        return p.toString();
    }

    static Stream<Row> rows() {
        List<Row> rows = new ArrayList<>();
        // 1. inputs compared by real path and identity, for every input of every command
        rows.add(new Row("report --force: input reached through a symlink, real file inside --out", d -> {
            Path in = csv(d.resolve("d/in.csv"));
            marker(d.resolve("d"));
            Path link = Files.createSymbolicLink(d.resolve("link.csv"), in);
            return new Case(List.of("report", s(link), "--out", s(d.resolve("d")), "--force"), ExitCodes.USAGE,
                    "contains the input " + link);
        }));
        rows.add(new Row("report --force: --out is an ancestor of the input", d -> {
            Path in = csv(d.resolve("d/sub/in.csv"));
            marker(d.resolve("d"));
            return new Case(List.of("report", s(in), "--out", s(d.resolve("d")), "--force"), ExitCodes.USAGE,
                    "contains the input");
        }));
        rows.add(new Row("report --force: --out is a symlink to the input's folder", d -> {
            Path in = csv(d.resolve("d/in.csv"));
            marker(d.resolve("d"));
            Path alias = Files.createSymbolicLink(d.resolve("alias"), d.resolve("d"));
            return new Case(List.of("report", s(in), "--out", s(alias), "--force"), ExitCodes.USAGE,
                    "contains the input");
        }));
        rows.add(new Row("calibrate --apply cal.json --out cal.json", d -> {
            Path in = csv(d.resolve("in.csv"));
            Path cal = Files.writeString(d.resolve("cal.json"), CALIBRATOR);
            return new Case(List.of("calibrate", s(in), "--apply", s(cal), "--out", s(cal)), ExitCodes.USAGE,
                    "cal.json: refusing to write over the input file " + cal);
        }));
        rows.add(new Row("calibrate --apply: --out is a hard link of the input", d -> {
            Path in = csv(d.resolve("in.csv"));
            Path cal = Files.writeString(d.resolve("cal.json"), CALIBRATOR);
            Path hard = Files.createLink(d.resolve("hard.csv"), in);
            return new Case(List.of("calibrate", s(in), "--apply", s(cal), "--out", s(hard)), ExitCodes.USAGE,
                    "refusing to write over the input file");
        }));
        rows.add(new Row("sweep: --out is a symlink to the input", d -> {
            Path in = csv(d.resolve("in.csv"));
            Path link = Files.createSymbolicLink(d.resolve("out.csv"), in);
            return new Case(List.of("sweep", s(in), "--out", s(link)), ExitCodes.USAGE,
                    "refusing to write over the input file");
        }));
        rows.add(new Row("calibrate --fit --save onto the input through a symlink", d -> {
            Path in = csv(d.resolve("in.csv"));
            Path link = Files.createSymbolicLink(d.resolve("cal.json"), in);
            return new Case(List.of("calibrate", s(in), "--fit", "platt", "--save", s(link)), ExitCodes.USAGE,
                    "refusing to write over the input file");
        }));
        rows.add(new Row("curves: the input is --out/roc.csv; nothing is written before refusing", d -> {
            Path in = csv(d.resolve("out/roc.csv"));
            return new Case(List.of("curves", s(in), "--out", s(d.resolve("out"))), ExitCodes.USAGE,
                    "refusing to write over the input file " + in);
        }));
        rows.add(new Row("curves: the --class-names file is --out/index.csv", d -> {
            Path out = Files.createDirectories(d.resolve("out"));
            Path names = Files.writeString(out.resolve("index.csv"), "a\nb\nc\n");
            ByteBuffer y = ByteBuffer.allocate(6 * 8).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer p = ByteBuffer.allocate(6 * 3 * 8).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < 6; i++) {
                y.putLong(i % 3);
                for (int c = 0; c < 3; c++) {
                    p.putDouble(c == i % 3 ? 0.5 + 0.05 * i : 0.25 - 0.02 * i);
                }
            }
            MulticlassCliTest.writeNpy(d.resolve("y.npy"), "<i8", false, y.array(), 6);
            MulticlassCliTest.writeNpy(d.resolve("p.npy"), "<f8", false, p.array(), 6, 3);
            return new Case(List.of("curves", "--labels", s(d.resolve("y.npy")), "--scores", s(d.resolve("p.npy")),
                    "--class-names", s(names), "--out", s(out)), ExitCodes.USAGE,
                    "refusing to write over the input file " + names);
        }));
        // 3. never rename over anything that is not a regular file of ours
        rows.add(new Row("report --force onto an existing regular file", d -> {
            Path in = csv(d.resolve("in.csv"));
            Path txt = Files.writeString(d.resolve("existing.txt"), "keep me");
            return new Case(List.of("report", s(in), "--out", s(txt), "--force"), ExitCodes.USAGE,
                    "existing.txt: exists and is not a directory; choose another name");
        }));
        rows.add(new Row("report --force onto a directory discern did not write", d -> {
            Path in = csv(d.resolve("in.csv"));
            Files.createDirectories(d.resolve("mine"));
            Files.writeString(d.resolve("mine/thesis.tex"), "years of work");
            return new Case(List.of("report", s(in), "--out", s(d.resolve("mine")), "--force"), ExitCodes.USAGE,
                    "is not a directory written by discern");
        }));
        rows.add(new Row("report without --force onto a finished report", d -> {
            Path in = csv(d.resolve("in.csv"));
            assertEquals(0, CliRunner.run("report", s(in), "--out", s(d.resolve("rep")), "--no-images").code());
            return new Case(List.of("report", s(in), "--out", s(d.resolve("rep"))), ExitCodes.USAGE,
                    "rep: exists; use --force to replace it");
        }));
        rows.add(new Row("report --force onto a finished report replaces it", d -> {
            Path in = csv(d.resolve("in.csv"));
            assertEquals(0, CliRunner.run("report", s(in), "--out", s(d.resolve("rep"))).code());
            Files.writeString(d.resolve("rep/stale.txt"), "old");
            assertTrue(Files.exists(d.resolve("rep/charts")));
            return new Case(List.of("report", s(in), "--out", s(d.resolve("rep")), "--force", "--no-images"),
                    ExitCodes.OK, "report.html", "rep").then((x, r) -> {
                        assertFalse(Files.exists(x.resolve("rep/stale.txt")));
                        assertFalse(Files.exists(x.resolve("rep/charts")));
                        assertTrue(Files.isRegularFile(x.resolve("rep/.discern")));
                    });
        }));
        rows.add(new Row("sweep --out an existing CSV replaces it whole", d -> {
            Path in = csv(d.resolve("in.csv"));
            Files.writeString(d.resolve("old.csv"), "old");
            return new Case(List.of("sweep", s(in), "--out", s(d.resolve("old.csv"))), ExitCodes.OK, "wrote 7 thresholds",
                    "old.csv").then((x, r) -> assertTrue(Files.readString(x.resolve("old.csv")).startsWith("threshold,")));
        }));
        rows.add(new Row("sweep --out an existing directory", d -> {
            Path in = csv(d.resolve("in.csv"));
            Files.createDirectories(d.resolve("sub"));
            return new Case(List.of("sweep", s(in), "--out", s(d.resolve("sub"))), ExitCodes.USAGE,
                    "sub: is a directory; give a file name");
        }));
        rows.add(new Row("sweep --out /dev/null is written as a stream", d -> {
            Path in = csv(d.resolve("in.csv"));
            return new Case(List.of("sweep", s(in), "--out", "/dev/null"), ExitCodes.OK, "wrote 7 thresholds to /dev/null")
                    .then((x, r) -> assertCharacterDevice("/dev/null"));
        }));
        rows.add(new Row("sweep --out /dev/full: no space left, named", d -> {
            Path in = csv(d.resolve("in.csv"));
            return new Case(List.of("sweep", s(in), "--out", "/dev/full"), ExitCodes.WRITE_FAILED,
                    "discern: /dev/full: No space left on device").then((x, r) -> assertCharacterDevice("/dev/full"));
        }));
        rows.add(new Row("calibrate --apply --out /dev/null is written as a stream", d -> {
            Path in = csv(d.resolve("in.csv"));
            Path cal = Files.writeString(d.resolve("cal.json"), CALIBRATOR);
            return new Case(List.of("calibrate", s(in), "--apply", s(cal), "--out", "/dev/null"), ExitCodes.OK,
                    "wrote 6 rows").then((x, r) -> assertCharacterDevice("/dev/null"));
        }));
        rows.add(new Row("report --out /dev/null --force", d -> {
            Path in = csv(d.resolve("in.csv"));
            return new Case(List.of("report", s(in), "--out", "/dev/null", "--force"), ExitCodes.USAGE,
                    "/dev/null: exists and is not a directory").then((x, r) -> assertCharacterDevice("/dev/null"));
        }));
        rows.add(new Row("curves --out /dev/null", d -> {
            Path in = csv(d.resolve("in.csv"));
            return new Case(List.of("curves", s(in), "--out", "/dev/null"), ExitCodes.USAGE,
                    "--out must be a directory, but /dev/null is not one").then((x, r) -> assertCharacterDevice("/dev/null"));
        }));
        rows.add(new Row("sweep --out a FIFO is written as a stream", d -> {
            Path in = csv(d.resolve("in.csv"));
            Path fifo = mkfifo(d.resolve("fifo"));
            CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
                try {
                    return Files.readString(fifo);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            return new Case(List.of("sweep", s(in), "--out", s(fifo)), ExitCodes.OK, "wrote 7 thresholds").then((x, r) -> {
                assertTrue(read.get(20, TimeUnit.SECONDS).startsWith("threshold,tp,fp"));
                assertFalse(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS));
            });
        }));
        rows.add(new Row("report --out a FIFO --force", d -> {
            Path in = csv(d.resolve("in.csv"));
            Path fifo = mkfifo(d.resolve("fifo"));
            return new Case(List.of("report", s(in), "--out", s(fifo), "--force"), ExitCodes.USAGE,
                    "fifo: exists and is not a directory");
        }));
        // failures while writing: path and reason, exit 1, nothing left
        rows.add(new Row("sweep --out below a regular file", d -> {
            Path in = csv(d.resolve("in.csv"));
            Files.writeString(d.resolve("file.txt"), "x");
            return new Case(List.of("sweep", s(in), "--out", s(d.resolve("file.txt/x.csv"))), ExitCodes.WRITE_FAILED,
                    "file.txt/x.csv: Not a directory");
        }));
        rows.add(new Row("sweep --out in a read-only folder", d -> {
            Path in = csv(d.resolve("in.csv"));
            Path ro = Files.createDirectories(d.resolve("ro"));
            Files.setPosixFilePermissions(ro, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
            Case c = new Case(List.of("sweep", s(in), "--out", s(ro.resolve("x.csv"))), ExitCodes.WRITE_FAILED,
                    "x.csv: Permission denied");
            if (!Files.isWritable(ro)) {
                return c;
            }
            // root (as CI runs) may write anywhere through CAP_DAC_OVERRIDE: run the command as root
            // without it (nor CAP_DAC_READ_SEARCH), so the folder's permissions hold as for anyone else
            Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "root without setpriv(1)");
            return c.by((x, args) -> subprocess(x, WITHOUT_DAC_OVERRIDE, args));
        }));
        rows.add(new Row("report with bad input: the folders it would create are not left", d -> {
            Path in = Files.writeString(d.resolve("in.csv"), "label,score\n1,abc\n");
            return new Case(List.of("report", s(in), "--out", s(d.resolve("a/b/rep"))), ExitCodes.BAD_INPUT,
                    "in.csv:2: column 'score'");
        }));
        rows.add(new Row("curves on a full disk midway (ulimit -f): no roc.csv without pr.csv, old files kept", d -> {
            StringBuilder big = new StringBuilder("label,score\n");
            for (int i = 0; i < 6000; i++) {
                // perfectly separated: the ROC curve keeps 3 points, the PR curve one per score
                big.append(i < 3000 ? 1 : 0).append(',').append(1 - i / 6000.0).append('\n');
            }
            Path in = Files.writeString(d.resolve("in.csv"), big.toString());
            Path out = Files.createDirectories(d.resolve("out"));
            Files.writeString(out.resolve("roc.csv"), "old roc");
            return new Case(List.of("curves", s(in), "--out", s(out)), ExitCodes.WRITE_FAILED,
                    out.resolve("pr.csv") + ": File too large").by((x, args) -> subprocess(x, "ulimit -f 64; ", args));
        }));
        rows.add(new Row("SIGTERM during calibrate --apply: no temporary file remains", d -> {
            StringBuilder big = new StringBuilder(24_000_000).append("label,score\n");
            java.util.SplittableRandom r = new java.util.SplittableRandom(7);
            for (int i = 0; i < 2_000_000; i++) {
                big.append(i & 1).append(',').append(r.nextDouble()).append('\n');
            }
            Path in = Files.writeString(d.resolve("in.csv"), big);
            Path cal = Files.writeString(d.resolve("cal.json"), CALIBRATOR);
            return new Case(List.of("calibrate", s(in), "--apply", s(cal), "--out", s(d.resolve("out.csv"))), 143, "")
                    .by(OutputSafetyTest::terminatedWhileWriting);
        }));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void outputSafety(Row row) throws Exception {
        Case c = row.arrange.in(dir);
        Map<String, String> before = snapshot(dir);
        CliRunner.Result r = c.runner == null ? CliRunner.run(c.args.toArray(String[]::new)) : c.runner.run(dir, c.args);
        assertEquals(c.code, r.code(), r.out() + r.err());
        assertTrue((r.out() + r.err()).contains(c.message), r.out() + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertUnchangedExcept(before, snapshot(dir), c.outputs);
        c.after.after(dir, r);
    }

    /** Four in-process runs of 'report --out same' at once without --force: one wins, three say "exists". */
    @Test
    void concurrentReportsWithoutForceHaveExactlyOneWinner() throws Exception {
        Path in = csv(dir.resolve("in.csv"));
        Path out = dir.resolve("same");
        Map<String, String> before = snapshot(dir);
        int n = 4;
        CyclicBarrier start = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<CliRunner.Result> results = new ArrayList<>();
        try {
            List<Future<CliRunner.Result>> runs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String title = "run " + i;
                runs.add(pool.submit(() -> {
                    start.await();
                    return CliRunner.run("report", s(in), "--out", s(out), "--title", title, "--no-images");
                }));
            }
            for (Future<CliRunner.Result> f : runs) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, results.stream().filter(r -> r.code() == ExitCodes.OK).count(), results.toString());
        for (CliRunner.Result r : results) {
            if (r.code() != ExitCodes.OK) {
                assertEquals(ExitCodes.USAGE, r.code());
                // on a loaded machine a run slower than a second prints progress lines first
                // ("computing the evaluation: done (3.0 s)"): the refusal is the one message, last
                String refused = "discern: " + out + ": exists; use --force to replace it\n";
                assertTrue(r.err().equals(refused) || r.err().endsWith("\n" + refused), r.err());
                assertEquals(r.err().indexOf("discern: "), r.err().lastIndexOf("discern: "), r.err());
            }
        }
        String winner = results.stream().filter(r -> r.code() == 0).findFirst().orElseThrow().out();
        assertEquals(out.resolve("report.html").toAbsolutePath() + "\n", winner);
        assertUnchangedExcept(before, snapshot(dir), Set.of("same"));
        assertEquals(1, Stream.of("run 0", "run 1", "run 2", "run 3")
                .filter(t -> contains(out.resolve("report.html"), "<title>" + t + "</title>")).count());
    }

    /** Four processes at once (as a user's shell would start them): the same, across JVMs. */
    @Test
    void concurrentReportProcessesWithoutForceHaveExactlyOneWinner() throws Exception {
        Path in = csv(dir.resolve("in.csv"));
        Path out = dir.resolve("same");
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ps.add(start(dir, "", List.of("report", s(in), "--out", s(out), "--no-images")));
        }
        int won = 0;
        for (Process p : ps) {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() == 0) {
                won++;
            } else {
                assertEquals(ExitCodes.USAGE, p.exitValue(), err);
                assertTrue(err.contains(out + ": exists; use --force to replace it"), err);
            }
        }
        assertEquals(1, won);
        assertEquals(List.of("in.csv", "same"), names(dir));
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    public static void assertCharacterDevice(String path) throws IOException {
        int mode = (Integer) Files.getAttribute(Path.of(path), "unix:mode", LinkOption.NOFOLLOW_LINKS);
        assertEquals(0020000, mode & 0170000, path + " is still a character device");
    }

    static Path mkfifo(Path p) throws Exception {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).start();
        assertEquals(0, mk.waitFor());
        return p;
    }

    /**
     * Every entry (file content hash, directory, link target, special file) under {@code root},
     * by relative path, not following links.
     */
    public static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                String key = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    m.put(key, "link -> " + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    m.put(key, "directory");
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    m.put(key, "file " + sha256(p));
                } else {
                    m.put(key, "special " + Integer.toOctalString((Integer) Files.getAttribute(p, "unix:mode",
                            LinkOption.NOFOLLOW_LINKS)));
                }
            }
        }
        return m;
    }

    private static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int k; (k = in.read(buf)) > 0; ) {
                md.update(buf, 0, k);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Everything outside {@code outputs} is as before (inputs byte-identical, nothing new outside
     * --out), and no temporary file or directory of an output remains anywhere.
     */
    public static void assertUnchangedExcept(Map<String, String> before, Map<String, String> after,
            Set<String> outputs) {
        Map<String, String> b = new TreeMap<>(before);
        Map<String, String> a = new TreeMap<>(after);
        for (Map<String, String> m : List.of(a, b)) {
            m.keySet().removeIf(k -> outputs.stream().anyMatch(o -> k.equals(o) || k.startsWith(o + "/")));
        }
        assertEquals(b, a, "only the outputs may change");
        for (String k : after.keySet()) {
            assertFalse(k.contains(".discern-tmp") || k.contains(".discern-old"), "temporary file left: " + k);
        }
    }

    /** The CLI's main class in a new JVM ({@code shell} runs first, e.g. a ulimit). */
    /** Shell prefix: runs the command without the capabilities that let root ignore file permissions. */
    static final String WITHOUT_DAC_OVERRIDE = "exec /usr/bin/setpriv --bounding-set=-dac_override,-dac_read_search \"$@\"; ";

    static Process start(Path dir, String shell, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", shell + "exec \"$@\"", "bash",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).directory(dir.toFile()).start();
    }

    static CliRunner.Result subprocess(Path dir, String shell, List<String> args) throws Exception {
        Process p = start(dir, shell, args);
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new CliRunner.Result(p.exitValue(), new String(out.get(), StandardCharsets.UTF_8), err);
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Starts the command, waits until its temporary output file exists, then sends SIGTERM. */
    static CliRunner.Result terminatedWhileWriting(Path dir, List<String> args) throws Exception {
        Process p = start(dir, "", args);
        p.getOutputStream().close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean seen = false;
        while (!seen && p.isAlive() && System.nanoTime() < deadline) {
            seen = names(dir).stream().anyMatch(n -> n.endsWith(".discern-tmp"));
            if (!seen) {
                Thread.sleep(2);
            }
        }
        assertTrue(seen, "the temporary output file appeared while the command ran");
        p.destroy(); // SIGTERM (destroy also closes our ends of its streams)
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new CliRunner.Result(p.exitValue(), "", "");
    }
}

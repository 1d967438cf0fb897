package org.discern.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input matrix (issue 10 §2, §3, §4): one row per way an input, an argument or the
 * machine can go wrong, each with its exit code and the message a person reads, never a stack
 * trace. Output-side rows (symlinks, devices, FIFOs as --out, full disk, read-only folder,
 * concurrent runs, interrupts) are {@link OutputSafetyTest}'s; argument ranges have a row per
 * option in {@link OptionBoundsTest}. docs/RELIABILITY.md lists which row proves what.
 */
class BadInputMatrixTest {
    @TempDir
    Path dir;

    /** A row: arrange files under the folder, then run; the result's code and message are checked. */
    record Case(List<String> args, int code, String message, Runner runner, Check after) {
        Case(List<String> args, int code, String message) {
            this(args, code, message, null, (d, r) -> { });
        }

        Case by(Runner how) {
            return new Case(args, code, message, how, after);
        }

        Case then(Check check) {
            return new Case(args, code, message, runner, check);
        }
    }

    @FunctionalInterface
    interface Arrange {
        Case in(Path dir) throws Exception;
    }

    @FunctionalInterface
    interface Runner {
        CliRunner.Result run(Path dir, List<String> args) throws Exception;
    }

    @FunctionalInterface
    interface Check {
        void after(Path dir, CliRunner.Result r) throws Exception;
    }

    record Row(String name, Arrange arrange) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String GOOD = "label,score\n1,0.9\n0,0.2\n1,0.6\n0,0.4\n";

    static String s(Path p) {
        return p.toString();
    }

    /** In a child JVM with a small heap; a JVM that does not end in 120 s fails the row (exit -1). */
    static Runner heap(String xmx) {
        return (d, args) -> ChildJvm.run(d, List.of(xmx), args, 120);
    }

    /** In-process with {@code bytes} as standard input. */
    static Runner stdin(byte[] bytes) {
        return (d, args) -> {
            java.io.InputStream before = System.in;
            try {
                System.setIn(new ByteArrayInputStream(bytes));
                return CliRunner.run(args.toArray(String[]::new));
            } finally {
                System.setIn(before);
            }
        };
    }

    static byte[] gzip(String text) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(b)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }

    static Stream<Row> rows() {
        List<Row> rows = new ArrayList<>();
        // §3: '-' is standard input, read as a stream in one pass
        rows.add(new Row("'-' reads standard input, gzip told by its magic bytes", d -> new Case(
                List.of("evaluate", "-"), ExitCodes.OK, "<stdin>: 4 rows, 2 positive ('1'), 2 negative")
                .by(stdin(gzip(GOOD)))));
        rows.add(new Row("'-': bad input on standard input is located as <stdin>:LINE", d -> new Case(
                List.of("evaluate", "-"), ExitCodes.BAD_INPUT,
                "<stdin>:3: column 'score': expected a finite number, found 'NaN'")
                .by(stdin("label,score\n1,0.9\n0,NaN\n".getBytes(StandardCharsets.UTF_8)))));
        rows.add(new Row("'-' cannot be an .npz archive (it needs random access): said so", d -> {
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(b)) {
                z.putNextEntry(new ZipEntry("y_true.npy"));
                z.closeEntry();
            }
            return new Case(List.of("evaluate", "-"), ExitCodes.BAD_INPUT,
                    "<stdin>: an .npz archive is read from a regular file").by(stdin(b.toByteArray()));
        }));
        // §3: no silent reinterpretation of numbers
        rows.add(new Row("a score '0.9\\0' is not a number", d -> {
            Path in = Files.writeString(d.resolve("nul.csv"), "label,score\n1,0.9\0\n0,0.2\n1,0.6\n0,0.4\n");
            return new Case(List.of("evaluate", s(in)), ExitCodes.BAD_INPUT,
                    "nul.csv:2: column 'score': expected a number, found '0.9\\0'");
        }));
        rows.add(new Row("NaN and empty scores stay an error", d -> {
            Path in = Files.writeString(d.resolve("nan.csv"), "label,score\n1,0.9\n0,NaN\n1,0.6\n0,\n");
            return new Case(List.of("evaluate", s(in)), ExitCodes.BAD_INPUT,
                    "nan.csv:3: column 'score': expected a finite number, found 'NaN'");
        }));
        // §3: --drop-invalid leaves out rows with invalid scores and names their lines; labels stay errors
        rows.add(new Row("--drop-invalid: NaN, empty, infinite scores are left out, counted and their lines named", d -> {
            Path in = Files.writeString(d.resolve("nan.csv"), "label,score\n1,0.9\n0,NaN\n1,0.6\n0,\n0,0.4\n1,-inf\n"
                    + "0,0.2\n");
            return new Case(List.of("evaluate", s(in), "--drop-invalid"), ExitCodes.OK,
                    "nan.csv: dropped 3 rows whose score is not a finite number (NaN, infinite, empty or not a number;"
                            + " --drop-invalid): lines 3, 5, 7").then((x, r) -> assertTrue(
                                    r.out().contains("nan.csv: 4 rows, 2 positive ('1'), 2 negative"), r.out()));
        }));
        rows.add(new Row("--drop-invalid: an invalid label on a dropped row stays an error", d -> {
            Path in = Files.writeString(d.resolve("mc.csv"), "label,a,b\na,0.7,0.3\nzebra,nan,0.5\nb,0.1,0.9\n");
            return new Case(List.of("evaluate", s(in), "--drop-invalid"), ExitCodes.BAD_INPUT,
                    "a label that is not a class: 'zebra' (first on line 3)");
        }));
        // §3: warnings name rows as errors do: file lines, header counted
        rows.add(new Row("a warning names the file line of a row (header and blank lines counted)", d -> {
            Path in = Files.writeString(d.resolve("mc.csv"), "label,a,b\n\na,0.8,0.2\n\nb,0.1,0.2\na,0.6,0.4\n");
            return new Case(List.of("evaluate", s(in)), ExitCodes.OK, "warning: log loss not computed: line 5 sums to");
        }));
        // a slice's warnings name file lines too, not rows within the slice: slice y's bad row is
        // its row 1, input row 3, line 6 (the whole sample's first bad row is line 2, slice x's)
        String sliced = "label,a,b,g\na,0.8,0.1,x\n\na,0.8,0.2,y\n\nb,0.1,0.2,y\nb,0.3,0.7,x\n";
        rows.add(new Row("a warning inside a --group slice names the file line of its row", d -> {
            Path in = Files.writeString(d.resolve("mc.csv"), sliced);
            return new Case(List.of("evaluate", s(in), "--group", "g"), ExitCodes.OK,
                    "g=y: log loss not computed: line 6 sums to");
        }));
        rows.add(new Row("a warning inside a --fold fold names the file line of its row", d -> {
            Path in = Files.writeString(d.resolve("mc.csv"), sliced);
            return new Case(List.of("evaluate", s(in), "--fold", "g"), ExitCodes.OK,
                    "g=y: log loss not computed: line 6 sums to");
        }));
        // §3: gzip is read member by member; bytes after the last member are an error
        rows.add(new Row("gzip with trailing garbage: an error naming the byte offset", d -> {
            byte[] good = gzip(GOOD);
            Path in = Files.write(d.resolve("in.csv.gz"), concat(good, "garbage\n".getBytes(StandardCharsets.UTF_8)));
            return new Case(List.of("evaluate", s(in)), ExitCodes.BAD_INPUT, "in.csv.gz: byte offset " + good.length
                    + ": expected the end of the file or another gzip member after the last gzip member, found other"
                    + " bytes (trailing garbage");
        }));
        rows.add(new Row("concatenated gzip members (cat a.gz b.gz) are one input", d -> {
            Path in = Files.write(d.resolve("ab.csv.gz"), concat(gzip("label,score\n1,0.9\n0,0.2\n"),
                    gzip("1,0.6\n0,0.4\n")));
            return new Case(List.of("evaluate", s(in)), ExitCodes.OK, "ab.csv.gz: 4 rows, 2 positive ('1'), 2 negative");
        }));
        // §3: a binary file given as text is named by the format it looks like
        for (String[] f : new String[][] {{"a bzip2", "BZh91AY&SY"}, {"an xz", "\u00fd7zXZ\u0000\u0000"},
            {"a PNG", "\u0089PNG\r\n\u001a\n"}}) {
            rows.add(new Row(f[0] + " file named .csv is named as such", d -> {
                Path in = Files.write(d.resolve("data.csv"), (f[1] + "rest").getBytes(StandardCharsets.ISO_8859_1));
                return new Case(List.of("evaluate", s(in)), ExitCodes.BAD_INPUT,
                        "data.csv: looks like " + f[0] + " file, not text; expected CSV or TSV");
            }));
        }
        rows.add(new Row("a zip file named .csv is read as a NumPy .npz archive (a zip) and says what it lacks", d -> {
            Path in = d.resolve("data.csv");
            try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(in))) {
                z.putNextEntry(new ZipEntry("report.txt"));
                z.write("hello".getBytes(StandardCharsets.UTF_8));
            }
            return new Case(List.of("evaluate", s(in)), ExitCodes.BAD_INPUT,
                    "data.csv: no array 'y_true' in the archive; it holds report.txt");
        }));
        // §3: no silent reinterpretation of the layout or of columns
        rows.add(new Row("a one-hot label matrix with a multi-hot row: the row is named, --layout multilabel suggested", d -> {
            Path npz = d.resolve("hot.npz");
            try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(npz))) {
                z.putNextEntry(new ZipEntry("y_true.npy"));
                z.write(npyHeader("|u1", "(4, 3)"));
                z.write(new byte[] {1, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1}); // row [2] holds two 1s
                z.closeEntry();
                z.putNextEntry(new ZipEntry("y_score.npy"));
                z.write(npyHeader("<f8", "(4, 3)"));
                ByteBuffer b = ByteBuffer.allocate(8 * 12).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < 12; i++) {
                    b.putDouble((i * 7 % 12) / 12.0);
                }
                z.write(b.array());
                z.closeEntry();
            }
            return new Case(List.of("evaluate", "--npz", s(npz)), ExitCodes.BAD_INPUT,
                    "row [2] of the 4 x 3 label matrix holds 2 1s (rows [0..1] hold exactly one): not one-hot, so not"
                            + " multi-class; for multi-label input give --layout multilabel").then((x, r) -> {
                                CliRunner.Result ml = CliRunner.run("evaluate", "--npz", s(npz), "--layout", "multilabel");
                                assertEquals(0, ml.code(), ml.err());
                                assertTrue(ml.out().contains("multilabel") || ml.out().contains("multi-label"), ml.out());
                            });
        }));
        rows.add(new Row("a 'weight' column a binary file does not use gets a note saying how to use it", d -> {
            Path in = Files.writeString(d.resolve("w.csv"), "label,score,weight\n1,0.9,2\n0,0.2,1\n1,0.6,1\n0,0.4,3\n");
            return new Case(List.of("evaluate", s(in)), ExitCodes.OK,
                    "note: " + s(in) + ": column 'weight' is not used as sample weights (binary input has no weights"
                            + " unless --weight COL names them); give --weight weight to use it").then((x, r) -> {
                                CliRunner.Result used = CliRunner.run("evaluate", s(in), "--weight", "weight");
                                assertEquals(0, used.code(), used.err());
                                assertFalse(used.err().contains("note:"), used.err());
                                CliRunner.Result other = CliRunner.run("evaluate", s(in), "--weight", "score");
                                assertTrue(other.err().contains("(--weight names 'score')"), other.err());
                                // once, though two readers look at the header
                                assertEquals(r.err().indexOf("note:"), r.err().lastIndexOf("note:"), r.err());
                            });
        }));
        rows.add(new Row("all weights 0: the message says all weights are 0", d -> {
            Path in = Files.writeString(d.resolve("z.csv"), "label,score,weight\n1,0.9,0\n0,0.2,0\n1,0.6,0\n0,0.4,0\n");
            return new Case(List.of("evaluate", s(in), "--weight", "weight"), ExitCodes.BAD_INPUT,
                    "weights must not all be 0 (a sample of weight 0 is the same as no sample: nothing is left to evaluate)");
        }));
        // §3: echoed input is bounded and escaped
        rows.add(new Row("a 10 MB field with an ANSI escape is quoted short and escaped", d -> {
            String field = "\u001b[31m" + "9".repeat(10_000_000);
            Path in = Files.writeString(d.resolve("huge.csv"), "label,score\n1," + field + "x\n0,0.2\n");
            return new Case(List.of("evaluate", s(in)), ExitCodes.BAD_INPUT,
                    "huge.csv:2: column 'score': expected a number, found '\\x1b[31m999").then((x, r) -> {
                        assertTrue(r.err().length() < 2_000, "bounded: " + r.err().length() + " chars");
                        assertFalse(r.err().contains("\u001b"), "no raw escape on the terminal");
                        assertTrue(r.err().contains("(10000006 chars)"), r.err());
                    });
        }));
        rows.add(new Row("a broken Parquet file named .csv is read as Parquet (by its magic bytes) and named so", d -> {
            Path in = Files.write(d.resolve("data.csv"), "PAR1\u0015\u0004\u0015garbage".getBytes(StandardCharsets.ISO_8859_1));
            return new Case(List.of("evaluate", s(in)), ExitCodes.BAD_INPUT,
                    "data.csv: not a valid Parquet file: it does not end with the magic bytes PAR1");
        }));
        // §3: system errors name the path and the reason
        rows.add(new Row("a directory as input", d -> {
            Path in = Files.createDirectories(d.resolve("adir"));
            return new Case(List.of("evaluate", s(in)), ExitCodes.BAD_INPUT, "adir: cannot read: Is a directory");
        }));
        rows.add(new Row("a missing input", d -> new Case(List.of("evaluate", s(d.resolve("nope.csv"))),
                ExitCodes.BAD_INPUT, "nope.csv: no such file")));
        rows.add(new Row("an unreadable input (permission denied, also as root)", d -> {
            Path in = Files.writeString(d.resolve("secret.csv"), GOOD);
            Files.setPosixFilePermissions(in, java.nio.file.attribute.PosixFilePermissions.fromString("-w-------"));
            Case c = new Case(List.of("evaluate", s(in)), ExitCodes.BAD_INPUT, "secret.csv: cannot read: permission denied");
            if (!Files.isReadable(in)) {
                return c;
            }
            Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "root without setpriv(1)");
            return c.by((x, args) -> OutputSafetyTest.subprocess(x, OutputSafetyTest.WITHOUT_DAC_OVERRIDE, args));
        }));
        rows.add(new Row("a FIFO (as <(cmd) gives) is read as a stream, in one pass", d -> {
            Path fifo = OutputSafetyTest.mkfifo(d.resolve("fifo.csv"));
            CompletableFuture.runAsync(() -> {
                try (OutputStream o = Files.newOutputStream(fifo)) {
                    o.write(GOOD.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            return new Case(List.of("evaluate", s(fifo)), ExitCodes.OK, "fifo.csv: 4 rows, 2 positive ('1'), 2 negative");
        }));
        // §3: outputs say what they are
        rows.add(new Row("--out x.csv.gz is gzip-compressed", d -> {
            Path in = Files.writeString(d.resolve("in.csv"), GOOD);
            return new Case(List.of("sweep", s(in), "--out", s(d.resolve("x.csv.gz"))), ExitCodes.OK,
                    "wrote 5 thresholds").then((x, r) -> {
                        byte[] gz = Files.readAllBytes(x.resolve("x.csv.gz"));
                        assertEquals(0x1f, gz[0] & 0xff);
                        assertEquals(0x8b, gz[1] & 0xff);
                        String csv = new String(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes(),
                                StandardCharsets.UTF_8);
                        assertTrue(csv.startsWith("threshold,tp,fp"), csv);
                        // and reads back like any gzip input
                        assertEquals(0, CliRunner.run("sweep", s(in), "--out", s(x.resolve("y.csv"))).code());
                        assertEquals(Files.readString(x.resolve("y.csv")), csv);
                    });
        }));
        // §2: arguments refused before allocating (a row per option: OptionBoundsTest)
        rows.add(new Row("--bins 2e9 is refused with its range", d -> {
            Path in = Files.writeString(d.resolve("in.csv"), GOOD);
            return new Case(List.of("calibrate", s(in), "--bins", "2e9"), ExitCodes.USAGE,
                    "Invalid value for option '--bins': '2e9' is not an integer in [1, 1,000,000]");
        }));
        rows.add(new Row("--threads 100000 is refused with its range (was 'invalid input: null')", d -> {
            Path in = Files.writeString(d.resolve("in.csv"), GOOD);
            return new Case(List.of("evaluate", s(in), "--ci", "bootstrap", "--threads", "100000"), ExitCodes.USAGE,
                    "'100000' is not an integer in [1, 1,024]");
        }));
        rows.add(new Row("--replicates 2000000000 is refused with its range (was NegativeArraySizeException)", d -> {
            Path in = Files.writeString(d.resolve("in.csv"), GOOD);
            return new Case(List.of("evaluate", s(in), "--ci", "bootstrap", "--replicates", "2000000000"),
                    ExitCodes.USAGE, "'2000000000' is not an integer in [1, 1,000,000]");
        }));
        // §2: out of memory is a message, exit 1, and the JVM ends
        rows.add(new Row("out of memory while reading: a clear message, exit 1, the JVM ends (-Xmx48m)", d -> {
            StringBuilder big = new StringBuilder(20_000_000).append("label,score\n");
            java.util.SplittableRandom r = new java.util.SplittableRandom(11);
            for (int i = 0; i < 1_500_000; i++) {
                big.append(i & 1).append(',').append(r.nextDouble()).append('\n');
            }
            Path in = Files.writeString(d.resolve("big.csv"), big);
            return new Case(List.of("evaluate", s(in)), ExitCodes.INTERNAL, "discern: out of memory: the Java heap (limit ")
                    .by(heap("-Xmx48m")).then((x, res) -> assertTrue(res.err().contains("Run again with a larger heap"),
                            res.err()));
        }));
        rows.add(new Row(".npz whose members declare far more than the heap: refused before inflating (-Xmx64m)", d -> {
            Path npz = bomb(d);
            // evaluated as read (no array of the scores): 13 bytes per row
            return new Case(List.of("evaluate", "--npz", s(npz)), ExitCodes.INTERNAL,
                    "25,000,000 rows of float64 scores need about 310 MB of Java heap; the limit is").by(heap("-Xmx64m"));
        }));
        rows.add(new Row(".npz as above, its rows kept (--ci bootstrap): the larger need, refused before inflating", d -> {
            Path npz = bomb(d);
            return new Case(List.of("evaluate", "--npz", s(npz), "--ci", "bootstrap"), ExitCodes.INTERNAL,
                    "25,000,000 rows of float64 scores need about 1.1 GB of Java heap; the limit is").by(heap("-Xmx64m"));
        }));
        return rows.stream();
    }

    /**
     * 25 million rows: 25 MB of int8 labels and 200 MB of float64 scores, all zeros, deflated to
     * about 0.2 MB: a small "bomb" whose sizes are checked against the heap before anything is inflated.
     */
    private static Path bomb(Path d) throws IOException {
        int n = 25_000_000;
        Path npz = d.resolve("bomb.npz");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(npz))) {
            z.putNextEntry(new ZipEntry("y_true.npy"));
            z.write(npyHeader("|i1", n));
            zeros(z, n);
            z.closeEntry();
            z.putNextEntry(new ZipEntry("y_score.npy"));
            z.write(npyHeader("<f8", n));
            zeros(z, 8L * n);
            z.closeEntry();
        }
        assertTrue(Files.size(npz) < 2_000_000, "a small file: " + Files.size(npz));
        return npz;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void badInput(Row row) throws Exception {
        Case c = row.arrange.in(dir);
        CliRunner.Result r = c.runner == null ? CliRunner.run(c.args.toArray(String[]::new)) : c.runner.run(dir, c.args);
        assertEquals(c.code, r.code(), r.out() + r.err());
        assertTrue((r.out() + r.err()).contains(c.message), r.out() + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(r.err().contains("Exception"), "no exception names: " + r.err());
        c.after.after(dir, r);
    }

    /**
     * Every command that reads predictions reads {@code -} (standard input) and a FIFO (what
     * {@code <(cmd)} gives) as a stream, with the same result as the file.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"evaluate", "curves", "report", "compare", "threshold",
        "sweep", "calibrate", "decision"})
    void everyCommandReadsStandardInputAndAFifo(String command) throws Exception {
        String data = "id,label,score\n" + "a,1,0.9\nb,0,0.2\nc,1,0.6\nd,0,0.4\ne,1,0.35\nf,0,0.7\n";
        Path file = Files.writeString(dir.resolve("in.csv"), data);
        Path other = Files.writeString(dir.resolve("other.csv"), data.replace("0.35", "0.85"));
        java.util.function.BiFunction<String, String, List<String>> args = (in, tag) -> {
            List<String> a = new ArrayList<>(List.of(command, in));
            switch (command) {
                case "compare" -> a.addAll(List.of(s(other), "--id", "id"));
                case "curves", "report", "sweep" -> a.addAll(List.of("--out", s(dir.resolve("out-" + tag))));
                default -> { }
            }
            return a;
        };
        CliRunner.Result fromFile = CliRunner.run(args.apply(s(file), "file").toArray(String[]::new));
        assertEquals(0, fromFile.code(), fromFile.err());
        CliRunner.Result fromStdin = stdin(data.getBytes(StandardCharsets.UTF_8)).run(dir, args.apply("-", "stdin"));
        assertEquals(0, fromStdin.code(), fromStdin.err());
        Path fifo = OutputSafetyTest.mkfifo(dir.resolve("fifo.csv"));
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream o = Files.newOutputStream(fifo)) {
                o.write(data.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        CliRunner.Result fromFifo = CliRunner.run(args.apply(s(fifo), "fifo").toArray(String[]::new));
        writer.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(0, fromFifo.code(), fromFifo.err());
        // the same numbers whatever the source is called
        // (table columns are as wide as the names)
        String expected = fromFile.out().replace(s(file), "X").replace("out-file", "OUT").replaceAll(" +", " ");
        assertEquals(expected, fromStdin.out().replace("<stdin>", "X").replace("out-stdin", "OUT").replaceAll(" +", " "));
        assertEquals(expected, fromFifo.out().replace(s(fifo), "X").replace("out-fifo", "OUT").replaceAll(" +", " "));
        if (command.equals("sweep")) {
            assertEquals(Files.readString(dir.resolve("out-file")), Files.readString(dir.resolve("out-stdin")));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A version 1.0 .npy header of a 1-D array of {@code n} values of type {@code descr}. */
    static byte[] npyHeader(String descr, int n) {
        return npyHeader(descr, "(" + n + ",)");
    }

    /** A version 1.0 .npy header of an array of type {@code descr} and {@code shape}, e.g. "(4, 3)". */
    static byte[] npyHeader(String descr, String shape) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String h = dict + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + h.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) h.length()).put(h.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    private static void zeros(OutputStream o, long bytes) throws IOException {
        byte[] block = new byte[1 << 20];
        for (long left = bytes; left > 0; left -= block.length) {
            o.write(block, 0, (int) Math.min(block.length, left));
        }
    }
}

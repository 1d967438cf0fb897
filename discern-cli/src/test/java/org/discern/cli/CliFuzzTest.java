package org.discern.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.discern.metrics.Fixtures;

/**
 * Fuzz target of the command line, run in-process: any argument vector (subcommand, options,
 * values, files, free text) must end in exit code 0, 2 (usage) or 3 (bad input) with a message
 * on error, never in an internal error (exit 1) or a stack trace without {@code --verbose}.
 *
 * <p>The harness keeps the machine safe and the runs short, and says so: values of {@code --out}
 * and {@code --save} (the only options that write) are replaced by fresh paths in a temporary
 * directory; free text holding a '/' or starting with '@' (a picocli argument file) is replaced
 * by one of the harness's own files; resource-hungry numbers are capped ({@code --replicates}
 * 200, {@code --grid} 2000, {@code --bins} 500, {@code --threads} 4). {@code train},
 * {@code predict} and {@code demo} (the training plug-in) are not fuzzed here.
 *
 * <p>Regression inputs in {@code src/test/resources/org/discern/cli/CliFuzzTestInputs/anyCommandLine};
 * fuzz for real with {@code JAZZER_FUZZ=1 mvn -pl discern-cli -am test -Dtest=CliFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false} (see docs/RELIABILITY.md).
 */
class CliFuzzTest {
    private static final String[] COMMANDS = {"evaluate", "compare", "curves", "report", "threshold", "sweep",
        "calibrate", "help", "", "--help", "--version", "Evaluate", "nope"};
    private static final String[] OPTIONS = {"--label", "--score", "--weight", "--positive", "--format",
        "--threshold", "--max-fpr", "--ci", "--method", "--replicates", "--seed", "--threads", "--level", "--id",
        "--by", "--cost-fp", "--cost-fn", "--prevalence", "--grid", "--all-thresholds", "--bins", "--strategy",
        "--fit", "--apply", "--save", "--out", "--force", "--layout", "--classes", "--class-names", "--top-k",
        "--labels", "--scores", "--weights", "--npz", "--labels-key", "--scores-key", "--weights-key", "--title",
        "--verbose", "--help", "--version", "--clip", "--impute", "--quiet", "-h", "-V", "--", "-"};
    private static final String[] VALUES = {"0", "1", "-1", "0.5", "0.95", "2", "7", "1e9", "-0", "NaN", "nan",
        "Infinity", "inf", "", " ", "x", "json", "table", "JSON", "delong", "bootstrap", "youden", "closest", "cost",
        "f1", "fbeta:2", "mcc", "precision:0.9", "budget:1%", "budget:3", "cost:1:50", "platt", "isotonic", "prior",
        "quantile", "uniform", "binary", "multiclass", "multilabel", "score", "label", "weight", "id", "score_b",
        "a", "b", "c", "a,b,c", "1,3", "y", "p", "w", "true", "yes", "é", "\t", "1,2,x", "2147483648", "1e-320"};
    private static final Map<String, Double> CAPS = Map.of("--replicates", 200.0, "--grid", 2000.0, "--bins", 500.0,
            "--threads", 4.0);

    private static final Path DIR;
    private static final List<String> FILES = new ArrayList<>();
    private static int outputs;

    static {
        try {
            DIR = Files.createTempDirectory("discern-cli-fuzz");
            // the harness's files are shared by the test classes of this JVM: gone when it exits
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    deleteTree(DIR);
                } catch (IOException | UncheckedIOException e) {
                    // left for the system's temporary-file cleaning
                }
            }, "discern-cli-fuzz-cleanup"));
            Path bin = DIR.resolve("binary.csv");
            StringBuilder b = new StringBuilder("id,label,score,score_b,weight\n");
            for (int i = 0; i < 40; i++) {
                b.append(String.format(Locale.ROOT, "r%d,%d,%.2f,%.2f,%d%n", i, i % 3 == 0 ? 1 : 0,
                        (i * 37 % 100) / 100.0, (i * 53 % 100) / 100.0, i % 4));
            }
            Files.writeString(bin, b.toString());
            FILES.add(bin.toString());
            Path gz = DIR.resolve("binary.csv.gz");
            try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
                o.write(b.toString().getBytes(StandardCharsets.UTF_8));
            }
            FILES.add(gz.toString());
            for (String f : List.of("multiclass_small_ties", "multilabel_small", "binary_small_ties")) {
                FILES.add(Fixtures.csv(f, DIR).toString());
            }
            FILES.add(write("malformed.csv", "label,score\n1,0.5\n0,abc\n\"1,0.2\n"));
            FILES.add(write("empty.csv", ""));
            FILES.add(write("header_only.tsv", "label\tscore\n"));
            FILES.add(write("one_class.csv", "label,score\n1,0.3\n1,0.9\n"));
            FILES.add(write("names.txt", "ant\nbee\ncat\ndog\neel\n"));
            FILES.add(write("cal.json", "{\"type\":\"platt\",\"version\":1,\"a\":-2.5,\"b\":0.25}"));
            FILES.add(write("args.txt", "evaluate\n" + bin + "\n--format\njson\n"));
            Files.createDirectories(DIR.resolve("a_directory"));
            FILES.add(DIR.resolve("a_directory").toString());
            FILES.add(DIR.resolve("does_not_exist.csv").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(String name, String text) throws IOException {
        Path p = DIR.resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }

    /** The harness file with this name. */
    static String file(String name) {
        return DIR.resolve(name).toString();
    }

    /** A fresh path, in an existing directory of the harness, for an option that writes. */
    private static String output() {
        try {
            return Files.createDirectories(DIR.resolve("out")).resolve("o" + (outputs++)).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void anyCommandLine(FuzzedDataProvider data) throws IOException {
        List<String> argv = new ArrayList<>();
        String command = COMMANDS[data.consumeInt(0, COMMANDS.length - 1)];
        if (!command.isEmpty()) {
            argv.add(command);
        }
        int tokens = data.consumeInt(0, 14);
        for (int t = 0; t < tokens && data.remainingBytes() > 0; t++) {
            switch (data.consumeInt(0, 5)) {
                case 0 -> argv.add(OPTIONS[data.consumeInt(0, OPTIONS.length - 1)]);
                case 1 -> argv.add(VALUES[data.consumeInt(0, VALUES.length - 1)]);
                case 2 -> argv.add(FILES.get(data.consumeInt(0, FILES.size() - 1)));
                case 3 -> argv.add(data.consumeString(24));
                case 4 -> argv.add(OPTIONS[data.consumeInt(0, OPTIONS.length - 1)] + "="
                        + VALUES[data.consumeInt(0, VALUES.length - 1)]);
                default -> {
                    argv.add(OPTIONS[data.consumeInt(0, OPTIONS.length - 1)]);
                    argv.add(FILES.get(data.consumeInt(0, FILES.size() - 1)));
                }
            }
        }
        String[] args = sanitize(argv);
        CliRunner.Result r;
        try {
            r = CliRunner.run(args);
        } finally {
            deleteOutputs();
        }
        check(args, r);
    }

    /** The rules of the class comment; also used by the regression test of the fixed findings. */
    static String[] sanitize(List<String> argv) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (name.equals("--out") || name.equals("--save")) {
                out.add(name);
                out.add(output());
                if (!a.contains("=") && i + 1 < argv.size()) {
                    i++; // the value it would have taken
                }
                continue;
            }
            if (CAPS.containsKey(name)) {
                String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < argv.size() ? argv.get(++i) : null;
                out.add(name);
                if (value != null) {
                    out.add(capped(value, CAPS.get(name)));
                }
                continue;
            }
            boolean harnessFile = FILES.contains(a);
            if (!harnessFile && (a.contains("/") || a.startsWith("@"))) {
                out.add(FILES.get(Math.floorMod(a.hashCode(), FILES.size())));
                continue;
            }
            out.add(a);
        }
        return out.toArray(String[]::new);
    }

    private static String capped(String value, double cap) {
        try {
            return Double.parseDouble(value.strip()) > cap ? Long.toString((long) cap) : value;
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /** Exit 0, 2 or 3; a message on error; no stack trace without --verbose; never "internal error". */
    static void check(String[] args, CliRunner.Result r) {
        String shown = String.join(" ", args);
        if (r.code() != 0 && r.code() != 2 && r.code() != 3) {
            throw new AssertionError("exit " + r.code() + " for: " + shown + "\n" + r.err());
        }
        if (r.code() != 0 && r.err().isBlank()) {
            throw new AssertionError("exit " + r.code() + " without a message for: " + shown);
        }
        boolean verbose = List.of(args).contains("--verbose");
        if (!verbose && (stackTrace(r.err(), args) || stackTrace(r.out(), args))) {
            throw new AssertionError("a stack trace without --verbose for: " + shown + "\n" + r.err());
        }
        if (r.err().contains("internal error")) {
            throw new AssertionError("internal error for: " + shown + "\n" + r.err());
        }
    }

    /** A Java stack frame ("\tat a.b.C.m(C.java:12)"), or the start of a chained cause. */
    private static final Pattern FRAME = Pattern.compile("\\s+at [\\w$.]+\\(.*\\)|Caused by: [\\w$.]+.*");

    /**
     * Whether the text holds a stack frame that is not just an argument echoed back (the first
     * finding of the fuzzer was this harness mistaking "discern: \tat : no such file" for one).
     */
    static boolean stackTrace(String text, String[] args) {
        for (String line : text.split("\\R")) {
            if (FRAME.matcher(line).matches() && Arrays.stream(args).noneMatch(a -> a.contains(line.strip()))) {
                return true;
            }
        }
        return false;
    }

    private static void deleteOutputs() throws IOException {
        Path out = DIR.resolve("out");
        if (Files.exists(out)) {
            deleteTree(out);
        }
    }

    /** Deletes {@code dir} and everything in it. */
    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

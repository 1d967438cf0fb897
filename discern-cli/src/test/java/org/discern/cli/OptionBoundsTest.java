package org.discern.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.discern.io.HeapLimitException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every numeric option of every command has a range, checked while parsing ({@link OptionBounds}):
 * a value out of range is exit 2 with the range, before the input is read (the input of every
 * row does not exist: reading it would be exit 3).
 */
class OptionBoundsTest {
    @TempDir
    static Path dir;

    static Stream<Arguments> outOfRange() {
        String in = dir.resolve("missing.csv").toString();
        String out = dir.resolve("out.csv").toString();
        String boot = "--ci=bootstrap";
        return Stream.of(
                // option, command line, message after "Invalid value for option '<option>': "
                Arguments.of("--bins", List.of("calibrate", in, "--bins", "2e9"), "'2e9' is not an integer in [1, 1,000,000]"),
                Arguments.of("--bins", List.of("calibrate", in, "--bins", "2000000000"),
                        "'2000000000' is not an integer in [1, 1,000,000]"),
                Arguments.of("--bins", List.of("calibrate", in, "--bins", "0"), "'0' is not an integer in [1, 1,000,000]"),
                Arguments.of("--bins", List.of("calibrate", in, "--bins", "1.5"), "'1.5' is not an integer in [1, 1,000,000]"),
                Arguments.of("--grid", List.of("sweep", in, "--out", out, "--grid", "2e9"),
                        "'2e9' is not an integer in [2, 1,000,000]"),
                Arguments.of("--grid", List.of("sweep", in, "--out", out, "--grid", "1"), "'1' is not an integer in [2, 1,000,000]"),
                Arguments.of("--replicates", List.of("evaluate", in, boot, "--replicates", "2000000000"),
                        "'2000000000' is not an integer in [1, 1,000,000]"),
                Arguments.of("--replicates", List.of("compare", in, "--score", "a", "--score", "b", "--method", "bootstrap",
                        "--replicates", "0"), "'0' is not an integer in [1, 1,000,000]"),
                Arguments.of("--threads", List.of("evaluate", in, boot, "--threads", "100000"),
                        "'100000' is not an integer in [1, 1,024]"),
                Arguments.of("--threads", List.of("decision", in, boot, "--threads", "0"), "'0' is not an integer in [1, 1,024]"),
                Arguments.of("--seed", List.of("evaluate", in, boot, "--seed", "1e30"),
                        "'1e30' is not an integer in [-9,223,372,036,854,775,808, 9,223,372,036,854,775,807]"),
                Arguments.of("--level", List.of("evaluate", in, "--ci", "delong", "--level", "1"),
                        "'1' is not a confidence level in (0, 1)"),
                Arguments.of("--level", List.of("report", in, "--out", out, "--ci", "delong", "--level", "NaN"),
                        "'NaN' is not a confidence level in (0, 1)"),
                Arguments.of("--threshold", List.of("evaluate", in, "--threshold", "NaN"), "'NaN' is not a number (not NaN)"),
                Arguments.of("--threshold", List.of("report", in, "--out", out, "--threshold", "x"),
                        "'x' is not a number (not NaN)"),
                Arguments.of("--max-fpr", List.of("evaluate", in, "--max-fpr", "0"), "'0' is not a false positive rate in (0, 1]"),
                Arguments.of("--max-fpr", List.of("report", in, "--out", out, "--max-fpr", "1.5"),
                        "'1.5' is not a false positive rate in (0, 1]"),
                Arguments.of("--top-k", List.of("evaluate", in, "--top-k", "2,0"), "'0' is not an integer in [1, 1,000,000]"),
                Arguments.of("--top-k", List.of("report", in, "--out", out, "--top-k", "2e9"),
                        "'2e9' is not an integer in [1, 1,000,000]"),
                Arguments.of("--cost-fp", List.of("threshold", in, "--by", "cost", "--cost-fp", "-1"),
                        "'-1' is not a finite cost >= 0"),
                Arguments.of("--cost-fn", List.of("threshold", in, "--by", "cost", "--cost-fn", "Infinity"),
                        "'Infinity' is not a finite cost >= 0"),
                Arguments.of("--prevalence", List.of("threshold", in, "--by", "cost", "--prevalence", "2"),
                        "'2' is not a prevalence in [0, 1]"),
                Arguments.of("--prevalence", List.of("calibrate", in, "--fit", "prior", "--save", out, "--prevalence", "1"),
                        "'1' is not a prevalence in (0, 1)"),
                Arguments.of("--min-slice", List.of("evaluate", in, "--group", "g", "--min-slice", "-1"),
                        "'-1' is not an integer in [0, 2,147,483,647]"),
                Arguments.of("--min-slice", List.of("report", in, "--out", out, "--group", "g", "--min-slice", "3e9"),
                        "'3e9' is not an integer in [0, 2,147,483,647]"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("outOfRange")
    void outOfRangeIsAUsageErrorWithTheRangeBeforeReading(String option, List<String> args, String message) {
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        // picocli adds the parameter label for a split option: "option '--top-k' (K): '0' is not ..."
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("discern: Invalid value for option '" + option + "'"), r.err());
        assertTrue(first.endsWith(": " + message), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(dir.resolve("out.csv")));
    }

    @Test
    void theEdgesOfEachRangeAreAccepted() throws Exception {
        assertEquals(1, new OptionBounds.Bins().convert("1"));
        assertEquals(1_000_000, new OptionBounds.Bins().convert("1e6"));
        assertEquals(1_000_000, new OptionBounds.Grid().convert(" 1000000 "));
        assertEquals(1024, new OptionBounds.Threads().convert("1024"));
        assertEquals(Long.MIN_VALUE, new OptionBounds.Seed().convert("-9223372036854775808"));
        assertEquals(0.0, new OptionBounds.Cost().convert("0"));
        assertEquals(1.0, new OptionBounds.MaxFpr().convert("1"));
        assertEquals(Double.POSITIVE_INFINITY, new OptionBounds.Threshold().convert("Infinity"));
        assertEquals(0.0, new OptionBounds.Prevalence().convert("0"));
        assertThrows(CommandLine.TypeConversionException.class, () -> new OptionBounds.OpenPrevalence().convert("0"));
        assertEquals(0.999, new OptionBounds.Level().convert("0.999"));
    }

    /** The options that take a number; each must have an {@link OptionBounds} converter. */
    private static final Set<Class<?>> NUMERIC = Set.of(int.class, Integer.class, long.class, Long.class, double.class,
            Double.class, float.class, Float.class, short.class, Short.class);

    @Test
    void everyNumericOptionOfEveryCommandHasARange() {
        CommandLine root = Cli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<String> unbounded = new ArrayList<>();
        int bounded = 0;
        for (CommandLine c : root.getSubcommands().values()) {
            for (OptionSpec o : c.getCommandSpec().options()) {
                Class<?> type = o.auxiliaryTypes().length > 0 ? o.auxiliaryTypes()[0] : o.type();
                if (!NUMERIC.contains(type)) {
                    continue;
                }
                boolean ok = o.converters().length > 0
                        && o.converters()[0].getClass().getEnclosingClass() == OptionBounds.class;
                if (ok) {
                    bounded++;
                } else {
                    unbounded.add(c.getCommandName() + " " + o.longestName());
                }
            }
        }
        assertEquals(List.of(), unbounded, "numeric options without a range in OptionBounds");
        assertTrue(bounded >= 20, "found only " + bounded + " numeric options");
    }

    @Test
    void replicatesTimesStatisticsBeyondTheHeapAreRefusedBeforeAllocating() throws IOException {
        // one-vs-rest bootstrap: 8 + 2K values per replicate; K so that 1,000,000 replicates exceed the heap
        long limit = Runtime.getRuntime().maxMemory();
        int k = (int) Math.min(20_000, limit / (16L * 2 * 1_000_000) + 2);
        StringBuilder sb = new StringBuilder("label");
        for (int j = 0; j < k; j++) {
            sb.append(",c").append(j);
        }
        sb.append('\n');
        for (int i = 0; i < 2 * k; i++) {
            sb.append('c').append(i % k);
            for (int j = 0; j < k; j++) {
                sb.append(j == i % k ? ",0.9" : ",0.0001");
            }
            sb.append('\n');
        }
        Path many = dir.resolve("many.csv");
        Files.writeString(many, sb);
        CliRunner.Result r = CliRunner.run("evaluate", many.toString(), "--ci", "bootstrap", "--replicates", "1000000",
                "--top-k", "1");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith(String.format(java.util.Locale.ROOT,
                "discern: --replicates: 1,000,000 replicates x %,d statistics need about", 8 + 2 * k)), r.err());
        assertTrue(r.err().contains("of Java heap; the limit is " + HeapLimitException.bytes(limit)), r.err());
        assertTrue(r.err().contains("Run again with a larger heap: "), r.err());
    }
}

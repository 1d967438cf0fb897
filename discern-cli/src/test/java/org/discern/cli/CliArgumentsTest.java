package org.discern.cli;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-written command lines through {@link CliFuzzTest}'s rules (exit 0, 2 or 3 with a message;
 * no stack trace, no internal error): the cases the fuzzer found (an argument that looks like a
 * stack frame, echoed in the message), kept readable, and edge cases
 * of option parsing. {@code FILE}, {@code MULTI}, {@code BAD} and {@code OUT} stand for harness
 * files and a fresh output path.
 */
class CliArgumentsTest {

    static Stream<List<String>> commandLines() {
        return Stream.of(
                List.of(),
                List.of("--version"),
                List.of("help", "evaluate"),
                List.of("evaluate"),
                List.of("evaluate", "\tat "),
                List.of("evaluate", "x\n\tat a.B.c(B.java:1)"),
                List.of("evaluate", "FILE", "--format", "yaml"),
                List.of("evaluate", "FILE", "--threshold", "NaN"),
                List.of("evaluate", "FILE", "--threshold", "Infinity"),
                List.of("evaluate", "FILE", "--max-fpr", "0"),
                List.of("evaluate", "FILE", "--weight", "weight", "--ci", "delong"),
                List.of("evaluate", "FILE", "--ci", "bootstrap", "--replicates", "0"),
                List.of("evaluate", "FILE", "--ci", "bootstrap", "--replicates", "20", "--level", "1"),
                List.of("evaluate", "FILE", "--score", "label"),
                List.of("evaluate", "FILE", "--label", "score"),
                List.of("evaluate", "BAD"),
                List.of("evaluate", "MULTI", "--top-k", "0"),
                List.of("evaluate", "MULTI", "--classes", "a,a"),
                List.of("evaluate", "--labels", "FILE", "--scores", "FILE"),
                List.of("compare", "FILE", "--score", "score", "--score", "score"),
                List.of("compare", "FILE", "--score", "score", "--score", "score_b", "--weight", "weight"),
                List.of("compare", "FILE", "FILE", "--id", "id"),
                List.of("compare", "MULTI", "MULTI"),
                List.of("curves", "FILE", "--out", "OUT", "--all-thresholds"),
                List.of("threshold", "FILE", "--by", "budget:-1"),
                List.of("threshold", "FILE", "--by", "cost", "--cost-fp", "-1"),
                List.of("threshold", "FILE", "--by", "fbeta:NaN"),
                List.of("sweep", "FILE", "--grid", "1", "--out", "OUT"),
                List.of("calibrate", "FILE", "--bins", "0"),
                List.of("calibrate", "FILE", "--fit", "prior"),
                List.of("calibrate", "FILE", "--apply", "FILE"),
                List.of("report", "FILE", "--out", "OUT", "--threshold", "2"));
    }

    @ParameterizedTest
    @MethodSource("commandLines")
    void endsInAnExpectedExitCodeWithAMessage(List<String> line) {
        String file = CliFuzzTest.file("binary.csv");
        List<String> argv = line.stream().map(a -> switch (a) {
            case "FILE" -> file;
            case "MULTI" -> CliFuzzTest.file("multiclass_small_ties.csv");
            case "BAD" -> CliFuzzTest.file("malformed.csv");
            default -> a;
        }).toList();
        String[] args = CliFuzzTest.sanitize(argv);
        CliFuzzTest.check(args, CliRunner.run(args));
    }
}

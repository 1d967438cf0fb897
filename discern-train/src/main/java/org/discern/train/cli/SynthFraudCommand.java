package org.discern.train.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.discern.train.SyntheticFraud;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code discern train synth-fraud}: writes the synthetic credit-card fraud table. */
@Command(name = "synth-fraud",
        mixinStandardHelpOptions = true,
        description = {
            "Write a synthetic table with the columns of the credit-card fraud data (Time, V1..V28, "
                    + "Amount, Class; class quoted) and exactly --positives positive rows. V1..V28 are "
                    + "independent normals with PCA-like decreasing scales, seven of them shifted for "
                    + "positives (a quarter of the positives only slightly); Amount is log-normal; Time is "
                    + "non-decreasing over two days. Same seed, same file."})
public final class SynthFraudCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "284807", description = "Rows (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--positives", paramLabel = "N", defaultValue = "492",
            description = "Positive rows (default: ${DEFAULT-VALUE}).")
    int positives;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "CSV file to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        SyntheticFraud g;
        try {
            g = SyntheticFraud.of(rows, positives, seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        g.write(out);
        spec.commandLine().getOut().println("Wrote " + out + ": " + rows + " rows, " + positives + " positive (seed "
                + seed + ").");
        spec.commandLine().getOut().flush();
        return CommandLine.ExitCode.OK;
    }
}

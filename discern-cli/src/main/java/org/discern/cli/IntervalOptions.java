package org.discern.cli;

import org.discern.metrics.BootstrapOptions;
import picocli.CommandLine.Option;

/** Options of confidence intervals and tests, shared by {@code evaluate --ci} and {@code compare}. */
public final class IntervalOptions {
    @Option(names = "--level", paramLabel = "L",
            description = "Confidence level of the intervals, in (0, 1) (default: "
                    + BootstrapOptions.DEFAULT_LEVEL + ").")
    Double level;

    @Option(names = "--replicates", paramLabel = "N",
            description = "Bootstrap replicates (default: " + BootstrapOptions.DEFAULT_REPLICATES + ").")
    Integer replicates;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the bootstrap; the same seed gives the same interval on any machine"
                    + " and thread count (default: " + BootstrapOptions.DEFAULT_SEED + ").")
    Long seed;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads of the bootstrap (default: the available processors).")
    Integer threads;

    /** The confidence level, validated. */
    double level() {
        double l = level == null ? BootstrapOptions.DEFAULT_LEVEL : level;
        if (!(l > 0 && l < 1)) {
            throw new UsageException("--level must be in (0, 1), got " + l);
        }
        return l;
    }

    /** Bootstrap settings from the options and the defaults, validated. */
    BootstrapOptions bootstrap() {
        BootstrapOptions o = BootstrapOptions.defaults().withLevel(level());
        if (replicates != null) {
            if (replicates < 1) {
                throw new UsageException("--replicates must be >= 1, got " + replicates);
            }
            o = o.withReplicates(replicates);
        }
        if (seed != null) {
            o = o.withSeed(seed);
        }
        if (threads != null) {
            if (threads < 1) {
                throw new UsageException("--threads must be >= 1, got " + threads);
            }
            o = o.withThreads(threads);
        }
        return o;
    }
}

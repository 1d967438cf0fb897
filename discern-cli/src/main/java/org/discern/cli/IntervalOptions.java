package org.discern.cli;

import java.util.Locale;

import org.discern.io.HeapBudget;
import org.discern.metrics.BootstrapOptions;
import picocli.CommandLine.Option;

/** Options of confidence intervals and tests, shared by {@code evaluate --ci} and {@code compare}. */
public final class IntervalOptions {
    @Option(names = "--level", paramLabel = "L", converter = OptionBounds.Level.class,
            description = "Confidence level of the intervals, in (0, 1) (default: "
                    + BootstrapOptions.DEFAULT_LEVEL + ").")
    Double level;

    @Option(names = "--replicates", paramLabel = "N", converter = OptionBounds.Replicates.class,
            description = "Bootstrap replicates (default: " + BootstrapOptions.DEFAULT_REPLICATES + ").")
    Integer replicates;

    @Option(names = "--seed", paramLabel = "S", converter = OptionBounds.Seed.class,
            description = "Seed of the bootstrap; the same seed gives the same interval on any machine"
                    + " and thread count (default: " + BootstrapOptions.DEFAULT_SEED + ").")
    Long seed;

    @Option(names = "--threads", paramLabel = "T", converter = OptionBounds.Threads.class,
            description = "Worker threads of the bootstrap (default: the available processors).")
    Integer threads;

    /**
     * Rejects options that would be silently ignored: bootstrap settings without the bootstrap,
     * or any interval option without intervals.
     *
     * @param intervals whether intervals are computed at all
     * @param bootstrap whether they are bootstrapped
     * @param how the option that turns them on, for the message (e.g. "--ci bootstrap")
     */
    void requireUsed(boolean intervals, boolean bootstrap, String how) {
        if (!intervals && level != null) {
            throw new UsageException("--level applies to intervals: add " + how);
        }
        if (!bootstrap) {
            String unused = replicates != null ? "--replicates" : seed != null ? "--seed" : threads != null ? "--threads" : null;
            if (unused != null) {
                throw new UsageException(unused + " applies to the bootstrap: add " + how);
            }
        }
    }

    /** The confidence level (in range: {@link OptionBounds.Level}). */
    double level() {
        return level == null ? BootstrapOptions.DEFAULT_LEVEL : level;
    }

    /** Bootstrap settings from the options and the defaults (in range: {@link OptionBounds}). */
    BootstrapOptions bootstrap() {
        BootstrapOptions o = BootstrapOptions.defaults().withLevel(level());
        if (replicates != null) {
            o = o.withReplicates(replicates);
        }
        if (seed != null) {
            o = o.withSeed(seed);
        }
        if (threads != null) {
            o = o.withThreads(threads);
        }
        return o;
    }

    /**
     * Bootstrap settings for {@code statistics} values per replicate, refused before allocating
     * when the replicate values (a double each, kept, plus a sorted copy) exceed the heap.
     *
     * @throws org.discern.io.HeapLimitException when they do
     */
    BootstrapOptions bootstrap(long statistics) {
        BootstrapOptions o = bootstrap();
        long values = (long) o.replicates() * statistics;
        HeapBudget.check("--replicates", String.format(Locale.ROOT, "%,d replicates x %,d statistics",
                o.replicates(), statistics), values > Long.MAX_VALUE / 16 ? Long.MAX_VALUE : values * 16);
        return o;
    }
}

package org.discern.metrics;

/**
 * Settings of a bootstrap run. Every default lives here.
 *
 * @param replicates number of bootstrap replicates, &gt;= 1 (default {@value #DEFAULT_REPLICATES})
 * @param seed seed of the random draws; replicate {@code b} uses its own generator seeded from
 *     {@code (seed, b)}, so results depend on the seed only, never on {@code threads}
 * @param threads number of worker threads, in [1, {@value #MAX_THREADS}] (a fork-join pool's limit; default:
 *     the available processors)
 * @param level confidence level of the percentile intervals, in (0, 1) (default
 *     {@value #DEFAULT_LEVEL})
 */
public record BootstrapOptions(int replicates, long seed, int threads, double level) {
    /** pROC's and the default number of replicates. */
    public static final int DEFAULT_REPLICATES = 2000;
    /** The seed used when none is given; written into every result. */
    public static final long DEFAULT_SEED = 42L;
    /** Default confidence level. */
    public static final double DEFAULT_LEVEL = 0.95;

    /** The largest number of threads ({@link java.util.concurrent.ForkJoinPool}'s limit). */
    public static final int MAX_THREADS = 0x7fff;

    /** Validates every field. */
    public BootstrapOptions {
        if (replicates < 1) {
            throw new IllegalArgumentException("replicates must be >= 1, got " + replicates);
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be in [1, " + MAX_THREADS + "], got " + threads);
        }
        ConfidenceInterval.checkLevel(level);
    }

    /** 2000 replicates, seed 42, all available processors, level 0.95. */
    public static BootstrapOptions defaults() {
        return new BootstrapOptions(DEFAULT_REPLICATES, DEFAULT_SEED,
                Runtime.getRuntime().availableProcessors(), DEFAULT_LEVEL);
    }

    /** A copy with another number of replicates. */
    public BootstrapOptions withReplicates(int r) {
        return new BootstrapOptions(r, seed, threads, level);
    }

    /** A copy with another seed. */
    public BootstrapOptions withSeed(long s) {
        return new BootstrapOptions(replicates, s, threads, level);
    }

    /** A copy with another number of threads (results do not change). */
    public BootstrapOptions withThreads(int t) {
        return new BootstrapOptions(replicates, seed, t, level);
    }

    /** A copy with another confidence level. */
    public BootstrapOptions withLevel(double l) {
        return new BootstrapOptions(replicates, seed, threads, l);
    }
}

package org.discern.metrics;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Shared generators of binary rows for the property tests: scores with ties, both zeros, negatives and values above 1. */
final class BinaryRowArbitraries {
    private BinaryRowArbitraries() {
    }

    /** A score: eighths (ties), signed zeros, doubles in [0, 1] and [-3, 3], floats widened. */
    static Arbitrary<Double> score() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 8).map(v -> v / 8.0),
                Arbitraries.of(-0.0, 0.0, 1.0, 0.5),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(-3, 3),
                Arbitraries.floats().between(0, 1).map(f -> (double) f));
    }

    /** {@code n} labels: mixed, all positive or all negative. */
    static Arbitrary<boolean[]> labels(int n) {
        return Arbitraries.oneOf(Arbitraries.of(true, false).array(boolean[].class).ofSize(n),
                Arbitraries.of(true).array(boolean[].class).ofSize(n),
                Arbitraries.of(false).array(boolean[].class).ofSize(n));
    }
}

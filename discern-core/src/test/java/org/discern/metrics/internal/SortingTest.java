package org.discern.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The radix sorts against Arrays.sort, on both sides of the size switches. */
class SortingTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 63, 64, 1000, (1 << 16) + 1, Sorting.PARALLEL - 1, Sorting.PARALLEL + 3})
    void sortsIntKeysLikeArraysSort(int n) {
        SplittableRandom rnd = new SplittableRandom(n);
        int[][] inputs = {
            rnd.ints(n).toArray(),
            // float keys with ties, few distinct high digits
            rnd.doubles(n).mapToInt(d -> Sorting.floatKey((float) Math.rint(d * 5000) / 5000)).toArray(),
            // one high digit only: the upper pass is skipped
            rnd.ints(n, 0, 1 << 16).toArray(),
            // one low digit only: the lower pass is skipped
            rnd.ints(n, -100, 100).map(v -> v << 16).toArray(),
        };
        for (int[] a : inputs) {
            int[] expected = a.clone();
            Arrays.sort(expected);
            int[] actual = a.clone();
            Sorting.sort(actual, n, new int[n]);
            assertArrayEquals(expected, actual);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {100, Sorting.PARALLEL + 1})
    void sortsAPrefixOnly(int n) {
        SplittableRandom rnd = new SplittableRandom(3);
        int[] a = rnd.ints(n + 10).toArray();
        int[] expected = a.clone();
        Arrays.sort(expected, 0, n);
        Sorting.sort(a, n, new int[n]);
        assertArrayEquals(expected, a);
    }
}

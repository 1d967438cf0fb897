package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.discern.metrics.internal.Sorting;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The radix sorts agree with a stable comparison sort, on sizes that take every code path. */
class SortingTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 63, 64, 1000, 70_000, 200_000})
    void argsortIsStableAndOrdered(int n) {
        SplittableRandom r = new SplittableRandom(n);
        double[] d = new double[n];
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            // negative, positive, zeros of both signs, many ties
            d[i] = switch (r.nextInt(6)) {
                case 0 -> -0.0;
                case 1 -> 0.0;
                case 2 -> r.nextInt(50) - 25;
                default -> r.nextGaussian() * 1e3;
            };
            f[i] = (float) d[i];
        }
        Integer[] expected = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(expected, Comparator.comparingDouble((Integer i) -> d[i] + 0.0));
        assertArrayEquals(Arrays.stream(expected).mapToInt(Integer::intValue).toArray(), Sorting.argsort(d));
        Integer[] expectedF = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(expectedF, Comparator.comparingDouble((Integer i) -> f[i] + 0.0f));
        assertArrayEquals(Arrays.stream(expectedF).mapToInt(Integer::intValue).toArray(), Sorting.argsort(f));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, 100, 70_000, Sorting.PARALLEL, Sorting.PARALLEL + 3})
    void primitiveSortsMatchArraysSort(int n) {
        SplittableRandom r = new SplittableRandom(7 + n);
        int[] a = r.ints(n).toArray();
        long[] b = r.longs(n).toArray();
        int[] ea = a.clone();
        long[] eb = b.clone();
        Arrays.sort(ea);
        Arrays.sort(eb);
        Sorting.sort(a, n, new int[n]);
        Sorting.sort(b, n, new long[n]);
        assertArrayEquals(ea, a);
        assertArrayEquals(eb, b);
    }

    /** Keys of scores in [0, 1] share their top digits: the two-thread passes skip those and still sort. */
    @ParameterizedTest
    @ValueSource(ints = {Sorting.PARALLEL + 1})
    void twoThreadSortOfProbabilityKeysAndTies(int n) {
        SplittableRandom r = new SplittableRandom(11);
        long[] b = new long[n];
        for (int i = 0; i < n; i++) {
            b[i] = Sorting.doubleKey(r.nextInt(4) == 0 ? r.nextInt(1000) / 1000.0 : r.nextDouble());
        }
        long[] eb = b.clone();
        Arrays.sort(eb);
        Sorting.sort(b, n, new long[n]);
        assertArrayEquals(eb, b);
        long[] same = new long[n];
        Arrays.fill(same, 42L);
        Sorting.sort(same, n, new long[n]);
        assertEquals(42L, same[0]);
        assertEquals(42L, same[n - 1]);
    }

    @ParameterizedTest
    @ValueSource(floats = {0f, -0f, 1f, -1f, Float.MIN_VALUE, -Float.MAX_VALUE, 0.2f})
    void keysRoundTrip(float v) {
        assertEquals(v + 0.0f, Sorting.keyToFloat(Sorting.floatKey(v)));
        assertEquals((double) v + 0.0, Sorting.keyToDouble(Sorting.doubleKey(v)));
    }
}

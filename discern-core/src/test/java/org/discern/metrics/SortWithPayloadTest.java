package org.discern.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;

import org.discern.metrics.internal.Sorting;
import org.junit.jupiter.api.Test;

/** {@link Sorting#sortWithPayload} is a stable signed sort carrying its payload. */
class SortWithPayloadTest {

    @Test
    void equalsAStableComparisonSort() {
        Random r = new Random(11);
        for (int n : new int[] {0, 1, 2, 63, 64, 1000, 70_000}) {
            long[] keys = new long[n];
            int[] payload = new int[n];
            Integer[] idx = new Integer[n];
            for (int i = 0; i < n; i++) {
                // few distinct keys (ties), both signs, extremes
                long k = switch (r.nextInt(6)) {
                    case 0 -> Long.MIN_VALUE;
                    case 1 -> Long.MAX_VALUE;
                    case 2 -> Sorting.doubleKey(-r.nextInt(5) / 3.0);
                    default -> Sorting.doubleKey(r.nextInt(50) / 7.0);
                };
                keys[i] = k;
                payload[i] = i;
                idx[i] = i;
            }
            long[] original = keys.clone();
            Arrays.sort(idx, Comparator.comparingLong(i -> original[i]));
            long[] expectedKeys = new long[n];
            int[] expectedPayload = new int[n];
            for (int i = 0; i < n; i++) {
                expectedKeys[i] = original[idx[i]];
                expectedPayload[i] = idx[i];
            }
            Sorting.sortWithPayload(keys, payload, n);
            assertArrayEquals(expectedKeys, keys, "n=" + n);
            assertArrayEquals(expectedPayload, payload, "n=" + n);
        }
    }

    @Test
    void doubleColumnsSortLikeTheFull64BitSort() {
        Random r = new Random(12);
        for (int n : new int[] {1, 2, 100, 5000, 70_000}) {
            double[] d = new double[n];
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                // values that collide as floats (1 + tiny steps), exact ties, zeros of both signs
                d[i] = switch (r.nextInt(5)) {
                    case 0 -> 1 + r.nextInt(4) * 1e-12;
                    case 1 -> r.nextBoolean() ? 0.0 : -0.0;
                    case 2 -> -r.nextInt(3) / 3.0;
                    default -> r.nextDouble();
                };
                labels[i] = r.nextInt(4);
            }
            long[] expectedKeys = new long[n];
            int[] expectedPayload = new int[n];
            for (int i = 0; i < n; i++) {
                expectedKeys[i] = Sorting.doubleKey(d[i]);
                expectedPayload[i] = i;
            }
            Sorting.sortWithPayload(expectedKeys, expectedPayload, n);
            ClassColumn.SortedDoubles byIndex = ClassColumn.sortDoubles(d, labels, 4, false);
            assertArrayEquals(expectedKeys, byIndex.keys(), "n=" + n);
            assertArrayEquals(expectedPayload, byIndex.payload(), "n=" + n);
            for (int q = 0; q < n; q++) {
                expectedPayload[q] = labels[expectedPayload[q]];
            }
            // labels packed beside the index (4 classes), and read afterwards (a bound too wide to pack)
            for (int bound : new int[] {4, 1 << 30}) {
                ClassColumn.SortedDoubles byLabel = ClassColumn.sortDoubles(d, labels, bound, true);
                assertArrayEquals(expectedKeys, byLabel.keys(), "keys n=" + n + ", bound " + bound);
                assertArrayEquals(expectedPayload, byLabel.payload(), "labels n=" + n + ", bound " + bound);
            }
        }
    }
}

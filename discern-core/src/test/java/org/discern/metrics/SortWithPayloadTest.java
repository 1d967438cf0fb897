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
}

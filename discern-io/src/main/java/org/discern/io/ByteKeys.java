package org.discern.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A read-only map from the UTF-8 bytes of a few names (class names) to their index, looked up
 * straight from a range of a byte buffer without making a string: the chunked reader's label
 * lookup. Open addressing; safe to share between threads once built.
 */
final class ByteKeys {
    private final byte[][] keys; // slot -> key bytes, or null
    private final int[] values; // slot -> index
    private final int mask;

    private ByteKeys(List<String> names) {
        int size = Integer.highestOneBit(Math.max(4, names.size() * 2 - 1)) << 1;
        keys = new byte[size][];
        values = new int[size];
        mask = size - 1;
        for (int i = 0; i < names.size(); i++) {
            byte[] k = names.get(i).getBytes(StandardCharsets.UTF_8);
            int s = hash(k, 0, k.length) & mask;
            while (keys[s] != null) {
                s = (s + 1) & mask;
            }
            keys[s] = k;
            values[s] = i;
        }
    }

    /** The map from each of {@code names} (distinct) to its position in the list. */
    static ByteKeys of(List<String> names) {
        return new ByteKeys(names);
    }

    /** The index of the name whose bytes are {@code b[from, to)}, or -1. */
    int get(byte[] b, int from, int to) {
        int s = hash(b, from, to) & mask;
        int len = to - from;
        while (true) {
            byte[] k = keys[s];
            if (k == null) {
                return -1;
            }
            if (k.length == len && Arrays.equals(k, 0, len, b, from, to)) {
                return values[s];
            }
            s = (s + 1) & mask;
        }
    }

    private static int hash(byte[] b, int from, int to) {
        int h = 0x811c9dc5;
        for (int i = from; i < to; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}

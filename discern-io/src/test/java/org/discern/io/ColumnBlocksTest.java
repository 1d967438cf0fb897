package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The block columns of the chunked reader: appends of any length, across block boundaries,
 * compact to exactly the values appended, in order (checked against plain arrays built
 * alongside).
 */
class ColumnBlocksTest {
    @Test
    void doublesCompactToWhatWasAppendedAcrossBlocks() {
        SplittableRandom r = new SplittableRandom(14);
        for (int block : new int[] {1, 3, 7, 64}) {
            ColumnBlocks.Doubles plain = new ColumnBlocks.Doubles(block);
            ColumnBlocks.Doubles strided = new ColumnBlocks.Doubles(block);
            double[] expectPlain = new double[1000];
            double[] expectStrided = new double[1000];
            int n = 0;
            int m = 0;
            while (n < 900) {
                int count = r.nextInt(0, 40);
                double[] src = new double[count * 3 + 2];
                for (int i = 0; i < src.length; i++) {
                    src[i] = r.nextDouble();
                }
                int from = r.nextInt(0, 2);
                plain.add(src, from, count);
                System.arraycopy(src, from, expectPlain, n, count);
                n += count;
                strided.addStrided(src, from, 3, count);
                for (int i = 0; i < count; i++) {
                    expectStrided[m++] = src[from + 3 * i];
                }
            }
            assertArrayEquals(java.util.Arrays.copyOf(expectPlain, n), plain.toArray(), "block " + block);
            assertArrayEquals(java.util.Arrays.copyOf(expectStrided, m), strided.toArray(), "block " + block);
            assertEquals(0, plain.toArray().length, "a compacted column is empty");
        }
    }

    @Test
    void intsAndBytesCompactToWhatWasAppended() {
        ColumnBlocks.Ints ints = new ColumnBlocks.Ints(4);
        ints.add(new int[] {9, 1, 2, 3, 4, 5, 6}, 1, 6);
        ints.add(new int[] {7, 8, 9}, 0, 3);
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, ints.toArray());

        // binary label codes: chunk codes 0,1,1,0,2 become file codes 1,0,0,1,1; then 0,1 appended;
        // file code 0 is positive
        ColumnBlocks.Bytes codes = new ColumnBlocks.Bytes(2);
        codes.addMapped(new int[] {0, 1, 1, 0, 2}, 0, 5, new byte[] {1, 0, 1});
        codes.add(new byte[] {0, 0, 1}, 1, 2);
        assertArrayEquals(new boolean[] {false, true, true, false, false, true, false},
                codes.toBooleans(new boolean[] {true, false}));
    }
}

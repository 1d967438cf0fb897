package org.discern.metrics;

import java.util.ArrayDeque;
import java.util.Arrays;

import org.discern.metrics.internal.Sorting;

/**
 * A growing list of {@code long} keys ({@link Sorting#doubleKey}) held in blocks of
 * {@value #BLOCK} keys (256 KiB each: ordinary objects for the collector, never humongous in G1,
 * so a heap nearly full of them can still be compacted), which can be sorted without a second
 * copy of the keys: {@link #sort()} needs a few blocks beside them. Used by
 * {@link BinaryScoreBlocks} so that huge inputs are never held twice.
 *
 * <p>Mutable; not thread-safe. Once sorted and handed to {@link CompactPoints} it is only read.
 */
final class KeyBlocks {
    static final int SHIFT = 15;
    /** Keys per block. */
    static final int BLOCK = 1 << SHIFT;
    static final int MASK = BLOCK - 1;
    /** Blocks sorted together as one run before the merges (16 MiB of keys and as much scratch). */
    static final int RUN_BLOCKS = 64;

    // blocks[0, count): every block full but the last, which holds size - (count - 1) * BLOCK keys
    private long[][] blocks = new long[16][];
    private int count;
    private long size;

    /** Number of keys. */
    long size() {
        return size;
    }

    /** Appends a key. */
    void add(long key) {
        int at = (int) (size & MASK);
        if (at == 0) {
            if (count == blocks.length) {
                blocks = Arrays.copyOf(blocks, count * 2);
            }
            blocks[count++] = new long[BLOCK];
        }
        blocks[count - 1][at] = key;
        size++;
    }

    /** The key at {@code index}. */
    long get(long index) {
        return blocks[(int) (index >>> SHIFT)][(int) (index & MASK)];
    }

    /** Keys in block {@code b}. */
    private int length(int b) {
        return (int) Math.min(BLOCK, size - ((long) b << SHIFT));
    }

    /** Appends every key of {@code other}, releasing its blocks as they are copied; {@code other} is then empty. */
    void addAll(KeyBlocks other) {
        for (int b = 0; b < other.count; b++) {
            long[] blk = other.blocks[b];
            int len = other.length(b);
            for (int i = 0; i < len; i++) {
                add(blk[i]);
            }
            other.blocks[b] = null;
        }
        other.clear();
    }

    /** The keys as one array of their exact length, releasing each block once copied; this is then empty. */
    long[] toArray() {
        long[] out = new long[Math.toIntExact(size)];
        for (int b = 0; b < count; b++) {
            System.arraycopy(blocks[b], 0, out, b << SHIFT, length(b));
            blocks[b] = null;
        }
        clear();
        return out;
    }

    private void clear() {
        blocks = new long[16][];
        count = 0;
        size = 0;
    }

    /**
     * Sorts the keys ascending by signed value. Runs of {@value #RUN_BLOCKS} blocks are radix
     * sorted through one contiguous buffer, then runs are merged two by two; a merge writes into
     * blocks released by its inputs, so beside the keys only the buffer (with its scratch) and a
     * few blocks are alive. The sorted order of values is unique, so the result is the same as
     * any sort's.
     */
    void sort() {
        sort(RUN_BLOCKS);
    }

    /** As {@link #sort()} with runs of {@code runBlocks} blocks (tests use 1, to merge small inputs). */
    void sort(int runBlocks) {
        if (size < 2) {
            return;
        }
        int runLength = (int) Math.min(size, (long) runBlocks << SHIFT);
        long[] buffer = new long[runLength];
        long[] scratch = new long[runLength];
        ArrayDeque<Run> runs = new ArrayDeque<>();
        for (int first = 0; first < count; first += runBlocks) {
            int last = Math.min(count, first + runBlocks);
            int len = 0;
            for (int b = first; b < last; b++) {
                System.arraycopy(blocks[b], 0, buffer, len, length(b));
                len += length(b);
            }
            Sorting.sort(buffer, len, scratch);
            len = 0;
            for (int b = first; b < last; b++) {
                System.arraycopy(buffer, len, blocks[b], 0, length(b));
                len += length(b);
            }
            runs.add(new Run(Arrays.copyOfRange(blocks, first, last), len));
        }
        buffer = null;
        scratch = null;
        ArrayDeque<long[]> spare = new ArrayDeque<>();
        while (runs.size() > 1) {
            ArrayDeque<Run> next = new ArrayDeque<>();
            while (runs.size() > 1) {
                next.add(merge(runs.poll(), runs.poll(), spare));
            }
            if (!runs.isEmpty()) {
                next.add(runs.poll());
            }
            runs = next;
        }
        Run all = runs.poll();
        blocks = all.blocks;
        count = all.blocks.length;
    }

    /** Sorted keys in blocks, every block full but the last. */
    private record Run(long[][] blocks, long length) {
        int length(int b) {
            return (int) Math.min(BLOCK, length - ((long) b << SHIFT));
        }
    }

    /** Merges two sorted runs; each input block is released to {@code spare} once read, and reused. */
    private static Run merge(Run a, Run b, ArrayDeque<long[]> spare) {
        long total = a.length + b.length;
        long[][] out = new long[(int) ((total + MASK) >>> SHIFT)][];
        int ob = 0;
        long[] o = null;
        int oi = BLOCK;
        int ab = 0;
        long[] x = a.blocks[0];
        int xi = 0;
        int xEnd = a.length(0);
        int bb = 0;
        long[] y = b.blocks[0];
        int yi = 0;
        int yEnd = b.length(0);
        while (x != null && y != null) {
            if (oi == BLOCK) {
                o = spare.isEmpty() ? new long[BLOCK] : spare.pop();
                out[ob++] = o;
                oi = 0;
            }
            // steps that can neither exhaust an input block nor fill the output block
            int steps = Math.min(BLOCK - oi, Math.min(xEnd - xi, yEnd - yi));
            for (int s = 0; s < steps; s++) {
                long u = x[xi];
                long v = y[yi];
                if (u <= v) {
                    o[oi++] = u;
                    xi++;
                } else {
                    o[oi++] = v;
                    yi++;
                }
            }
            if (xi == xEnd) {
                spare.push(x);
                a.blocks[ab] = null;
                ab++;
                x = ab < a.blocks.length ? a.blocks[ab] : null;
                xi = 0;
                xEnd = x == null ? 0 : a.length(ab);
            }
            if (yi == yEnd) {
                spare.push(y);
                b.blocks[bb] = null;
                bb++;
                y = bb < b.blocks.length ? b.blocks[bb] : null;
                yi = 0;
                yEnd = y == null ? 0 : b.length(bb);
            }
        }
        // the rest of the input not yet exhausted
        Run rest = x != null ? a : b;
        int rb = x != null ? ab : bb;
        long[] r = x != null ? x : y;
        int ri = x != null ? xi : yi;
        int rEnd = x != null ? xEnd : yEnd;
        while (r != null) {
            if (oi == BLOCK) {
                o = spare.isEmpty() ? new long[BLOCK] : spare.pop();
                out[ob++] = o;
                oi = 0;
            }
            int len = Math.min(BLOCK - oi, rEnd - ri);
            System.arraycopy(r, ri, o, oi, len);
            oi += len;
            ri += len;
            if (ri == rEnd) {
                spare.push(r);
                rest.blocks[rb] = null;
                rb++;
                r = rb < rest.blocks.length ? rest.blocks[rb] : null;
                ri = 0;
                rEnd = r == null ? 0 : rest.length(rb);
            }
        }
        return new Run(out, total);
    }
}

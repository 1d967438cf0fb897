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
        Writer out = new Writer(total, spare);
        Reader x = new Reader(a, spare);
        Reader y = new Reader(b, spare);
        while (x.keys != null && y.keys != null) {
            // steps that can neither exhaust an input block nor fill the output block
            int steps = Math.min(out.room(), Math.min(x.end - x.at, y.end - y.at));
            long[] xs = x.keys;
            long[] ys = y.keys;
            long[] o = out.keys;
            int xi = x.at;
            int yi = y.at;
            int oi = out.at;
            for (int s = 0; s < steps; s++) {
                long u = xs[xi];
                long v = ys[yi];
                if (u <= v) {
                    o[oi++] = u;
                    xi++;
                } else {
                    o[oi++] = v;
                    yi++;
                }
            }
            x.at = xi;
            y.at = yi;
            out.at = oi;
            x.nextBlockIfRead();
            y.nextBlockIfRead();
        }
        // the rest of the input not yet exhausted
        Reader rest = x.keys != null ? x : y;
        while (rest.keys != null) {
            int len = Math.min(out.room(), rest.end - rest.at);
            System.arraycopy(rest.keys, rest.at, out.keys, out.at, len);
            out.at += len;
            rest.at += len;
            rest.nextBlockIfRead();
        }
        return new Run(out.blocks, total);
    }

    /** A run read block by block; each block read is released to the spare blocks. */
    private static final class Reader {
        private final Run run;
        private final ArrayDeque<long[]> spare;
        private int block = -1;
        // the block being read (null once the run is read), the next key in it, its length
        long[] keys;
        int at;
        int end;

        Reader(Run run, ArrayDeque<long[]> spare) {
            this.run = run;
            this.spare = spare;
            next();
        }

        /** Moves to the next block once this one is read, releasing it. */
        void nextBlockIfRead() {
            if (at == end) {
                spare.push(keys);
                run.blocks[block] = null;
                next();
            }
        }

        private void next() {
            block++;
            keys = block < run.blocks.length ? run.blocks[block] : null;
            at = 0;
            end = keys == null ? 0 : run.length(block);
        }
    }

    /** The merged run written block by block, each new block a spare one when there is one. */
    private static final class Writer {
        private final ArrayDeque<long[]> spare;
        final long[][] blocks;
        private int count;
        // the block being written and the next place in it
        long[] keys;
        int at = BLOCK;

        Writer(long total, ArrayDeque<long[]> spare) {
            this.spare = spare;
            this.blocks = new long[(int) ((total + MASK) >>> SHIFT)][];
        }

        /** Room left in the block being written, starting a new block when it is full. */
        int room() {
            if (at == BLOCK) {
                keys = spare.isEmpty() ? new long[BLOCK] : spare.pop();
                blocks[count++] = keys;
                at = 0;
            }
            return BLOCK - at;
        }
    }
}

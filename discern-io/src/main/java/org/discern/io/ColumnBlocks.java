package org.discern.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Primitive columns that grow in fixed-size blocks, so a column of unknown length never needs a
 * copy of twice its size while it grows; {@code toArray} compacts it once into an array of the
 * exact length, dropping each block as soon as it is copied (the peak is the column plus one
 * block). Used by the chunked reader ({@link ChunkedCsv}) to collect a file's rows.
 */
final class ColumnBlocks {
    /** Elements per block: 8 MiB of doubles. */
    static final int BLOCK = 1 << 20;

    private ColumnBlocks() {
    }

    /**
     * Rows of {@code k} doubles per block for a row-major matrix: as many as fit in 8 MiB with
     * the array's header, so that each block fills whole G1 regions (a block of exactly 8 MiB of
     * values needs one more region for its 16-byte header: 25% of the heap wasted).
     */
    static int rowsPerBlock(int k) {
        return Math.max(1, ((8 << 20) - 16) / (8 * k));
    }

    /** Where the element at {@code index} lives: block {@code index / BLOCK}, place {@code index % BLOCK}. */
    private abstract static class Column<A> {
        final List<A> blocks = new ArrayList<>();
        final int block;
        long size;

        Column(int block) {
            this.block = block;
        }

        abstract A newBlock(int length);

        /** The block that holds element {@code size}, created when needed. */
        final A tail() {
            int b = (int) (size / block);
            if (b == blocks.size()) {
                blocks.add(newBlock(block));
            }
            return blocks.get(b);
        }

        /** Room left in the tail block. */
        final int room() {
            return block - (int) (size % block);
        }

        final int at() {
            return (int) (size % block);
        }

        /** Appends {@code src[from, from + count)} ({@code src} an array of the blocks' type). */
        final void append(A src, int from, int count) {
            while (count > 0) {
                int len = Math.min(count, room());
                System.arraycopy(src, from, tail(), at(), len);
                size += len;
                from += len;
                count -= len;
            }
        }

        /**
         * Copies every block into {@code out} (an array of exactly {@link #size}), dropping each;
         * the column is empty afterwards.
         */
        final <T> T compact(T out) {
            long done = 0;
            for (int b = 0; b < blocks.size(); b++) {
                int len = (int) Math.min(block, size - done);
                System.arraycopy(blocks.get(b), 0, out, (int) done, len);
                blocks.set(b, null);
                done += len;
            }
            blocks.clear();
            size = 0;
            return out;
        }
    }

    /** A growing column of doubles. */
    static final class Doubles extends Column<double[]> {
        Doubles() {
            this(BLOCK);
        }

        Doubles(int block) {
            super(block);
        }

        @Override
        double[] newBlock(int length) {
            return new double[length];
        }

        /** Appends {@code src[from, from + count)}. */
        void add(double[] src, int from, int count) {
            append(src, from, count);
        }

        /** Appends {@code count} values {@code src[from], src[from + stride], ...}. */
        void addStrided(double[] src, int from, int stride, int count) {
            while (count > 0) {
                double[] t = tail();
                int at = at();
                int len = Math.min(count, room());
                for (int i = 0; i < len; i++, from += stride) {
                    t[at + i] = src[from];
                }
                size += len;
                count -= len;
            }
        }

        /** The column as one array of its exact length; the column is empty afterwards. */
        double[] toArray() {
            return compact(new double[(int) size]);
        }

        /**
         * The blocks themselves (each of the block length; the last one filled up to the size),
         * without compacting them; the column is empty afterwards.
         */
        double[][] takeBlocks() {
            double[][] out = blocks.toArray(new double[0][]);
            blocks.clear();
            size = 0;
            return out;
        }
    }

    /** A growing column of ints. */
    static final class Ints extends Column<int[]> {
        Ints() {
            this(BLOCK);
        }

        Ints(int block) {
            super(block);
        }

        @Override
        int[] newBlock(int length) {
            return new int[length];
        }

        /** Appends {@code src[from, from + count)}. */
        void add(int[] src, int from, int count) {
            append(src, from, count);
        }

        /** The column as one array of its exact length; the column is empty afterwards. */
        int[] toArray() {
            return compact(new int[(int) size]);
        }
    }

    /** A growing column of small codes (binary label codes, 0/1 indicators). */
    static final class Bytes extends Column<byte[]> {
        Bytes() {
            this(BLOCK);
        }

        Bytes(int block) {
            super(block);
        }

        @Override
        byte[] newBlock(int length) {
            return new byte[length];
        }

        /** Appends {@code map[src[i]]} for each {@code i} in {@code [from, from + count)}. */
        void addMapped(int[] src, int from, int count, byte[] map) {
            while (count > 0) {
                byte[] t = tail();
                int at = at();
                int len = Math.min(count, room());
                for (int i = 0; i < len; i++) {
                    t[at + i] = map[src[from + i]];
                }
                size += len;
                from += len;
                count -= len;
            }
        }

        /** Appends {@code src[from, from + count)}. */
        void add(byte[] src, int from, int count) {
            append(src, from, count);
        }

        /**
         * The column as booleans of its exact length, {@code truth[code]} for each code, dropping
         * each block as soon as it is converted; the column is empty afterwards.
         */
        boolean[] toBooleans(boolean[] truth) {
            boolean[] out = new boolean[(int) size];
            int done = 0;
            for (int b = 0; b < blocks.size(); b++) {
                byte[] blk = blocks.get(b);
                int len = (int) Math.min(block, size - done);
                for (int i = 0; i < len; i++) {
                    out[done + i] = truth[blk[i]];
                }
                blocks.set(b, null);
                done += len;
            }
            blocks.clear();
            size = 0;
            return out;
        }
    }
}

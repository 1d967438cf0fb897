package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Where the reading thread cuts a chunk ({@link ChunkedCsv#safeCut}, quotes counted eight bytes at
 * a time): the same cut as a walk over every byte, on random bytes rich in quotes, newlines and
 * bytes one bit away from a quote, at every offset and length.
 */
class ChunkedCsvCutTest {
    /** The byte-by-byte cut: the count of quotes, then back to the last newline outside quotes. */
    private static int cutByBytes(byte[] buf, int from, int len) {
        int quotes = 0;
        for (int i = from; i < len; i++) {
            quotes += buf[i] == '"' ? 1 : 0;
        }
        for (int i = len - 1; i >= from; i--) {
            if (buf[i] == '"') {
                quotes--;
            } else if (buf[i] == '\n' && (quotes & 1) == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    @Test
    void cutsWhereTheByteByByteWalkCuts() {
        SplittableRandom r = new SplittableRandom(14);
        // a quote, a newline, and bytes that differ from a quote in one bit (or are 0x00, 0xff, 0x7f)
        byte[] alphabet = {'"', '\n', 'a', ',', '0', (byte) 0xa2, 0x23, 0x20, 0x02, 0x62, 0x00, (byte) 0xff, 0x7f,
            (byte) 0x80, 0x21, '\r'};
        for (int t = 0; t < 20_000; t++) {
            int n = r.nextInt(1, 80);
            byte[] buf = new byte[n];
            int kinds = r.nextInt(1, alphabet.length + 1);
            for (int i = 0; i < n; i++) {
                buf[i] = alphabet[r.nextInt(kinds)];
            }
            int from = r.nextInt(n);
            int len = r.nextInt(from, n + 1);
            int quotes = 0;
            for (int i = from; i < len; i++) {
                quotes += buf[i] == '"' ? 1 : 0;
            }
            assertEquals(quotes, ChunkedCsv.quotes(buf, from, len));
            assertEquals(cutByBytes(buf, from, len), ChunkedCsv.safeCut(buf, from, len));
        }
    }

    @Test
    void countsEveryQuoteOfALongBuffer() {
        byte[] buf = new byte[1 << 16];
        java.util.Arrays.fill(buf, (byte) '"');
        assertEquals(buf.length, ChunkedCsv.quotes(buf, 0, buf.length));
        assertEquals(buf.length - 9, ChunkedCsv.quotes(buf, 3, buf.length - 6));
        buf[buf.length - 1] = '\n';
        assertEquals(-1, ChunkedCsv.safeCut(buf, 0, buf.length)); // odd: the newline is inside quotes
        assertEquals(buf.length, ChunkedCsv.safeCut(buf, 1, buf.length));
    }
}

package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gzip inflated on its own thread ({@link InflaterThread}) and the chunked reader on gzip files:
 * the bytes are those {@code GZIPInputStream} gives, across members and block boundaries; an
 * error comes after every byte before it; an error past the first chunk is still reported at its
 * own line.
 */
class InflaterThreadTest {
    @TempDir
    Path dir;

    private static byte[] gzip(byte[] text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text);
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] text(int lines, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            sb.append(r.nextInt(2)).append(',').append(r.nextDouble()).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void givesTheBytesOfEveryMemberInOrderWhateverTheBlockAndDepth() throws IOException {
        byte[] one = text(300, 1);
        byte[] two = text(200, 2);
        byte[] expected = concat(one, two);
        byte[] twoMembers = concat(gzip(one), gzip(two));
        for (int block : new int[] {1, 7, 4096, 1 << 20}) {
            for (int depth : new int[] {1, 3}) {
                try (InputStream in = new InflaterThread(new ByteArrayInputStream(twoMembers), block, depth)) {
                    assertArrayEquals(expected, in.readAllBytes(), "block " + block + ", depth " + depth);
                    assertEquals(-1, in.read());
                }
            }
        }
    }

    @Test
    void aTruncatedStreamFailsAfterTheBytesBeforeTheCut() throws IOException {
        byte[] plain = text(2000, 3);
        byte[] z = gzip(plain);
        byte[] cut = Arrays.copyOf(z, z.length / 2);
        try (InputStream in = new InflaterThread(new ByteArrayInputStream(cut), 64, 2)) {
            byte[] got = new byte[plain.length];
            int n = 0;
            IOException e = null;
            try {
                int r;
                while ((r = in.read(got, n, Math.min(100, got.length - n))) > 0) {
                    n += r;
                }
            } catch (IOException x) {
                e = x;
            }
            assertNotNull(e, "a truncated stream is an error, not an early end");
            assertTrue(n > 0 && n < plain.length, "bytes before the cut arrive first: " + n);
            assertArrayEquals(Arrays.copyOf(plain, n), Arrays.copyOf(got, n));
        }
        try (InputStream in = new InflaterThread(new ByteArrayInputStream(new byte[] {0x1f, (byte) 0x8b, 1, 2}), 64, 2)) {
            assertThrows(IOException.class, in::readAllBytes);
        }
    }

    @Test
    void closingBeforeTheEndStopsTheInflater() throws IOException {
        byte[] z = gzip(text(50_000, 4));
        InflaterThread in = new InflaterThread(new ByteArrayInputStream(z), 16, 1);
        assertTrue(in.read() >= 0);
        in.close(); // the inflater, blocked on the full hand-off, must not hang the test
    }

    /** A file of two gzip members, read in chunks of 64 bytes: the same rows as the sequential reader. */
    @Test
    void chunkedReaderReadsMultiMemberGzipLikeTheSequentialReader() throws IOException {
        byte[] one = concat("label,score\n".getBytes(StandardCharsets.US_ASCII), text(400, 5));
        byte[] two = text(300, 6);
        Path file = dir.resolve("two-members.csv.gz");
        Files.write(file, concat(gzip(one), gzip(two)));
        InputSpec spec = InputSpec.builder().file(file).build();
        BinaryPredictions expected = (BinaryPredictions) BinaryCsvReader.of(spec).read(file);
        BinaryPredictions got = (BinaryPredictions) ChunkedCsv.read(file, spec, 64, 2);
        assertNotNull(got, "the chunked reader takes a clean multi-member gzip file");
        assertEquals(700, got.size());
        assertArrayEquals(expected.scores(), got.scores());
        assertArrayEquals(expected.labels(), got.labels());
    }

    /**
     * A bad score on line 602 of a gzip file (far past the first 64-byte chunk, in the second
     * member): the chunked reader declines, and reading names that line, not a later one.
     */
    @Test
    void anErrorPastTheFirstChunkIsReportedAtItsLine() throws IOException {
        byte[] one = concat("label,score\n".getBytes(StandardCharsets.US_ASCII), text(400, 7));
        String bad = new String(text(600, 8), StandardCharsets.US_ASCII);
        String[] lines = bad.split("\n");
        lines[200] = "1,0.5x"; // file line 1 + 400 + 201 = 602
        lines[500] = "1,oops"; // a later error, never the one reported
        Path file = dir.resolve("bad.csv.gz");
        Files.write(file, concat(gzip(one), gzip((String.join("\n", lines) + "\n").getBytes(StandardCharsets.US_ASCII))));
        InputSpec spec = InputSpec.builder().file(file).build();
        assertNull(ChunkedCsv.read(file, spec, 64, 2));
        InputException e = assertThrows(InputException.class, () -> PredictionReader.read(spec));
        assertEquals(602, e.line(), e.getMessage());
        assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains("0.5x"), e.getMessage());
    }
}

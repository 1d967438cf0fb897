package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gzip input (RFC 1952) on both reader paths, the sequential one ({@link DelimitedFile}) and the
 * chunked one ({@link ChunkedCsv}): concatenated members are one stream, anything after the last
 * member is an error naming the file and the byte offset where it starts.
 */
class GzipMembersTest {
    private static final String HEAD = "label,score\n";
    private static final String ROWS_A = "1,0.9\n0,0.2\n";
    private static final String ROWS_B = "1,0.4\n0,0.7\n1,0.6\n";

    @TempDir
    Path dir;

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static Predictions read(Path p) throws IOException {
        return PredictionReader.read(InputSpec.builder().file(p).build());
    }

    @Test
    void concatenatedMembersAreOneStreamOnBothPaths() throws IOException {
        // cat a.gz b.gz: the second member continues the first one's text
        Path both = write("both.csv.gz", concat(gzip(HEAD + ROWS_A), gzip(ROWS_B)));
        BinaryPredictions p = assertInstanceOf(BinaryPredictions.class, read(both));
        assertArrayEquals(new double[] {0.9, 0.2, 0.4, 0.7, 0.6}, p.scores(), 0.0);
        assertArrayEquals(new boolean[] {true, false, true, false, true}, p.labels());
        // the chunked reader reads the same, with chunks of a few bytes too
        for (int chunk : new int[] {3, 1 << 16}) {
            BinaryPredictions c = assertInstanceOf(BinaryPredictions.class,
                    ChunkedCsv.read(both, InputSpec.builder().file(both).build(), chunk, 2), "chunk " + chunk);
            assertArrayEquals(p.scores(), c.scores(), 0.0);
            assertArrayEquals(p.labels(), c.labels());
        }
        // an empty member in between and a member that splits a line are fine too
        Path split = write("split.csv.gz", concat(gzip(HEAD + "1,0."), gzip(""), gzip("9\n0,0.2\n")));
        assertArrayEquals(new double[] {0.9, 0.2}, assertInstanceOf(BinaryPredictions.class, read(split)).scores(),
                0.0);
    }

    @Test
    void aLaterMemberIsReadFromAPipeWhoseAvailableIsZero() throws IOException {
        // the JDK's GZIPInputStream looks for a next member only when available() > 0
        byte[] bytes = concat(gzip(HEAD + ROWS_A), gzip(ROWS_B));
        InputStream pipe = new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int available() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 7)); // short reads, as a pipe gives
            }
        };
        try (GzipMembers in = new GzipMembers("pipe", pipe, 512)) {
            assertEquals(HEAD + ROWS_A + ROWS_B, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void trailingBytesAfterTheLastMemberAreAnErrorWithTheirByteOffset() throws IOException {
        byte[] good = concat(gzip(HEAD + ROWS_A), gzip(ROWS_B));
        String[][] tails = {{"garbage", "text appended"}, {"\0\0\0\0", "zero padding"}, {"\u001f", "half a magic"},
            {"\u001f\u008b\u0007", "a header of another method"}};
        for (String[] tail : tails) {
            byte[] extra = tail[0].getBytes(StandardCharsets.ISO_8859_1);
            Path p = write("tail.csv.gz", concat(good, extra));
            InputException e = assertThrows(InputException.class, () -> read(p), tail[1]);
            assertEquals(p.toString(), e.file(), tail[1]);
            assertTrue(e.getMessage().startsWith(p + ": byte offset " + good.length + ": expected the end of the file"
                    + " or another gzip member after the last gzip member, found other bytes (trailing garbage"),
                    tail[1] + ": " + e.getMessage());
            // the chunked reader declines it, so the sequential reader names the problem
            assertNull(ChunkedCsv.read(p, InputSpec.builder().file(p).build(), 5, 2), tail[1]);
            assertNull(ChunkedCsv.read(p, InputSpec.builder().file(p).build()), tail[1]);
        }
        // the same bytes without the tail read fine on both paths
        Path fine = write("fine.csv.gz", good);
        assertNotNull(ChunkedCsv.read(fine, InputSpec.builder().file(fine).build(), 5, 2));
        assertEquals(5, read(fine).size());
    }

    @Test
    void aTrailingGarbageErrorIsFoundAfterManyRowsToo() throws IOException {
        // large enough that the garbage is met long after the first rows were parsed
        StringBuilder text = new StringBuilder(HEAD);
        for (int i = 0; i < 200_000; i++) {
            text.append(i % 2).append(",0.").append(i % 1000).append('\n');
        }
        byte[] good = gzip(text.toString());
        Path p = write("big.csv.gz", concat(good, "PK\3\4".getBytes(StandardCharsets.ISO_8859_1)));
        InputException e = assertThrows(InputException.class, () -> read(p));
        assertTrue(e.getMessage().startsWith(p + ": byte offset " + good.length + ": "), e.getMessage());
    }

    @Test
    void damagedMembersAreErrorsWithTheirByteOffset() throws IOException {
        byte[] a = gzip(HEAD + ROWS_A);
        byte[] b = gzip(ROWS_B);
        // truncated inside the second member's data
        byte[] truncated = Arrays.copyOf(concat(a, b), a.length + b.length - 12);
        InputException cut = assertThrows(InputException.class, () -> read(write("cut.csv.gz", truncated)));
        assertTrue(cut.problem().contains("(a truncated gzip stream)"), cut.getMessage());
        // the second member's CRC-32 changed: the trailer starts 8 bytes before its end
        byte[] badCrc = concat(a, b);
        badCrc[badCrc.length - 8] ^= 1;
        InputException crc = assertThrows(InputException.class, () -> read(write("crc.csv.gz", badCrc)));
        assertTrue(crc.problem().startsWith("byte offset " + (badCrc.length - 8) + ": expected the gzip trailer to"
                + " match the data"), crc.getMessage());
        // a second member whose header is cut short
        byte[] halfHeader = concat(a, Arrays.copyOf(b, 6));
        InputException half = assertThrows(InputException.class, () -> read(write("half.csv.gz", halfHeader)));
        assertEquals("byte offset " + a.length + ": expected a complete gzip header, found the end of the file"
                + " (a truncated gzip stream)", half.problem());
    }
}

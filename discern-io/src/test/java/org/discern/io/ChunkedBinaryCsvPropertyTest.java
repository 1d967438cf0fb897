package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The chunked parallel reader against the plain sequential one ({@link BinaryCsvReader}, the
 * oracle) on random files: random quoting, quoted newlines and separators, escaped quotes, CRLF,
 * BOM, empty lines, gzip, bad rows, and chunk sizes down to a few bytes. Either the chunked
 * reader declines (and the sequential one then reads the file), or it gives exactly the
 * sequential result; it never accepts a file the sequential reader refuses, and on a plainly well
 * formed file it never declines.
 */
class ChunkedBinaryCsvPropertyTest {
    private static final String[] GOOD_SCORES = {"0", "1", "-0", "0.5", "+.5", "1E-3", "1e+2", "4.9e-324",
        "0.30000000000000004", "123456789012345678901", " 0.25", "0.75 ", "-17.125"};
    private static final String[] BAD_SCORES = {"nan", "inf", "abc", "", "1d", "0x10", "1e400", "- 1"};
    private static final String[] NOTES = {"plain", "\"quoted\"", "\"with,comma\"", "\"with\nnewline\"",
        "\"with\r\nCRLF\"", "\"\"", "\"a\"\"b\"", "\"x,\ny\""};

    @Property(tries = 400)
    void chunkedReaderAgreesWithTheSequentialOne(@ForAll long seed, @ForAll @IntRange(min = 1, max = 200) int chunk,
            @ForAll @IntRange(min = 1, max = 3) int workers, @ForAll boolean clean) throws IOException {
        Random r = new Random(seed);
        boolean weighted = r.nextBoolean();
        boolean gzip = r.nextInt(5) == 0;
        Path file = Files.createTempFile("chunked", gzip ? ".csv.gz" : ".csv");
        try {
            byte[] text = randomFile(r, weighted, clean);
            String shown = new String(text, StandardCharsets.UTF_8) + " (chunk " + chunk + ", gzip " + gzip + ")";
            if (gzip) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (OutputStream out = new GZIPOutputStream(bytes)) {
                    out.write(text);
                }
                text = bytes.toByteArray();
            }
            Files.write(file, text);
            InputSpec spec = InputSpec.builder().file(file).weightColumn(weighted ? "w" : null).build();
            BinaryPredictions expected;
            try {
                expected = BinaryCsvReader.of(spec).read(file);
            } catch (InputException e) {
                expected = null;
            }
            BinaryPredictions got = ChunkedBinaryCsv.read(file, spec, chunk, workers);
            if (expected == null) {
                assertNull(got, () -> "accepted a file the sequential reader refuses: " + shown);
                return;
            }
            if (clean) {
                assertNotNull(got, () -> "declined a plainly well-formed file: " + shown);
            }
            if (got != null) {
                assertArrayEquals(expected.scores(), got.scores());
                assertArrayEquals(expected.labels(), got.labels());
                assertArrayEquals(expected.weights(), got.weights());
                assertEquals(expected.positiveLabel(), got.positiveLabel());
                assertEquals(expected.labelValues(), got.labelValues());
                assertEquals(expected.source(), got.source());
            }
        } finally {
            Files.delete(file);
        }
    }

    /** A random file; when {@code clean}, only rows the fast path must take (no escaped quotes, no errors). */
    static byte[] randomFile(Random r, boolean weighted, boolean clean) {
        StringBuilder sb = new StringBuilder();
        String nl = r.nextBoolean() ? "\n" : "\r\n";
        if (r.nextInt(4) == 0) {
            sb.append('\uFEFF');
        }
        boolean tsv = r.nextInt(4) == 0;
        String sep = tsv ? "\t" : ",";
        String[] order = weighted ? new String[] {"label", "score", "note", "w"} : new String[] {"note", "label", "score"};
        if (r.nextBoolean()) {
            java.util.Collections.shuffle(java.util.Arrays.asList(order), r);
        }
        sb.append(String.join(sep, order)).append(nl);
        int rows = r.nextInt(60);
        String[] labels = r.nextInt(3) == 0 ? new String[] {"yes", "no"} : new String[] {"0", "1"};
        for (int i = 0; i < rows; i++) {
            if (r.nextInt(10) == 0) {
                sb.append(nl); // an empty line
            }
            StringBuilder row = new StringBuilder();
            for (int c = 0; c < order.length; c++) {
                if (c > 0) {
                    row.append(sep);
                }
                String field = switch (order[c]) {
                    case "label" -> {
                        String l = labels[r.nextInt(2)];
                        yield r.nextInt(5) == 0 ? '"' + l + '"' : r.nextInt(8) == 0 ? " " + l : l;
                    }
                    case "score" -> {
                        String s = !clean && r.nextInt(40) == 0 ? BAD_SCORES[r.nextInt(BAD_SCORES.length)]
                                : GOOD_SCORES[r.nextInt(GOOD_SCORES.length)];
                        yield r.nextInt(6) == 0 ? '"' + s + '"' : s;
                    }
                    case "w" -> !clean && r.nextInt(40) == 0 ? "-1" : Integer.toString(r.nextInt(4));
                    default -> {
                        String n = NOTES[r.nextInt(clean ? 6 : NOTES.length)];
                        yield tsv ? n.replace(",", "\t") : n;
                    }
                };
                row.append(field);
            }
            if (!clean && r.nextInt(40) == 0) {
                row.append(sep).append("extra"); // a ragged row
            }
            if (!clean && r.nextInt(60) == 0) {
                row.insert(0, "a\"b"); // a stray quote
            }
            sb.append(row);
            if (i < rows - 1 || r.nextBoolean()) {
                sb.append(nl);
            }
        }
        if (!clean && r.nextInt(30) == 0) {
            sb.append("\"unterminated");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}

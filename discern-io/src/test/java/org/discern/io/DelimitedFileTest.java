package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The sequential reader's records: quoting as RFC 4180 and as the chunked reader ({@link CsvChunk}). */
class DelimitedFileTest {
    @TempDir
    Path dir;

    /** Each record's fields and starting line, in file order. */
    private static List<String> records(String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (DelimitedFile f = DelimitedFile.open("t.csv",
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 0)) {
            out.add("1 " + f.header());
            while (f.next()) {
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < f.header().size(); i++) {
                    fields.add(f.field(i));
                }
                out.add(f.line() + " " + fields);
            }
        }
        return out;
    }

    /**
     * A carriage return inside quotes that no line feed follows is text of the field (RFC 4180:
     * a quoted field may hold CR). FastCSV 4.0.0 lost the field and joined the next line to the
     * record when the quoted field ended its line (the round-4 fuzz finding, docs/RELIABILITY.md);
     * 4.3.0 fixed it. Line numbers count CR, LF and CRLF as line ends, as FastCSV does.
     */
    static Stream<Arguments> loneCarriageReturnsInQuotes() {
        return Stream.of(
                Arguments.of("h1,h2\nx,\"a\rb\"\n1,2\n", List.of("1 [h1, h2]", "2 [x, a\rb]", "4 [1, 2]")),
                Arguments.of("h1,h2\nx,\"a\r\"\n1,2\n", List.of("1 [h1, h2]", "2 [x, a\r]", "4 [1, 2]")),
                Arguments.of("h1,h2\nx,\"\r\"\n1,2\n", List.of("1 [h1, h2]", "2 [x, \r]", "4 [1, 2]")),
                Arguments.of("h1,h2\nx,\"a\r\r\nb\"\n1,2\n", List.of("1 [h1, h2]", "2 [x, a\r\r\nb]", "5 [1, 2]")),
                Arguments.of("h1,h2\n\"a\rb\",x\n1,2\n", List.of("1 [h1, h2]", "2 [a\rb, x]", "4 [1, 2]")),
                Arguments.of("h1,h2\r\nx,\"a\rb\"\r\n1,2\r\n", List.of("1 [h1, h2]", "2 [x, a\rb]", "4 [1, 2]")),
                Arguments.of("h1\th2\nx\t\"a\rb\"\n1\t2", List.of("1 [h1, h2]", "2 [x, a\rb]", "4 [1, 2]")));
    }

    @ParameterizedTest
    @MethodSource("loneCarriageReturnsInQuotes")
    void aLoneCarriageReturnInsideQuotesIsTextOfTheField(String text, List<String> expected) throws IOException {
        assertEquals(expected, records(text));
    }

    /**
     * The fuzz finding's shape through both readers: a quoted last field with a lone CR, at the
     * end of the field, alone, and before a CRLF. Before the fix the sequential reader refused the
     * file ("expected 3 fields as in the header, found 9") while the chunked reader read it.
     */
    @Test
    void bothReadersReadALoneCarriageReturnInQuotesAlike() throws IOException {
        Path p = dir.resolve("cr.csv");
        Files.writeString(p, "label,score,note\n1,0.5,\"a\rb\"\n0,0.25,\"c\r\"\n1,0.75,\"\r\"\n0,0.125,\"d\r\r\ne\"\n"
                + "1,0.375,plain\n", StandardCharsets.UTF_8);
        InputSpec spec = InputSpec.builder().file(p).build();
        Predictions sequential = CsvFuzzTest.sequential(p, spec);
        BinaryPredictions b = (BinaryPredictions) sequential;
        assertEquals(5, b.size());
        assertEquals(0.125, b.scores()[3]);
        assertTrue(b.labels()[4]);
        assertFalse(b.labels()[3]);
        for (int chunk : new int[] {1, 2, 3, 7, 16, 64, 1 << 16}) {
            Predictions chunked = ChunkedCsv.read(p, spec, chunk, 2);
            assertNotNull(chunked, "chunk " + chunk);
            assertTrue(CsvFuzzTest.same(sequential, chunked), "chunk " + chunk);
        }
    }

    /** A label with a lone CR at its end, stripped alike by both readers. */
    @Test
    void aLabelEndingInALoneCarriageReturnIsStrippedByBothReaders() throws IOException {
        Path p = dir.resolve("label.csv");
        Files.writeString(p, "score,label\n0.5,\"1\r\"\n0.25,0\n0.75,\"1\"\n0.125,\"0\r\r\"\n", StandardCharsets.UTF_8);
        InputSpec spec = InputSpec.builder().file(p).build();
        BinaryPredictions sequential = (BinaryPredictions) CsvFuzzTest.sequential(p, spec);
        assertEquals(List.of("1", "0"), sequential.labelValues());
        Predictions chunked = ChunkedCsv.read(p, spec, 5, 2);
        assertNotNull(chunked);
        assertTrue(CsvFuzzTest.same(sequential, chunked));
    }
}

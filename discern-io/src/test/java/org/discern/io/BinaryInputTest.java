package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A binary file given as text is named by the format it looks like, before any parsing (a zip file is read as an .npz archive and named so by NpzFormat, a PAR1 file as Parquet: ParquetCliTest). */
class BinaryInputTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
            "425a683931415926, bzip2",
            "fd377a585a000004e6d6, xz",
            "89504e470d0a1a0a0000, PNG",
            "255044462d312e370a25, PDF",
            "ffd8ffe000104a464946, JPEG",
            "7f454c46020101000000, ELF executable",
    })
    void aBinaryFileIsNamedByItsFormat(String hex, String format) throws Exception {
        byte[] head = java.util.HexFormat.of().parseHex(hex);
        byte[] content = new byte[4096];
        System.arraycopy(head, 0, content, 0, head.length);
        Path p = dir.resolve("x.csv");
        Files.write(p, content);
        InputException e = assertThrows(InputException.class,
                () -> PredictionReader.read(InputSpec.builder().file(p).build()));
        assertEquals(p + ": looks like a " + format + " file, not text; expected CSV or TSV (optionally"
                + " gzip-compressed), an .npz archive or a pair of .npy files (--labels, --scores)", e.getMessage());
        assertEquals(0, e.line());
    }

    @org.junit.jupiter.api.Test
    void aParquetLookalikeIsReadAsParquet() throws Exception {
        byte[] content = new byte[4096];
        System.arraycopy(new byte[] {'P', 'A', 'R', '1'}, 0, content, 0, 4);
        Path p = dir.resolve("x.csv");
        Files.write(p, content);
        InputException e = assertThrows(InputException.class,
                () -> PredictionReader.read(InputSpec.builder().file(p).build()));
        assertEquals(p + ": not a valid Parquet file: it does not end with the magic bytes PAR1 (truncated, or"
                + " still being written?)", e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void textIsStillRead() throws Exception {
        Path p = dir.resolve("t.csv");
        Files.writeString(p, "label,score\n1,0.5\n0,0.25\n");
        assertEquals(2, PredictionReader.read(InputSpec.builder().file(p).build()).size());
    }
}

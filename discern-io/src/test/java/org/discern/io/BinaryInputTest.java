package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A binary file given as text is named by the format it looks like, before any parsing (a zip file is read as an .npz archive and named so by NpzFormat, a PAR1 file as Parquet: ParquetCliTest). */
class BinaryInputTest {
    @TempDir
    Path dir;

    /**
     * Every known format with what a message calls it: the article is the one the name is spoken
     * with ("an xz", "an HDF5", "a PNG"), written here by hand.
     */
    private static final Map<String, String> PHRASES = Map.ofEntries(
            Map.entry("50415231", "a Parquet file"),
            Map.entry("504b0304", "a zip file"),
            Map.entry("504b0506", "an empty zip file"),
            Map.entry("425a68", "a bzip2 file"),
            Map.entry("fd377a585a00", "an xz file"),
            Map.entry("28b52ffd", "a zstd file"),
            Map.entry("377abcaf271c", "a 7z file"),
            Map.entry("89504e47", "a PNG file"),
            Map.entry("ffd8ff", "a JPEG file"),
            Map.entry("255044462d", "a PDF file"),
            Map.entry("934e554d5059", "a NumPy .npy file"),
            Map.entry("4152524f5731", "an Arrow/Feather file"),
            Map.entry("4f5243", "an ORC file"),
            Map.entry("4f626a01", "an Avro file"),
            Map.entry("89484446", "an HDF5 file"),
            Map.entry("d0cf11e0", "an Excel (xls) file"),
            Map.entry("800495", "a Python pickle file"),
            Map.entry("800595", "a Python pickle file"),
            Map.entry("7f454c46", "an ELF executable file"));

    /** Read by their own formats before the delimited reader could name them (tested there). */
    private static final Set<String> READ_AS_THEMSELVES = Set.of("50415231", "504b0304", "504b0506", "934e554d5059");

    @Test
    void everyKnownFormatHasItsArticle() {
        List<byte[]> magics = BinaryMagic.magics();
        assertEquals(PHRASES.size(), magics.size(), "a format without a checked phrase");
        for (byte[] magic : magics) {
            String hex = HexFormat.of().formatHex(magic);
            byte[] head = Arrays.copyOf(magic, 64);
            assertEquals(PHRASES.get(hex), BinaryMagic.lookalike(head), hex);
        }
    }

    static Stream<Arguments> formatsTheDelimitedReaderNames() {
        return PHRASES.entrySet().stream().filter(e -> !READ_AS_THEMSELVES.contains(e.getKey()))
                .sorted(Map.Entry.comparingByKey()).map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest
    @MethodSource("formatsTheDelimitedReaderNames")
    void aBinaryFileIsNamedByItsFormat(String hex, String phrase) throws Exception {
        byte[] head = HexFormat.of().parseHex(hex);
        byte[] content = new byte[4096];
        System.arraycopy(head, 0, content, 0, head.length);
        Path p = dir.resolve("x.csv");
        Files.write(p, content);
        InputException e = assertThrows(InputException.class,
                () -> PredictionReader.read(InputSpec.builder().file(p).build()));
        assertEquals(p + ": looks like " + phrase + ", not text; expected CSV or TSV (optionally"
                + " gzip-compressed), an .npz archive or a pair of .npy files (--labels, --scores)", e.getMessage());
        assertEquals(0, e.line());
    }

    @Test
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

    @Test
    void textIsStillRead() throws Exception {
        Path p = dir.resolve("t.csv");
        Files.writeString(p, "label,score\n1,0.5\n0,0.25\n");
        assertEquals(2, PredictionReader.read(InputSpec.builder().file(p).build()).size());
    }
}

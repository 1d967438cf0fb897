package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzArchiveTest {
    @TempDir
    Path dir;

    private Path archive(String name, boolean deflate, Object... entries) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream os = Files.newOutputStream(p); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (int i = 0; i < entries.length; i += 2) {
                byte[] bytes = (byte[]) entries[i + 1];
                ZipEntry e = new ZipEntry((String) entries[i]);
                if (!deflate) {
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(bytes.length);
                    e.setCompressedSize(bytes.length);
                    e.setCrc(crc.getValue());
                }
                zip.putNextEntry(e);
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return p;
    }

    private static byte[] labels() {
        return NpyBytes.file(1, "<i8", false, NpyBytes.longs(ByteOrder.LITTLE_ENDIAN, 1, 0, 2), 3);
    }

    private static byte[] scores() {
        // 3 x 3 float64, Fortran order, big-endian
        return NpyBytes.file(2, ">f8", true, NpyBytes.doubles(ByteOrder.BIG_ENDIAN,
                0.1, 0.7, 0.2, 0.8, 0.2, 0.1, 0.1, 0.1, 0.7), 3, 3);
    }

    @Test
    void readsByKeyWithOrWithoutSuffix() throws IOException {
        for (boolean deflate : new boolean[] {false, true}) {
            Path p = archive("a" + deflate + ".npz", deflate, "y.npy", labels(), "p.npy", scores(), "README", new byte[1]);
            assertEquals(List.of("y", "p", "README"), NpzArchive.keys(p));
            assertArrayEquals(new int[] {1, 0, 2}, NpzArchive.read(p, "y").toIntArray());
            assertArrayEquals(new int[] {1, 0, 2}, NpzArchive.read(p, "y.npy").toIntArray());
            assertArrayEquals(new double[] {0.1, 0.8, 0.1, 0.7, 0.2, 0.1, 0.2, 0.1, 0.7},
                    NpzArchive.read(p, "p", 16).toDoubleArray(), 0.0);
            assertEquals(p + "[p.npy]", NpzArchive.read(p, "p").source());
        }
    }

    @Test
    void missingKeyListsTheKeys() throws IOException {
        Path p = archive("b.npz", true, "y.npy", labels(), "scores.npy", scores());
        InputException e = assertThrows(InputException.class, () -> NpzArchive.read(p, "p"));
        assertEquals("no array 'p' in the archive; it holds y, scores", e.problem());
        assertEquals(p.toString(), e.file());
        Path empty = archive("empty.npz", true);
        assertEquals("no array 'y' in the archive; it holds no arrays",
                assertThrows(InputException.class, () -> NpzArchive.read(empty, "y")).problem());
    }

    @Test
    void badEntriesNameTheEntry() throws IOException {
        byte[] truncated = java.util.Arrays.copyOf(scores(), scores().length - 8);
        Path p = archive("c.npz", true, "p.npy", truncated, "o.npy",
                NpyBytes.file(1, "|O", false, new byte[8], 1));
        InputException t = assertThrows(InputException.class, () -> NpzArchive.read(p, "p"));
        assertEquals(p + "[p.npy]", t.file());
        assertEquals("truncated data: header says 3 x 3 float64 = 72 bytes of data, file has 64", t.problem());
        InputException o = assertThrows(InputException.class, () -> NpzArchive.read(p, "o"));
        assertTrue(o.problem().startsWith("object dtype '|O'"), o.problem());
    }

    /** Found by fuzzing: a deflated entry whose data ends early escaped as an EOFException. */
    @Test
    void aTruncatedCompressedEntryIsBadInput() throws IOException {
        Path p = dir.resolve("cut.npz");
        try (var in = NpzArchiveTest.class.getResourceAsStream("NpyFuzzTestInputs/npz/crash-8e2dac6f0721be32465b9e669d03d4d4cb6eb4b8")) {
            Files.copy(in, p);
        }
        List<String> problems = new java.util.ArrayList<>();
        for (String key : NpzArchive.keys(p)) {
            InputException e = assertThrows(InputException.class, () -> NpzArchive.read(p, key), key);
            assertTrue(e.file().startsWith(p + "["), e.file());
            problems.add(e.problem());
        }
        assertTrue(problems.contains("corrupt archive entry: the compressed data ends early"), problems.toString());
    }

    @Test
    void anEndRecordPointingPastTheEndIsBadInput() throws IOException {
        Path p = dir.resolve("end.npz");
        try (var in = NpzArchiveTest.class.getResourceAsStream("NpyFuzzTestInputs/npz/crash-83d70496683865454065ac6362cced36fc8c6b05")) {
            Files.copy(in, p);
        }
        InputException e = assertThrows(InputException.class, () -> NpzArchive.keys(p));
        assertTrue(e.problem().startsWith("expected an .npz (zip) archive, found something else"), e.problem());
        assertThrows(InputException.class, () -> NpzArchive.read(p, "y"));
    }

    /**
     * Entry names that are not UTF-8: the JDK refuses a central directory holding one when it
     * opens the archive, but the fuzzer found an archive whose bad name it only decodes when the
     * entries are listed (an IllegalArgumentException escaped from keys); both are bad input.
     */
    @Test
    void anEntryNameThatIsNotUtf8IsBadInput() throws IOException {
        Path found = dir.resolve("found.npz");
        try (var in = NpzArchiveTest.class.getResourceAsStream("NpyFuzzTestInputs/npz/crash-980084a90df3e9918969ea1df850fd4b76c164a3")) {
            Files.copy(in, found);
        }
        Path latin1 = dir.resolve("latin1.npz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(latin1), java.nio.charset.StandardCharsets.ISO_8859_1)) {
            zip.putNextEntry(new ZipEntry("y.npy"));
            zip.write(labels());
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("\u00e9.npy"));
            zip.write(labels());
            zip.closeEntry();
        }
        for (Path p : List.of(found, latin1)) {
            for (org.junit.jupiter.api.function.Executable call : List.<org.junit.jupiter.api.function.Executable>of(
                    () -> NpzArchive.keys(p), () -> NpzArchive.read(p, "y"), () -> NpzArchive.read(p, "x"))) {
                InputException e = assertThrows(InputException.class, call);
                assertTrue(e.problem().startsWith("expected an .npz (zip) archive, found something else: "), e.problem());
                if (p == found) {
                    assertTrue(e.problem().endsWith("an entry name is not valid UTF-8"), e.problem());
                }
            }
        }
    }

    @Test
    void notAnArchive() throws IOException {
        Path p = NpyBytes.write(dir, "x.npz", labels());
        InputException e = assertThrows(InputException.class, () -> NpzArchive.read(p, "y"));
        assertTrue(e.problem().startsWith("expected an .npz (zip) archive, found something else"), e.problem());
        assertTrue(e.getCause() != null);
    }
}

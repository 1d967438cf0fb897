package org.discern.io;

import java.util.List;

/**
 * Binary formats a file given as text may be, told by their first bytes ("magic numbers"), so that
 * a Parquet or zip file is named as such instead of failing as a strange CSV header. gzip is not
 * here: it is read (the content is CSV or TSV).
 */
final class BinaryMagic {
    /**
     * A format: its name with the article it is spoken with ("an xz", "a PNG": the sound decides,
     * not the letter, so it is written here rather than guessed) and its first bytes.
     */
    private record Magic(String article, String name, byte[] bytes) {
        String phrase() {
            return article + " " + name + " file";
        }
    }

    private static final List<Magic> KNOWN = List.of(
            new Magic("a", "Parquet", new byte[] {'P', 'A', 'R', '1'}),
            new Magic("a", "zip", new byte[] {'P', 'K', 3, 4}),
            new Magic("an", "empty zip", new byte[] {'P', 'K', 5, 6}),
            new Magic("a", "bzip2", new byte[] {'B', 'Z', 'h'}),
            new Magic("an", "xz", new byte[] {(byte) 0xFD, '7', 'z', 'X', 'Z', 0}),
            new Magic("a", "zstd", new byte[] {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD}),
            new Magic("a", "7z", new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C}),
            new Magic("a", "PNG", new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
            new Magic("a", "JPEG", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
            new Magic("a", "PDF", new byte[] {'%', 'P', 'D', 'F', '-'}),
            new Magic("a", "NumPy .npy", new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'}),
            new Magic("an", "Arrow/Feather", new byte[] {'A', 'R', 'R', 'O', 'W', '1'}),
            new Magic("an", "ORC", new byte[] {'O', 'R', 'C'}),
            new Magic("an", "Avro", new byte[] {'O', 'b', 'j', 1}),
            new Magic("an", "HDF5", new byte[] {(byte) 0x89, 'H', 'D', 'F'}),
            new Magic("an", "Excel (xls)", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}),
            new Magic("a", "Python pickle", new byte[] {(byte) 0x80, 4, (byte) 0x95}),
            new Magic("a", "Python pickle", new byte[] {(byte) 0x80, 5, (byte) 0x95}),
            new Magic("an", "ELF executable", new byte[] {0x7F, 'E', 'L', 'F'}));

    private BinaryMagic() {
    }

    /**
     * The binary format {@code head} starts like, as a noun phrase with its article ("an xz
     * file"), or null (text, gzip or unknown).
     */
    static String lookalike(byte[] head) {
        for (Magic k : KNOWN) {
            byte[] magic = k.bytes();
            if (head.length >= magic.length && java.util.Arrays.equals(head, 0, magic.length, magic, 0, magic.length)) {
                return k.phrase();
            }
        }
        return null;
    }

    /** The first bytes of every known format, in the order they are tried (for tests). */
    static List<byte[]> magics() {
        return KNOWN.stream().map(k -> k.bytes().clone()).toList();
    }
}

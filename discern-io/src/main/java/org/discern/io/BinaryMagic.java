package org.discern.io;

/**
 * Binary formats a file given as text may be, told by their first bytes ("magic numbers"), so that
 * a Parquet or zip file is named as such instead of failing as a strange CSV header. gzip is not
 * here: it is read (the content is CSV or TSV).
 */
final class BinaryMagic {
    private static final Object[][] KNOWN = {
            {"Parquet", new byte[] {'P', 'A', 'R', '1'}},
            {"zip", new byte[] {'P', 'K', 3, 4}},
            {"zip (empty)", new byte[] {'P', 'K', 5, 6}},
            {"bzip2", new byte[] {'B', 'Z', 'h'}},
            {"xz", new byte[] {(byte) 0xFD, '7', 'z', 'X', 'Z', 0}},
            {"zstd", new byte[] {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD}},
            {"7z", new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C}},
            {"PNG", new byte[] {(byte) 0x89, 'P', 'N', 'G'}},
            {"JPEG", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}},
            {"PDF", new byte[] {'%', 'P', 'D', 'F', '-'}},
            {"NumPy .npy", new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'}},
            {"Arrow/Feather", new byte[] {'A', 'R', 'R', 'O', 'W', '1'}},
            {"ORC", new byte[] {'O', 'R', 'C'}},
            {"Avro", new byte[] {'O', 'b', 'j', 1}},
            {"HDF5", new byte[] {(byte) 0x89, 'H', 'D', 'F'}},
            {"Excel (xls)", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}},
            {"Python pickle", new byte[] {(byte) 0x80, 4, (byte) 0x95}},
            {"Python pickle", new byte[] {(byte) 0x80, 5, (byte) 0x95}},
            {"ELF executable", new byte[] {0x7F, 'E', 'L', 'F'}},
    };

    private BinaryMagic() {
    }

    /** The name of the binary format {@code head} starts like, or null (text, gzip or unknown). */
    static String lookalike(byte[] head) {
        for (Object[] k : KNOWN) {
            byte[] magic = (byte[]) k[1];
            if (head.length >= magic.length && java.util.Arrays.equals(head, 0, magic.length, magic, 0, magic.length)) {
                return (String) k[0];
            }
        }
        return null;
    }
}

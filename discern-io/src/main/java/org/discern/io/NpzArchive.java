package org.discern.io;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * NumPy {@code .npz} archives: zip files (stored or deflated, zip64 included) of {@code .npy}
 * entries, as written by {@code numpy.savez} and {@code numpy.savez_compressed}. An array is named
 * by its key, with or without the {@code .npy} suffix ({@code y} or {@code y.npy}). Error messages
 * name the entry as {@code archive.npz[y.npy]}.
 *
 * <p><b>Bounded inflation.</b> {@link #read} reads an entry's header only and checks it against
 * the archive's directory: the data the header declares must be there (the entry's size) and
 * could have been compressed into the entry at all (at most {@value #MAX_RATIO} to 1, more than
 * DEFLATE ever achieves; a larger claim is a corrupt or crafted archive). The data is inflated
 * later, by each conversion of the array, straight into the target Java array through a small
 * buffer ({@link NpyArray}): so a 4 MB archive whose entries declare gigabytes costs nothing
 * until its sizes have been checked against each other and against the heap
 * ({@link NpyInput#checkSizes}), and never more than the target arrays.
 */
public final class NpzArchive {
    /**
     * Largest ratio of an entry's declared data to its compressed size: DEFLATE encodes at most
     * 258 bytes in a 2-bit code (1032 to 1), so no genuine entry declares more.
     */
    static final long MAX_RATIO = 1032;

    private NpzArchive() {
    }

    /**
     * The keys of the archive's {@code .npy} entries without the suffix, in archive order; other
     * entries are listed with their full name.
     *
     * @throws InputException when the file is not a zip archive
     */
    public static List<String> keys(Path file) throws IOException {
        try (ZipFile zip = open(file)) {
            return keys(zip);
        }
    }

    /**
     * Reads the array named {@code key} ({@code y} or {@code y.npy}).
     *
     * @throws InputException when the file is not a zip archive, the key is missing (the message
     *         lists the keys present) or the entry is not a supported {@code .npy} array
     */
    public static NpyArray read(Path file, String key) throws IOException {
        return read(file, key, NpyArray.STREAM_BUFFER);
    }

    /** As {@link #read(Path, String)}, converting through a buffer of {@code bufferSize} bytes (a multiple of 8). */
    static NpyArray read(Path file, String key, int bufferSize) throws IOException {
        try (ZipFile zip = open(file)) {
            ZipEntry entry = zip.getEntry(key.endsWith(".npy") ? key : key + ".npy");
            if (entry == null) {
                entry = zip.getEntry(key);
            }
            if (entry == null || entry.isDirectory()) {
                List<String> keys = keys(zip);
                throw new InputException(file.toString(), 0, null, "no array '" + key + "' in the archive; it holds "
                        + (keys.isEmpty() ? "no arrays" : String.join(", ", keys)));
            }
            String source = file + "[" + entry.getName() + "]";
            NpyHeader header;
            try (InputStream in = zip.getInputStream(entry)) {
                header = NpyHeader.read(source, Channels.newChannel(in));
            } catch (ZipException | EOFException e) {
                // a damaged or truncated compressed entry ends its stream early (found by fuzzing)
                throw new InputException(source, 0, null, "corrupt archive entry: "
                        + (e instanceof EOFException ? "the compressed data ends early" : e.getMessage()), e);
            }
            if (entry.getSize() >= 0) {
                NpyArray.checkLength(header, Math.max(0, entry.getSize() - header.dataOffset()));
            }
            long compressed = entry.getCompressedSize();
            if (compressed >= 0 && header.dataLength() > MAX_RATIO * compressed + 1024) {
                throw new InputException(source, 0, null, String.format(Locale.ROOT,
                        "header says %s = %,d bytes of data, in %,d compressed bytes: more than %d to 1, which no "
                                + "DEFLATE stream holds; the archive is corrupt or crafted", header.describe(),
                        header.dataLength(), compressed, MAX_RATIO));
            }
            String name = entry.getName();
            long offset = header.dataOffset();
            return NpyArray.streamed(header, () -> openData(file, name, offset), bufferSize);
        }
    }

    /** A channel over the entry's bytes from {@code offset} on; closing it closes the archive. */
    private static ReadableByteChannel openData(Path file, String entryName, long offset) throws IOException {
        ZipFile zip = new ZipFile(file.toFile());
        try {
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                throw new java.io.IOException("the entry " + entryName + " is gone (was the archive replaced?)");
            }
            InputStream in = zip.getInputStream(entry);
            in.skipNBytes(offset);
            return Channels.newChannel(new FilterInputStream(in) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        zip.close();
                    }
                }
            });
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static ZipFile open(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new InputException(file.toString(), 0, null, "no such file");
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException | EOFException e) {
            // EOFException: an end record that points past the end of the file (found by fuzzing)
            throw new InputException(file.toString(), 0, null,
                    "expected an .npz (zip) archive, found something else: " + e.getMessage(), e);
        }
        try {
            // ZipFile decodes entry names only when they are listed or looked up, and throws an
            // IllegalArgumentException for one that is not UTF-8 (found by fuzzing): check them all here
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                entries.nextElement();
            }
        } catch (IllegalArgumentException e) {
            zip.close();
            throw new InputException(file.toString(), 0, null,
                    "expected an .npz (zip) archive, found something else: an entry name is not valid UTF-8", e);
        }
        return zip;
    }

    private static List<String> keys(ZipFile zip) {
        List<String> keys = new ArrayList<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            if (e.isDirectory()) {
                continue;
            }
            String name = e.getName();
            keys.add(name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name);
        }
        return keys;
    }
}

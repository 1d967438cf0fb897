package org.discern.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * NumPy {@code .npz} archives: zip files (stored or deflated, zip64 included) of {@code .npy}
 * entries, as written by {@code numpy.savez} and {@code numpy.savez_compressed}. An array is named
 * by its key, with or without the {@code .npy} suffix ({@code y} or {@code y.npy}). Each entry is
 * inflated into direct buffers outside the Java heap. Error messages name the entry as
 * {@code archive.npz[y.npy]}.
 */
public final class NpzArchive {
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
        return read(file, key, NpyArray.STREAM_CHUNK);
    }

    static NpyArray read(Path file, String key, int chunkSize) throws IOException {
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
            try (InputStream in = zip.getInputStream(entry)) {
                return NpyArray.read(source, Channels.newChannel(in), chunkSize, entry.getSize());
            } catch (ZipException | EOFException e) {
                // a damaged or truncated compressed entry ends its stream early (found by fuzzing)
                throw new InputException(source, 0, null, "corrupt archive entry: "
                        + (e instanceof EOFException ? "the compressed data ends early" : e.getMessage()), e);
            }
        }
    }

    private static ZipFile open(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new InputException(file.toString(), 0, null, "no such file");
        }
        try {
            return new ZipFile(file.toFile());
        } catch (ZipException | EOFException e) {
            // EOFException: an end record that points past the end of the file (found by fuzzing)
            throw new InputException(file.toString(), 0, null,
                    "expected an .npz (zip) archive, found something else: " + e.getMessage(), e);
        }
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

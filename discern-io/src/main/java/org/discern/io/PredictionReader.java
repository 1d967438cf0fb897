package org.discern.io;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The one way predictions come in: {@link #read(InputSpec)} detects the format of the input from
 * its content (CSV or TSV, gzip-compressed or not; a NumPy {@code .npz} archive; a pair of
 * {@code .npy} files), detects the layout (binary, multi-class, multi-label) in one place
 * ({@link LayoutDetector}) unless the spec names it, and reads the input once into a
 * {@link Predictions}.
 *
 * <p>Every problem with the input is an {@link InputException} naming the file and, where there
 * is one, the line, column, what was expected and what was found; a file that cannot be read at
 * all (missing, a directory, no permission) too. A setting the input cannot use is an
 * {@link InputOptionException}.
 *
 * <p>A new format is one {@link PredictionFormat} and one line in {@link #FORMATS}.
 */
public final class PredictionReader {
    /** The formats, asked in this order; the last accepts anything. */
    private static final List<PredictionFormat> FORMATS = List.of(
            new NpyFileFormat(),
            new NpzFormat(),
            new ParquetFormat(),
            new DelimitedFormat());

    /** How standard input ({@code -} as the input path) is named in messages. */
    static final String STDIN_NAME = "<stdin>";

    private PredictionReader() {
    }

    /** Whether {@code file} is {@code -}: standard input. */
    public static boolean isStdin(Path file) {
        return file != null && file.toString().equals("-");
    }

    /** The name of {@code file} in messages ({@code <stdin>} for {@code -}). */
    static String nameOf(Path file) {
        return isStdin(file) ? STDIN_NAME : file.toString();
    }

    /**
     * The layout of a table with these column names, as {@link #read} decides it (for tables read
     * elsewhere, e.g. by Spark), unless {@code spec} names one.
     *
     * @param source the table's name for the error message
     * @throws InputException when no layout fits the columns
     */
    public static Layout layoutOf(String source, List<String> columns, InputSpec spec) throws InputException {
        return LayoutDetector.fromColumns(source, columns, spec);
    }

    /**
     * Reads the predictions {@code spec} describes.
     *
     * @throws InputException on any problem with the input, with its location
     * @throws InputOptionException when the spec has settings the input cannot use
     */
    public static Predictions read(InputSpec spec) throws IOException {
        try {
            if (spec.file() == null) {
                return readPair(spec);
            }
            Path file = spec.file();
            InputStream raw;
            if (isStdin(file)) {
                // "-": standard input, read as a stream in one pass (never closed: it is not ours)
                try (InputStream in = new BufferedInputStream(new java.io.FilterInputStream(System.in) {
                    @Override
                    public void close() {
                    }
                }, 1 << 16)) {
                    return format(STDIN_NAME, in).read(file, in, spec);
                }
            }
            try {
                // a pipe or device: FileInputStream, whose available() works there (the channel's seeks)
                raw = Files.isRegularFile(file) || Files.isDirectory(file) || !Files.exists(file)
                        ? Files.newInputStream(file) : new FileInputStream(file.toFile());
            } catch (NoSuchFileException e) {
                throw new InputException(file.toString(), 0, null, "no such file", e);
            }
            // opened once: the format is told from the first bytes, then the same stream is read
            try (InputStream in = new BufferedInputStream(raw, 1 << 16)) {
                return format(file.toString(), in).read(file, in, spec);
            }
        } catch (InputException e) {
            throw e;
        } catch (IOException e) {
            throw cannotRead(spec, e);
        }
    }

    /** The format of the content of {@code in} (which supports mark/reset), left unread. */
    private static PredictionFormat format(String source, InputStream in) throws IOException {
        in.mark(PredictionFormat.HEAD);
        byte[] head = in.readNBytes(PredictionFormat.HEAD);
        in.reset();
        for (PredictionFormat f : FORMATS) {
            if (f.accepts(head)) {
                String binary = f instanceof DelimitedFormat ? BinaryMagic.lookalike(head) : null;
                if (binary != null) {
                    throw new InputException(source, 0, null, "looks like " + binary + ", not text;"
                            + " expected CSV or TSV (optionally gzip-compressed), an .npz archive or a pair of .npy"
                            + " files (--labels, --scores)");
                }
                return f;
            }
        }
        throw new IllegalStateException("the last format accepts every file");
    }

    /**
     * The line on which data row {@code row} (0-based) of {@code file} starts, for messages about
     * a row: 0 when the file is not a table (NumPy input has no lines) or has fewer rows.
     */
    public static long lineOf(Path file, int row) throws IOException {
        if (isStdin(file)) {
            return 0; // read once, gone
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            if (!(format(file.toString(), in) instanceof DelimitedFormat)) {
                return 0;
            }
            try (DelimitedFile f = DelimitedFile.open(file.toString(), in, 0)) {
                for (int i = 0; i <= row; i++) {
                    if (!f.next()) {
                        return 0;
                    }
                }
                return f.line();
            }
        }
    }

    private static Predictions readPair(InputSpec spec) throws IOException {
        String source = spec.scoresNpy().toString();
        PredictionFormat.refuse(spec.columnSettings(), "applies to CSV/TSV input; " + source + " is a NumPy array");
        PredictionFormat.refuse(spec.archiveSettings(), "applies to an .npz archive; the input is a pair of .npy"
                + " files");
        NpyArray y = NpyArray.read(spec.labelsNpy());
        NpyArray p = NpyArray.read(spec.scoresNpy());
        NpyArray w = spec.weightsNpy() == null ? null : NpyArray.read(spec.weightsNpy());
        return NpyInput.predictions(source, y, p, w, spec);
    }

    /** An I/O failure while reading an input, as an input error naming the file and the reason. */
    private static InputException cannotRead(InputSpec spec, IOException e) {
        String file = spec.file() != null ? spec.file().toString() : spec.scoresNpy().toString();
        String reason = e.getMessage();
        if (e instanceof FileSystemException fse) {
            if (fse.getFile() != null) {
                file = fse.getFile();
            }
            reason = e instanceof NoSuchFileException ? "no such file"
                    : e instanceof AccessDeniedException ? "permission denied"
                    : fse.getReason() != null ? fse.getReason() : e.getClass().getSimpleName();
        }
        return new InputException(file, 0, null, "cannot read: " + reason, e);
    }
}

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The chunked parallel reader against the plain sequential readers ({@link BinaryCsvReader},
 * {@link MultiClassCsvReader}, {@link MultiLabelCsvReader}: the oracles) on random files of each
 * layout: random quoting, quoted newlines, lone CRs and separators, escaped quotes, CRLF, BOM, empty lines,
 * gzip, bad rows, and chunk sizes down to a few bytes. Either the chunked reader declines (and the
 * sequential one then reads the file), or it gives exactly the sequential result, row by row; it
 * never accepts a file the sequential reader refuses, and on a plainly well formed file it never
 * declines.
 */
class ChunkedCsvPropertyTest {
    private static final String[] GOOD_SCORES = {"0", "1", "-0", "0.5", "+.5", "1E-3", "1e+2", "4.9e-324",
        "0.30000000000000004", "123456789012345678901", " 0.25", "0.75 ", "-17.125", "0.012345678", "9.5e-7"};
    private static final String[] BAD_SCORES = {"nan", "inf", "abc", "", "1d", "0x10", "1e400", "- 1"};
    // the first CLEAN_NOTES are notes the fast path must take
    private static final String[] NOTES = {"plain", "\"quoted\"", "\"with,comma\"", "\"with\nnewline\"",
        "\"with\r\nCRLF\"", "\"\"", "\"lone\rCR\"", "\"\r\"", "\"cr\r\r\nlf\"", "\"a\"\"b\"", "\"x,\ny\""};
    private static final int CLEAN_NOTES = 9;
    private static final String[] CLASSES = {"cat", "dog", "eel", "gnu", "été"};
    private static final String[] GOOD_INDICATORS = {"0", "1", "1.0", "0.0", "-0", " 1", "\"0\""};
    private static final String[] BAD_INDICATORS = {"2", "0.5", "", "yes", "-1"};

    /** What a random file is for. */
    private enum Kind { BINARY, MULTICLASS, MULTILABEL }

    @Property(tries = 300)
    void binaryAgreesWithTheSequentialReader(@ForAll long seed, @ForAll @IntRange(min = 1, max = 200) int chunk,
            @ForAll @IntRange(min = 1, max = 3) int workers, @ForAll boolean clean) throws IOException {
        check(Kind.BINARY, seed, chunk, workers, clean);
    }

    @Property(tries = 300)
    void multiClassAgreesWithTheSequentialReader(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 300) int chunk, @ForAll @IntRange(min = 1, max = 3) int workers,
            @ForAll boolean clean) throws IOException {
        check(Kind.MULTICLASS, seed, chunk, workers, clean);
    }

    @Property(tries = 300)
    void multiLabelAgreesWithTheSequentialReader(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 300) int chunk, @ForAll @IntRange(min = 1, max = 3) int workers,
            @ForAll boolean clean) throws IOException {
        check(Kind.MULTILABEL, seed, chunk, workers, clean);
    }

    private static void check(Kind kind, long seed, int chunk, int workers, boolean clean) throws IOException {
        Random r = new Random(seed);
        boolean weighted = r.nextBoolean();
        boolean gzip = r.nextInt(5) == 0;
        Path file = Files.createTempFile("chunked", gzip ? ".csv.gz" : ".csv");
        try {
            InputSpec.Builder b = InputSpec.builder().file(file);
            byte[] text = switch (kind) {
                case BINARY -> {
                    b.weightColumn(weighted ? "w" : null);
                    yield binaryFile(r, weighted, clean);
                }
                case MULTICLASS -> multiClassFile(r, weighted, clean, b);
                case MULTILABEL -> multiLabelFile(r, weighted, clean, b);
            };
            String shown = new String(text, StandardCharsets.UTF_8) + " (chunk " + chunk + ", gzip " + gzip + ")";
            Files.write(file, gzip ? gzip(text) : text);
            InputSpec spec = b.build();
            Predictions expected;
            try {
                expected = switch (kind) {
                    case BINARY -> BinaryCsvReader.of(spec).read(file);
                    case MULTICLASS -> MultiClassCsvReader.of(spec).read(file);
                    case MULTILABEL -> MultiLabelCsvReader.of(spec).read(file);
                };
            } catch (InputException e) {
                expected = null;
            }
            Predictions got = ChunkedCsv.read(file, spec, chunk, workers);
            if (expected == null) {
                assertNull(got, () -> "accepted a file the sequential reader refuses: " + shown);
                return;
            }
            if (clean) {
                assertNotNull(got, () -> "declined a plainly well-formed file: " + shown);
            }
            if (got != null) {
                assertEquals(expected.source(), got.source());
                assertEquals(expected.layout(), got.layout(), shown);
                assertArrayEquals(expected.weights(), got.weights(), shown);
                if (expected instanceof BinaryPredictions e && got instanceof BinaryPredictions g) {
                    assertArrayEquals(e.scores(), g.scores(), shown);
                    assertArrayEquals(e.labels(), g.labels(), shown);
                    assertEquals(e.positiveLabel(), g.positiveLabel());
                    assertEquals(e.labelValues(), g.labelValues());
                } else {
                    // labels, names, scores (bit for bit) and weights
                    assertEquals(expected, got, shown);
                }
            }
        } finally {
            Files.delete(file);
        }
    }

    private static byte[] gzip(byte[] text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text);
        }
        return bytes.toByteArray();
    }

    /** A random binary file; when {@code clean}, only rows the fast path must take. */
    static byte[] binaryFile(Random r, boolean weighted, boolean clean) {
        String[] order = weighted ? new String[] {"label", "score", "note", "w"} : new String[] {"note", "label", "score"};
        String[] labels = r.nextInt(3) == 0 ? new String[] {"yes", "no"} : new String[] {"0", "1"};
        return file(r, order, clean, column -> switch (column) {
            case "label" -> {
                String l = labels[r.nextInt(2)];
                yield r.nextInt(5) == 0 ? '"' + l + '"' : r.nextInt(8) == 0 ? " " + l : l;
            }
            case "score" -> score(r, clean);
            case "w" -> weight(r, clean);
            default -> null;
        });
    }

    /** A random multi-class file: a label column, one score column per class, maybe weights and notes. */
    static byte[] multiClassFile(Random r, boolean weighted, boolean clean, InputSpec.Builder spec) {
        int k = 2 + r.nextInt(CLASSES.length - 1);
        List<String> classes = new ArrayList<>(Arrays.asList(CLASSES).subList(0, k));
        List<String> order = new ArrayList<>(classes);
        order.add("label");
        if (weighted) {
            order.add("weight");
        }
        boolean named = r.nextInt(3) == 0; // --classes: a subset in another order, other columns ignored
        if (named) {
            order.add("note");
            Collections.shuffle(classes, r);
            List<String> used = new ArrayList<>(classes.subList(0, 2 + r.nextInt(k - 1)));
            spec.classes(used);
        }
        Collections.shuffle(order, r);
        return file(r, order.toArray(String[]::new), clean, column -> switch (column) {
            case "label" -> {
                String l = !clean && r.nextInt(60) == 0 ? (r.nextBoolean() ? "wolf" : "") : classes.get(r.nextInt(
                        named ? 2 : k));
                yield r.nextInt(5) == 0 ? '"' + l + '"' : r.nextInt(8) == 0 ? l + " " : l;
            }
            case "weight" -> weight(r, clean);
            case "note" -> null;
            default -> score(r, clean);
        });
    }

    /** A random multi-label file: label_NAME and score_NAME pairs, maybe weights and notes. */
    static byte[] multiLabelFile(Random r, boolean weighted, boolean clean, InputSpec.Builder spec) {
        int l = 1 + r.nextInt(3);
        List<String> order = new ArrayList<>();
        for (int j = 0; j < l; j++) {
            order.add("label_" + CLASSES[j]);
            order.add("score_" + CLASSES[j]);
        }
        order.add("note");
        if (weighted) {
            order.add("weight");
        }
        Collections.shuffle(order, r);
        return file(r, order.toArray(String[]::new), clean, column -> {
            if (column.startsWith("label_")) {
                return !clean && r.nextInt(40) == 0 ? BAD_INDICATORS[r.nextInt(BAD_INDICATORS.length)]
                        : GOOD_INDICATORS[r.nextInt(GOOD_INDICATORS.length)];
            }
            if (column.startsWith("score_")) {
                return score(r, clean);
            }
            return column.equals("weight") ? weight(r, clean) : null;
        });
    }

    private static String score(Random r, boolean clean) {
        String s = !clean && r.nextInt(40) == 0 ? BAD_SCORES[r.nextInt(BAD_SCORES.length)]
                : GOOD_SCORES[r.nextInt(GOOD_SCORES.length)];
        return r.nextInt(6) == 0 ? '"' + s + '"' : s;
    }

    private static String weight(Random r, boolean clean) {
        return !clean && r.nextInt(40) == 0 ? "-1" : Integer.toString(r.nextInt(4));
    }

    /**
     * A file with the given header, and rows whose fields come from {@code field} (null: a random
     * note, which may hold quotes, separators and newlines); when not {@code clean}, also ragged
     * rows, stray quotes and an unterminated quote.
     */
    private static byte[] file(Random r, String[] order, boolean clean,
            java.util.function.Function<String, String> field) {
        StringBuilder sb = new StringBuilder();
        String nl = r.nextBoolean() ? "\n" : "\r\n";
        if (r.nextInt(4) == 0) {
            sb.append('\uFEFF');
        }
        boolean tsv = r.nextInt(4) == 0;
        String sep = tsv ? "\t" : ",";
        sb.append(String.join(sep, order)).append(nl);
        int rows = r.nextInt(60);
        for (int i = 0; i < rows; i++) {
            if (r.nextInt(10) == 0) {
                sb.append(nl); // an empty line
            }
            StringBuilder row = new StringBuilder();
            for (int c = 0; c < order.length; c++) {
                if (c > 0) {
                    row.append(sep);
                }
                String f = field.apply(order[c]);
                if (f == null) {
                    String n = NOTES[r.nextInt(clean ? CLEAN_NOTES : NOTES.length)];
                    f = tsv ? n.replace(",", "\t") : n;
                }
                row.append(f);
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

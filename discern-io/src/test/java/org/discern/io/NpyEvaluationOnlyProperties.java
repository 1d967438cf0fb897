package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link InputSpec#evaluationOnly()} for a pair of NumPy arrays: the binary rows go straight from
 * the arrays into the evaluation and none is kept, and that evaluation is exactly the evaluation of
 * the rows read into arrays (every number, the JSON summary byte for byte); a pair refused one way
 * is refused the other way with the same message, whatever the dtypes and byte orders.
 */
class NpyEvaluationOnlyProperties {

    @Property(tries = 300)
    void evaluatedAsReadIsTheEvaluationOfTheArrays(@ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int n)
            throws IOException {
        Random r = new Random(seed);
        Path dir = Files.createTempDirectory("npy-evaluated");
        try {
            String labelType = pick(r, "|b1", "|i1", "|u1", "<i4", ">i4", "<i8", "<f8", ">f4");
            String scoreType = pick(r, "<f8", ">f8", "<f4", "<f2", "<i8");
            boolean column = r.nextBoolean(); // scores n x 1 instead of 1-D
            boolean dirty = r.nextInt(4) == 0; // an invalid label or score somewhere
            double[] labels = new double[n];
            double[] scores = new double[n];
            int levels = 1 + r.nextInt(r.nextBoolean() ? 8 : 100_000); // few levels: many ties
            for (int i = 0; i < n; i++) {
                labels[i] = r.nextInt(4) == 0 ? 1 : 0;
                scores[i] = scoreType.equals("<i8") ? r.nextInt(levels) - levels / 2
                        : scoreType.equals("<f2") ? r.nextInt(1024) / 1024.0 // exact in float16
                        : (double) r.nextInt(levels) / levels;
            }
            String shown = labelType + " labels, " + scoreType + " scores, n " + n + ", seed " + seed;
            if (dirty) {
                int kind = r.nextInt(4);
                int at = r.nextInt(n);
                if (kind == 0 && !labelType.equals("|b1")) {
                    labels[at] = 2; // neither 0 nor 1
                } else if (kind == 1 && (labelType.equals("<f8") || labelType.equals(">f4"))) {
                    labels[at] = 0.5; // not a whole number
                } else if (kind == 2 && !scoreType.equals("<i8")) {
                    scores[at] = r.nextBoolean() ? Double.NaN : Double.NEGATIVE_INFINITY;
                } else if (!labelType.equals("|b1")) {
                    labels[at] = 2; // both kinds: the score's error comes first
                    if (!scoreType.equals("<i8")) {
                        scores[r.nextInt(n)] = Double.NaN;
                    }
                }
            }
            Path y = NpyBytes.write(dir, "y.npy", NpyBytes.file(1, labelType, false, encode(labelType, labels), n));
            byte[] p = encode(scoreType, scores);
            Path s = NpyBytes.write(dir, "p.npy", column ? NpyBytes.file(1, scoreType, false, p, n, 1)
                    : NpyBytes.file(1, scoreType, false, p, n));
            EvaluationOnlyReadProperties.sameAsRowsKept(InputSpec.builder().numpy(y, s, null).build(), shown);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Both errors in one pair: the score's is told first, as when the arrays are read whole. */
    @Example
    void aScoreErrorComesBeforeALabelError() throws IOException {
        Path dir = Files.createTempDirectory("npy-evaluated");
        try {
            Path y = NpyBytes.write(dir, "y.npy", NpyBytes.file(1, "<i8", false,
                    NpyBytes.longs(ByteOrder.LITTLE_ENDIAN, 0, 2, 1, 0), 4));
            Path s = NpyBytes.write(dir, "p.npy", NpyBytes.file(1, "<f8", false,
                    NpyBytes.doubles(ByteOrder.LITTLE_ENDIAN, 0.1, 0.2, 0.3, Double.NaN), 4));
            InputSpec spec = InputSpec.builder().numpy(y, s, null).evaluationOnly(true).build();
            InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class,
                    () -> PredictionReader.read(spec));
            assertEquals(s + ": score [3] is NaN; expected finite numbers", e.getMessage());
            Files.write(s, NpyBytes.file(1, "<f8", false, NpyBytes.doubles(ByteOrder.LITTLE_ENDIAN, 0.1, 0.2, 0.3, 0.4),
                    4));
            e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class, () -> PredictionReader.read(spec));
            assertEquals(y + ": label [1] = 2; expected 0 or 1 for a binary evaluation (1-D scores)", e.getMessage());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** The float16 bits of {@code x}: NaN, an infinity, or a value a float16 holds exactly (0 and k/2^m). */
    private static short half(double x) {
        if (Double.isNaN(x)) {
            return (short) 0x7E00;
        }
        if (Double.isInfinite(x)) {
            return (short) (x > 0 ? 0x7C00 : 0xFC00);
        }
        for (int bits = 0; bits < 0x7C00; bits++) { // positive finite halves, ascending
            if (Float16.toFloat((short) bits) == x) {
                return (short) bits;
            }
        }
        throw new IllegalArgumentException("not a float16: " + x);
    }

    /** Evaluated as read, the rows are reported as they go, with the bytes of the scores, and once when done. */
    @Example
    void progressIsReported() throws IOException {
        Path dir = Files.createTempDirectory("npy-evaluated");
        try {
            int n = 200_000;
            double[] labels = new double[n];
            double[] scores = new double[n];
            for (int i = 0; i < n; i++) {
                labels[i] = i % 3 == 0 ? 1 : 0;
                scores[i] = (i * 7919 % 1000) / 1000.0;
            }
            Path y = NpyBytes.write(dir, "y.npy", NpyBytes.file(1, "|i1", false, encode("|i1", labels), n));
            Path s = NpyBytes.write(dir, "p.npy", NpyBytes.file(1, "<f4", false, encode("<f4", scores), n));
            List<String> calls = new ArrayList<>();
            ProgressListener listener = new ProgressListener() {
                @Override
                public void progress(String file, long bytesRead, long totalBytes, long rows) {
                    calls.add(file + " " + bytesRead + "/" + totalBytes + " " + rows);
                }

                @Override
                public void done(String file, long rows) {
                    calls.add(file + " done " + rows);
                }
            };
            InputSpec spec = InputSpec.builder().numpy(y, s, null).evaluationOnly(true).progress(listener).build();
            BinaryPredictions p = (BinaryPredictions) PredictionReader.read(spec);
            assertFalse(p.rowsKept());
            assertEquals(List.of(s + " 262144/800000 65536", s + " 524288/800000 131072", s + " 786432/800000 196608",
                    s + " done 200000"), calls);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    /** The values in the dtype {@code descr} (whole numbers for integer and bool types). */
    private static byte[] encode(String descr, double[] v) {
        ByteOrder order = descr.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        String t = descr.substring(1);
        int size = Integer.parseInt(t.substring(1));
        ByteBuffer b = ByteBuffer.allocate(size * v.length).order(order);
        for (double x : v) {
            switch (t) {
                case "b1", "i1", "u1" -> b.put((byte) x);
                case "i4" -> b.putInt((int) x);
                case "i8" -> b.putLong((long) x);
                case "f2" -> b.putShort(half(x));
                case "f4" -> b.putFloat((float) x);
                case "f8" -> b.putDouble(x);
                default -> throw new IllegalArgumentException(descr);
            }
        }
        return b.array();
    }
}

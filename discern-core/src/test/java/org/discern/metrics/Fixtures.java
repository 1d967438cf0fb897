package org.discern.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads the golden fixtures (scikit-learn 1.2.1, pROC 1.18.0) from the test resources. Shared with
 * the other modules through the core test-jar.
 */
public final class Fixtures {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static final List<String> BINARY = List.of("binary_small_ties", "binary_weighted",
            "binary_breast_cancer", "binary_fraudlike", "binary_asah_s100b_vs_wfns");
    public static final List<String> MULTICLASS = List.of("multiclass_digits", "multiclass_small_ties",
            "multiclass_weighted");
    public static final List<String> MULTILABEL = List.of("multilabel_small");

    private Fixtures() {
    }

    /** Names of the binary fixtures, for {@code @MethodSource}. */
    public static java.util.stream.Stream<String> binaryNames() {
        return BINARY.stream();
    }

    /** Names of the multi-class fixtures, for {@code @MethodSource}. */
    public static java.util.stream.Stream<String> multiclassNames() {
        return MULTICLASS.stream();
    }

    /** The parsed JSON of fixture {@code name} (without extension). */
    public static JsonNode json(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture's CSV copied to {@code dir} (so it can be read as a file). */
    public static Path csv(String name, Path dir) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name + ".csv")) {
            if (in == null) {
                throw new IllegalStateException("no fixture csv " + name);
            }
            Path out = dir.resolve(name + ".csv");
            Files.copy(in, out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON number, or "inf"/"-inf"/"nan" strings, as double. */
    public static double number(JsonNode n) {
        if (n == null || n.isNull()) {
            return Double.NaN;
        }
        if (n.isTextual()) {
            switch (n.asText()) {
                case "inf":
                    return Double.POSITIVE_INFINITY;
                case "-inf":
                    return Double.NEGATIVE_INFINITY;
                case "nan":
                    return Double.NaN;
                default:
                    throw new IllegalArgumentException("not a number: " + n);
            }
        }
        return n.asDouble();
    }

    public static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(array.get(i));
        }
        return out;
    }

    public static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    public static boolean[] booleans(JsonNode array) {
        boolean[] out = new boolean[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt() == 1;
        }
        return out;
    }

    /** Row-major n x k matrix. */
    public static double[][] matrix(JsonNode array) {
        double[][] out = new double[array.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = doubles(array.get(i));
        }
        return out;
    }

    public static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Reversed copy (scikit-learn lists PR and DET points by increasing threshold). */
    public static double[] reversed(double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }

    static Path resourceDir() {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

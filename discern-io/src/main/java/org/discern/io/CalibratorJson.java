package org.discern.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.discern.metrics.Calibrator;
import org.discern.metrics.Field;
import org.discern.metrics.IsotonicCalibrator;
import org.discern.metrics.PlattCalibrator;
import org.discern.metrics.PriorShiftCalibrator;

/**
 * Fitted {@link Calibrator}s as JSON, and back. Every document has a {@code "type"} and a
 * {@code "version"} (currently {@value #VERSION}):
 * <pre>
 * {"type": "platt", "version": 1, "a": -1.01, "b": 1.13}
 * {"type": "isotonic", "version": 1, "x": [0.1, 0.4], "y": [0.05, 0.6]}
 * {"type": "prior_shift", "version": 1, "training_priors": [0.5, 0.5], "target_priors": [0.99, 0.01]}
 * </pre>
 * Numbers are written in Java's shortest round-trip form, so reading back gives the identical
 * calibrator ({@code equals}). Files are written atomically.
 */
public final class CalibratorJson {
    /** The format version written; readers accept this version only. */
    public static final int VERSION = 1;

    private CalibratorJson() {
    }

    /** The JSON object of a calibrator. */
    public static ObjectNode toJson(Calibrator c) {
        ObjectNode o = Json.object();
        o.put(Field.TYPE.key(), c.type());
        o.put(Field.VERSION.key(), VERSION);
        if (c instanceof PlattCalibrator p) {
            o.put(Field.A.key(), p.a());
            o.put(Field.B.key(), p.b());
        } else if (c instanceof IsotonicCalibrator iso) {
            o.set(Field.X.key(), array(iso.x()));
            o.set(Field.Y.key(), array(iso.y()));
        } else {
            PriorShiftCalibrator s = (PriorShiftCalibrator) c;
            o.set(Field.TRAINING_PRIORS.key(), array(s.trainingPriors()));
            o.set(Field.TARGET_PRIORS.key(), array(s.targetPriors()));
        }
        return o;
    }

    private static ArrayNode array(double[] v) {
        ArrayNode a = Json.array();
        for (double d : v) {
            a.add(d);
        }
        return a;
    }

    /** Pretty-printed JSON text of a calibrator. */
    public static String toText(Calibrator c) {
        return Json.toText(toJson(c));
    }

    /** Writes a calibrator to a file atomically, never over one of {@code inputs}. */
    public static void write(Calibrator c, Path target, Path... inputs) throws IOException {
        AtomicFiles.writeString(target, toText(c), inputs);
    }

    /**
     * Reads a calibrator file.
     *
     * @throws InputException naming the file and the field when it is not a calibrator this
     *     version can read
     */
    public static Calibrator read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), 0, null, "no such file", e);
        }
        return parse(text, file.toString());
    }

    /**
     * Parses calibrator JSON text.
     *
     * @param source a name for messages (a file name)
     * @throws InputException when the text is not a calibrator this version can read
     */
    public static Calibrator parse(String text, String source) throws InputException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new InputException(source, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null,
                    "expected calibrator JSON, found malformed JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InputException(source, 0, null, "expected a JSON object with \"type\" and \"version\"");
        }
        JsonNode version = root.get(Field.VERSION.key());
        if (version == null || !version.isInt() || version.asInt() != VERSION) {
            throw new InputException(source, 0, null, "expected \"version\": " + VERSION + ", found "
                    + (version == null ? "none" : version.toString()));
        }
        JsonNode type = root.get(Field.TYPE.key());
        String t = type == null ? null : type.asText();
        try {
            if ("platt".equals(t)) {
                return new PlattCalibrator(number(root, Field.A.key(), source), number(root, Field.B.key(), source));
            }
            if ("isotonic".equals(t)) {
                return IsotonicCalibrator.of(numbers(root, Field.X.key(), source), numbers(root, Field.Y.key(), source));
            }
            if ("prior_shift".equals(t)) {
                return PriorShiftCalibrator.of(numbers(root, Field.TRAINING_PRIORS.key(), source),
                        numbers(root, Field.TARGET_PRIORS.key(), source));
            }
        } catch (IllegalArgumentException e) {
            throw new InputException(source, 0, null, "invalid " + t + " calibrator: " + e.getMessage(), e);
        }
        throw new InputException(source, 0, null, "expected \"type\" platt, isotonic or prior_shift, found "
                + (type == null ? "none" : type.toString()));
    }

    private static double number(JsonNode root, String key, String source) throws InputException {
        JsonNode n = root.get(key);
        if (n == null || !n.isNumber()) {
            throw new InputException(source, 0, null, "expected a number in \"" + key + "\", found "
                    + (n == null ? "none" : n.toString()));
        }
        return n.asDouble();
    }

    private static double[] numbers(JsonNode root, String key, String source) throws InputException {
        JsonNode n = root.get(key);
        if (n == null || !n.isArray()) {
            throw new InputException(source, 0, null, "expected an array of numbers in \"" + key + "\", found "
                    + (n == null ? "none" : n.toString()));
        }
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            if (!n.get(i).isNumber()) {
                throw new InputException(source, 0, null, "expected a number in \"" + key + "\"[" + i + "], found "
                        + n.get(i));
            }
            out[i] = n.get(i).asDouble();
        }
        return out;
    }
}

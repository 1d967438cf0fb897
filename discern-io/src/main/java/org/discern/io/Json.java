package org.discern.io;

import java.io.IOException;
import java.io.Writer;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON conventions of Discern's output: snake_case keys in a stable order, undefined numbers
 * (NaN, infinities) written as {@code null}, whole counts written as integers, two-space
 * indentation, {@code \n} line ends whatever the platform.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    /** A new, empty, insertion-ordered object. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** A new, empty array. */
    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** Puts a number, or null when it is NaN or infinite. */
    public static ObjectNode number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
        return node;
    }

    /** Puts a count: an integer when it is whole (and not huge), else a number; null if not finite. */
    public static ObjectNode count(ObjectNode node, String key, double value) {
        if (Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 1e15) {
            node.put(key, (long) value);
        } else {
            number(node, key, value);
        }
        return node;
    }

    /** Adds a count to an array: an integer when it is whole (and not huge), else a number; null if not finite. */
    public static ArrayNode count(ArrayNode array, double value) {
        if (Double.isFinite(value) && value == Math.rint(value) && Math.abs(value) < 1e15) {
            array.add((long) value);
        } else {
            add(array, value);
        }
        return array;
    }

    /** Adds a number to an array, null when NaN or infinite. */
    public static ArrayNode add(ArrayNode array, double value) {
        if (Double.isFinite(value)) {
            array.add(value);
        } else {
            array.addNull();
        }
        return array;
    }

    /** Pretty-printed text with a final newline. */
    public static String toText(JsonNode node) {
        try {
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter();
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            pp.indentObjectsWith(indenter);
            pp.indentArraysWith(indenter);
            return MAPPER.writer(pp).writeValueAsString(node) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise JSON", e);
        }
    }

    /** Writes pretty-printed JSON and a newline. */
    public static void write(JsonNode node, Writer out) throws IOException {
        out.write(toText(node));
        out.flush();
    }

    /** Parses JSON text. */
    public static JsonNode parse(String text) throws IOException {
        return MAPPER.readTree(text);
    }

    /** The shared mapper (configured for Discern's conventions). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}

package org.discern.io;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
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
    /**
     * Writes every output. Text is written from the tree with jackson-core's generator alone: an
     * {@code ObjectMapper} costs about 0.17 s to create in a fresh JVM (its date format, time zone
     * and locale data), which every command would pay on its way out; only reading JSON needs one.
     */
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The mapper, made on first use (reading JSON). */
    private static final class Mapper {
        static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

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

    /**
     * Pretty-printed text with a final newline: two-space indentation, {@code \n} line ends, the
     * same text an {@code ObjectMapper} writes for the tree ({@code JsonTextTest}).
     */
    public static String toText(JsonNode node) {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter();
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        pp.indentObjectsWith(indenter);
        pp.indentArraysWith(indenter);
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(pp);
            write(g, node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise JSON", e);
        }
        return out + "\n";
    }

    /** Writes a tree value by value, as the mapper's node serializers write it. */
    private static void write(JsonGenerator g, JsonNode n) throws IOException {
        switch (n.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    g.writeFieldName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode child : n) {
                    write(g, child);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(n.textValue());
            case BOOLEAN -> g.writeBoolean(n.booleanValue());
            case NULL, MISSING -> g.writeNull();
            case NUMBER -> {
                switch (n.numberType()) {
                    case INT -> g.writeNumber(n.intValue());
                    case LONG -> g.writeNumber(n.longValue());
                    case FLOAT -> g.writeNumber(n.floatValue());
                    case DOUBLE -> g.writeNumber(n.doubleValue());
                    case BIG_INTEGER -> g.writeNumber(n.bigIntegerValue());
                    case BIG_DECIMAL -> g.writeNumber(n.decimalValue());
                    default -> throw new IllegalStateException("a number of type " + n.numberType());
                }
            }
            case BINARY -> g.writeBinary(n.binaryValue());
            default -> throw new IllegalStateException("cannot write a " + n.getNodeType() + " node as JSON");
        }
    }

    /** Writes pretty-printed JSON and a newline. */
    public static void write(JsonNode node, Writer out) throws IOException {
        out.write(toText(node));
        out.flush();
    }

    /** Parses JSON text. */
    public static JsonNode parse(String text) throws IOException {
        return Mapper.MAPPER.readTree(text);
    }

    /** The shared mapper (configured for Discern's conventions). */
    public static ObjectMapper mapper() {
        return Mapper.MAPPER;
    }
}

package org.discern.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * {@link Json#toText} writes a tree with jackson-core's generator alone: the same text, byte for
 * byte, as an {@code ObjectMapper} with the same pretty printer writes (what it did before), on
 * random trees of every node type Discern's outputs hold and some they do not.
 */
class JsonTextTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The text as the mapper writes it. */
    private static String mapperText(JsonNode node) throws Exception {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter();
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        pp.indentObjectsWith(indenter);
        pp.indentArraysWith(indenter);
        return new ObjectMapper().writer(pp).writeValueAsString(node) + "\n";
    }

    private static final String[] TEXTS = {"", "a", "roc_auc", "é ü ß", "\"quoted\"", "back\\slash", "tab\there",
        "line\nbreak", "\u0000\u001f", "emoji \uD83D\uDE00", "</script>", "日本語"};

    private static JsonNode value(SplittableRandom r, int depth) {
        int kind = r.nextInt(depth > 3 ? 9 : 11);
        return switch (kind) {
            case 0 -> NODES.numberNode(r.nextDouble() * Math.pow(10, r.nextInt(-320, 310)));
            case 1 -> NODES.numberNode(r.nextLong());
            case 2 -> NODES.numberNode(r.nextInt());
            case 3 -> NODES.numberNode((float) r.nextGaussian());
            case 4 -> NODES.numberNode(new BigDecimal(BigInteger.valueOf(r.nextLong()), r.nextInt(-5, 20)));
            case 5 -> NODES.numberNode(BigInteger.valueOf(r.nextLong()).shiftLeft(r.nextInt(80)));
            case 6 -> NODES.textNode(TEXTS[r.nextInt(TEXTS.length)]);
            case 7 -> NODES.booleanNode(r.nextBoolean());
            case 8 -> r.nextBoolean() ? NODES.nullNode() : NODES.numberNode(new double[] {0.0, -0.0, 1e-300, 4.9e-324,
                Double.MAX_VALUE, 0.1, 1e15, 1e16, 123456789012345678.0}[r.nextInt(9)]);
            case 9 -> {
                ArrayNode a = NODES.arrayNode();
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    a.add(value(r, depth + 1));
                }
                yield a;
            }
            default -> {
                ObjectNode o = NODES.objectNode();
                int n = r.nextInt(6);
                for (int i = 0; i < n; i++) {
                    o.set(TEXTS[r.nextInt(TEXTS.length)] + i, value(r, depth + 1));
                }
                yield o;
            }
        };
    }

    @Test
    void sameTextAsTheMapper() throws Exception {
        SplittableRandom r = new SplittableRandom(20261207);
        for (int t = 0; t < 2000; t++) {
            JsonNode tree = value(r, 0);
            assertEquals(mapperText(tree), Json.toText(tree), () -> "tree " + tree);
        }
    }

    @Test
    void emptyContainersAndTheRootAlone() throws Exception {
        for (JsonNode tree : new JsonNode[] {NODES.objectNode(), NODES.arrayNode(), NODES.textNode("x"),
            NODES.numberNode(1.5), NODES.nullNode(), NODES.objectNode().set("a", NODES.arrayNode())}) {
            assertEquals(mapperText(tree), Json.toText(tree));
        }
    }

    @Test
    void aSummaryAsEvaluateWritesIt() throws Exception {
        ObjectNode o = Json.object();
        o.put("task", "binary");
        Json.count(o, "n", 10);
        Json.number(o, "roc_auc", 0.8019205358733837);
        Json.number(o, "ks", Double.NaN);
        ArrayNode a = o.putArray("thresholds");
        Json.add(a, 0.5);
        Json.count(a, 3);
        Json.add(a, Double.POSITIVE_INFINITY);
        assertEquals(mapperText(o), Json.toText(o));
        assertEquals("{\n  \"task\" : \"binary\",\n  \"n\" : 10,\n  \"roc_auc\" : 0.8019205358733837,\n  \"ks\" : null,\n"
                + "  \"thresholds\" : [\n    0.5,\n    3,\n    null\n  ]\n}\n", Json.toText(o));
    }
}

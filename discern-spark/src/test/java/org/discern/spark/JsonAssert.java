package org.discern.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.discern.metrics.SameEvaluation;

/** Parsed JSON equality: same keys in the same order, same text, numbers equal within a tolerance. */
final class JsonAssert {
    private JsonAssert() {
    }

    static void same(JsonNode expected, JsonNode actual, double rel, String path) {
        if (expected.isNumber() && actual.isNumber()) {
            if (expected.isIntegralNumber() || actual.isIntegralNumber()) {
                assertEquals(expected.asText(), actual.asText(), path);
            } else {
                SameEvaluation.close(expected.asDouble(), actual.asDouble(), rel, path);
            }
            return;
        }
        assertEquals(expected.getNodeType(), actual.getNodeType(), path + " type");
        if (expected.isObject()) {
            List<String> a = new ArrayList<>();
            expected.fieldNames().forEachRemaining(a::add);
            List<String> b = new ArrayList<>();
            actual.fieldNames().forEachRemaining(b::add);
            assertEquals(a, b, path + " keys");
            for (String k : a) {
                same(expected.get(k), actual.get(k), rel, path + "." + k);
            }
        } else if (expected.isArray()) {
            assertEquals(expected.size(), actual.size(), path + " size");
            Iterator<JsonNode> x = expected.elements();
            Iterator<JsonNode> y = actual.elements();
            for (int i = 0; x.hasNext(); i++) {
                same(x.next(), y.next(), rel, path + "[" + i + "]");
            }
        } else {
            assertTrue(expected.equals(actual), path + ": expected " + expected + " but was " + actual);
        }
    }
}

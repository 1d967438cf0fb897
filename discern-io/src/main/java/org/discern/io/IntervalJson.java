package org.discern.io;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.discern.metrics.AucComparison;
import org.discern.metrics.ConfidenceInterval;

/**
 * JSON of confidence intervals and model comparisons (issue 4's keys):
 * an interval is {@code {"method", "level", "lower", "upper"}}; a comparison is
 * {@code {"a", "b", "roc_auc_a", "roc_auc_b", "difference", "difference_ci": [lo, hi],
 * "covariance", "z", "p_value", "p_value_holm", "method"}}, and {@code "df"} after {@code "z"}
 * when the statistic is referred to Student's t (the unpaired DeLong test). Undefined numbers are
 * null.
 */
public final class IntervalJson {
    private IntervalJson() {
    }

    /** {@code {"method", "level", "lower", "upper"}}. */
    public static ObjectNode interval(ConfidenceInterval ci) {
        ObjectNode o = Json.object();
        o.put("method", ci.method());
        Json.number(o, "level", ci.level());
        Json.number(o, "lower", ci.lower());
        Json.number(o, "upper", ci.upper());
        return o;
    }

    /** One comparison object. */
    public static ObjectNode comparison(AucComparison c) {
        ObjectNode o = Json.object();
        o.put("a", c.a());
        o.put("b", c.b());
        Json.number(o, "roc_auc_a", c.aucA());
        Json.number(o, "roc_auc_b", c.aucB());
        Json.number(o, "difference", c.difference());
        ArrayNode ci = o.putArray("difference_ci");
        Json.add(ci, c.differenceLower());
        Json.add(ci, c.differenceUpper());
        Json.number(o, "covariance", c.covariance());
        Json.number(o, "z", c.z());
        if (!Double.isNaN(c.degreesOfFreedom())) {
            Json.number(o, "df", c.degreesOfFreedom());
        }
        Json.number(o, "p_value", c.pValue());
        Json.number(o, "p_value_holm", c.pValueHolm());
        o.put("method", c.method());
        return o;
    }

    /** {@code {"comparisons": [...]}} in the given order. */
    public static ObjectNode comparisons(List<AucComparison> comparisons) {
        ObjectNode o = Json.object();
        ArrayNode a = o.putArray("comparisons");
        comparisons.forEach(c -> a.add(comparison(c)));
        return o;
    }

    /**
     * A copy of {@code object} with {@code key: value} inserted right after {@code afterKey}
     * (at the end when {@code afterKey} is absent), so related keys stay together.
     */
    public static ObjectNode insertAfter(ObjectNode object, String afterKey, String key, JsonNode value) {
        ObjectNode out = Json.object();
        boolean done = false;
        Iterator<Map.Entry<String, JsonNode>> it = object.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(key)) {
                continue;
            }
            out.set(e.getKey(), e.getValue());
            if (e.getKey().equals(afterKey)) {
                out.set(key, value);
                done = true;
            }
        }
        if (!done) {
            out.set(key, value);
        }
        return out;
    }
}

package org.discern.io;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.discern.metrics.AucComparison;
import org.discern.metrics.BootstrapOptions;
import org.discern.metrics.Field;

/**
 * The JSON object of {@code discern compare --format json}: {@code {"comparisons": [{["class"],
 * "a", "b", "roc_auc_a", "roc_auc_b", "difference", "difference_ci": [lo, hi], "covariance", "z",
 * ["df"], "p_value", "p_value_holm", "method"}], "paired", "level", ["bootstrap": {"replicates",
 * "seed"}], "warnings"}}. {@code "df"} is there only when the statistic is referred to Student's t
 * (the unpaired DeLong test). Keys from {@link Field}; undefined numbers are null.
 */
public final class ComparisonJson {
    private ComparisonJson() {
    }

    /**
     * The whole object.
     *
     * @param classes per comparison, the class it compares (multi-class files), or null
     * @param comparisons the tests, in output order
     * @param paired whether the samples were paired
     * @param level confidence level of the intervals
     * @param bootstrap the bootstrap's settings, or null when none was drawn
     * @param warnings warnings, in order
     */
    public static ObjectNode of(List<String> classes, List<AucComparison> comparisons, boolean paired,
            double level, BootstrapOptions bootstrap, List<String> warnings) {
        ObjectNode json = Json.object();
        ArrayNode list = json.putArray(Field.COMPARISONS.key());
        for (int i = 0; i < comparisons.size(); i++) {
            ObjectNode o = list.addObject();
            if (classes != null) {
                o.put(Field.CLASS.key(), classes.get(i));
            }
            o.setAll(comparison(comparisons.get(i)));
        }
        json.put(Field.PAIRED.key(), paired);
        Json.number(json, Field.LEVEL.key(), level);
        if (bootstrap != null) {
            ObjectNode b = json.putObject(Field.BOOTSTRAP.key());
            b.put(Field.REPLICATES.key(), bootstrap.replicates());
            b.put(Field.SEED.key(), bootstrap.seed());
        }
        ArrayNode w = json.putArray(Field.WARNINGS.key());
        warnings.forEach(w::add);
        return json;
    }

    /** One comparison object. */
    public static ObjectNode comparison(AucComparison c) {
        ObjectNode o = Json.object();
        o.put(Field.A.key(), c.a());
        o.put(Field.B.key(), c.b());
        Json.number(o, Field.ROC_AUC_A.key(), c.aucA());
        Json.number(o, Field.ROC_AUC_B.key(), c.aucB());
        Json.number(o, Field.DIFFERENCE.key(), c.difference());
        ArrayNode ci = o.putArray(Field.DIFFERENCE_CI.key());
        Json.add(ci, c.differenceLower());
        Json.add(ci, c.differenceUpper());
        Json.number(o, Field.COVARIANCE.key(), c.covariance());
        Json.number(o, Field.Z.key(), c.z());
        if (!Double.isNaN(c.degreesOfFreedom())) {
            Json.number(o, Field.DF.key(), c.degreesOfFreedom());
        }
        Json.number(o, Field.P_VALUE.key(), c.pValue());
        Json.number(o, Field.P_VALUE_HOLM.key(), c.pValueHolm());
        o.put(Field.METHOD.key(), c.method());
        return o;
    }
}

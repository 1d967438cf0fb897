package org.discern.cli;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.discern.io.Predictions;
import org.discern.metrics.EvaluationSummary;
import org.discern.metrics.Field;

/**
 * Warnings that depend on how the input was read: the rows {@code --drop-invalid} left out, and
 * rows named by discern-core (by their 0-based index) renamed as the input names them (the file
 * line, header counted, as in every error; the Parquet row; the NumPy index). Added wherever a
 * command shows its evaluation's warnings: standard error and the JSON {@code warnings}.
 */
final class InputWarnings {
    private InputWarnings() {
    }

    /** The reader's own warnings about {@code p} (rows dropped), empty when none. */
    static List<String> read(Predictions p) {
        return p.inputRows().droppedWarning(p.source());
    }

    /** {@code evaluation}'s warnings with rows named as in the input, then the reader's. */
    static List<String> of(Predictions p, List<String> evaluation) {
        List<String> all = new ArrayList<>(p.inputRows().renameRows(evaluation));
        all.addAll(read(p));
        return all;
    }

    /** {@code s} with its warnings as {@link #of} gives them. */
    static EvaluationSummary summary(Predictions p, EvaluationSummary s) {
        return s.withWarnings(of(p, s.warnings()));
    }

    /** Adds the reader's warnings about {@code p} to the {@code warnings} array of a JSON object. */
    static JsonNode addTo(JsonNode json, Predictions p) {
        List<String> more = read(p);
        if (!more.isEmpty() && json instanceof ObjectNode o) {
            JsonNode w = o.get(Field.WARNINGS.key());
            ArrayNode array = w instanceof ArrayNode a ? a : o.putArray(Field.WARNINGS.key());
            more.forEach(array::add);
        }
        return json;
    }
}

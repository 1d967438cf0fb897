package org.discern.metrics;

import java.util.List;
import java.util.Optional;

/**
 * The evaluation of one slice: its group values, its rows, its summary (the same values as the
 * whole sample's, computed on the slice's rows alone) and, for binary predictions, the unpaired
 * DeLong test of its ROC AUC against that of every other row ({@code a} = the slice, {@code b} =
 * "rest"), with the p-value Holm-adjusted over the slices shown together.
 *
 * @param columns names of the group columns
 * @param values the slice's value of each group column
 * @param rows number of rows of the slice
 * @param summary the slice's evaluation; a slice with one class has a NaN ROC AUC and a warning
 * @param versusRest the slice against the rest (binary only; empty when there is no rest)
 * @param warnings why a value of this slice is undefined or an interval is missing; never null
 */
public record SliceSummary(List<String> columns, List<String> values, int rows, EvaluationSummary summary,
        Optional<AucComparison> versusRest, List<String> warnings) {

    /** Copies the lists. */
    public SliceSummary {
        columns = List.copyOf(columns);
        values = List.copyOf(values);
        warnings = List.copyOf(warnings);
    }

    /** The slice's name: {@code column=value} for each group column, joined by commas. */
    public String name() {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < columns.size(); c++) {
            sb.append(c == 0 ? "" : ",").append(columns.get(c)).append('=').append(values.get(c));
        }
        return sb.toString();
    }

    /** The same slice with {@code s} as its summary (its warnings renamed, say). */
    public SliceSummary withSummary(EvaluationSummary s) {
        return new SliceSummary(columns, values, rows, s, versusRest, warnings);
    }

    SliceSummary withVersusRest(AucComparison c) {
        return new SliceSummary(columns, values, rows, summary, Optional.of(c), warnings);
    }
}

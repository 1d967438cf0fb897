package org.discern.cli;

import java.util.ArrayList;
import java.util.List;

import org.discern.io.InputSpec;
import picocli.CommandLine.Option;

/**
 * {@code --group}, {@code --min-slice} and {@code --fold}, shared by {@code evaluate} and
 * {@code report}: the columns read beside the predictions and how the rows are split.
 */
public final class SliceOptions {
    @Option(names = "--group", paramLabel = "COL[,COL...]",
            description = {"Also evaluate every slice of the rows by the values of this column: every metric,"
                    + " the same --ci intervals, and (binary) the slice's ROC AUC against the rest's by the"
                    + " unpaired DeLong test, Holm-adjusted over the slices. Repeat for several groupings,"
                    + " each on its own; a,b slices by the combinations of a and b. CSV/TSV input only."})
    List<String> groups;

    @Option(names = "--min-slice", paramLabel = "N", converter = OptionBounds.MinSlice.class,
            description = "Hide the slices with fewer than N rows (says how many were hidden; default: show all).")
    Integer minSlice;

    @Option(names = "--fold", paramLabel = "COL",
            description = {"Cross-validated predictions: the column naming each row's fold. Per-fold metrics,"
                    + " their mean and sd, the pooled ROC AUC beside the mean of the folds', and (binary) the"
                    + " vertically averaged ROC and PR curves with their bands. CSV/TSV input only."})
    String fold;

    /** Whether any of the options was given. */
    boolean any() {
        return groups != null || fold != null;
    }

    /**
     * The groupings, one per {@code --group}, each the list of its columns.
     *
     * @throws UsageException on an empty column name, a column named twice in one grouping, or
     *     {@code --min-slice} without {@code --group} or below 0
     */
    List<List<String>> groupings() {
        if (minSlice != null && groups == null) {
            throw new UsageException("--min-slice applies to slices: add --group COL");
        }
        if (minSlice != null && minSlice < 0) {
            throw new UsageException("--min-slice must be >= 0, got " + minSlice);
        }
        if (fold != null && fold.isBlank()) {
            throw new UsageException("--fold needs a column name, got '" + fold + "'");
        }
        List<List<String>> out = new ArrayList<>();
        if (groups == null) {
            return out;
        }
        for (String g : groups) {
            List<String> columns = new ArrayList<>();
            for (String c : g.split(",", -1)) {
                if (c.isBlank()) {
                    throw new UsageException("--group needs column names separated by commas, got '" + g + "'");
                }
                if (columns.contains(c)) {
                    throw new UsageException("--group " + g + " names column '" + c + "' twice");
                }
                columns.add(c);
            }
            out.add(columns);
        }
        return out;
    }

    /** The least rows of a slice shown (0: every slice). */
    int minSlice() {
        return minSlice == null ? 0 : minSlice;
    }

    /** {@code spec} with the group and fold columns to read beside the predictions. */
    InputSpec spec(InputSpec spec) {
        List<String> columns = new ArrayList<>();
        groupings().forEach(columns::addAll);
        return spec.toBuilder().groupColumns(columns).foldColumn(fold).build();
    }
}

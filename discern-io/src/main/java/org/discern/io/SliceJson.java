package org.discern.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.discern.metrics.AveragedCurve;
import org.discern.metrics.EvaluationSummary;
import org.discern.metrics.Field;
import org.discern.metrics.FoldEvaluation;
import org.discern.metrics.SliceEvaluation;
import org.discern.metrics.SliceSummary;

/**
 * The JSON of {@code discern evaluate --group ... --fold ...}: the whole sample's summary
 * ({@link SummaryJson}) with, before its {@code warnings}, a {@code slices} array and a
 * {@code folds} object. Keys from {@link Field} and the metric registry; undefined numbers are null.
 *
 * <p>{@code slices}: one object per slice of every grouping, in the order the groupings were
 * given and, within one, in order of first appearance: {@code slice} ("sex=F", "sex=F,age=old"),
 * {@code columns}, {@code values}, then the slice's own summary with the keys of the whole
 * ({@code task}, {@code n}, ..., the metric values and their intervals), then for binary
 * predictions {@code versus_rest} (the unpaired DeLong test of the slice's ROC AUC against every
 * other row, the object of {@code compare}: {@code a} = the slice, {@code b} = "rest", {@code df},
 * {@code p_value}, {@code p_value_holm} adjusted over the slices of the same grouping), and the
 * slice's {@code warnings} (its summary's, then why a value or the test is missing).
 *
 * <p>{@code folds}: {@code column}; {@code <auc key>_pooled} (all rows at once) and
 * {@code <auc key>_mean_of_folds} (the auc key is {@code roc_auc} for binary,
 * {@code roc_auc_ovr_macro} for multi-class); {@code mean} and {@code sd} (population, over the
 * folds where a value is defined), objects keyed by metric key; {@code per_fold}, one object per
 * fold: {@code fold}, then its summary; binary: {@code averaged_roc} and {@code averaged_pr},
 * each {@code {x, y, curves, grid, mean, sd, lower, upper, min, max}} (lower/upper: mean &plusmn; sd
 * clipped to [0, 1]).
 *
 * <p>The top-level {@code warnings} are the whole sample's, then how many slices were hidden by
 * {@code --min-slice}, then the folds' (a fold left out of a mean or of the averaged curves).
 */
public final class SliceJson {
    private SliceJson() {
    }

    /**
     * The whole object.
     *
     * @param whole the summary of every row
     * @param groupings one evaluation per --group, in order (may be empty)
     * @param folds the cross-validation, if --fold was given
     */
    public static ObjectNode of(EvaluationSummary whole, List<SliceEvaluation> groupings, Optional<FoldEvaluation> folds) {
        ObjectNode o = SummaryJson.of(whole);
        JsonNode warnings = o.remove(Field.WARNINGS.key());
        List<String> more = new ArrayList<>();
        if (!groupings.isEmpty()) {
            ArrayNode slices = o.putArray(Field.SLICES.key());
            for (SliceEvaluation g : groupings) {
                g.slices().forEach(s -> slices.add(slice(s)));
                more.addAll(g.warnings());
            }
        }
        folds.ifPresent(f -> {
            o.set(Field.FOLDS.key(), folds(f));
            more.addAll(f.warnings());
        });
        ArrayNode w = o.putArray(Field.WARNINGS.key());
        w.addAll((ArrayNode) warnings);
        more.forEach(w::add);
        return o;
    }

    /** The object of {@link #of} as pretty-printed text with a final newline. */
    public static String toText(EvaluationSummary whole, List<SliceEvaluation> groupings,
            Optional<FoldEvaluation> folds) {
        return Json.toText(of(whole, groupings, folds));
    }

    /** One slice: slice, columns, values, its summary, versus_rest, warnings. */
    public static ObjectNode slice(SliceSummary s) {
        ObjectNode o = Json.object();
        o.put(Field.SLICE.key(), s.name());
        ArrayNode columns = o.putArray(Field.COLUMNS.key());
        s.columns().forEach(columns::add);
        ArrayNode values = o.putArray(Field.VALUES.key());
        s.values().forEach(values::add);
        ArrayNode warnings = summary(o, s.summary());
        s.versusRest().ifPresent(c -> o.set(Field.VERSUS_REST.key(), ComparisonJson.comparison(c)));
        s.warnings().forEach(warnings::add);
        o.set(Field.WARNINGS.key(), warnings);
        return o;
    }

    /** The folds object. */
    public static ObjectNode folds(FoldEvaluation f) {
        ObjectNode o = Json.object();
        o.put(Field.COLUMN.key(), f.column());
        Json.number(o, Field.pooled(f.aucKey()), f.rocAucPooled());
        Json.number(o, Field.meanOfFolds(f.aucKey()), f.rocAucMeanOfFolds());
        ObjectNode mean = o.putObject(Field.MEAN.key());
        ObjectNode sd = o.putObject(Field.SD.key());
        for (FoldEvaluation.FoldStatistic s : f.statistics()) {
            Json.number(mean, s.key().key(), s.mean());
            Json.number(sd, s.key().key(), s.sd());
        }
        ArrayNode per = o.putArray(Field.PER_FOLD.key());
        for (SliceSummary s : f.folds()) {
            ObjectNode fold = per.addObject();
            fold.put(Field.FOLD.key(), s.values().get(0));
            ArrayNode warnings = summary(fold, s.summary());
            s.warnings().forEach(warnings::add);
            fold.set(Field.WARNINGS.key(), warnings);
        }
        f.roc().ifPresent(c -> o.set(Field.AVERAGED_ROC.key(), curve(c)));
        f.precisionRecall().ifPresent(c -> o.set(Field.AVERAGED_PR.key(), curve(c)));
        return o;
    }

    /** {x, y, curves, grid, mean, sd, lower, upper, min, max}. */
    public static ObjectNode curve(AveragedCurve c) {
        ObjectNode o = Json.object();
        o.put(Field.X.key(), c.axis().x());
        o.put(Field.Y.key(), c.axis().y());
        o.put(Field.CURVES.key(), c.curves());
        array(o, Field.GRID, c.size(), c::x);
        array(o, Field.MEAN, c.size(), c::mean);
        array(o, Field.SD, c.size(), c::sd);
        array(o, Field.LOWER, c.size(), c::lower);
        array(o, Field.UPPER, c.size(), c::upper);
        array(o, Field.MIN, c.size(), c::min);
        array(o, Field.MAX, c.size(), c::max);
        return o;
    }

    /** Puts every key of the summary's JSON but its warnings into {@code o}; returns those warnings. */
    private static ArrayNode summary(ObjectNode o, EvaluationSummary s) {
        ObjectNode json = SummaryJson.of(s);
        ArrayNode warnings = (ArrayNode) json.remove(Field.WARNINGS.key());
        o.setAll(json);
        return warnings;
    }

    private static void array(ObjectNode o, Field key, int n, IntToDoubleFunction value) {
        ArrayNode a = o.putArray(key.key());
        for (int i = 0; i < n; i++) {
            Json.add(a, value.applyAsDouble(i));
        }
    }
}

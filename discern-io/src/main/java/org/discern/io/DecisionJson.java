package org.discern.io;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.discern.metrics.BootstrapOptions;
import org.discern.metrics.BootstrapResult;
import org.discern.metrics.Calibration;
import org.discern.metrics.CalibrationBootstrap;
import org.discern.metrics.ConfidenceInterval;
import org.discern.metrics.CostDecision;
import org.discern.metrics.CostMatrix;
import org.discern.metrics.DecisionCurve;
import org.discern.metrics.Field;
import org.discern.metrics.Metric;
import org.discern.metrics.MetricKey;
import org.discern.metrics.MulticlassCalibration;
import org.discern.metrics.MulticlassConfusionMatrix;
import org.discern.metrics.PriorShiftCalibrator;
import org.discern.metrics.ThresholdChoice;
import org.discern.metrics.ThresholdCriterion;

/** JSON objects of chosen thresholds and calibration figures (the {@code threshold} and {@code calibrate} commands). */
public final class DecisionJson {
    /** The treatment rule of a decision curve, as written to its JSON. */
    public static final String RULE = "treat iff score >= threshold";

    private DecisionJson() {
    }

    /**
     * A chosen threshold. Keys, in order: criterion, threshold, confusion {tp, fp, tn, fn},
     * precision, recall, specificity, f1, mcc, [expected_cost (cost criteria only)], value (the
     * criterion's own value), flagged_fraction, warnings. An infeasible choice has null
     * threshold, confusion and metrics; when flagging nothing is best the threshold is the string
     * {@code "inf"} (as in the fixtures), since JSON has no infinity and null means infeasible.
     */
    public static ObjectNode threshold(ThresholdChoice c) {
        ObjectNode o = Json.object();
        o.put(Field.CRITERION.key(), c.criterion().spec());
        Json.number(o, Field.THRESHOLD.key(), c.threshold());
        if (c.threshold() == Double.POSITIVE_INFINITY) {
            // flag nothing: JSON has no infinity, say it in words rather than null (which means infeasible)
            o.put(Field.THRESHOLD.key(), "inf");
        }
        if (c.feasible()) {
            o.set(Field.CONFUSION.key(), SummaryJson.confusion(c.confusion().orElseThrow()));
        } else {
            o.putNull(Field.CONFUSION.key());
        }
        Json.number(o, key(Metric.PRECISION), c.precision());
        Json.number(o, key(Metric.RECALL), c.recall());
        Json.number(o, key(Metric.SPECIFICITY), c.specificity());
        Json.number(o, key(Metric.F1), c.f1());
        Json.number(o, key(Metric.MCC), c.mcc());
        if (c.criterion() instanceof ThresholdCriterion.MinCost) {
            Json.number(o, key(Metric.EXPECTED_COST), c.expectedCost());
        }
        Json.number(o, Field.VALUE.key(), c.value());
        Json.number(o, key(Metric.FLAGGED_FRACTION), c.flaggedFraction());
        ArrayNode w = o.putArray(Field.WARNINGS.key());
        c.warnings().forEach(w::add);
        return o;
    }

    /** Calibration figures with 95% Wilson bins and no bootstrap; see {@link #calibration(Calibration, double, BootstrapResult)}. */
    public static ObjectNode calibration(Calibration c) {
        return calibration(c, BootstrapOptions.DEFAULT_LEVEL, null);
    }

    /**
     * Calibration figures. Keys: binning, bins, brier, ece, (ece_ci), mce, (mce_ci), reliability,
     * resolution, uncertainty, within_bin_variance, within_bin_covariance, curve {bin, lower,
     * upper, count, weight, mean_predicted, observed_frequency, observed_lower, observed_upper,
     * observed_interval {method, level}} (arrays over the non-empty bins; the bounds are Wilson
     * intervals), (bootstrap {replicates, seed}), warnings.
     *
     * @param level level of the bins' Wilson intervals
     * @param boot bootstrap of ECE and MCE ({@link CalibrationBootstrap#binary}), or null
     */
    public static ObjectNode calibration(Calibration c, double level, BootstrapResult boot) {
        ObjectNode o = Json.object();
        o.put(Field.BINNING.key(), c.binning().label());
        o.put(Field.BINS.key(), c.bins());
        Json.number(o, key(Metric.BRIER), c.brierScore());
        withInterval(o, MetricKey.of(Metric.ECE), c.expectedCalibrationError(), boot);
        withInterval(o, MetricKey.of(Metric.MCE), c.maximumCalibrationError(), boot);
        Json.number(o, key(Metric.RELIABILITY), c.reliability());
        Json.number(o, key(Metric.RESOLUTION), c.resolution());
        Json.number(o, key(Metric.UNCERTAINTY), c.uncertainty());
        Json.number(o, key(Metric.WITHIN_BIN_VARIANCE), c.withinBinVariance());
        Json.number(o, key(Metric.WITHIN_BIN_COVARIANCE), c.withinBinCovariance());
        o.set(Field.CURVE.key(), reliabilityCurve(c, level));
        bootstrap(o, boot);
        ArrayNode w = o.putArray(Field.WARNINGS.key());
        c.warnings().forEach(w::add);
        return o;
    }

    /**
     * Multi-class calibration figures. Keys: binning, bins, classes, ece_top_label, (its _ci),
     * ece_classwise, (its _ci), top_label (the binary figures of the top-label confidence),
     * per_class [{class, ece, (ece_ci), and the binary figures' keys from brier on}],
     * (bootstrap {replicates, seed}), warnings.
     *
     * @param boot bootstrap from {@link CalibrationBootstrap#multiclass}, or null
     */
    public static ObjectNode multiclassCalibration(MulticlassCalibration m, List<String> classes, double level,
            BootstrapResult boot) {
        ObjectNode o = Json.object();
        Calibration top = m.topLabel();
        o.put(Field.BINNING.key(), top.binning().label());
        o.put(Field.BINS.key(), top.bins());
        ArrayNode names = o.putArray(Field.CLASSES.key());
        classes.forEach(names::add);
        withInterval(o, MetricKey.of(Metric.ECE_TOP_LABEL), top.expectedCalibrationError(), boot);
        withInterval(o, MetricKey.of(Metric.ECE_CLASSWISE), m.classwiseExpectedCalibrationError(), boot);
        ObjectNode t = calibration(top, level, null);
        t.remove(Field.WARNINGS.key());
        o.set(Field.TOP_LABEL.key(), t);
        ArrayNode per = o.putArray(Field.PER_CLASS.key());
        for (int k = 0; k < m.classes(); k++) {
            ObjectNode r = per.addObject();
            r.put(Field.CLASS.key(), classes.get(k));
            ObjectNode fig = calibration(m.perClass(k), level, null);
            fig.remove(Field.BINNING.key());
            fig.remove(Field.BINS.key());
            fig.remove(Field.WARNINGS.key());
            MetricKey ece = MetricKey.of(Metric.ECE);
            if (boot != null) {
                fig.set(Field.ci(ece), SummaryJson.interval(
                        boot.interval(BootstrapResult.classStatistic(ece, classes.get(k)))));
            }
            r.setAll(fig);
        }
        bootstrap(o, boot);
        ArrayNode w = o.putArray(Field.WARNINGS.key());
        top.warnings().forEach(x -> w.add("top label: " + x));
        for (int k = 0; k < m.classes(); k++) {
            String name = classes.get(k);
            m.perClass(k).warnings().forEach(x -> w.add(name + ": " + x));
        }
        if (boot != null) {
            boot.warnings().forEach(w::add);
        }
        return o;
    }

    private static void withInterval(ObjectNode o, MetricKey key, double value, BootstrapResult boot) {
        Json.number(o, key.key(), value);
        if (boot != null) {
            o.set(Field.ci(key), SummaryJson.interval(boot.interval(key)));
        }
    }

    private static void bootstrap(ObjectNode o, BootstrapResult boot) {
        if (boot != null) {
            ObjectNode b = o.putObject(Field.BOOTSTRAP.key());
            b.put(Field.REPLICATES.key(), boot.replicates());
            b.put(Field.SEED.key(), boot.seed());
        }
    }

    private static ObjectNode reliabilityCurve(Calibration c, double level) {
        ObjectNode curve = Json.object();
        ArrayNode bin = curve.putArray(Field.BIN.key());
        ArrayNode lower = curve.putArray(Field.LOWER.key());
        ArrayNode upper = curve.putArray(Field.UPPER.key());
        ArrayNode count = curve.putArray(Field.COUNT.key());
        ArrayNode weight = curve.putArray(Field.WEIGHT.key());
        ArrayNode mp = curve.putArray(Field.MEAN_PREDICTED.key());
        ArrayNode of = curve.putArray(Field.OBSERVED_FREQUENCY.key());
        ArrayNode ol = curve.putArray(Field.OBSERVED_LOWER.key());
        ArrayNode ou = curve.putArray(Field.OBSERVED_UPPER.key());
        int[] idx = c.binIndex();
        double[] edges = c.edges();
        long[] counts = c.counts();
        double[] weights = c.binWeights();
        for (int i = 0; i < c.size(); i++) {
            bin.add(idx[i]);
            Json.add(lower, edges[idx[i]]);
            Json.add(upper, edges[idx[i] + 1]);
            count.add(counts[i]);
            Json.add(weight, weights[i]);
            Json.add(mp, c.meanPredicted(i));
            Json.add(of, c.observedFrequency(i));
            ConfidenceInterval ci = c.observedInterval(i, level);
            Json.add(ol, ci.lower());
            Json.add(ou, ci.upper());
        }
        ObjectNode how = curve.putObject(Field.OBSERVED_INTERVAL.key());
        how.put(Field.METHOD.key(), ConfidenceInterval.WILSON);
        Json.number(how, Field.LEVEL.key(), level);
        return curve;
    }

    /**
     * A decision curve. Keys, in order: rule (the treatment rule in words), n (rows), weighted,
     * prevalence, decision_curve (one object per threshold probability: threshold, net_benefit,
     * net_benefit_all, net_benefit_none, standardized_net_benefit, and with a bootstrap
     * net_benefit_ci {method, level, lower, upper}), bootstrap {replicates, seed} (with a
     * bootstrap only), warnings.
     */
    public static ObjectNode decisionCurve(DecisionCurve c) {
        ObjectNode o = Json.object();
        o.put(Field.RULE.key(), RULE);
        o.put(Field.N.key(), c.rows());
        o.put(Field.WEIGHTED.key(), c.weighted());
        Json.number(o, Field.PREVALENCE.key(), c.prevalence());
        ArrayNode rows = o.putArray(Field.DECISION_CURVE.key());
        MetricKey nb = MetricKey.of(Metric.NET_BENEFIT);
        for (int i = 0; i < c.size(); i++) {
            ObjectNode r = rows.addObject();
            Json.number(r, Field.THRESHOLD.key(), c.threshold(i));
            Json.number(r, nb.key(), c.netBenefit(i));
            Json.number(r, Field.NET_BENEFIT_ALL.key(), c.netBenefitAll(i));
            Json.number(r, Field.NET_BENEFIT_NONE.key(), c.netBenefitNone(i));
            Json.number(r, key(Metric.STANDARDIZED_NET_BENEFIT), c.standardizedNetBenefit(i));
            c.interval(i).ifPresent(ci -> r.set(Field.ci(nb), SummaryJson.interval(ci)));
        }
        if (c.hasIntervals()) {
            ObjectNode b = o.putObject(Field.BOOTSTRAP.key());
            b.put(Field.REPLICATES.key(), c.replicates());
            b.put(Field.SEED.key(), c.seed());
        }
        ArrayNode w = o.putArray(Field.WARNINGS.key());
        c.warnings().forEach(w::add);
        return o;
    }

    /** The rule of decisions by cost, as written to their JSON. */
    public static final String COST_RULE = "decide the class of least expected cost; the first such class on ties";

    /**
     * Decisions by cost. Keys, in order: rule, n (rows), weighted, classes, cost_matrix (rows =
     * true class), with a prior correction training_priors and target_priors, then cost_decision
     * and argmax, each {total_cost, mean_cost, accuracy, confusion_matrix (rows = true class,
     * columns = decided class)}, and warnings.
     */
    public static ObjectNode costDecision(CostDecision d, boolean weighted) {
        ObjectNode o = Json.object();
        o.put(Field.RULE.key(), COST_RULE);
        o.put(Field.N.key(), d.size());
        o.put(Field.WEIGHTED.key(), weighted);
        CostMatrix costs = d.costs();
        ArrayNode classes = o.putArray(Field.CLASSES.key());
        costs.classes().forEach(classes::add);
        ArrayNode matrix = o.putArray(Field.COST_MATRIX.key());
        for (int i = 0; i < costs.size(); i++) {
            ArrayNode row = matrix.addArray();
            for (int j = 0; j < costs.size(); j++) {
                Json.add(row, costs.cost(i, j));
            }
        }
        PriorShiftCalibrator shift = d.priorShift();
        if (shift != null) {
            ArrayNode training = o.putArray(Field.TRAINING_PRIORS.key());
            for (double v : shift.trainingPriors()) {
                Json.add(training, v);
            }
            ArrayNode target = o.putArray(Field.TARGET_PRIORS.key());
            for (double v : shift.targetPriors()) {
                Json.add(target, v);
            }
        }
        decisions(o.putObject(Field.COST_DECISION.key()), d.totalCost(), d.meanCost(), d.confusion());
        decisions(o.putObject(Field.ARGMAX.key()), d.argmaxTotalCost(), d.argmaxMeanCost(), d.argmaxConfusion());
        ArrayNode w = o.putArray(Field.WARNINGS.key());
        d.warnings().forEach(w::add);
        return o;
    }

    private static void decisions(ObjectNode o, double total, double mean, MulticlassConfusionMatrix cm) {
        Json.number(o, Field.TOTAL_COST.key(), total);
        Json.number(o, Field.MEAN_COST.key(), mean);
        Json.number(o, key(Metric.ACCURACY), cm.accuracy());
        o.set(Field.CONFUSION_MATRIX.key(), SummaryJson.matrix(cm));
    }

    private static String key(Metric m) {
        return MetricKey.of(m).key();
    }
}

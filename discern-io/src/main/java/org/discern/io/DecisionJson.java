package org.discern.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.discern.metrics.Calibration;
import org.discern.metrics.ThresholdChoice;
import org.discern.metrics.ThresholdCriterion;

/** JSON objects of chosen thresholds and calibration figures (the {@code threshold} and {@code calibrate} commands). */
public final class DecisionJson {
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
        o.put("criterion", c.criterion().spec());
        Json.number(o, "threshold", c.threshold());
        if (c.threshold() == Double.POSITIVE_INFINITY) {
            // flag nothing: JSON has no infinity, say it in words rather than null (which means infeasible)
            o.put("threshold", "inf");
        }
        if (c.feasible()) {
            o.set("confusion", BinaryJson.confusion(c.confusion().orElseThrow()));
        } else {
            o.putNull("confusion");
        }
        Json.number(o, "precision", c.precision());
        Json.number(o, "recall", c.recall());
        Json.number(o, "specificity", c.specificity());
        Json.number(o, "f1", c.f1());
        Json.number(o, "mcc", c.mcc());
        if (c.criterion() instanceof ThresholdCriterion.MinCost) {
            Json.number(o, "expected_cost", c.expectedCost());
        }
        Json.number(o, "value", c.value());
        Json.number(o, "flagged_fraction", c.flaggedFraction());
        ArrayNode w = o.putArray("warnings");
        c.warnings().forEach(w::add);
        return o;
    }

    /**
     * Calibration figures. Keys: binning, bins, brier, ece, mce, reliability, resolution,
     * uncertainty, within_bin_variance, within_bin_covariance, curve {bin, lower, upper, count,
     * weight, mean_predicted, observed_frequency} (arrays over the non-empty bins), warnings.
     */
    public static ObjectNode calibration(Calibration c) {
        ObjectNode o = Json.object();
        o.put("binning", c.binning().label());
        o.put("bins", c.bins());
        Json.number(o, "brier", c.brierScore());
        Json.number(o, "ece", c.expectedCalibrationError());
        Json.number(o, "mce", c.maximumCalibrationError());
        Json.number(o, "reliability", c.reliability());
        Json.number(o, "resolution", c.resolution());
        Json.number(o, "uncertainty", c.uncertainty());
        Json.number(o, "within_bin_variance", c.withinBinVariance());
        Json.number(o, "within_bin_covariance", c.withinBinCovariance());
        ObjectNode curve = o.putObject("curve");
        ArrayNode bin = curve.putArray("bin");
        ArrayNode lower = curve.putArray("lower");
        ArrayNode upper = curve.putArray("upper");
        ArrayNode count = curve.putArray("count");
        ArrayNode weight = curve.putArray("weight");
        ArrayNode mp = curve.putArray("mean_predicted");
        ArrayNode of = curve.putArray("observed_frequency");
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
        }
        ArrayNode w = o.putArray("warnings");
        c.warnings().forEach(w::add);
        return o;
    }
}

package org.discern.metrics;

import java.util.Locale;

/**
 * A named rule for choosing a decision threshold, evaluated by {@link Thresholds#best}.
 *
 * <p>Every criterion turns the confusion matrix at a candidate threshold into one number,
 * {@link #value(ConfusionMatrix)}, that is either maximised or minimised
 * ({@link #largerIsBetter()}). A candidate where the value is {@code NaN} (undefined, or a
 * constraint not met) is not eligible. Candidates are every distinct score plus
 * {@code +Infinity} (nothing flagged); ties are resolved by {@link Thresholds#best}'s rule (the
 * highest threshold among equal values).
 *
 * <p>The textual form accepted by {@link #parse(String)} and returned by {@link #spec()}:
 * <table>
 * <caption>criteria</caption>
 * <tr><th>spec</th><th>chooses</th></tr>
 * <tr><td>{@code youden}</td><td>maximum Youden's J = sensitivity + specificity - 1</td></tr>
 * <tr><td>{@code closest}</td><td>minimum distance of (FPR, TPR) to the corner (0, 1)</td></tr>
 * <tr><td>{@code f1}, {@code fbeta:B}</td><td>maximum F-beta</td></tr>
 * <tr><td>{@code mcc}</td><td>maximum Matthews correlation</td></tr>
 * <tr><td>{@code cost}, {@code cost:CFP:CFN}, {@code cost:CFP:CFN:PREV}</td>
 *     <td>minimum expected cost per case ({@link MinCost})</td></tr>
 * <tr><td>{@code precision:P}</td><td>highest recall with precision &gt;= P</td></tr>
 * <tr><td>{@code recall:R}</td><td>highest precision with recall &gt;= R</td></tr>
 * <tr><td>{@code specificity:S}</td><td>highest sensitivity with specificity &gt;= S</td></tr>
 * <tr><td>{@code sensitivity:S}</td><td>highest specificity with sensitivity &gt;= S</td></tr>
 * <tr><td>{@code budget:Q%}, {@code budget:Q} (0 &lt; Q &lt; 1), {@code budget:K} (integer
 *     K &gt;= 1)</td><td>flag as many cases as the alert budget allows ({@link AlertBudget})</td></tr>
 * </table>
 */
public sealed interface ThresholdCriterion {

    /** The criterion's value at a confusion matrix; {@code NaN} when undefined or infeasible. */
    double value(ConfusionMatrix cm);

    /** Whether larger values of {@link #value} are better (otherwise smaller are). */
    boolean largerIsBetter();

    /** The canonical text form, accepted back by {@link #parse(String)}. */
    String spec();

    /**
     * Parses a criterion (case-insensitive, see the table in the type's documentation).
     * {@code cost} alone means unit costs at the sample's prevalence; the command line builds
     * {@link MinCost} from its own options instead.
     *
     * @throws IllegalArgumentException naming the spec and what was expected
     */
    static ThresholdCriterion parse(String spec) {
        if (spec == null) {
            throw new IllegalArgumentException("criterion must not be null");
        }
        String s = spec.trim().toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        String name = colon < 0 ? s : s.substring(0, colon);
        String arg = colon < 0 ? null : s.substring(colon + 1);
        switch (name) {
            case "youden":
                noArgument(spec, arg);
                return new Youden();
            case "closest":
                noArgument(spec, arg);
                return new ClosestToTopLeft();
            case "f1":
                noArgument(spec, arg);
                return new MaxFBeta(1);
            case "mcc":
                noArgument(spec, arg);
                return new MaxMcc();
            case "fbeta":
                return new MaxFBeta(number(spec, arg));
            case "cost":
                return parseCost(spec, arg);
            case "precision":
                return new RecallAtPrecision(number(spec, arg));
            case "recall":
                return new PrecisionAtRecall(number(spec, arg));
            case "specificity":
                return new SensitivityAtSpecificity(number(spec, arg));
            case "sensitivity":
                return new SpecificityAtSensitivity(number(spec, arg));
            case "budget":
                return AlertBudget.parse(spec, arg);
            default:
                throw new IllegalArgumentException("criterion must be one of youden, closest, f1, "
                        + "fbeta:B, mcc, cost, precision:P, recall:R, specificity:S, sensitivity:S, "
                        + "budget:Q, got '" + spec + "'");
        }
    }

    private static void noArgument(String spec, String arg) {
        if (arg != null) {
            throw new IllegalArgumentException("criterion '" + spec + "' takes no argument");
        }
    }

    private static double number(String spec, String arg) {
        if (arg == null || arg.isEmpty()) {
            throw new IllegalArgumentException("criterion '" + spec + "' needs a number after ':'");
        }
        try {
            // + 0.0: "-0" is 0, so the canonical spec parses back to an equal criterion
            return Double.parseDouble(arg) + 0.0;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("criterion '" + spec + "': '" + arg + "' is not a number", e);
        }
    }

    private static MinCost parseCost(String spec, String arg) {
        if (arg == null) {
            return MinCost.of(1, 1);
        }
        String[] parts = arg.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("criterion '" + spec
                    + "' must be cost, cost:CFP:CFN or cost:CFP:CFN:PREVALENCE");
        }
        double cfp = number(spec, parts[0]);
        double cfn = number(spec, parts[1]);
        return parts.length == 2 ? MinCost.of(cfp, cfn) : MinCost.of(cfp, cfn, number(spec, parts[2]));
    }

    private static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static void checkLevel(double v, String name) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
        }
    }

    /** Maximum Youden's J = sensitivity + specificity - 1; undefined when one class is absent. */
    record Youden() implements ThresholdCriterion {
        @Override
        public double value(ConfusionMatrix cm) {
            return cm.youdenJ();
        }

        @Override
        public boolean largerIsBetter() {
            return true;
        }

        @Override
        public String spec() {
            return "youden";
        }
    }

    /**
     * Minimum Euclidean distance from (FPR, TPR) to the perfect corner (0, 1), i.e.
     * {@code sqrt((1 - sensitivity)^2 + (1 - specificity)^2)} (pROC's "closest.topleft" minimises
     * the square, which picks the same point); undefined when one class is absent.
     */
    record ClosestToTopLeft() implements ThresholdCriterion {
        @Override
        public double value(ConfusionMatrix cm) {
            double a = 1 - cm.sensitivity();
            double b = 1 - cm.specificity();
            return Math.sqrt(a * a + b * b);
        }

        @Override
        public boolean largerIsBetter() {
            return false;
        }

        @Override
        public String spec() {
            return "closest";
        }
    }

    /**
     * Maximum F-beta ({@link ConfusionMatrix#fBeta}); undefined (NaN) only where
     * tp + fp + fn = 0.
     *
     * @param beta finite and &gt; 0; 1 gives F1
     */
    record MaxFBeta(double beta) implements ThresholdCriterion {
        /** Validates beta. */
        public MaxFBeta {
            if (!(beta > 0) || Double.isInfinite(beta)) {
                throw new IllegalArgumentException("beta must be finite and > 0, got " + beta);
            }
        }

        @Override
        public double value(ConfusionMatrix cm) {
            return cm.fBeta(beta);
        }

        @Override
        public boolean largerIsBetter() {
            return true;
        }

        @Override
        public String spec() {
            return beta == 1 ? "f1" : "fbeta:" + format(beta);
        }
    }

    /** Maximum Matthews correlation; undefined where a row or column of the matrix is empty. */
    record MaxMcc() implements ThresholdCriterion {
        @Override
        public double value(ConfusionMatrix cm) {
            return cm.mcc();
        }

        @Override
        public boolean largerIsBetter() {
            return true;
        }

        @Override
        public String spec() {
            return "mcc";
        }
    }

    /**
     * Minimum expected misclassification cost per case.
     *
     * <p>At the sample's own prevalence ({@code prevalence} is NaN) the value is
     * {@code (costFp * FP + costFn * FN) / (P + N)}, with (weighted) counts. At a deployment
     * prevalence {@code pi} different from the sample's, the error rates are re-weighted:
     * {@code costFn * pi * FNR + costFp * (1 - pi) * FPR}, with FNR = FN / P and FPR = FP / N from
     * the sample (a term whose class weight {@code pi} or {@code 1 - pi} is 0 is 0). Both are
     * the same number when {@code pi} equals the sample prevalence. With a deployment prevalence
     * strictly inside (0, 1) and a class absent from the sample, its error rate is unknown and
     * the value is NaN.
     *
     * @param costFp cost of one false positive, finite and &gt;= 0
     * @param costFn cost of one false negative, finite and &gt;= 0
     * @param prevalence deployment prevalence in [0, 1], or NaN for the sample's own
     */
    record MinCost(double costFp, double costFn, double prevalence) implements ThresholdCriterion {
        /** Validates the costs and the prevalence. */
        public MinCost {
            if (!(costFp >= 0) || Double.isInfinite(costFp)) {
                throw new IllegalArgumentException("costFp must be finite and >= 0, got " + costFp);
            }
            if (!(costFn >= 0) || Double.isInfinite(costFn)) {
                throw new IllegalArgumentException("costFn must be finite and >= 0, got " + costFn);
            }
            if (!Double.isNaN(prevalence)) {
                checkLevel(prevalence, "prevalence");
            }
        }

        /** Costs at the sample's prevalence. */
        public static MinCost of(double costFp, double costFn) {
            return new MinCost(costFp, costFn, Double.NaN);
        }

        /** Costs at a deployment prevalence in [0, 1]. */
        public static MinCost of(double costFp, double costFn, double prevalence) {
            if (Double.isNaN(prevalence)) {
                throw new IllegalArgumentException("prevalence must be in [0, 1], got NaN");
            }
            return new MinCost(costFp, costFn, prevalence);
        }

        /** Whether a deployment prevalence is set. */
        public boolean hasPrevalence() {
            return !Double.isNaN(prevalence);
        }

        @Override
        public double value(ConfusionMatrix cm) {
            if (!hasPrevalence()) {
                double total = cm.total();
                return total == 0 ? Double.NaN : (costFp * cm.fp() + costFn * cm.fn()) / total;
            }
            double fnTerm = prevalence == 0 ? 0 : costFn * prevalence * cm.falseNegativeRate();
            double fpTerm = prevalence == 1 ? 0 : costFp * (1 - prevalence) * cm.falsePositiveRate();
            return fnTerm + fpTerm;
        }

        @Override
        public boolean largerIsBetter() {
            return false;
        }

        @Override
        public String spec() {
            return "cost:" + format(costFp) + ":" + format(costFn)
                    + (hasPrevalence() ? ":" + format(prevalence) : "");
        }
    }

    /** Highest recall among thresholds with precision &gt;= minPrecision (in [0, 1]). */
    record RecallAtPrecision(double minPrecision) implements ThresholdCriterion {
        /** Validates the level. */
        public RecallAtPrecision {
            checkLevel(minPrecision, "minPrecision");
        }

        @Override
        public double value(ConfusionMatrix cm) {
            return cm.precision() >= minPrecision ? cm.recall() : Double.NaN;
        }

        @Override
        public boolean largerIsBetter() {
            return true;
        }

        @Override
        public String spec() {
            return "precision:" + format(minPrecision);
        }
    }

    /** Highest precision among thresholds with recall &gt;= minRecall (in [0, 1]). */
    record PrecisionAtRecall(double minRecall) implements ThresholdCriterion {
        /** Validates the level. */
        public PrecisionAtRecall {
            checkLevel(minRecall, "minRecall");
        }

        @Override
        public double value(ConfusionMatrix cm) {
            return cm.recall() >= minRecall ? cm.precision() : Double.NaN;
        }

        @Override
        public boolean largerIsBetter() {
            return true;
        }

        @Override
        public String spec() {
            return "recall:" + format(minRecall);
        }
    }

    /** Highest sensitivity among thresholds with specificity &gt;= minSpecificity (in [0, 1]). */
    record SensitivityAtSpecificity(double minSpecificity) implements ThresholdCriterion {
        /** Validates the level. */
        public SensitivityAtSpecificity {
            checkLevel(minSpecificity, "minSpecificity");
        }

        @Override
        public double value(ConfusionMatrix cm) {
            return cm.specificity() >= minSpecificity ? cm.sensitivity() : Double.NaN;
        }

        @Override
        public boolean largerIsBetter() {
            return true;
        }

        @Override
        public String spec() {
            return "specificity:" + format(minSpecificity);
        }
    }

    /** Highest specificity among thresholds with sensitivity &gt;= minSensitivity (in [0, 1]). */
    record SpecificityAtSensitivity(double minSensitivity) implements ThresholdCriterion {
        /** Validates the level. */
        public SpecificityAtSensitivity {
            checkLevel(minSensitivity, "minSensitivity");
        }

        @Override
        public double value(ConfusionMatrix cm) {
            return cm.sensitivity() >= minSensitivity ? cm.specificity() : Double.NaN;
        }

        @Override
        public boolean largerIsBetter() {
            return true;
        }

        @Override
        public String spec() {
            return "sensitivity:" + format(minSensitivity);
        }
    }

    /**
     * An alert budget: flag as many cases as the budget allows, never more. The value is the
     * flagged (weighted) count tp + fp where it is within the budget, NaN above it.
     *
     * <p>Exactly one of {@code fraction} and {@code count} is set (the other is NaN). A fraction
     * {@code q} allows a flagged weight of at most {@code q * total}, where total is the sum of all
     * weights (the number of rows without weights); a count {@code k} allows at most {@code k}
     * (rows without weights, summed weight with them). For the fraction, {@code q * total} is
     * taken with a relative allowance of 1e-12 so that e.g. 0.29 * 100 = 28.999999999999996
     * still allows 29 cases.
     *
     * <p><b>Ties at the cut-off:</b> the threshold rule flags every case scoring at or above the
     * threshold, so a group of tied scores straddling the budget is left out entirely: the budget
     * is an upper bound and the flagged count may be smaller than it. Nothing is ever picked at
     * random.
     *
     * @param fraction share of the total weight in (0, 1], or NaN
     * @param count number of cases &gt;= 0, or NaN
     */
    record AlertBudget(double fraction, double count) implements ThresholdCriterion {
        /** Validates that exactly one of the two is set and in range. */
        public AlertBudget {
            boolean f = !Double.isNaN(fraction);
            boolean c = !Double.isNaN(count);
            if (f == c) {
                throw new IllegalArgumentException("exactly one of fraction and count must be set, got "
                        + fraction + " and " + count);
            }
            if (f && !(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
            }
            if (c && (!(count >= 0) || Double.isInfinite(count))) {
                throw new IllegalArgumentException("count must be finite and >= 0, got " + count);
            }
        }

        /** Flag at most the top {@code fraction} share (in (0, 1]) of the cases. */
        public static AlertBudget topFraction(double fraction) {
            return new AlertBudget(fraction, Double.NaN);
        }

        /** Flag at most the top {@code count} cases. */
        public static AlertBudget topCount(double count) {
            return new AlertBudget(Double.NaN, count);
        }

        static AlertBudget parse(String spec, String arg) {
            if (arg == null || arg.isEmpty()) {
                throw new IllegalArgumentException("criterion '" + spec + "' needs Q%, a fraction "
                        + "in (0, 1) or a whole count after ':'");
            }
            if (arg.endsWith("%")) {
                return topFraction(number(spec, arg.substring(0, arg.length() - 1)) / 100);
            }
            double v = number(spec, arg);
            if (v > 0 && v < 1) {
                return topFraction(v);
            }
            if (v >= 1 && v == Math.rint(v)) {
                return topCount(v);
            }
            throw new IllegalArgumentException("criterion '" + spec + "': budget must be Q%, a fraction "
                    + "in (0, 1) or a whole count >= 1, got " + arg);
        }

        /** The largest flagged weight allowed for a sample of this total weight. */
        public double allowed(double total) {
            return Double.isNaN(fraction) ? count : fraction * total * (1 + 1e-12);
        }

        @Override
        public double value(ConfusionMatrix cm) {
            double flagged = cm.predictedPositives();
            return flagged <= allowed(cm.total()) ? flagged : Double.NaN;
        }

        @Override
        public boolean largerIsBetter() {
            return true;
        }

        @Override
        public String spec() {
            if (Double.isNaN(fraction)) {
                return "budget:" + format(count);
            }
            // a bare 1 would read back as a count
            return fraction == 1 ? "budget:100%" : "budget:" + format(fraction);
        }
    }
}

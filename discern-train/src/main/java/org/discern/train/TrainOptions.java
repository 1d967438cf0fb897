package org.discern.train;

import java.util.List;

/**
 * Every knob of a training run, with the defaults of the imbalanced-data recipe. Build with
 * {@link #builder()}; each default lives here only.
 *
 * @param hidden units per hidden ReLU layer (default {16})
 * @param dropout dropout after each hidden layer (default 0.5)
 * @param learningRate Adam learning rate (default 1e-3)
 * @param batchSize rows per batch (default 2048)
 * @param epochs maximum number of epochs (default 100)
 * @param patience epochs without a better validation average precision before stopping
 *        (default 10)
 * @param seed seed of the split, the shuffles, the resampling and PyTorch (default 42)
 * @param biasInit output bias initialisation (default {@link BiasInit#PRIOR})
 * @param classWeights {w_negative, w_positive} for {@link Strategy#WEIGHTED}, or null for
 *        {@code total / (2 n_c)}
 * @param testFraction test share of all rows (default 0.2)
 * @param validationFraction validation share of the rest (default 0.2)
 * @param clip clip bound after standardising (default 5; infinite: none)
 * @param smoteNeighbours k of SMOTE (default 5)
 * @param costFalsePositive cost of one false positive, for the cost-optimal threshold (default 1)
 * @param costFalseNegative cost of one false negative (default 1)
 */
public record TrainOptions(int[] hidden, double dropout, double learningRate, int batchSize, int epochs,
        int patience, long seed, BiasInit biasInit, double[] classWeights, double testFraction,
        double validationFraction, double clip, int smoteNeighbours, double costFalsePositive,
        double costFalseNegative) {

    /** Output bias initialisation. */
    public enum BiasInit {
        /**
         * {@code log(p / (1 - p))} with p the positive share the strategy trains on (the class
         * prior for baseline, 1/2 for balanced resampling and for the default class weights), so
         * that the untrained network already predicts the prior.
         */
        PRIOR,
        /** Zero (the framework default). */
        ZERO
    }

    /** Validates every field. */
    public TrainOptions {
        hidden = hidden.clone();
        for (int i = 0; i < hidden.length; i++) {
            positive(hidden[i], "hidden[" + i + "]");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
        }
        if (batchSize < 2) {
            throw new IllegalArgumentException("batchSize must be >= 2, got " + batchSize);
        }
        positive(epochs, "epochs");
        positive(patience, "patience");
        if (biasInit == null) {
            throw new IllegalArgumentException("biasInit must not be null");
        }
        if (classWeights != null) {
            if (classWeights.length != 2 || !(classWeights[0] > 0) || !(classWeights[1] > 0)
                    || Double.isInfinite(classWeights[0]) || Double.isInfinite(classWeights[1])) {
                throw new IllegalArgumentException("classWeights must be two finite numbers > 0, got "
                        + java.util.Arrays.toString(classWeights));
            }
            classWeights = classWeights.clone();
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction must be in (0, 1), got " + testFraction);
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction must be in (0, 1), got " + validationFraction);
        }
        if (!(clip > 0)) {
            throw new IllegalArgumentException("clip must be > 0, got " + clip);
        }
        positive(smoteNeighbours, "smoteNeighbours");
        if (!(costFalsePositive >= 0) || !(costFalseNegative >= 0) || Double.isInfinite(costFalsePositive)
                || Double.isInfinite(costFalseNegative) || costFalsePositive + costFalseNegative == 0) {
            throw new IllegalArgumentException("costs must be finite, >= 0 and not both 0, got cost_fp = "
                    + costFalsePositive + ", cost_fn = " + costFalseNegative);
        }
    }

    private static void positive(int v, String name) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + v);
        }
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public double[] classWeights() {
        return classWeights == null ? null : classWeights.clone();
    }

    /** The network shape for {@code inputs} features and one output. */
    public NetworkSpec network(int inputs) {
        return new NetworkSpec(inputs, hidden, dropout, 1);
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults. */
    public static TrainOptions defaults() {
        return builder().build();
    }

    /** Builder of {@link TrainOptions}; setters validate on {@link #build()}. */
    public static final class Builder {
        private int[] hidden = {16};
        private double dropout = 0.5;
        private double learningRate = 1e-3;
        private int batchSize = 2048;
        private int epochs = 100;
        private int patience = 10;
        private long seed = 42;
        private BiasInit biasInit = BiasInit.PRIOR;
        private double[] classWeights;
        private double testFraction = Split.DEFAULT_TEST_FRACTION;
        private double validationFraction = Split.DEFAULT_VALIDATION_FRACTION;
        private double clip = Preprocessing.DEFAULT_CLIP;
        private int smoteNeighbours = 5;
        private double costFalsePositive = 1;
        private double costFalseNegative = 1;

        private Builder() {
        }

        public Builder hidden(int... units) {
            this.hidden = units.clone();
            return this;
        }

        public Builder hidden(List<Integer> units) {
            this.hidden = units.stream().mapToInt(Integer::intValue).toArray();
            return this;
        }

        public Builder dropout(double v) {
            this.dropout = v;
            return this;
        }

        public Builder learningRate(double v) {
            this.learningRate = v;
            return this;
        }

        public Builder batchSize(int v) {
            this.batchSize = v;
            return this;
        }

        public Builder epochs(int v) {
            this.epochs = v;
            return this;
        }

        public Builder patience(int v) {
            this.patience = v;
            return this;
        }

        public Builder seed(long v) {
            this.seed = v;
            return this;
        }

        public Builder biasInit(BiasInit v) {
            this.biasInit = v;
            return this;
        }

        /** {w_negative, w_positive}, or null for total / (2 n_c). */
        public Builder classWeights(double[] v) {
            this.classWeights = v == null ? null : v.clone();
            return this;
        }

        public Builder testFraction(double v) {
            this.testFraction = v;
            return this;
        }

        public Builder validationFraction(double v) {
            this.validationFraction = v;
            return this;
        }

        public Builder clip(double v) {
            this.clip = v;
            return this;
        }

        public Builder smoteNeighbours(int v) {
            this.smoteNeighbours = v;
            return this;
        }

        public Builder costFalsePositive(double v) {
            this.costFalsePositive = v;
            return this;
        }

        public Builder costFalseNegative(double v) {
            this.costFalseNegative = v;
            return this;
        }

        public TrainOptions build() {
            return new TrainOptions(hidden, dropout, learningRate, batchSize, epochs, patience, seed, biasInit,
                    classWeights, testFraction, validationFraction, clip, smoteNeighbours, costFalsePositive,
                    costFalseNegative);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainOptions t && java.util.Arrays.equals(t.hidden, hidden) && t.dropout == dropout
                && t.learningRate == learningRate && t.batchSize == batchSize && t.epochs == epochs
                && t.patience == patience && t.seed == seed && t.biasInit == biasInit
                && java.util.Arrays.equals(t.classWeights, classWeights) && t.testFraction == testFraction
                && t.validationFraction == validationFraction && t.clip == clip
                && t.smoteNeighbours == smoteNeighbours && t.costFalsePositive == costFalsePositive
                && t.costFalseNegative == costFalseNegative;
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(hidden) * 31 + Long.hashCode(seed);
    }

    @Override
    public String toString() {
        return "TrainOptions[hidden=" + java.util.Arrays.toString(hidden) + ", dropout=" + dropout
                + ", learningRate=" + learningRate + ", batchSize=" + batchSize + ", epochs=" + epochs
                + ", patience=" + patience + ", seed=" + seed + ", biasInit=" + biasInit + "]";
    }
}

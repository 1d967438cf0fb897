package org.discern.train;

import java.util.Arrays;

/**
 * Shape of a dense classifier: {@code inputs} features, hidden ReLU layers each followed by
 * dropout, and a linear output of {@code outputs} logits (1 for binary, read through a sigmoid;
 * K for K classes, read through a softmax).
 *
 * @param inputs number of input features, &gt;= 1
 * @param hidden units per hidden layer, each &gt;= 1 (may be empty: logistic regression)
 * @param dropout dropout rate after each hidden layer, in [0, 1)
 * @param outputs number of output logits, &gt;= 1
 */
public record NetworkSpec(int inputs, int[] hidden, double dropout, int outputs) {

    /** Validates and copies {@code hidden}. */
    public NetworkSpec {
        if (inputs < 1) {
            throw new IllegalArgumentException("inputs must be >= 1, got " + inputs);
        }
        if (outputs < 1) {
            throw new IllegalArgumentException("outputs must be >= 1, got " + outputs);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        hidden = hidden.clone();
        for (int i = 0; i < hidden.length; i++) {
            if (hidden[i] < 1) {
                throw new IllegalArgumentException("hidden[" + i + "] must be >= 1, got " + hidden[i]);
            }
        }
    }

    /** Units per hidden layer (a copy). */
    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkSpec s && s.inputs == inputs && Arrays.equals(s.hidden, hidden)
                && Double.compare(s.dropout, dropout) == 0 && s.outputs == outputs;
    }

    @Override
    public int hashCode() {
        return ((inputs * 31 + Arrays.hashCode(hidden)) * 31 + Double.hashCode(dropout)) * 31 + outputs;
    }

    @Override
    public String toString() {
        return "NetworkSpec[inputs=" + inputs + ", hidden=" + Arrays.toString(hidden) + ", dropout="
                + dropout + ", outputs=" + outputs + "]";
    }
}

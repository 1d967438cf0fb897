package org.discern.train;

import java.util.Locale;

/** How the training split is presented to the network to counter class imbalance. */
public enum Strategy {
    /** The training split as is, every row once per epoch, shuffled. */
    BASELINE,
    /**
     * Every row once per epoch, with the loss of each row multiplied by its class weight
     * ({@code total / (2 n_c)} unless given).
     */
    WEIGHTED,
    /**
     * Balanced batches: half drawn from a shuffled, endlessly repeated stream of positives, half
     * from one of negatives; an epoch is the number of batches that shows every negative once.
     */
    OVERSAMPLED,
    /**
     * Every epoch, all positives with an equal number of negatives drawn afresh without
     * replacement.
     */
    UNDERSAMPLED,
    /**
     * SMOTE: synthetic positives interpolated between a positive and one of its k nearest
     * positive neighbours (Euclidean, standardised features) are added to the training split
     * once, until both classes have the same size.
     */
    SMOTE;

    /** The lower-case name used on the command line and in outputs. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #id()} (any case). */
    public static Strategy parse(String s) {
        for (Strategy st : values()) {
            if (st.id().equals(s.strip().toLowerCase(Locale.ROOT))) {
                return st;
            }
        }
        throw new IllegalArgumentException("unknown strategy '" + s + "', expected one of baseline, weighted, "
                + "oversampled, undersampled, smote");
    }
}

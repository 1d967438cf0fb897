package org.discern.metrics;

/** A {@link BinaryStatistic} with the name its bootstrap result reads it by. */
record NamedStatistic(String name, BinaryStatistic statistic) implements BinaryStatistic {
    @Override
    public double compute(OperatingPoints points) {
        return statistic.compute(points);
    }
}

/**
 * Discern core: scores in, numbers and curves out. No runtime dependencies.
 *
 * <p>The only exported package is {@link org.discern.metrics}; everything under
 * {@code org.discern.metrics.internal} is implementation and may change without notice.
 */
module org.discern.core {
    exports org.discern.metrics;
}

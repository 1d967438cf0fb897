package org.discern.cli;

import java.math.BigDecimal;
import java.util.Locale;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The allowed range of every numeric option, in one place. Each option names its converter
 * ({@code @Option(..., converter = OptionBounds.Bins.class)}); picocli applies it while parsing,
 * so a value out of range is a usage error (exit 2) that states the range, before any input is
 * read or anything allocated: {@code Invalid value for option '--bins': '2e9' is not an integer
 * in [1, 1,000,000]}. {@code OptionBoundsTest} has a row per option and checks that every numeric
 * option of every command has one of these converters.
 *
 * <p>The upper limits are far above any useful value and keep what the value sizes (arrays of
 * bins, grid points, replicates; threads) well inside the heap; what also depends on the input
 * (replicates x statistics) is checked against the heap once the input is read
 * ({@link IntervalOptions#bootstrap(long)}).
 */
final class OptionBounds {
    /** {@code calibrate --bins}. */
    static final int MAX_BINS = 1_000_000;
    /** {@code sweep --grid}. */
    static final int MAX_GRID = 1_000_000;
    /** {@code --replicates} of the bootstrap. */
    static final int MAX_REPLICATES = 1_000_000;
    /** {@code --threads} of the bootstrap. */
    static final int MAX_THREADS = 1024;
    /** {@code --top-k}. */
    static final int MAX_TOP_K = 1_000_000;

    private OptionBounds() {
    }

    /** An integer in [min, max]. */
    abstract static class IntRange implements ITypeConverter<Integer> {
        private final int min;
        private final int max;

        IntRange(int min, int max) {
            this.min = min;
            this.max = max;
        }

        @Override
        public Integer convert(String value) {
            long v = integer(value, "an integer in " + range(min, max));
            if (v < min || v > max) {
                throw new TypeConversionException("'" + value.trim() + "' is not an integer in " + range(min, max));
            }
            return (int) v;
        }
    }

    /** A number that is not NaN, optionally within [min, max] or (min, max) or (min, max]. */
    abstract static class DoubleRange implements ITypeConverter<Double> {
        private final double min;
        private final double max;
        private final boolean minOpen;
        private final boolean maxOpen;
        private final String expected;

        DoubleRange(double min, boolean minOpen, double max, boolean maxOpen, String expected) {
            this.min = min;
            this.max = max;
            this.minOpen = minOpen;
            this.maxOpen = maxOpen;
            this.expected = expected;
        }

        @Override
        public Double convert(String value) {
            double v;
            try {
                v = Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not " + expected);
            }
            boolean above = minOpen ? v > min : v >= min;
            boolean below = maxOpen ? v < max : v <= max;
            if (Double.isNaN(v) || !above || !below) {
                throw new TypeConversionException("'" + value.trim() + "' is not " + expected);
            }
            return v;
        }
    }

    /** {@code calibrate --bins}: [1, 1,000,000]. */
    static final class Bins extends IntRange {
        Bins() {
            super(1, MAX_BINS);
        }
    }

    /** {@code sweep --grid}: [2, 1,000,000] thresholds. */
    static final class Grid extends IntRange {
        Grid() {
            super(2, MAX_GRID);
        }
    }

    /** {@code --replicates}: [1, 1,000,000]. */
    static final class Replicates extends IntRange {
        Replicates() {
            super(1, MAX_REPLICATES);
        }
    }

    /** {@code --threads}: [1, 1024]. */
    static final class Threads extends IntRange {
        Threads() {
            super(1, MAX_THREADS);
        }
    }

    /** {@code --top-k}: each K in [1, 1,000,000]. */
    static final class TopK extends IntRange {
        TopK() {
            super(1, MAX_TOP_K);
        }
    }

    /** {@code --min-slice}: [0, 2^31 - 1] rows. */
    static final class MinSlice extends IntRange {
        MinSlice() {
            super(0, Integer.MAX_VALUE);
        }
    }

    /** {@code --seed}: any 64-bit integer. */
    static final class Seed implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return integer(value, "an integer in " + range(Long.MIN_VALUE, Long.MAX_VALUE));
        }
    }

    /** {@code --level}: in (0, 1). */
    static final class Level extends DoubleRange {
        Level() {
            super(0, true, 1, true, "a confidence level in (0, 1)");
        }
    }

    /** {@code --threshold}: any number but NaN (infinite: no sample / every sample positive). */
    static final class Threshold extends DoubleRange {
        Threshold() {
            super(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false, "a number (not NaN)");
        }
    }

    /** {@code --max-fpr}: in (0, 1]. */
    static final class MaxFpr extends DoubleRange {
        MaxFpr() {
            super(0, true, 1, false, "a false positive rate in (0, 1]");
        }
    }

    /** {@code threshold --cost-fp}, {@code --cost-fn}: finite and at least 0. */
    static final class Cost extends DoubleRange {
        Cost() {
            super(0, false, Double.MAX_VALUE, false, "a finite cost >= 0");
        }
    }

    /** {@code threshold --prevalence}: in [0, 1]. */
    static final class Prevalence extends DoubleRange {
        Prevalence() {
            super(0, false, 1, false, "a prevalence in [0, 1]");
        }
    }

    /** {@code calibrate --prevalence}: in (0, 1) (a prior shift to 0 or 1 is undefined). */
    static final class OpenPrevalence extends DoubleRange {
        OpenPrevalence() {
            super(0, true, 1, true, "a prevalence in (0, 1)");
        }
    }

    /**
     * A decimal integer; also one written with an exponent ({@code 1e6}) when it is a whole
     * number, so that {@code --bins 2e9} is refused for its size, not its spelling.
     */
    private static long integer(String value, String expected) {
        String s = value.trim();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            try {
                return new BigDecimal(s).longValueExact();
            } catch (NumberFormatException | ArithmeticException e2) {
                throw new TypeConversionException("'" + s + "' is not " + expected);
            }
        }
    }

    private static String range(long min, long max) {
        return String.format(Locale.ROOT, "[%,d, %,d]", min, max);
    }
}

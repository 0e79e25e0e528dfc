package dev.gigawatt.input;

/**
 * The range a number read from an input file must lie in, with the rule to report when it does
 * not. The shared lower bounds are constants here; the named ranges of every input key, with their
 * upper limits, are in {@link Limits}.
 */
public final class Bound {
    /** Any finite number. */
    public static final Bound ANY = new Bound(Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, null);
    /** Zero or more. */
    public static final Bound NON_NEGATIVE = new Bound(0, true, Double.POSITIVE_INFINITY, "must be >= 0");
    /** Strictly more than zero. */
    public static final Bound POSITIVE = new Bound(0, false, Double.POSITIVE_INFINITY, "must be > 0");
    /** A share between 0 and 1 inclusive. */
    public static final Bound UNIT_INTERVAL = new Bound(0, true, 1, "must be between 0% and 100%");
    /** A share above 0 and at most 1 (MFU). */
    public static final Bound POSITIVE_UNIT_INTERVAL = new Bound(0, false, 1, "must be above 0% and at most 100%");
    /** At least one (PUE, peak-to-mean ratios). */
    public static final Bound AT_LEAST_ONE = new Bound(1, true, Double.POSITIVE_INFINITY, "must be >= 1");

    private final double min;
    private final boolean minIncluded;
    private final double max;
    private final String rule;

    private Bound(double min, boolean minIncluded, double max, String rule) {
        this.min = min;
        this.minIncluded = minIncluded;
        this.max = max;
        this.rule = rule;
    }

    /**
     * This bound's lower end with an upper limit {@code max} (inclusive); {@code rule} is the whole
     * message for a value outside, such as {@code "must be > 0 and at most 50 years"}.
     */
    public Bound atMost(double max, String rule) {
        return new Bound(min, minIncluded, max, rule);
    }

    /** The values from {@code min} to {@code max}, both included, with the message {@code rule}. */
    public static Bound between(double min, double max, String rule) {
        return new Bound(min, true, max, rule);
    }

    /** The values above {@code min} (excluded) up to {@code max} (included), with the message {@code rule}. */
    public static Bound above(double min, double max, String rule) {
        return new Bound(min, false, max, rule);
    }

    /** The smallest allowed value (allowed itself unless the bound is open below). */
    public double min() {
        return min;
    }

    /** The largest allowed value, inclusive. */
    public double max() {
        return max;
    }

    /** True when {@code value} lies inside this bound. */
    public boolean contains(double value) {
        return (minIncluded ? value >= min : value > min) && value <= max;
    }

    /** The message to report when {@code value} is outside this bound, or null when it is inside. */
    public String violation(double value) {
        return contains(value) ? null : rule;
    }
}

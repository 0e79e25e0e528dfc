package dev.gigawatt.input;

/** The range a number read from an input file must lie in. */
public enum Bound {
    /** Any finite number. */
    ANY,
    /** Zero or more. */
    NON_NEGATIVE,
    /** Strictly more than zero. */
    POSITIVE,
    /** A share between 0 and 1 inclusive. */
    UNIT_INTERVAL,
    /** A share above 0 and at most 1 (MFU). */
    POSITIVE_UNIT_INTERVAL,
    /** At least one (PUE, peak-to-mean ratios). */
    AT_LEAST_ONE;

    /** The message to report when {@code value} is outside this bound, or null when it is inside. */
    String violation(double value) {
        return switch (this) {
            case ANY -> null;
            case NON_NEGATIVE -> value >= 0 ? null : "must be >= 0";
            case POSITIVE -> value > 0 ? null : "must be > 0";
            case UNIT_INTERVAL -> value >= 0 && value <= 1 ? null : "must be between 0% and 100%";
            case POSITIVE_UNIT_INTERVAL -> value > 0 && value <= 1 ? null : "must be above 0% and at most 100%";
            case AT_LEAST_ONE -> value >= 1 ? null : "must be >= 1";
        };
    }
}

package dev.gigawatt.results;

import java.time.Duration;

/** A query ran past its time limit and was cancelled; the read lock on the database is released. */
public final class QueryCancelledException extends RuntimeException {
    private final Duration timeout;

    public QueryCancelledException(Duration timeout, Throwable cause) {
        super("cancelled after " + seconds(timeout) + " s", cause);
        this.timeout = timeout;
    }

    /** The time limit the query ran past. */
    public Duration timeout() {
        return timeout;
    }

    /** The duration in seconds as short text: {@code 60}, {@code 1.5}, {@code 0.25}. */
    static String seconds(Duration d) {
        return java.math.BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString();
    }
}

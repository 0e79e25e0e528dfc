package dev.gigawatt.results;

/**
 * What a query returned within its limits.
 *
 * @param rows rows passed to the sink
 * @param moreRows rows past the row limit, counted but not passed on
 * @param moreRowsCounted false when the time limit ended the count: there are more rows, but how
 *     many is unknown ({@code moreRows} is then a lower bound)
 */
public record QueryOutcome(long rows, long moreRows, boolean moreRowsCounted) {
    public QueryOutcome {
        if (rows < 0 || moreRows < 0) {
            throw new IllegalArgumentException("row counts must not be negative: " + rows + ", " + moreRows);
        }
    }

    /** True when rows were left out for the row limit. */
    public boolean truncated() {
        return moreRows > 0;
    }
}

package dev.gigawatt.results;

import java.util.List;

/** Where a streamed query's rows go, one at a time; values are text, null for SQL NULL. */
public interface RowSink {
    /** Receives the column names, once, before any row (none for a statement without a result). */
    void columns(List<String> names);

    /**
     * Receives one row, as many values as there are columns, as the JDBC driver gives them: numbers
     * as {@link Number}, booleans as {@link Boolean}, SQL NULL as null, other types by their own class
     * (whose {@code toString} is DuckDB's text form).
     */
    void row(List<Object> values);
}

package dev.gigawatt.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The columns and rows of a query, values as text (null for SQL NULL). */
public record QueryResult(List<String> columns, List<List<String>> rows) {
    public QueryResult {
        columns = List.copyOf(columns);
        rows = rows.stream()
                .map(r -> Collections.unmodifiableList(new ArrayList<>(r)))
                .toList();
    }
}

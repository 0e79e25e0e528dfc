package dev.gigawatt.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's untrusted-SQL path: {@link ResultsStore#openForQuery} with the bounded {@code query}. */
class ReadOnlyQueryTest {
    /** Collects what a query passes on. */
    private static final class Rows implements RowSink {
        final List<String> columns = new ArrayList<>();
        final List<List<String>> rows = new ArrayList<>();

        @Override
        public void columns(List<String> names) {
            columns.addAll(names);
        }

        @Override
        public void row(List<Object> values) {
            rows.add(values.stream().map(v -> v == null ? null : v.toString()).toList());
        }
    }

    @Test
    void query_onAStoreNotOpenedForQueries_isRefused(@TempDir Path dir) {
        Path db = dir.resolve("db.duckdb");
        ResultsStore.open(db, false).close();

        try (ResultsStore store = ResultsStore.open(db, true)) {
            assertThatThrownBy(() -> store.query("SELECT 1", 10, Duration.ofSeconds(5), new Rows()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("openForQuery");
        }
    }

    @Test
    void query_pastTheLimit_passesThatManyRowsAndCountsTheRest(@TempDir Path dir) {
        Path db = dir.resolve("db.duckdb");
        ResultsStore.open(db, false).close();
        Rows rows = new Rows();

        QueryOutcome outcome;
        try (ResultsStore store = ResultsStore.openForQuery(db)) {
            outcome = store.query(
                    "SELECT i, i * 2 AS twice FROM range(10) t(i) ORDER BY i DESC", 3, Duration.ofSeconds(5), rows);
        }

        assertThat(rows.columns).containsExactly("i", "twice");
        assertThat(rows.rows).containsExactly(List.of("9", "18"), List.of("8", "16"), List.of("7", "14"));
        assertThat(outcome).isEqualTo(new QueryOutcome(3, 7, true));
    }

    @Test
    void query_aNonSelectStatementToExplain_isRefused(@TempDir Path dir) {
        Path db = dir.resolve("db.duckdb");
        ResultsStore.open(db, false).close();

        try (ResultsStore store = ResultsStore.openForQuery(db)) {
            assertThatThrownBy(() -> store.query(
                            "EXPLAIN COPY runs TO '" + dir.resolve("x.csv") + "'",
                            10,
                            Duration.ofSeconds(5),
                            new Rows()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("only one read-only statement is allowed");
        }
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }
}

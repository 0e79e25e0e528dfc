package dev.gigawatt.web;

import dev.gigawatt.results.QueryCancelledException;
import dev.gigawatt.results.QueryOutcome;
import dev.gigawatt.results.RowSink;
import dev.gigawatt.results.StoreException;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/query}: one read-only SQL statement (the body) against the results database,
 * through the same sandboxed store and statement check as {@code gigawatt query}.
 */
final class QueryRoute {
    /** Most rows answered unless {@code ?limit=} says otherwise, as the CLI's default. */
    static final long DEFAULT_LIMIT = 1000;
    /** Most rows one request may ask for: the answer is held in memory. */
    static final long MAX_LIMIT = 100_000;
    /** How long a statement may run. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Database db;

    QueryRoute(Database db) {
        this.db = db;
    }

    /** Answers {@code {"columns": [...], "rows": [[...]], "truncated": ..., "moreRows": ...}}. */
    void query(Context ctx) {
        String sql = Bodies.text(ctx);
        long limit = limit(ctx.queryParam("limit"));
        if (!db.exists()) {
            throw ApiException.notFound("no results database at " + db.file() + " (run a plan or simulation first)");
        }
        Rows rows = new Rows();
        QueryOutcome outcome;
        try {
            outcome = db.query(store -> store.query(sql, limit, TIMEOUT, rows));
        } catch (QueryCancelledException e) {
            throw new ApiException(504, "query " + e.getMessage() + "; narrow it");
        } catch (StoreException e) {
            throw ApiException.badRequest("query failed: " + e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("columns", rows.columns);
        out.put("rows", rows.rows);
        out.put("truncated", outcome.truncated());
        out.put("moreRows", outcome.moreRowsCounted() ? outcome.moreRows() : null);
        Json.send(ctx, out);
    }

    private static long limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            long n = Long.parseLong(text);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest(
                "?limit= must be a number of rows from 1 to " + MAX_LIMIT + ", got '" + text + "'");
    }

    /** The rows as JSON values: numbers and booleans as such, NaN and infinities as null, the rest as text. */
    private static final class Rows implements RowSink {
        List<String> columns = List.of();
        final List<List<Object>> rows = new ArrayList<>();

        @Override
        public void columns(List<String> names) {
            columns = List.copyOf(names);
        }

        @Override
        public void row(List<Object> values) {
            List<Object> row = new ArrayList<>(values.size());
            for (Object v : values) {
                row.add(value(v));
            }
            rows.add(row);
        }

        private static Object value(Object v) {
            if (v == null || v instanceof Boolean || v instanceof BigDecimal || v instanceof BigInteger) {
                return v;
            }
            if (v instanceof Double || v instanceof Float) {
                double d = ((Number) v).doubleValue();
                return Double.isFinite(d) ? d : null;
            }
            if (v instanceof Number n) {
                return n.longValue();
            }
            return v.toString();
        }
    }
}

package dev.gigawatt.results;

import dev.gigawatt.report.ResultTables;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of every table gigawatt writes, in the order its writers feed them (a simulation's tables
 * from {@link ResultTables}, the same descriptors its CSV files use): {@link RunWriter}'s appenders are
 * positional, so opening the database for writing checks that each table still has
 * exactly these columns in this order, and the {@code runs} row is inserted with these names.
 */
final class TableColumns {
    /** Every table holding a run's rows, apart from {@code runs} itself. */
    static final List<String> RUN_TABLES =
            List.of("kpis", "site_hourly", "jobs", "job_events", "services", "sources", "sweep_points", "sweep_runs");

    /** Table name to its columns, in writing order. */
    static final Map<String, List<String>> TABLES = tables();

    private TableColumns() {}

    private static Map<String, List<String>> tables() {
        Map<String, List<String>> t = new LinkedHashMap<>();
        t.put(
                "runs",
                List.of(
                        "run_id",
                        "kind",
                        "scenario",
                        "scenario_file",
                        "scenario_sha256",
                        "scenario_text",
                        "seed",
                        "replication",
                        "scheduler",
                        "gigawatt_version",
                        "started_at",
                        "finished_at",
                        "status",
                        "summary_json"));
        t.put("kpis", List.of("run_id", "name", "value", "unit"));
        for (ResultTables.Table<?> table : ResultTables.SIMULATION) {
            List<String> columns = new ArrayList<>();
            columns.add("run_id");
            columns.addAll(table.columnNames());
            t.put(table.name(), List.copyOf(columns));
        }
        t.put("sources", List.of("run_id", "kind", "name", "field", "source", "estimate"));
        t.put("sweep_points", List.of("run_id", "point", "path", "value", "number"));
        t.put("sweep_runs", List.of("run_id", "point", "replication", "kpi", "value"));
        return Collections.unmodifiableMap(t);
    }

    /** {@code INSERT INTO table (col, ...) VALUES (?, ...)} naming every column of {@code table}. */
    static String insert(String table) {
        List<String> columns = TABLES.get(table);
        if (columns == null) {
            throw new IllegalArgumentException("no table " + table);
        }
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }
}

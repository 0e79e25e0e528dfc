package dev.gigawatt.report;

import dev.gigawatt.sim.JobEvent;
import dev.gigawatt.sim.JobRecord;
import dev.gigawatt.sim.ServiceRecord;
import dev.gigawatt.sim.SimulationResult;
import dev.gigawatt.sim.SiteSeries;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The tables a simulation writes, described once: each column's name, type and how to read it from a
 * result row. The CSV writer, the results database's appenders and its column check all read these
 * descriptors, and a test holds docs/results.md to them, so a column is added in one place.
 */
public final class ResultTables {
    /** A column's value type, with the SQL type the results database stores it as. */
    public enum Type {
        TEXT("VARCHAR"),
        INTEGER("INTEGER"),
        BIGINT("BIGINT"),
        DOUBLE("DOUBLE"),
        BOOLEAN("BOOLEAN"),
        /** Filled by the database from the row's hour index; the CSV file writes it as ISO text. */
        TIMESTAMP("TIMESTAMP");

        private final String sql;

        Type(String sql) {
            this.sql = sql;
        }

        /** The SQL type name. */
        public String sql() {
            return sql;
        }
    }

    /**
     * One column.
     *
     * @param name the column name (CSV header and database column)
     * @param type its type
     * @param unit its unit as docs/results.md prints it (empty where it has none)
     * @param doc what it holds, one sentence for the column reference
     * @param value reads the column's value from a row: a String, a Number, a Boolean or a LocalDateTime
     */
    public record Column<R>(String name, Type type, String unit, String doc, Function<R, Object> value) {
        public Column {
            if (doc.isBlank()) {
                throw new IllegalArgumentException("column " + name + " has no description");
            }
        }
    }

    /**
     * One table: its name (the CSV file is {@code name.csv}), its columns in order, and its rows.
     *
     * @param doc what one row is, for the column reference's heading
     * @param rows the table's rows in a simulation result, in writing order
     */
    public record Table<R>(String name, String doc, List<Column<R>> columns, Function<SimulationResult, List<R>> rows) {
        public Table {
            columns = List.copyOf(columns);
        }

        /** The column names, in order. */
        public List<String> columnNames() {
            return columns.stream().map(Column::name).toList();
        }

        /**
         * The column reference of docs/results.md: one Markdown row per column (name, SQL type, unit,
         * meaning), generated here so that the columns are described in one place.
         */
        public String markdown() {
            StringBuilder b = new StringBuilder("| column | type | unit | meaning |\n|---|---|---|---|\n");
            for (Column<R> c : columns) {
                b.append("| `")
                        .append(c.name())
                        .append("` | ")
                        .append(c.type().sql())
                        .append(" | ")
                        .append(c.unit())
                        .append(" | ")
                        .append(c.doc())
                        .append(" |\n");
            }
            return b.toString();
        }
    }

    /** One hour of one site: the row of {@code site_hourly}. */
    public record SiteHour(SiteSeries site, int hour, LocalDateTime time) {}

    public static final Table<SiteHour> SITE_HOURLY = new Table<>(
            "site_hourly",
            "one row per site (in scenario order) and simulated hour; an hour's MWh equals its mean MW",
            List.of(
                    text("site", "Site name.", h -> h.site().name()),
                    new Column<>(
                            "hour", Type.INTEGER, "h", "Hour index from the horizon's start, 0-based.", SiteHour::hour),
                    new Column<>(
                            "time",
                            Type.TIMESTAMP,
                            "",
                            "Start of the hour: `horizon.start` 00:00 + `hour`, no time zone (ISO date-time in CSV).",
                            SiteHour::time),
                    number("it_energy_mwh", "MWh", "IT energy.", h -> h.site().itEnergyMwh(h.hour())),
                    number(
                            "facility_energy_mwh",
                            "MWh",
                            "Energy at the meter: IT plus the month's facility overhead, with its fixed part.",
                            h -> h.site().facilityEnergyMwh(h.hour())),
                    number("capacity_mw", "MW", "Grid capacity in force that day.", h -> h.site()
                            .capacityMw(h.hour())),
                    number(
                            "co2e_tonnes_location",
                            "tCO2e",
                            "Emissions of the facility energy at the hour's grid carbon intensity (location-based).",
                            h -> h.site().co2eTonnesLocation(h.hour())),
                    number(
                            "co2e_tonnes_market",
                            "tCO2e",
                            "The same after contracted renewables, × (1 − `renewableShare`) (market-based).",
                            h -> h.site().co2eTonnesMarket(h.hour())),
                    number(
                            "water_m3",
                            "m³",
                            "On-site (WUE × IT energy) plus off-site (grid water intensity × facility energy) water.",
                            h -> h.site().waterM3(h.hour())),
                    number(
                            "training_gpu_hours",
                            "accelerator-h",
                            "Held by training jobs: computing, writing checkpoints, restarting or waiting.",
                            h -> h.site().trainingGpuHours(h.hour())),
                    number("serving_gpu_hours", "accelerator-h", "Held by serving replicas.", h -> h.site()
                            .servingGpuHours(h.hour())),
                    number(
                            "idle_gpu_hours",
                            "accelerator-h",
                            "Idle: hot spares, unused reservations, retiring; the four states sum to the"
                                    + " accelerators in service.",
                            h -> h.site().idleGpuHours(h.hour())),
                    number("repair_gpu_hours", "accelerator-h", "In repair.", h -> h.site()
                            .repairGpuHours(h.hour())),
                    new Column<>(
                            "running_jobs",
                            Type.INTEGER,
                            "jobs",
                            "Training jobs holding accelerators at the hour's tick, before its scheduling pass.",
                            h -> h.site().runningJobs(h.hour())),
                    number("served_tokens", "tokens", "Output tokens served by the site's services.", h -> h.site()
                            .servedTokens(h.hour())),
                    number("demand_tokens", "tokens", "Output tokens demanded of the site's services.", h -> h.site()
                            .demandTokens(h.hour())),
                    number(
                            "energy_cost_usd",
                            "USD",
                            "Electricity cost: facility energy × the hour's price.",
                            h -> h.site().energyCostUsd(h.hour())),
                    number(
                            "training_throughput",
                            "share",
                            "Training speed under the hour's power cap (1 = uncapped).",
                            h -> h.site().trainingThroughput(h.hour()))),
            ResultTables::siteHours);

    public static final Table<JobRecord> JOBS = new Table<>(
            "jobs",
            "one row per training job: explicit jobs in scenario order, then each mix's jobs in arrival order",
            List.of(
                    text("job", "Name (`<mix>-<n>` if generated).", JobRecord::name),
                    text("mix", "Job mix (empty for the scenario's own `training[]` jobs).", JobRecord::mix),
                    text("site", "Site (empty if the site has no such pool).", JobRecord::site),
                    text("accelerator", "Accelerator type.", JobRecord::accelerator),
                    new Column<>("accelerators", Type.BIGINT, "accelerators", "Gang size.", JobRecord::gpus),
                    number(
                            "submit_hours",
                            "h",
                            "Submitted, hours from the horizon's start.",
                            j -> j.submitSeconds() / 3600),
                    number(
                            "start_hours",
                            "h",
                            "First start (NULL in the database, empty in CSV, if it never started).",
                            j -> j.startSeconds() / 3600),
                    number(
                            "end_hours",
                            "h",
                            "Completed (NULL or empty if it did not finish within the horizon).",
                            j -> j.endSeconds() / 3600),
                    new Column<>(
                            "completed",
                            Type.BOOLEAN,
                            "",
                            "Finished within the horizon (`true`/`false`).",
                            JobRecord::completed),
                    new Column<>(
                            "interruptions",
                            Type.INTEGER,
                            "count",
                            "Failures that interrupted the job.",
                            JobRecord::interruptions),
                    new Column<>(
                            "preemptions",
                            Type.INTEGER,
                            "count",
                            "Preemptions, by priority or by serving reclaiming accelerators.",
                            JobRecord::preemptions),
                    number(
                            "lost_gpu_hours",
                            "accelerator-h",
                            "Work lost to failures and preemptions.",
                            JobRecord::lostGpuHours),
                    number(
                            "gpu_hours",
                            "accelerator-h",
                            "Held until completion or the horizon's end.",
                            JobRecord::gpuHours),
                    number(
                            "ettr",
                            "share",
                            "Useful compute time ÷ wall time from first start to end or the horizon's end (NULL if"
                                    + " never started); caps, checkpoints, restarts, waits and preemptions lower it.",
                            JobRecord::ettr),
                    number("progress", "share", "Share of the job's compute done.", JobRecord::progress),
                    number(
                            "useful_gpu_hours",
                            "accelerator-h",
                            "Accelerators × compute time done, at full speed; Σ over jobs ÷ Σ `gpu_hours` is the"
                                    + " training goodput (NULL in rows recorded under schema version 1).",
                            JobRecord::usefulGpuHours)),
            SimulationResult::jobs);

    public static final Table<JobEvent> JOB_EVENTS = new Table<>(
            "job_events",
            "the job log, in processing order",
            List.of(
                    number("time_hours", "h", "When, hours from the horizon's start.", e -> e.timeSeconds() / 3600),
                    text("job", "The job's name.", JobEvent::job),
                    text(
                            "event",
                            "`submit`, `start`, `failure`, `waiting` (no replacement accelerator), `restart` (computing"
                                    + " again after a failure or resume), `preempted`, `resume` (restarting after a"
                                    + " preemption) or `complete`.",
                            e -> e.kind().key()),
                    number(
                            "lost_gpu_hours",
                            "accelerator-h",
                            "Accelerators held × time since the segment started, on `failure` and `preempted`;"
                                    + " 0 on the others.",
                            JobEvent::lostGpuHours)),
            SimulationResult::jobEvents);

    public static final Table<ServiceRecord> SERVICES = new Table<>(
            "services",
            "one row per inference service",
            List.of(
                    text("service", "Service name.", ServiceRecord::name),
                    text("site", "Site, from the serving plan.", ServiceRecord::site),
                    text("accelerator", "Accelerator type, from the serving plan.", ServiceRecord::accelerator),
                    text(
                            "parallelism",
                            "Replica layout from the serving plan, e.g. `TP8`.",
                            ServiceRecord::parallelism),
                    new Column<>(
                            "replicas_at_peak",
                            Type.BIGINT,
                            "replicas",
                            "Most replicas reserved on any day.",
                            ServiceRecord::replicasAtPeak),
                    number(
                            "demand_tokens",
                            "tokens",
                            "Output tokens demanded over the horizon.",
                            ServiceRecord::demandTokens),
                    number("served_tokens", "tokens", "Output tokens served.", ServiceRecord::servedTokens),
                    number(
                            "unmet_tokens",
                            "tokens",
                            "Output tokens demanded and not served.",
                            ServiceRecord::unmetTokens),
                    new Column<>("hours", Type.INTEGER, "h", "Hours from the service's start.", ServiceRecord::hours),
                    new Column<>(
                            "hours_met",
                            Type.INTEGER,
                            "h",
                            "Hours in which all demand was served.",
                            ServiceRecord::hoursMet),
                    number(
                            "slo_attainment",
                            "share",
                            "`hours_met ÷ hours` (1 if `hours` is 0).",
                            ServiceRecord::sloAttainment)),
            SimulationResult::services);

    /** Every table of a simulation, in writing order. */
    public static final List<Table<?>> SIMULATION = List.of(SITE_HOURLY, JOBS, JOB_EVENTS, SERVICES);

    private ResultTables() {}

    private static <R> Column<R> text(String name, String doc, Function<R, Object> value) {
        return new Column<>(name, Type.TEXT, "", doc, value);
    }

    private static <R> Column<R> number(String name, String unit, String doc, Function<R, Object> value) {
        return new Column<>(name, Type.DOUBLE, unit, doc, value);
    }

    private static List<SiteHour> siteHours(SimulationResult r) {
        List<SiteHour> rows = new ArrayList<>();
        for (SiteSeries s : r.sites()) {
            for (int h = 0; h < s.hours(); h++) {
                rows.add(new SiteHour(s, h, r.start().atStartOfDay().plusHours(h)));
            }
        }
        return rows;
    }
}

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
     * @param value reads the column's value from a row: a String, a Number, a Boolean or a LocalDateTime
     */
    public record Column<R>(String name, Type type, Function<R, Object> value) {}

    /**
     * One table: its name (the CSV file is {@code name.csv}), its columns in order, and its rows.
     *
     * @param rows the table's rows in a simulation result, in writing order
     */
    public record Table<R>(String name, List<Column<R>> columns, Function<SimulationResult, List<R>> rows) {
        public Table {
            columns = List.copyOf(columns);
        }

        /** The column names, in order. */
        public List<String> columnNames() {
            return columns.stream().map(Column::name).toList();
        }
    }

    /** One hour of one site: the row of {@code site_hourly}. */
    public record SiteHour(SiteSeries site, int hour, LocalDateTime time) {}

    public static final Table<SiteHour> SITE_HOURLY = new Table<>(
            "site_hourly",
            List.of(
                    text("site", h -> h.site().name()),
                    new Column<>("hour", Type.INTEGER, SiteHour::hour),
                    new Column<>("time", Type.TIMESTAMP, SiteHour::time),
                    number("it_energy_mwh", h -> h.site().itEnergyMwh(h.hour())),
                    number("facility_energy_mwh", h -> h.site().facilityEnergyMwh(h.hour())),
                    number("capacity_mw", h -> h.site().capacityMw(h.hour())),
                    number("co2e_tonnes_location", h -> h.site().co2eTonnesLocation(h.hour())),
                    number("co2e_tonnes_market", h -> h.site().co2eTonnesMarket(h.hour())),
                    number("water_m3", h -> h.site().waterM3(h.hour())),
                    number("training_gpu_hours", h -> h.site().trainingGpuHours(h.hour())),
                    number("serving_gpu_hours", h -> h.site().servingGpuHours(h.hour())),
                    number("idle_gpu_hours", h -> h.site().idleGpuHours(h.hour())),
                    number("repair_gpu_hours", h -> h.site().repairGpuHours(h.hour())),
                    new Column<>("running_jobs", Type.INTEGER, h -> h.site().runningJobs(h.hour())),
                    number("served_tokens", h -> h.site().servedTokens(h.hour())),
                    number("demand_tokens", h -> h.site().demandTokens(h.hour())),
                    number("energy_cost_usd", h -> h.site().energyCostUsd(h.hour())),
                    number("training_throughput", h -> h.site().trainingThroughput(h.hour()))),
            ResultTables::siteHours);

    public static final Table<JobRecord> JOBS = new Table<>(
            "jobs",
            List.of(
                    text("job", JobRecord::name),
                    text("mix", JobRecord::mix),
                    text("site", JobRecord::site),
                    text("accelerator", JobRecord::accelerator),
                    new Column<>("accelerators", Type.BIGINT, JobRecord::gpus),
                    number("submit_hours", j -> j.submitSeconds() / 3600),
                    number("start_hours", j -> j.startSeconds() / 3600),
                    number("end_hours", j -> j.endSeconds() / 3600),
                    new Column<>("completed", Type.BOOLEAN, JobRecord::completed),
                    new Column<>("interruptions", Type.INTEGER, JobRecord::interruptions),
                    new Column<>("preemptions", Type.INTEGER, JobRecord::preemptions),
                    number("lost_gpu_hours", JobRecord::lostGpuHours),
                    number("gpu_hours", JobRecord::gpuHours),
                    number("ettr", JobRecord::ettr),
                    number("progress", JobRecord::progress),
                    number("useful_gpu_hours", JobRecord::usefulGpuHours)),
            SimulationResult::jobs);

    public static final Table<JobEvent> JOB_EVENTS = new Table<>(
            "job_events",
            List.of(
                    number("time_hours", e -> e.timeSeconds() / 3600),
                    text("job", JobEvent::job),
                    text("event", e -> e.kind().key()),
                    number("lost_gpu_hours", JobEvent::lostGpuHours)),
            SimulationResult::jobEvents);

    public static final Table<ServiceRecord> SERVICES = new Table<>(
            "services",
            List.of(
                    text("service", ServiceRecord::name),
                    text("site", ServiceRecord::site),
                    text("accelerator", ServiceRecord::accelerator),
                    text("parallelism", ServiceRecord::parallelism),
                    new Column<>("replicas_at_peak", Type.BIGINT, ServiceRecord::replicasAtPeak),
                    number("demand_tokens", ServiceRecord::demandTokens),
                    number("served_tokens", ServiceRecord::servedTokens),
                    number("unmet_tokens", ServiceRecord::unmetTokens),
                    new Column<>("hours", Type.INTEGER, ServiceRecord::hours),
                    new Column<>("hours_met", Type.INTEGER, ServiceRecord::hoursMet),
                    number("slo_attainment", ServiceRecord::sloAttainment)),
            SimulationResult::services);

    /** Every table of a simulation, in writing order. */
    public static final List<Table<?>> SIMULATION = List.of(SITE_HOURLY, JOBS, JOB_EVENTS, SERVICES);

    private ResultTables() {}

    private static <R> Column<R> text(String name, Function<R, Object> value) {
        return new Column<>(name, Type.TEXT, value);
    }

    private static <R> Column<R> number(String name, Function<R, Object> value) {
        return new Column<>(name, Type.DOUBLE, value);
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

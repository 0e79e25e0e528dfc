package dev.gigawatt.report;

import dev.gigawatt.sim.JobEvent;
import dev.gigawatt.sim.JobRecord;
import dev.gigawatt.sim.ServiceRecord;
import dev.gigawatt.sim.SimulationResult;
import dev.gigawatt.sim.SiteSeries;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes a simulation as CSV files (RFC 4180, UTF-8, header row, numbers as Java writes doubles:
 * shortest round-tripping form, '.' decimals, possibly with an exponent) plus the JSON
 * summary, documented column by column in docs/simulator.md. Files are written into a temporary
 * sibling directory that is renamed into place at the end, so a failed run leaves nothing behind.
 */
public final class CsvResultWriter implements ResultWriter {
    @Override
    public void write(SimulationResult r, Path dir) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "output directory already exists");
        }
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".partial-");
        try {
            writeFiles(r, temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            if (Files.exists(temp)) {
                try (Stream<Path> files = Files.walk(temp)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    /**
     * Writes the files straight into {@code dir}, an existing folder, for callers that stage the
     * folder themselves (the CLI moves it into place only after the run is recorded).
     */
    public void writeFiles(SimulationResult r, Path dir) throws IOException {
        siteHourly(r, dir.resolve("site_hourly.csv"));
        jobs(r, dir.resolve("jobs.csv"));
        jobEvents(r, dir.resolve("job_events.csv"));
        services(r, dir.resolve("services.csv"));
        Files.writeString(dir.resolve("summary.json"), SimulationJson.write(r), StandardCharsets.UTF_8);
    }

    private static void siteHourly(SimulationResult r, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(
                    "site,hour,time,it_energy_mwh,facility_energy_mwh,capacity_mw,co2e_tonnes_location,"
                            + "co2e_tonnes_market,water_m3,training_gpu_hours,serving_gpu_hours,idle_gpu_hours,"
                            + "repair_gpu_hours,running_jobs,served_tokens,demand_tokens,energy_cost_usd,training_throughput\n");
            for (SiteSeries s : r.sites()) {
                for (int h = 0; h < s.hours(); h++) {
                    LocalDateTime time = r.start().atStartOfDay().plusHours(h);
                    w.write(text(s.name()) + "," + h + "," + time + ","
                            + join(
                                    s.itEnergyMwh(h),
                                    s.facilityEnergyMwh(h),
                                    s.capacityMw(h),
                                    s.co2eTonnesLocation(h),
                                    s.co2eTonnesMarket(h),
                                    s.waterM3(h),
                                    s.trainingGpuHours(h),
                                    s.servingGpuHours(h),
                                    s.idleGpuHours(h),
                                    s.repairGpuHours(h))
                            + "," + s.runningJobs(h) + ","
                            + join(s.servedTokens(h), s.demandTokens(h), s.energyCostUsd(h), s.trainingThroughput(h))
                            + "\n");
                }
            }
        }
    }

    private static void jobs(SimulationResult r, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(
                    "job,mix,site,accelerator,accelerators,submit_hours,start_hours,end_hours,completed,interruptions,preemptions,"
                            + "lost_gpu_hours,gpu_hours,ettr,progress,useful_gpu_hours\n");
            for (JobRecord j : r.jobs()) {
                w.write(text(j.name()) + "," + text(j.mix()) + "," + text(j.site()) + "," + text(j.accelerator()) + ","
                        + j.gpus() + ","
                        + join(j.submitSeconds() / 3600, j.startSeconds() / 3600, j.endSeconds() / 3600) + ","
                        + j.completed() + "," + j.interruptions() + "," + j.preemptions() + ","
                        + join(j.lostGpuHours(), j.gpuHours(), j.ettr(), j.progress(), j.usefulGpuHours()) + "\n");
            }
        }
    }

    private static void jobEvents(SimulationResult r, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("time_hours,job,event,lost_gpu_hours\n");
            for (JobEvent e : r.jobEvents()) {
                w.write(join(e.timeSeconds() / 3600) + "," + text(e.job()) + "," + e.kind() + ","
                        + join(e.lostGpuHours()) + "\n");
            }
        }
    }

    private static void services(SimulationResult r, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("service,site,accelerator,parallelism,replicas_at_peak,demand_tokens,served_tokens,"
                    + "unmet_tokens,hours,hours_met,slo_attainment\n");
            for (ServiceRecord s : r.services()) {
                w.write(text(s.name()) + "," + text(s.site()) + "," + text(s.accelerator()) + ","
                        + text(s.parallelism())
                        + "," + s.replicasAtPeak() + "," + join(s.demandTokens(), s.servedTokens(), s.unmetTokens())
                        + ","
                        + s.hours() + "," + s.hoursMet() + "," + join(s.sloAttainment()) + "\n");
            }
        }
    }

    /** Numbers in a locale-independent, round-trippable form; NaN becomes an empty cell. */
    private static String join(double... values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            if (Double.isFinite(values[i])) {
                out.append(Double.toString(values[i]));
            }
        }
        return out.toString();
    }

    /** A text cell, quoted when it holds a comma, quote or line break. */
    private static String text(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}

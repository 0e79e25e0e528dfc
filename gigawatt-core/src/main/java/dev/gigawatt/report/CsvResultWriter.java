package dev.gigawatt.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.gigawatt.sim.JobEvent;
import dev.gigawatt.sim.JobRecord;
import dev.gigawatt.sim.ServiceRecord;
import dev.gigawatt.sim.SimulationResult;
import dev.gigawatt.sim.SiteSeries;
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
 * Writes a simulation as CSV files with FastCSV (RFC 4180: CRLF, quoting where needed; UTF-8,
 * header row, numbers as Java writes doubles: shortest round-tripping form, '.' decimals, possibly
 * with an exponent) plus the JSON
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

    private static CsvWriter csv(Path file) throws IOException {
        return CsvWriter.builder().build(file, StandardCharsets.UTF_8);
    }

    private static void siteHourly(SimulationResult r, Path file) throws IOException {
        try (CsvWriter w = csv(file)) {
            w.writeRecord(
                    "site",
                    "hour",
                    "time",
                    "it_energy_mwh",
                    "facility_energy_mwh",
                    "capacity_mw",
                    "co2e_tonnes_location",
                    "co2e_tonnes_market",
                    "water_m3",
                    "training_gpu_hours",
                    "serving_gpu_hours",
                    "idle_gpu_hours",
                    "repair_gpu_hours",
                    "running_jobs",
                    "served_tokens",
                    "demand_tokens",
                    "energy_cost_usd",
                    "training_throughput");
            for (SiteSeries s : r.sites()) {
                for (int h = 0; h < s.hours(); h++) {
                    LocalDateTime time = r.start().atStartOfDay().plusHours(h);
                    w.writeRecord(
                            s.name(),
                            Integer.toString(h),
                            time.toString(),
                            num(s.itEnergyMwh(h)),
                            num(s.facilityEnergyMwh(h)),
                            num(s.capacityMw(h)),
                            num(s.co2eTonnesLocation(h)),
                            num(s.co2eTonnesMarket(h)),
                            num(s.waterM3(h)),
                            num(s.trainingGpuHours(h)),
                            num(s.servingGpuHours(h)),
                            num(s.idleGpuHours(h)),
                            num(s.repairGpuHours(h)),
                            Long.toString(s.runningJobs(h)),
                            num(s.servedTokens(h)),
                            num(s.demandTokens(h)),
                            num(s.energyCostUsd(h)),
                            num(s.trainingThroughput(h)));
                }
            }
        }
    }

    private static void jobs(SimulationResult r, Path file) throws IOException {
        try (CsvWriter w = csv(file)) {
            w.writeRecord(
                    "job",
                    "mix",
                    "site",
                    "accelerator",
                    "accelerators",
                    "submit_hours",
                    "start_hours",
                    "end_hours",
                    "completed",
                    "interruptions",
                    "preemptions",
                    "lost_gpu_hours",
                    "gpu_hours",
                    "ettr",
                    "progress",
                    "useful_gpu_hours");
            for (JobRecord j : r.jobs()) {
                w.writeRecord(
                        j.name(),
                        j.mix(),
                        j.site(),
                        j.accelerator(),
                        Long.toString(j.gpus()),
                        num(j.submitSeconds() / 3600),
                        num(j.startSeconds() / 3600),
                        num(j.endSeconds() / 3600),
                        Boolean.toString(j.completed()),
                        Long.toString(j.interruptions()),
                        Long.toString(j.preemptions()),
                        num(j.lostGpuHours()),
                        num(j.gpuHours()),
                        num(j.ettr()),
                        num(j.progress()),
                        num(j.usefulGpuHours()));
            }
        }
    }

    private static void jobEvents(SimulationResult r, Path file) throws IOException {
        try (CsvWriter w = csv(file)) {
            w.writeRecord("time_hours", "job", "event", "lost_gpu_hours");
            for (JobEvent e : r.jobEvents()) {
                w.writeRecord(num(e.timeSeconds() / 3600), e.job(), String.valueOf(e.kind()), num(e.lostGpuHours()));
            }
        }
    }

    private static void services(SimulationResult r, Path file) throws IOException {
        try (CsvWriter w = csv(file)) {
            w.writeRecord(
                    "service",
                    "site",
                    "accelerator",
                    "parallelism",
                    "replicas_at_peak",
                    "demand_tokens",
                    "served_tokens",
                    "unmet_tokens",
                    "hours",
                    "hours_met",
                    "slo_attainment");
            for (ServiceRecord s : r.services()) {
                w.writeRecord(
                        s.name(),
                        s.site(),
                        s.accelerator(),
                        s.parallelism(),
                        Long.toString(s.replicasAtPeak()),
                        num(s.demandTokens()),
                        num(s.servedTokens()),
                        num(s.unmetTokens()),
                        Long.toString(s.hours()),
                        Long.toString(s.hoursMet()),
                        num(s.sloAttainment()));
            }
        }
    }

    /** A number in a locale-independent, round-trippable form; NaN becomes an empty cell. */
    private static String num(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "";
    }
}

package dev.gigawatt.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.gigawatt.sim.Goodput;
import dev.gigawatt.sim.JobRecord;
import dev.gigawatt.sim.ServiceRecord;
import dev.gigawatt.sim.SimulationResult;
import dev.gigawatt.sim.SiteSeries;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a simulation's summary as JSON, a stable contract like the plan's (docs/simulator.md). */
public final class SimulationJson {
    /** Bumped when a key is removed or changes meaning. */
    public static final int SCHEMA_VERSION = 1;

    private SimulationJson() {}

    /** The summary as pretty-printed JSON (time series go to the output directory, not here). */
    public static String write(SimulationResult r) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            g.writeStringField("scenario", r.scenario());
            g.writeNumberField("seed", r.seed());
            g.writeNumberField("replication", r.replication());
            g.writeStringField("start", r.start().toString());
            g.writeNumberField("hours", r.hours());
            g.writeArrayFieldStart("sites");
            for (SiteSeries s : r.sites()) {
                g.writeStartObject();
                g.writeStringField("name", s.name());
                JsonFields.num(g, "peakPowerMw", s.peakFacilityPowerMw());
                JsonFields.num(g, "meanPowerMw", s.totalFacilityEnergyMwh() / r.hours());
                JsonFields.num(g, "energyMwh", s.totalFacilityEnergyMwh());
                JsonFields.num(g, "itEnergyMwh", s.totalItEnergyMwh());
                JsonFields.num(g, "waterM3", s.totalWaterM3());
                JsonFields.num(g, "co2eTonnesLocation", s.totalCo2eTonnesLocation());
                JsonFields.num(g, "co2eTonnesMarket", s.totalCo2eTonnesMarket());
                JsonFields.num(g, "utilisation", s.utilisation());
                g.writeNumberField("hoursAboveCapacity", s.hoursAboveCapacity());
                g.writeNumberField("hoursPowerCapped", s.hoursPowerCapped());
                JsonFields.num(g, "gpuHours", s.totalGpuHours());
                JsonFields.num(g, "energyCostUsd", s.totalEnergyCostUsd());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("training");
            for (JobRecord j : r.jobs()) {
                if (!j.mix().isEmpty()) {
                    continue;
                }
                g.writeStartObject();
                g.writeStringField("name", j.name());
                g.writeStringField("site", j.site());
                g.writeStringField("accelerator", j.accelerator());
                g.writeNumberField("gpus", j.gpus());
                JsonFields.num(g, "submitHours", j.submitSeconds() / 3600);
                JsonFields.num(g, "startHours", j.startSeconds() / 3600);
                JsonFields.num(g, "endHours", j.endSeconds() / 3600);
                g.writeBooleanField("completed", j.completed());
                g.writeNumberField("interruptions", j.interruptions());
                g.writeNumberField("preemptions", j.preemptions());
                JsonFields.num(g, "lostGpuHours", j.lostGpuHours());
                JsonFields.num(g, "gpuHours", j.gpuHours());
                JsonFields.num(g, "usefulGpuHours", j.usefulGpuHours());
                JsonFields.num(g, "ettr", j.ettr());
                JsonFields.num(g, "progress", j.progress());
                g.writeEndObject();
            }
            g.writeEndArray();
            jobMixes(g, r);
            g.writeArrayFieldStart("inference");
            for (ServiceRecord s : r.services()) {
                g.writeStartObject();
                g.writeStringField("name", s.name());
                g.writeStringField("site", s.site());
                g.writeStringField("accelerator", s.accelerator());
                g.writeNumberField("replicasAtPeak", s.replicasAtPeak());
                JsonFields.num(g, "demandTokens", s.demandTokens());
                JsonFields.num(g, "servedTokens", s.servedTokens());
                JsonFields.num(g, "unmetTokens", s.unmetTokens());
                JsonFields.num(g, "sloAttainment", s.sloAttainment());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("fleet");
            g.writeNumberField("jobs", r.jobs().size());
            g.writeNumberField(
                    "jobsCompleted",
                    r.jobs().stream().filter(JobRecord::completed).count());
            JsonFields.num(g, "gpuHours", r.totalGpuHours());
            JsonFields.num(g, "trainingGoodput", r.trainingGoodput());
            JsonFields.num(g, "trainingKeptShare", r.trainingKeptShare());
            JsonFields.num(g, "energyMwh", r.totalFacilityEnergyMwh());
            JsonFields.num(
                    g,
                    "energyCostUsd",
                    r.sites().stream()
                            .mapToDouble(SiteSeries::totalEnergyCostUsd)
                            .sum());
            JsonFields.num(g, "capexUsd", r.money().capexUsd());
            JsonFields.num(g, "depreciationUsd", r.money().depreciationUsd());
            JsonFields.num(g, "maintenanceUsd", r.money().maintenanceUsd());
            g.writeNumberField("events", r.events());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + System.lineSeparator();
    }

    /** Generated jobs summarised per mix (every job is in jobs.csv and the results database). */
    private static void jobMixes(JsonGenerator g, SimulationResult r) throws IOException {
        Map<String, List<JobRecord>> byMix = new LinkedHashMap<>();
        for (JobRecord j : r.jobs()) {
            if (!j.mix().isEmpty()) {
                byMix.computeIfAbsent(j.mix(), k -> new ArrayList<>()).add(j);
            }
        }
        double horizon = r.hours() * 3600.0;
        g.writeArrayFieldStart("jobMixes");
        for (var e : byMix.entrySet()) {
            var jobs = e.getValue();
            double held = jobs.stream().mapToDouble(JobRecord::gpuHours).sum();
            g.writeStartObject();
            g.writeStringField("name", e.getKey());
            g.writeNumberField("jobs", jobs.size());
            g.writeNumberField(
                    "started",
                    jobs.stream().filter(j -> !Double.isNaN(j.startSeconds())).count());
            g.writeNumberField(
                    "completed", jobs.stream().filter(JobRecord::completed).count());
            JsonFields.num(
                    g,
                    "meanWaitHours",
                    jobs.stream()
                            .mapToDouble(j -> j.waitHours(horizon))
                            .average()
                            .orElse(0));
            g.writeNumberField(
                    "interruptions",
                    jobs.stream().mapToInt(JobRecord::interruptions).sum());
            g.writeNumberField(
                    "preemptions",
                    jobs.stream().mapToInt(JobRecord::preemptions).sum());
            JsonFields.num(g, "gpuHours", held);
            JsonFields.num(g, "goodput", Goodput.of(jobs));
            JsonFields.num(g, "keptShare", Goodput.keptShare(jobs));
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}

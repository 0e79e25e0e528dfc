package dev.gigawatt.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.gigawatt.sim.JobRecord;
import dev.gigawatt.sim.ServiceRecord;
import dev.gigawatt.sim.SimulationResult;
import dev.gigawatt.sim.SiteSeries;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

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
                num(g, "peakPowerMw", s.peakFacilityPowerMw());
                num(g, "meanPowerMw", s.totalFacilityEnergyMwh() / r.hours());
                num(g, "energyMwh", s.totalFacilityEnergyMwh());
                num(g, "itEnergyMwh", s.totalItEnergyMwh());
                num(g, "waterM3", s.totalWaterM3());
                num(g, "co2eTonnesLocation", s.totalCo2eTonnesLocation());
                num(g, "co2eTonnesMarket", s.totalCo2eTonnesMarket());
                num(g, "utilisation", s.utilisation());
                g.writeNumberField("hoursAboveCapacity", s.hoursAboveCapacity());
                g.writeNumberField("hoursPowerCapped", s.hoursPowerCapped());
                num(g, "gpuHours", s.totalGpuHours());
                num(g, "energyCostUsd", s.totalEnergyCostUsd());
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
                num(g, "submitHours", j.submitSeconds() / 3600);
                num(g, "startHours", j.startSeconds() / 3600);
                num(g, "endHours", j.endSeconds() / 3600);
                g.writeBooleanField("completed", j.completed());
                g.writeNumberField("interruptions", j.interruptions());
                g.writeNumberField("preemptions", j.preemptions());
                num(g, "lostGpuHours", j.lostGpuHours());
                num(g, "gpuHours", j.gpuHours());
                num(g, "ettr", j.ettr());
                num(g, "progress", j.progress());
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
                num(g, "demandTokens", s.demandTokens());
                num(g, "servedTokens", s.servedTokens());
                num(g, "unmetTokens", s.unmetTokens());
                num(g, "sloAttainment", s.sloAttainment());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("fleet");
            g.writeNumberField("jobs", r.jobs().size());
            g.writeNumberField(
                    "jobsCompleted",
                    r.jobs().stream().filter(JobRecord::completed).count());
            num(g, "gpuHours", r.totalGpuHours());
            num(g, "trainingGoodput", r.trainingGoodput());
            num(g, "energyMwh", r.totalFacilityEnergyMwh());
            num(
                    g,
                    "energyCostUsd",
                    r.sites().stream()
                            .mapToDouble(SiteSeries::totalEnergyCostUsd)
                            .sum());
            num(g, "capexUsd", r.money().capexUsd());
            num(g, "depreciationUsd", r.money().depreciationUsd());
            num(g, "maintenanceUsd", r.money().maintenanceUsd());
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
        java.util.Map<String, java.util.List<JobRecord>> byMix = new java.util.LinkedHashMap<>();
        for (JobRecord j : r.jobs()) {
            if (!j.mix().isEmpty()) {
                byMix.computeIfAbsent(j.mix(), k -> new java.util.ArrayList<>()).add(j);
            }
        }
        double horizon = r.hours() * 3600.0;
        g.writeArrayFieldStart("jobMixes");
        for (var e : byMix.entrySet()) {
            var jobs = e.getValue();
            double held = jobs.stream().mapToDouble(JobRecord::gpuHours).sum();
            double lost = jobs.stream().mapToDouble(JobRecord::lostGpuHours).sum();
            g.writeStartObject();
            g.writeStringField("name", e.getKey());
            g.writeNumberField("jobs", jobs.size());
            g.writeNumberField(
                    "started",
                    jobs.stream().filter(j -> !Double.isNaN(j.startSeconds())).count());
            g.writeNumberField(
                    "completed", jobs.stream().filter(JobRecord::completed).count());
            num(
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
            num(g, "gpuHours", held);
            num(g, "goodput", held == 0 ? 1 : 1 - lost / held);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void num(JsonGenerator g, String name, double value) throws IOException {
        if (Double.isFinite(value)) {
            g.writeNumberField(name, value);
        } else {
            g.writeNullField(name);
        }
    }
}

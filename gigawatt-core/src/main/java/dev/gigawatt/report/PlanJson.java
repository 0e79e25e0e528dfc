package dev.gigawatt.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.gigawatt.plan.FleetPlan;
import dev.gigawatt.plan.InferencePlan;
import dev.gigawatt.plan.Plan;
import dev.gigawatt.plan.SitePlan;
import dev.gigawatt.plan.TrainingPlan;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a {@link Plan} as JSON: a stable, documented contract for tools (docs/scenario.md, "plan
 * JSON"). Keys are camelCase with the unit in the name; numbers that do not exist are {@code null}.
 */
public final class PlanJson {
    /** Bumped when a key is removed or changes meaning; adding keys does not bump it. */
    public static final int SCHEMA_VERSION = 1;

    private PlanJson() {}

    /** The plan as pretty-printed JSON. */
    public static String write(Plan plan) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            g.writeStringField("scenario", plan.scenario());
            g.writeStringField("horizonStart", plan.horizonStart());
            g.writeStringField("horizonEnd", plan.horizonEnd());
            g.writeStringField("headline", plan.headline());
            g.writeArrayFieldStart("sites");
            for (SitePlan s : plan.sites()) {
                site(g, s);
            }
            g.writeEndArray();
            fleet(g, plan.fleet());
            g.writeArrayFieldStart("training");
            for (TrainingPlan t : plan.training()) {
                training(g, t);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("inference");
            for (InferencePlan i : plan.inference()) {
                inference(g, i);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("warnings");
            for (String w : plan.warnings()) {
                g.writeString(w);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString() + System.lineSeparator();
    }

    private static void site(JsonGenerator g, SitePlan s) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", s.name());
        g.writeStringField("grid", s.grid());
        g.writeNumberField("accelerators", s.accelerators());
        num(g, "capacityMw", s.capacityMw());
        num(g, "itPowerMw", s.itPowerMw());
        num(g, "peakItPowerMw", s.peakItPowerMw());
        num(g, "facilityPowerMw", s.facilityPowerMw());
        num(g, "peakFacilityPowerMw", s.peakFacilityPowerMw());
        num(g, "energyMwhPerYear", s.energyMwhPerYear());
        num(g, "waterM3PerYear", s.waterM3PerYear());
        num(g, "onSiteWaterM3PerYear", s.onSiteWaterM3PerYear());
        num(g, "co2eTonnesPerYear", s.co2eTonnesPerYear());
        num(g, "co2eTonnesPerYearMarket", s.co2eTonnesPerYearMarket());
        num(g, "embodiedCo2eTonnesPerYear", s.embodiedCo2eTonnesPerYear());
        num(g, "electricityUsdPerYear", s.electricityUsdPerYear());
        g.writeBooleanField("fits", s.fits());
        g.writeArrayFieldStart("shortfalls");
        for (SitePlan.Shortfall f : s.shortfalls()) {
            g.writeStartObject();
            g.writeStringField("from", f.from().toString());
            g.writeStringField("to", f.to() == null ? null : f.to().toString());
            num(g, "demandMw", f.demandMw());
            num(g, "capacityMw", f.capacityMw());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void fleet(JsonGenerator g, FleetPlan f) throws IOException {
        g.writeObjectFieldStart("fleet");
        g.writeNumberField("accelerators", f.accelerators());
        g.writeObjectFieldStart("acceleratorsByType");
        for (Map.Entry<String, Long> e : new TreeMap<>(f.acceleratorsByType()).entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        num(g, "capexUsd", f.capexUsd());
        num(g, "capexInHorizonUsd", f.capexInHorizonUsd());
        g.writeArrayFieldStart("capexByYear");
        for (FleetPlan.CapexYear y : f.capexByYear()) {
            g.writeStartObject();
            g.writeNumberField("year", y.year());
            num(g, "acceleratorsUsd", y.acceleratorsUsd());
            num(g, "serversUsd", y.serversUsd());
            num(g, "networkUsd", y.networkUsd());
            num(g, "facilityUsd", y.facilityUsd());
            num(g, "totalUsd", y.totalUsd());
            g.writeEndObject();
        }
        g.writeEndArray();
        num(g, "depreciationUsdPerYear", f.depreciationUsdPerYear());
        num(g, "annualisedCapexUsdPerYear", f.annualisedCapexUsdPerYear());
        num(g, "opexUsdPerYear", f.opexUsdPerYear());
        num(g, "tcoUsdPerYear", f.tcoUsdPerYear());
        num(g, "usdPerGpuHour", f.usdPerGpuHour());
        num(g, "energyMwhPerYear", f.energyMwhPerYear());
        num(g, "co2eTonnesPerYear", f.co2eTonnesPerYear());
        num(g, "co2eTonnesPerYearMarket", f.co2eTonnesPerYearMarket());
        num(g, "revenueUsdPerYear", f.revenueUsdPerYear());
        num(g, "npvUsd", f.npvUsd());
        num(g, "paybackYears", f.paybackYears());
        num(g, "budgetUsd", f.budgetUsd());
        g.writeEndObject();
    }

    private static void training(JsonGenerator g, TrainingPlan t) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", t.name());
        g.writeStringField("model", t.model());
        g.writeStringField("accelerator", t.accelerator());
        g.writeStringField("site", t.site());
        num(g, "flops", t.flops());
        g.writeNumberField("gpus", t.gpus());
        num(g, "wallClockDays", t.wallClockDays());
        num(g, "gpuHours", t.gpuHours());
        num(g, "ettr", t.ettr());
        num(g, "mfu", t.mfu());
        num(g, "jobMtbfHours", t.jobMtbfHours());
        num(g, "checkpointIntervalMinutes", t.checkpointIntervalMinutes());
        num(g, "checkpointWriteSeconds", t.checkpointWriteSeconds());
        num(g, "expectedInterruptions", t.expectedInterruptions());
        num(g, "energyMwh", t.energyMwh());
        num(g, "co2eTonnesLocation", t.co2eTonnesLocation());
        num(g, "co2eTonnesMarket", t.co2eTonnesMarket());
        num(g, "costUsd", t.costUsd());
        g.writeEndObject();
    }

    private static void inference(JsonGenerator g, InferencePlan i) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", i.name());
        g.writeStringField("model", i.model());
        g.writeStringField("accelerator", i.accelerator());
        g.writeStringField("parallelism", i.parallelism());
        g.writeStringField("precision", i.precision());
        g.writeStringField("site", i.site());
        g.writeBooleanField("feasible", i.feasible());
        num(g, "peakTokensPerSecond", i.peakTokensPerSecond());
        num(g, "tokensPerSecondPerReplica", i.tokensPerSecondPerReplica());
        g.writeNumberField("acceleratorsPerReplica", i.acceleratorsPerReplica());
        g.writeNumberField("replicas", i.replicas());
        g.writeNumberField("accelerators", i.accelerators());
        g.writeNumberField("batch", i.batch());
        num(g, "ttftSeconds", i.ttftSeconds());
        num(g, "tpotSeconds", i.tpotSeconds());
        num(g, "meanUtilisation", i.meanUtilisation());
        num(g, "energyMwhPerYear", i.energyMwhPerYear());
        num(g, "co2eTonnesPerYear", i.co2eTonnesPerYear());
        num(g, "usdPerMillionTokens", i.usdPerMillionTokens());
        g.writeArrayFieldStart("alternatives");
        for (InferencePlan.Alternative a : i.alternatives()) {
            g.writeStartObject();
            g.writeStringField("accelerator", a.accelerator());
            g.writeStringField("parallelism", a.parallelism());
            g.writeBooleanField("feasible", a.feasible());
            num(g, "tokensPerSecondPerReplica", a.tokensPerSecondPerReplica());
            g.writeNumberField("accelerators", a.accelerators());
            num(g, "usdPerMillionTokens", a.usdPerMillionTokens());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void num(JsonGenerator g, String name, double value) throws IOException {
        if (Double.isFinite(value)) {
            g.writeNumberField(name, value);
        } else {
            g.writeNullField(name);
        }
    }
}

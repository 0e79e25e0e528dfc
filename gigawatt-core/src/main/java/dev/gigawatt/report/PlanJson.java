package dev.gigawatt.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.gigawatt.plan.FleetPlan;
import dev.gigawatt.plan.InferencePlan;
import dev.gigawatt.plan.Plan;
import dev.gigawatt.plan.SitePlan;
import dev.gigawatt.plan.TrainingPlan;
import dev.gigawatt.plan.TrainingThroughput;
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
        JsonFields.num(g, "capacityMw", s.capacityMw());
        JsonFields.num(g, "itPowerMw", s.itPowerMw());
        JsonFields.num(g, "peakItPowerMw", s.peakItPowerMw());
        JsonFields.num(g, "facilityPowerMw", s.facilityPowerMw());
        JsonFields.num(g, "peakFacilityPowerMw", s.peakFacilityPowerMw());
        JsonFields.num(g, "expectedPeakFacilityPowerMw", s.expectedPeakFacilityPowerMw());
        JsonFields.num(g, "annualPue", s.annualPue());
        JsonFields.num(g, "designDayPue", s.designDayPue());
        JsonFields.num(g, "energyMwhPerYear", s.energyMwhPerYear());
        JsonFields.num(g, "waterM3PerYear", s.waterM3PerYear());
        JsonFields.num(g, "onSiteWaterM3PerYear", s.onSiteWaterM3PerYear());
        JsonFields.num(g, "co2eTonnesPerYear", s.co2eTonnesPerYear());
        JsonFields.num(g, "co2eTonnesPerYearMarket", s.co2eTonnesPerYearMarket());
        g.writeStringField("marketBasis", s.marketBasis());
        JsonFields.num(g, "embodiedCo2eTonnesPerYear", s.embodiedCo2eTonnesPerYear());
        g.writeObjectFieldStart("embodiedCo2eTonnesPerYearByPart");
        JsonFields.num(g, "accelerators", s.embodied().acceleratorsTonnesPerYear());
        JsonFields.num(g, "hosts", s.embodied().hostsTonnesPerYear());
        JsonFields.num(g, "network", s.embodied().networkTonnesPerYear());
        JsonFields.num(g, "facility", s.embodied().facilityTonnesPerYear());
        g.writeEndObject();
        JsonFields.num(g, "electricityUsdPerYear", s.electricityUsdPerYear());
        g.writeObjectFieldStart("inHorizon");
        JsonFields.num(g, "gpuHours", s.inHorizon().gpuHours());
        JsonFields.num(g, "energyMwh", s.inHorizon().energyMwh());
        JsonFields.num(g, "co2eTonnesLocation", s.inHorizon().co2eTonnesLocation());
        JsonFields.num(g, "co2eTonnesMarket", s.inHorizon().co2eTonnesMarket());
        JsonFields.num(g, "waterM3", s.inHorizon().waterM3());
        JsonFields.num(g, "energyCostUsd", s.inHorizon().energyCostUsd());
        g.writeEndObject();
        g.writeBooleanField("fits", s.fits());
        g.writeArrayFieldStart("shortfalls");
        for (SitePlan.Shortfall f : s.shortfalls()) {
            g.writeStartObject();
            g.writeStringField("from", f.from().toString());
            g.writeStringField("to", f.to() == null ? null : f.to().toString());
            JsonFields.num(g, "demandMw", f.demandMw());
            JsonFields.num(g, "capacityMw", f.capacityMw());
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
        JsonFields.num(g, "capexUsd", f.capexUsd());
        JsonFields.num(g, "capexInHorizonUsd", f.capexInHorizonUsd());
        g.writeArrayFieldStart("capexByYear");
        for (FleetPlan.CapexYear y : f.capexByYear()) {
            g.writeStartObject();
            g.writeNumberField("year", y.year());
            JsonFields.num(g, "acceleratorsUsd", y.acceleratorsUsd());
            JsonFields.num(g, "serversUsd", y.serversUsd());
            JsonFields.num(g, "networkUsd", y.networkUsd());
            JsonFields.num(g, "facilityUsd", y.facilityUsd());
            JsonFields.num(g, "totalUsd", y.totalUsd());
            g.writeEndObject();
        }
        g.writeEndArray();
        JsonFields.num(g, "depreciationUsdPerYear", f.depreciationUsdPerYear());
        JsonFields.num(g, "annualisedCapexUsdPerYear", f.annualisedCapexUsdPerYear());
        JsonFields.num(g, "opexUsdPerYear", f.opexUsdPerYear());
        JsonFields.num(g, "tcoUsdPerYear", f.tcoUsdPerYear());
        JsonFields.num(g, "usdPerGpuHour", f.usdPerGpuHour());
        JsonFields.num(g, "energyMwhPerYear", f.energyMwhPerYear());
        JsonFields.num(g, "co2eTonnesPerYear", f.co2eTonnesPerYear());
        JsonFields.num(g, "co2eTonnesPerYearMarket", f.co2eTonnesPerYearMarket());
        JsonFields.num(g, "revenueUsdPerYear", f.revenueUsdPerYear());
        JsonFields.num(g, "npvUsd", f.npvUsd());
        JsonFields.num(g, "evaluationYears", f.evaluationYears());
        JsonFields.num(g, "residualValueUsd", f.residualValueUsd());
        JsonFields.num(g, "facilityUnderConstructionUsd", f.facilityUnderConstructionUsd());
        JsonFields.num(g, "paybackYears", f.paybackYears());
        JsonFields.num(g, "budgetUsd", f.budgetUsd());
        g.writeObjectFieldStart("inHorizon");
        JsonFields.num(g, "capexUsd", f.inHorizon().capexUsd());
        JsonFields.num(g, "depreciationUsd", f.inHorizon().depreciationUsd());
        JsonFields.num(g, "maintenanceUsd", f.inHorizon().maintenanceUsd());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void training(JsonGenerator g, TrainingPlan t) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", t.name());
        g.writeStringField("model", t.model());
        g.writeStringField("accelerator", t.accelerator());
        g.writeStringField("site", t.site());
        JsonFields.num(g, "flops", t.flops());
        g.writeNumberField("gpus", t.gpus());
        JsonFields.num(g, "wallClockDays", t.wallClockDays());
        JsonFields.num(g, "gpuHours", t.gpuHours());
        JsonFields.num(g, "ettr", t.ettr());
        JsonFields.num(g, "mfu", t.mfu());
        TrainingThroughput th = t.throughput();
        g.writeStringField("mfuSource", th.modelled() ? "step-time model" : "scenario (step-time model bypassed)");
        JsonFields.num(g, "hfu", th.hfu());
        JsonFields.num(g, "stepSeconds", th.stepSeconds());
        JsonFields.num(g, "tokensPerSecondPerAccelerator", th.tokensPerSecondPerAccelerator());
        g.writeStringField("layout", th.layout());
        g.writeNumberField("globalBatch", th.globalBatch());
        JsonFields.num(g, "computeShare", th.computeShare());
        JsonFields.num(g, "communicationShare", th.communicationShare());
        JsonFields.num(g, "bubbleShare", th.bubbleShare());
        JsonFields.num(g, "memoryGbPerAccelerator", th.memoryBytes() / 1e9);
        JsonFields.num(g, "computeDays", t.computeSeconds() / 86400);
        g.writeArrayFieldStart("phases");
        for (var p : t.phases()) {
            g.writeStartObject();
            g.writeStringField("name", p.name());
            JsonFields.num(g, "tokens", p.tokens());
            g.writeNumberField("sequenceLength", p.sequenceLength());
            g.writeNumberField("gpus", p.gpus());
            g.writeStringField("precision", p.precision());
            JsonFields.num(g, "mfu", p.throughput().mfu());
            g.writeStringField("layout", p.throughput().layout());
            JsonFields.num(g, "stepSeconds", p.throughput().stepSeconds());
            JsonFields.num(g, "tokensPerSecondPerAccelerator", p.throughput().tokensPerSecondPerAccelerator());
            JsonFields.num(g, "computeDays", p.computeSeconds() / 86400);
            g.writeEndObject();
        }
        g.writeEndArray();
        JsonFields.num(g, "jobMtbfHours", t.jobMtbfHours());
        JsonFields.num(g, "checkpointIntervalMinutes", t.checkpointIntervalMinutes());
        JsonFields.num(g, "checkpointWriteSeconds", t.checkpointWriteSeconds());
        JsonFields.num(g, "restartMinutes", t.restartMinutes());
        JsonFields.num(g, "expectedInterruptions", t.expectedInterruptions());
        JsonFields.num(g, "energyMwh", t.energyMwh());
        JsonFields.num(g, "co2eTonnesLocation", t.co2eTonnesLocation());
        JsonFields.num(g, "co2eTonnesMarket", t.co2eTonnesMarket());
        g.writeStringField("carbonBasis", "physical: measured busy server draw incl. host x PUE x grid intensity");
        JsonFields.num(g, "disclosureEnergyMwh", t.disclosureEnergyMwh());
        JsonFields.num(g, "disclosureCo2eTonnes", t.disclosureCo2eTonnes());
        g.writeStringField("disclosureBasis", "model card: accelerator TDP x PUE x grid intensity");
        JsonFields.num(g, "costUsd", t.costUsd());
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
        JsonFields.num(g, "peakTokensPerSecond", i.peakTokensPerSecond());
        JsonFields.num(g, "tokensPerSecondPerReplica", i.tokensPerSecondPerReplica());
        g.writeNumberField("acceleratorsPerReplica", i.acceleratorsPerReplica());
        g.writeNumberField("replicas", i.replicas());
        g.writeNumberField("accelerators", i.accelerators());
        g.writeNumberField("batch", i.batch());
        JsonFields.num(g, "ttftSeconds", i.ttftSeconds());
        JsonFields.num(g, "tpotSeconds", i.tpotSeconds());
        g.writeStringField("latencyAt", PlanText.percentile(i.latencyPercentile()));
        JsonFields.num(g, "meanUtilisation", i.meanUtilisation());
        JsonFields.num(g, "energyMwhPerYear", i.energyMwhPerYear());
        JsonFields.num(g, "co2eTonnesPerYear", i.co2eTonnesPerYear());
        JsonFields.num(g, "usdPerMillionTokens", i.usdPerMillionTokens());
        if (!i.feasible()) {
            g.writeStringField("shortfall", i.shortfall());
            JsonFields.num(g, "missFactor", i.missFactor());
        }
        g.writeArrayFieldStart("alternatives");
        for (InferencePlan.Alternative a : i.alternatives()) {
            g.writeStartObject();
            g.writeStringField("accelerator", a.accelerator());
            g.writeStringField("parallelism", a.parallelism());
            g.writeBooleanField("feasible", a.feasible());
            JsonFields.num(g, "tokensPerSecondPerReplica", a.tokensPerSecondPerReplica());
            g.writeNumberField("accelerators", a.accelerators());
            JsonFields.num(g, "usdPerMillionTokens", a.usdPerMillionTokens());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}

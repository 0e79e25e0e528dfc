package dev.gigawatt.report;

import dev.gigawatt.plan.FleetPlan;
import dev.gigawatt.plan.InferencePlan;
import dev.gigawatt.plan.Plan;
import dev.gigawatt.plan.SitePlan;
import dev.gigawatt.plan.TrainingPlan;
import dev.gigawatt.plan.TrainingThroughput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link Plan} for people, as aligned terminal tables or as Markdown. */
public final class PlanText {
    private PlanText() {}

    /** The plan as terminal text. */
    public static String table(Plan plan) {
        StringBuilder out = new StringBuilder();
        out.append(plan.scenario())
                .append("  (")
                .append(plan.horizonStart())
                .append(" to ")
                .append(plan.horizonEnd())
                .append(")\n");
        out.append(plan.headline()).append(".\n");
        for (Section s : sections(plan)) {
            out.append('\n').append(s.title).append('\n').append(s.table.render());
        }
        appendWarnings(plan, out, "");
        return out.toString();
    }

    /** The plan as GitHub-flavoured Markdown. */
    public static String markdown(Plan plan) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(plan.scenario()).append("\n\n");
        if (!plan.description().isBlank()) {
            out.append(plan.description().strip()).append("\n\n");
        }
        out.append("**")
                .append(plan.headline())
                .append(".** Horizon ")
                .append(plan.horizonStart())
                .append(" to ")
                .append(plan.horizonEnd())
                .append(".\n");
        for (Section s : sections(plan)) {
            out.append("\n## ").append(s.title).append("\n\n").append(s.table.markdown());
        }
        appendWarnings(plan, out, "- ");
        return out.toString();
    }

    private static void appendWarnings(Plan plan, StringBuilder out, String bullet) {
        if (!plan.warnings().isEmpty()) {
            out.append(bullet.isEmpty() ? "\nWarnings\n" : "\n## Warnings\n\n");
            plan.warnings().forEach(w -> out.append(bullet.isEmpty() ? "  ! " : bullet)
                    .append(w)
                    .append('\n'));
        }
    }

    private record Section(String title, TextTable table) {}

    private static List<Section> sections(Plan plan) {
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("Sites (a year at the horizon's end)", sites(plan.sites())));
        sections.add(new Section("Embodied carbon (per year, each part over its book life)", embodied(plan.sites())));
        sections.add(new Section(
                "Over the horizon (at each site's planned utilisation; a simulation reports these under the same names)",
                inHorizon(plan)));
        sections.add(new Section("Fleet and money", fleet(plan.fleet())));
        sections.add(new Section("Capex by year", capex(plan.fleet())));
        if (!plan.training().isEmpty()) {
            sections.add(new Section("Training", training(plan.training())));
            sections.add(new Section("Training step (where MFU comes from)", trainingSteps(plan.training())));
        }
        if (!plan.inference().isEmpty()) {
            sections.add(new Section("Inference", inference(plan.inference())));
        }
        for (InferencePlan service : plan.inference()) {
            TextTable choices = alternatives(service);
            if (choices != null) {
                sections.add(
                        new Section("Choices for " + service.name() + " (cheapest layout per accelerator)", choices));
            }
        }
        return sections;
    }

    private static TextTable sites(List<SitePlan> sites) {
        TextTable t = new TextTable(
                "site",
                "grid",
                "accelerators",
                "capacity MW",
                "nameplate MW",
                "expected peak MW",
                "mean MW",
                "PUE yr",
                "PUE design",
                "energy GWh/yr",
                "water m³/yr",
                "tCO2e/yr loc",
                "tCO2e/yr mkt",
                "mkt basis",
                "fits");
        for (SitePlan s : sites) {
            t.row(
                    s.name(),
                    s.grid(),
                    Format.integer(s.accelerators()),
                    Format.integer(s.capacityMw()),
                    Format.integer(s.peakFacilityPowerMw()),
                    Format.integer(s.expectedPeakFacilityPowerMw()),
                    Format.integer(s.facilityPowerMw()),
                    Format.number(s.annualPue(), 2),
                    Format.number(s.designDayPue(), 2),
                    Format.number(s.energyMwhPerYear() / 1e3, 0),
                    Format.integer(s.waterM3PerYear()),
                    Format.integer(s.co2eTonnesPerYear()),
                    Format.integer(s.co2eTonnesPerYearMarket()),
                    s.marketBasis(),
                    s.fits() ? "yes" : "NO");
        }
        return t;
    }

    private static TextTable embodied(List<SitePlan> sites) {
        TextTable t =
                new TextTable("site", "accelerators t/yr", "hosts t/yr", "network t/yr", "facility t/yr", "total t/yr");
        double[] sum = new double[5];
        for (SitePlan s : sites) {
            var e = s.embodied();
            double[] parts = {
                e.acceleratorsTonnesPerYear(),
                e.hostsTonnesPerYear(),
                e.networkTonnesPerYear(),
                e.facilityTonnesPerYear(),
                e.totalTonnesPerYear()
            };
            embodiedRow(t, s.name(), parts);
            for (int i = 0; i < parts.length; i++) {
                sum[i] += parts[i];
            }
        }
        if (sites.size() > 1) {
            embodiedRow(t, "all sites", sum);
        }
        return t;
    }

    private static TextTable inHorizon(Plan plan) {
        TextTable t = new TextTable(
                "site", "accelerator-h", "energy MWh", "tCO2e loc", "tCO2e mkt", "water m³", "electricity");
        double[] sum = new double[6];
        for (SitePlan s : plan.sites()) {
            SitePlan.InHorizon h = s.inHorizon();
            double[] row = {
                h.gpuHours(),
                h.energyMwh(),
                h.co2eTonnesLocation(),
                h.co2eTonnesMarket(),
                h.waterM3(),
                h.energyCostUsd()
            };
            inHorizonRow(t, s.name(), row);
            for (int i = 0; i < row.length; i++) {
                sum[i] += row[i];
            }
        }
        if (plan.sites().size() > 1) {
            inHorizonRow(t, "all sites", sum);
        }
        return t;
    }

    private static void inHorizonRow(TextTable t, String name, double[] row) {
        String[] cells = integers(name, row);
        cells[row.length] = Format.usd(row[row.length - 1]); // electricity
        t.row(cells);
    }

    private static void embodiedRow(TextTable t, String name, double[] parts) {
        t.row(integers(name, parts));
    }

    /** A row's cells: its name, then each value as a whole number. */
    private static String[] integers(String name, double[] values) {
        String[] cells = new String[values.length + 1];
        cells[0] = name;
        for (int i = 0; i < values.length; i++) {
            cells[i + 1] = Format.integer(values[i]);
        }
        return cells;
    }

    private static TextTable fleet(FleetPlan f) {
        TextTable t = new TextTable("measure", "value");
        t.row("accelerators", Format.integer(f.accelerators()));
        f.acceleratorsByType().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> t.row("  " + e.getKey(), Format.integer(e.getValue())));
        t.row("capex (IT + facility)", Format.usd(f.capexUsd()));
        t.row("capex in the horizon's years", Format.usd(f.capexInHorizonUsd()));
        if (f.facilityUnderConstructionUsd() > 0) {
            t.row("  of which facility still under construction", Format.usd(f.facilityUnderConstructionUsd()));
        }
        if (f.budgetUsd() > 0) {
            t.row("budget", Format.usd(f.budgetUsd()));
        }
        t.row("book depreciation per year", Format.usd(f.depreciationUsdPerYear()));
        t.row("  accrued within the horizon", Format.usd(f.inHorizon().depreciationUsd()));
        t.row("maintenance accrued within the horizon", Format.usd(f.inHorizon().maintenanceUsd()));
        t.row("annualised capex per year", Format.usd(f.annualisedCapexUsdPerYear()));
        t.row("opex per year (energy + maintenance)", Format.usd(f.opexUsdPerYear()));
        t.row("TCO per year", Format.usd(f.tcoUsdPerYear()));
        t.row("$ per accelerator-hour", Format.usd(f.usdPerGpuHour()));
        t.row("energy per year", Format.integer(f.energyMwhPerYear()) + " MWh");
        t.row("CO2e per year, location-based", Format.integer(f.co2eTonnesPerYear()) + " t");
        t.row("CO2e per year, market-based", Format.integer(f.co2eTonnesPerYearMarket()) + " t");
        if (f.revenueUsdPerYear() > 0) {
            t.row("revenue per year", Format.usd(f.revenueUsdPerYear()));
            t.row(
                    "NPV over " + Format.number(f.evaluationYears(), 1) + " years, with residual value",
                    Format.usd(f.npvUsd()));
            t.row("  residual book value at its end", Format.usd(f.residualValueUsd()));
            t.row(
                    "payback",
                    Double.isFinite(f.paybackYears()) ? Format.number(f.paybackYears(), 1) + " years" : "never");
        }
        return t;
    }

    private static TextTable capex(FleetPlan f) {
        TextTable t = new TextTable("year", "accelerators", "servers", "network", "facility", "total");
        for (FleetPlan.CapexYear y : f.capexByYear()) {
            t.row(
                    String.valueOf(y.year()),
                    Format.usd(y.acceleratorsUsd()),
                    Format.usd(y.serversUsd()),
                    Format.usd(y.networkUsd()),
                    Format.usd(y.facilityUsd()),
                    Format.usd(y.totalUsd()));
        }
        return t;
    }

    private static TextTable trainingSteps(List<TrainingPlan> jobs) {
        TextTable t = new TextTable(
                        "job",
                        "MFU from",
                        "layout",
                        "batch",
                        "step s",
                        "tok/s/acc",
                        "HFU",
                        "compute",
                        "exposed comm",
                        "bubble",
                        "HBM GB")
                .leftAlign(1, 2);
        for (TrainingPlan j : jobs) {
            for (var phase : j.phases()) {
                step(t, j.phases().size() > 1 ? j.name() + " / " + phase.name() : j.name(), phase.throughput());
            }
        }
        return t;
    }

    private static void step(TextTable t, String name, TrainingThroughput th) {
        if (!th.modelled()) {
            String tokens = Format.integer(th.tokensPerSecondPerAccelerator());
            t.row(name, "scenario (model bypassed)", "-", "-", "-", tokens, "-", "-", "-", "-", "-");
            return;
        }
        t.row(
                name,
                th.fits() ? "step-time model" : "step-time model (DOES NOT FIT)",
                th.layout(),
                Format.integer(th.globalBatch()),
                Format.number(th.stepSeconds(), 2),
                Format.integer(th.tokensPerSecondPerAccelerator()),
                Format.percent(th.hfu()),
                Format.percent(th.computeShare()),
                Format.percent(th.communicationShare()),
                Format.percent(th.bubbleShare()),
                Format.integer(th.memoryBytes() / 1e9));
    }

    private static TextTable training(List<TrainingPlan> jobs) {
        TextTable t = new TextTable(
                "job",
                "model",
                "accelerators",
                "FLOPs",
                "MFU",
                "ETTR",
                "days",
                "GPU-hours",
                "MWh physical",
                "tCO2e phys loc",
                "tCO2e phys mkt",
                "MWh card basis",
                "tCO2e card basis",
                "cost");
        for (TrainingPlan j : jobs) {
            t.row(
                    j.name(),
                    j.model(),
                    Format.integer(j.gpus()) + " " + j.accelerator(),
                    Format.compact(j.flops()),
                    Format.percent(j.mfu()),
                    Format.percent(j.ettr()),
                    Format.number(j.wallClockDays(), 1),
                    Format.compact(j.gpuHours()),
                    Format.integer(j.energyMwh()),
                    Format.integer(j.co2eTonnesLocation()),
                    Format.integer(j.co2eTonnesMarket()),
                    Format.integer(j.disclosureEnergyMwh()),
                    Format.integer(j.disclosureCo2eTonnes()),
                    Format.usd(j.costUsd()));
        }
        return t;
    }

    /** The cheapest feasible layout per accelerator when the planner chose among several, else null. */
    private static TextTable alternatives(InferencePlan service) {
        Map<String, InferencePlan.Alternative> best = new LinkedHashMap<>();
        for (InferencePlan.Alternative a : service.alternatives()) {
            best.putIfAbsent(a.accelerator(), a);
        }
        if (best.size() < 2) {
            return null;
        }
        TextTable t = new TextTable("accelerator", "layout", "output tok/s/replica", "accelerators", "$/M tokens");
        for (InferencePlan.Alternative a : best.values()) {
            t.row(
                    a.accelerator(),
                    a.feasible() ? a.parallelism() : "-",
                    a.feasible() ? Format.integer(a.tokensPerSecondPerReplica()) : "-",
                    a.feasible() ? Format.integer(a.accelerators()) : "-",
                    a.feasible() ? Format.usd(a.usdPerMillionTokens()) : "cannot meet the SLOs");
        }
        return t;
    }

    /** {@code p99} for 0.99, {@code p99.9} for 0.999, {@code mean} for NaN. */
    static String percentile(double percentile) {
        if (Double.isNaN(percentile)) {
            return "mean";
        }
        return "p"
                + BigDecimal.valueOf(Math.round(percentile * 100_000) / 1000.0)
                        .stripTrailingZeros()
                        .toPlainString();
    }

    private static TextTable inference(List<InferencePlan> services) {
        TextTable t = new TextTable(
                "service",
                "model",
                "on",
                "peak output tok/s",
                "output tok/s/replica",
                "replicas",
                "accelerators",
                "latency at",
                "TTFT s",
                "TPOT ms",
                "energy MWh/yr",
                "$/M tokens");
        for (InferencePlan s : services) {
            t.row(
                    s.name(),
                    s.model(),
                    s.accelerator() + " " + s.parallelism() + " " + s.precision(),
                    Format.compact(s.peakTokensPerSecond()),
                    Format.integer(s.tokensPerSecondPerReplica()),
                    Format.integer(s.replicas()),
                    Format.integer(s.accelerators()),
                    percentile(s.latencyPercentile()),
                    s.feasible() ? Format.number(s.ttftSeconds(), 2) : "-",
                    s.feasible() ? Format.number(s.tpotSeconds() * 1e3, 1) : "-",
                    Format.integer(s.energyMwhPerYear()),
                    s.feasible()
                            ? Format.usd(s.usdPerMillionTokens())
                            : String.format(Locale.ROOT, "infeasible (%.2fx)", s.missFactor()));
        }
        return t;
    }
}

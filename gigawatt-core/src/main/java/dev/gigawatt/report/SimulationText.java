package dev.gigawatt.report;

import dev.gigawatt.sim.Goodput;
import dev.gigawatt.sim.JobRecord;
import dev.gigawatt.sim.ServiceRecord;
import dev.gigawatt.sim.SimulationResult;
import dev.gigawatt.sim.SiteSeries;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link SimulationResult} as a terminal summary. */
public final class SimulationText {
    private SimulationText() {}

    /** The summary: sites, training jobs, services and fleet totals. */
    public static String summary(SimulationResult r) {
        StringBuilder out = new StringBuilder();
        out.append(r.scenario())
                .append("  simulated ")
                .append(r.start())
                .append(" + ")
                .append(r.hours() / 24)
                .append(" days, seed ")
                .append(r.seed())
                .append(", replication ")
                .append(r.replication())
                .append('\n');
        out.append(headline(r)).append("\n\nSites\n").append(sites(r).render());
        if (r.jobs().stream().anyMatch(j -> j.mix().isEmpty())) {
            out.append("\nTraining jobs\n").append(jobs(r).render());
        }
        if (r.jobs().stream().anyMatch(j -> !j.mix().isEmpty())) {
            out.append("\nJob mixes (generated jobs)\n").append(mixes(r).render());
        }
        if (!r.services().isEmpty()) {
            out.append("\nInference services\n").append(services(r).render());
        }
        out.append("\nFleet\n").append(fleet(r).render());
        return out.toString();
    }

    static String headline(SimulationResult r) {
        double energy = r.totalFacilityEnergyMwh();
        long done = r.jobs().stream().filter(JobRecord::completed).count();
        int capped = r.sites().stream().mapToInt(SiteSeries::hoursAboveCapacity).sum();
        return String.format(
                Locale.ROOT,
                "%s GWh at the meter; %s of %s training jobs finished; goodput %s;%s",
                Format.number(energy / 1e3, 1),
                Format.integer(done),
                Format.integer(r.jobs().size()),
                Format.percent(r.trainingGoodput()),
                capped == 0
                        ? " no site exceeded its grid capacity."
                        : " " + capped + " site-hours above grid capacity.");
    }

    private static TextTable sites(SimulationResult r) {
        TextTable t = new TextTable(
                "site",
                "peak MW",
                "mean MW",
                "energy MWh",
                "water m³",
                "tCO2e loc",
                "tCO2e mkt",
                "utilisation",
                "hours capped",
                "hours > cap");
        for (SiteSeries s : r.sites()) {
            t.row(
                    s.name(),
                    Format.integer(s.peakFacilityPowerMw()),
                    Format.integer(s.totalFacilityEnergyMwh() / r.hours()),
                    Format.integer(s.totalFacilityEnergyMwh()),
                    Format.integer(s.totalWaterM3()),
                    Format.integer(s.totalCo2eTonnesLocation()),
                    Format.integer(s.totalCo2eTonnesMarket()),
                    Format.percent(s.utilisation()),
                    Format.integer(s.hoursPowerCapped()),
                    Format.integer(s.hoursAboveCapacity()));
        }
        return t;
    }

    private static TextTable jobs(SimulationResult r) {
        TextTable t = new TextTable(
                "job",
                "site",
                "accelerators",
                "start",
                "end",
                "interruptions",
                "lost GPU-h",
                "GPU-hours",
                "ETTR",
                "done");
        for (JobRecord j : r.jobs()) {
            if (!j.mix().isEmpty()) {
                continue;
            }
            t.row(
                    j.name(),
                    j.site(),
                    Format.integer(j.gpus()) + " " + j.accelerator(),
                    date(r, j.startSeconds()),
                    date(r, j.endSeconds()),
                    Format.integer(j.interruptions()),
                    Format.compact(j.lostGpuHours()),
                    Format.compact(j.gpuHours()),
                    Format.percent(j.ettr()),
                    Format.percent(j.progress()));
        }
        return t;
    }

    private static TextTable mixes(SimulationResult r) {
        TextTable t = new TextTable(
                "mix",
                "site",
                "jobs",
                "started",
                "finished",
                "mean wait h",
                "p95 wait h",
                "interruptions",
                "GPU-hours",
                "goodput");
        Map<String, List<JobRecord>> byMix = new LinkedHashMap<>();
        for (JobRecord j : r.jobs()) {
            if (!j.mix().isEmpty()) {
                byMix.computeIfAbsent(j.mix(), k -> new ArrayList<>()).add(j);
            }
        }
        double horizon = r.hours() * 3600.0;
        for (var e : byMix.entrySet()) {
            var jobs = e.getValue();
            double[] waits = jobs.stream()
                    .mapToDouble(j -> j.waitHours(horizon))
                    .sorted()
                    .toArray();
            double held = jobs.stream().mapToDouble(JobRecord::gpuHours).sum();
            t.row(
                    e.getKey(),
                    jobs.get(0).site(),
                    Format.integer(jobs.size()),
                    Format.integer(jobs.stream()
                            .filter(j -> !Double.isNaN(j.startSeconds()))
                            .count()),
                    Format.integer(jobs.stream().filter(JobRecord::completed).count()),
                    Format.number(Arrays.stream(waits).average().orElse(0), 1),
                    Format.number(waits[(int) Math.min(waits.length - 1, Math.floor(0.95 * waits.length))], 1),
                    Format.integer(
                            jobs.stream().mapToInt(JobRecord::interruptions).sum()),
                    Format.compact(held),
                    Format.percent(Goodput.of(jobs)));
        }
        return t;
    }

    private static TextTable services(SimulationResult r) {
        TextTable t = new TextTable(
                "service", "site", "on", "peak replicas", "demand tokens", "served", "unmet tokens", "SLO attainment");
        for (ServiceRecord s : r.services()) {
            t.row(
                    s.name(),
                    s.site(),
                    s.accelerator() + " " + s.parallelism(),
                    Format.integer(s.replicasAtPeak()),
                    Format.compact(s.demandTokens()),
                    Format.percent(s.demandTokens() == 0 ? 1 : s.servedTokens() / s.demandTokens()),
                    Format.compact(s.unmetTokens()),
                    Format.percent(s.sloAttainment()));
        }
        return t;
    }

    private static TextTable fleet(SimulationResult r) {
        TextTable t = new TextTable("measure", "value");
        double cost =
                r.sites().stream().mapToDouble(SiteSeries::totalEnergyCostUsd).sum();
        t.row("accelerator-hours", Format.compact(r.totalGpuHours()));
        t.row("training goodput (useful / held)", Format.percent(r.trainingGoodput()));
        t.row("training hours not lost (1 - lost / held)", Format.percent(r.trainingKeptShare()));
        t.row("energy at the meter", Format.integer(r.totalFacilityEnergyMwh()) + " MWh");
        t.row("electricity cost", Format.usd(cost));
        t.row("capex in the horizon (IT and facility)", Format.usd(r.money().capexUsd()));
        t.row("depreciation accrued in the horizon", Format.usd(r.money().depreciationUsd()));
        t.row("maintenance accrued in the horizon", Format.usd(r.money().maintenanceUsd()));
        double total = r.money().depreciationUsd() + r.money().maintenanceUsd() + cost;
        t.row("cost in the horizon (depreciation + maintenance + electricity)", Format.usd(total));
        double busy = r.sites().stream()
                .mapToDouble(s -> s.totalGpuHours() * s.utilisation())
                .sum();
        t.row("$ per busy accelerator-hour", busy > 0 ? Format.usd(total / busy) : "n/a");
        t.row("events simulated", Format.integer(r.events()));
        return t;
    }

    /** A time in seconds since the start as a date and hour, or "-" when it did not happen. */
    static String date(SimulationResult r, double seconds) {
        if (Double.isNaN(seconds)) {
            return "-";
        }
        LocalDateTime t = r.start().atStartOfDay().plusSeconds((long) seconds);
        return String.format(Locale.ROOT, "%s %02d:%02d", t.toLocalDate(), t.getHour(), t.getMinute());
    }
}

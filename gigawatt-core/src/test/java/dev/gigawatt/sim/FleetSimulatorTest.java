package dev.gigawatt.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.plan.Plan;
import dev.gigawatt.plan.Planner;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetSimulatorTest {
    static final Catalog CATALOG = Catalog.builtIn();

    static Scenario scenario(String yaml) {
        return ScenarioReader.parse(yaml, "test.yaml", CATALOG);
    }

    static final String ONE_JOB = """
            name: one-job
            seed: 11
            horizon: {start: 2025-01-01, end: 2025-07-01}
            sites:
              - {name: a, grid: US-OH, capacity: "100 MW", pue: 1.2}
            fleet:
              - {accelerator: H100-SXM, count: 4096, site: a, inService: 2025-01-01}
            training:
              - {name: j, model: llama-3.1-8b, tokens: 2T, accelerators: 2048, accelerator: H100-SXM, mfu: "40%"}
            reliability:
              acceleratorMtbf: "MTBF"
            """;

    /** ONE_JOB without failures, checkpointing (112 GB at 1 GB/s) every 30 min of compute. */
    static final String CHECKPOINTED_WITHOUT_FAILURES = ONE_JOB.replace("MTBF", "1e15 h")
            .replace("mfu: \"40%\"}", "mfu: \"40%\", checkpoint: {interval: \"30 min\", writeBandwidth: \"1 GB/s\"}}");

    @Test
    void simulate_noFailures_matchesPlannerGpuHoursAndEnergy() {
        Scenario s = scenario(ONE_JOB.replace("MTBF", "1e15 h"));
        Plan plan = new Planner(Assumptions.builtIn()).plan(s);
        SimulationResult r = new FleetSimulator(s, plan, SimulationOptions.of(SchedulingPolicy.FIFO)).run(p -> {});
        JobRecord job = r.jobs().get(0);
        assertThat(job.completed()).isTrue();
        assertThat(job.interruptions()).isZero();
        assertThat(job.gpuHours()).isCloseTo(plan.training().get(0).gpuHours(), within(1e-6 * job.gpuHours()));
        double trainingGpuHours = 0;
        for (int h = 0; h < r.hours(); h++) {
            trainingGpuHours += r.sites().get(0).trainingGpuHours(h);
        }
        assertThat(trainingGpuHours).isCloseTo(job.gpuHours(), within(1e-6 * job.gpuHours()));
    }

    @Test
    void simulate_checkpointWrites_drawIdlePower() {
        // No failures, a checkpoint (112 GB at 1 GB/s) every 30 min of compute: the job holds 2,048 H100 for its
        // compute
        // time plus its writes, computing at the busy draw (854.25 W with host share) and writing at
        // idle (70 W + 1,500 W / 8 = 257.5 W), so the site's IT energy is every accelerator at idle for
        // the horizon plus 2,048 × compute time × (854.25 − 257.5) W, whatever the writes take.
        Scenario s = scenario(CHECKPOINTED_WITHOUT_FAILURES);
        Plan plan = new Planner(Assumptions.builtIn()).plan(s);
        SimulationResult r = new FleetSimulator(s, plan, SimulationOptions.of(SchedulingPolicy.FIFO)).run(p -> {});
        var job = plan.training().get(0);
        assertThat(job.checkpointWriteSeconds()).isGreaterThan(60);
        assertThat(r.jobs().get(0).gpuHours())
                .isGreaterThan(2048 * job.computeSeconds() / 3600 * 1.01); // the writes add over 1%
        double itMwh = 0;
        for (int h = 0; h < r.hours(); h++) {
            itMwh += r.sites().get(0).itEnergyMwh(h);
        }
        double expectedMwh = (4096.0 * r.hours() * 257.5 + 2048 * job.computeSeconds() / 3600 * (854.25 - 257.5)) / 1e6;
        assertThat(itMwh).isCloseTo(expectedMwh, within(1e-6 * expectedMwh));
        // The planner's physical basis counts the writes at the same idle draw.
        double planItMwh = job.energyMwh() / 1.2;
        double jobOnlyMwh = (job.gpuHours() * 257.5 + 2048 * job.computeSeconds() / 3600 * (854.25 - 257.5)) / 1e6;
        assertThat(planItMwh).isCloseTo(jobOnlyMwh, within(1e-6 * jobOnlyMwh));
    }

    @Test
    void simulate_checkpointedJobWithoutFailures_endsAfterItsComputeAndEveryWriteButTheLast() {
        // 30 min of compute between checkpoints: the job writes after every full interval but not at
        // its end, so it ends ceil(compute / interval) - 1 writes after its compute alone would.
        Scenario s = scenario(CHECKPOINTED_WITHOUT_FAILURES);
        Plan plan = new Planner(Assumptions.builtIn()).plan(s);
        var job = plan.training().get(0);
        JobRecord r = new FleetSimulator(s, plan, SimulationOptions.of(SchedulingPolicy.FIFO))
                .run(p -> {})
                .jobs()
                .get(0);
        double writes = Math.ceil(job.computeSeconds() / 1800) - 1;
        assertThat(writes).isGreaterThan(50);
        assertThat(r.startSeconds()).isZero();
        assertThat(r.endSeconds())
                .isCloseTo(
                        job.computeSeconds() + writes * job.checkpointWriteSeconds(),
                        within(1e-9 * job.computeSeconds()));
        assertThat(r.gpuHours()).isCloseTo(2048 * r.endSeconds() / 3600, within(1e-6 * r.gpuHours()));
    }

    @Test
    void simulate_hardwareFaultWithoutSpares_waitsOneRepairForItsWholeServer() {
        // The job holds every accelerator and there are no spares, so after a hardware fault it waits
        // for its own server (8 H100) to come back. The server is repaired as one part: the wait is
        // one exponential repair time (mean 10 h), not the longest of eight (mean 10 h × H(8) = 27 h).
        Scenario s = scenario(ONE_JOB.replace("count: 4096", "count: 2048")
                .replace("tokens: 2T", "tokens: 60T")
                .replace(
                        "acceleratorMtbf: \"MTBF\"",
                        "acceleratorMtbf: \"20,000 h\"\n  repairTime: \"10 h\"\n  hotSpares: \"0%\""));
        SimulationResult r = FleetSimulator.simulate(s, SimulationOptions.of(SchedulingPolicy.FIFO));
        List<JobEvent> events = r.jobEvents();
        double waitedSeconds = 0;
        int waits = 0;
        for (int i = 0; i + 1 < events.size(); i++) {
            if (events.get(i).kind() == JobEvent.Kind.WAITING) {
                waitedSeconds += events.get(i + 1).timeSeconds() - events.get(i).timeSeconds();
                waits++;
            }
        }
        assertThat(waits).isGreaterThan(60);
        assertThat(waitedSeconds / waits / 3600).isBetween(7.0, 13.0);
    }

    @Test
    void simulate_gpuHoursAreConserved() {
        Scenario s = scenario(ONE_JOB.replace("MTBF", "50,000 h"));
        SimulationResult r = FleetSimulator.simulate(s, SimulationOptions.of(SchedulingPolicy.FIFO));
        // 4,096 accelerators in service for every hour of the horizon.
        assertThat(r.totalGpuHours()).isCloseTo(4096.0 * r.hours(), within(1e-6 * 4096 * r.hours()));
    }

    @Test
    void simulate_sameSeed_identicalResults() {
        Scenario s = scenario(ONE_JOB.replace("MTBF", "20,000 h"));
        SimulationResult a = FleetSimulator.simulate(s, SimulationOptions.of(SchedulingPolicy.FIFO));
        SimulationResult b = FleetSimulator.simulate(s, SimulationOptions.of(SchedulingPolicy.FIFO));
        assertThat(a.jobs()).isEqualTo(b.jobs());
        assertThat(a.jobEvents()).isEqualTo(b.jobEvents());
        for (int h = 0; h < a.hours(); h++) {
            assertThat(a.sites().get(0).facilityEnergyMwh(h))
                    .isEqualTo(b.sites().get(0).facilityEnergyMwh(h));
        }
    }

    @Test
    void simulate_withoutJobEvents_emptyLogAndEveryOtherOutputUnchanged() {
        Scenario s = scenario(ONE_JOB.replace("MTBF", "20,000 h"));
        Plan plan = new Planner(Assumptions.builtIn()).plan(s);
        SimulationOptions full = new SimulationOptions(3, SchedulingPolicy.EASY_BACKFILL);
        SimulationResult a = new FleetSimulator(s, plan, full).run(p -> {});
        SimulationResult b = new FleetSimulator(s, plan, full.withoutJobEvents()).run(p -> {});
        assertThat(full.recordJobEvents()).isTrue();
        assertThat(a.jobEvents()).hasSizeGreaterThan(10);
        assertThat(b.jobEvents()).isEmpty();
        assertThat(b.jobs()).isEqualTo(a.jobs());
        assertThat(b.services()).isEqualTo(a.services());
        assertThat(b.events()).isEqualTo(a.events());
        for (int h = 0; h < a.hours(); h++) {
            assertThat(b.sites().get(0).facilityEnergyMwh(h))
                    .isEqualTo(a.sites().get(0).facilityEnergyMwh(h));
            assertThat(b.sites().get(0).trainingGpuHours(h))
                    .isEqualTo(a.sites().get(0).trainingGpuHours(h));
        }
    }

    @Test
    void simulate_withFailures_ettrAgreesWithPlanner() {
        Scenario s = scenario(ONE_JOB.replace("MTBF", "20,000 h"));
        Plan plan = new Planner(Assumptions.builtIn()).plan(s);
        double sum = 0;
        double sumSquares = 0;
        int n = 40;
        for (int rep = 0; rep < n; rep++) {
            SimulationResult r =
                    new FleetSimulator(s, plan, new SimulationOptions(rep, SchedulingPolicy.FIFO)).run(p -> {});
            double ettr = r.jobs().get(0).ettr();
            sum += ettr;
            sumSquares += ettr * ettr;
        }
        double mean = sum / n;
        double sd = Math.sqrt((sumSquares - n * mean * mean) / (n - 1));
        double halfWidth = 3 * sd / Math.sqrt(n) + 0.002;
        System.out.printf(
                "ETTR sim %.4f ± %.4f, planner %.4f%n",
                mean, halfWidth, plan.training().get(0).ettr());
        assertThat(mean).isCloseTo(plan.training().get(0).ettr(), within(halfWidth));
    }

    @Test
    void simulate_addingAJobElsewhere_keepsAnotherJobsFailureTimes() {
        String base = """
                name: streams
                seed: 5
                horizon: {start: 2025-01-01, end: 2025-04-01}
                sites:
                  - {name: a, grid: US-OH, capacity: "100 MW"}
                  - {name: b, grid: US-TX, capacity: "100 MW"}
                fleet:
                  - {accelerator: H100-SXM, count: 2048, site: a}
                  - {accelerator: H100-SXM, count: 2048, site: b}
                reliability: {acceleratorMtbf: "5,000 h"}
                training:
                  - {name: first, model: llama-3.1-8b, tokens: 1T, accelerators: 2048, accelerator: H100-SXM, site: a}
                """;
        String withSecond = base
                + "  - {name: second, model: llama-3.1-8b, tokens: 1T, accelerators: 2048, accelerator: H100-SXM, site: b}\n";
        List<JobEvent> alone = failuresOf(
                "first", FleetSimulator.simulate(scenario(base), SimulationOptions.of(SchedulingPolicy.FIFO)));
        List<JobEvent> together = failuresOf(
                "first", FleetSimulator.simulate(scenario(withSecond), SimulationOptions.of(SchedulingPolicy.FIFO)));
        assertThat(alone).isNotEmpty().isEqualTo(together);
    }

    static List<JobEvent> failuresOf(String job, SimulationResult r) {
        return r.jobEvents().stream()
                .filter(e -> e.job().equals(job) && e.kind() == JobEvent.Kind.FAILURE)
                .toList();
    }

    @Test
    void simulate_siteOverItsCapacity_capsTrainingPowerAndSlowsTheJob() {
        String free = ONE_JOB.replace("MTBF", "1e15 h");
        // 2,048 busy H100s draw 2,048 × 1,275 W × 67% (measured busy share of nameplate) = 1.75 MW of IT
        // power; at PUE 1.2 that is 2.10 MW, so a 1.8 MW connection forces a cap.
        String tight =
                free.replace("capacity: \"100 MW\"", "capacity: \"1.8 MW\"").replace("count: 4096", "count: 2048");
        String loose = free.replace("count: 4096", "count: 2048");
        SimulationResult capped = FleetSimulator.simulate(scenario(tight), SimulationOptions.of(SchedulingPolicy.FIFO));
        SimulationResult uncapped =
                FleetSimulator.simulate(scenario(loose), SimulationOptions.of(SchedulingPolicy.FIFO));
        SiteSeries site = capped.sites().get(0);
        assertThat(site.hoursPowerCapped()).isPositive();
        assertThat(site.hoursAboveCapacity()).isZero();
        assertThat(uncapped.sites().get(0).hoursPowerCapped()).isZero();
        assertThat(capped.jobs().get(0).endSeconds())
                .isGreaterThan(uncapped.jobs().get(0).endSeconds());
        for (int h = 0; h < capped.hours(); h++) {
            assertThat(site.facilityEnergyMwh(h)).isLessThanOrEqualTo(site.capacityMw(h) * (1 + 1e-9));
        }
    }

    @Test
    void simulate_priorityScheduler_preemptsLowerPriorityJobs() {
        String yaml = """
                name: preemption
                seed: 3
                horizon: {start: 2025-01-01, end: 2025-03-01}
                sites:
                  - {name: a, grid: US-OH, capacity: "100 MW"}
                fleet:
                  - {accelerator: H100-SXM, count: 1024, site: a}
                reliability: {acceleratorMtbf: "1e15 h"}
                simulation: {scheduler: priority}
                training:
                  - {name: low, model: llama-3.1-8b, tokens: 3T, accelerators: 1024, accelerator: H100-SXM}
                  - {name: high, model: llama-3.1-8b, tokens: 50B, accelerators: 512, accelerator: H100-SXM,
                     priority: 10, start: 2025-01-02}
                """;
        SimulationResult r = FleetSimulator.simulate(scenario(yaml), SimulationOptions.of(SchedulingPolicy.PRIORITY));
        JobRecord low = r.jobs().get(0);
        JobRecord high = r.jobs().get(1);
        assertThat(high.startSeconds()).isEqualTo(high.submitSeconds());
        assertThat(low.preemptions()).isEqualTo(1);
        assertThat(low.completed()).isTrue();
        assertThat(low.endSeconds()).isGreaterThan(high.endSeconds());
        assertThat(low.lostGpuHours()).isPositive();
        SimulationResult fifo = FleetSimulator.simulate(scenario(yaml), SimulationOptions.of(SchedulingPolicy.FIFO));
        assertThat(fifo.jobs().get(0).preemptions()).isZero();
        assertThat(fifo.jobs().get(1).startSeconds())
                .isEqualTo(fifo.jobs().get(0).endSeconds());
    }

    @Test
    void simulate_lendingTheServingTrough_runsMoreTrainingWithoutHurtingTheSlo() {
        String yaml = """
                name: lending
                seed: 8
                horizon: {start: 2025-01-01, end: 2025-01-15}
                sites:
                  - {name: a, grid: US-OH, capacity: "500 MW"}
                fleet:
                  - {accelerator: H100-SXM, count: 1280, site: a}
                inference:
                  - {name: chat, model: llama-3.1-70b, users: 9M, requestsPerUserPerDay: 10, inputTokens: 1000,
                     outputTokens: 300, slo: {ttft: "2 s", tpot: "50 ms"}, peakToMean: 2, accelerator: H100-SXM,
                     parallelism: {tp: 8}}
                jobMix:
                  - {name: batch, site: a, accelerator: H100-SXM, arrivalsPerDay: 200, accelerators: {min: 8, max: 64},
                     duration: {median: "2 h", spread: 0.5}, preemptible: true}
                simulation: {lendServingTrough: LEND}
                """;
        SimulationResult lent = FleetSimulator.simulate(
                scenario(yaml.replace("LEND", "true")), SimulationOptions.of(SchedulingPolicy.FIFO));
        SimulationResult kept = FleetSimulator.simulate(
                scenario(yaml.replace("LEND", "false")), SimulationOptions.of(SchedulingPolicy.FIFO));
        double lentTraining = 0;
        double keptTraining = 0;
        for (int h = 0; h < lent.hours(); h++) {
            lentTraining += lent.sites().get(0).trainingGpuHours(h);
            keptTraining += kept.sites().get(0).trainingGpuHours(h);
        }
        assertThat(kept.services().get(0).sloAttainment()).isEqualTo(1.0);
        assertThat(lent.services().get(0).sloAttainment()).isEqualTo(1.0);
        assertThat(lentTraining).isGreaterThan(keptTraining);
        assertThat(lent.jobs().stream().mapToInt(JobRecord::preemptions).sum()).isPositive();
    }

    @Test
    void simulate_acceleratorsRetireAtTheEndOfTheirBookLife() {
        String yaml = """
                name: retire
                horizon: {start: 2025-01-01, end: 2026-01-01}
                sites:
                  - {name: a, grid: US-OH, capacity: "100 MW"}
                fleet:
                  - {accelerator: A100-SXM, count: 1000, site: a, inService: 2020-01-01}
                  - {accelerator: H100-SXM, count: 1000, site: a, inService: 2025-01-01}
                finance: {depreciationYears: 5.5}
                reliability: {acceleratorMtbf: "1e15 h"}
                """;
        SimulationResult r = FleetSimulator.simulate(scenario(yaml), SimulationOptions.of(SchedulingPolicy.FIFO));
        // The A100s retire 5.5 years after 2020-01-01, i.e. 2007.5 days later: 182.5 days into 2025.
        double retireHours = (2007.5 - 1827) * 24;
        assertThat(r.totalGpuHours()).isCloseTo(1000 * 8760 + 1000 * retireHours, within(1000.0 * 24));
    }

    @Test
    void simulate_moneyOverTheHorizon_handComputed() {
        String yaml = """
                name: money
                horizon: {start: 2025-01-01, end: 2026-01-01}
                sites:
                  - {name: a, grid: US-OH, capacity: "10 MW", electricityPrice: "$50/MWh"}
                fleet:
                  - {accelerator: H100-SXM, count: 1000, site: a, inService: 2025-01-01}
                finance: {acceleratorPrices: {H100-SXM: "$30,000"}, serverShare: "25%", networkShare: "12%",
                          depreciationYears: 5, maintenance: "3%", facilityCost: "$10M/MW", facilityDepreciationYears: 20}
                """;
        SimulationResult r = FleetSimulator.simulate(scenario(yaml), SimulationOptions.of(SchedulingPolicy.FIFO));
        // IT capex 1,000 × 30,000 / 0.75 / 0.88 = $45.45M; facility 10 MW × $10M/MW = $100M, energised at the
        // horizon's start and so spent over the 2-year construction lead time before it, outside the horizon.
        double it = 1000 * 30_000 / 0.75 / 0.88;
        assertThat(r.money().capexUsd()).isCloseTo(it, within(1.0));
        SimulationResult noLead = FleetSimulator.simulate(
                scenario(yaml.replace(
                        "facilityDepreciationYears: 20}",
                        "facilityDepreciationYears: 20, constructionLeadTime: \"0 days\"}")),
                SimulationOptions.of(SchedulingPolicy.FIFO));
        assertThat(noLead.money().capexUsd()).isCloseTo(it + 100e6, within(1.0));
        // One year of straight-line depreciation: IT over 5 years, facility over 20.
        assertThat(r.money().depreciationUsd()).isCloseTo(it / 5 + 100e6 / 20, within(1.0));
        assertThat(r.money().maintenanceUsd()).isCloseTo(it * 0.03, within(1.0));
        double energy = r.totalFacilityEnergyMwh();
        assertThat(r.sites().get(0).totalEnergyCostUsd()).isCloseTo(energy * 50, within(1e-6 * energy * 50));
    }

    @Test
    void kpiNames_withoutSimulating_matchTheSimulatedKpis() {
        Scenario s = scenario(ONE_JOB.replace("MTBF", "50,000 h"));
        SimulationResult r = FleetSimulator.simulate(s, SimulationOptions.of(SchedulingPolicy.FIFO));
        assertThat(dev.gigawatt.metrics.Kpis.simulationNames(s))
                .isEqualTo(dev.gigawatt.metrics.Kpis.of(r).stream()
                        .map(dev.gigawatt.metrics.Kpis.Kpi::name)
                        .toList());
    }
}

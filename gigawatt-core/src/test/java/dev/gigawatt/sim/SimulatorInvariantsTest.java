package dev.gigawatt.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.plan.Plan;
import dev.gigawatt.plan.Planner;
import dev.gigawatt.report.CsvResultWriter;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import dev.gigawatt.scenario.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants of the fleet simulator over many seeded random scenarios. */
class SimulatorInvariantsTest {
    static final Catalog CATALOG = Catalog.builtIn();
    static final List<String> ACCELERATORS = List.of("H100-SXM", "H200", "B200", "A100-SXM", "MI300X");
    static final List<String> GRIDS = List.of("US-LA", "US-OH", "US-TX", "IE", "SE", "SG", "FR");
    static final List<String> SMALL_MODELS = List.of("llama-3.1-8b", "llama-2-7b", "llama-3-8b");
    static final String[] FILES = {"site_hourly.csv", "jobs.csv", "job_events.csv", "services.csv", "summary.json"};

    /** Relative tolerance for sums of the same quantity accumulated in a different order. */
    static final double TIGHT = 1e-9;

    /** ETTR may exceed 1 by the rounding of event times (seen up to 1.2e-13). */
    static final double ETTR_MAX = 1 + 1e-9;

    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20);
    }

    /** A deployment as the generator wrote it: site index, accelerators and in-service date. */
    record Batch(int site, String accelerator, long count, LocalDate inService) {}

    /** A generated scenario with the inputs the oracles need, kept apart from what the reader parsed. */
    record Generated(
            String yaml,
            LocalDate start,
            int days,
            double[][] pueBySite,
            List<Batch> batches,
            SchedulingPolicy policy) {}

    /** A generated scenario, its plan and the result of replication 0. */
    record Case(Generated generated, Scenario scenario, Plan plan, SimulationResult result) {}

    private static final Map<Long, Case> CASES = new ConcurrentHashMap<>();

    /** A random but valid scenario: small fleets, so that 20 of them simulate in seconds. */
    static Generated generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 17);
        LocalDate start = LocalDate.of(2025, 1 + r.nextInt(12), 1 + r.nextInt(28));
        int days = 30 + r.nextInt(31);
        List<SchedulingPolicy> policies = List.of(SchedulingPolicy.values());
        SchedulingPolicy policy = policies.get(r.nextInt(policies.size()));
        StringBuilder y = new StringBuilder();
        y.append("name: sim-random-").append(seed).append('\n');
        y.append("seed: ").append(1000 + seed).append('\n');
        y.append(String.format(Locale.ROOT, "horizon: {start: %s, duration: \"%d days\"}%n", start, days));

        int sites = 1 + r.nextInt(3);
        List<Batch> batches = new ArrayList<>();
        int deployments = 1 + r.nextInt(4);
        for (int i = 0; i < deployments; i++) {
            // Before the horizon (at most ~2 years, so nothing reaches its 5.5-year book life) or inside it.
            LocalDate inService = r.nextBoolean() ? start.minusDays(r.nextInt(700)) : start.plusDays(r.nextInt(days));
            batches.add(new Batch(
                    r.nextInt(sites),
                    ACCELERATORS.get(r.nextInt(ACCELERATORS.size())),
                    8L * (16 + r.nextInt(480)),
                    inService));
        }

        double[][] pueBySite = new double[sites][12];
        y.append("sites:\n");
        for (int s = 0; s < sites; s++) {
            y.append(
                    String.format(Locale.ROOT, "  - name: s%d%n    grid: %s%n", s, GRIDS.get(r.nextInt(GRIDS.size()))));
            if (r.nextBoolean()) {
                double pue = 1.05 + r.nextInt(500) / 1000.0;
                String text = String.format(Locale.ROOT, "%.3f", pue);
                Arrays.fill(pueBySite[s], Double.parseDouble(text));
                y.append("    pue: ").append(text).append('\n');
            } else {
                List<String> texts = new ArrayList<>();
                for (int m = 0; m < 12; m++) {
                    String text = String.format(Locale.ROOT, "%.3f", 1.05 + r.nextInt(500) / 1000.0);
                    pueBySite[s][m] = Double.parseDouble(text);
                    texts.add(text);
                }
                y.append("    pue: [").append(String.join(", ", texts)).append("]\n");
            }
            // Full-load facility power is roughly 1.5 kW per accelerator × PUE; a factor of 0.2 to 3 of
            // that leaves some sites far too small, so that training is power-capped.
            long accelerators = 0;
            for (Batch b : batches) {
                accelerators += b.site() == s ? b.count() : 0;
            }
            double fullKw = Math.max(500, accelerators * 1.5 * 1.3);
            long capacityKw = Math.max(1, Math.round(fullKw * (0.2 + 2.8 * r.nextDouble())));
            if (r.nextInt(3) == 0) {
                LocalDate step = start.plusDays(r.nextInt(days));
                y.append(String.format(
                        Locale.ROOT,
                        "    capacity:%n      - {from: %s, power: \"%d kW\"}%n      - {from: %s, power: \"%d kW\"}%n",
                        start.minusDays(1 + r.nextInt(400)),
                        capacityKw,
                        step,
                        Math.max(1, Math.round(fullKw * (0.2 + 2.8 * r.nextDouble())))));
            } else {
                y.append(String.format(Locale.ROOT, "    capacity: \"%d kW\"%n", capacityKw));
            }
            y.append(String.format(Locale.ROOT, "    renewableShare: \"%d%%\"%n", r.nextInt(101)));
        }

        y.append("fleet:\n");
        for (Batch b : batches) {
            y.append(String.format(
                    Locale.ROOT,
                    "  - {accelerator: %s, count: %d, site: s%d, inService: %s}%n",
                    b.accelerator(),
                    b.count(),
                    b.site(),
                    b.inService()));
        }

        Batch mixBatch = batches.get(r.nextInt(batches.size()));
        int maxLog2 = 63 - Long.numberOfLeadingZeros(mixBatch.count());
        int minLog2 = r.nextInt(Math.min(6, maxLog2) + 1);
        y.append("jobMix:\n");
        y.append(String.format(
                Locale.ROOT,
                "  - {name: mix, site: s%d, accelerator: %s, arrivalsPerDay: %d, accelerators: {min: %d, max: %d},"
                        + " duration: {median: \"%d h\", spread: %.2f}, priority: %d, preemptible: %b, start: %s}%n",
                mixBatch.site(),
                mixBatch.accelerator(),
                1 + r.nextInt(40),
                1L << minLog2,
                1L << (minLog2 + r.nextInt(maxLog2 - minLog2 + 1)),
                1 + r.nextInt(24),
                0.2 + r.nextDouble() * 1.3,
                r.nextInt(5),
                r.nextBoolean(),
                start.plusDays(r.nextInt(5))));

        int jobs = r.nextInt(3);
        if (jobs > 0) {
            y.append("training:\n");
        }
        for (int i = 0; i < jobs; i++) {
            Batch b = r.nextBoolean() ? mixBatch : batches.get(r.nextInt(batches.size()));
            long gpus = Math.min(b.count(), 64L << r.nextInt(5));
            y.append(String.format(
                    Locale.ROOT,
                    "  - {name: job%d, model: %s, tokens: \"%dB\", accelerators: %d, accelerator: %s, site: s%d,"
                            + " start: %s, priority: %d}%n",
                    i,
                    SMALL_MODELS.get(r.nextInt(SMALL_MODELS.size())),
                    20 + r.nextInt(600),
                    gpus,
                    b.accelerator(),
                    b.site(),
                    start.plusDays(r.nextInt(days)),
                    r.nextInt(10)));
        }

        Batch serviceBatch = r.nextInt(3) > 0 ? mixBatch : batches.get(r.nextInt(batches.size()));
        y.append("inference:\n");
        y.append(String.format(
                Locale.ROOT,
                "  - {name: chat, model: %s, users: %d, requestsPerUserPerDay: %d, inputTokens: %d, outputTokens: %d,"
                        + " slo: {ttft: \"5 s\", tpot: \"100 ms\"}, peakToMean: %.2f, growthPerYear: \"%d%%\","
                        + " accelerator: %s, site: s%d, start: %s}%n",
                SMALL_MODELS.get(r.nextInt(SMALL_MODELS.size())),
                100_000 + r.nextInt(20_000_000),
                1 + r.nextInt(10),
                100 + r.nextInt(2000),
                50 + r.nextInt(500),
                1 + r.nextDouble(),
                r.nextInt(200),
                serviceBatch.accelerator(),
                serviceBatch.site(),
                start.plusDays(r.nextInt(days))));

        y.append(String.format(
                Locale.ROOT,
                "reliability: {acceleratorMtbf: \"%d h\", repairTime: \"%d h\", hotSpares: \"%d%%\"}%n",
                2_000 + r.nextInt(98_001),
                1 + r.nextInt(72),
                r.nextInt(6)));
        y.append(String.format(
                Locale.ROOT, "simulation: {scheduler: %s, lendServingTrough: %b}%n", policy.key(), r.nextBoolean()));
        return new Generated(y.toString(), start, days, pueBySite, batches, policy);
    }

    static Case simulated(long seed) {
        return CASES.computeIfAbsent(seed, k -> {
            Generated g = generate(k);
            Scenario s = ScenarioReader.parse(g.yaml(), "random-" + k + ".yaml", CATALOG);
            Plan plan = new Planner(Assumptions.builtIn()).plan(s);
            return new Case(g, s, plan, run(s, plan, g.policy(), 0));
        });
    }

    @Test
    void generate_overAllSeeds_exercisesCapsFailuresPreemptionsAndEverySchedulerSoInvariantsAreNotVacuous() {
        Set<SchedulingPolicy> policies = EnumSet.noneOf(SchedulingPolicy.class);
        int cappedSites = 0;
        int uncappedSites = 0;
        int failures = 0;
        int preemptions = 0;
        int completed = 0;
        int lateDeployments = 0;
        int pueLists = 0;
        for (long seed : seeds().toArray()) {
            Case c = simulated(seed);
            policies.add(c.generated().policy());
            for (SiteSeries s : c.result().sites()) {
                if (s.hoursPowerCapped() > 0) {
                    cappedSites++;
                } else {
                    uncappedSites++;
                }
            }
            for (JobRecord j : c.result().jobs()) {
                failures += j.interruptions();
                preemptions += j.preemptions();
                completed += j.completed() ? 1 : 0;
            }
            for (Batch b : c.generated().batches()) {
                lateDeployments += b.inService().isAfter(c.generated().start()) ? 1 : 0;
            }
            for (double[] pue : c.generated().pueBySite()) {
                pueLists += Arrays.stream(pue).distinct().count() > 1 ? 1 : 0;
            }
        }
        assertThat(policies).containsExactlyInAnyOrder(SchedulingPolicy.values());
        assertThat(cappedSites).isPositive();
        assertThat(uncappedSites).isPositive();
        assertThat(failures).isPositive();
        assertThat(preemptions).isPositive();
        assertThat(completed).isPositive();
        assertThat(lateDeployments).isPositive();
        assertThat(pueLists).isPositive();
    }

    static SimulationResult run(Scenario s, Plan plan, SchedulingPolicy policy, long replication) {
        return new FleetSimulator(s, plan, new SimulationOptions(replication, policy)).run(p -> {});
    }

    /** Accelerators of site {@code site} in service during hour {@code h}, counting a mid-hour arrival pro rata. */
    static double installed(Generated g, int site, int h) {
        double total = 0;
        for (Batch b : g.batches()) {
            if (b.site() == site) {
                double arrivalHours = Math.max(0, ChronoUnit.DAYS.between(g.start(), b.inService()) * 24.0);
                total += b.count() * Math.min(1, Math.max(0, h + 1 - arrivalHours));
            }
        }
        return total;
    }

    static double gpuHours(SiteSeries s, int h) {
        return s.trainingGpuHours(h) + s.servingGpuHours(h) + s.idleGpuHours(h) + s.repairGpuHours(h);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void simulate_randomScenario_everyHoursGpuHoursEqualTheAcceleratorsInstalled(long seed) {
        Case c = simulated(seed);
        SimulationResult r = c.result();
        assertThat(r.hours()).isEqualTo(c.generated().days() * 24);
        for (int s = 0; s < r.sites().size(); s++) {
            SiteSeries site = r.sites().get(s);
            List<String> wrongHours = new ArrayList<>();
            double expectedTotal = 0;
            for (int h = 0; h < r.hours(); h++) {
                double expected = installed(c.generated(), s, h);
                expectedTotal += expected;
                if (Math.abs(gpuHours(site, h) - expected) > TIGHT * Math.max(1, expected)) {
                    wrongHours.add("hour " + h + ": " + gpuHours(site, h) + " GPU-hours, " + expected + " installed");
                }
            }
            assertThat(wrongHours).as("site %s", site.name()).isEmpty();
            assertThat(site.totalGpuHours())
                    .as("site %s", site.name())
                    .isCloseTo(expectedTotal, within(TIGHT * Math.max(1, expectedTotal)));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void simulate_randomScenario_trainingGpuHoursOfEachSiteEqualThoseItsJobsHeld(long seed) {
        SimulationResult r = simulated(seed).result();
        for (SiteSeries site : r.sites()) {
            double series = 0;
            for (int h = 0; h < r.hours(); h++) {
                series += site.trainingGpuHours(h);
            }
            double held = r.jobs().stream()
                    .filter(j -> j.site().equals(site.name()))
                    .mapToDouble(JobRecord::gpuHours)
                    .sum();
            assertThat(held).as("site %s", site.name()).isCloseTo(series, within(1e-6 * Math.max(1, series)));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void simulate_randomScenario_facilityEnergyIsItPlusThatMonthsOverheadWithItsFixedPart(long seed) {
        Case c = simulated(seed);
        SimulationResult r = c.result();
        double busy = Assumptions.builtIn().fraction("power.busyFractionOfNameplate");
        double total = 0;
        for (int s = 0; s < r.sites().size(); s++) {
            SiteSeries site = r.sites().get(s);
            Site spec = c.scenario().sites().get(s);
            double[] generatedPue = c.generated().pueBySite()[s];
            boolean monthly = Arrays.stream(generatedPue).distinct().count() > 1;
            double annual = Arrays.stream(spec.pueByMonth().stream()
                            .mapToDouble(Double::doubleValue)
                            .toArray())
                    .average()
                    .orElseThrow();
            // The reader keeps a monthly list as given and spreads a single PUE over the months around it.
            if (monthly) {
                assertThat(spec.pueByMonth())
                        .containsExactly(Arrays.stream(generatedPue).boxed().toArray(Double[]::new));
            } else {
                assertThat(annual).isCloseTo(generatedPue[0], within(1e-12));
            }
            for (int h = 0; h < r.hours(); h++) {
                LocalDate date = c.generated().start().plusDays(h / 24);
                double referenceMw = 0;
                for (var d : c.scenario().fleet()) {
                    if (d.site().equals(spec.name()) && !d.inService().isAfter(date)) {
                        double idle = d.accelerator().idlePowerWatts()
                                + d.server().hostIdlePowerWatts() / d.acceleratorsPerServer();
                        double full =
                                (d.accelerator().tdpWatts() + d.server().hostPowerWatts() / d.acceleratorsPerServer())
                                        * busy;
                        referenceMw += d.count() * (idle + (full - idle) * spec.averageUtilisation()) / 1e6;
                    }
                }
                double overhead = spec.pueByMonth().get(date.getMonthValue() - 1) - 1;
                double it = site.itEnergyMwh(h);
                double phi = spec.overheadFixedShare();
                double expected = it + overhead * (phi * referenceMw + (1 - phi) * it);
                if (Math.abs(site.facilityEnergyMwh(h) - expected) > 1e-9 * Math.max(1, expected)) {
                    assertThat(site.facilityEnergyMwh(h))
                            .as("site %s hour %d", site.name(), h)
                            .isEqualTo(expected);
                }
                assertThat(site.facilityEnergyMwh(h)).isGreaterThanOrEqualTo(it);
                total += site.facilityEnergyMwh(h);
            }
        }
        assertThat(total).isPositive();
        assertThat(r.totalFacilityEnergyMwh()).isCloseTo(total, within(TIGHT * total));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void simulate_randomScenario_nothingNegativeAndMarketCo2eAtItsFactor(long seed) {
        Case c = simulated(seed);
        SimulationResult r = c.result();
        for (int s = 0; s < r.sites().size(); s++) {
            SiteSeries site = r.sites().get(s);
            Site spec = c.scenario().sites().get(s);
            dev.gigawatt.model.MarketBasedIntensity market =
                    dev.gigawatt.model.MarketBasedIntensity.of(spec.grid(), spec.renewableShare());
            List<String> problems = new ArrayList<>();
            for (int h = 0; h < r.hours(); h++) {
                double[] values = {
                    site.itEnergyMwh(h),
                    site.facilityEnergyMwh(h),
                    site.co2eTonnesLocation(h),
                    site.co2eTonnesMarket(h),
                    site.waterM3(h),
                    site.trainingGpuHours(h),
                    site.servingGpuHours(h),
                    site.idleGpuHours(h),
                    site.repairGpuHours(h),
                    site.runningJobs(h),
                    site.servedTokens(h),
                    site.demandTokens(h),
                    site.energyCostUsd(h)
                };
                for (int k = 0; k < values.length; k++) {
                    if (!(values[k] >= 0)) {
                        problems.add("hour " + h + " series " + k + " = " + values[k]);
                    }
                }
                // Market-based: the unmatched share at the flat residual mix, or at the hour's location factor.
                double expected = market.residualMix()
                        ? site.facilityEnergyMwh(h) * market.gramsPerKwh() / 1e3
                        : site.co2eTonnesLocation(h) * market.unmatchedShare();
                if (Math.abs(site.co2eTonnesMarket(h) - expected) > 1e-9 * (1 + expected)) {
                    problems.add("hour " + h + ": market CO2e " + site.co2eTonnesMarket(h) + ", expected " + expected);
                }
                if (site.servedTokens(h) > site.demandTokens(h) * (1 + 1e-12)) {
                    problems.add("hour " + h + ": served tokens above demand");
                }
                if (!(site.trainingThroughput(h) > 0 && site.trainingThroughput(h) <= 1)) {
                    problems.add("hour " + h + ": training throughput " + site.trainingThroughput(h));
                }
            }
            assertThat(problems).as("site %s", site.name()).isEmpty();
        }
        for (JobRecord j : r.jobs()) {
            assertThat(j.gpuHours()).as(j.name()).isNotNegative();
            assertThat(j.lostGpuHours()).as(j.name()).isNotNegative();
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void simulate_randomScenario_jobRecordsAreConsistent(long seed) {
        SimulationResult r = simulated(seed).result();
        double horizonSeconds = r.hours() * 3600.0;
        assertThat(r.jobs()).isNotEmpty();
        for (JobRecord j : r.jobs()) {
            assertThat(j.progress()).as(j.name()).isBetween(0.0, 1.0);
            assertThat(j.lostGpuHours()).as(j.name()).isLessThanOrEqualTo(j.gpuHours() * (1 + 1e-12));
            assertThat(j.submitSeconds()).as(j.name()).isBetween(0.0, horizonSeconds);
            if (!Double.isNaN(j.startSeconds())) {
                assertThat(j.startSeconds()).as(j.name()).isBetween(j.submitSeconds(), horizonSeconds);
            }
            if (!Double.isNaN(j.ettr())) {
                // Useful time over wall time: 1 up to rounding for a job that never checkpoints nor fails.
                assertThat(j.ettr()).as(j.name()).isBetween(0.0, ETTR_MAX);
            }
            if (j.completed()) {
                assertThat(j.progress()).as(j.name()).isEqualTo(1.0);
                assertThat(j.endSeconds()).as(j.name()).isBetween(j.startSeconds(), horizonSeconds);
                assertThat(j.ettr()).as(j.name()).isPositive().isLessThanOrEqualTo(ETTR_MAX);
            } else {
                assertThat(j.progress()).as(j.name()).isLessThan(1.0);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void simulate_randomScenario_servicesServeAtMostTheirDemand(long seed) {
        SimulationResult r = simulated(seed).result();
        assertThat(r.services()).hasSize(1);
        ServiceRecord s = r.services().get(0);
        assertThat(s.demandTokens()).isPositive();
        assertThat(s.servedTokens()).isNotNegative().isLessThanOrEqualTo(s.demandTokens() * (1 + 1e-12));
        assertThat(s.sloAttainment()).isBetween(0.0, 1.0);
        assertThat(s.hoursMet()).isBetween(0, s.hours());
        double servedBySites = 0;
        for (SiteSeries site : r.sites()) {
            for (int h = 0; h < r.hours(); h++) {
                servedBySites += site.servedTokens(h);
            }
        }
        assertThat(servedBySites).isCloseTo(s.servedTokens(), within(TIGHT * Math.max(1, s.servedTokens())));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void simulate_sameScenarioTwice_identicalRecordsSeriesAndFiles(long seed) throws IOException {
        Case c = simulated(seed);
        SimulationResult a = c.result();
        SimulationResult b = run(c.scenario(), c.plan(), c.generated().policy(), 0);
        assertThat(b.jobs()).isEqualTo(a.jobs());
        assertThat(b.jobEvents()).isEqualTo(a.jobEvents());
        assertThat(b.services()).isEqualTo(a.services());
        assertThat(b.events()).isEqualTo(a.events());
        for (int s = 0; s < a.sites().size(); s++) {
            assertThat(series(b.sites().get(s))).isDeepEqualTo(series(a.sites().get(s)));
        }
        CsvResultWriter writer = new CsvResultWriter();
        writer.write(a, dir.resolve("a"));
        writer.write(b, dir.resolve("b"));
        for (String file : FILES) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(file)))
                    .as(file)
                    .isNotEmpty()
                    .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(file)));
        }
    }

    /** Every hourly series of a site, one row per series. */
    static double[][] series(SiteSeries s) {
        double[][] out = new double[15][s.hours()];
        for (int h = 0; h < s.hours(); h++) {
            out[0][h] = s.itEnergyMwh(h);
            out[1][h] = s.facilityEnergyMwh(h);
            out[2][h] = s.capacityMw(h);
            out[3][h] = s.co2eTonnesLocation(h);
            out[4][h] = s.co2eTonnesMarket(h);
            out[5][h] = s.waterM3(h);
            out[6][h] = s.trainingGpuHours(h);
            out[7][h] = s.servingGpuHours(h);
            out[8][h] = s.idleGpuHours(h);
            out[9][h] = s.repairGpuHours(h);
            out[10][h] = s.runningJobs(h);
            out[11][h] = s.servedTokens(h);
            out[12][h] = s.demandTokens(h);
            out[13][h] = s.energyCostUsd(h);
            out[14][h] = s.trainingThroughput(h);
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void simulate_otherReplication_changesTheFailureTimesOfAJobThatFailed(long seed) {
        Case c = simulated(seed);
        List<JobEvent> failures = c.result().jobEvents().stream()
                .filter(e -> e.kind() == JobEvent.Kind.FAILURE)
                .toList();
        assumeThat(failures).as("a job with failures in replication 0").isNotEmpty();
        String job = failures.get(0).job();
        SimulationResult other = run(c.scenario(), c.plan(), c.generated().policy(), 1);
        assertThat(other.replication()).isEqualTo(1);
        assertThat(FleetSimulatorTest.failuresOf(job, other))
                .extracting(JobEvent::timeSeconds)
                .isNotEqualTo(FleetSimulatorTest.failuresOf(job, c.result()).stream()
                        .map(JobEvent::timeSeconds)
                        .toList());
    }
}

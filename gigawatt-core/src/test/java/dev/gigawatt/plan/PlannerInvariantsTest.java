package dev.gigawatt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.report.PlanJson;
import dev.gigawatt.scenario.ScenarioReader;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants of the planner over many seeded random scenarios. */
class PlannerInvariantsTest {
    static final Catalog CATALOG = Catalog.builtIn();
    static final Planner PLANNER = new Planner(Assumptions.builtIn());
    static final List<String> ACCELERATORS = List.of("H100-SXM", "H200", "B200", "GB200", "MI300X", "A100-SXM");
    static final List<String> GRIDS = List.of("US-LA", "US-OH", "US-TX", "IE", "SE", "SG");
    static final List<String> MODELS = List.of("llama-3.1-8b", "llama-3.1-70b", "llama-4-scout", "llama-4-maverick");

    static LongStream seeds() {
        return LongStream.range(1, 31);
    }

    /** A random but valid scenario; {@code scale} multiplies every deployment's count. */
    static String scenario(long seed, int scale) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder y =
                new StringBuilder("name: random-" + seed + "\nhorizon: {start: 2025-01-01, end: 2026-01-01}\n");
        int sites = 1 + r.nextInt(3);
        y.append("sites:\n");
        for (int i = 0; i < sites; i++) {
            y.append(String.format(
                    Locale.ROOT,
                    "  - {name: s%d, grid: %s, capacity: \"%d MW\", pue: %.2f, renewableShare: \"%d%%\"}%n",
                    i,
                    GRIDS.get(r.nextInt(GRIDS.size())),
                    50 + r.nextInt(2000),
                    1.05 + r.nextDouble() * 0.5,
                    r.nextInt(101)));
        }
        y.append("fleet:\n");
        int deployments = 1 + r.nextInt(5);
        for (int i = 0; i < deployments; i++) {
            y.append(String.format(
                    Locale.ROOT,
                    "  - {accelerator: %s, count: %d, site: s%d, inService: 2025-%02d}%n",
                    ACCELERATORS.get(r.nextInt(ACCELERATORS.size())),
                    scale * (1000 + r.nextInt(100_000)),
                    r.nextInt(sites),
                    1 + r.nextInt(12)));
        }
        y.append("training:\n");
        y.append(String.format(
                Locale.ROOT,
                "  - {name: t, model: %s, tokens: \"%dT\", accelerators: %d, accelerator: H100-SXM}%n",
                MODELS.get(r.nextInt(MODELS.size())),
                1 + r.nextInt(30),
                512 << r.nextInt(7)));
        y.append("inference:\n");
        y.append(String.format(
                Locale.ROOT,
                "  - {name: i, model: %s, users: %d, requestsPerUserPerDay: %d, inputTokens: %d,"
                        + " outputTokens: %d, slo: {ttft: \"5 s\", tpot: \"100 ms\"}, peakToMean: %.2f, accelerator: H200,"
                        + " parallelism: choose}%n",
                MODELS.get(r.nextInt(MODELS.size())),
                1000 + r.nextInt(10_000_000),
                1 + r.nextInt(20),
                100 + r.nextInt(4000),
                50 + r.nextInt(1000),
                1 + r.nextDouble()));
        return y.toString();
    }

    static Plan plan(long seed, int scale) {
        return PLANNER.plan(ScenarioReader.parse(scenario(seed, scale), "random.yaml", CATALOG));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void plan_fleetTotalsEqualSumOverSites(long seed) {
        Plan p = plan(seed, 1);
        double energy =
                p.sites().stream().mapToDouble(SitePlan::energyMwhPerYear).sum();
        long accelerators = p.sites().stream().mapToLong(SitePlan::accelerators).sum();
        assertThat(p.fleet().energyMwhPerYear()).isCloseTo(energy, within(1e-9 * energy));
        assertThat(p.fleet().accelerators()).isEqualTo(accelerators);
        double capexByYear = p.fleet().capexByYear().stream()
                .mapToDouble(FleetPlan.CapexYear::totalUsd)
                .sum();
        assertThat(p.fleet().capexUsd()).isCloseTo(capexByYear, within(1e-6 * capexByYear));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void plan_nothingNegativeAndPeaksAboveMeans(long seed) {
        Plan p = plan(seed, 1);
        for (SitePlan s : p.sites()) {
            assertThat(s.energyMwhPerYear()).isNotNegative();
            assertThat(s.waterM3PerYear())
                    .isGreaterThanOrEqualTo(s.onSiteWaterM3PerYear())
                    .isNotNegative();
            assertThat(s.co2eTonnesPerYear()).isNotNegative();
            assertThat(s.co2eTonnesPerYearMarket()).isNotNegative();
            assertThat(s.peakFacilityPowerMw()).isGreaterThanOrEqualTo(s.facilityPowerMw());
            assertThat(s.facilityPowerMw()).isGreaterThanOrEqualTo(s.itPowerMw());
            assertThat(s.fits()).isEqualTo(s.shortfalls().isEmpty());
        }
        assertThat(p.fleet().tcoUsdPerYear())
                .isGreaterThan(p.fleet().opexUsdPerYear())
                .isPositive();
        TrainingPlan t = p.training().get(0);
        assertThat(t.ettr()).isBetween(0.0, 1.0);
        assertThat(t.costUsd()).isPositive();
        for (InferencePlan i : p.inference()) {
            if (i.feasible()) {
                assertThat(i.replicas() * i.tokensPerSecondPerReplica())
                        .isGreaterThanOrEqualTo(i.peakTokensPerSecond());
                assertThat(i.tpotSeconds()).isLessThanOrEqualTo(0.1 + 1e-12);
                assertThat(i.ttftSeconds()).isLessThanOrEqualTo(5 + 1e-12);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void plan_moreAccelerators_moreEnergyCapexAndPower(long seed) {
        Plan one = plan(seed, 1);
        Plan two = plan(seed, 2);
        assertThat(two.fleet().energyMwhPerYear())
                .isCloseTo(
                        2 * one.fleet().energyMwhPerYear(),
                        within(1e-6 * one.fleet().energyMwhPerYear()));
        assertThat(two.fleet().capexUsd()).isGreaterThan(one.fleet().capexUsd());
        assertThat(two.fleet().tcoUsdPerYear()).isGreaterThan(one.fleet().tcoUsdPerYear());
        for (int s = 0; s < one.sites().size(); s++) {
            assertThat(two.sites().get(s).peakFacilityPowerMw())
                    .isGreaterThanOrEqualTo(one.sites().get(s).peakFacilityPowerMw());
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void plan_sameScenario_byteIdenticalJson(long seed) {
        assertThat(PlanJson.write(plan(seed, 1))).isEqualTo(PlanJson.write(plan(seed, 1)));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void plan_marketCo2e_isEnergyAtTheUnmatchedShareOfTheResidualMixAndFallsWithRenewables(long seed) {
        var scenario = ScenarioReader.parse(scenario(seed, 1), "random.yaml", CATALOG);
        Plan p = PLANNER.plan(scenario);
        for (int i = 0; i < p.sites().size(); i++) {
            SitePlan s = p.sites().get(i);
            var site = scenario.sites().get(i);
            var grid = site.grid();
            double factor = (1 - site.renewableShare())
                    * (grid.hasResidualMix() ? grid.residualMixGramsPerKwh() : grid.carbonIntensityGramsPerKwh());
            double expected = s.energyMwhPerYear() * factor / 1e3;
            assertThat(s.co2eTonnesPerYearMarket()).isCloseTo(expected, within(1e-9 * (1 + expected)));
            assertThat(s.marketBasis())
                    .isEqualTo(grid.hasResidualMix() ? "residual mix" : "location (no residual mix)");
        }
        // Matching more of the energy with renewables never raises market-based CO2e; all of it gives zero.
        double previous = Double.POSITIVE_INFINITY;
        for (int share = 0; share <= 100; share += 25) {
            String yaml =
                    scenario(seed, 1).replaceAll("renewableShare: \"\\d+%\"", "renewableShare: \"" + share + "%\"");
            double market = PLANNER.plan(ScenarioReader.parse(yaml, "random.yaml", CATALOG))
                    .fleet()
                    .co2eTonnesPerYearMarket();
            assertThat(market).isLessThanOrEqualTo(previous * (1 + 1e-12));
            previous = market;
        }
        assertThat(previous).isZero();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void plan_embodiedCo2e_partsNonNegativeSumToTotalAndItPartsScaleWithTheFleet(long seed) {
        Plan one = plan(seed, 1);
        Plan two = plan(seed, 2);
        for (int i = 0; i < one.sites().size(); i++) {
            EmbodiedCo2e a = one.sites().get(i).embodied();
            EmbodiedCo2e b = two.sites().get(i).embodied();
            assertThat(a.acceleratorsTonnesPerYear()).isNotNegative();
            assertThat(a.hostsTonnesPerYear()).isNotNegative();
            assertThat(a.networkTonnesPerYear()).isNotNegative();
            assertThat(a.facilityTonnesPerYear()).isPositive();
            assertThat(one.sites().get(i).embodiedCo2eTonnesPerYear())
                    .isCloseTo(a.totalTonnesPerYear(), within(1e-9 * a.totalTonnesPerYear()));
            // Twice the accelerators: twice the accelerators, hosts and network; the same building.
            assertThat(b.acceleratorsTonnesPerYear())
                    .isCloseTo(2 * a.acceleratorsTonnesPerYear(), within(1e-9 * (1 + a.acceleratorsTonnesPerYear())));
            assertThat(b.hostsTonnesPerYear())
                    .isCloseTo(2 * a.hostsTonnesPerYear(), within(1e-9 * (1 + a.hostsTonnesPerYear())));
            assertThat(b.networkTonnesPerYear())
                    .isCloseTo(2 * a.networkTonnesPerYear(), within(1e-9 * (1 + a.networkTonnesPerYear())));
            assertThat(b.facilityTonnesPerYear()).isEqualTo(a.facilityTonnesPerYear());
        }
    }
}

package dev.gigawatt.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.gigawatt.fixtures.TestScenarios;
import dev.gigawatt.input.InputProblems;
import dev.gigawatt.input.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TriangularDistribution;
import org.apache.commons.statistics.distribution.UniformContinuousDistribution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep file reader, the sampling designs, the statistics and the local engine. */
class SweepTest {
    private static final String KNOWN_KEYS =
            "name, description, scenario, mode, replications, design, samples, seed, axes, uncertain, outputs";

    /** Φ(1): the normal CDF one standard deviation above the mean. */
    private static final double PHI_1 = 0.8413447460685429;

    /** Plan mode: an axis over the H100 price crossed with a Latin hypercube over the electricity price. */
    private static final String PLAN_SWEEP = """
            name: plan-sweep
            scenario: small.yaml
            mode: plan
            samples: 4
            seed: 5
            axes:
              - path: finance.acceleratorPrices.H100-SXM
                range: {from: "$20,000", to: "$40,000", steps: 3}
            uncertain:
              - path: finance.electricityPrice
                distribution: uniform
                min: "$40/MWh"
                max: "$120/MWh"
            outputs: [capex_usd, tco_usd_per_year]
            """;

    /** Simulate mode: an axis that changes only the electricity price, three replications per point. */
    private static final String SIM_SWEEP = """
            name: sim-sweep
            scenario: small.yaml
            mode: simulate
            replications: 3
            axes:
              - path: finance.electricityPrice
                values: ["$40/MWh", "$80/MWh", "$160/MWh"]
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void writeScenario() throws IOException {
        Files.writeString(dir.resolve("small.yaml"), TestScenarios.TWO_DAYS, StandardCharsets.UTF_8);
    }

    private SweepSpec parse(String yaml) {
        return SweepReader.parse(yaml, "s.yaml", dir);
    }

    /** The problems reported for {@code yaml}; fails when it reads. */
    private List<Problem> problems(String yaml) {
        return InputProblems.of(() -> parse(yaml));
    }

    private static SweepSpec spec(String design, int samples, long seed, List<Axis> axes, List<Uncertain> uncertain) {
        return new SweepSpec(
                "t", "", Path.of("base.yaml"), "plan", 1, design, samples, seed, axes, uncertain, List.of());
    }

    private static Uncertain uncertain(String path, ContinuousDistribution d) {
        return new Uncertain(path, d, "", "", "test");
    }

    private static Uncertain unit(String path) {
        return uncertain(path, UniformContinuousDistribution.of(0, 1));
    }

    private static Axis axis(String path, double... numbers) {
        List<String> values = new ArrayList<>();
        List<Double> list = new ArrayList<>();
        for (double x : numbers) {
            values.add(SweepNumbers.format(x));
            list.add(x);
        }
        return new Axis(path, values, list);
    }

    private List<SweepRun> runSweep(SweepSpec spec, int threads) throws IOException {
        String text = Files.readString(spec.scenario());
        return new LocalSweepEngine(threads).run(spec, text, SweepDesign.points(spec), n -> {});
    }

    // ---- SweepReader ----

    @Test
    void parse_minimalSweep_takesTheDocumentedDefaults() {
        SweepSpec s = parse("name: t\nscenario: small.yaml\naxes: [{path: seed, values: [1, 2]}]\n");

        assertThat(s.scenario()).isEqualTo(dir.resolve("small.yaml"));
        assertThat(s.description()).isEmpty();
        assertThat(s.mode()).isEqualTo("simulate");
        assertThat(s.replications()).isEqualTo(1);
        assertThat(s.design()).isEqualTo("latin-hypercube");
        assertThat(s.samples()).isEqualTo(10);
        assertThat(s.seed()).isEqualTo(1);
        assertThat(s.outputs()).isEmpty();
        assertThat(s.axes()).containsExactly(new Axis("seed", List.of("1", "2"), List.of(1.0, 2.0)));
    }

    @Test
    void parse_range_givesEvenlySpacedValuesWithTheUnit() {
        SweepSpec s = parse(PLAN_SWEEP);

        Axis a = s.axes().get(0);
        assertThat(a.path()).isEqualTo("finance.acceleratorPrices.H100-SXM");
        assertThat(a.values()).containsExactly("$20000", "$30000", "$40000");
        assertThat(a.numbers()).containsExactly(20_000.0, 30_000.0, 40_000.0);
        assertThat(s.outputs()).containsExactly("capex_usd", "tco_usd_per_year");
    }

    @Test
    void parse_textValues_areNumberedByPosition() {
        SweepSpec s = parse("""
                name: t
                scenario: small.yaml
                axes: [{path: simulation.scheduler, values: [fifo, easy-backfill, priority]}]
                """);

        assertThat(s.axes().get(0).numbers()).containsExactly(0.0, 1.0, 2.0);
    }

    @Test
    void parse_triangular_keepsTheUnitAndDescribesTheDistribution() {
        SweepSpec s = parse("""
                name: t
                scenario: small.yaml
                uncertain:
                  - {path: finance.acceleratorPrices.GB200, distribution: triangular,
                     min: "$35,000", mode: "$42,000", max: "$50,000"}
                """);

        Uncertain u = s.uncertain().get(0);
        assertThat(u.prefix()).isEqualTo("$");
        assertThat(u.suffix()).isEmpty();
        assertThat(u.description()).isEqualTo("triangular min $35000, mode $42000, max $50000");
        assertThat(u.at(7.0 / 15).text()).isEqualTo("$42000");
    }

    @Test
    void parse_unknownKey_isReportedWithAHint() {
        List<Problem> p = problems("""
                name: t
                scenario: small.yaml
                replicatons: 2
                axes: [{path: seed, values: [1, 2]}]
                """);

        assertThat(p)
                .containsExactly(new Problem(
                        "replicatons",
                        3,
                        "unknown key 'replicatons'; did you mean 'replications'? (known keys: " + KNOWN_KEYS + ")"));
    }

    @Test
    void parse_unknownDistribution_isTheOnlyProblemAndHasAHint() {
        List<Problem> p = problems("""
                name: t
                scenario: small.yaml
                uncertain:
                  - path: sites[0].pue
                    distribution: uniorm
                    min: 1.1
                    max: 1.3
                """);

        assertThat(p)
                .containsExactly(new Problem(
                        "uncertain[0].distribution",
                        5,
                        "must be one of normal, lognormal, uniform, triangular, got \"uniorm\"; did you mean"
                                + " 'uniform'?"));
    }

    @Test
    void parse_uniformWithDifferentUnits_namesMaxAndTheUnitOfMin() {
        List<Problem> p = problems("""
                name: t
                scenario: small.yaml
                uncertain:
                  - path: finance.acceleratorPrices.GB200
                    distribution: uniform
                    min: "$35,000"
                    max: "50,000 h"
                """);

        assertThat(p).containsExactly(new Problem("uncertain[0].max", 7, "must have the same unit as min (\"$…\")"));
    }

    @Test
    void parse_triangularModeWithDifferentUnit_namesModeAndTheUnitOfMin() {
        List<Problem> p = problems("""
                name: t
                scenario: small.yaml
                uncertain:
                  - {path: reliability.acceleratorMtbf, distribution: triangular, min: "10 h", mode: "$20", max: "30 h"}
                """);

        assertThat(p).containsExactly(new Problem("uncertain[0].mode", 4, "must have the same unit as min (\"… h\")"));
    }

    @Test
    void parse_rangeWithDifferentUnits_isReported() {
        List<Problem> p = problems("""
                name: t
                scenario: small.yaml
                axes:
                  - path: finance.electricityPrice
                    range: {from: "$40/MWh", to: "$0.1/kWh", steps: 3}
                """);

        assertThat(p).containsExactly(new Problem("axes[0].range", 5, "from and to must have the same unit"));
    }

    @Test
    void parse_unparsableFirstBound_isTheOnlyProblemAndEchoesTheText() {
        List<Problem> p = problems("""
                name: t
                scenario: small.yaml
                uncertain:
                  - {path: finance.costOfCapital, distribution: normal, mean: high, sd: "1%"}
                """);

        assertThat(p)
                .containsExactly(new Problem(
                        "uncertain[0].mean",
                        4,
                        "expected a number with its unit, such as \"$42,000\", \"50,000 h\" or \"8%\", got \"high\""));
    }

    @Test
    void parse_missingScenarioFile_namesTheResolvedPath() {
        List<Problem> p = problems("name: t\nscenario: nope.yaml\naxes: [{path: seed, values: [1, 2]}]\n");

        assertThat(p).containsExactly(new Problem("scenario", 2, "no scenario file at " + dir.resolve("nope.yaml")));
    }

    @Test
    void parse_noAxesAndNoUncertain_isReported() {
        List<Problem> p = problems("name: t\nscenario: small.yaml\nmode: plan\n");

        assertThat(p).containsExactly(new Problem("", 1, "a sweep needs at least one entry under axes: or uncertain:"));
    }

    @Test
    void parse_malformedPath_isReportedAtThePath() {
        List<Problem> p = problems("name: t\nscenario: small.yaml\naxes: [{path: \"sites[].pue\", values: [1.1]}]\n");

        assertThat(p)
                .containsExactly(new Problem(
                        "axes[0].path",
                        3,
                        "is not a path such as finance.costOfCapital, sites[1].pue or sites[richland].pue:"
                                + " \"sites[].pue\""));
    }

    @Test
    void parse_unknownDesignAndMode_areBothReported() {
        List<Problem> p = problems("""
                name: t
                scenario: small.yaml
                mode: simulat
                design: latin
                axes: [{path: seed, values: [1, 2]}]
                """);

        assertThat(p)
                .containsExactly(
                        new Problem(
                                "mode", 3, "must be one of plan, simulate, got \"simulat\"; did you mean 'simulate'?"),
                        new Problem(
                                "design",
                                4,
                                "must be one of grid, random, latin-hypercube, got \"latin\"; did you mean"
                                        + " 'latin-hypercube'?"));
    }

    // ---- SweepDesign ----

    @Test
    void points_twoAxesOfThreeValues_isTheNineCombinationsFirstAxisSlowest() {
        SweepSpec s = spec("grid", 10, 1, List.of(axis("a", 1, 2, 3), axis("b", 10, 20, 30)), List.of());

        List<SweepPoint> points = SweepDesign.points(s);

        assertThat(points).hasSize(9);
        assertThat(points).extracting(SweepPoint::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(points.get(0).values()).containsExactly(Map.entry("a", "1"), Map.entry("b", "10"));
        assertThat(points.get(1).values()).containsExactly(Map.entry("a", "1"), Map.entry("b", "20"));
        assertThat(points.get(8).numbers()).containsExactly(Map.entry("a", 3.0), Map.entry("b", 30.0));
        Set<List<Double>> pairs = new HashSet<>();
        points.forEach(p -> pairs.add(List.of(p.numbers().get("a"), p.numbers().get("b"))));
        assertThat(pairs).hasSize(9);
    }

    @Test
    void points_gridOverTwoUncertainInputs_isNinePointsAtP10P50P90() {
        SweepSpec s = spec("grid", 50, 1, List.of(), List.of(unit("x"), unit("y")));

        List<SweepPoint> points = SweepDesign.points(s);

        List<List<Double>> pairs = points.stream()
                .map(p -> List.of(p.numbers().get("x"), p.numbers().get("y")))
                .toList();
        assertThat(pairs)
                .containsExactly(
                        List.of(0.1, 0.1),
                        List.of(0.5, 0.1),
                        List.of(0.9, 0.1),
                        List.of(0.1, 0.5),
                        List.of(0.5, 0.5),
                        List.of(0.9, 0.5),
                        List.of(0.1, 0.9),
                        List.of(0.5, 0.9),
                        List.of(0.9, 0.9));
    }

    @Test
    void points_axesCrossedWithSamples_isTheirProduct() {
        SweepSpec s = spec("latin-hypercube", 4, 1, List.of(axis("a", 1, 2, 3)), List.of(unit("x")));

        List<SweepPoint> points = SweepDesign.points(s);

        assertThat(points).hasSize(12);
        // The same four samples are used at every axis value.
        List<Double> first =
                points.subList(0, 4).stream().map(p -> p.numbers().get("x")).toList();
        List<Double> last =
                points.subList(8, 12).stream().map(p -> p.numbers().get("x")).toList();
        assertThat(last).isEqualTo(first);
    }

    @Test
    void points_latinHypercube_hasOneSamplePerStratumForEveryInput() {
        int n = 20;
        ContinuousDistribution normal = NormalDistribution.of(100, 10);
        SweepSpec s = spec("latin-hypercube", n, 42, List.of(), List.of(unit("x"), unit("y"), uncertain("z", normal)));

        List<SweepPoint> points = SweepDesign.points(s);

        assertThat(points).hasSize(n);
        Integer[] everyStratum = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        for (String input : List.of("x", "y")) {
            List<Integer> strata = points.stream()
                    .map(p -> (int) Math.floor(p.numbers().get(input) * n))
                    .toList();
            assertThat(strata).as(input).containsExactlyInAnyOrder(everyStratum);
        }
        // For a non-uniform input the strata are equal-probability: map back through the CDF.
        List<Integer> strata = points.stream()
                .map(p -> (int)
                        Math.floor(normal.cumulativeProbability(p.numbers().get("z")) * n))
                .toList();
        assertThat(strata).containsExactlyInAnyOrder(everyStratum);
        // The strata are paired at random, not in step.
        assertThat(points.stream().map(p -> p.numbers().get("x")).toList())
                .isNotEqualTo(points.stream().map(p -> p.numbers().get("y")).toList());
    }

    @Test
    void points_randomDesign_sameSeedSamePoints_otherSeedOtherPoints() {
        List<Uncertain> inputs = List.of(unit("x"), unit("y"));

        List<SweepPoint> a = SweepDesign.points(spec("random", 8, 7, List.of(), inputs));
        List<SweepPoint> b = SweepDesign.points(spec("random", 8, 7, List.of(), inputs));
        List<SweepPoint> c = SweepDesign.points(spec("random", 8, 8, List.of(), inputs));

        assertThat(a).hasSize(8).isEqualTo(b);
        assertThat(c).hasSize(8).isNotEqualTo(a);
        assertThat(a).allSatisfy(p -> assertThat(p.numbers().get("x")).isStrictlyBetween(0.0, 1.0));
    }

    @Test
    void points_latinHypercube_isReproducibleForTheSameSeed() {
        List<Uncertain> inputs = List.of(unit("x"), unit("y"));

        assertThat(SweepDesign.points(spec("latin-hypercube", 6, 3, List.of(), inputs)))
                .isEqualTo(SweepDesign.points(spec("latin-hypercube", 6, 3, List.of(), inputs)))
                .isNotEqualTo(SweepDesign.points(spec("latin-hypercube", 6, 4, List.of(), inputs)));
    }

    // ---- Uncertain.at: hand-computed quantiles ----

    @Test
    void at_uniform_isMinPlusPTimesRange() {
        Uncertain u = uncertain("sites[0].pue", UniformContinuousDistribution.of(1.08, 1.25));

        // 1.08 + 0.3 × (1.25 − 1.08) = 1.131
        assertThat(u.at(0.3).number()).isCloseTo(1.131, within(1e-12));
        assertThat(u.at(0.3).text()).isEqualTo("1.131");
    }

    @Test
    void at_triangular_isTheModeAtItsCdfAndTheSquareRootFormulaBelow() {
        Uncertain u = new Uncertain("p", TriangularDistribution.of(35_000, 42_000, 50_000), "$", "", "triangular");

        // F(mode) = (42,000 − 35,000) / (50,000 − 35,000) = 7/15
        assertThat(u.at(7.0 / 15).number()).isCloseTo(42_000, within(1e-6));
        assertThat(u.at(7.0 / 15).text()).isEqualTo("$42000");
        // Below the mode: min + √(p (max − min)(mode − min)) = 35,000 + √(0.2 × 15,000 × 7,000) = 39,582.576
        assertThat(u.at(0.2).number()).isCloseTo(39_582.576, within(1e-3));
        assertThat(u.at(0.2).text()).isEqualTo("$39582.6");
    }

    @Test
    void at_lognormal_isTheMedianAtOneHalfAndMedianTimesESigmaAtPhi1() {
        Uncertain u = new Uncertain("m", LogNormalDistribution.of(Math.log(50_000), 0.4), "", " h", "lognormal");

        assertThat(u.at(0.5).number()).isCloseTo(50_000, within(1e-6));
        assertThat(u.at(0.5).text()).isEqualTo("50000 h");
        // 50,000 × e^0.4 = 74,591.235
        assertThat(u.at(PHI_1).number()).isCloseTo(74_591.235, within(1e-2));
    }

    @Test
    void at_normal_isTheMeanAtOneHalfAndMeanPlusSdAtPhi1() {
        Uncertain u = new Uncertain("g", NormalDistribution.of(50, 10), "", "%", "normal");

        assertThat(u.at(0.5).number()).isCloseTo(50, within(1e-9));
        assertThat(u.at(0.5).text()).isEqualTo("50%");
        assertThat(u.at(PHI_1).number()).isCloseTo(60, within(1e-6));
    }

    // ---- Summary ----

    @Test
    void summaryOf_fiveValues_matchesHandComputedStatistics() {
        // {1, 2, 3, 4, 10}: mean 4, squared deviations 9 + 4 + 1 + 0 + 36 = 50, sd = √(50/4) = 3.5355.
        Summary s = Summary.of(new double[] {10, 2, Double.NaN, 4, 1, 3});

        assertThat(s.n()).isEqualTo(5);
        assertThat(s.mean()).isCloseTo(4, within(1e-12));
        assertThat(s.sd()).isCloseTo(Math.sqrt(12.5), within(1e-12));
        // 95 % CI half-width: t(0.975, 4) = 2.776 × sd / √5 = 4.389
        assertThat(s.ci95()).isCloseTo(2.776 * Math.sqrt(12.5) / Math.sqrt(5), within(1e-3));
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(10);
        // Type 7: h = (n − 1) p; P10 at h = 0.4: 1 + 0.4 × 1; P50 at h = 2: 3; P90 at h = 3.6: 4 + 0.6 × 6
        assertThat(s.p10()).isCloseTo(1.4, within(1e-12));
        assertThat(s.p50()).isCloseTo(3, within(1e-12));
        assertThat(s.p90()).isCloseTo(7.6, within(1e-12));
    }

    @Test
    void summaryOf_oneValue_hasZeroSdAndNoInterval() {
        Summary s = Summary.of(new double[] {7});

        assertThat(s.n()).isEqualTo(1);
        assertThat(s.mean()).isEqualTo(7);
        assertThat(s.sd()).isZero();
        assertThat(s.ci95()).isNaN();
        assertThat(s.p10()).isEqualTo(7);
        assertThat(s.p90()).isEqualTo(7);
    }

    @Test
    void summaryOf_noFiniteValues_isAllNaN() {
        Summary s = Summary.of(new double[] {Double.NaN, Double.POSITIVE_INFINITY});

        assertThat(s.n()).isZero();
        assertThat(s.mean()).isNaN();
        assertThat(s.p50()).isNaN();
    }

    // ---- Spearman ----

    @Test
    void spearman_perfectMonotone_isOne() {
        assertThat(SweepResult.spearman(new double[] {1, 2, 3, 4, 5}, new double[] {1, 4, 9, 16, 25}))
                .isCloseTo(1, within(1e-12));
    }

    @Test
    void spearman_reversed_isMinusOne() {
        assertThat(SweepResult.spearman(new double[] {1, 2, 3, 4, 5}, new double[] {50, 40, 30, 2, 1}))
                .isCloseTo(-1, within(1e-12));
    }

    @Test
    void spearman_ties_getTheirMeanRank() {
        // ranks (1, 2.5, 2.5, 4) against (1, 2, 3, 4): 4.5 / √(4.5 × 5) = 3 / √10
        assertThat(SweepResult.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 2, 3, 4}))
                .isCloseTo(3 / Math.sqrt(10), within(1e-12));
    }

    @Test
    void spearman_runsWithoutAFiniteValue_areLeftOut() {
        // The NaN pair goes: what remains is perfectly increasing.
        assertThat(SweepResult.spearman(new double[] {1, 2, Double.NaN, 4}, new double[] {10, 20, 0, 40}))
                .isCloseTo(1, within(1e-12));
    }

    @Test
    void spearman_constantInput_isZero() {
        assertThat(SweepResult.spearman(new double[] {5, 5, 5, 5}, new double[] {1, 2, 3, 4}))
                .isZero();
    }

    // ---- LocalSweepEngine and SweepResult ----

    @Test
    void run_planMode_oneAndTwoThreads_giveIdenticalRunsInPointOrder() throws IOException {
        SweepSpec s = parse(PLAN_SWEEP);

        List<SweepRun> one = runSweep(s, 1);
        List<SweepRun> two = runSweep(s, 2);

        assertThat(one).hasSize(12).isEqualTo(two);
        assertThat(one).extracting(SweepRun::point).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(one).allSatisfy(r -> assertThat(r.replication()).isZero());
    }

    @Test
    void run_simulateMode_oneAndTwoThreads_giveIdenticalRuns() throws IOException {
        SweepSpec s = parse(SIM_SWEEP.replace("replications: 3", "replications: 2"));

        List<SweepRun> one = runSweep(s, 1);
        List<SweepRun> two = runSweep(s, 2);

        assertThat(one).hasSize(6).isEqualTo(two);
        assertThat(one)
                .extracting(r -> r.point() + "/" + r.replication())
                .containsExactly("0/0", "0/1", "1/0", "1/1", "2/0", "2/1");
    }

    @Test
    void stream_stoppedAfterKRunsThenResumed_givesTheRunsOfAnUninterruptedSweep() throws IOException {
        SweepSpec s = parse(SIM_SWEEP.replace("replications: 3", "replications: 2"));
        String text = Files.readString(s.scenario());
        List<SweepPoint> points = SweepDesign.points(s);
        List<SweepRun> whole = runSweep(s, 1);

        // The sink stops the sweep after 4 runs, as an interruption would; then the rest is resumed.
        List<SweepRun> recorded = new ArrayList<>();
        class Stop extends RuntimeException {}
        assertThatThrownBy(() -> new LocalSweepEngine(2)
                        .stream(
                                s,
                                text,
                                points,
                                o -> false,
                                r -> {
                                    recorded.add(r);
                                    if (recorded.size() == 4) {
                                        throw new Stop();
                                    }
                                },
                                n -> {}))
                .isInstanceOf(Stop.class);
        Set<Long> done = new HashSet<>();
        recorded.forEach(r -> done.add(r.ordinal(s.replications())));
        List<SweepRun> resumed = new ArrayList<>();
        new LocalSweepEngine(2).stream(s, text, points, done::contains, resumed::add, n -> {});

        assertThat(resumed).hasSize(2).noneMatch(r -> done.contains(r.ordinal(s.replications())));
        List<SweepRun> all = new ArrayList<>(recorded);
        all.addAll(resumed);
        all.sort(java.util.Comparator.comparingLong(r -> r.ordinal(s.replications())));
        assertThat(all).isEqualTo(whole);
    }

    @Test
    void run_progress_hearsEveryRun() throws IOException {
        SweepSpec s = parse(PLAN_SWEEP);
        AtomicInteger most = new AtomicInteger();

        new LocalSweepEngine(2)
                .run(
                        s,
                        Files.readString(s.scenario()),
                        SweepDesign.points(s),
                        n -> most.accumulateAndGet(n, Math::max));

        assertThat(most.get()).isEqualTo(12);
    }

    @Test
    void run_axisNotTouchingReliability_sameFailuresForAReplicationAtEveryPoint() throws IOException {
        SweepSpec s = parse(SIM_SWEEP);

        SweepResult r = new SweepResult(s, SweepDesign.points(s), runSweep(s, 2));

        Map<Long, Set<Double>> interruptionsByReplication = new java.util.TreeMap<>();
        for (SweepRun run : r.runs()) {
            interruptionsByReplication
                    .computeIfAbsent(run.replication(), k -> new HashSet<>())
                    .add(run.kpis().get("interruptions"));
        }
        assertThat(interruptionsByReplication).hasSize(3).allSatisfy((rep, counts) -> assertThat(counts)
                .as("replication %d", rep)
                .hasSize(1));
        // The replications themselves differ, and the axis does change the runs.
        Set<Double> perReplication = new HashSet<>();
        interruptionsByReplication.values().forEach(perReplication::addAll);
        assertThat(perReplication).hasSizeGreaterThan(1);
        List<Summary> cost = r.byPoint("energy_cost_usd");
        assertThat(cost.get(2).mean())
                .isGreaterThan(cost.get(1).mean())
                .isGreaterThan(cost.get(0).mean());
    }

    @Test
    void sensitivity_acceleratorPriceAxis_ranksFirstForCapex() throws IOException {
        SweepSpec s = parse(PLAN_SWEEP);

        SweepResult r = new SweepResult(s, SweepDesign.points(s), runSweep(s, 2));
        Map<String, Double> tornado = r.sensitivity("capex_usd");

        assertThat(tornado.keySet()).containsExactly("finance.acceleratorPrices.H100-SXM", "finance.electricityPrice");
        assertThat(tornado.get("finance.acceleratorPrices.H100-SXM")).isCloseTo(1, within(1e-12));
        // Capex does not depend on the electricity price, and every price level sees the same samples.
        assertThat(tornado.get("finance.electricityPrice")).isCloseTo(0, within(1e-12));
        Summary capex = r.summary("capex_usd");
        assertThat(capex.n()).isEqualTo(12);
        assertThat(capex.max()).isGreaterThan(capex.min());
        assertThat(r.outputs()).containsExactly("capex_usd", "tco_usd_per_year");
        assertThat(r.inputs()).containsExactly("finance.acceleratorPrices.H100-SXM", "finance.electricityPrice");
    }
}

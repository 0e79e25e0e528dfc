package dev.gigawatt.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.catalog.ModelSpec;
import dev.gigawatt.catalog.Precision;
import dev.gigawatt.catalog.Provenance;
import dev.gigawatt.model.Parallelism;
import dev.gigawatt.model.ServingLayout;
import dev.gigawatt.scenario.InferenceService;
import dev.gigawatt.scenario.Scenario;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The layout search never returns a layout the model's shape or the accelerators' memory rule out. */
class ServingLayoutInvariantsTest {
    static final Catalog CATALOG = Catalog.builtIn();
    static final Assumptions ASSUMPTIONS = Assumptions.builtIn();
    /** One 500 MW site, a year: the services under test are added to it. */
    static final Scenario BASE = InfeasibleServiceTest.BASE;

    static final List<Integer> HEADS = List.of(8, 12, 20, 24, 28, 32, 40, 48, 56, 64, 96, 128);
    static final List<Integer> LAYERS = List.of(12, 22, 24, 28, 32, 36, 40, 48, 61, 80, 126);
    static final Pattern LAYOUT = Pattern.compile("TP(\\d+)(?:xPP(\\d+))?");
    static final Pattern DISAGGREGATED =
            Pattern.compile("(\\d+)xTP(\\d+) prefill \\+ (\\d+)xTP(\\d+)(?:xPP(\\d+))? decode");

    /** The layout a plan names, parsed back: {@code TP×PP}, or a disaggregated unit. */
    static Parallelism parse(String layout) {
        Matcher d = DISAGGREGATED.matcher(layout);
        if (d.matches()) {
            return Parallelism.disaggregated(
                    Integer.parseInt(d.group(2)),
                    Integer.parseInt(d.group(1)),
                    Integer.parseInt(d.group(4)),
                    d.group(5) == null ? 1 : Integer.parseInt(d.group(5)),
                    Integer.parseInt(d.group(3)));
        }
        Matcher m = LAYOUT.matcher(layout);
        assertThat(m.matches()).as(layout).isTrue();
        return new Parallelism(Integer.parseInt(m.group(1)), m.group(2) == null ? 1 : Integer.parseInt(m.group(2)));
    }

    static LongStream seeds() {
        return LongStream.range(1, 41);
    }

    static ModelSpec model(SplittableRandom r) {
        int heads = HEADS.get(r.nextInt(HEADS.size()));
        List<Integer> kvChoices =
                List.of(1, 2, 4, 8, heads).stream().filter(k -> heads % k == 0).toList();
        int kv = kvChoices.get(r.nextInt(kvChoices.size()));
        int headDim = r.nextBoolean() ? 128 : 64;
        int hidden = heads * headDim;
        int layers = LAYERS.get(r.nextInt(LAYERS.size()));
        double parameters = 12.0 * layers * hidden * (double) hidden * (0.5 + r.nextDouble());
        return new ModelSpec(
                "random",
                List.of(),
                "test",
                "dense",
                parameters,
                parameters,
                layers,
                hidden,
                heads,
                kv,
                headDim,
                128_000,
                131_072,
                0,
                new Provenance("test", Map.of()));
    }

    static InferenceService service(SplittableRandom r, ModelSpec model) {
        List<Accelerator> all = List.copyOf(CATALOG.accelerators().all());
        Accelerator accelerator = r.nextInt(4) == 0 ? null : all.get(r.nextInt(all.size()));
        return new InferenceService(
                "i",
                model,
                1000 + r.nextInt(5_000_000),
                1 + r.nextInt(20),
                100 + r.nextInt(8000),
                50 + r.nextInt(2000),
                0,
                0.5 + r.nextDouble() * 5,
                0.02 + r.nextDouble() * 0.2,
                0.99,
                1 + r.nextDouble(),
                0,
                accelerator,
                null,
                Precision.FP8,
                null,
                LocalDate.of(2025, 1, 1));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void choose_randomServiceAndModel_neverReturnsAnInvalidOrOverfullLayout(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ModelSpec model = model(r);
        InferenceService service = service(r, model);
        InferencePlan plan = new InferencePlanner(new Economics(BASE), ASSUMPTIONS, 0.1).plan(service);

        long disaggregatedShown = 0;
        for (InferencePlan.Alternative a : plan.alternatives()) {
            Parallelism p = parse(a.parallelism());
            assertThat(ServingLayout.invalidReason(model, p))
                    .as("%s on %s", a.parallelism(), a.accelerator())
                    .isNull();
            assertThat(model.heads() % p.tensor()).isZero();
            assertThat(model.layers() % p.pipeline()).isZero();
            if (p.disaggregated()) {
                assertThat(model.heads() % p.prefillTensor()).isZero();
                disaggregatedShown++;
            }
        }
        assertThat(disaggregatedShown)
                .as("one disaggregated alternative per accelerator at most")
                .isLessThanOrEqualTo(plan.alternatives().stream()
                        .map(InferencePlan.Alternative::accelerator)
                        .distinct()
                        .count());
        if (plan.feasible()) {
            Parallelism p = parse(plan.parallelism());
            int tp = p.tensor();
            int pp = p.pipeline();
            long perInstance =
                    p.disaggregated() ? (plan.batch() + p.decodeInstances() - 1) / p.decodeInstances() : plan.batch();
            Accelerator accelerator =
                    CATALOG.accelerators().find(plan.accelerator()).orElseThrow();
            Precision precision = Precision.fromKey(plan.precision());
            double kvPerToken = model.kvCacheBytesPerToken(Math.max(1.0, precision.bytes()))
                    * Math.max(model.kvHeads(), tp)
                    / model.kvHeads();
            double used = model.parameters() * precision.bytes()
                    + perInstance * kvPerToken * (service.inputTokens() + service.outputTokens());
            double usable = (double) tp
                    * pp
                    * accelerator.memoryBytes()
                    * ASSUMPTIONS.fraction("inference.usableMemoryFraction");
            assertThat(used)
                    .as("bytes in %s x %s", plan.parallelism(), plan.accelerator())
                    .isLessThanOrEqualTo(usable);
        }
    }
}

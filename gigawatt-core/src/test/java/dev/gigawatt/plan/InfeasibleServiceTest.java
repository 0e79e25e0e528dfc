package dev.gigawatt.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigawatt.catalog.Accelerator;
import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.catalog.ModelSpec;
import dev.gigawatt.catalog.Precision;
import dev.gigawatt.model.InferenceModel;
import dev.gigawatt.model.Parallelism;
import dev.gigawatt.model.ServingEfficiency;
import dev.gigawatt.model.ServingSetup;
import dev.gigawatt.scenario.InferenceService;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.scenario.ScenarioReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A service no layout can serve is reported with the closest layout and its miss, never an operating point. */
class InfeasibleServiceTest {
    static final Catalog CATALOG = Catalog.builtIn();
    static final Assumptions ASSUMPTIONS = Assumptions.builtIn();
    static final Scenario BASE = ScenarioReader.parse(
            "name: base\nhorizon: {start: 2025-01-01, end: 2026-01-01}\n"
                    + "sites:\n  - {name: s, grid: US-TX, capacity: \"500 MW\", pue: 1.2}\n",
            "base.yaml",
            CATALOG);

    static InferenceService service(String model, String accelerator, double tpotSloSeconds) {
        return new InferenceService(
                "tight",
                CATALOG.models().find(model).orElseThrow(),
                1_000_000,
                10,
                1000,
                300,
                0,
                2,
                tpotSloSeconds,
                0.99,
                1,
                0,
                CATALOG.accelerators().find(accelerator).orElseThrow(),
                null,
                Precision.FP8,
                null,
                LocalDate.of(2025, 1, 1));
    }

    static InferencePlan plan(InferenceService s) {
        return new InferencePlanner(new Economics(BASE), ASSUMPTIONS, 0.1).plan(s);
    }

    @Test
    void plan_unreachableTpot_reportsClosestLayoutAndMissWithoutOperatingPoint() {
        InferencePlan p = plan(service("llama-3.1-70b", "H100-SXM", 0.001));
        assertThat(p.feasible()).isFalse();
        assertThat(p.tokensPerSecondPerReplica()).isZero();
        assertThat(p.replicas()).isZero();
        assertThat(p.batch()).isZero();
        assertThat(p.ttftSeconds()).isNaN();
        assertThat(p.tpotSeconds()).isNaN();
        assertThat(p.shortfall()).startsWith("TPOT at batch 1 is ").endsWith("against 1.0 ms");
        assertThat(p.missFactor()).isGreaterThan(1);
        // The closest layout has the smallest batch-1 TPOT among those evaluated (within 1 %, the smallest).
        Accelerator h100 = CATALOG.accelerators().find("H100-SXM").orElseThrow();
        ModelSpec model = CATALOG.models().find("llama-3.1-70b").orElseThrow();
        ServingEfficiency e = ServingEfficiency.of(ASSUMPTIONS, CATALOG, h100, null);
        for (InferencePlan.Alternative a : p.alternatives()) {
            Parallelism layout = ServingLayoutInvariantsTest.parse(a.parallelism());
            double factor = InferenceModel.shortfall(
                            new ServingSetup(h100, model, Precision.FP8, layout, 1000, 300, 0, e), 2, 0.001)
                    .factor();
            assertThat(factor).isGreaterThanOrEqualTo(p.missFactor() * 0.99);
        }
    }

    @Test
    void plan_weightsNeverFit_reportsMemoryShortfall() {
        InferenceService s = new InferenceService(
                "huge",
                CATALOG.models().find("llama-3.1-405b").orElseThrow(),
                1000,
                1,
                1000,
                300,
                0,
                2,
                0.1,
                0.99,
                1,
                0,
                CATALOG.accelerators().find("MTIA-v2").orElseThrow(),
                new Parallelism(1, 1),
                Precision.INT8,
                null,
                LocalDate.of(2025, 1, 1));
        InferencePlan p = plan(s);
        assertThat(p.feasible()).isFalse();
        assertThat(p.shortfall()).startsWith("weights, activations and one sequence's KV cache need ");
        assertThat(p.missFactor()).isGreaterThan(1);
    }
}

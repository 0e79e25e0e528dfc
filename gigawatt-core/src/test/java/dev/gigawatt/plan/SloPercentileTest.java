package dev.gigawatt.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.catalog.Precision;
import dev.gigawatt.input.InputException;
import dev.gigawatt.input.Problem;
import dev.gigawatt.model.Parallelism;
import dev.gigawatt.scenario.InferenceService;
import dev.gigawatt.scenario.ScenarioReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Replicas are sized where the service's objectives hold: at a percentile of Poisson arrivals, or on the mean. */
class SloPercentileTest {
    private static final Catalog CATALOG = Catalog.builtIn();

    private static InferencePlan plan(double percentile) {
        InferenceService s = new InferenceService(
                "chat",
                CATALOG.models().find("llama-3.1-70b").orElseThrow(),
                10_000_000,
                10,
                2000,
                400,
                0,
                2,
                0.05,
                percentile,
                1.5,
                0,
                CATALOG.accelerators().find("H100-SXM").orElseThrow(),
                new Parallelism(4, 1),
                Precision.FP8,
                null,
                LocalDate.of(2025, 1, 1));
        return InfeasibleServiceTest.plan(s);
    }

    @Test
    void plan_atPercentile_meetsTheObjectivesThereAndReportsIt() {
        InferencePlan p99 = plan(0.99);

        assertThat(p99.feasible()).isTrue();
        assertThat(p99.latencyPercentile()).isEqualTo(0.99);
        assertThat(p99.ttftSeconds()).isLessThanOrEqualTo(2);
        assertThat(p99.tpotSeconds()).isLessThanOrEqualTo(0.05);
        assertThat(p99.replicas() * p99.tokensPerSecondPerReplica()).isGreaterThanOrEqualTo(p99.peakTokensPerSecond());
    }

    @Test
    void plan_higherPercentile_neverNeedsFewerReplicas() {
        long p50 = plan(0.50).replicas();
        long p90 = plan(0.90).replicas();
        long p99 = plan(0.99).replicas();
        long p999 = plan(0.999).replicas();

        assertThat(p50).isPositive().isLessThanOrEqualTo(p90);
        assertThat(p90).isLessThanOrEqualTo(p99);
        assertThat(p99).isLessThanOrEqualTo(p999);
    }

    @Test
    void plan_mean_sizesOnMeanLatenciesAtAFixedBatch() {
        InferencePlan mean = plan(Double.NaN);

        assertThat(mean.feasible()).isTrue();
        assertThat(mean.latencyPercentile()).isNaN();
        assertThat(mean.tpotSeconds()).isLessThanOrEqualTo(0.05);
        assertThat(mean.replicas()).isNotEqualTo(plan(0.99).replicas());
    }

    @Test
    void parse_sloPercentile_readsPercentilesAndMeanAndRefusesTheRest() {
        assertThat(percentileOf("p95")).isEqualTo(0.95);
        assertThat(percentileOf("p99.9")).isEqualTo(0.999);
        assertThat(percentileOf("mean")).isNaN();
        assertThat(percentileOf(null)).isEqualTo(0.99);
        assertThatThrownBy(() -> ScenarioReader.parse(yaml("\"99%\""), "s.yaml", CATALOG))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).problems())
                        .extracting(Problem::path, Problem::message)
                        .containsExactly(tuple(
                                "inference[0].slo.percentile",
                                "must be a percentile from p1 to p99.999 (such as p99) or mean, got 99%")));
    }

    private static double percentileOf(String percentile) {
        return ScenarioReader.parse(yaml(percentile), "s.yaml", CATALOG)
                .inference()
                .get(0)
                .sloPercentile();
    }

    private static String yaml(String percentile) {
        return """
                name: s
                horizon: {start: 2025-01-01, end: 2026-01-01}
                sites:
                  - {name: a, grid: US-TX, capacity: "500 MW", pue: 1.2}
                inference:
                  - name: chat
                    model: llama-3.1-70b
                    users: 1M
                    requestsPerUserPerDay: 10
                    inputTokens: 1000
                    outputTokens: 300
                    slo: {ttft: "2 s", tpot: "50 ms"%s}
                    accelerator: H100-SXM
                """.formatted(percentile == null ? "" : ", percentile: " + percentile);
    }
}

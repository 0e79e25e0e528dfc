package dev.gigawatt.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.catalog.Catalog;
import dev.gigawatt.scenario.ScenarioReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each planner warning on the smallest scenario that triggers it. */
class PlanWarningsTest {
    private static final String BASE = """
            name: warn
            horizon: {start: 2025-01-01, end: 2025-04-01}
            sites:
              - {name: a, grid: US-OH, capacity: CAPACITY, pue: 1.2}
            fleet:
              - {accelerator: H100-SXM, count: 4096, site: a, inService: 2025-01-01}
            training:
              - {name: j, model: llama-3.1-8b, tokens: 1T, accelerators: 2048, accelerator: H100-SXM, mfu: "40%"JOB}
            """;

    private static List<String> warnings(String yaml) {
        return new Planner(Assumptions.builtIn())
                .plan(ScenarioReader.parse(yaml, "warn.yaml", Catalog.builtIn()))
                .warnings();
    }

    private static String scenario(String capacity, String job) {
        return BASE.replace("CAPACITY", capacity).replace("JOB", job);
    }

    @Test
    void plan_poolUsedOnlyByAShortJob_warnsIdlePool() {
        // The 2T-token job runs for a few days of the 90 the pool is in service.
        assertThat(warnings(scenario("\"100 MW\"", "")))
                .anySatisfy(w -> assertThat(w).startsWith("4,096 H100-SXM at a have no workload for "));
    }

    @Test
    void plan_poolWithAJobMix_noIdleWarning() {
        String yaml = scenario("\"100 MW\"", "")
                + "jobMix:\n  - {name: m, site: a, accelerator: H100-SXM, arrivalsPerDay: 10,"
                + " accelerators: {min: 8, max: 64}, duration: {median: \"2 h\", spread: 0.5}}\n";
        assertThat(warnings(yaml)).noneSatisfy(w -> assertThat(w).contains("have no workload"));
    }

    @Test
    void plan_serviceNoLayoutCanServe_warnsWithTheClosestLayout() {
        // A 1 ms TPOT is out of reach for a 70B model on any H100 layout (the weights alone take longer to read).
        String yaml = scenario("\"100 MW\"", "")
                + "inference:\n  - {name: chat, model: llama-3.1-70b, users: 1M, requestsPerUserPerDay: 10,"
                + " inputTokens: 1500, outputTokens: 400, slo: {ttft: \"2 s\", tpot: \"1 ms\"},"
                + " accelerator: H100-SXM, parallelism: choose, precision: fp8}\n";
        assertThat(warnings(yaml)).anySatisfy(w -> assertThat(w)
                .startsWith(
                        "inference service 'chat' cannot meet its SLOs with any layout considered; closest: H100-SXM ")
                .contains("TPOT at batch 1 is "));
        assertThat(warnings(yaml.replace("\"1 ms\"", "\"50 ms\"")))
                .noneSatisfy(w -> assertThat(w).contains("cannot meet its SLOs"));
    }

    @Test
    void plan_sequenceBeyondContext_warns() {
        // llama-3.1-8b has a 131,072-token context in the catalog.
        assertThat(warnings(scenario("\"100 MW\"", ", sequenceLength: 262144")))
                .contains(
                        "training job 'j' uses sequences of 262,144 tokens, beyond llama-3.1-8b's context of 131,072");
    }

    @Test
    void plan_ettrBelowHalf_warns() {
        // A job interruption every 500 h / 2,048 = 15 minutes, each with a 30-minute restart: ETTR below 50%.
        String yaml = scenario("\"100 MW\"", "")
                + "reliability:\n  acceleratorMtbf: \"500 h\"\n  restartOverhead: \"30 min\"\n";
        assertThat(warnings(yaml)).anySatisfy(w -> assertThat(w)
                .startsWith("training job 'j' spends only ")
                .contains("(ETTR below 50%)"));
    }

    @Test
    void plan_deploymentBeforeTheSiteHasPower_warnsCapexBeforeEnergisation() {
        assertThat(warnings(scenario("[{from: 2025-03-01, power: \"100 MW\"}]", "")))
                .contains(
                        "4,096 H100-SXM at a enter service (and are bought) on 2025-01-01, before the site is energised");
    }

    @Test
    void plan_jobNeedingTheWholePoolWhileAcceleratorsAreInRepair_warnsNoSpares() {
        String whole = BASE.replace("CAPACITY", "\"100 MW\"")
                .replace("JOB", "")
                .replace("accelerators: 2048", "accelerators: 4096");
        assertThat(warnings(whole)).anySatisfy(w -> assertThat(w)
                .startsWith("training job 'j' needs 4,096 of the 4,096 H100-SXM at a, but about ")
                .contains("of them are in repair at any time")
                .contains("leave at least"));
        String spared = BASE.replace("CAPACITY", "\"100 MW\"")
                .replace("JOB", "")
                .replace("accelerators: 2048", "accelerators: 4000");
        assertThat(warnings(spared)).noneSatisfy(w -> assertThat(w).contains("in repair at any time"));
    }
}

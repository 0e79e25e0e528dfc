package dev.gigawatt.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gigawatt.sweep.SweepPoint;
import dev.gigawatt.sweep.SweepResult;
import dev.gigawatt.sweep.SweepRun;
import dev.gigawatt.sweep.SweepSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep recorded in steps: begun partial, runs appended as they finish, read back, completed. */
class StreamedSweepStoreTest {
    private static final SweepSpec SPEC =
            new SweepSpec("s", "", Path.of("base.yaml"), "simulate", 2, "grid", 0, 7, List.of(), List.of(), List.of());
    private static final List<SweepPoint> POINTS = List.of(
            new SweepPoint(0, Map.of("seed", "1"), Map.of("seed", 1.0)),
            new SweepPoint(1, Map.of("seed", "2"), Map.of("seed", 2.0)));

    private static SweepRun run(int point, long replication, double energy) {
        Map<String, Double> kpis = new LinkedHashMap<>();
        kpis.put("zeta", energy * 2);
        kpis.put("energy_mwh", energy);
        kpis.put("unmet", Double.NaN);
        return new SweepRun(point, replication, kpis);
    }

    @Test
    void appendedInFinishingOrder_readBackByPointAndReplication_withKpiOrderAndNaN(@TempDir Path dir) {
        Instant t = Instant.parse("2026-01-02T03:04:05Z");
        try (ResultsStore store = ResultsStore.open(dir.resolve("db.duckdb"), false)) {
            String id = store.beginSweep(new RunInfo("s.yaml", "name: s", t, t), SPEC, POINTS, "base.yaml", "abc");
            store.appendSweepRuns(id, List.of(run(1, 0, 3), run(0, 1, 2)));

            RunSummary partial = store.run(id).orElseThrow();
            assertThat(partial.status()).isEqualTo("partial");
            assertThat(store.summary(id)[0]).isEqualTo(ResultsStore.partialSweepSummary("abc"));
            assertThat(store.kpis(id)).isEmpty();

            store.appendSweepRuns(id, List.of(run(1, 1, 4), run(0, 0, 1)));
            List<SweepRun> runs = store.sweepRuns(id);
            assertThat(runs).containsExactly(run(0, 0, 1), run(0, 1, 2), run(1, 0, 3), run(1, 1, 4));
            assertThat(runs.get(0).kpis().keySet()).containsExactly("zeta", "energy_mwh", "unmet");
            assertThat(runs.get(0).kpis().get("unmet")).isNaN();

            SweepResult result = new SweepResult(SPEC, POINTS, runs);
            store.finishSweep(id, t.plusSeconds(60), result, ResultsStore.BeforeCommit.NOTHING);
            RunSummary done = store.run(id).orElseThrow();
            assertThat(done.status()).isEqualTo("complete");
            assertThat(done.finished()).isEqualTo(t.plusSeconds(60));
            assertThat(store.kpis(id))
                    .extracting(k -> k.name())
                    .startsWith("zeta.mean", "zeta.p10", "zeta.p50", "zeta.p90", "energy_mwh.mean");
            assertThat(store.kpis(id).get(4).value()).isEqualTo(2.5);
        }
    }
}

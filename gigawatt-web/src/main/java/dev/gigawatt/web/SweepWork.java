package dev.gigawatt.web;

import dev.gigawatt.report.SweepJson;
import dev.gigawatt.results.RunInfo;
import dev.gigawatt.sweep.LocalSweepEngine;
import dev.gigawatt.sweep.SweepResult;
import dev.gigawatt.sweep.SweepRun;
import java.time.Instant;
import java.util.List;

/** A sweep started from the page: run on the local sweep engine, then recorded as {@code gigawatt sweep} records it. */
final class SweepWork {
    private SweepWork() {}

    /**
     * Runs every point of {@code sweep} and records the sweep; the job's progress is the share of its
     * runs done, and a cancelled job stops at the next run that finishes.
     *
     * @param threads the engine's worker threads
     */
    static void run(SimulationJob job, Database db, SweepRoutes.Checked sweep, int threads) {
        Instant started = Instant.now();
        int total = sweep.points().size() * sweep.spec().replications();
        List<SweepRun> runs = new LocalSweepEngine(threads)
                .run(sweep.spec(), sweep.scenarioText(), sweep.points(), done -> {
                    job.checkCancelled();
                    job.progress((double) done / total);
                });
        job.checkCancelled();
        job.recording();
        SweepResult result = new SweepResult(sweep.spec(), sweep.points(), runs);
        String json = SweepJson.write(result);
        RunInfo info = new RunInfo(sweep.sweepName(), sweep.sweepText(), started, Instant.now());
        String base = sweep.spec().scenario().getFileName().toString();
        String runId = db.write(store -> store.recordSweep(info, result, base));
        job.done(runId, json);
    }
}

package dev.gigawatt.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;

/**
 * One simulation or sweep started from the API: its state, progress and outcome, read by the status
 * and progress endpoints while a worker thread updates them.
 */
final class SimulationJob {
    /** Where a job is in its life. */
    enum State {
        queued,
        running,
        recording,
        done,
        failed,
        cancelled;

        boolean finished() {
            return this == done || this == failed || this == cancelled;
        }
    }

    private final String id;
    private final String kind;
    private final String scenario;
    private volatile State state = State.queued;
    private volatile double progress;
    private volatile boolean cancelRequested;
    private volatile String runId;
    private volatile String error;
    private volatile String summaryJson;
    private volatile Future<?> future;

    /**
     * A job, queued.
     *
     * @param kind {@code simulate} or {@code sweep}, the kind of run it records
     * @param scenario the scenario's (or the sweep's) name
     */
    SimulationJob(String id, String kind, String scenario) {
        this.id = id;
        this.kind = kind;
        this.scenario = scenario;
    }

    String id() {
        return id;
    }

    String kind() {
        return kind;
    }

    State state() {
        return state;
    }

    double progress() {
        return progress;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    /** The simulator's summary JSON, as {@code gigawatt simulate --format json} prints it, once done. */
    String summaryJson() {
        return summaryJson;
    }

    /**
     * Stops the job's work when it has been asked to stop: called at each progress report.
     *
     * @throws CancellationException when it has been cancelled or its thread interrupted
     */
    void checkCancelled() {
        if (cancelRequested || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("cancelled");
        }
    }

    void future(Future<?> f) {
        this.future = f;
    }

    void running() {
        state = State.running;
    }

    void progress(double fraction) {
        progress = fraction;
    }

    void recording() {
        state = State.recording;
        progress = 1;
    }

    void done(String recordedRunId, String json) {
        runId = recordedRunId;
        summaryJson = json;
        state = State.done;
    }

    void failed(String message) {
        error = message;
        state = State.failed;
    }

    void cancelled() {
        state = State.cancelled;
    }

    /**
     * Asks the job to stop: a queued one never starts, a running one stops at its next progress report
     * (a sweep's worker is also interrupted, so that it stops waiting for the points under way).
     */
    void cancel() {
        cancelRequested = true;
        Future<?> f = future;
        if (f != null && state == State.queued && f.cancel(false)) {
            state = State.cancelled;
        } else if (f != null && state == State.running && kind.equals("sweep")) {
            f.cancel(true);
        }
    }

    /**
     * The job as the API shows it (without the summary, which has its own endpoint).
     *
     * @param position its 1-based place among the queued jobs, 0 when it is not queued
     */
    Map<String, Object> status(int position) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("kind", kind);
        m.put("scenario", scenario);
        m.put("state", state.name());
        m.put("position", position);
        m.put("progress", progress);
        m.put("runId", runId);
        m.put("error", error);
        return m;
    }
}

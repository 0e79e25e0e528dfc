package dev.gigawatt.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * One simulation started from the API: its state, progress and outcome, read by the status and
 * progress endpoints while a worker thread updates them.
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
    private final String scenario;
    private volatile State state = State.queued;
    private volatile double progress;
    private volatile boolean cancelRequested;
    private volatile String runId;
    private volatile String error;
    private volatile String summaryJson;
    private volatile Future<?> future;

    SimulationJob(String id, String scenario) {
        this.id = id;
        this.scenario = scenario;
    }

    String id() {
        return id;
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

    /** Asks the job to stop: a queued one never starts, a running one stops at its next progress report. */
    void cancel() {
        cancelRequested = true;
        Future<?> f = future;
        if (f != null && state == State.queued && f.cancel(false)) {
            state = State.cancelled;
        }
    }

    /** The job as the API shows it (without the summary, which has its own endpoint). */
    Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("scenario", scenario);
        m.put("state", state.name());
        m.put("progress", progress);
        m.put("runId", runId);
        m.put("error", error);
        return m;
    }
}

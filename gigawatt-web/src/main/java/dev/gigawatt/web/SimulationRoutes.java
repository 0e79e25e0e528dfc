package dev.gigawatt.web;

import dev.gigawatt.input.InputException;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.sim.SchedulingPolicy;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.util.Map;

/**
 * {@code POST /api/simulate} and {@code /api/simulations/...}: start a simulation, follow the
 * progress of a simulation or sweep (Server-Sent Events), read its summary and cancel it.
 */
final class SimulationRoutes {
    /** How often the progress stream looks at its job, in milliseconds. */
    static final long POLL_MILLIS = 200;

    private final Simulations simulations;
    private final ScenarioRoutes scenarios;

    SimulationRoutes(Simulations simulations, ScenarioRoutes scenarios) {
        this.simulations = simulations;
        this.scenarios = scenarios;
    }

    /**
     * Validates the scenario in the body and queues its simulation: 202 with the job's status, or
     * 422 with the problems. {@code ?replication=N} and {@code ?scheduler=} as for the CLI.
     */
    void start(Context ctx) {
        String name = ScenarioRoutes.name(ctx);
        String text = Bodies.text(ctx);
        long replication = replication(ctx.queryParam("replication"));
        Scenario s;
        try {
            s = scenarios.read(text, name);
        } catch (InputException e) {
            ctx.status(422);
            Json.send(ctx, ScenarioRoutes.problems(name, e.problems()));
            return;
        }
        String policyKey = ctx.queryParam("scheduler") != null
                ? ctx.queryParam("scheduler")
                : s.simulation().scheduler();
        SchedulingPolicy policy = SchedulingPolicy.fromKey(policyKey);
        if (policy == null) {
            throw ApiException.badRequest(
                    "?scheduler= must be fifo, easy-backfill or priority, got '" + policyKey + "'");
        }
        SimulationJob job = simulations.submit(s, text, name, replication, policy);
        ctx.status(202);
        Json.send(ctx, simulations.status(job));
    }

    /** Every simulation the server remembers, oldest first. */
    void list(Context ctx) {
        Json.send(ctx, simulations.jobs().stream().map(simulations::status).toList());
    }

    void status(Context ctx) {
        Json.send(ctx, simulations.status(job(ctx)));
    }

    /** The summary as {@code gigawatt simulate --format json} prints it; 409 until the job is done. */
    void summary(Context ctx) {
        SimulationJob job = job(ctx);
        if (job.summaryJson() == null) {
            throw new ApiException(409, "simulation " + job.id() + " is " + job.state() + ", not done");
        }
        Json.sendText(ctx, job.summaryJson());
    }

    void cancel(Context ctx) {
        SimulationJob job = job(ctx);
        job.cancel();
        Json.send(ctx, simulations.status(job));
    }

    /**
     * Streams {@code progress} events (the job's status) while it waits and runs, then one {@code
     * end} event with its final status, and closes.
     */
    void events(SseClient client) {
        SimulationJob job = simulations.job(client.ctx().pathParam("id")).orElse(null);
        if (job == null) {
            client.sendEvent("end", Json.line(Map.of("error", "no such simulation")));
            client.close();
            return;
        }
        Map<String, Object> sent = null;
        while (!client.terminated() && !job.state().finished()) {
            // Sent when anything changes: the progress, the state or the place in the queue.
            Map<String, Object> now = simulations.status(job);
            if (!now.equals(sent)) {
                sent = now;
                client.sendEvent("progress", Json.line(now));
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!client.terminated()) {
            client.sendEvent("end", Json.line(simulations.status(job)));
        }
        client.close();
    }

    private SimulationJob job(Context ctx) {
        String id = ctx.pathParam("id");
        return simulations.job(id).orElseThrow(() -> ApiException.notFound("no simulation '" + id + "'"));
    }

    private static long replication(String text) {
        if (text == null) {
            return 0;
        }
        try {
            long n = Long.parseLong(text);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("?replication= must be a whole number >= 0, got '" + text + "'");
    }
}

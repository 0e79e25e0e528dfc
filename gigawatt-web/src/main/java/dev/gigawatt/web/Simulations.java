package dev.gigawatt.web;

import dev.gigawatt.catalog.Assumptions;
import dev.gigawatt.plan.Plan;
import dev.gigawatt.plan.Planner;
import dev.gigawatt.report.SimulationJson;
import dev.gigawatt.results.RunInfo;
import dev.gigawatt.scenario.Scenario;
import dev.gigawatt.sim.FleetSimulator;
import dev.gigawatt.sim.SchedulingPolicy;
import dev.gigawatt.sim.SimulationOptions;
import dev.gigawatt.sim.SimulationResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulations and sweeps started from the API: at most N run at once on their own threads (so
 * that a long run never holds up the editor's requests), the rest wait in a queue; each is recorded
 * in the results database when it finishes, as {@code gigawatt simulate} and {@code gigawatt sweep}
 * record them.
 */
final class Simulations implements AutoCloseable {
    /** What a job does on its worker thread: runs, then records itself ({@link SimulationJob#done}). */
    @FunctionalInterface
    interface Work {
        void run(SimulationJob job, Database db);
    }

    /** Most jobs waiting or running at once; more are refused with 503. */
    static final int MAX_PENDING = 100;
    /** Finished jobs remembered for their status; older ones are forgotten. */
    static final int KEEP_FINISHED = 200;

    private final Database db;
    private final ThreadPoolExecutor executor;
    private final Map<String, SimulationJob> jobs = new LinkedHashMap<>();
    private final AtomicLong counter = new AtomicLong();

    Simulations(Database db, int concurrency) {
        this.db = db;
        AtomicLong threads = new AtomicLong();
        this.executor = new ThreadPoolExecutor(
                concurrency, concurrency, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "gigawatt-simulation-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** How many jobs run at once at most. */
    int concurrency() {
        return executor.getMaximumPoolSize();
    }

    /**
     * Queues a simulation of {@code scenario} (already validated) and returns its job.
     *
     * @param text the scenario's YAML, recorded with the run
     * @param scenarioFile the name the run is recorded under
     */
    SimulationJob submit(
            Scenario scenario, String text, String scenarioFile, long replication, SchedulingPolicy policy) {
        return submit("simulate", scenario.name(), (job, database) -> {
            simulate(job, database, scenario, text, scenarioFile, replication, policy);
        });
    }

    /**
     * Queues {@code work} as a job of {@code kind} ({@code simulate} or {@code sweep}) and returns it.
     *
     * @throws ApiException 503 when {@link #MAX_PENDING} jobs are already waiting or running
     */
    synchronized SimulationJob submit(String kind, String name, Work work) {
        long pending = jobs.values().stream().filter(j -> !j.state().finished()).count();
        if (pending >= MAX_PENDING) {
            throw new ApiException(503, MAX_PENDING + " simulations are already waiting or running; try again later");
        }
        String prefix = kind.equals("sweep") ? "sweep-" : "sim-";
        SimulationJob job = new SimulationJob(prefix + counter.incrementAndGet(), kind, name);
        jobs.put(job.id(), job);
        forgetOldJobs();
        job.future(executor.submit(() -> execute(job, work)));
        return job;
    }

    /** The job's status with its place in the queue (1 for the next to start; 0 once it is not queued). */
    synchronized Map<String, Object> status(SimulationJob job) {
        int position = 0;
        if (job.state() == SimulationJob.State.queued) {
            for (SimulationJob j : jobs.values()) {
                if (j.state() == SimulationJob.State.queued) {
                    position++;
                }
                if (j == job) {
                    break;
                }
            }
        }
        return job.status(position);
    }

    /** The job with {@code id}, if it is remembered. */
    synchronized Optional<SimulationJob> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Every remembered job, oldest first. */
    synchronized List<SimulationJob> jobs() {
        return new ArrayList<>(jobs.values());
    }

    private void execute(SimulationJob job, Work work) {
        if (job.cancelRequested()) {
            job.cancelled();
            return;
        }
        job.running();
        try {
            work.run(job, db);
        } catch (CancellationException e) {
            job.cancelled();
        } catch (ApiException e) {
            job.failed(e.getMessage());
        } catch (OutOfMemoryError e) {
            job.failed("out of memory; try a smaller scenario or give Java more memory (GIGAWATT_JAVA_OPTS=-Xmx16g)");
        } catch (RuntimeException e) {
            if (job.cancelRequested()) {
                job.cancelled(); // a sweep interrupted while it waited for its points
            } else {
                job.failed(String.valueOf(e.getMessage()));
            }
        }
    }

    private static void simulate(
            SimulationJob job,
            Database db,
            Scenario scenario,
            String text,
            String scenarioFile,
            long replication,
            SchedulingPolicy policy) {
        Instant started = Instant.now();
        Plan plan = new Planner(Assumptions.builtIn()).plan(scenario);
        SimulationResult result = new FleetSimulator(scenario, plan, new SimulationOptions(replication, policy))
                .run(fraction -> {
                    job.checkCancelled();
                    job.progress(fraction);
                });
        job.recording();
        String json = SimulationJson.write(result);
        RunInfo info = new RunInfo(scenarioFile, text, started, Instant.now());
        String runId = db.write(store -> store.recordSimulation(info, scenario, result));
        job.done(runId, json);
    }

    private void forgetOldJobs() {
        List<String> finished = jobs.values().stream()
                .filter(j -> j.state().finished())
                .map(SimulationJob::id)
                .toList();
        for (int i = 0; i < finished.size() - KEEP_FINISHED; i++) {
            jobs.remove(finished.get(i));
        }
    }

    /** Cancels every job and waits briefly for the running ones to stop (their runs are not recorded). */
    @Override
    public void close() {
        jobs().forEach(SimulationJob::cancel);
        ExecutorService e = executor;
        e.shutdownNow();
        try {
            e.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }
}

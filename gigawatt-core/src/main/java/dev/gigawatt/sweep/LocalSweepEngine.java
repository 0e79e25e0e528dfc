package dev.gigawatt.sweep;

import dev.gigawatt.catalog.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Runs a sweep on this machine's cores, one run per task, results in a fixed order. */
public final class LocalSweepEngine implements SweepEngine {
    private final int threads;

    /** An engine with {@code threads} worker threads (at least one). */
    public LocalSweepEngine(int threads) {
        this.threads = Math.max(1, threads);
    }

    @Override
    public List<SweepRun> run(SweepSpec spec, String scenarioText, List<SweepPoint> points, IntConsumer progress) {
        Catalog catalog = Catalog.builtIn();
        String name = spec.scenario().getFileName().toString();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gigawatt-sweep");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<SweepRun>> futures = new ArrayList<>();
            for (SweepPoint p : points) {
                for (long r = 0; r < spec.replications(); r++) {
                    long replication = r;
                    futures.add(pool.submit(() -> {
                        SweepRun run = new SweepRun(
                                p.index(),
                                replication,
                                SweepEvaluator.evaluate(
                                        scenarioText, name, p.values(), spec.mode(), replication, catalog));
                        progress.accept(done.incrementAndGet());
                        return run;
                    }));
                }
            }
            List<SweepRun> runs = new ArrayList<>();
            for (Future<SweepRun> f : futures) {
                runs.add(f.get());
            }
            return runs;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error error) {
                throw error; // out of memory in a worker is reported as such, not as a wrapped failure
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}

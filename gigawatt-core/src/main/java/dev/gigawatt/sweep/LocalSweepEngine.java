package dev.gigawatt.sweep;

import dev.gigawatt.catalog.Catalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

/**
 * Runs a sweep on this machine's cores, one run per task. Runs are submitted only a few ahead of
 * the workers, so memory holds the runs in flight, not the whole sweep.
 */
public final class LocalSweepEngine implements SweepEngine {
    private final int threads;

    /** An engine with {@code threads} worker threads (at least one). */
    public LocalSweepEngine(int threads) {
        this.threads = Math.max(1, threads);
    }

    @Override
    public List<SweepRun> run(SweepSpec spec, String scenarioText, List<SweepPoint> points, IntConsumer progress) {
        List<SweepRun> runs = new ArrayList<>();
        stream(spec, scenarioText, points, ordinal -> false, runs::add, progress);
        runs.sort(Comparator.comparingLong(r -> r.ordinal(spec.replications())));
        return runs;
    }

    @Override
    public void stream(
            SweepSpec spec,
            String scenarioText,
            List<SweepPoint> points,
            LongPredicate recorded,
            Consumer<SweepRun> sink,
            IntConsumer progress) {
        Catalog catalog = Catalog.builtIn();
        String name = spec.scenario().getFileName().toString();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "gigawatt-sweep");
            t.setDaemon(true);
            return t;
        });
        CompletionService<SweepRun> finished = new ExecutorCompletionService<>(pool);
        int window = 2 * threads;
        int inFlight = 0;
        int done = 0;
        try {
            for (SweepPoint p : points) {
                // Made by the first of the point's replications to run, then shared; the point is the
                // same for all of them, so only the replication's random streams differ.
                Once<SweepEvaluator.Prepared> prepared =
                        new Once<>(() -> SweepEvaluator.prepare(scenarioText, name, p.values(), catalog));
                for (long r = 0; r < spec.replications(); r++) {
                    if (recorded.test(SweepRun.ordinal(p.index(), r, spec.replications()))) {
                        continue;
                    }
                    if (inFlight == window) {
                        sink.accept(finished.take().get());
                        inFlight--;
                        progress.accept(++done);
                    }
                    long replication = r;
                    finished.submit(() -> new SweepRun(
                            p.index(), replication, SweepEvaluator.evaluate(prepared.get(), spec.mode(), replication)));
                    inFlight++;
                }
            }
            while (inFlight > 0) {
                sink.accept(finished.take().get());
                inFlight--;
                progress.accept(++done);
            }
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

    /** A value made on first use, by whichever thread asks first; the others wait for it. */
    private static final class Once<T> {
        private final Supplier<T> make;
        private T value;

        Once(Supplier<T> make) {
            this.make = make;
        }

        synchronized T get() {
            if (value == null) {
                value = make.get();
            }
            return value;
        }
    }
}

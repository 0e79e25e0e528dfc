package dev.gigawatt.bench;

import dev.gigawatt.sim.EventQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The simulator's event queue, by number of pending events.
 *
 * <p>{@link #hold()} is the classic "hold" model of priority-queue benchmarks: the queue holds
 * {@code events} events at steady state; each operation polls the earliest one and schedules a new
 * one an exponential increment later, so the size never changes. Its time per operation is the
 * queue's cost per simulated event, expected to grow with log(events).
 *
 * <p>{@link #fillAndDrain()} adds {@code events} events at random times to an empty queue (growing
 * its arrays from the initial capacity) and polls them all; divide by {@code events} for the cost per
 * event.
 *
 * <p>Random numbers are drawn in {@link #setUp()} from a fixed seed, so neither the generator's cost
 * nor its variation is measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EventQueueBenchmark {
    /** Mean of the exponential increments, s (one hour); only their shape matters, not their scale. */
    private static final double MEAN_INCREMENT_SECONDS = 3600;

    /** Pre-drawn increments for {@link #hold()}, cycled through; a power of two for a cheap mask. */
    private static final int INCREMENTS = 1 << 16;

    @Param({"1000", "100000", "1000000"})
    int events;

    private EventQueue heldQueue;
    private double[] increments;
    private int nextIncrement;
    private double[] fillTimes;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        // As in the classic hold model, the initial times come from the increments' distribution.
        heldQueue = new EventQueue(events);
        for (int i = 0; i < events; i++) {
            heldQueue.add(exponential(random), i & 7, i, 0);
        }
        increments = new double[INCREMENTS];
        for (int i = 0; i < INCREMENTS; i++) {
            increments[i] = exponential(random);
        }
        nextIncrement = 0;
        double span = events * MEAN_INCREMENT_SECONDS;
        fillTimes = new double[events];
        for (int i = 0; i < events; i++) {
            fillTimes[i] = random.nextDouble() * span;
        }
    }

    private static double exponential(SplittableRandom random) {
        return -Math.log(1 - random.nextDouble()) * MEAN_INCREMENT_SECONDS;
    }

    /** One hold operation: poll the earliest event, schedule one at its time plus an exponential increment. */
    @Benchmark
    public double hold() {
        EventQueue q = heldQueue;
        q.poll();
        double t = q.time() + increments[nextIncrement++ & (INCREMENTS - 1)];
        q.add(t, q.kind(), q.first(), q.second());
        return t;
    }

    /** Adds {@code events} events at random times to a new queue, then polls every one in time order. */
    @Benchmark
    public double fillAndDrain() {
        EventQueue q = new EventQueue(1024);
        double[] times = fillTimes;
        for (int i = 0; i < times.length; i++) {
            q.add(times[i], i & 7, i, 0);
        }
        double sum = 0;
        while (!q.isEmpty()) {
            q.poll();
            sum += q.time();
        }
        return sum;
    }
}

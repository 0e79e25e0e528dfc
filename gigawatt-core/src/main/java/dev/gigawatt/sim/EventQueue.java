package dev.gigawatt.sim;

import java.util.Arrays;

/**
 * A priority queue of simulation events on primitive arrays: a binary min-heap ordered by time,
 * ties broken by insertion order, so events at the same instant run in the order they were
 * scheduled. No object is allocated per event; the arrays grow by doubling.
 *
 * <p>An event is a time (seconds since the simulation's start), a kind and two integer arguments
 * whose meaning the kind defines (a job index, a site index, ...).
 */
public final class EventQueue {
    private double[] times;
    private long[] sequence;
    private int[] kinds;
    private int[] firstArgs;
    private int[] secondArgs;
    private int size;
    private long nextSequence;
    private final double horizonSeconds;

    // The event removed by the last poll().
    private double polledTime;
    private int polledKind;
    private int polledFirst;
    private int polledSecond;

    /** An empty queue with room for {@code capacity} events before it grows. */
    public EventQueue(int capacity) {
        this(capacity, Double.POSITIVE_INFINITY);
    }

    /**
     * An empty queue that keeps only events before {@code horizonSeconds}: a simulation that stops at
     * its horizon never reads the later ones, so they are not stored (nor sifted through the heap).
     */
    public EventQueue(int capacity, double horizonSeconds) {
        this.horizonSeconds = horizonSeconds;
        int c = Math.max(4, capacity);
        times = new double[c];
        sequence = new long[c];
        kinds = new int[c];
        firstArgs = new int[c];
        secondArgs = new int[c];
    }

    /**
     * Schedules an event; {@code timeSeconds} must be finite. An event at or after the horizon is
     * dropped (it would never be read); the order of the events kept is unchanged.
     */
    public void add(double timeSeconds, int kind, int first, int second) {
        if (!Double.isFinite(timeSeconds)) {
            throw new IllegalArgumentException("event time must be finite, got " + timeSeconds);
        }
        if (timeSeconds >= horizonSeconds) {
            return;
        }
        if (size == times.length) {
            grow();
        }
        int i = size++;
        long seq = nextSequence++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(timeSeconds, seq, times[parent], sequence[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, timeSeconds, seq, kind, first, second);
    }

    /** True when no event is scheduled. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Events scheduled. */
    public int size() {
        return size;
    }

    /** Time of the next event, s; {@code +Infinity} when empty. */
    public double peekTime() {
        return size == 0 ? Double.POSITIVE_INFINITY : times[0];
    }

    /**
     * Removes the next event; read it with {@link #time()}, {@link #kind()}, {@link #first()} and
     * {@link #second()}.
     *
     * @throws IllegalStateException when the queue is empty
     */
    public void poll() {
        if (size == 0) {
            throw new IllegalStateException("no event to poll");
        }
        polledTime = times[0];
        polledKind = kinds[0];
        polledFirst = firstArgs[0];
        polledSecond = secondArgs[0];
        size--;
        if (size > 0) {
            siftDownLast();
        }
    }

    /** Time of the last polled event, s. */
    public double time() {
        return polledTime;
    }

    /** Kind of the last polled event. */
    public int kind() {
        return polledKind;
    }

    /** First argument of the last polled event. */
    public int first() {
        return polledFirst;
    }

    /** Second argument of the last polled event. */
    public int second() {
        return polledSecond;
    }

    private void siftDownLast() {
        double t = times[size];
        long s = sequence[size];
        int k = kinds[size];
        int a = firstArgs[size];
        int b = secondArgs[size];
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && before(times[right], sequence[right], times[child], sequence[child])) {
                child = right;
            }
            if (!before(times[child], sequence[child], t, s)) {
                break;
            }
            move(child, i);
            i = child;
        }
        set(i, t, s, k, a, b);
    }

    private static boolean before(double t1, long s1, double t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }

    private void move(int from, int to) {
        set(to, times[from], sequence[from], kinds[from], firstArgs[from], secondArgs[from]);
    }

    private void set(int i, double t, long s, int k, int a, int b) {
        times[i] = t;
        sequence[i] = s;
        kinds[i] = k;
        firstArgs[i] = a;
        secondArgs[i] = b;
    }

    private void grow() {
        int c = times.length * 2;
        times = Arrays.copyOf(times, c);
        sequence = Arrays.copyOf(sequence, c);
        kinds = Arrays.copyOf(kinds, c);
        firstArgs = Arrays.copyOf(firstArgs, c);
        secondArgs = Arrays.copyOf(secondArgs, c);
    }
}

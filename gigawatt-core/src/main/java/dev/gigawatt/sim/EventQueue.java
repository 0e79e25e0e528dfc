package dev.gigawatt.sim;

import java.util.Arrays;

/**
 * A priority queue of simulation events packed into one {@code long[]}: a binary min-heap ordered
 * by time, ties broken by insertion order, so events at the same instant run in the order they were
 * scheduled. No object is allocated per event; the array grows by doubling.
 *
 * <p>An event is a time (seconds since the simulation's start), a kind (0 to 255) and two integer
 * arguments whose meaning the kind defines (a job index, a site index, ...).
 */
public final class EventQueue {
    /*
     * Each heap entry is three consecutive longs, so a sift moves one contiguous 24-byte block and a
     * comparison reads the first two of them:
     *   [0] the time as an order-preserving long (see key()): comparing keys compares times;
     *   [1] insertion sequence << 8 | kind: unique, so the heap order is total and any correct heap
     *       gives the same sequence of events;
     *   [2] first << 32 | second (as unsigned 32 bits).
     */
    private static final int STRIDE = 3;
    private static final int KIND_BITS = 8;
    private static final int KIND_MASK = (1 << KIND_BITS) - 1;
    private static final long MAX_SEQUENCE = Long.MAX_VALUE >>> KIND_BITS;

    private long[] heap;
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
        heap = new long[Math.max(4, capacity) * STRIDE];
    }

    /**
     * Schedules an event; {@code timeSeconds} must be finite and {@code kind} within 0..255. An event
     * at or after the horizon is dropped (it would never be read); the order of the events kept is
     * unchanged. A time of -0.0 is stored as 0.0, the instant it equals.
     */
    public void add(double timeSeconds, int kind, int first, int second) {
        if (!Double.isFinite(timeSeconds)) {
            throw new IllegalArgumentException("event time must be finite, got " + timeSeconds);
        }
        if ((kind & ~KIND_MASK) != 0) {
            throw new IllegalArgumentException("event kind must be within 0..255, got " + kind);
        }
        if (timeSeconds >= horizonSeconds) {
            return;
        }
        if (nextSequence > MAX_SEQUENCE) {
            throw new IllegalStateException("more than " + MAX_SEQUENCE + " events scheduled");
        }
        insert(timeSeconds, nextSequence++, kind, first, second);
    }

    /**
     * Takes {@code count} consecutive insertion sequence numbers out of the counter and returns the
     * first: events added later with {@link #addReserved} at those numbers run, among events at the
     * same instant, where they would have had they all been added now. This lets a periodic event
     * keep one pending occurrence yet order as if every occurrence had been queued up front.
     */
    public long reserveSequences(long count) {
        if (count < 0 || nextSequence + count > MAX_SEQUENCE) {
            throw new IllegalArgumentException("cannot reserve " + count + " sequence numbers");
        }
        long first = nextSequence;
        nextSequence += count;
        return first;
    }

    /**
     * Schedules an event at a sequence number taken by {@link #reserveSequences}; each reserved
     * number must be used at most once. Dropped, like {@link #add}, at or after the horizon.
     */
    public void addReserved(double timeSeconds, int kind, int first, int second, long sequence) {
        if (!Double.isFinite(timeSeconds)) {
            throw new IllegalArgumentException("event time must be finite, got " + timeSeconds);
        }
        if ((kind & ~KIND_MASK) != 0) {
            throw new IllegalArgumentException("event kind must be within 0..255, got " + kind);
        }
        if (sequence < 0 || sequence >= nextSequence) {
            throw new IllegalArgumentException("sequence " + sequence + " was not reserved");
        }
        if (timeSeconds >= horizonSeconds) {
            return;
        }
        insert(timeSeconds, sequence, kind, first, second);
    }

    private void insert(double timeSeconds, long sequence, int kind, int first, int second) {
        if (size * STRIDE == heap.length) {
            heap = Arrays.copyOf(heap, heap.length * 2);
        }
        long key = key(timeSeconds);
        long order = sequence << KIND_BITS | kind;
        long args = (long) first << 32 | (second & 0xFFFF_FFFFL);
        long[] h = heap;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            int p = parent * STRIDE;
            long parentKey = h[p];
            if (parentKey < key || (parentKey == key && h[p + 1] < order)) {
                break;
            }
            int at = i * STRIDE;
            h[at] = parentKey;
            h[at + 1] = h[p + 1];
            h[at + 2] = h[p + 2];
            i = parent;
        }
        int at = i * STRIDE;
        h[at] = key;
        h[at + 1] = order;
        h[at + 2] = args;
    }

    /** Removes every event and restarts the insertion sequence; the arrays keep their size. */
    public void clear() {
        size = 0;
        nextSequence = 0;
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
        return size == 0 ? Double.POSITIVE_INFINITY : time(heap[0]);
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
        long[] h = heap;
        polledTime = time(h[0]);
        polledKind = (int) (h[1] & KIND_MASK);
        polledFirst = (int) (h[2] >> 32);
        polledSecond = (int) h[2];
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

    /** Moves the last entry into the root's place and sifts it down. */
    private void siftDownLast() {
        long[] h = heap;
        int last = size * STRIDE;
        long key = h[last];
        long order = h[last + 1];
        long args = h[last + 2];
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int c = child * STRIDE;
            long childKey = h[c];
            long childOrder = h[c + 1];
            if (child + 1 < size) {
                long rightKey = h[c + STRIDE];
                long rightOrder = h[c + STRIDE + 1];
                if (rightKey < childKey || (rightKey == childKey && rightOrder < childOrder)) {
                    child++;
                    c += STRIDE;
                    childKey = rightKey;
                    childOrder = rightOrder;
                }
            }
            if (key < childKey || (key == childKey && order < childOrder)) {
                break;
            }
            int at = i * STRIDE;
            h[at] = childKey;
            h[at + 1] = childOrder;
            h[at + 2] = h[c + 2];
            i = child;
        }
        int at = i * STRIDE;
        h[at] = key;
        h[at + 1] = order;
        h[at + 2] = args;
    }

    /**
     * The time as a long whose signed order is the order of the times: a finite double's bits order
     * like a sign-magnitude integer, so the magnitude bits of negative times are flipped. Adding 0.0
     * turns -0.0 into 0.0, which {@code ==} treats as the same instant.
     */
    static long key(double timeSeconds) {
        long bits = Double.doubleToRawLongBits(timeSeconds + 0.0);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    /** The inverse of {@link #key(double)}. */
    static double time(long key) {
        return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
    }
}

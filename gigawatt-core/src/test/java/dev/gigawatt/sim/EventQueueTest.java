package dev.gigawatt.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventQueueTest {
    @Test
    void poll_returnsEventsInTimeOrder() {
        EventQueue q = new EventQueue(2);
        q.add(5, 1, 50, 0);
        q.add(1, 2, 10, 0);
        q.add(3, 3, 30, 0);
        List<Integer> order = new ArrayList<>();
        while (!q.isEmpty()) {
            q.poll();
            order.add(q.first());
        }
        assertThat(order).containsExactly(10, 30, 50);
    }

    @Test
    void poll_sameTime_keepsInsertionOrder() {
        EventQueue q = new EventQueue(4);
        for (int i = 0; i < 100; i++) {
            q.add(7.0, 0, i, -i);
        }
        for (int i = 0; i < 100; i++) {
            q.poll();
            assertThat(q.first()).isEqualTo(i);
            assertThat(q.second()).isEqualTo(-i);
            assertThat(q.time()).isEqualTo(7.0);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2025})
    void poll_randomInterleaving_matchesSortedReference(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        EventQueue q = new EventQueue(1);
        List<double[]> reference = new ArrayList<>();
        int id = 0;
        List<Integer> got = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        for (int step = 0; step < 5_000; step++) {
            if (r.nextInt(3) > 0 || q.isEmpty()) {
                double t = r.nextInt(200);
                q.add(t, 0, id, 0);
                reference.add(new double[] {t, id});
                id++;
            } else {
                reference.sort(Comparator.<double[]>comparingDouble(e -> e[0]).thenComparingDouble(e -> e[1]));
                expected.add((int) reference.remove(0)[1]);
                q.poll();
                got.add(q.first());
            }
        }
        assertThat(got).isEqualTo(expected);
    }

    @Test
    void add_nonFiniteTime_isRejected() {
        EventQueue q = new EventQueue(1);
        assertThatThrownBy(() -> q.add(Double.NaN, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void poll_empty_throws() {
        assertThatThrownBy(() -> new EventQueue(1).poll()).isInstanceOf(IllegalStateException.class);
        assertThat(new EventQueue(1).peekTime()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    /** An event as the oracle holds it: ordered by time, then by the order it was added in. */
    private record Scheduled(double time, long sequence, int kind, int first, int second) {}

    private static final Comparator<Scheduled> BY_TIME_THEN_SEQUENCE =
            Comparator.comparingDouble(Scheduled::time).thenComparingLong(Scheduled::sequence);

    @ParameterizedTest
    @ValueSource(longs = {7, 11, 2024, 2025, 987_654_321})
    void poll_manySeededOperations_matchesPriorityQueue(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double horizon = 5_000;
        EventQueue q = new EventQueue(1, horizon);
        PriorityQueue<Scheduled> oracle = new PriorityQueue<>(BY_TIME_THEN_SEQUENCE);
        long sequence = 0;
        int polls = 0;
        int ties = 0;
        for (int step = 0; step < 200_000; step++) {
            // Phases of growth and of shrinking, so the heap is both deep and often nearly empty.
            boolean growing = (step / 20_000) % 2 == 0;
            int op = r.nextInt(10);
            if (op < (growing ? 6 : 3) || oracle.isEmpty()) {
                double t =
                        switch (r.nextInt(4)) {
                            case 0 -> r.nextInt(50); // many ties
                            case 1 -> -r.nextDouble() * 100; // negative times
                            case 2 -> r.nextBoolean() ? -0.0 : 0.0;
                            default -> r.nextDouble() * 6_000; // some past the horizon
                        };
                int kind = r.nextInt(256);
                int first = r.nextInt();
                int second = r.nextInt(3) == 0 ? Integer.MIN_VALUE + r.nextInt(3) : r.nextInt();
                q.add(t, kind, first, second);
                if (t < horizon) {
                    // Double.compare puts -0.0 before 0.0; the queue, like ==, takes them as one instant.
                    oracle.add(new Scheduled(t + 0.0, sequence++, kind, first, second));
                }
            } else if (op < 9) {
                Scheduled expected = oracle.poll();
                q.poll();
                polls++;
                if (!oracle.isEmpty() && oracle.peek().time() == expected.time()) {
                    ties++;
                }
                assertThat(q.time()).isEqualTo(expected.time());
                assertThat(q.kind()).isEqualTo(expected.kind());
                assertThat(q.first()).isEqualTo(expected.first());
                assertThat(q.second()).isEqualTo(expected.second());
            } else {
                assertThat(q.peekTime()).isEqualTo(oracle.peek().time());
            }
            assertThat(q.size()).isEqualTo(oracle.size());
        }
        assertThat(polls).isGreaterThan(50_000);
        assertThat(ties).isGreaterThan(1_000);
        while (!oracle.isEmpty()) {
            Scheduled expected = oracle.poll();
            q.poll();
            assertThat(q.first()).isEqualTo(expected.first());
            assertThat(q.second()).isEqualTo(expected.second());
        }
        assertThat(q.isEmpty()).isTrue();
    }

    @Test
    void poll_negativeZeroAndZero_areOneInstantInInsertionOrder() {
        EventQueue q = new EventQueue(4);
        q.add(0.0, 1, 1, 0);
        q.add(-0.0, 2, 2, 0);
        q.add(-1e-300, 3, 3, 0);
        q.add(Double.MIN_VALUE, 4, 4, 0);
        List<Integer> order = new ArrayList<>();
        while (!q.isEmpty()) {
            q.poll();
            order.add(q.first());
        }
        assertThat(order).containsExactly(3, 1, 2, 4);
    }

    @Test
    void key_ordersLikeTheTimesAndRoundTrips() {
        double[] times = {-Double.MAX_VALUE, -1e9, -1, -Double.MIN_VALUE, 0, Double.MIN_VALUE, 1, 3600, 1e18};
        for (int i = 0; i < times.length; i++) {
            assertThat(EventQueue.time(EventQueue.key(times[i]))).isEqualTo(times[i]);
            if (i > 0) {
                assertThat(EventQueue.key(times[i - 1])).isLessThan(EventQueue.key(times[i]));
            }
        }
    }

    @Test
    void add_kindOutsideEightBits_isRejected() {
        EventQueue q = new EventQueue(1);
        assertThatThrownBy(() -> q.add(1, 256, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> q.add(1, -1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        q.add(1, 255, Integer.MIN_VALUE, -1);
        q.poll();
        assertThat(q.kind()).isEqualTo(255);
        assertThat(q.first()).isEqualTo(Integer.MIN_VALUE);
        assertThat(q.second()).isEqualTo(-1);
    }

    @Test
    void clear_emptiesTheQueueAndRestartsInsertionOrder() {
        EventQueue q = new EventQueue(2);
        for (int i = 0; i < 10; i++) {
            q.add(i, 0, i, 0);
        }
        q.clear();
        assertThat(q.isEmpty()).isTrue();
        q.add(2, 0, 20, 0);
        q.add(1, 0, 10, 0);
        q.add(2, 0, 21, 0);
        List<Integer> order = new ArrayList<>();
        while (!q.isEmpty()) {
            q.poll();
            order.add(q.first());
        }
        assertThat(order).containsExactly(10, 20, 21);
    }

    @Test
    void addReserved_periodicEventAddedLate_runsWhereItWouldHaveRunQueuedUpFront() {
        // Up front: ticks 0..2 queued first, then two other events at tick times.
        EventQueue upFront = new EventQueue(4);
        for (int h = 0; h < 3; h++) {
            upFront.add(h * 10.0, 0, h, 0);
        }
        upFront.add(10.0, 1, 100, 0);
        upFront.add(20.0, 1, 200, 0);
        // One pending tick at a time, each added when the previous one runs, at its reserved number.
        EventQueue late = new EventQueue(4);
        long first = late.reserveSequences(3);
        late.add(10.0, 1, 100, 0);
        late.add(20.0, 1, 200, 0);
        late.addReserved(0.0, 0, 0, 0, first);
        List<Integer> expected = new ArrayList<>();
        while (!upFront.isEmpty()) {
            upFront.poll();
            expected.add(upFront.first());
        }
        List<Integer> got = new ArrayList<>();
        while (!late.isEmpty()) {
            late.poll();
            got.add(late.first());
            if (late.kind() == 0 && late.first() < 2) {
                int next = late.first() + 1;
                late.addReserved(next * 10.0, 0, next, 0, first + next);
            }
        }
        assertThat(expected).containsExactly(0, 1, 100, 2, 200);
        assertThat(got).isEqualTo(expected);
    }

    @Test
    void addReserved_unreservedSequence_isRefused() {
        EventQueue q = new EventQueue(4);
        long first = q.reserveSequences(2);
        assertThatThrownBy(() -> q.addReserved(1.0, 0, 0, 0, first + 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sequence 2 was not reserved");
    }
}

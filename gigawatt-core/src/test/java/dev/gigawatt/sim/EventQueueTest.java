package dev.gigawatt.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
}

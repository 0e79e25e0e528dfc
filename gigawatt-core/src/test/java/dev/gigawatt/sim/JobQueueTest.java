package dev.gigawatt.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobQueueTest {
    private static JobState job(int index) {
        return new JobState().reset(index, "j" + index, "h100", 0, 8, null, 1, 1, 1, 1, 1, 0, 0);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomInsertsAndRemovals_matchAnArrayList(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<JobState> expected = new ArrayList<>();
        JobQueue queue = new JobQueue();
        for (int step = 0; step < 20_000; step++) {
            int op = random.nextInt(10);
            if (op < 5 || expected.isEmpty()) {
                // Appends, head inserts and inserts anywhere, as arrivals and requeues do.
                int at =
                        switch (random.nextInt(3)) {
                            case 0 -> expected.size();
                            case 1 -> 0;
                            default -> random.nextInt(expected.size() + 1);
                        };
                JobState j = job(step);
                expected.add(at, j);
                queue.add(at, j);
            } else {
                int at = random.nextInt(3) == 0 ? random.nextInt(expected.size()) : 0;
                assertThat(queue.remove(at)).isSameAs(expected.remove(at));
            }
            assertThat(queue.size()).isEqualTo(expected.size());
            if (!expected.isEmpty()) {
                assertThat(queue.get(0)).isSameAs(expected.get(0));
                assertThat(queue.get(expected.size() - 1)).isSameAs(expected.get(expected.size() - 1));
            }
        }
        assertThat(queue).containsExactlyElementsOf(expected);
    }

    @Test
    void indexOutsideTheQueue_isRejected() {
        JobQueue queue = new JobQueue();
        queue.add(job(0));
        assertThatThrownBy(() -> queue.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> queue.add(2, job(1))).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> queue.remove(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}

package dev.gigawatt.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The heap of expected ends keeps every job in its place through adds, moves and removals. */
class ExpectedEndsTest {
    private static JobState job(int index) {
        return new JobState().reset(index, "j" + index, "X", 0, 8, null, 3600, 3600, 60, 60, 1e9, 0, 0);
    }

    @Test
    void randomOperations_keepTheHeapOrderedAndEveryRankTrue() {
        SplittableRandom random = new SplittableRandom(15);
        ExpectedEnds ends = new ExpectedEnds();
        List<JobState> in = new ArrayList<>();
        List<JobState> out = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            out.add(job(i));
        }
        for (int step = 0; step < 20_000; step++) {
            int op = random.nextInt(3);
            // Coarse ends, so that ties (broken by job index) are common.
            double end = random.nextInt(50) * 100.0;
            if (op == 0 && !out.isEmpty()) {
                JobState j = out.remove(random.nextInt(out.size()));
                ends.add(j, end);
                in.add(j);
            } else if (op == 1 && !in.isEmpty()) {
                ends.update(in.get(random.nextInt(in.size())), end);
            } else if (!in.isEmpty()) {
                JobState j = in.remove(random.nextInt(in.size()));
                ends.remove(j);
                assertThat(j.endRank).isEqualTo(-1);
                out.add(j);
            }
            assertThat(ends.size()).isEqualTo(in.size());
            for (int r = 0; r < ends.size(); r++) {
                assertThat(ends.at(r).endRank).isEqualTo(r);
                if (r > 0) {
                    JobState parent = ends.at((r - 1) / 2);
                    JobState child = ends.at(r);
                    assertThat(parent.expectedEnd < child.expectedEnd
                                    || (parent.expectedEnd == child.expectedEnd && parent.index < child.index))
                            .as("heap order at %d", r)
                            .isTrue();
                }
            }
            if (!in.isEmpty()) {
                JobState first = in.stream()
                        .min(Comparator.comparingDouble((JobState j) -> j.expectedEnd)
                                .thenComparingInt(j -> j.index))
                        .orElseThrow();
                assertThat(ends.at(0)).isSameAs(first);
            }
        }
    }
}

package dev.gigawatt.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {
    @Test
    void stream_sameSeedAndName_sameSequence() {
        SplittableRandom a = new RandomStreams(7, 0).stream("failures/job/a");
        SplittableRandom b = new RandomStreams(7, 0).stream("failures/job/a");
        for (int i = 0; i < 100; i++) {
            assertThat(a.nextLong()).isEqualTo(b.nextLong());
        }
    }

    @Test
    void numberedStream_isTheStreamOfThePrefixAndTheNumber() {
        RandomStreams streams = new RandomStreams(2025, 3);
        long prefix = RandomStreams.fnv1a64("failures/job/research-");
        for (long n : new long[] {0, 1, 9, 10, 99, 100, 12_345, 120_382, Long.MAX_VALUE}) {
            SplittableRandom numbered = streams.stream(prefix, n);
            SplittableRandom named = streams.stream("failures/job/research-" + n);
            for (int i = 0; i < 5; i++) {
                assertThat(numbered.nextLong()).as("stream %d", n).isEqualTo(named.nextLong());
            }
        }
    }

    @Test
    void stream_differentNameSeedOrReplication_differentSequence() {
        long base = new RandomStreams(7, 0).stream("x").nextLong();
        assertThat(new RandomStreams(7, 0).stream("y").nextLong()).isNotEqualTo(base);
        assertThat(new RandomStreams(8, 0).stream("x").nextLong()).isNotEqualTo(base);
        assertThat(new RandomStreams(7, 1).stream("x").nextLong()).isNotEqualTo(base);
    }

    @Test
    void fnv1a64_knownVectors() {
        // FNV-1a 64 test vectors (Fowler, Noll, Vo): "" → cbf29ce484222325, "a" → af63dc4c8601ec8c.
        assertThat(RandomStreams.fnv1a64("")).isEqualTo(0xcbf29ce484222325L);
        assertThat(RandomStreams.fnv1a64("a")).isEqualTo(0xaf63dc4c8601ec8cL);
    }

    @Test
    void exponential_meanMatches() {
        SplittableRandom r = new RandomStreams(1, 0).stream("test");
        double sum = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            sum += RandomStreams.exponential(r, 3.0);
        }
        // Standard error of the mean: 3 / sqrt(200,000) = 0.0067; allow 5 standard errors.
        assertThat(sum / n).isCloseTo(3.0, within(0.034));
    }
}

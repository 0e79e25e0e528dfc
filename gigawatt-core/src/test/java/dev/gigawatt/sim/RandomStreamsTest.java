package dev.gigawatt.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {
    @Test
    void stream_sameSeedAndName_sameSequence() {
        UniformRandomProvider a = new RandomStreams(7, 0).stream("failures/job/a");
        UniformRandomProvider b = new RandomStreams(7, 0).stream("failures/job/a");
        for (int i = 0; i < 100; i++) {
            assertThat(a.nextLong()).isEqualTo(b.nextLong());
        }
    }

    @Test
    void numberedStream_isTheStreamOfThePrefixAndTheNumber() {
        RandomStreams streams = new RandomStreams(2025, 3);
        long prefix = RandomStreams.fnv1a64("failures/job/research-");
        for (long n : new long[] {0, 1, 9, 10, 99, 100, 12_345, 120_382, Long.MAX_VALUE}) {
            UniformRandomProvider numbered = streams.stream(prefix, n);
            UniformRandomProvider named = streams.stream("failures/job/research-" + n);
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
    void stream_nextDouble_isTheTop53BitsOfNextLong_asTheJdksSplitMix64() {
        UniformRandomProvider a = new RandomStreams(2025, 0).stream("jobmix/research");
        UniformRandomProvider b = new RandomStreams(2025, 0).stream("jobmix/research");
        for (int i = 0; i < 1000; i++) {
            double u = a.nextDouble();
            assertThat(u)
                    .isEqualTo((b.nextLong() >>> 11) * 0x1.0p-53)
                    .isBetween(0.0, 1.0)
                    .isNotEqualTo(1.0);
        }
    }

    @Test
    void splitMix64_isTheJdksSplittableRandom() {
        for (long seed : new long[] {0, 1, -1, 2025, Long.MIN_VALUE, 0x9E3779B97F4A7C15L}) {
            RandomStreams.SplitMix64 ours = new RandomStreams.SplitMix64(seed);
            SplittableRandom jdk = new SplittableRandom(seed);
            for (int i = 0; i < 1000; i++) {
                assertThat(ours.nextLong()).as("seed %d, draw %d", seed, i).isEqualTo(jdk.nextLong());
            }
        }
    }
}

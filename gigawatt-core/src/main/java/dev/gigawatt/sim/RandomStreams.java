package dev.gigawatt.sim;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Independent, reproducible random streams named by component: the stream for {@code
 * "failures/job/llama-405b"} depends only on the scenario's seed, that name and the replication,
 * so adding a component never shifts another's numbers, and scenarios compared side by side share
 * random numbers (common random numbers).
 *
 * <p>Kept by hand because the names are the point: each stream is a SplitMix64 generator seeded from a
 * hash of seed, name and replication. The distributions drawn from them are commons-rng samplers.
 */
public final class RandomStreams {
    private final long seed;
    private final long replication;

    public RandomStreams(long seed, long replication) {
        this.seed = seed;
        this.replication = replication;
    }

    /** A new generator for the stream {@code name}; the same name always gives the same sequence. */
    public UniformRandomProvider stream(String name) {
        return new SplitMix64(seed(name));
    }

    /** The seed of the stream {@code name}: {@link #stream(String)} is a SplitMix64 generator from it. */
    long seed(String name) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ fnv1a64(name));
        return mix(h ^ replication);
    }

    /**
     * The stream named {@code prefix} followed by {@code number} in decimal, where {@code
     * prefixHash} is {@link #fnv1a64(String) fnv1a64(prefix)}: the same generator as {@code
     * stream(prefix + number)}, for the thousands of numbered streams of a job mix, without building
     * and encoding each name.
     */
    public UniformRandomProvider stream(long prefixHash, long number) {
        return new SplitMix64(seed(prefixHash, number));
    }

    /** The seed of the stream {@link #stream(long, long)} gives. */
    long seed(long prefixHash, long number) {
        if (number < 0) {
            throw new IllegalArgumentException("stream number must be >= 0, got " + number);
        }
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ fnv1a64Digits(prefixHash, number));
        return mix(h ^ replication);
    }

    /** FNV-1a continued from {@code hash} over the ASCII decimal digits of {@code number} (>= 0). */
    private static long fnv1a64Digits(long hash, long number) {
        if (number >= 10) {
            hash = fnv1a64Digits(hash, number / 10);
        }
        hash ^= '0' + number % 10;
        return hash * 0x100000001b3L;
    }

    /** 64-bit FNV-1a hash of the UTF-8 bytes of {@code text}. */
    public static long fnv1a64(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** The SplitMix64 finaliser: a bijective avalanche mix of 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * A SplitMix64 generator as commons-rng's uniform source, held in one long: the same sequence as
     * the JDK's {@code SplittableRandom} of the same seed (the golden-ratio increment, then {@link
     * #mix}), and its {@code nextDouble} is the JDK's too (the top 53 bits of {@code nextLong}).
     */
    static final class SplitMix64 implements UniformRandomProvider {
        private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
        private long state;

        SplitMix64(long seed) {
            this.state = seed;
        }

        /** Restarts the generator at {@code seed}: the same sequence as a new one of that seed. */
        void reseed(long seed) {
            this.state = seed;
        }

        @Override
        public long nextLong() {
            state += GOLDEN_GAMMA;
            return mix(state);
        }
    }
}

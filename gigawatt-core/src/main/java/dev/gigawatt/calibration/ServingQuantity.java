package dev.gigawatt.calibration;

import dev.gigawatt.model.ReplicaPerformance;

/** The quantity a published serving figure states, and how to read it off a predicted replica. */
public enum ServingQuantity {
    /** Output tokens/s of the replica at the largest batch that fits (offline, max load). */
    MAX_LOAD_OUTPUT("maxLoadOutput", "output tokens/s"),
    /** Output tokens/s of the replica at a stated concurrency. */
    OUTPUT_AT_CONCURRENCY("outputAtConcurrency", "output tokens/s"),
    /** Time to first token at a stated concurrency, ms. */
    TTFT_AT_CONCURRENCY("ttftAtConcurrency", "TTFT ms"),
    /**
     * Output tokens/s per accelerator of decode steps alone at a stated concurrency (a disaggregated decode
     * pool: prompts are prefilled elsewhere and arrive with their KV cache).
     */
    DECODE_OUTPUT_PER_ACCELERATOR("decodeOutputPerAccelerator", "decode tokens/s");

    private final String key;
    private final String unit;

    ServingQuantity(String key, String unit) {
        this.key = key;
        this.unit = unit;
    }

    /** Unit the value is stated in. */
    public String unit() {
        return unit;
    }

    /** The quantity for {@code key}, or null. */
    public static ServingQuantity fromKey(String key) {
        for (ServingQuantity q : values()) {
            if (q.key.equals(key)) {
                return q;
            }
        }
        return null;
    }

    /** True when the figure is taken at a stated concurrency rather than at max load. */
    public boolean atConcurrency() {
        return this != MAX_LOAD_OUTPUT;
    }

    /**
     * The predicted value of this quantity from the performance of a replica of {@code accelerators}, for a
     * figure stated per {@code perAccelerators} accelerators (a node) where it is per accelerator.
     */
    public double predicted(ReplicaPerformance p, int accelerators, int perAccelerators) {
        return switch (this) {
            case TTFT_AT_CONCURRENCY -> p.ttftSeconds() * 1000;
            case DECODE_OUTPUT_PER_ACCELERATOR -> p.batch() / p.decodeStepSeconds() / accelerators * perAccelerators;
            default -> p.tokensPerSecond();
        };
    }
}

package dev.gigawatt.calibration;

/** The quantity a published power figure states. */
public enum PowerQuantity {
    /** Mean power of a serving replica's accelerators, summed over them, W. */
    GPU_POWER("gpuPower", "W (all GPUs)"),
    /** Accelerator energy per output token of a serving replica, J. */
    ENERGY_PER_TOKEN("energyPerToken", "J/output token"),
    /** Mean AC power of one training node (accelerators and host), W. */
    NODE_POWER("nodePower", "W per node");

    private final String key;
    private final String unit;

    PowerQuantity(String key, String unit) {
        this.key = key;
        this.unit = unit;
    }

    /** Unit the value is stated in. */
    public String unit() {
        return unit;
    }

    /** The quantity for {@code key}, or null. */
    public static PowerQuantity fromKey(String key) {
        for (PowerQuantity q : values()) {
            if (q.key.equals(key)) {
                return q;
            }
        }
        return null;
    }
}

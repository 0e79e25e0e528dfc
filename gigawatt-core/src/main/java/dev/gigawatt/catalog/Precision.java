package dev.gigawatt.catalog;

import java.util.Locale;

/** A numeric format for weights, activations or the KV cache, with its size in bytes. */
public enum Precision {
    FP32(4),
    TF32(4),
    FP16(2),
    BF16(2),
    FP8(1),
    INT8(1),
    FP4(0.5);

    private final double bytes;

    Precision(double bytes) {
        this.bytes = bytes;
    }

    /** Bytes per value in this format. */
    public double bytes() {
        return bytes;
    }

    /** The lower-case key used in files ({@code bf16}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The precision for a file key such as {@code "bf16"}, or null. */
    public static Precision fromKey(String key) {
        for (Precision p : values()) {
            if (p.key().equalsIgnoreCase(key.strip())) {
                return p;
            }
        }
        return null;
    }
}

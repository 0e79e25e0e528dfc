package dev.gigawatt.model;

/**
 * How far a replica layout is from serving at all: the factor by which its tightest limit is exceeded
 * (memory, or the TTFT or TPOT objective at batch 1), and that limit in words.
 *
 * @param factor needed over allowed for the limit that binds, above 1 when the layout cannot serve
 * @param reason the binding limit with both numbers, e.g. "TPOT at batch 1 is 52.3 ms against 40 ms"
 */
public record ServingShortfall(double factor, String reason) {}

package dev.gigawatt.scenario;

import java.time.LocalDate;

/**
 * A site's grid connection from a date on.
 *
 * @param powerWatts power the site may draw at the meter from {@code from} on, W
 */
public record CapacityStep(LocalDate from, double powerWatts) {}

package dev.gigawatt.scenario;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The period a plan covers: from {@code start} (inclusive) to {@code end} (exclusive). */
public record Horizon(LocalDate start, LocalDate end) {
    /** Length of the horizon in days. */
    public long days() {
        return ChronoUnit.DAYS.between(start, end);
    }
}

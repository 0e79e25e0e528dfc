package dev.gigawatt.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Facility capex spent evenly over a construction lead time that ends when the capacity is
 * energised: how much of it falls in a date range.
 */
public final class ConstructionSpend {
    private ConstructionSpend() {}

    /** The day construction starts for capacity energised on {@code energised} after {@code leadYears}. */
    public static LocalDate start(LocalDate energised, double leadYears) {
        return energised.minusDays(Math.round(leadYears * 365));
    }

    /**
     * The share of the spend for capacity energised on {@code energised} that falls in
     * [{@code from}, {@code to}), 0..1. With no lead time all of it falls on the energisation day.
     *
     * @param leadYears construction lead time, years
     */
    public static double shareWithin(LocalDate energised, double leadYears, LocalDate from, LocalDate to) {
        LocalDate start = start(energised, leadYears);
        long days = ChronoUnit.DAYS.between(start, energised);
        if (days == 0) {
            return !energised.isBefore(from) && energised.isBefore(to) ? 1 : 0;
        }
        LocalDate a = start.isAfter(from) ? start : from;
        LocalDate b = energised.isBefore(to) ? energised : to;
        return Math.max(0, ChronoUnit.DAYS.between(a, b)) / (double) days;
    }
}

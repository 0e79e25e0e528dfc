package dev.gigawatt.optimize;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One decision period: three months from the horizon's start, the last one cut at the horizon's end.
 *
 * @param index 0 for the first quarter of the horizon
 * @param end the day after the last day (exclusive)
 */
public record Quarter(int index, LocalDate start, LocalDate end) {
    /** The quarters of [{@code start}, {@code end}). */
    public static List<Quarter> of(LocalDate start, LocalDate end) {
        List<Quarter> quarters = new ArrayList<>();
        LocalDate from = start;
        while (from.isBefore(end)) {
            LocalDate to = from.plusMonths(3);
            quarters.add(new Quarter(quarters.size(), from, to.isAfter(end) ? end : to));
            from = to;
        }
        return quarters;
    }

    /** Length of the quarter in years of 365 days. */
    public double years() {
        return ChronoUnit.DAYS.between(start, end) / 365.0;
    }

    /** A label such as {@code 2026-Q2} for a calendar quarter, else the start date. */
    public String label() {
        boolean calendar = start.getDayOfMonth() == 1 && (start.getMonthValue() - 1) % 3 == 0;
        return calendar ? start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1) : start.toString();
    }
}

package dev.gigawatt.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ConstructionSpendTest {
    private static final LocalDate ENERGISED = LocalDate.of(2025, 7, 1);

    @Test
    void start_twoYears_is730DaysBefore() {
        // 2025-07-01 minus 730 days (2024 is a leap year) = 2023-07-02.
        assertThat(ConstructionSpend.start(ENERGISED, 2)).isEqualTo(LocalDate.of(2023, 7, 2));
    }

    @Test
    void shareWithin_calendarYears_splitByDays() {
        // 2023-07-02..2024-01-01 = 183 days, 2024 = 366 days, 2025-01-01..07-01 = 181 days; of 730.
        assertThat(share(2023)).isCloseTo(183 / 730.0, within(1e-12));
        assertThat(share(2024)).isCloseTo(366 / 730.0, within(1e-12));
        assertThat(share(2025)).isCloseTo(181 / 730.0, within(1e-12));
        assertThat(share(2026)).isZero();
    }

    @Test
    void shareWithin_noLeadTime_allOnTheEnergisationDay() {
        assertThat(ConstructionSpend.shareWithin(ENERGISED, 0, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)))
                .isEqualTo(1);
        assertThat(ConstructionSpend.shareWithin(ENERGISED, 0, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1)))
                .isZero();
    }

    private static double share(int year) {
        return ConstructionSpend.shareWithin(ENERGISED, 2, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }
}

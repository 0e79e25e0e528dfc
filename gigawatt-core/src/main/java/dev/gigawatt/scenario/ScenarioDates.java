package dev.gigawatt.scenario;

import java.time.LocalDate;

/** Special dates in a scenario. */
public final class ScenarioDates {
    /** The start of a capacity given as one value: in force since before anything was deployed. */
    public static final LocalDate ALWAYS = LocalDate.of(1900, 1, 1);

    private ScenarioDates() {}
}

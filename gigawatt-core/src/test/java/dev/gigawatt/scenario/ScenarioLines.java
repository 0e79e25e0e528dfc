package dev.gigawatt.scenario;

/** Scenario fragments whose line numbers the validation tests count on, shared so that they stay the same. */
final class ScenarioLines {
    /** Lines 1-4. */
    static final String HEAD = """
            name: t
            horizon:
              start: 2025-01-01
              end: 2026-01-01
            """;

    /** Lines 5-8 after {@link #HEAD}. */
    static final String ONE_SITE = """
            sites:
              - name: a
                grid: US-OH
                capacity: "100 MW"
            """;

    private ScenarioLines() {}
}

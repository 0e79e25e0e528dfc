package dev.gigawatt.results;

import dev.gigawatt.report.GigawattVersion;
import java.time.Instant;

/**
 * What the store records about how a run came about.
 *
 * @param scenarioFile the scenario file as the user named it
 * @param scenarioText the scenario file's full text
 * @param started when the run started (wall clock)
 * @param finished when the run finished (wall clock)
 * @param gigawattVersion the build that computed the run: this one, or the one that ran an imported sweep
 */
public record RunInfo(
        String scenarioFile, String scenarioText, Instant started, Instant finished, String gigawattVersion) {
    /** A run computed by this build. */
    public RunInfo(String scenarioFile, String scenarioText, Instant started, Instant finished) {
        this(scenarioFile, scenarioText, started, finished, GigawattVersion.get());
    }
}

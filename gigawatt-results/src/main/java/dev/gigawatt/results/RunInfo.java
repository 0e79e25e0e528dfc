package dev.gigawatt.results;

import java.time.Instant;

/**
 * What the store records about how a run came about.
 *
 * @param scenarioFile the scenario file as the user named it
 * @param scenarioText the scenario file's full text
 * @param started when the run started (wall clock)
 * @param finished when the run finished (wall clock)
 */
public record RunInfo(String scenarioFile, String scenarioText, Instant started, Instant finished) {}

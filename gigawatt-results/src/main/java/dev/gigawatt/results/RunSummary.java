package dev.gigawatt.results;

import java.time.Instant;

/**
 * One recorded run, as listed by {@code gigawatt runs}.
 *
 * @param kind {@code plan} or {@code simulate}
 * @param scenarioSha256 SHA-256 of the scenario text, to tell edited scenarios apart
 */
public record RunSummary(
        String runId,
        String kind,
        String scenario,
        String scenarioFile,
        String scenarioSha256,
        long seed,
        long replication,
        String version,
        Instant started,
        Instant finished,
        String status) {}

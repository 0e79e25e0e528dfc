package dev.gigawatt.cli;

/** Formats of a simulation's or a sweep's summary: a table for people, JSON for tools. */
enum SummaryFormat {
    table,
    json
}

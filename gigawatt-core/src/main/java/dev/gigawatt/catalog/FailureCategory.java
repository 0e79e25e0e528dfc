package dev.gigawatt.catalog;

/**
 * One cause of unexpected job interruptions, with the count observed in the reference study.
 *
 * @param component what fails: accelerator, host, network or software
 * @param interruptions interruptions observed over the study's accelerator-days
 */
public record FailureCategory(String name, String component, int interruptions, String description) {}

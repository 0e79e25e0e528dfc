package dev.gigawatt.sim;

/**
 * Something that happened to a training job.
 *
 * @param timeSeconds seconds since the horizon's start
 * @param kind submit, start, failure, restart, waiting (for a replacement accelerator) or complete
 * @param lostGpuHours accelerator-hours of work lost (failures only)
 */
public record JobEvent(double timeSeconds, String job, String kind, double lostGpuHours) {}

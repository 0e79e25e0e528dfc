package dev.gigawatt.report;

import dev.gigawatt.sim.SimulationResult;
import java.io.IOException;
import java.nio.file.Path;

/** Writes a simulation's time series, job records and event logs somewhere people and tools can read them. */
public interface ResultWriter {
    /**
     * Writes {@code result} into the directory {@code dir}, which must not exist yet; either the
     * whole directory appears or nothing does.
     */
    void write(SimulationResult result, Path dir) throws IOException;
}

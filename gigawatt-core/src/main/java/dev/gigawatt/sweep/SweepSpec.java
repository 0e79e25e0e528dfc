package dev.gigawatt.sweep;

import java.nio.file.Path;
import java.util.List;

/**
 * A sweep: a base scenario, the inputs to vary and how, and what to measure.
 *
 * @param scenario the base scenario file (resolved against the sweep file's folder)
 * @param mode {@code plan} or {@code simulate}
 * @param replications runs per point, each with its own replication index (common random numbers across points)
 * @param design {@code grid}, {@code random} or {@code latin-hypercube} for the uncertain inputs
 * @param samples points drawn from the uncertain inputs (random and Latin hypercube designs)
 * @param seed seed of the sampling design (the scenario's own seed drives the simulations)
 * @param outputs KPI names to summarise (see docs/results.md), in report order
 * @param origin the files it came from and the lines of its paths, for messages
 */
public record SweepSpec(
        String name,
        String description,
        Path scenario,
        String mode,
        int replications,
        String design,
        int samples,
        long seed,
        List<Axis> axes,
        List<Uncertain> uncertain,
        List<String> outputs,
        SweepOrigin origin) {
    public SweepSpec {
        axes = List.copyOf(axes);
        uncertain = List.copyOf(uncertain);
        outputs = List.copyOf(outputs);
    }

    /** A sweep built in code: messages name {@code name} and the scenario's file name, without lines. */
    public SweepSpec(
            String name,
            String description,
            Path scenario,
            String mode,
            int replications,
            String design,
            int samples,
            long seed,
            List<Axis> axes,
            List<Uncertain> uncertain,
            List<String> outputs) {
        this(
                name,
                description,
                scenario,
                mode,
                replications,
                design,
                samples,
                seed,
                axes,
                uncertain,
                outputs,
                SweepOrigin.unknown(name, String.valueOf(scenario.getFileName())));
    }

    /** Points of the design, before they are made: the axes' values combined, times the uncertain samples. */
    public double pointCount() {
        double n = 1;
        for (Axis axis : axes) {
            n *= axis.values().size();
        }
        if (!uncertain.isEmpty()) {
            n *= "grid".equals(design) ? Math.pow(3, uncertain.size()) : samples;
        }
        return n;
    }
}
